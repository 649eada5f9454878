//! The webhook receiver in one process on 127.0.0.1, with an in-memory
//! inbox: deliveries per second over keep-alive connections; how long a
//! delivery on a new connection takes while attackers hold (and keep
//! reopening) half-open connections, and how many connections the webhook
//! holds meanwhile; and how long shutdown takes with them open. Default
//! limits throughout. Prints JSON; `docs/BENCHMARKS.md` records the
//! figures.
//!
//! Run: `cargo bench --bench webhook` (optionally `-- CLIENTS DELIVERIES
//! ATTACKERS`; defaults 32, 20,000 and 1,100).

#[allow(dead_code)]
#[path = "../tests/it/webhook_kit.rs"]
mod webhook_kit;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use lotse::bot::webhook::{self, WebhookOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;

use webhook_kit::{Inbox, half_open, read_head, request, server_sockets, try_half_open, update};

const PATH: &str = "/hook";
const SECRET: &str = "s3cret_token-for-the-hook";

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let clients = args.first().copied().unwrap_or(32);
    let deliveries = args.get(1).copied().unwrap_or(20_000);
    let attackers = args.get(2).copied().unwrap_or(1_100);
    throughput(clients, deliveries).await;
    under_attack(attackers).await;
}

fn options() -> WebhookOptions {
    let mut options = WebhookOptions::new(SocketAddr::from(([127, 0, 0, 1], 0)), PATH);
    options.secret_token = Some(SECRET.to_string());
    options
}

/// A delivery as Telegram makes it on a keep-alive connection.
fn delivery(id: u64) -> String {
    let secret = format!("X-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n");
    request("POST", PATH, &secret, &update(id)).replace("Connection: close\r\n", "")
}

/// Starts the webhook with an in-memory inbox; returns its address, the
/// inbox, the shutdown trigger and the server task.
async fn start() -> (
    SocketAddr,
    Arc<Inbox>,
    oneshot::Sender<()>,
    tokio::task::JoinHandle<Result<(), webhook::WebhookError>>,
) {
    let inbox = Arc::new(Inbox::default());
    let bound = webhook::bind(options()).await.expect("binds");
    let addr = bound.local_addr();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(bound.serve(inbox.door(), async {
        let _ = stopped.await;
    }));
    (addr, inbox, stop, server)
}

/// `clients` keep-alive connections deliver `deliveries` updates in all,
/// each waiting for its answer before the next, as Telegram does.
async fn throughput(clients: usize, deliveries: usize) {
    let (addr, inbox, stop, server) = start().await;
    let next = Arc::new(AtomicU64::new(0));
    let began = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let next = next.clone();
            tokio::spawn(async move {
                let mut stream = TcpStream::connect(addr).await.expect("connects");
                let mut buffer = Vec::new();
                let mut took = Vec::new();
                loop {
                    let id = next.fetch_add(1, Ordering::Relaxed);
                    if id >= deliveries as u64 {
                        return took;
                    }
                    let sent = Instant::now();
                    stream.write_all(delivery(id).as_bytes()).await.expect("sends");
                    assert_eq!(read_head(&mut stream, &mut buffer).await, Some(200));
                    took.push(sent.elapsed());
                }
            })
        })
        .collect();
    let mut took = Vec::new();
    for task in tasks {
        took.extend(task.await.expect("a client"));
    }
    let elapsed = began.elapsed();
    let _ = stop.send(());
    server.await.expect("serves").expect("stops");
    took.sort_unstable();
    println!(
        "{{\"section\": \"throughput\", \"clients\": {clients}, \"deliveries\": {deliveries}, \"stored\": {}, \
         \"seconds\": {:.3}, \"per_s\": {:.0}, \"p50_us\": {}, \"p99_us\": {}}}",
        inbox.stored(),
        elapsed.as_secs_f64(),
        deliveries as f64 / elapsed.as_secs_f64(),
        percentile(&took, 50).as_micros(),
        percentile(&took, 99).as_micros(),
    );
}

/// `attackers` half-open connections: 20 deliveries on new connections, one
/// after the other, while they are held; 50 more while each is reopened as
/// soon as the webhook closes it; then shutdown with them open.
async fn under_attack(attackers: usize) {
    let (addr, inbox, stop, server) = start().await;
    let attacking = Arc::new(AtomicBool::new(true));
    let reopened = Arc::new(AtomicU64::new(0));
    let opened = Instant::now();
    let mut held = Vec::with_capacity(attackers);
    for _ in 0..attackers {
        held.push(half_open(addr).await);
    }
    let open_took = opened.elapsed();
    let (held_took, held_most_still) = deliver_each(addr, 0..20).await;
    let tasks: Vec<_> = held
        .into_iter()
        .map(|mut stream| {
            let (attacking, reopened) = (attacking.clone(), reopened.clone());
            tokio::spawn(async move {
                let mut sink = [0u8; 256];
                loop {
                    // Wait until the webhook closes it, then open another.
                    let _ = stream.read(&mut sink).await;
                    if !attacking.load(Ordering::Relaxed) {
                        return;
                    }
                    match try_half_open(addr).await {
                        Ok(next) => stream = next,
                        Err(_) => return,
                    }
                    reopened.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    let (took, held_most) = deliver_each(addr, 100..150).await;
    // Freeze the attackers with their connections open, count again
    // without the churn, then stop.
    attacking.store(false, Ordering::Relaxed);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let held_still = server_sockets(addr.port());
    let stopping = Instant::now();
    let _ = stop.send(());
    server.await.expect("serves").expect("stops");
    let stop_took = stopping.elapsed();
    for task in tasks {
        task.abort();
    }
    println!(
        "{{\"section\": \"under_attack\", \"attackers\": {attackers}, \"open_ms\": {}, \"stored\": {}, \
         \"held\": {{\"deliveries\": 20, \"p50_ms\": {:.1}, \"max_ms\": {:.1}, \"webhook_sockets_max\": {held_most_still}}}, \
         \"reopening\": {{\"reopened\": {}, \"deliveries\": 50, \"p50_ms\": {:.1}, \"max_ms\": {:.1}, \
         \"webhook_sockets_max\": {held_most}, \"webhook_sockets_after\": {held_still}}}, \"shutdown_ms\": {:.1}}}",
        open_took.as_millis(),
        inbox.stored(),
        millis(percentile(&held_took, 50)),
        millis(percentile(&held_took, 100)),
        reopened.load(Ordering::Relaxed),
        millis(percentile(&took, 50)),
        millis(percentile(&took, 100)),
        millis(stop_took),
    );
}

/// Delivers `ids` one after the other, each on a new connection; returns
/// the time each took from connecting to the answer, sorted, and the most
/// connections the webhook held after one.
async fn deliver_each(addr: SocketAddr, ids: std::ops::Range<u64>) -> (Vec<Duration>, usize) {
    let mut took = Vec::new();
    let mut held_most = 0;
    let mut buffer = Vec::new();
    for id in ids {
        let sent = Instant::now();
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        stream.write_all(delivery(id).as_bytes()).await.expect("sends");
        let status = read_head(&mut stream, &mut buffer).await;
        took.push(sent.elapsed());
        assert_eq!(status, Some(200), "delivery {id}");
        held_most = held_most.max(server_sockets(addr.port()));
    }
    took.sort_unstable();
    (took, held_most)
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(sorted.len() - 1) * p / 100]
}
