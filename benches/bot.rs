//! Throughput of the real bot: `lotse serve` (teloxide, the core, SQLite
//! logging) against the fake Bot API on 127.0.0.1, with rate limits off.
//! Measures updates answered per second, and resident memory at rest and
//! under that load. Prints JSON; `docs/BENCHMARKS.md` records the figures.
//!
//! Run: `cargo bench --bench bot` (optionally `-- UPDATES`), or
//! `cargo bench --bench bot -- load USERS MESSAGES` for the load test:
//! every user sends a message, all wait for their answers, again, MESSAGES
//! times; it reports the p50/p99 time from sending to the answer arriving
//! and the bot's peak memory. `-- slow UPDATES` makes every sendMessage
//! of the fake answer after 300 ms and reports whether memory stays
//! bounded while updates pile up.
//!
//! Reliability, with Telegram's rate limits on (as in production):
//! `-- flood N` has one user send N messages, then 20 others one each, and
//! reports the others' wait for their answer; `-- kill` sends 200 messages
//! from 20 users, SIGKILLs the bot at 1, 2, 3, 5 and 7.5 s, restarts it and
//! counts lost and repeated answers; `-- drain N` queues N updates from
//! N/10 users, sends SIGTERM and reports how long the bot takes to exit and
//! whether the rest is answered exactly once after a restart.
//!
//! Replicas (issue 14): `-- replicas UPDATES` posts UPDATES messages from
//! as many chats to webhooks, 8 at a time, first to one process on SQLite,
//! then to one process on PostgreSQL, then round-robin (as nginx does) to
//! two replicas sharing one PostgreSQL
//! database (`LOTSE_TEST_POSTGRES_URL`, a server the bench may create a
//! database on; `.ci/postgres` starts one), in the same run, and reports
//! the updates answered per second of each.

// The fake's own tests are not built here, so their imports go unused.
#[allow(unused_imports)]
#[path = "../tests/it/fake_telegram.rs"]
mod fake_telegram;

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use fake_telegram::{FakeTelegram, message_update, text_message, user};

/// What the simulated users ask, in turn.
const QUERIES: [&str; 7] = [
    "Kotsina",
    "Heft 48",
    "Anerkennung",
    "подтверждение диплома",
    "معادلة الشهادة",
    "denklik",
    "/help",
];

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().is_some_and(|a| a == "slow") {
        let updates = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(2_000);
        let delay_ms = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(300);
        return slow(updates, Duration::from_millis(delay_ms));
    }
    let number = |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    match args.first().map(String::as_str) {
        Some("replicas") => return replicas(number(1, 2_000)),
        Some("flood") => return flood(number(1, 100)),
        Some("kill") => return kill_points(),
        Some("drain") => return drain(number(1, 500)),
        _ => {}
    }
    if args.first().is_some_and(|a| a == "load") {
        let users = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1_000);
        let messages = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(20);
        return load(users, messages);
    }
    let updates: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(5_000);
    let fake = FakeTelegram::start();
    let (mut bot, _data) = start(&fake);
    let pid = bot.id();
    std::thread::sleep(Duration::from_secs(2));
    let rest_kib = rss_kib(pid);

    let peak = Arc::new(AtomicU64::new(rest_kib));
    let sampling = Arc::new(AtomicBool::new(true));
    let sampler = {
        let (peak, sampling) = (peak.clone(), sampling.clone());
        std::thread::spawn(move || {
            while sampling.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    let queries = QUERIES;
    let sends_before = fake.calls_to("sendMessage").len();
    let start = Instant::now();
    for i in 0..updates {
        let chat = 1_000 + i as i64;
        let text = queries[i % queries.len()];
        fake.push_update(message_update(text_message(
            chat,
            "private",
            user(chat, Some("de")),
            text,
        )));
    }
    let answered = fake.wait_until(
        |calls| calls.iter().filter(|c| c.method == "sendmessage" && c.ok).count() >= sends_before + updates,
        Duration::from_secs(600),
    );
    let elapsed = start.elapsed();
    sampling.store(false, Ordering::Relaxed);
    sampler.join().unwrap();
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let status = bot.wait().unwrap();
    println!(
        "{{\"updates\": {updates}, \"answered\": {answered}, \"seconds\": {:.3}, \"updates_per_s\": {:.0}, \
         \"rss_rest_mib\": {:.1}, \"rss_peak_mib\": {:.1}, \"exit\": {:?}}}",
        elapsed.as_secs_f64(),
        updates as f64 / elapsed.as_secs_f64(),
        rest_kib as f64 / 1024.0,
        peak.load(Ordering::Relaxed) as f64 / 1024.0,
        status.code()
    );
}

/// Starts the bot against `fake`, rate limits off; returns it with its
/// data folder.
fn start(fake: &FakeTelegram) -> (std::process::Child, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    (spawn(fake, data.path(), false), data)
}

/// Starts the bot against `fake` on the database in `data`, with or
/// without Telegram's rate limits, and waits until it polls.
fn spawn(fake: &FakeTelegram, data: &std::path::Path, throttle: bool) -> std::process::Child {
    let polls = fake.calls_to("getUpdates").len();
    let bot = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TELOXIDE_TOKEN", "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz")
        .env("TELOXIDE_API_URL", fake.url())
        .env("LOTSE_DATABASE_URL", data.join("lotse.db"))
        .env("LOTSE_THROTTLE", if throttle { "on" } else { "off" })
        .env("LOTSE_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("lotse serve starts");
    assert!(fake.wait_until(
        |c| c.iter().filter(|c| c.method == "getupdates").count() > polls,
        Duration::from_secs(30)
    ));
    bot
}

/// `rounds` messages from each of `chats`, round after round.
fn push_rounds(fake: &FakeTelegram, chats: std::ops::Range<i64>, rounds: usize, text: &str) {
    for _ in 0..rounds {
        for chat in chats.clone() {
            fake.push_update(message_update(text_message(
                chat,
                "private",
                user(chat, Some("de")),
                text,
            )));
        }
    }
}

/// One user floods `n` messages, then 20 others send one each: how long
/// the others wait, and what the flooder gets.
fn flood(n: usize) {
    let fake = FakeTelegram::start();
    let data = tempfile::tempdir().unwrap();
    let mut bot = spawn(&fake, data.path(), true);
    let (flooder, others) = (60_000i64, 60_001..60_021i64);
    push_rounds(&fake, flooder..flooder + 1, n, "Kotsina");
    let sent_at = Instant::now();
    push_rounds(&fake, others.clone(), 1, "/help");
    let mut waits = Vec::new();
    let mut waiting: Vec<i64> = others.clone().collect();
    while !waiting.is_empty() && sent_at.elapsed() < Duration::from_secs(600) {
        waiting.retain(|&chat| {
            let answered = !fake.sent_texts(chat).is_empty();
            if answered {
                waits.push(sent_at.elapsed());
            }
            !answered
        });
        std::thread::sleep(Duration::from_millis(10));
    }
    let flooder_then = fake.sent_texts(flooder).len();
    std::thread::sleep(Duration::from_secs(20));
    let flooder_answers = fake.sent_texts(flooder).len();
    let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
    let status = bot.wait().unwrap();
    waits.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{{\"flood\": {n}, \"others\": 20, \"others_answered\": {}, \"others_wait_p50_ms\": {:.0}, \"others_wait_max_ms\": {:.0}, \"flooder_answers_when_others_done\": {flooder_then}, \"flooder_answers_after_20s\": {flooder_answers}, \"exit\": {:?}}}",
        waits.len(),
        waits.get(waits.len() / 2).copied().map_or(f64::NAN, ms),
        waits.last().copied().map_or(f64::NAN, ms),
        status.code()
    );
}

/// 200 messages from 20 users; SIGKILL at several points, restart, count
/// lost and repeated answers (each message gets exactly one).
fn kill_points() {
    for at in [1.0, 2.0, 3.0, 5.0, 7.5] {
        let fake = FakeTelegram::start();
        let data = tempfile::tempdir().unwrap();
        let mut bot = spawn(&fake, data.path(), true);
        let chats = 61_000..61_020i64;
        push_rounds(&fake, chats.clone(), 10, "/help");
        std::thread::sleep(Duration::from_secs_f64(at));
        bot.kill().unwrap();
        bot.wait().unwrap();
        let before = fake.calls_to("sendMessage").iter().filter(|c| c.ok).count();
        let mut bot = spawn(&fake, data.path(), true);
        let done = |fake: &FakeTelegram| chats.clone().all(|c| fake.sent_texts(c).len() >= 10);
        fake.wait_until(|_| done(&fake), Duration::from_secs(120));
        std::thread::sleep(Duration::from_secs(3));
        let counts: Vec<usize> = chats.clone().map(|c| fake.sent_texts(c).len()).collect();
        let lost: usize = counts.iter().map(|&n| 10usize.saturating_sub(n)).sum();
        let repeated: usize = counts.iter().map(|&n| n.saturating_sub(10)).sum();
        let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
        bot.wait().unwrap();
        println!(
            "{{\"kill_at_s\": {at}, \"answered_before_kill\": {before}, \"lost\": {lost}, \"repeated\": {repeated}}}"
        );
    }
}

/// `n` updates queued from n/10 users; SIGTERM once answers flow: how
/// long until the bot exits, and is the rest answered after a restart?
fn drain(n: usize) {
    let fake = FakeTelegram::start();
    let data = tempfile::tempdir().unwrap();
    let mut bot = spawn(&fake, data.path(), true);
    let users = (n / 10).max(1) as i64;
    let chats = 62_000..62_000 + users;
    push_rounds(&fake, chats.clone(), 10, "/help");
    let sent = |fake: &FakeTelegram| fake.calls_to("sendMessage").iter().filter(|c| c.ok).count();
    fake.wait_until(|_| sent(&fake) >= users as usize, Duration::from_secs(60));
    let stopped_at = Instant::now();
    let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
    let status = bot.wait().unwrap();
    let drain = stopped_at.elapsed();
    let before = sent(&fake);
    let mut bot = spawn(&fake, data.path(), false);
    let done = |fake: &FakeTelegram| chats.clone().all(|c| fake.sent_texts(c).len() >= 10);
    fake.wait_until(|_| done(&fake), Duration::from_secs(120));
    std::thread::sleep(Duration::from_secs(2));
    let exactly_once = chats.clone().all(|c| fake.sent_texts(c).len() == 10);
    let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
    bot.wait().unwrap();
    println!(
        "{{\"queued\": {n}, \"answered_before_stop\": {before}, \"drain_s\": {:.2}, \"exit\": {:?}, \"rest_answered_exactly_once_after_restart\": {exactly_once}}}",
        drain.as_secs_f64(),
        status.code()
    );
}

/// Answers per chat so far, from one pass over the calls.
fn answered(fake: &FakeTelegram, first_chat: i64, users: usize) -> Vec<usize> {
    let mut counts = vec![0; users];
    for call in fake.calls_to("sendMessage") {
        if !call.ok {
            continue;
        }
        let chat = call.params["chat_id"].as_i64().unwrap_or(0) - first_chat;
        if (0..users as i64).contains(&chat) {
            counts[chat as usize] += 1;
        }
    }
    counts
}

fn load(users: usize, messages: usize) {
    let fake = FakeTelegram::start();
    let (mut bot, _data) = start(&fake);
    let pid = bot.id();
    let rest_kib = rss_kib(pid);
    let first_chat = 50_000i64;
    let queries = QUERIES;
    let mut latencies = Vec::with_capacity(users * messages);
    let mut peak = rest_kib;
    let start_all = Instant::now();
    for round in 0..messages {
        let sent_at = Instant::now();
        for u in 0..users {
            let chat = first_chat + u as i64;
            let text = queries[(u + round) % queries.len()];
            fake.push_update(message_update(text_message(
                chat,
                "private",
                user(chat, Some("de")),
                text,
            )));
        }
        let mut done = vec![false; users];
        let mut left = users;
        let deadline = Instant::now() + Duration::from_secs(300);
        while left > 0 && Instant::now() < deadline {
            let counts = answered(&fake, first_chat, users);
            let now = sent_at.elapsed();
            for (u, &n) in counts.iter().enumerate() {
                if !done[u] && n > round {
                    done[u] = true;
                    left -= 1;
                    latencies.push(now);
                }
            }
            peak = peak.max(rss_kib(pid));
            // Scanning the calls costs time too; this keeps it from
            // taking a core from the bot.
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(left, 0, "round {round}: {left} users got no answer");
    }
    let total = start_all.elapsed();
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let status = bot.wait().unwrap();
    latencies.sort();
    let at = |p: usize| latencies[((p * latencies.len()).div_ceil(100)).clamp(1, latencies.len()) - 1];
    let counts = answered(&fake, first_chat, users);
    let exactly_once = counts.iter().all(|&n| n == messages);
    println!(
        "{{\"users\": {users}, \"messages_each\": {messages}, \"answered_exactly_once\": {exactly_once}, \"seconds\": {:.2}, \
         \"p50_ms\": {:.1}, \"p99_ms\": {:.1}, \"rss_rest_mib\": {:.1}, \"rss_peak_mib\": {:.1}, \"exit\": {:?}}}",
        total.as_secs_f64(),
        at(50).as_secs_f64() * 1e3,
        at(99).as_secs_f64() * 1e3,
        rest_kib as f64 / 1024.0,
        peak as f64 / 1024.0,
        status.code()
    );
}

/// A slow Bot API: every sendMessage takes `delay`. Reports the bot's
/// memory over time while `updates` messages from as many chats wait.
fn slow(updates: usize, delay: Duration) {
    let fake = FakeTelegram::start();
    for _ in 0..updates {
        fake.fault("sendMessage", fake_telegram::Fault::Delay(delay));
    }
    let (mut bot, _data) = start(&fake);
    let pid = bot.id();
    let rest_kib = rss_kib(pid);
    for i in 0..updates {
        let chat = 70_000 + i as i64;
        fake.push_update(message_update(text_message(
            chat,
            "private",
            user(chat, Some("de")),
            QUERIES[i % QUERIES.len()],
        )));
    }
    let start_all = Instant::now();
    let mut samples = Vec::new();
    let mut peak = rest_kib;
    loop {
        let done = fake.calls_to("sendMessage").iter().filter(|c| c.ok).count();
        let rss = rss_kib(pid);
        peak = peak.max(rss);
        samples.push((start_all.elapsed().as_secs(), done, rss / 1024));
        if done >= updates || start_all.elapsed() > Duration::from_secs(600) {
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let status = bot.wait().unwrap();
    let timeline: Vec<String> = samples
        .iter()
        .step_by((samples.len() / 10).max(1))
        .map(|(s, d, m)| format!("[{s}, {d}, {m}]"))
        .collect();
    println!(
        "{{\"updates\": {updates}, \"seconds\": {:.1}, \"rss_rest_mib\": {:.1}, \"rss_peak_mib\": {:.1}, \
         \"timeline_s_answered_mib\": [{}], \"exit\": {:?}}}",
        start_all.elapsed().as_secs_f64(),
        rest_kib as f64 / 1024.0,
        peak as f64 / 1024.0,
        timeline.join(", "),
        status.code()
    );
}

/// One webhook process on SQLite beside two replicas on PostgreSQL, in the
/// same run: updates answered per second.
fn replicas(updates: usize) {
    let server = std::env::var("LOTSE_TEST_POSTGRES_URL")
        .expect("LOTSE_TEST_POSTGRES_URL names a PostgreSQL server (see .ci/postgres)");
    let data = tempfile::tempdir().unwrap();
    let secret = data.path().join("secret");
    std::fs::write(&secret, "be4c5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7").unwrap();
    let sqlite = data.path().join("lotse.db").display().to_string();
    let one = webhook_run(&[(sqlite.as_str(), &secret)], updates, 1_000_000);
    let postgres = fresh_database(&server, "lotse_bench_one");
    let one_pg = webhook_run(&[(postgres.as_str(), &secret)], updates, 2_000_000);
    let postgres = fresh_database(&server, "lotse_bench_replicas");
    let two = webhook_run(
        &[(postgres.as_str(), &secret), (postgres.as_str(), &secret)],
        updates,
        3_000_000,
    );
    println!(
        "{{\"updates\": {updates}, \"sqlite_one_process_per_s\": {one:.0}, \"postgres_one_process_per_s\": {one_pg:.0}, \
         \"postgres_two_replicas_per_s\": {two:.0}}}"
    );
}

/// Drops and creates `name` on the PostgreSQL `server`; its url.
fn fresh_database(server: &str, name: &str) -> String {
    use sqlx::Connection as _;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut admin = sqlx::PgConnection::connect(server).await.expect("the server answers");
        for sql in [
            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            format!("CREATE DATABASE {name}"),
        ] {
            // `name` is the caller's constant, never input.
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut admin).await.unwrap();
        }
    });
    let mut url = url::Url::parse(server).unwrap();
    url.set_path(&format!("/{name}"));
    url.to_string()
}

/// Starts a webhook process per `(database url, secret file)`, posts
/// `updates` messages from as many chats (from `first_chat` on) to them in
/// turn, 8 at a time, and returns the updates answered per second.
fn webhook_run(processes: &[(&str, &std::path::Path)], updates: usize, first_chat: i64) -> f64 {
    let fake = FakeTelegram::start();
    let mut bots = Vec::new();
    let mut ports = Vec::new();
    for (n, (database, secret)) in processes.iter().enumerate() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let listen = format!("127.0.0.1:{port}");
        bots.push(
            Command::new(env!("CARGO_BIN_EXE_lotse"))
                .args([
                    "serve",
                    "--webhook-url",
                    &format!("http://{listen}/telegram"),
                    "--listen",
                    &listen,
                ])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("TELOXIDE_TOKEN", "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz")
                .env("TELOXIDE_API_URL", fake.url())
                .env("LOTSE_DATABASE_URL", database)
                .env("LOTSE_SECRET_FILE", secret)
                .env("LOTSE_THROTTLE", "off")
                .env("LOTSE_LOG", "error")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("lotse serve starts"),
        );
        ports.push(port);
        assert!(fake.wait_until(
            |c| c.iter().filter(|c| c.method == "setwebhook").count() > n,
            Duration::from_secs(60)
        ));
    }
    let next = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let senders: Vec<_> = (0..8)
        .map(|_| {
            let (next, ports) = (next.clone(), ports.clone());
            std::thread::spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                    if i >= updates {
                        break;
                    }
                    let chat = first_chat + i as i64;
                    let mut update = message_update(text_message(
                        chat,
                        "private",
                        user(chat, Some("de")),
                        QUERIES[i % QUERIES.len()],
                    ));
                    update["update_id"] = serde_json::json!(chat);
                    post(ports[i % ports.len()], &update.to_string());
                }
            })
        })
        .collect();
    for sender in senders {
        sender.join().unwrap();
    }
    let answered = fake.wait_until(
        |calls| calls.iter().filter(|c| c.method == "sendmessage" && c.ok).count() >= updates,
        Duration::from_secs(600),
    );
    let elapsed = start.elapsed();
    assert!(answered, "not every update was answered");
    for mut bot in bots {
        let _ = Command::new("kill").args(["-TERM", &bot.id().to_string()]).status();
        let _ = bot.wait();
    }
    updates as f64 / elapsed.as_secs_f64()
}

/// Posts one update to the webhook on `port`, as Telegram does; expects 200.
fn post(port: u16, body: &str) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let request = format!(
        "POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
}
