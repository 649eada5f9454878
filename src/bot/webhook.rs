//! The webhook receiver: where Telegram posts updates, hardened against
//! slow, hostile and repeated deliveries.
//!
//! It answers `200` only once the update is stored: the caller's `offer`
//! (the durable inbox) has returned [`Offer::Accepted`] or
//! [`Offer::Duplicate`]. So a repeated delivery is deduplicated by the inbox
//! and nothing acknowledged waits in a memory queue. When the inbox cannot
//! take more, or fails, Telegram hears `503` and delivers again later.
//!
//! Header and body reads have deadlines (the header deadline also bounds
//! how long an idle keep-alive connection stays open), bodies are capped
//! and never logged, and at most `max_connections` connections are open at
//! once: when all are taken, the oldest one that has not sent a complete
//! request head yet is closed to make room, so half-open connections can
//! neither exhaust the file handles nor lock Telegram out. On shutdown it
//! stops accepting, closes idle and half-open connections at once and lets
//! offers in flight finish within `shutdown_grace`.
//!
//! Interface: [`bind`] first (a taken port is [`WebhookError::Bind`] before
//! Telegram is told the url), then [`Bound::serve`]; [`serve`] does both.
//! Refinements of the agreed interface: [`WebhookOptions::shutdown_grace`],
//! [`WebhookOptions::new`] with the defaults, [`Bound::local_addr`],
//! `offer`'s future is `'static` (it runs in the connection's task), and
//! [`OfferError`] is `anyhow::Error`, so an `offer` can use `?`.
//!
//! `offer` is called once per delivery, concurrently for concurrent ones,
//! so deduplication by `update_id` is the inbox's. It must be cancel-safe
//! (store atomically): it is dropped when Telegram hangs up or when the
//! shutdown grace runs out, and then no `200` was sent, so Telegram
//! delivers the update again. A panic in it answers 503 and is logged
//! without its message. Only HTTP/1.1 is spoken: Telegram posts with
//! HTTP/1.1, and TLS ends at the reverse proxy.

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Body, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use subtle::ConstantTimeEq;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, watch};
use tokio::time::Instant;

/// The largest update body accepted by default; Telegram's are a few KiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;
/// How long a client may take to send a request head by default.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a client may take to send a request body by default.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections open at once by default; Telegram opens at most 100.
pub const DEFAULT_MAX_CONNECTIONS: usize = 256;
/// How long offers in flight may take to finish after shutdown by default.
pub const DEFAULT_SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The header Telegram sends the secret token in.
const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";
/// The read buffer of a connection, which bounds a request head; hyper's
/// smallest. Telegram's heads are a few hundred bytes.
const MAX_HEAD_BYTES: usize = 8 * 1024;
/// At most one log line per kind of refusal in this time, so that a flood
/// of bad requests cannot flood the log.
const LOG_EVERY: Duration = Duration::from_secs(10);
/// The pause after a failed `accept` (such as too many open files), so
/// that the loop neither spins nor floods the log.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Where and how the webhook listens.
#[derive(Clone)]
pub struct WebhookOptions {
    pub listen: SocketAddr,
    /// The url path Telegram posts to, such as `/telegram`.
    pub path: String,
    /// The secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token`,
    /// compared in constant time: missing → 401, wrong → 403.
    pub secret_token: Option<String>,
    /// Larger bodies get 413 and are never read whole.
    pub max_body_bytes: usize,
    /// The deadline for a request head, counted from the connection's
    /// start or from the previous answer (so it bounds keep-alive too).
    pub header_timeout: Duration,
    /// The deadline for a request body, counted from its head.
    pub body_timeout: Duration,
    /// Connections open at once (at least 1).
    pub max_connections: usize,
    /// How long offers in flight may take to finish after shutdown.
    pub shutdown_grace: Duration,
}

/// What the inbox made of an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// Stored; Telegram hears 200.
    Accepted,
    /// Stored before (a redelivery); Telegram hears 200.
    Duplicate,
    /// The inbox is full; Telegram hears 503 and delivers again later.
    Busy,
}

/// Why the inbox could not store an update; Telegram hears 503. Its
/// message is logged, so it must not hold user data.
pub type OfferError = anyhow::Error;

/// Why the webhook cannot serve.
#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    /// The address is taken or not ours to listen on.
    #[error("cannot listen for the webhook on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
}

/// A webhook whose port is bound, ready to serve.
pub struct Bound {
    listener: TcpListener,
    options: WebhookOptions,
}

impl WebhookOptions {
    /// Options for `listen` and `path` with the default limits.
    pub fn new(listen: SocketAddr, path: impl Into<String>) -> Self {
        WebhookOptions {
            listen,
            path: path.into(),
            secret_token: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            shutdown_grace: DEFAULT_SHUTDOWN_GRACE,
        }
    }
}

impl fmt::Debug for WebhookOptions {
    /// Everything but the secret token.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookOptions")
            .field("listen", &self.listen)
            .field("path", &self.path)
            .field(
                "secret_token",
                &self.secret_token.as_ref().map(|_| crate::logging::REDACTED),
            )
            .field("max_body_bytes", &self.max_body_bytes)
            .field("header_timeout", &self.header_timeout)
            .field("body_timeout", &self.body_timeout)
            .field("max_connections", &self.max_connections)
            .field("shutdown_grace", &self.shutdown_grace)
            .finish()
    }
}

/// Binds the webhook's port, so that a taken port fails before anything
/// else happens.
pub async fn bind(options: WebhookOptions) -> Result<Bound, WebhookError> {
    let listener = TcpListener::bind(options.listen)
        .await
        .map_err(|source| WebhookError::Bind {
            addr: options.listen,
            source,
        })?;
    Ok(Bound { listener, options })
}

/// Binds the port and serves until `shutdown` completes; see [`Bound::serve`].
pub async fn serve<F, Fut>(
    options: WebhookOptions,
    offer: F,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), WebhookError>
where
    F: Fn(Bytes) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<Offer, OfferError>> + Send + 'static,
{
    bind(options).await?.serve(offer, shutdown).await
}

impl Bound {
    /// The address listened on (the real port where `listen` said 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or(self.options.listen)
    }

    /// Hands every well-formed update to `offer` and answers Telegram by
    /// its verdict, until `shutdown` completes. Then it stops accepting,
    /// closes the connections that have no offer in flight, waits up to
    /// `shutdown_grace` for the others, and returns.
    pub async fn serve<F, Fut>(
        self,
        offer: F,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), WebhookError>
    where
        F: Fn(Bytes) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<Offer, OfferError>> + Send + 'static,
    {
        let Bound { listener, options } = self;
        let max_connections = u32::try_from(options.max_connections).unwrap_or(u32::MAX).max(1);
        let grace = options.shutdown_grace;
        let slots = Arc::new(Semaphore::new(max_connections as usize));
        let registry = Arc::new(Registry::default());
        let (stop, stopped) = watch::channel(None);
        let shared = Arc::new(Shared {
            options,
            offer,
            refusals: RefusalLog::default(),
        });
        let mut shutdown = std::pin::pin!(shutdown);
        let mut next_id: u64 = 0;
        let (mut accept_failures, mut all_busy) = (Every::default(), Every::default());
        loop {
            let stream = tokio::select! {
                () = &mut shutdown => break,
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => stream,
                    Err(err) => {
                        if let Some(more) = accept_failures.admit(Instant::now()) {
                            log::warn!("webhook: cannot accept a connection: {err}{}", more_since(more));
                        }
                        tokio::time::sleep(ACCEPT_BACKOFF).await;
                        continue;
                    }
                },
            };
            let permit = match slots.clone().try_acquire_owned() {
                Ok(permit) => permit,
                Err(_) => {
                    // All slots taken: make room by closing the oldest
                    // connection that is not in a request, then wait for
                    // its slot (or any other).
                    if !registry.evict_oldest_idle()
                        && let Some(more) = all_busy.admit(Instant::now())
                    {
                        log::warn!(
                            "webhook: all {max_connections} connections are in a request, new ones wait{}",
                            more_since(more)
                        );
                    }
                    tokio::select! {
                        () = &mut shutdown => break,
                        permit = slots.clone().acquire_owned() => match permit {
                            Ok(permit) => permit,
                            Err(_) => break,
                        },
                    }
                }
            };
            next_id += 1;
            let state = registry.register(next_id);
            let task = Connection {
                id: next_id,
                state,
                registry: registry.clone(),
                _permit: permit,
            };
            tokio::spawn(task.run(stream, shared.clone(), stopped.clone()));
        }
        drop(listener);
        let deadline = Instant::now() + grace;
        // Receivers are gone only when every connection has ended.
        let _ = stop.send(Some(deadline));
        // Every connection holds a slot until it ends, and each ends by
        // the deadline; the extra second only guards against a bug.
        if tokio::time::timeout_at(deadline + Duration::from_secs(1), slots.acquire_many(max_connections))
            .await
            .is_err()
        {
            log::warn!("webhook: connections still open after the shutdown grace");
        }
        Ok(())
    }
}

/// What every connection shares: the options, the inbox's door and the
/// log of refusals.
struct Shared<F> {
    options: WebhookOptions,
    offer: F,
    refusals: RefusalLog,
}

/// A log line that is written at most once in [`LOG_EVERY`], so that a
/// flood of bad requests cannot flood the log: when it was last written,
/// and how many were left out since.
#[derive(Default)]
struct Every {
    last: Option<Instant>,
    left_out: u64,
}

/// The log lines of refusals, one [`Every`] per kind.
#[derive(Default)]
struct RefusalLog {
    kinds: Mutex<HashMap<Refusal, Every>>,
}

/// The open connections, oldest first, so that the oldest idle one can be
/// closed when all slots are taken.
#[derive(Default)]
struct Registry {
    connections: Mutex<BTreeMap<u64, Arc<ConnState>>>,
}

/// Where a connection is, as the accept loop and shutdown need to know.
#[derive(Default)]
struct ConnState {
    phase: AtomicU8,
    /// Set when the accept loop asked this connection to close.
    evicting: AtomicBool,
    evict: Notify,
}

/// No request in progress: a new connection, one with half a request head,
/// or one idle between keep-alive requests. Closing it loses nothing.
const IDLE: u8 = 0;
/// A request head is in and its body is being read; closing it loses
/// nothing (no 200 was sent), but it is not closed to make room.
const READING: u8 = 1;
/// The inbox is storing the update; it may finish after shutdown.
const OFFERING: u8 = 2;

/// One accepted connection, holding its slot until it ends.
struct Connection {
    id: u64,
    state: Arc<ConnState>,
    registry: Arc<Registry>,
    _permit: OwnedSemaphorePermit,
}

/// Sets a connection's phase, and back to [`IDLE`] when dropped, so that a
/// request that ends any way (answered, failed, cancelled) leaves it idle.
struct PhaseGuard<'a>(&'a ConnState);

/// Why a request is refused; logged by kind, never with what was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Refusal {
    WrongPath,
    NotPost,
    NoSecret,
    WrongSecret,
    TooLarge,
    SlowBody,
    BrokenBody,
    NotJson,
    NoUpdateId,
}

impl Registry {
    fn register(&self, id: u64) -> Arc<ConnState> {
        let state = Arc::new(ConnState::default());
        self.lock().insert(id, state.clone());
        state
    }

    fn remove(&self, id: u64) {
        self.lock().remove(&id);
    }

    /// Asks the oldest connection without a request in progress to close;
    /// false when every connection is in a request.
    fn evict_oldest_idle(&self) -> bool {
        let connections = self.lock();
        let victim = connections
            .values()
            .find(|state| state.phase.load(Ordering::Acquire) == IDLE && !state.evicting.swap(true, Ordering::AcqRel));
        match victim {
            Some(state) => {
                state.evict.notify_one();
                true
            }
            None => false,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, Arc<ConnState>>> {
        // The map stays consistent even if a holder panicked.
        self.connections.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Every {
    /// Whether to write the line at `now`: the number left out since the
    /// last one, or None to leave this one out.
    fn admit(&mut self, now: Instant) -> Option<u64> {
        match self.last {
            Some(last) if now.saturating_duration_since(last) < LOG_EVERY => {
                self.left_out += 1;
                None
            }
            _ => {
                self.last = Some(now);
                Some(std::mem::take(&mut self.left_out))
            }
        }
    }
}

impl RefusalLog {
    /// Logs `refusal` by kind, unless one of its kind was logged within
    /// [`LOG_EVERY`].
    fn note(&self, refusal: Refusal) {
        let admitted = {
            let mut kinds = self.kinds.lock().unwrap_or_else(|e| e.into_inner());
            kinds.entry(refusal).or_default().admit(Instant::now())
        };
        if let Some(more) = admitted {
            let level = match refusal {
                // Scanners knock on every door; only an operator who
                // debugs cares.
                Refusal::WrongPath | Refusal::NotPost => log::Level::Debug,
                _ => log::Level::Warn,
            };
            log::log!(level, "webhook: refused {}{}", refusal.describe(), more_since(more));
        }
    }
}

impl Connection {
    async fn run<F, Fut>(self, stream: TcpStream, shared: Arc<Shared<F>>, mut stopped: watch::Receiver<Option<Instant>>)
    where
        F: Fn(Bytes) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<Offer, OfferError>> + Send + 'static,
    {
        let state = self.state.clone();
        let header_timeout = shared.options.header_timeout;
        let service = {
            let state = state.clone();
            service_fn(move |request| {
                let shared = shared.clone();
                let state = state.clone();
                async move { Ok::<_, Infallible>(handle(request, &shared, &state).await) }
            })
        };
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .keep_alive(true)
            .max_buf_size(MAX_HEAD_BYTES);
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        let mut connection = std::pin::pin!(connection);
        loop {
            tokio::select! {
                result = connection.as_mut() => {
                    if let Err(err) = result {
                        log::debug!("webhook: connection ended: {}", describe(&err));
                    }
                    break;
                }
                () = state.evict.notified() => {
                    if state.phase.load(Ordering::Acquire) != IDLE {
                        // A request came in meanwhile: serve it, and pass
                        // the eviction on, since the accept loop waits.
                        state.evicting.store(false, Ordering::Release);
                        self.registry.evict_oldest_idle();
                        continue;
                    }
                    log::debug!("webhook: closing an idle connection to make room");
                    connection.as_mut().graceful_shutdown();
                    poll_once(connection.as_mut()).await;
                    break;
                }
                deadline = stop_deadline(&mut stopped) => {
                    connection.as_mut().graceful_shutdown();
                    if state.phase.load(Ordering::Acquire) == OFFERING {
                        let _ = tokio::time::timeout_at(deadline, connection.as_mut()).await;
                    } else {
                        // Nothing was acknowledged here; an answer just
                        // written is flushed by this last poll.
                        poll_once(connection.as_mut()).await;
                    }
                    break;
                }
            }
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.registry.remove(self.id);
    }
}

impl<'a> PhaseGuard<'a> {
    fn enter(state: &'a ConnState, phase: u8) -> Self {
        state.phase.store(phase, Ordering::Release);
        PhaseGuard(state)
    }

    fn set(&self, phase: u8) {
        self.0.phase.store(phase, Ordering::Release);
    }
}

impl Drop for PhaseGuard<'_> {
    fn drop(&mut self) {
        self.0.phase.store(IDLE, Ordering::Release);
    }
}

impl Refusal {
    fn status(self) -> StatusCode {
        match self {
            Refusal::WrongPath => StatusCode::NOT_FOUND,
            Refusal::NotPost => StatusCode::METHOD_NOT_ALLOWED,
            Refusal::NoSecret => StatusCode::UNAUTHORIZED,
            Refusal::WrongSecret => StatusCode::FORBIDDEN,
            Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::SlowBody => StatusCode::REQUEST_TIMEOUT,
            Refusal::BrokenBody | Refusal::NotJson | Refusal::NoUpdateId => StatusCode::BAD_REQUEST,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Refusal::WrongPath => "a request for another path",
            Refusal::NotPost => "a request that is not a POST",
            Refusal::NoSecret => "a request without the secret token",
            Refusal::WrongSecret => "a request with a wrong secret token",
            Refusal::TooLarge => "a body over the size cap",
            Refusal::SlowBody => "a body that came too slowly",
            Refusal::BrokenBody => "a body that broke off",
            Refusal::NotJson => "a body that is not JSON",
            Refusal::NoUpdateId => "a JSON body without an update_id",
        }
    }
}

/// Answers one request: checks it, reads the body within its limits, and
/// answers by the inbox's verdict.
async fn handle<F, Fut>(request: Request<Incoming>, shared: &Shared<F>, state: &ConnState) -> Response<Full<Bytes>>
where
    F: Fn(Bytes) -> Fut,
    Fut: Future<Output = Result<Offer, OfferError>>,
{
    let phase = PhaseGuard::enter(state, READING);
    let body = match check(request, &shared.options).await {
        Ok(body) => body,
        Err(refusal) => {
            // Only the kind: a body may hold a user's words.
            shared.refusals.note(refusal);
            return respond(refusal.status(), false);
        }
    };
    phase.set(OFFERING);
    let Ok(verdict) = catch_panic((shared.offer)(body)).await else {
        log::error!("webhook: the inbox panicked storing an update, Telegram will deliver again");
        return respond(StatusCode::SERVICE_UNAVAILABLE, true);
    };
    match verdict {
        Ok(Offer::Accepted | Offer::Duplicate) => respond(StatusCode::OK, true),
        Ok(Offer::Busy) => {
            log::debug!("webhook: the inbox is full, Telegram will deliver again");
            respond(StatusCode::SERVICE_UNAVAILABLE, true)
        }
        Err(err) => {
            log::error!("webhook: cannot store an update, Telegram will deliver again: {err:#}");
            respond(StatusCode::SERVICE_UNAVAILABLE, true)
        }
    }
}

/// The body of a request that may be an update, or why it is refused.
async fn check(request: Request<Incoming>, options: &WebhookOptions) -> Result<Bytes, Refusal> {
    if request.uri().path() != options.path {
        return Err(Refusal::WrongPath);
    }
    if request.method() != Method::POST {
        return Err(Refusal::NotPost);
    }
    if let Some(secret) = &options.secret_token {
        let sent = request.headers().get(SECRET_HEADER).ok_or(Refusal::NoSecret)?;
        // Constant time, so that the secret cannot be guessed byte by byte
        // from the answer's timing (only its length could).
        if !bool::from(sent.as_bytes().ct_eq(secret.as_bytes())) {
            return Err(Refusal::WrongSecret);
        }
    }
    let body = request.into_body();
    // A declared length over the cap is refused before a byte is read.
    if body.size_hint().lower() > options.max_body_bytes as u64 {
        return Err(Refusal::TooLarge);
    }
    let collected = tokio::time::timeout(
        options.body_timeout,
        Limited::new(body, options.max_body_bytes).collect(),
    )
    .await
    .map_err(|_| Refusal::SlowBody)?;
    let body = match collected {
        Ok(collected) => collected.to_bytes(),
        Err(err) if err.is::<http_body_util::LengthLimitError>() => return Err(Refusal::TooLarge),
        Err(_) => return Err(Refusal::BrokenBody),
    };
    probe(&body)?;
    Ok(body)
}

/// Checks that `body` is a JSON object with a numeric `update_id`.
fn probe(body: &[u8]) -> Result<(), Refusal> {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[allow(dead_code)]
        update_id: u64,
    }
    match serde_json::from_slice::<Probe>(body) {
        Ok(_) => Ok(()),
        Err(err) if err.is_data() => Err(Refusal::NoUpdateId),
        Err(_) => Err(Refusal::NotJson),
    }
}

/// An answer with no body. Refusals close the connection: its client is
/// not Telegram, or a body may be left unread.
fn respond(status: StatusCode, keep_alive: bool) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = status;
    if !keep_alive {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    if status == StatusCode::METHOD_NOT_ALLOWED {
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
    }
    response
}

/// When shutdown began, the deadline for offers in flight; now, if the
/// server is gone.
async fn stop_deadline(stopped: &mut watch::Receiver<Option<Instant>>) -> Instant {
    match stopped.wait_for(Option::is_some).await {
        Ok(deadline) => deadline.unwrap_or_else(Instant::now),
        Err(_) => Instant::now(),
    }
}

/// `future`'s output, or Err if it panicked: a panic in the inbox costs
/// one 503, not the connection and its slot.
async fn catch_panic<F: Future>(future: F) -> Result<F::Output, ()> {
    let mut future = std::pin::pin!(future);
    std::future::poll_fn(
        |cx| match std::panic::catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(_) => Poll::Ready(Err(())),
        },
    )
    .await
}

/// The tail of a log line that [`Every`] let through after leaving out
/// `more` like it.
fn more_since(more: u64) -> String {
    match more {
        0 => String::new(),
        n => format!(" ({n} more since the last such line)"),
    }
}

/// Polls `future` once, so that a connection writes what it can.
async fn poll_once<F: Future>(mut future: Pin<&mut F>) {
    std::future::poll_fn(|cx| {
        let _ = future.as_mut().poll(cx);
        Poll::Ready(())
    })
    .await;
}

/// A connection error by kind.
fn describe(err: &hyper::Error) -> &'static str {
    if err.is_timeout() {
        "no request head in time"
    } else if err.is_parse_too_large() {
        "a request head over the cap"
    } else if err.is_parse() {
        "not HTTP/1.1"
    } else if err.is_incomplete_message() {
        "closed in the middle of a request"
    } else {
        "an I/O error"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_of_log_lines_is_written_once_per_interval() {
        // Defect guarded: every refused request of a flood wrote a line.
        let mut line = Every::default();
        let start = Instant::now();
        assert_eq!(line.admit(start), Some(0));
        assert_eq!(line.admit(start + Duration::from_secs(1)), None);
        assert_eq!(line.admit(start + Duration::from_secs(2)), None);
        // After the interval, one line that counts those left out.
        assert_eq!(line.admit(start + LOG_EVERY), Some(2));
        assert_eq!(line.admit(start + LOG_EVERY), None);
        assert_eq!(line.admit(start + LOG_EVERY * 2), Some(1));
    }
}
