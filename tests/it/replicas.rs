//! Two `lotse serve` webhook replicas behind one url, sharing one
//! PostgreSQL database and one pseudonym secret, against the fake Bot API:
//! an update delivered to both is answered once, `/forget` on one forgets
//! the user everywhere, and a conversation may hop between them. Also what
//! a replica refuses: a database url it cannot use, or PostgreSQL without
//! a shared secret. The PostgreSQL tests are `#[ignore]`d: they need
//! `LOTSE_TEST_POSTGRES_URL` (see `tests/it/pg.rs`), and `.ci/run` runs
//! them with `--ignored` beside the server it starts.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use lotse::i18n::Catalog;
use lotse::lang::Lang;
use lotse::store::Database;
use serde_json::{Value, json};

use crate::fake_telegram::{Call, FakeTelegram, callback_update, message_update, text_message, user};
use crate::telegram::{TOKEN, WAIT, button, free_port, post, spawn_bot, text_of};
use crate::util::root;

/// Two replicas on one database, and their fake Telegram.
struct Replicas {
    fake: FakeTelegram,
    ports: Vec<u16>,
    bots: Vec<Child>,
    database: Database,
    data: tempfile::TempDir,
}

impl Replicas {
    /// Starts two replicas on a fresh database named after `test`.
    fn start(test: &str) -> Replicas {
        let database = crate::pg::required(test);
        let data = tempfile::tempdir().unwrap();
        // The operator makes the secret once and gives it to every replica.
        std::fs::write(
            data.path().join("secret"),
            "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e7",
        )
        .unwrap();
        let mut replicas = Replicas {
            fake: FakeTelegram::start(),
            ports: Vec::new(),
            bots: Vec::new(),
            database,
            data,
        };
        for n in 0..2 {
            let port = free_port();
            let bot = replicas.spawn(n, port);
            replicas.ports.push(port);
            replicas.bots.push(bot);
            assert!(
                replicas.fake.wait_until(
                    |calls| calls.iter().filter(|c| c.method == "setwebhook" && c.ok).count() > n,
                    WAIT
                ),
                "replica {n} never set its webhook:\n{}",
                replicas.stderr(n)
            );
        }
        replicas
    }

    fn spawn(&self, n: usize, port: u16) -> Child {
        let listen = format!("127.0.0.1:{port}");
        // Behind a reverse proxy both would share the public url.
        let url = format!("http://{listen}/telegram");
        let Database::Postgres(database_url) = &self.database else {
            unreachable!("replicas share PostgreSQL")
        };
        let own = self.data.path().join(n.to_string());
        std::fs::create_dir_all(&own).unwrap();
        let secret = self.data.path().join("secret");
        spawn_bot(
            &self.fake,
            &own,
            &["--webhook-url", &url, "--listen", &listen],
            &[
                ("LOTSE_DATABASE_URL", database_url),
                ("LOTSE_SECRET_FILE", secret.to_str().unwrap()),
            ],
        )
    }

    fn stderr(&self, n: usize) -> String {
        std::fs::read_to_string(self.data.path().join(n.to_string()).join("stderr.log")).unwrap_or_default()
    }

    /// Delivers `update` to replica `n` as Telegram does; the status line.
    fn deliver(&self, n: usize, update: &Value) -> String {
        self.fake.announce(update);
        post(self.ports[n], "/telegram", "", &update.to_string())
    }

    /// Delivers `update` to replica `n` and waits for `n_calls` more
    /// successful calls to `chat` of `method` (or of either of
    /// `one|other`); returns them.
    fn deliver_and_wait(&self, n: usize, update: &Value, chat: i64, method: &str, n_calls: usize) -> Vec<Call> {
        let method = method.to_lowercase();
        let methods: Vec<&str> = method.split('|').collect();
        let to_chat = |calls: &[Call]| -> Vec<Call> {
            calls
                .iter()
                .filter(|c| c.ok && methods.contains(&c.method.as_str()) && chat_of(c) == Some(chat))
                .cloned()
                .collect()
        };
        let before = to_chat(&self.fake.calls()).len();
        let status = self.deliver(n, update);
        assert!(status.contains(" 200"), "replica {n}: {status}");
        let arrived = self
            .fake
            .wait_until(|calls| to_chat(calls).len() >= before + n_calls, WAIT);
        assert!(arrived, "no {method} to {chat} from replica {n}:\n{}", self.stderr(n));
        to_chat(&self.fake.calls())[before..].to_vec()
    }

    /// The last message the bot sent to `chat`, as a callback carries it.
    fn last_message(&self, chat: i64) -> Value {
        let id = self.fake.last_message_id(chat).expect("a message was sent");
        self.fake.message(chat, id).expect("the fake keeps it")
    }

    /// Waits until `sql` counts `n` in the shared database.
    fn wait_for_count(&self, sql: &'static str, n: i64) {
        let deadline = std::time::Instant::now() + WAIT;
        let mut seen = crate::store::count(&self.database, sql);
        while seen != n && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
            seen = crate::store::count(&self.database, sql);
        }
        assert_eq!(seen, n, "{sql}");
    }

    /// Stops both with SIGTERM; each must exit 0.
    fn stop(mut self) {
        for (n, bot) in self.bots.iter_mut().enumerate() {
            let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
            let status = bot.wait().unwrap();
            assert_eq!(status.code(), Some(0), "replica {n}:\n{}", self.stderr(n));
        }
        self.bots.clear();
    }
}

impl Drop for Replicas {
    fn drop(&mut self) {
        for bot in &mut self.bots {
            let _ = bot.kill();
            let _ = bot.wait();
        }
    }
}

/// The chat a call went to.
fn chat_of(call: &Call) -> Option<i64> {
    let chat = &call.params["chat_id"];
    chat.as_i64().or_else(|| chat.as_str()?.parse().ok())
}

/// An update as Telegram sends it: `kind` with its `update_id`.
fn numbered(update_id: i64, mut kind: Value) -> Value {
    kind["update_id"] = json!(update_id);
    kind
}

fn message(update_id: i64, chat: i64, text: &str) -> Value {
    numbered(
        update_id,
        message_update(text_message(chat, "private", user(chat, Some("de")), text)),
    )
}

#[test]
#[ignore = "needs PostgreSQL (LOTSE_TEST_POSTGRES_URL); .ci/run runs it"]
fn an_update_delivered_to_both_replicas_is_answered_once() {
    let replicas = Replicas::start("same_update");
    // One after the other: to the first, then (a retry) to the second.
    let first = message(1, 101, "/help");
    assert!(replicas.deliver(0, &first).contains(" 200"));
    assert!(
        replicas.deliver(1, &first).contains(" 200"),
        "a duplicate still gets 200"
    );
    // At the same moment, three times to each.
    let second = message(2, 102, "/help");
    replicas.fake.announce(&second);
    let deliveries: Vec<_> = (0..6)
        .map(|i| {
            let (port, body) = (replicas.ports[i % 2], second.to_string());
            std::thread::spawn(move || post(port, "/telegram", "", &body))
        })
        .collect();
    for delivery in deliveries {
        assert!(delivery.join().unwrap().contains(" 200"));
    }
    let both = replicas.fake.wait_until(
        |_| {
            [101, 102]
                .iter()
                .all(|&chat| !replicas.fake.sent_texts(chat).is_empty())
        },
        WAIT,
    );
    assert!(both, "not answered:\n{}\n{}", replicas.stderr(0), replicas.stderr(1));
    std::thread::sleep(Duration::from_secs(1));
    for chat in [101, 102] {
        assert_eq!(replicas.fake.sent_texts(chat).len(), 1, "chat {chat} answered once");
    }
    replicas.stop();
}

#[test]
#[ignore = "needs PostgreSQL (LOTSE_TEST_POSTGRES_URL); .ci/run runs it"]
fn forget_on_one_replica_removes_the_user_everywhere() {
    let replicas = Replicas::start("forget_everywhere");
    let catalog = Catalog::new();
    // The user searches on both replicas; someone else on one.
    replicas.deliver_and_wait(0, &message(10, 201, "Kotsina"), 201, "sendMessage", 1);
    replicas.deliver_and_wait(1, &message(11, 201, "Heft 48"), 201, "sendMessage", 1);
    replicas.deliver_and_wait(1, &message(12, 202, "Kotsina"), 202, "sendMessage", 1);
    replicas.wait_for_count("SELECT COUNT(*) FROM queries", 3);
    // Asked on the second, confirmed on the first.
    let asked = replicas.deliver_and_wait(1, &message(13, 201, "/forget"), 201, "sendMessage", 1);
    let yes = button(&asked[0], &catalog.text(Lang::De, "button-forget-yes"));
    let confirm = numbered(
        14,
        callback_update("cb-forget", user(201, Some("de")), replicas.last_message(201), &yes),
    );
    let done = replicas.deliver_and_wait(0, &confirm, 201, "editMessageText", 1);
    assert!(
        text_of(&done[0]).contains(&catalog.text(Lang::De, "forget-done")),
        "{}",
        text_of(&done[0])
    );
    // Both searches are gone, whichever replica logged them; the other
    // user's stays.
    replicas.wait_for_count("SELECT COUNT(*) FROM queries", 1);
    replicas.stop();
}

#[test]
#[ignore = "needs PostgreSQL (LOTSE_TEST_POSTGRES_URL); .ci/run runs it"]
fn paging_of_a_search_started_on_one_replica_continues_on_the_other() {
    let replicas = Replicas::start("paging_across");
    let catalog = Catalog::new();
    let results = replicas.deliver_and_wait(0, &message(20, 301, "Beratung"), 301, "sendMessage", 1);
    let more = button(&results[0], &catalog.text(Lang::De, "button-more"));
    let press = numbered(
        21,
        callback_update("cb-more", user(301, Some("de")), replicas.last_message(301), &more),
    );
    let page = replicas.deliver_and_wait(1, &press, 301, "editMessageText|sendMessage", 1);
    let text = text_of(&page[0]);
    assert!(!text.contains(&catalog.text(Lang::De, "stale-button")), "{text}");
    assert!(text.contains("Seite 2"), "{text}");
    replicas.stop();
}

#[test]
#[ignore = "needs PostgreSQL (LOTSE_TEST_POSTGRES_URL); .ci/run runs it"]
fn a_language_chosen_on_one_replica_is_used_by_the_other() {
    let replicas = Replicas::start("language_across");
    let catalog = Catalog::new();
    let start = numbered(
        30,
        message_update(text_message(401, "private", user(401, Some("es")), "/start")),
    );
    let picker = replicas.deliver_and_wait(0, &start, 401, "sendMessage", 1);
    let romanian = button(&picker[0], Lang::Ro.native_name());
    let choose = numbered(
        31,
        callback_update("cb-lang", user(401, Some("es")), replicas.last_message(401), &romanian),
    );
    replicas.deliver_and_wait(0, &choose, 401, "editMessageText", 1);
    let help = numbered(
        32,
        message_update(text_message(401, "private", user(401, Some("es")), "/help")),
    );
    let answer = replicas.deliver_and_wait(1, &help, 401, "sendMessage", 1);
    assert!(
        text_of(&answer[0]).contains(&catalog.text(Lang::Ro, "help-title")),
        "{}",
        text_of(&answer[0])
    );
    replicas.stop();
}

#[test]
#[ignore = "needs PostgreSQL (LOTSE_TEST_POSTGRES_URL); .ci/run runs it"]
fn a_thumbs_up_pressed_on_the_other_replica_is_stored() {
    let replicas = Replicas::start("feedback_across");
    let catalog = Catalog::new();
    let results = replicas.deliver_and_wait(0, &message(40, 501, "Kotsina"), 501, "sendMessage", 1);
    let thumbs = button(&results[0], "👍");
    let press = numbered(
        41,
        callback_update("cb-thumbs", user(501, Some("de")), replicas.last_message(501), &thumbs),
    );
    let thanks = replicas.deliver_and_wait(1, &press, 501, "sendMessage", 1);
    assert!(
        text_of(&thanks[0]).contains(&catalog.text(Lang::De, "feedback-thanks")),
        "{}",
        text_of(&thanks[0])
    );
    replicas.wait_for_count("SELECT COUNT(*) FROM feedback WHERE helpful = 1", 1);
    replicas.stop();
}

/// `lotse serve` with `envs`, expected to refuse at once: its exit code
/// and stderr.
fn refused(envs: &[(&str, &std::ffi::OsStr)]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .arg("serve")
        .current_dir(root())
        .env_remove("LOTSE_SECRET_FILE")
        .env("TELOXIDE_TOKEN", TOKEN)
        // Nothing listens there: no Telegram is asked before the refusal.
        .env("TELOXIDE_API_URL", format!("http://127.0.0.1:{}", free_port()))
        .envs(envs.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("lotse runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_database_url_a_replica_cannot_use_is_one_line_and_a_failure() {
    // Defect: a `postgres://` url was taken for the name of an SQLite file.
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret");
    std::fs::write(&secret, "0123456789abcdef0123456789abcdef0123456789").unwrap();
    let unknown = refused(&[("LOTSE_DATABASE_URL", "mysql://db.example/lotse".as_ref())]);
    // Nothing listens on that port: unreachable.
    let unreachable_url = format!("postgres://lotse@127.0.0.1:{}/lotse", free_port());
    let unreachable = refused(&[
        ("LOTSE_DATABASE_URL", unreachable_url.as_ref()),
        ("LOTSE_SECRET_FILE", secret.as_os_str()),
    ]);
    let no_secret = refused(&[("LOTSE_DATABASE_URL", "postgres://lotse@127.0.0.1:1/lotse".as_ref())]);
    let missing = dir.path().join("not-made-yet");
    let missing_secret = refused(&[
        ("LOTSE_DATABASE_URL", "postgres://lotse@127.0.0.1:1/lotse".as_ref()),
        ("LOTSE_SECRET_FILE", missing.as_os_str()),
    ]);
    for ((code, stderr), says) in [
        (&unknown, "unknown scheme"),
        (&unreachable, "database postgres://lotse@127.0.0.1"),
        (&no_secret, "LOTSE_SECRET_FILE"),
        (&missing_secret, "does not exist"),
    ] {
        assert!(matches!(code, Some(1 | 2)), "exit {code:?}: {stderr}");
        assert!(stderr.contains(says), "{says}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    }
    assert!(!missing.exists(), "a replica does not make a secret of its own");
    // No SQLite file was made in the working folder under the url's name.
    assert!(!root().join("mysql:").exists() && !root().join("postgres:").exists());
}

#[test]
#[ignore = "needs PostgreSQL (LOTSE_TEST_POSTGRES_URL); .ci/run runs it"]
fn a_migration_that_fails_stops_the_replica() {
    let database = crate::pg::required("failed_migration");
    // A table in the way of the first migration.
    crate::store::execute_raw(&database, "CREATE TABLE preferences (x TEXT)");
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret");
    std::fs::write(&secret, "0123456789abcdef0123456789abcdef0123456789").unwrap();
    let Database::Postgres(url) = &database else {
        unreachable!()
    };
    let (code, stderr) = refused(&[
        ("LOTSE_DATABASE_URL", url.as_ref()),
        ("LOTSE_SECRET_FILE", secret.as_os_str()),
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("database schema"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
}
