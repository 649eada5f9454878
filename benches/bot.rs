//! Throughput of the real bot: `lotse serve` (teloxide, the core, SQLite
//! logging) against the fake Bot API on 127.0.0.1, with rate limits off.
//! Measures updates answered per second, and resident memory at rest and
//! under that load. Prints JSON; `docs/BENCHMARKS.md` records the figures.
//!
//! Run: `cargo bench --bench bot` (optionally `-- UPDATES`).

// The fake's own tests are not built here, so their imports go unused.
#[allow(unused_imports)]
#[path = "../tests/it/fake_telegram.rs"]
mod fake_telegram;

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use fake_telegram::{FakeTelegram, message_update, text_message, user};

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
    let updates: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(5_000);
    let fake = FakeTelegram::start();
    let data = tempfile::tempdir().unwrap();
    let mut bot = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TELOXIDE_TOKEN", "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz")
        .env("TELOXIDE_API_URL", fake.url())
        .env("LOTSE_DATABASE_URL", data.path().join("lotse.db"))
        .env("LOTSE_THROTTLE", "off")
        .env("LOTSE_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("lotse serve starts");
    let pid = bot.id();
    assert!(fake.wait_until(|c| c.iter().any(|c| c.method == "getupdates"), Duration::from_secs(30)));
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
    let queries = [
        "Kotsina",
        "Heft 48",
        "Anerkennung",
        "подтверждение диплома",
        "معادلة الشهادة",
        "denklik",
    ];
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
