//! Memory with care, on real SQLite files in temporary folders and, where
//! the tests have a server (`LOTSE_TEST_POSTGRES_URL`), on fresh PostgreSQL
//! databases: migrations, preferences across restarts, the log of every
//! channel, pseudonyms only, `/forget`, retention, the maintainers' report,
//! a database that fails, and hot reload of a knowledge folder edited into
//! errors and back.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use lotse::assistant::{Assistant, Channel, Effect, Event, Input, MemoryStorage, QueryId, QueryRecord, Storage};
use lotse::i18n::Catalog;
use lotse::index::Location;
use lotse::lang::Lang;
use lotse::reload::{self, Outcome};
use lotse::search::Library;
use lotse::store::{DEFAULT_LANGUAGE_TTL, Database, MIGRATOR, Memory, MemoryOptions, PG_MIGRATOR, Store, now};

use crate::pg::{backends, database_args, lotse_on};
use crate::util::{actor, key, library, lotse_command, messages, root};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Runs `work` to its end on a runtime of its own, on a thread of its own,
/// so that a test on a runtime can call it too.
fn on_own_runtime<T: Send + 'static>(work: impl std::future::Future<Output = T> + Send + 'static) -> T {
    std::thread::spawn(move || runtime().block_on(work)).join().unwrap()
}

/// A database the tests open: an SQLite file by its path, or either
/// backend.
pub trait Db {
    fn database(&self) -> Database;
}

impl Db for Path {
    fn database(&self) -> Database {
        Database::Sqlite(self.to_path_buf())
    }
}

impl Db for std::path::PathBuf {
    fn database(&self) -> Database {
        Database::Sqlite(self.clone())
    }
}

impl Db for Database {
    fn database(&self) -> Database {
        self.clone()
    }
}

pub fn memory(db: &(impl Db + ?Sized)) -> Arc<Memory> {
    Memory::open(memory_options(db))
}

/// How the tests keep a memory on `db`: 90 days, a queue of 1000.
pub fn memory_options(db: &(impl Db + ?Sized)) -> MemoryOptions {
    let database = db.database();
    // On PostgreSQL the deletes still to be done go to a file of their own.
    static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let forget_file = database.is_postgres().then(|| {
        let n = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        std::env::temp_dir().join(format!("lotse-forget-{}-{n}", std::process::id()))
    });
    MemoryOptions {
        database,
        forget_file,
        retention_days: 90,
        queue: 1000,
        language_ttl: DEFAULT_LANGUAGE_TTL,
    }
}

pub fn assistant_on(memory: &Arc<Memory>) -> Assistant {
    let copy = Library::new(library().knowledge().clone(), &Location::Memory).unwrap();
    Assistant::new(Arc::new(copy), memory.clone()).with_journal(memory.clone(), 90)
}

pub async fn ask(assistant: &Assistant, user: &str, channel: Channel, input: Input) -> Vec<Effect> {
    let event = Event {
        actor: actor(user),
        channel,
        client_lang: Some(Lang::De),
        input,
    };
    assistant.handle(event).await
}

/// The text of every message the effects send.
pub fn text(reply: &[Effect]) -> String {
    messages(reply).iter().map(|m| m.text()).collect::<Vec<_>>().join("\n")
}

/// A private Telegram chat.
pub const TELEGRAM: Channel = Channel::Telegram { private: true };

/// Rows of a table as (user_key, …) strings, read with a fresh connection.
pub fn count(db: &(impl Db + ?Sized), sql: &'static str) -> i64 {
    count_with(db, sql, &[])
}

/// Runs one statement on a fresh connection (to set up a fault).
pub fn execute(db: &(impl Db + ?Sized), sql: &'static str) {
    run(db, sql, true)
}

/// Runs one statement on a database without migrating it first (to put
/// something in the way of a migration).
pub fn execute_raw(db: &(impl Db + ?Sized), sql: &'static str) {
    run(db, sql, false)
}

fn run(db: &(impl Db + ?Sized), sql: &'static str, migrated: bool) {
    let database = db.database();
    on_own_runtime(async move {
        let store = if migrated {
            Store::open_database(&database).await
        } else {
            Store::connect_database(&database).await
        };
        let store = store.unwrap();
        sqlx::query(sql).execute(store.pool()).await.unwrap();
        store.close().await;
    })
}

/// A `SELECT COUNT(*)` with bound values, on a fresh connection.
pub fn count_with(db: &(impl Db + ?Sized), sql: &'static str, values: &[&str]) -> i64 {
    let database = db.database();
    let values: Vec<String> = values.iter().map(ToString::to_string).collect();
    on_own_runtime(async move {
        let store = Store::open_database(&database).await.unwrap();
        let mut query = sqlx::query_as(sql);
        for value in values {
            query = query.bind(value);
        }
        let (n,): (i64,) = query.fetch_one(store.pool()).await.unwrap();
        store.close().await;
        n
    })
}

pub fn record(id: u64, user: &str, text: &str, hits: usize, at: u64) -> QueryRecord {
    QueryRecord {
        query: QueryId(id),
        at,
        channel: TELEGRAM,
        user: key(user),
        answer_lang: Lang::De,
        detected: Some(Lang::De),
        text: text.to_string(),
        hits,
        top_ids: if hits > 0 {
            vec!["maria-kotsina".to_string()]
        } else {
            Vec::new()
        },
        latency_us: 300,
    }
}

#[test]
fn migrations_apply_to_an_empty_database_and_to_the_previous_schema() {
    let dir = tempfile::tempdir().unwrap();
    for fresh in backends(&dir.path().join("fresh.db"), "migrations_fresh") {
        runtime().block_on(async {
            let fresh = Store::open_database(&fresh).await.unwrap();
            assert!(fresh.languages().await.unwrap().is_empty());
            fresh.close().await;
        });
    }
    // A database at the first migration, with a row, brought up to date.
    for database in backends(&dir.path().join("stepwise.db"), "migrations_stepwise") {
        let (folder, full) = match database {
            Database::Sqlite(_) => ("migrations/sqlite", &MIGRATOR),
            Database::Postgres(_) => ("migrations/postgres", &PG_MIGRATOR),
        };
        runtime().block_on(async {
            let store = Store::connect_database(&database).await.unwrap();
            let mut first_only = sqlx::migrate::Migrator::new(root().join(folder)).await.unwrap();
            first_only.migrations = std::borrow::Cow::Owned(full.iter().take(1).cloned().collect());
            first_only.run(store.pool()).await.unwrap();
            sqlx::query("INSERT INTO preferences (user_key, lang, updated_at) VALUES ($1, 'tr', 1)")
                .bind(key("k").as_str())
                .execute(store.pool())
                .await
                .unwrap();
            store.close().await;
            let store = Store::open_database(&database).await.unwrap();
            assert_eq!(store.languages().await.unwrap()[&key("k")], Lang::Tr);
            store.close().await;
        });
        assert_eq!(
            count(&database, "SELECT COUNT(*) FROM feedback"),
            0,
            "the second migration made its table on {database}"
        );
    }
}

#[test]
fn both_backends_have_the_same_migrations() {
    let names = |set: &sqlx::migrate::Migrator| -> Vec<(i64, String)> {
        set.iter().map(|m| (m.version, m.description.to_string())).collect()
    };
    let (sqlite, postgres) = (names(&MIGRATOR), names(&PG_MIGRATOR));
    assert_eq!(sqlite, postgres, "the same versions and names, in order");
}

#[test]
#[ignore = "needs PostgreSQL (LOTSE_TEST_POSTGRES_URL); .ci/run runs it"]
fn replicas_that_start_at_once_migrate_once() {
    let database = crate::pg::required("migrate_at_once");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let opening: Vec<_> = (0..4)
            .map(|_| {
                let database = database.clone();
                tokio::spawn(async move { Store::open_database(&database).await })
            })
            .collect();
        for opened in opening {
            opened.await.unwrap().expect("every replica opens the database");
        }
    });
    assert_eq!(
        count(&database, "SELECT COUNT(*) FROM _sqlx_migrations WHERE success"),
        PG_MIGRATOR.iter().count() as i64
    );
}

#[tokio::test]
async fn a_preference_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "preference") {
        let first = memory(&database);
        first.set_language(&key("u1"), Lang::Fa).await.unwrap();
        first.close();
        drop(first);
        let again = memory(&database);
        assert_eq!(again.language(&key("u1")).await, Some(Lang::Fa), "{database}");
        assert_eq!(again.language(&key("u2")).await, None);
    }
}

#[tokio::test]
async fn every_channel_is_logged_and_feedback_is_tied_to_its_row() {
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "every_channel") {
        let memory = memory(&database);
        let assistant = assistant_on(&memory);
        let reply = ask(&assistant, "a", TELEGRAM, Input::Text("Kotsina".into())).await;
        ask(&assistant, "b", Channel::Inline, Input::Inline("Heft".into())).await;
        ask(&assistant, "c", Channel::Terminal, Input::Text("xyzzyqwertz".into())).await;
        let thumbs = messages(&reply)[0]
            .buttons
            .iter()
            .flatten()
            .find(|b| b.label == "👍")
            .map(|b| match &b.target {
                lotse::assistant::Target::Action(data) => data.clone(),
                lotse::assistant::Target::Url(_) => unreachable!(),
            })
            .unwrap();
        ask(&assistant, "a", TELEGRAM, Input::Button(thumbs)).await;
        memory.close();

        let output = lotse_on(&database, dir.path())
            .arg("ask")
            .args(database_args(&database))
            .arg("Heft 48")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

        for channel in ["telegram", "inline", "chat", "cli"] {
            let n = count_with(&database, "SELECT COUNT(*) FROM queries WHERE channel = $1", &[channel]);
            assert_eq!(n, 1, "{channel} on {database}");
        }
        assert_eq!(
            count_with(
                &database,
                "SELECT COUNT(*) FROM feedback f JOIN queries q ON q.id = f.query_id WHERE f.helpful = 1 AND q.user_key = $1",
                &[key("a").as_str()]
            ),
            1
        );
        assert_eq!(
            count(
                &database,
                "SELECT COUNT(*) FROM queries WHERE hits = 0 AND normalized = 'xyzzyqwertz'"
            ),
            1
        );
    }
}

#[tokio::test]
async fn forget_removes_that_user_and_nobody_else() {
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "forget") {
        let memory = memory(&database);
        let assistant = assistant_on(&memory);
        for user in ["keep", "gone"] {
            memory.set_language(&key(user), Lang::Uk).await.unwrap();
            ask(&assistant, user, TELEGRAM, Input::Text("Kotsina".into())).await;
        }
        let confirm = ask(
            &assistant,
            "gone",
            TELEGRAM,
            Input::Command {
                name: "forget".into(),
                args: String::new(),
            },
        )
        .await;
        assert!(
            messages(&confirm)[0]
                .text()
                .contains(&Catalog::new().text(Lang::Uk, "forget-confirm"))
        );
        let done = ask(&assistant, "gone", TELEGRAM, Input::Button(yes_button(&confirm))).await;
        assert!(
            messages(&done)[0]
                .text()
                .contains(&Catalog::new().text(Lang::Uk, "forget-done"))
        );
        assert_eq!(memory.language(&key("gone")).await, None);
        memory.close();
        for table in ["queries", "preferences", "searches"] {
            let sql = match table {
                "queries" => "SELECT COUNT(*) FROM queries WHERE user_key = $1",
                "preferences" => "SELECT COUNT(*) FROM preferences WHERE user_key = $1",
                _ => "SELECT COUNT(*) FROM searches WHERE user_key = $1",
            };
            assert_eq!(
                count_with(&database, sql, &[key("gone").as_str()]),
                0,
                "{table} on {database}"
            );
            assert_eq!(
                count_with(&database, sql, &[key("keep").as_str()]),
                1,
                "{table} on {database}"
            );
        }
    }
}

/// The data of the confirming button of a `/forget` question.
pub fn yes_button(confirm: &[Effect]) -> String {
    messages(confirm)[0]
        .buttons
        .iter()
        .flatten()
        .find_map(|b| match &b.target {
            lotse::assistant::Target::Action(data) if data.starts_with("fg:1:") => Some(data.clone()),
            _ => None,
        })
        .expect("a yes button")
}

#[test]
fn retention_purges_exactly_the_old_rows() {
    let dir = tempfile::tempdir().unwrap();
    let day = 86_400;
    for database in backends(&dir.path().join("lotse.db"), "retention") {
        runtime().block_on(async {
            let store = Store::open_database(&database).await.unwrap();
            for (i, age_days) in [(1, 91), (2, 89), (3, 200), (4, 0)] {
                let event = lotse::store::Event::Query(record(i, "u", "alt", 1, now() - age_days * day));
                store.apply(&event).await.unwrap();
            }
            store.close().await;
        });
        // Opening with a retention of 90 days purges at start.
        memory(&database).close();
        assert_eq!(count(&database, "SELECT COUNT(*) FROM queries"), 2, "{database}");
        assert_eq!(
            count(
                &database,
                "SELECT COUNT(*) FROM queries WHERE query_key IN ('0000000000000002', '0000000000000004')"
            ),
            2
        );
    }
}

#[test]
fn stats_count_the_queries_without_results() {
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "stats") {
        runtime().block_on(async {
            let store = Store::open_database(&database).await.unwrap();
            let rows = [
                ("Kindergeld", 0, "de"),
                ("kindergeld ", 0, "tr"),
                ("KINDERGELD", 0, "tr"),
                ("Wohnung", 0, "de"),
                ("Heft 48", 1, "de"),
            ];
            for (i, (text, hits, lang)) in rows.iter().enumerate() {
                let mut row = record(i as u64 + 1, "u", text, *hits, now());
                row.answer_lang = lang.parse().unwrap();
                store.apply(&lotse::store::Event::Query(row)).await.unwrap();
            }
            // 👍 on the answer that had hits.
            store
                .apply(&lotse::store::Event::Feedback {
                    query: QueryId(5),
                    user: key("u"),
                    helpful: true,
                    at: now(),
                })
                .await
                .unwrap();
            store.close().await;
        });
        let output = lotse_on(&database, dir.path())
            .args(["stats", "--json", "--html", dir.path().join("r.html").to_str().unwrap()])
            .args(database_args(&database))
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(stats["queries"], 5, "{database}");
        assert_eq!(stats["zero_results"], 4);
        assert_eq!(stats["gaps"][0]["query"], "kindergeld");
        assert_eq!(stats["gaps"][0]["count"], 3);
        assert_eq!(stats["gaps"][0]["langs"], serde_json::json!(["tr", "de"]));
        assert_eq!(stats["gaps"][1]["query"], "wohnung");
        assert_eq!(stats["per_lang"][0], serde_json::json!({"lang": "de", "count": 3}));
        let today = &stats["per_day"][0]["day"];
        assert_eq!(today.as_str().map(str::len), Some(10), "a day as YYYY-MM-DD: {today}");
        assert_eq!(
            stats["feedback_per_entry"],
            serde_json::json!([{"entry": "maria-kotsina", "helpful": 1, "unhelpful": 0}])
        );
        let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
        assert!(html.contains("<svg") && html.contains("kindergeld"));
        assert!(
            !html.contains("http://") || !html.contains("<script"),
            "self-contained, no script"
        );
    }
}

#[tokio::test]
async fn a_database_that_fails_does_not_stop_answers() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should be: the database cannot be opened.
    let path = dir.path().join("lotse.db");
    std::fs::create_dir_all(path.join("x")).unwrap();
    let memory = memory(&path);
    let assistant = assistant_on(&memory);
    for _ in 0..2 {
        let reply = ask(&assistant, "u", TELEGRAM, Input::Text("Kotsina".into())).await;
        assert!(messages(&reply)[0].text().contains("Maria Kotsina"));
        assert!(
            !text_of_buttons(&reply).contains("m:"),
            "no paging where the search could not be stored"
        );
    }
    assert!(
        memory.set_language(&key("u"), Lang::Ro).await.is_err(),
        "the failure is told"
    );
    assert_eq!(memory.language(&key("u")).await, None, "and not taken for a language");
    assert!(memory.dropped() >= 2, "the lost writes are counted");

    // A locked database: answers do not wait for it.
    let path = dir.path().join("locked.db");
    let memory = self::memory(&path);
    let assistant = assistant_on(&memory);
    let locked = path.clone();
    let (lock, held) = std::thread::spawn(move || {
        let lock = runtime();
        let held = lock.block_on(async {
            let store = Store::open(&locked).await.unwrap();
            let mut conn = store.pool().acquire().await.unwrap();
            sqlx::query("BEGIN EXCLUSIVE").execute(&mut *conn).await.unwrap();
            (store, conn)
        });
        (lock, held)
    })
    .join()
    .unwrap();
    // A search waits for its row at most the database's busy timeout
    // (2 s), then is answered without buttons that need it.
    let start = std::time::Instant::now();
    let reply = ask(&assistant, "u", TELEGRAM, Input::Text("Kotsina".into())).await;
    assert!(messages(&reply)[0].text().contains("Maria Kotsina"));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "the answer went out while the database was locked"
    );
    // Connections are given back inside the runtime that made them.
    std::thread::spawn(move || {
        lock.block_on(async move {
            let (store, conn) = held;
            drop(conn);
            store.close().await;
        })
    })
    .join()
    .unwrap();
    memory.close();
}

/// The action data of every button among the effects, joined.
fn text_of_buttons(reply: &[Effect]) -> String {
    let data = messages(reply).into_iter().flat_map(|m| m.buttons.iter().flatten());
    data.filter_map(|b| match &b.target {
        lotse::assistant::Target::Action(data) => Some(data.clone()),
        lotse::assistant::Target::Url(_) => None,
    })
    .collect::<Vec<_>>()
    .join(" ")
}

#[tokio::test]
async fn a_read_only_database_does_not_stop_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lotse.db");
    let first = memory(&path);
    first.set_language(&key("u"), Lang::Pl).await.unwrap();
    first.close();
    drop(first);
    // Read-only even for root: the immutable attribute.
    let locked = std::process::Command::new("chattr").arg("+i").arg(&path).status();
    if !locked.is_ok_and(|s| s.success()) {
        eprintln!("chattr +i is not available here; the read-only case is covered by the unopenable one");
        return;
    }
    let memory = memory(&path);
    let assistant = assistant_on(&memory);
    let reply = ask(&assistant, "u", TELEGRAM, Input::Text("Kotsina".into())).await;
    assert!(messages(&reply)[0].text().contains("Maria Kotsina"));
    ask(&assistant, "u", TELEGRAM, Input::Text("Heft 48".into())).await;
    memory.close();
    let _ = std::process::Command::new("chattr").arg("-i").arg(&path).status();
    assert!(memory.dropped() >= 2, "the writes the database refused are counted");
}

#[tokio::test]
async fn a_broken_edit_keeps_the_old_answers_and_a_fixed_one_brings_the_new() {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = dir.path().join("knowledge");
    copy_dir(&root().join("knowledge"), &knowledge);
    let assistant = Assistant::new(
        Arc::new(Library::new(lotse::knowledge::load(&knowledge).knowledge, &Location::Memory).unwrap()),
        Arc::new(MemoryStorage::default()),
    );
    let found = async |query: &str| {
        let reply = ask(&assistant, "u", Channel::Terminal, Input::Text(query.into())).await;
        messages(&reply)[0].text()
    };
    let before = found("Kotsina").await;
    let entry = "+++\nid = \"sprachkurs\"\nkind = \"offer\"\naudience = \"both\"\ntitle = \"Sprachkurs Zauberwort\"\n\
                 summary = \"S\"\nkeywords = [\"Zauberwort\"]\nsource = \"Test\"\nrelated = [\"gibt-es-nicht\"]\n+++\nText\n";
    std::fs::write(knowledge.join("offers/sprachkurs.md"), entry).unwrap();
    let outcome = reload::reload(&assistant, &knowledge, &Location::Memory, false);
    let Outcome::Rejected(errors) = outcome else {
        panic!("a broken edit was taken")
    };
    assert!(
        errors
            .iter()
            .any(|e| e.contains("sprachkurs.md:9") && e.contains("gibt-es-nicht")),
        "{errors:?}"
    );
    assert_eq!(found("Kotsina").await, before, "the old knowledge still answers");
    assert!(!found("Zauberwort").await.contains("Sprachkurs Zauberwort"));

    std::fs::write(
        knowledge.join("offers/sprachkurs.md"),
        entry.replace("gibt-es-nicht", "maria-kotsina"),
    )
    .unwrap();
    assert!(
        matches!(reload::reload(&assistant, &knowledge, &Location::Memory, false), Outcome::Reloaded(n) if n == 25)
    );
    assert!(found("Zauberwort").await.contains("Sprachkurs Zauberwort"));
}

#[test]
fn the_watcher_reloads_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = dir.path().join("knowledge");
    copy_dir(&root().join("knowledge"), &knowledge);
    let assistant = Arc::new(Assistant::new(
        Arc::new(Library::new(lotse::knowledge::load(&knowledge).knowledge, &Location::Memory).unwrap()),
        Arc::new(MemoryStorage::default()),
    ));
    let (tx, rx) = std::sync::mpsc::channel();
    reload::watch(assistant.clone(), knowledge.clone(), Location::Memory, move |o| {
        let _ = tx.send(o);
    })
    .unwrap();
    std::fs::remove_file(knowledge.join("links/intqua-de.md")).unwrap();
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::De) {
        let _ = std::fs::remove_file(knowledge.join(format!("links/intqua-de.{lang}.md")));
    }
    // The organisation entry refers to it: the folder now has an error.
    let outcome = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the watcher saw the change");
    assert!(matches!(outcome, Outcome::Rejected(_)), "{outcome:?}");
    assert!(assistant.library().knowledge().get("intqua-de").is_some());
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_scripted_chat_leaves_preference_log_and_feedback() {
    use std::io::Write;
    use std::process::Stdio;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lotse.db");
    let mut child = lotse_command()
        .args(["chat", "--database", path.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // The picker; Română is the eleventh language; then a search, 👍 on it
    // (after three results), and a search that finds nothing.
    let turns = "/language\n11\nKotsina\n4\nxyzzyqwertz\n";
    child.stdin.take().unwrap().write_all(turns.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains(&Catalog::new().text(Lang::Ro, "feedback-thanks")), "{out}");
    assert_eq!(count(&path, "SELECT COUNT(*) FROM preferences WHERE lang = 'ro'"), 1);
    assert_eq!(count(&path, "SELECT COUNT(*) FROM queries WHERE channel = 'chat'"), 2);
    assert_eq!(count(&path, "SELECT COUNT(*) FROM feedback WHERE helpful = 1"), 1);
    assert_eq!(
        count(
            &path,
            "SELECT COUNT(*) FROM queries WHERE length(user_key) = 64 AND user_key NOT LIKE '%terminal%'"
        ),
        2
    );
}

#[tokio::test]
async fn user_text_is_data_never_sql() {
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "sql_injection") {
        let memory = memory(&database);
        let assistant = assistant_on(&memory);
        let attacks = [
            "'; DROP TABLE queries; --",
            "Robert'); DROP TABLE preferences;--",
            "\" OR 1=1 --",
            "x'); DELETE FROM feedback; SELECT ('",
        ];
        for attack in attacks {
            ask(&assistant, "sql", TELEGRAM, Input::Text(attack.into())).await;
        }
        memory.close();
        for attack in attacks {
            let stored = count_with(&database, "SELECT COUNT(*) FROM queries WHERE query = $1", &[attack]);
            assert_eq!(stored, 1, "{attack} stored as it was typed");
        }
        // Every table is still there (a missing one fails the query), and
        // nothing was deleted.
        assert_eq!(count(&database, "SELECT COUNT(*) FROM queries"), attacks.len() as i64);
        count(&database, "SELECT COUNT(*) FROM preferences");
        count(&database, "SELECT COUNT(*) FROM feedback");
    }
}

#[test]
fn two_replicas_share_one_inbox() {
    use lotse::store::{Inbox, InboxKey, Incoming};
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "shared_inbox") {
        runtime().block_on(async {
            // Two processes' stores on one database, with one secret.
            let (a, b) = (
                Store::open_database(&database).await.unwrap(),
                Store::open_database(&database).await.unwrap(),
            );
            let key = InboxKey([3; 32]);
            let (a, b) = (Inbox::new(&a, &key), Inbox::new(&b, &key));
            let update = Incoming {
                update_id: 9,
                chat_key: "chat",
                payload: b"{}",
            };
            assert_eq!(a.offer(std::slice::from_ref(&update)).await.unwrap(), [true]);
            assert_eq!(b.offer(&[update]).await.unwrap(), [false], "a duplicate on the other");
            // One answers it in its turn; the other's turn then finds it done.
            let turn = a.turn("chat", 9).await.unwrap().expect("a's turn");
            a.done_in(turn, 9).await.unwrap();
            match database {
                Database::Postgres(_) => assert!(b.turn("chat", 9).await.unwrap().is_none(), "handled once"),
                // One process on SQLite: its turn is not checked.
                Database::Sqlite(_) => assert!(b.turn("chat", 9).await.unwrap().is_some()),
            }
            assert!(b.pending().await.unwrap().is_empty());
        });
    }
}

#[test]
#[ignore = "needs PostgreSQL (LOTSE_TEST_POSTGRES_URL); .ci/run runs it"]
fn a_chats_turn_waits_for_the_other_replica() {
    use lotse::store::{Inbox, InboxKey, Incoming};
    let database = crate::pg::required("chat_turn");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let key = InboxKey([4; 32]);
        let a = Inbox::new(&Store::open_database(&database).await.unwrap(), &key);
        let b = Inbox::new(&Store::open_database(&database).await.unwrap(), &key);
        let updates: Vec<Incoming<'_>> = [(1, "chat"), (2, "chat"), (3, "other")]
            .into_iter()
            .map(|(update_id, chat_key)| Incoming {
                update_id,
                chat_key,
                payload: b"{}",
            })
            .collect();
        a.offer(&updates).await.unwrap();
        let first = a.turn("chat", 1).await.unwrap().unwrap();
        // Another chat is not held up.
        let other = b.turn("other", 3).await.unwrap().unwrap();
        b.done_in(other, 3).await.unwrap();
        // The same chat waits until the first turn ends.
        let waiting = tokio::spawn(async move { b.turn("chat", 2).await.map(|turn| turn.is_some()) });
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(!waiting.is_finished(), "the chat's second update waits for its first");
        a.done_in(first, 1).await.unwrap();
        assert!(waiting.await.unwrap().unwrap(), "then it is its turn");
    });
}

/// A replica that stopped mid-answer leaves its lease on the chat; it
/// lapses, and the other replica then answers the update.
#[test]
#[ignore = "needs PostgreSQL (LOTSE_TEST_POSTGRES_URL); .ci/run runs it"]
fn a_lapsed_lease_does_not_block_the_chat() {
    use lotse::store::{Inbox, InboxKey, Incoming};
    let database = crate::pg::required("lapsed_lease");
    runtime().block_on(async {
        let store = Store::open_database(&database).await.unwrap();
        let inbox = Inbox::new(&store, &InboxKey([5; 32]));
        let update = Incoming {
            update_id: 7,
            chat_key: "chat",
            payload: b"{}",
        };
        inbox.offer(&[update]).await.unwrap();
        sqlx::query("INSERT INTO chat_turns (chat_key, holder, until) VALUES ('chat', 'gone', $1)")
            .bind(now() as i64 - 1)
            .execute(store.pool())
            .await
            .unwrap();
        let turn = tokio::time::timeout(Duration::from_secs(5), inbox.turn("chat", 7))
            .await
            .expect("a lapsed lease is not waited for")
            .unwrap()
            .expect("the update is still to be answered");
        inbox.done_in(turn, 7).await.unwrap();
        let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_turns")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(left, 0, "the lease is given back with the update");
    });
}
