//! Privacy and safety in operation (issue 11, points 6 to 8), each test
//! named after the defect it guards against: `/forget` that claimed success
//! on a read-only database, anyone confirming someone else's `/forget`,
//! buttons of one user acting for another, database files readable by all,
//! an emptied knowledge folder swapped in, a FIFO that hung the reloader, a
//! link to `/dev/zero` and oversize entries read whole, and `--index-dir`
//! deleting what it did not create.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lotse::assistant::{
    Assistant, Effect, Input, Journal, MemoryStorage, QueryId, QueryRecord, Storage, Target, UserKey,
};
use lotse::i18n::Catalog;
use lotse::index::Location;
use lotse::lang::Lang;
use lotse::reload::{self, Outcome};
use lotse::search::Library;

use crate::store::{TELEGRAM, ask, assistant_on, copy_dir, count_with, memory, text, yes_button};
use crate::util::{key, library, lotse, lotse_command, messages, root, stderr, stdout};

fn says(lang: Lang, id: &str) -> String {
    Catalog::new().text(lang, id)
}

fn command(name: &str) -> Input {
    Input::Command {
        name: name.into(),
        args: String::new(),
    }
}

/// Every action button of a reply.
fn buttons(reply: &[Effect]) -> Vec<String> {
    messages(reply)
        .into_iter()
        .flat_map(|m| m.buttons.iter().flatten())
        .filter_map(|b| match &b.target {
            Target::Action(data) => Some(data.clone()),
            Target::Url(_) => None,
        })
        .collect()
}

/// Makes a file unwritable, even for root: the immutable attribute where
/// there is one, else its mode.
pub fn lock_file(path: &Path) {
    let immutable = std::process::Command::new("chattr").arg("+i").arg(path).status();
    if !immutable.is_ok_and(|s| s.success()) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o400)).unwrap();
        let probe = std::fs::OpenOptions::new().append(true).open(path);
        assert!(probe.is_err(), "cannot make {} read-only here", path.display());
    }
}

pub fn unlock_file(path: &Path) {
    let _ = std::process::Command::new("chattr").arg("-i").arg(path).status();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

fn rows_of(path: &Path, user: &str) -> i64 {
    let user = key(user);
    let user = [user.as_str()];
    count_with(path, "SELECT COUNT(*) FROM queries WHERE user_key = ?1", &user)
        + count_with(path, "SELECT COUNT(*) FROM preferences WHERE user_key = ?1", &user)
        + count_with(path, "SELECT COUNT(*) FROM searches WHERE user_key = ?1", &user)
}

/// Defect: `/forget` said "done" when the database refused the delete, and
/// the delete was lost. Now the user hears that it failed, the wish is kept
/// beside the database (pseudonyms only, owner only), and the delete is done
/// once the database is writable: in the same run, and after a restart.
#[tokio::test]
async fn forget_on_a_read_only_database_says_so_and_completes_later() {
    for restart in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lotse.db");
        let first = memory(&path);
        let assistant = assistant_on(&first);
        for user in ["keep", "gone"] {
            first.set_language(&key(user), Lang::Fr).await.unwrap();
            ask(&assistant, user, TELEGRAM, Input::Text("Kotsina".into())).await;
        }
        first.close();
        drop((assistant, first));
        lock_file(&path);

        let memory = memory(&path);
        let assistant = assistant_on(&memory);
        let confirm = ask(&assistant, "gone", TELEGRAM, command("forget")).await;
        let reply = ask(&assistant, "gone", TELEGRAM, Input::Button(yes_button(&confirm))).await;
        assert!(text(&reply).contains(&says(Lang::Fr, "forget-failed")), "{reply:?}");
        assert_eq!(memory.language(&key("gone")).await, None, "forgotten in memory at once");
        assert_eq!(memory.pending_forgets(), 1);
        let tombstone = dir.path().join("lotse.db-forget");
        assert_eq!(
            std::fs::read_to_string(&tombstone).unwrap(),
            format!("{}\n", key("gone").as_str()),
            "the pseudonym only"
        );
        assert_eq!(mode(&tombstone), 0o600);

        unlock_file(&path);
        let memory = if restart {
            memory.close();
            drop((assistant, memory));
            let again = self::memory(&path);
            assert_eq!(again.pending_forgets(), 0, "done at start");
            assert_eq!(again.language(&key("gone")).await, None);
            again
        } else {
            let deadline = Instant::now() + Duration::from_secs(30);
            while memory.pending_forgets() > 0 && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            assert_eq!(memory.pending_forgets(), 0, "done once the database is writable");
            memory
        };
        memory.close();
        assert!(!tombstone.exists(), "nothing left to do");
        assert_eq!(rows_of(&path, "gone"), 0, "restart: {restart}");
        assert_eq!(rows_of(&path, "keep"), 3, "restart: {restart}");
    }
}

/// Defect: in a group, anyone could press another user's confirmation: the
/// presser's rows were deleted, the asker's stayed. The button now carries
/// a tag of the asker, and the core checks it.
#[tokio::test]
async fn only_the_asker_can_confirm_forget() {
    let preferences = Arc::new(MemoryStorage::default());
    let assistant = Assistant::new(
        Arc::new(Library::new(library().knowledge().clone(), &Location::Memory).unwrap()),
        preferences.clone(),
    );
    for user in ["asker", "other"] {
        preferences.set_language(&key(user), Lang::Tr).await.unwrap();
    }
    let confirm = ask(&assistant, "asker", TELEGRAM, command("forget")).await;
    let asked = buttons(&confirm);
    assert_eq!(asked.len(), 2, "{asked:?}");
    for data in &asked {
        let reply = ask(&assistant, "other", TELEGRAM, Input::Button(data.clone())).await;
        assert!(text(&reply).contains(&says(Lang::Tr, "not-your-button")), "{reply:?}");
    }
    for user in ["asker", "other"] {
        assert_eq!(preferences.language(&key(user)).await, Some(Lang::Tr), "{user} kept");
    }
    // A button from before the tag is stale, not a way around the check.
    let old = ask(&assistant, "other", TELEGRAM, Input::Button("fg:1".into())).await;
    assert!(text(&old).contains(&says(Lang::Tr, "stale-button")));

    let done = ask(&assistant, "asker", TELEGRAM, Input::Button(yes_button(&confirm))).await;
    assert!(text(&done).contains(&says(Lang::Tr, "forget-done")), "{done:?}");
    assert_eq!(preferences.language(&key("asker")).await, None);
    assert_eq!(preferences.language(&key("other")).await, Some(Lang::Tr));
}

/// What the core reported, to see whose feedback reaches the log.
#[derive(Default)]
struct Recorder(Mutex<Vec<(QueryId, UserKey)>>);

impl Journal for Recorder {
    fn query(&self, _: QueryRecord) {}
    fn feedback(&self, query: QueryId, user: &UserKey, _: bool) {
        self.0.lock().unwrap().push((query, user.clone()));
    }
}

/// Defect class: in groups, another user's paging and 👍/👎 buttons must
/// not act on the first user's data. Pressed by someone else they page
/// nothing, record nothing, and say whose the button is.
#[tokio::test]
async fn paging_and_feedback_by_another_user_do_not_act_on_the_first_users_data() {
    let recorder = Arc::new(Recorder::default());
    let assistant = Assistant::new(
        Arc::new(Library::new(library().knowledge().clone(), &Location::Memory).unwrap()),
        Arc::new(MemoryStorage::default()),
    )
    .with_journal(recorder.clone(), 90);
    let results = ask(&assistant, "first", TELEGRAM, Input::Text("Beratung".into())).await;
    let feedback: Vec<String> = buttons(&results).into_iter().filter(|d| d.starts_with("f:")).collect();
    assert_eq!(feedback.len(), 2, "👍 and 👎: {feedback:?}");
    // The search's next page, as a paging button carries it.
    let query = feedback[0].split(':').nth(1).unwrap();
    let page = format!("m:{query}:5");
    assert!(
        !text(&ask(&assistant, "first", TELEGRAM, Input::Button(page.clone())).await)
            .contains(&says(Lang::De, "not-your-button")),
        "the asker pages"
    );
    let pressable = [feedback.clone(), vec![page]].concat();
    for data in &pressable {
        let reply = ask(&assistant, "second", TELEGRAM, Input::Button(data.clone())).await;
        assert!(
            text(&reply).contains(&says(Lang::De, "not-your-button")),
            "{data}: {reply:?}"
        );
        assert!(
            buttons(&reply).iter().all(|d| !d.starts_with("m:")),
            "no page of theirs"
        );
    }
    assert!(recorder.0.lock().unwrap().is_empty(), "no feedback recorded for anyone");
    ask(&assistant, "first", TELEGRAM, Input::Button(feedback[0].clone())).await;
    let recorded = recorder.0.lock().unwrap().clone();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].1, key("first"));
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Defect: the database, `-wal` and `-shm` were created 0644, readable by
/// every local user, with query texts in them. Now 0600, in a folder of
/// 0700 where Lotse creates it, and older files are narrowed at open.
#[tokio::test]
async fn database_files_are_readable_by_their_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data/lotse");
    let path = folder.join("lotse.db");
    let memory = memory(&path);
    let assistant = assistant_on(&memory);
    memory.set_language(&key("u"), Lang::Uk).await.unwrap();
    ask(&assistant, "u", TELEGRAM, Input::Text("Kotsina".into())).await;
    // The writes have landed once the answer to /forget is in.
    let confirm = ask(&assistant, "u", TELEGRAM, command("forget")).await;
    ask(&assistant, "u", TELEGRAM, Input::Button(yes_button(&confirm))).await;
    let files: Vec<PathBuf> = ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| PathBuf::from(format!("{}{suffix}", path.display())))
        .collect();
    for file in &files {
        assert_eq!(mode(file), 0o600, "{} while open", file.display());
    }
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&dir.path().join("data")), 0o700);
    memory.close();

    // A database made by an older Lotse is narrowed when opened.
    for file in files.iter().filter(|f| f.exists()) {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let again = self::memory(&path);
    for file in files.iter().filter(|f| f.exists()) {
        assert_eq!(mode(file), 0o600, "{} narrowed", file.display());
    }
    again.close();

    // The binary makes the secret first, in the same folder: still 0700.
    let fresh = dir.path().join("fresh");
    let output = lotse_command()
        .args(["chat", "--database", fresh.join("lotse.db").to_str().unwrap()])
        .stdin(std::fs::File::open("/dev/null").unwrap())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(mode(&fresh), 0o700);
    assert_eq!(mode(&fresh.join("secret")), 0o600);
    assert_eq!(mode(&fresh.join("lotse.db")), 0o600);
}

/// A copy of the shipped knowledge and an assistant serving it.
fn served_copy() -> (tempfile::TempDir, PathBuf, Arc<Assistant>) {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = dir.path().join("knowledge");
    copy_dir(&root().join("knowledge"), &knowledge);
    let library = Library::new(lotse::knowledge::load(&knowledge).knowledge, &Location::Memory).unwrap();
    let assistant = Arc::new(Assistant::new(Arc::new(library), Arc::new(MemoryStorage::default())));
    (dir, knowledge, assistant)
}

const SOUND_ENTRY: &str = "+++\nid = \"sprachkurs\"\nkind = \"offer\"\naudience = \"both\"\n\
     title = \"Sprachkurs Zauberwort\"\nsummary = \"S\"\nkeywords = [\"Zauberwort\"]\nsource = \"Test\"\n+++\nText\n";

/// Empties the kind folders of `knowledge`.
fn empty(knowledge: &Path) {
    for kind in lotse::knowledge::Kind::ALL {
        let _ = std::fs::remove_dir_all(knowledge.join(kind.folder()));
    }
}

/// Defect: an emptied knowledge folder was swapped in ("0 entries", then
/// every answer "nothing found"). A reload that would drop every entry, or
/// more than half, is refused and the old knowledge serves, until forced.
#[test]
fn an_emptied_knowledge_folder_is_refused_until_forced() {
    type Edit = fn(&Path);
    let cases: [(&str, Edit, usize); 2] = [
        ("emptied", empty, 0),
        (
            "one entry left",
            |k| {
                empty(k);
                std::fs::create_dir_all(k.join("offers")).unwrap();
                std::fs::write(k.join("offers/sprachkurs.md"), SOUND_ENTRY).unwrap();
            },
            1,
        ),
    ];
    for (name, edit, after) in cases {
        let (_dir, knowledge, assistant) = served_copy();
        let before = assistant.library().knowledge().len();
        edit(&knowledge);
        let outcome = reload::reload(&assistant, &knowledge, &Location::Memory, false);
        assert_eq!(outcome, Outcome::Refused { before, after }, "{name}");
        assert_eq!(
            assistant.library().knowledge().len(),
            before,
            "{name}: the old knowledge serves"
        );
        let forced = reload::reload(&assistant, &knowledge, &Location::Memory, true);
        assert_eq!(forced, Outcome::Reloaded(after), "{name}");
        assert_eq!(assistant.library().knowledge().len(), after, "{name}");
    }
}

/// Runs a reload on a thread of its own, so that a reload that hangs fails
/// the test instead of hanging it.
fn reload_within(assistant: &Arc<Assistant>, knowledge: &Path, limit: Duration) -> Outcome {
    let (tx, rx) = std::sync::mpsc::channel();
    let (assistant, knowledge) = (assistant.clone(), knowledge.to_path_buf());
    std::thread::spawn(move || {
        let _ = tx.send(reload::reload(&assistant, &knowledge, &Location::Memory, false));
    });
    rx.recv_timeout(limit).expect("the reload finished instead of hanging")
}

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `name` is a valid C string that lives across the call.
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o644) };
    assert_eq!(made, 0, "mkfifo {}", path.display());
}

/// Defect: the reload thread hung forever on a FIFO named `*.md`, so no
/// later edit went live. The FIFO is refused by name, at once, and the
/// watcher goes on taking edits.
#[test]
fn a_fifo_in_the_knowledge_folder_is_refused_and_later_edits_go_live() {
    let (_dir, knowledge, assistant) = served_copy();
    let (tx, rx) = std::sync::mpsc::channel();
    reload::watch(assistant.clone(), knowledge.clone(), Location::Memory, move |o| {
        let _ = tx.send(o);
    })
    .unwrap();
    let fifo = knowledge.join("offers/x.md");
    mkfifo(&fifo);
    let outcome = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the watcher saw the FIFO");
    let Outcome::Rejected(errors) = outcome else {
        panic!("a FIFO was taken: {outcome:?}")
    };
    assert!(
        errors
            .iter()
            .any(|e| e.contains("offers/x.md") && e.contains("named pipe")),
        "{errors:?}"
    );
    let direct = reload_within(&assistant, &knowledge, Duration::from_secs(10));
    assert!(matches!(direct, Outcome::Rejected(_)), "{direct:?}");

    std::fs::remove_file(&fifo).unwrap();
    std::fs::write(knowledge.join("offers/sprachkurs.md"), SOUND_ENTRY).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while assistant.library().knowledge().get("sprachkurs").is_none() && Instant::now() < deadline {
        let _ = rx.recv_timeout(Duration::from_millis(200));
    }
    assert!(
        assistant.library().knowledge().get("sprachkurs").is_some(),
        "the edit went live"
    );
}

/// The watcher no longer polls, so a knowledge folder replaced as a whole
/// (moved away, a new one moved in, as deploy tools do) must still be
/// followed.
#[test]
fn a_knowledge_folder_replaced_by_a_rename_is_still_watched() {
    let (dir, knowledge, assistant) = served_copy();
    reload::watch(assistant.clone(), knowledge.clone(), Location::Memory, |_| {}).unwrap();
    let next = dir.path().join("next");
    copy_dir(&knowledge, &next);
    std::fs::write(next.join("offers/sprachkurs.md"), SOUND_ENTRY).unwrap();
    std::fs::rename(&knowledge, dir.path().join("old")).unwrap();
    std::fs::rename(&next, &knowledge).unwrap();
    let live = |assistant: &Assistant| assistant.library().knowledge().get("sprachkurs").is_some();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !live(&assistant) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(live(&assistant), "the new folder was taken");
    // And it is watched in turn.
    std::fs::remove_file(knowledge.join("offers/sprachkurs.md")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while live(&assistant) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(!live(&assistant), "an edit of the new folder was taken");
}

/// Defect: a link to `/dev/zero` took the memory to 2 GB, and a 50 MB entry
/// was accepted. Links out of the folder, special files and files over the
/// cap are refused, each error naming the file.
#[test]
fn links_out_special_files_and_oversize_entries_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = dir.path().join("knowledge");
    copy_dir(&root().join("knowledge"), &knowledge);
    let outside = dir.path().join("secret.md");
    std::fs::write(&outside, SOUND_ENTRY).unwrap();
    let big = format!("{SOUND_ENTRY}{}", "x".repeat(lotse::knowledge::MAX_FILE_BYTES as usize));
    type Make<'a> = &'a dyn Fn(&Path);
    let cases: [(&str, Make, &str); 5] = [
        (
            "offers/zero.md",
            &|p| std::os::unix::fs::symlink("/dev/zero", p).unwrap(),
            "leads out",
        ),
        (
            "offers/null.md",
            &|p| std::os::unix::fs::symlink("/dev/null", p).unwrap(),
            "leads out",
        ),
        (
            "offers/secret.md",
            &|p| std::os::unix::fs::symlink(&outside, p).unwrap(),
            "leads out",
        ),
        (
            "offers/big.md",
            &|p| std::fs::write(p, &big).unwrap(),
            "more than the 1048576 bytes",
        ),
        ("offers/pipe.md", &|p| mkfifo(p), "named pipe"),
    ];
    for (name, make, expected) in cases {
        let path = knowledge.join(name);
        make(&path);
        let loaded = lotse::knowledge::load(&knowledge);
        let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
        assert!(
            errors.iter().any(|e| e.contains(name) && e.contains(expected)),
            "{name}: {errors:?}"
        );
        assert_eq!(errors.len(), 1, "{name}: only that file: {errors:?}");
        std::fs::remove_file(&path).unwrap();
    }
    // A link that stays inside the folder is read like the file.
    std::fs::write(dir.path().join("knowledge/sprachkurs.txt"), SOUND_ENTRY).unwrap();
    std::os::unix::fs::symlink("../sprachkurs.txt", knowledge.join("offers/sprachkurs.md")).unwrap();
    let loaded = lotse::knowledge::load(&knowledge);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    assert!(loaded.knowledge.get("sprachkurs").is_some());
}

/// Defect: `--index-dir DIR` deleted whatever was in DIR when its stamp was
/// missing or stale. Now a folder with a file Lotse did not put there is
/// refused, and the file stays.
#[test]
fn index_dir_with_a_foreign_file_is_refused_and_the_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    std::fs::create_dir_all(index.join("photos")).unwrap();
    std::fs::write(index.join("notes.txt"), "mine").unwrap();
    // Loaded afresh: a library's knowledge keeps no file records, and the
    // stamp below is to hash each file.
    let knowledge = lotse::knowledge::load(&root().join("knowledge")).knowledge;
    let Err(err) = Library::new(knowledge.clone(), &Location::Dir(index.clone())) else {
        panic!("a foreign folder was taken")
    };
    let message = err.to_string();
    assert!(message.contains(&index.display().to_string()), "{message}");
    assert!(message.contains("notes.txt") || message.contains("photos"), "{message}");

    let output = lotse(&["ask", "--index-dir", index.to_str().unwrap(), "Kotsina"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("did not put there"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(index.join("notes.txt")).unwrap(), "mine");
    assert!(index.join("photos").is_dir());

    // A new folder is Lotse's: marked, stamped, and its own to rebuild.
    let own = dir.path().join("own");
    Library::new(knowledge.clone(), &Location::Dir(own.clone())).unwrap();
    assert!(own.join("lotse-index").is_file());
    let stamp = std::fs::read_to_string(own.join("lotse-knowledge.stamp")).unwrap();
    let fingerprint = stamp.lines().next().unwrap();
    assert_eq!(fingerprint.len(), 64, "a SHA-256: {stamp}");
    assert!(stamp.contains("offers/"), "per-file hashes: {stamp}");
}

/// Defect: two reloads could write one index folder at once. Builds of
/// different knowledge into one folder from several threads all succeed,
/// and the folder ends up holding one whole index.
#[test]
fn builds_into_one_index_folder_take_turns() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let full = library().knowledge().clone();
    let fewer = lotse::knowledge::Knowledge::shared(
        full.entries()
            .iter()
            .filter(|e| e.id != "maria-kotsina")
            .cloned()
            .collect(),
    );
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let knowledge = if i % 2 == 0 { full.clone() } else { fewer.clone() };
            let location = Location::Dir(index.clone());
            std::thread::spawn(move || Library::new(knowledge, &location).map(|_| ()))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap().expect("each build succeeds");
    }
    let again = Library::new(full, &Location::Dir(index)).unwrap();
    let answer = again.ask("Kotsina", Default::default()).unwrap();
    assert_eq!(answer.hits[0].id, "maria-kotsina");
}

/// Defect class: users written in clear into the log. A scripted chat at
/// the most verbose level (searches, a language, 👍, `/forget`) leaves no
/// line with the user's text or their pseudonym, from Lotse or the crates
/// under it.
#[test]
fn no_log_line_holds_a_users_text_or_key() {
    use std::io::Write;
    use std::process::Stdio;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lotse.db");
    let mut child = lotse_command()
        .args(["chat", "--database", path.to_str().unwrap()])
        .env("LOTSE_LOG", "trace")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let turns = "/language\n11\nGeheimwortXyz Kotsina\n4\nGeheimwortXyz\n/forget\n1\n";
    child.stdin.take().unwrap().write_all(turns.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(
        stdout(&output).contains(&says(Lang::Ro, "forget-done")),
        "{}",
        stdout(&output)
    );
    let log = stderr(&output);
    assert!(log.contains("TRACE"), "the most verbose level is on: {log}");
    for line in log.lines() {
        assert!(!line.to_lowercase().contains("geheimwortxyz"), "a user's text: {line}");
        let hex_run = line.split(|c: char| !c.is_ascii_hexdigit()).any(|run| run.len() >= 64);
        assert!(!hex_run, "a pseudonym: {line}");
    }
}
