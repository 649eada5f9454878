//! The webhook receiver against raw HTTP on 127.0.0.1: one answer per
//! update however often it comes, 200 only once stored, and no slow,
//! half-open or oversized request that stalls it, fills its file table or
//! its log, or keeps it from stopping.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use lotse::bot::webhook::{self, Offer, OfferError, WebhookError, WebhookOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinHandle;
use tokio::time::timeout;

#[cfg(target_os = "linux")]
use crate::webhook_kit::server_sockets;
use crate::webhook_kit::{Inbox, half_open, read_head, request, status, update};

/// A generous outer bound for anything that must happen at all; never a
/// speed requirement.
const GUARD: Duration = Duration::from_secs(30);
const SECRET: &str = "s3cret_token-for-the-hook";
const PATH: &str = "/hook";

/// A webhook serving on a free port of 127.0.0.1.
struct Server {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<Result<(), WebhookError>>,
}

impl Server {
    async fn start<F, Fut>(options: WebhookOptions, offer: F) -> Server
    where
        F: Fn(Bytes) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<Offer, OfferError>> + Send + 'static,
    {
        let bound = webhook::bind(options).await.expect("a free port binds");
        let addr = bound.local_addr();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(bound.serve(offer, async {
            let _ = stopped.await;
        }));
        Server { addr, stop, task }
    }

    /// Signals shutdown and waits until `serve` has returned.
    async fn stop(self) {
        let _ = self.stop.send(());
        timeout(GUARD, self.task)
            .await
            .expect("the webhook stops")
            .expect("serve does not panic")
            .expect("serve ends without error");
    }
}

/// An offer that waits, once started, until `release` is notified; and
/// `started`, notified as it starts.
struct Held {
    started: Arc<Notify>,
    release: Arc<Notify>,
}

impl Held {
    fn new() -> Held {
        Held {
            started: Arc::new(Notify::new()),
            release: Arc::new(Notify::new()),
        }
    }

    fn offer(
        &self,
    ) -> impl Fn(Bytes) -> std::pin::Pin<Box<dyn Future<Output = Result<Offer, OfferError>> + Send>> + Clone + use<>
    {
        let (started, release) = (self.started.clone(), self.release.clone());
        move |_body: Bytes| {
            let (started, release) = (started.clone(), release.clone());
            Box::pin(async move {
                started.notify_one();
                release.notified().await;
                Ok(Offer::Accepted)
            })
        }
    }

    async fn started(&self) {
        timeout(GUARD, self.started.notified()).await.expect("the offer starts");
    }
}

fn options() -> WebhookOptions {
    let mut options = WebhookOptions::new(SocketAddr::from(([127, 0, 0, 1], 0)), PATH);
    options.secret_token = Some(SECRET.to_string());
    options
}

fn with_secret() -> String {
    format!("X-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n")
}

/// Sends `raw` on a new connection and returns the answer's status, or
/// None when the connection closed without one.
async fn exchange(addr: SocketAddr, raw: &[u8]) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    stream.write_all(raw).await.expect("sends");
    read_status(&mut stream).await
}

async fn read_status(stream: &mut TcpStream) -> Option<u16> {
    let mut answer = Vec::new();
    let _ = timeout(GUARD, stream.read_to_end(&mut answer))
        .await
        .expect("the webhook answers or closes");
    status(&answer)
}

/// Posts `body` as Telegram does, with the secret.
async fn post(addr: SocketAddr, body: &str) -> Option<u16> {
    exchange(addr, request("POST", PATH, &with_secret(), body).as_bytes()).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redelivered_update_is_answered_once() {
    // Defect: the same update_id delivered twice got two answers, five
    // times at once five. Every delivery reaches the inbox, which stores
    // it once; each hears 200, so Telegram stops delivering.
    let inbox = Arc::new(Inbox::default());
    let server = Server::start(options(), inbox.door()).await;
    assert_eq!(post(server.addr, &update(1)).await, Some(200));
    assert_eq!(post(server.addr, &update(1)).await, Some(200));
    let at_once: Vec<_> = (0..5)
        .map(|_| {
            let addr = server.addr;
            tokio::spawn(async move { post(addr, &update(2)).await })
        })
        .collect();
    for delivery in at_once {
        assert_eq!(delivery.await.unwrap(), Some(200));
    }
    let mut offered = inbox.offered();
    offered.sort_unstable();
    assert_eq!(offered, [1, 1, 2, 2, 2, 2, 2]);
    assert_eq!(inbox.stored(), 2);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_is_acknowledged_only_once_stored() {
    // Defect: updates were acknowledged with 200 into an unbounded memory
    // queue, so a crash lost them and a flood filled the memory.
    let held = Held::new();
    let server = Server::start(options(), held.offer()).await;
    let addr = server.addr;
    let mut delivery = tokio::spawn(async move { post(addr, &update(3)).await });
    held.started().await;
    assert!(
        timeout(Duration::from_millis(300), &mut delivery).await.is_err(),
        "answered before the inbox stored the update"
    );
    held.release.notify_one();
    assert_eq!(delivery.await.unwrap(), Some(200));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_or_failing_inbox_makes_telegram_deliver_again() {
    // Defect: a full queue was answered 200 and grew without bound. Busy
    // and failing inboxes answer 503, which Telegram retries.
    let busy = Server::start(options(), |_| async { Ok(Offer::Busy) }).await;
    assert_eq!(post(busy.addr, &update(4)).await, Some(503));
    busy.stop().await;
    let failing = Server::start(options(), |_| async { Err(anyhow::anyhow!("database is locked")) }).await;
    assert_eq!(post(failing.addr, &update(4)).await, Some(503));
    failing.stop().await;
    // A panicking inbox costs one 503, not the connection slot: with one
    // slot, the next delivery still gets through.
    let mut options = options();
    options.max_connections = 1;
    let panicking = Server::start(options, |body: Bytes| async move {
        let update: serde_json::Value = serde_json::from_slice(&body)?;
        assert_ne!(update["update_id"], 4, "the inbox panics");
        Ok(Offer::Accepted)
    })
    .await;
    assert_eq!(post(panicking.addr, &update(4)).await, Some(503));
    assert_eq!(post(panicking.addr, &update(5)).await, Some(200));
    panicking.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_that_are_no_update_from_telegram_are_refused() {
    // Defect: the secret must be enforced, bodies capped before they are
    // read, and what is not an update never reaches the inbox.
    let inbox = Arc::new(Inbox::default());
    let mut options = options();
    options.max_body_bytes = 1024;
    let server = Server::start(options, inbox.door()).await;
    let secret = with_secret();
    let big = format!("{{\"update_id\": 5, \"pad\": \"{}\"}}", "x".repeat(4096));
    let chunked_big = format!(
        "POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n{secret}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n\
         {:x}\r\n{big}\r\n0\r\n\r\n",
        big.len()
    );
    let cases = [
        ("wrong path", request("POST", "/other", &secret, &update(5)), 404),
        ("GET", request("GET", PATH, &secret, ""), 405),
        ("no secret", request("POST", PATH, "", &update(5)), 401),
        (
            "wrong secret",
            request(
                "POST",
                PATH,
                "X-Telegram-Bot-Api-Secret-Token: s3cret_token-for-the-hoo\r\n",
                &update(5),
            ),
            403,
        ),
        ("not JSON", request("POST", PATH, &secret, "update_id=5"), 400),
        ("no update_id", request("POST", PATH, &secret, "{\"message\": {}}"), 400),
        (
            "update_id not a number",
            request("POST", PATH, &secret, "{\"update_id\": \"5\"}"),
            400,
        ),
        ("over the cap", request("POST", PATH, &secret, &big), 413),
        ("over the cap, chunked", chunked_big, 413),
        (
            "declared over the cap, body never sent",
            format!("POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n{secret}Content-Length: 104857600\r\n\r\n"),
            413,
        ),
    ];
    for (case, raw, expected) in cases {
        assert_eq!(exchange(server.addr, raw.as_bytes()).await, Some(expected), "{case}");
    }
    assert!(inbox.offered().is_empty(), "{:?}", inbox.offered());
    assert_eq!(post(server.addr, &update(5)).await, Some(200));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_under_the_cap_is_taken_however_it_is_sent() {
    // Guards the cap against refusing what it should take: a body far
    // larger than the head buffer, sent with a length or in chunks.
    let inbox = Arc::new(Inbox::default());
    let server = Server::start(options(), inbox.door()).await;
    let long = format!("{{\"update_id\": 13, \"pad\": \"{}\"}}", "ü".repeat(300_000));
    assert!(long.len() > 400 * 1024 && long.len() < webhook::DEFAULT_MAX_BODY_BYTES);
    assert_eq!(post(server.addr, &long).await, Some(200));
    let mut chunked = format!(
        "POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n{}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        with_secret()
    )
    .into_bytes();
    for chunk in long.as_bytes().chunks(50_000) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(exchange(server.addr, &chunked).await, Some(200));
    assert_eq!(inbox.offered(), [13, 13]);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_bodies_are_logged_by_kind_only() {
    // Defect: unparseable webhook bodies were logged whole, with whatever
    // user data they held.
    let log = capture_log();
    let marker = "Geheimnis-4711";
    let mut options = options();
    options.max_body_bytes = 256;
    let server = Server::start(options, |_| async { Ok(Offer::Accepted) }).await;
    let secret = with_secret();
    let bodies = [
        (format!("not json {marker}"), 400),
        (format!("{{\"text\": \"{marker}\"}}"), 400),
        (
            format!("{{\"update_id\": 6, \"text\": \"{marker}{}\"}}", "x".repeat(300)),
            413,
        ),
    ];
    for (body, expected) in bodies {
        let raw = request("POST", PATH, &secret, &body);
        assert_eq!(exchange(server.addr, raw.as_bytes()).await, Some(expected));
    }
    server.stop().await;
    let lines = log.lock().unwrap().clone();
    assert!(lines.iter().any(|l| l.contains("not JSON")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("without an update_id")), "{lines:?}");
    assert!(!lines.iter().any(|l| l.contains(marker)), "{lines:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_request_head_is_cut_after_the_header_timeout() {
    // Defect: there was no header timeout, so a client that sends half a
    // request head held its connection (and a file handle) for ever.
    let mut options = options();
    options.header_timeout = Duration::from_millis(300);
    let server = Server::start(options, |_| async { Ok(Offer::Accepted) }).await;
    let mut slow = half_open(server.addr).await;
    let mut rest = Vec::new();
    let read = timeout(GUARD, slow.read_to_end(&mut rest)).await;
    assert!(read.is_ok(), "the half-open connection was never closed");
    // A connection that sends nothing at all is cut as well.
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    assert!(timeout(GUARD, silent.read_to_end(&mut rest)).await.is_ok());
    // So is a keep-alive connection that stays idle after its answer.
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    let keep_alive = request("POST", PATH, &with_secret(), &update(7)).replace("Connection: close\r\n", "");
    idle.write_all(keep_alive.as_bytes()).await.unwrap();
    let mut head = Vec::new();
    assert_eq!(read_head(&mut idle, &mut head).await, Some(200));
    assert!(
        timeout(GUARD, idle.read_to_end(&mut rest)).await.is_ok(),
        "kept open while idle"
    );
    assert_eq!(post(server.addr, &update(7)).await, Some(200));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_body_is_cut_after_the_body_timeout() {
    // Defect: a body sent byte by byte held its connection for ever.
    let inbox = Arc::new(Inbox::default());
    let mut options = options();
    options.body_timeout = Duration::from_millis(300);
    let server = Server::start(options, inbox.door()).await;
    let body = update(8);
    let raw = request("POST", PATH, &with_secret(), &body);
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    // The head and a third of the body, then nothing.
    let sent = raw.len() - body.len() * 2 / 3;
    stream.write_all(&raw.as_bytes()[..sent]).await.unwrap();
    assert_eq!(read_status(&mut stream).await, Some(408));
    assert!(inbox.offered().is_empty());
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_open_connections_neither_use_up_file_handles_nor_lock_telegram_out() {
    // Defect: 1,100 half-open connections used up the file handles, and
    // Telegram's own deliveries were no longer accepted.
    let inbox = Arc::new(Inbox::default());
    let mut options = options();
    options.max_connections = 64;
    // Long enough that only the connection cap can save the day.
    options.header_timeout = Duration::from_secs(600);
    let server = Server::start(options, inbox.door()).await;
    let mut attackers = Vec::with_capacity(1100);
    for _ in 0..1100 {
        attackers.push(timeout(GUARD, half_open(server.addr)).await.expect("connects"));
    }
    assert_eq!(post(server.addr, &update(9)).await, Some(200));
    assert_eq!(inbox.offered(), [9]);
    // Every connection before this request has been accepted by now.
    #[cfg(target_os = "linux")]
    {
        let open = server_sockets(server.addr.port());
        assert!(open <= 64 + 1, "the webhook holds {open} connections");
    }
    drop(attackers);
    assert_eq!(post(server.addr, &update(10)).await, Some(200));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_closes_half_open_connections_and_lets_offers_finish() {
    // Defect: one half-open connection kept SIGTERM waiting.
    let held = Held::new();
    let mut options = options();
    // Long enough that only shutdown itself can close the connections.
    options.header_timeout = Duration::from_secs(600);
    options.shutdown_grace = Duration::from_secs(600);
    let server = Server::start(options, held.offer()).await;
    let mut half_open_ones = Vec::new();
    for _ in 0..20 {
        half_open_ones.push(half_open(server.addr).await);
    }
    let silent = TcpStream::connect(server.addr).await.unwrap();
    let addr = server.addr;
    let in_flight = tokio::spawn(async move { post(addr, &update(11)).await });
    held.started().await;
    let stopping = tokio::spawn(server.stop());
    // The offer in flight finishes after shutdown began, and is answered.
    tokio::time::sleep(Duration::from_millis(100)).await;
    held.release.notify_one();
    assert_eq!(in_flight.await.unwrap(), Some(200));
    timeout(GUARD, stopping)
        .await
        .expect("shutdown completes with half-open connections open")
        .unwrap();
    drop((half_open_ones, silent));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offer_that_hangs_does_not_keep_shutdown_waiting() {
    // Defect: SIGTERM waited for ever; the grace bounds offers in flight.
    let held = Held::new();
    let mut options = options();
    options.shutdown_grace = Duration::from_millis(200);
    let server = Server::start(options, held.offer()).await;
    let addr = server.addr;
    let in_flight = tokio::spawn(async move { post(addr, &update(12)).await });
    // Never released.
    held.started().await;
    server.stop().await;
    // Not stored, so not acknowledged: Telegram delivers it again.
    assert_eq!(in_flight.await.unwrap(), None);
}

#[tokio::test]
async fn a_taken_port_is_a_bind_error() {
    // Defect: `lotse serve` exited 0 when its webhook port was taken.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let mut options = options();
    options.listen = addr;
    match webhook::bind(options).await {
        Err(err @ WebhookError::Bind { .. }) => {
            let line = err.to_string();
            assert!(line.contains(&addr.to_string()), "{line}");
            assert!(!line.contains(SECRET), "{line}");
        }
        Ok(_) => panic!("bound a taken port"),
    }
}

/// The log lines of this crate, captured from now on.
fn capture_log() -> &'static Mutex<Vec<String>> {
    struct Capture(Mutex<Vec<String>>);
    impl log::Log for Capture {
        fn enabled(&self, metadata: &log::Metadata) -> bool {
            metadata.target().starts_with("lotse")
        }
        fn log(&self, record: &log::Record) {
            if self.enabled(record.metadata()) {
                self.0
                    .lock()
                    .unwrap()
                    .push(format!("{} {}", record.level(), record.args()));
            }
        }
        fn flush(&self) {}
    }
    static CAPTURE: Capture = Capture(Mutex::new(Vec::new()));
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        log::set_logger(&CAPTURE).expect("no other test installs a logger");
        log::set_max_level(log::LevelFilter::Trace);
    });
    &CAPTURE.0
}
