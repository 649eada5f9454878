//! A fake Telegram Bot API server for the integration tests, so that the bot
//! can be driven end to end without the internet: it listens on 127.0.0.1,
//! speaks the real Bot API JSON, hands out queued updates by long polling,
//! refuses what Telegram would refuse (bad HTML, over-long texts, invalid
//! buttons, stale query ids, edits that change nothing) with Telegram's own
//! descriptions, records every call, and injects faults on request. The
//! tests use it synchronously: the server runs on its own thread and runtime.

// Each test uses some of the helpers, none uses all of them.
#![allow(dead_code)]

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet, VecDeque};
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::connect_info::Connected;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::serve::{IncomingStream, Listener};
use serde_json::{Map, Value, json};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, oneshot};

#[path = "fake_telegram/forum.rs"]
mod forum;
#[allow(unused_imports)] // for the handover tests to come
pub use forum::{Topic, document_message, forum_chat, photo_message};

/// The user id of the bot the fake plays.
pub const BOT_ID: i64 = 4242;

/// The body of a [`Fault::Malformed`] answer.
const MALFORMED: &str = r#"{"ok":tru"#;

/// One recorded call of a Bot API method.
#[derive(Clone, Debug)]
pub struct Call {
    /// The method name, lower-cased (`sendmessage`).
    pub method: String,
    /// The parameters, from the JSON or form body and the query string.
    pub params: Value,
    /// Whether the answer was `{"ok":true,...}`.
    pub ok: bool,
    /// Whether a [`Fault`] was injected into this call.
    pub faulted: bool,
    /// The answer's body as JSON (a string for a malformed one, null for a
    /// dropped connection).
    pub response: Value,
}

/// A one-shot fault for the next call of a method.
#[derive(Clone, Debug)]
pub enum Fault {
    /// 429 with `parameters.retry_after`.
    RetryAfter(u64),
    /// An error answer with this HTTP status and Telegram-like description.
    /// Note that teloxide sleeps 10 s after any 5xx before it reports it.
    Status(u16),
    /// Status 200 with the body `{"ok":tru`.
    Malformed,
    /// The connection is closed without an answer.
    Drop,
    /// The call is answered normally (with its effect) after this delay.
    Delay(Duration),
}

/// A Bot API error answer.
#[derive(Debug)]
struct ApiErr {
    code: u16,
    description: String,
}

impl ApiErr {
    fn body(&self) -> Value {
        error_body(self.code, &self.description, None)
    }
}

/// A 400 "Bad Request: ..." error.
fn bad(what: &str) -> ApiErr {
    ApiErr {
        code: 400,
        description: format!("Bad Request: {what}"),
    }
}

fn not_found() -> ApiErr {
    ApiErr {
        code: 404,
        description: "Not Found".to_owned(),
    }
}

fn error_body(code: u16, description: &str, retry_after: Option<u64>) -> Value {
    let mut body = json!({"ok": false, "error_code": code, "description": description});
    if let Some(secs) = retry_after {
        body["parameters"] = json!({ "retry_after": secs });
    }
    body
}

/// What Telegram says with an HTTP status.
fn status_description(code: u16) -> &'static str {
    match code {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden: bot was blocked by the user",
        404 => "Not Found",
        409 => "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        429 => "Too Many Requests: retry after 1",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    }
}

/// The fake's state.
#[derive(Default)]
struct Book {
    calls: Vec<Call>,
    /// Updates not yet confirmed, each with its `update_id`.
    queue: VecDeque<Value>,
    last_update_id: i64,
    confirmed: i64,
    faults: HashMap<String, VecDeque<Fault>>,
    /// Callback and inline query ids handed out and not yet answered.
    open_callbacks: HashSet<String>,
    open_inline: HashSet<String>,
    /// Every message known, the bot's and those pushed in updates, by
    /// (chat id, message id).
    messages: HashMap<(i64, i64), Value>,
    /// Chats seen in pushed updates.
    chats: HashMap<i64, Value>,
    /// The bot's last sent message per chat.
    last_sent: HashMap<i64, i64>,
    /// Texts of successful sendMessage and editMessageText calls by chat.
    texts: Vec<(i64, String)>,
    /// setMyCommands by scope and language.
    commands: HashMap<String, Value>,
    /// The token was revoked: every call is refused with 401.
    revoked: bool,
    /// Methods whose calls wait, unperformed, until released.
    held: HashSet<String>,
    /// Calls waiting in a hold.
    waiting: usize,
    /// Calls that began waiting before this hold number are dropped
    /// unperformed when released (their caller was killed).
    hold_number: u64,
    discard_below: u64,
    /// Forum supergroups and their topics.
    forums: forum::Forums,
    /// Chats whose user blocked the bot.
    blocked: HashSet<i64>,
}

struct Shared {
    book: Mutex<Book>,
    /// Woken when an update is pushed, for long polling.
    pushed: Notify,
    /// Woken when held calls are released.
    released: Notify,
}

impl Shared {
    fn book(&self) -> MutexGuard<'_, Book> {
        self.book.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn push(&self, mut update: Value) -> i64 {
        let mut book = self.book();
        book.last_update_id += 1;
        let id = book.last_update_id;
        update["update_id"] = json!(id);
        note(&mut book, &update);
        book.queue.push_back(update);
        drop(book);
        self.pushed.notify_waiters();
        id
    }
}

/// What Telegram knows of an update it sends: its callback and inline
/// query ids can be answered, its messages exist.
fn note(book: &mut Book, update: &Value) {
    if let Some(query) = update
        .get("callback_query")
        .and_then(|q| q.get("id"))
        .and_then(Value::as_str)
    {
        book.open_callbacks.insert(query.to_owned());
    }
    if let Some(query) = update
        .get("inline_query")
        .and_then(|q| q.get("id"))
        .and_then(Value::as_str)
    {
        book.open_inline.insert(query.to_owned());
    }
    for kind in ["message", "edited_message", "channel_post", "edited_channel_post"] {
        if let Some(message) = update.get(kind) {
            book.remember(message);
        }
    }
}

/// A fake Telegram Bot API server on 127.0.0.1; shut down when dropped.
pub struct FakeTelegram {
    shared: Arc<Shared>,
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl FakeTelegram {
    /// Starts a fake on a free port of 127.0.0.1.
    pub fn start() -> FakeTelegram {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds 127.0.0.1");
        listener.set_nonblocking(true).expect("non-blocking listener");
        let addr = listener.local_addr().expect("local address");
        let shared = Arc::new(Shared {
            book: Mutex::new(Book {
                last_update_id: 10_000,
                ..Book::default()
            }),
            pushed: Notify::new(),
            released: Notify::new(),
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        let (shutdown, stop) = oneshot::channel::<()>();
        let app = Router::new().fallback(handle).with_state(Arc::clone(&shared));
        let thread = std::thread::Builder::new()
            .name("fake-telegram".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    let listener = FakeListener(TcpListener::from_std(listener).expect("tokio listener"));
                    let server =
                        axum::serve(listener, app.into_make_service_with_connect_info::<ConnHandle>()).into_future();
                    tokio::select! {
                        _ = server => {}
                        _ = stop => {}
                    }
                });
                runtime.shutdown_timeout(Duration::from_millis(200));
            })
            .expect("server thread");
        FakeTelegram {
            shared,
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }

    /// The base url of the API, for `TELOXIDE_API_URL` or `Bot::set_api_url`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Queues `update` for getUpdates, gives it the next `update_id` and
    /// returns that; the callback and inline query ids and the messages in
    /// it become known.
    pub fn push_update(&self, update: Value) -> i64 {
        self.shared.push(update)
    }

    /// Every call so far, in the order they were answered.
    /// Records an update a test posts to a webhook itself (not queued for
    /// getUpdates), as Telegram knows what it posts.
    pub fn announce(&self, update: &Value) {
        note(&mut self.shared.book(), update);
    }

    pub fn calls(&self) -> Vec<Call> {
        self.shared.book().calls.clone()
    }

    /// The calls of one method (case-insensitive).
    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        let method = method.to_ascii_lowercase();
        self.calls().into_iter().filter(|call| call.method == method).collect()
    }

    /// Queues a one-shot fault for the next call of `method`.
    pub fn fault(&self, method: &str, fault: Fault) {
        self.shared
            .book()
            .faults
            .entry(method.to_ascii_lowercase())
            .or_default()
            .push_back(fault);
    }

    /// Waits until `what` holds for the calls, checking every 20 ms; false
    /// if it still does not after `timeout`.
    pub fn wait_until(&self, what: impl Fn(&[Call]) -> bool, timeout: Duration) -> bool {
        let start = Instant::now();
        loop {
            if what(&self.calls()) {
                return true;
            }
            if start.elapsed() >= timeout {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Revokes the bot's token: from now on every call gets Telegram's
    /// `401 Unauthorized`.
    pub fn revoke_token(&self) {
        self.shared.book().revoked = true;
    }

    /// Holds the calls of `method`: they wait, unperformed, until
    /// [`FakeTelegram::release`] or [`FakeTelegram::discard_held`].
    pub fn hold(&self, method: &str) {
        self.shared.book().held.insert(method.to_ascii_lowercase());
    }

    /// How many calls wait in a hold.
    pub fn held(&self) -> usize {
        self.shared.book().waiting
    }

    /// Ends every hold; the waiting calls are performed.
    pub fn release(&self) {
        self.shared.book().held.clear();
        self.shared.released.notify_waiters();
    }

    /// Ends every hold and drops the waiting calls unperformed, as Telegram
    /// never sees a request whose sender died before it was sent.
    pub fn discard_held(&self) {
        let mut book = self.shared.book();
        book.discard_below = book.hold_number + 1;
        book.held.clear();
        drop(book);
        self.shared.released.notify_waiters();
    }

    /// The highest offset getUpdates has confirmed (0 before any).
    pub fn confirmed_offset(&self) -> i64 {
        self.shared.book().confirmed
    }

    /// The texts (as Telegram shows them: tags removed, entities decoded,
    /// trimmed) of the successful sendMessage and editMessageText calls to
    /// `chat_id`, in order.
    pub fn sent_texts(&self, chat_id: i64) -> Vec<String> {
        let book = self.shared.book();
        book.texts
            .iter()
            .filter(|(chat, _)| *chat == chat_id)
            .map(|(_, text)| text.clone())
            .collect()
    }

    /// The id of the last message the bot sent to `chat_id`.
    pub fn last_message_id(&self, chat_id: i64) -> Option<i64> {
        self.shared.book().last_sent.get(&chat_id).copied()
    }

    /// The message as it stands now (after edits), for building callback
    /// updates; None if unknown or deleted.
    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<Value> {
        self.shared.book().messages.get(&(chat_id, message_id)).cloned()
    }

    /// The commands set by setMyCommands for the default scope and no
    /// language.
    pub fn commands(&self) -> Option<Value> {
        self.shared.book().commands.get(&commands_key(&json!({}))).cloned()
    }
}

impl Drop for FakeTelegram {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

// --- The connection layer: a listener whose connections a handler can drop.

/// Lets a handler close its connection without an answer.
#[derive(Clone, Debug)]
struct ConnHandle(Arc<AtomicBool>);

impl ConnHandle {
    fn kill(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

impl Connected<IncomingStream<'_, FakeListener>> for ConnHandle {
    fn connect_info(stream: IncomingStream<'_, FakeListener>) -> Self {
        stream.remote_addr().clone()
    }
}

struct FakeListener(TcpListener);

impl Listener for FakeListener {
    type Io = Conn;
    type Addr = ConnHandle;

    async fn accept(&mut self) -> (Conn, ConnHandle) {
        loop {
            match self.0.accept().await {
                Ok((stream, _)) => {
                    let _ = stream.set_nodelay(true);
                    let killed = Arc::new(AtomicBool::new(false));
                    let conn = Conn {
                        stream,
                        killed: Arc::clone(&killed),
                    };
                    return (conn, ConnHandle(killed));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<ConnHandle> {
        Ok(ConnHandle(Arc::default()))
    }
}

/// A TCP connection that fails all reads and writes once killed, so that
/// hyper closes it before a byte of the answer is written.
struct Conn {
    stream: TcpStream,
    killed: Arc<AtomicBool>,
}

impl Conn {
    fn check(&self) -> io::Result<()> {
        if self.killed.load(Ordering::SeqCst) {
            Err(io::ErrorKind::ConnectionAborted.into())
        } else {
            Ok(())
        }
    }
}

impl AsyncRead for Conn {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        if let Err(e) = self.check() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Conn {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        if let Err(e) = self.check() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Err(e) = self.check() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

// --- HTTP: routing, parameters, faults.

fn json_response(status: u16, body: &Value) -> Response {
    raw_response(status, "application/json", body.to_string())
}

fn raw_response(status: u16, content_type: &'static str, body: String) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// The lower-cased method of a `/bot{token}/{method}` path.
fn method_of(path: &str) -> Option<String> {
    let (token, method) = path.strip_prefix("/bot")?.split_once('/')?;
    if token.is_empty() || method.is_empty() || method.contains('/') {
        return None;
    }
    Some(method.to_ascii_lowercase())
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(conn): ConnectInfo<ConnHandle>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(method) = method_of(uri.path()) else {
        return json_response(404, &not_found().body());
    };
    let record = |params: Value, ok: bool, faulted: bool, response: Value| {
        shared.book().calls.push(Call {
            method: method.clone(),
            params,
            ok,
            faulted,
            response,
        });
    };
    let params = match parse_params(uri.query(), &headers, &body) {
        Ok(params) => params,
        Err(e) => {
            record(Value::Null, false, false, e.body());
            return json_response(e.code, &e.body());
        }
    };
    if shared.book().revoked {
        let body = error_body(401, status_description(401), None);
        record(params, false, true, body.clone());
        return json_response(401, &body);
    }
    if let Some(ticket) = hold(&shared, &method).await
        && ticket < shared.book().discard_below
    {
        // Its sender is gone: never performed, never recorded.
        return json_response(503, &error_body(503, status_description(503), None));
    }
    let fault = shared.book().faults.get_mut(&method).and_then(VecDeque::pop_front);
    let faulted = fault.is_some();
    match fault {
        Some(Fault::RetryAfter(secs)) => {
            let body = error_body(429, &format!("Too Many Requests: retry after {secs}"), Some(secs));
            record(params, false, true, body.clone());
            return json_response(429, &body);
        }
        Some(Fault::Status(code)) => {
            let body = error_body(code, status_description(code), None);
            record(params, false, true, body.clone());
            return json_response(code, &body);
        }
        Some(Fault::Malformed) => {
            record(params, false, true, Value::String(MALFORMED.to_owned()));
            return raw_response(200, "application/json", MALFORMED.to_owned());
        }
        Some(Fault::Drop) => {
            conn.kill();
            record(params, false, true, Value::Null);
            // Never written: the killed connection fails the write.
            return raw_response(502, "text/html", "<html>bad gateway</html>".to_owned());
        }
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        None => {}
    }
    let result = if method == "getupdates" {
        get_updates(&shared, &params).await
    } else {
        shared.book().perform(&method, &params)
    };
    let (status, body) = match result {
        Ok(result) => (200, json!({"ok": true, "result": result})),
        Err(e) => (e.code, e.body()),
    };
    record(params, status == 200, faulted, body.clone());
    json_response(status, &body)
}

/// Waits while `method` is held; returns the call's hold number if it
/// waited.
async fn hold(shared: &Shared, method: &str) -> Option<u64> {
    let ticket = {
        let mut book = shared.book();
        if !book.held.contains(method) {
            return None;
        }
        book.waiting += 1;
        book.hold_number += 1;
        book.hold_number
    };
    loop {
        let mut released = std::pin::pin!(shared.released.notified());
        released.as_mut().enable();
        if !shared.book().held.contains(method) {
            break;
        }
        released.await;
    }
    shared.book().waiting -= 1;
    Some(ticket)
}

/// The parameters of a call: the query string, then a JSON or form body.
fn parse_params(query: Option<&str>, headers: &HeaderMap, body: &[u8]) -> Result<Value, ApiErr> {
    let mut params = Map::new();
    if let Some(query) = query {
        params.extend(form_pairs(query));
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if body.iter().all(u8::is_ascii_whitespace) {
        // No parameters in the body.
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        let body = std::str::from_utf8(body).map_err(|_| bad("can't parse parameters"))?;
        params.extend(form_pairs(body));
    } else if content_type.starts_with("application/json") || content_type.is_empty() {
        match serde_json::from_slice(body) {
            Ok(Value::Object(object)) => params.extend(object),
            _ => return Err(bad("can't parse JSON object")),
        }
    } else if content_type.starts_with("multipart/form-data") {
        // teloxide sends setWebhook (which may carry a certificate) as
        // multipart: text parts become parameters, file parts are ignored.
        let boundary = content_type
            .split(';')
            .find_map(|p| p.trim().strip_prefix("boundary="))
            .map(|b| b.trim_matches('"').to_string())
            .ok_or_else(|| bad("multipart body without a boundary"))?;
        let body = String::from_utf8_lossy(body);
        for part in body.split(&format!("--{boundary}")) {
            let Some((head, value)) = part.split_once("\r\n\r\n") else {
                continue;
            };
            let Some(name) = head.split("name=\"").nth(1).and_then(|n| n.split('"').next()) else {
                continue;
            };
            if head.contains("filename=") {
                continue;
            }
            let value = value.trim_end_matches("\r\n").to_string();
            let parsed = match value.trim_start().chars().next() {
                Some('{' | '[') => serde_json::from_str(&value).ok(),
                _ => None,
            };
            params.insert(name.to_string(), parsed.unwrap_or(Value::String(value)));
        }
    } else {
        return Err(bad(
            "unsupported content type (the fake takes JSON, url-encoded and multipart forms)",
        ));
    }
    Ok(Value::Object(params))
}

/// The pairs of an url-encoded form; values that are JSON objects or
/// arrays (as Telegram takes `reply_markup`) are parsed.
fn form_pairs(form: &str) -> Vec<(String, Value)> {
    form.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            let parsed = match value.trim_start().chars().next() {
                Some('{' | '[') => serde_json::from_str(&value).ok(),
                _ => None,
            };
            (percent_decode(key), parsed.unwrap_or(Value::String(value)))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => match b
                .get(i + 1..i + 3)
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            {
                Some(byte) => {
                    out.push(byte);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

// --- Parameters.

fn int(params: &Value, key: &str) -> Option<i64> {
    match params.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn string<'a>(params: &'a Value, key: &str) -> Option<&'a str> {
    params.get(key).and_then(Value::as_str)
}

fn flag(params: &Value, key: &str) -> bool {
    match params.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        _ => false,
    }
}

fn chat_id(params: &Value) -> Result<i64, ApiErr> {
    match params.get("chat_id") {
        None | Some(Value::Null) => Err(bad("chat_id is empty")),
        Some(_) => int(params, "chat_id").ok_or_else(|| bad("chat not found")),
    }
}

fn message_id(params: &Value) -> Result<i64, ApiErr> {
    int(params, "message_id").ok_or_else(|| bad("message identifier is not specified"))
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Message ids for the whole test process, shared by the builders and every
/// fake, so that ids never collide and grow with time as Telegram's do.
static NEXT_MESSAGE_ID: AtomicI64 = AtomicI64::new(1);

fn next_message_id() -> i64 {
    NEXT_MESSAGE_ID.fetch_add(1, Ordering::Relaxed)
}

fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "Lotse", "username": "LotseTestBot"})
}

fn me() -> Value {
    json!({
        "id": BOT_ID,
        "is_bot": true,
        "first_name": "Lotse",
        "username": "LotseTestBot",
        "can_join_groups": true,
        "can_read_all_group_messages": false,
        "supports_inline_queries": true,
        "can_connect_to_business": false,
        "has_main_web_app": false
    })
}

fn commands_key(params: &Value) -> String {
    let scope = params
        .get("scope")
        .cloned()
        .unwrap_or_else(|| json!({"type": "default"}));
    format!("{scope}|{}", string(params, "language_code").unwrap_or(""))
}

fn id_of(update: &Value) -> i64 {
    update.get("update_id").and_then(Value::as_i64).unwrap_or(0)
}

// --- Methods.

async fn get_updates(shared: &Shared, params: &Value) -> Result<Value, ApiErr> {
    let offset = int(params, "offset").unwrap_or(0);
    let limit = int(params, "limit").unwrap_or(100).clamp(1, 100) as usize;
    let wait = Duration::from_secs(int(params, "timeout").unwrap_or(0).clamp(0, 1) as u64);
    let allowed: Vec<String> = params
        .get("allowed_updates")
        .and_then(Value::as_array)
        .map(|kinds| kinds.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let mut pushed = std::pin::pin!(shared.pushed.notified());
        pushed.as_mut().enable();
        {
            let mut book = shared.book();
            book.confirm(offset);
            let found: Vec<Value> = book
                .queue
                .iter()
                .filter(|u| id_of(u) >= offset)
                .filter(|u| allowed.is_empty() || allowed.iter().any(|kind| u.get(kind).is_some()))
                .take(limit)
                .cloned()
                .collect();
            if !found.is_empty() || tokio::time::Instant::now() >= deadline {
                return Ok(Value::Array(found));
            }
        }
        let _ = tokio::time::timeout_at(deadline, pushed).await;
    }
}

impl Book {
    /// Confirms the updates before `offset`, as getUpdates does.
    fn confirm(&mut self, offset: i64) {
        if offset > self.confirmed {
            self.confirmed = offset;
            self.queue.retain(|u| id_of(u) >= offset);
        }
    }

    /// Remembers a message from an update (and the one it replies to).
    fn remember(&mut self, message: &Value) {
        let (Some(chat), Some(id)) = (
            message.get("chat").and_then(|c| c.get("id")).and_then(Value::as_i64),
            message.get("message_id").and_then(Value::as_i64),
        ) else {
            return;
        };
        self.chats.insert(chat, message["chat"].clone());
        if let Some(replied) = message.get("reply_to_message") {
            self.remember(replied);
        }
        self.messages.entry((chat, id)).or_insert_with(|| message.clone());
    }

    fn chat(&self, id: i64) -> Value {
        if let Some(chat) = self.chats.get(&id) {
            return chat.clone();
        }
        chat_for(id, numbered_chat_type(id), None)
    }

    /// A new message from the bot to `chat`.
    fn new_message(&self, chat: i64) -> Value {
        json!({"message_id": next_message_id(), "date": now(), "chat": self.chat(chat), "from": bot_user()})
    }

    fn store_sent(&mut self, chat: i64, message: &Value) {
        let id = message["message_id"].as_i64().unwrap_or(0);
        self.messages.insert((chat, id), message.clone());
        self.last_sent.insert(chat, id);
    }

    /// The message a send replies to, or the error if it is unknown.
    fn reply_target(&self, chat: i64, params: &Value) -> Result<Option<Value>, ApiErr> {
        let (id, lenient) = match params.get("reply_parameters").filter(|p| p.is_object()) {
            Some(reply) => (int(reply, "message_id"), flag(reply, "allow_sending_without_reply")),
            None => (
                int(params, "reply_to_message_id"),
                flag(params, "allow_sending_without_reply"),
            ),
        };
        let Some(id) = id else { return Ok(None) };
        match self.messages.get(&(chat, id)) {
            Some(message) => {
                let mut message = message.clone();
                if let Some(object) = message.as_object_mut() {
                    object.remove("reply_to_message");
                }
                Ok(Some(message))
            }
            None if lenient => Ok(None),
            None => Err(bad("message to be replied not found")),
        }
    }

    fn perform(&mut self, method: &str, params: &Value) -> Result<Value, ApiErr> {
        if let Some(result) = self.perform_forum(method, params) {
            return result;
        }
        match method {
            "getme" => Ok(me()),
            "getwebhookinfo" => Ok(json!({"url": "", "has_custom_certificate": false, "pending_update_count": 0})),
            "setmycommands" => self.set_my_commands(params),
            "getmycommands" => Ok(self
                .commands
                .get(&commands_key(params))
                .cloned()
                .unwrap_or_else(|| json!([]))),
            "deletemycommands" => {
                self.commands.remove(&commands_key(params));
                Ok(json!(true))
            }
            "getmydescription" => Ok(json!({"description": ""})),
            "getmyshortdescription" => Ok(json!({"short_description": ""})),
            "getmyname" => Ok(json!({"name": "Lotse"})),
            "getchatmenubutton" => Ok(json!({"type": "default"})),
            "sendmessage" => self.send_message(params),
            "sendcontact" => self.send_contact(params),
            "editmessagetext" => self.edit_message_text(params),
            "editmessagereplymarkup" => self.edit_message_reply_markup(params),
            "deletemessage" => self.delete_message(params),
            "sendchataction" => {
                chat_id(params)?;
                string(params, "action").ok_or_else(|| bad("action is empty"))?;
                Ok(json!(true))
            }
            "answercallbackquery" => {
                let id = string(params, "callback_query_id").unwrap_or("");
                if self.open_callbacks.remove(id) {
                    Ok(json!(true))
                } else {
                    Err(bad(
                        "query is too old and response timeout expired or query ID is invalid",
                    ))
                }
            }
            "answerinlinequery" => self.answer_inline_query(params),
            "deletewebhook" | "setwebhook" => {
                if flag(params, "drop_pending_updates") {
                    self.queue.clear();
                }
                Ok(json!(true))
            }
            "logout" | "close" | "leavechat" => Ok(json!(true)),
            other if other.starts_with("set") || other.starts_with("delete") => Ok(json!(true)),
            _ => Err(not_found()),
        }
    }

    fn set_my_commands(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let commands = params
            .get("commands")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("commands must be an array"))?;
        if commands.len() > 100 {
            return Err(bad("BOT_COMMANDS_TOO_MUCH"));
        }
        for command in commands {
            let name = string(command, "command").unwrap_or("");
            let valid = (1..=32).contains(&name.len())
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !valid {
                return Err(bad("BOT_COMMAND_INVALID"));
            }
            let description = string(command, "description").unwrap_or("").trim();
            if !(1..=256).contains(&description.chars().count()) {
                return Err(bad("BOT_COMMAND_DESCRIPTION_INVALID"));
            }
        }
        self.commands
            .insert(commands_key(params), Value::Array(commands.clone()));
        Ok(json!(true))
    }

    fn send_message(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let chat = chat_id(params)?;
        self.check_not_blocked(chat)?;
        let (text, entities) = formatted(params, "text")?;
        let markup = inline_markup(params.get("reply_markup"))?;
        let thread = self.send_thread(chat, params)?;
        let reply = self.reply_target(chat, params)?;
        let mut message = self.new_message(chat);
        Book::in_thread(&mut message, thread);
        message["text"] = json!(text);
        if !entities.is_empty() {
            message["entities"] = Value::Array(entities);
        }
        if let Some(markup) = markup {
            message["reply_markup"] = markup;
        }
        if let Some(reply) = reply {
            message["reply_to_message"] = reply;
        }
        self.store_sent(chat, &message);
        self.texts.push((chat, text));
        Ok(message)
    }

    fn send_contact(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let chat = chat_id(params)?;
        self.check_not_blocked(chat)?;
        let thread = self.send_thread(chat, params)?;
        let phone = string(params, "phone_number").filter(|p| !p.trim().is_empty());
        let phone = phone.ok_or_else(|| bad("PHONE_NUMBER_INVALID"))?;
        let first = string(params, "first_name").filter(|f| !f.trim().is_empty());
        let first = first.ok_or_else(|| bad("FIRSTNAME_INVALID"))?;
        let markup = inline_markup(params.get("reply_markup"))?;
        let reply = self.reply_target(chat, params)?;
        let mut contact = json!({"phone_number": phone, "first_name": first});
        for key in ["last_name", "vcard"] {
            if let Some(value) = string(params, key) {
                contact[key] = json!(value);
            }
        }
        let mut message = self.new_message(chat);
        Book::in_thread(&mut message, thread);
        message["contact"] = contact;
        if let Some(markup) = markup {
            message["reply_markup"] = markup;
        }
        if let Some(reply) = reply {
            message["reply_to_message"] = reply;
        }
        self.store_sent(chat, &message);
        Ok(message)
    }

    /// The bot's own message to edit, or Telegram's error.
    fn editable(&mut self, params: &Value) -> Result<(i64, &mut Value), ApiErr> {
        let chat = chat_id(params)?;
        let id = message_id(params)?;
        let message = self
            .messages
            .get_mut(&(chat, id))
            .ok_or_else(|| bad("message to edit not found"))?;
        if message.get("from").and_then(|f| f.get("id")).and_then(Value::as_i64) != Some(BOT_ID) {
            return Err(bad("message can't be edited"));
        }
        Ok((chat, message))
    }

    fn edit_message_text(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let (text, entities) = formatted(params, "text")?;
        let markup = inline_markup(params.get("reply_markup"))?;
        if params.get("inline_message_id").is_some_and(|id| !id.is_null()) {
            return Ok(json!(true));
        }
        let (chat, message) = self.editable(params)?;
        let Some(current) = message.get("text").and_then(Value::as_str) else {
            return Err(bad("there is no text in the message to edit"));
        };
        let current_entities = message.get("entities").cloned().unwrap_or_else(|| json!([]));
        if current == text
            && current_entities == Value::Array(entities.clone())
            && message.get("reply_markup") == markup.as_ref()
        {
            return Err(not_modified());
        }
        let object = message.as_object_mut().expect("a message is an object");
        object.insert("text".to_owned(), json!(text));
        object.remove("entities");
        if !entities.is_empty() {
            object.insert("entities".to_owned(), Value::Array(entities));
        }
        object.remove("reply_markup");
        if let Some(markup) = markup {
            object.insert("reply_markup".to_owned(), markup);
        }
        object.insert("edit_date".to_owned(), json!(now()));
        let edited = message.clone();
        self.texts.push((chat, text));
        Ok(edited)
    }

    fn edit_message_reply_markup(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let markup = inline_markup(params.get("reply_markup"))?;
        if params.get("inline_message_id").is_some_and(|id| !id.is_null()) {
            return Ok(json!(true));
        }
        let (_, message) = self.editable(params)?;
        if message.get("reply_markup") == markup.as_ref() {
            return Err(not_modified());
        }
        let object = message.as_object_mut().expect("a message is an object");
        object.remove("reply_markup");
        if let Some(markup) = markup {
            object.insert("reply_markup".to_owned(), markup);
        }
        object.insert("edit_date".to_owned(), json!(now()));
        Ok(message.clone())
    }

    fn delete_message(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let chat = chat_id(params)?;
        let id = message_id(params)?;
        match self.messages.remove(&(chat, id)) {
            Some(_) => Ok(json!(true)),
            None => Err(bad("message to delete not found")),
        }
    }

    fn answer_inline_query(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let id = string(params, "inline_query_id").unwrap_or("").to_owned();
        let results = params
            .get("results")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("RESULTS_INVALID"))?;
        if results.len() > 50 {
            return Err(bad("RESULTS_TOO_MUCH"));
        }
        let mut ids = HashSet::new();
        for result in results {
            let result_id = string(result, "id").unwrap_or("");
            if !(1..=64).contains(&result_id.len()) {
                return Err(bad("RESULT_ID_INVALID"));
            }
            if !ids.insert(result_id) {
                return Err(bad("RESULT_ID_DUPLICATE"));
            }
            if let Some(content) = result.get("input_message_content")
                && content.get("message_text").is_some()
            {
                formatted(content, "message_text")?;
            }
            inline_markup(result.get("reply_markup"))?;
        }
        if self.open_inline.remove(&id) {
            Ok(json!(true))
        } else {
            Err(bad(
                "query is too old and response timeout expired or query ID is invalid",
            ))
        }
    }
}

fn not_modified() -> ApiErr {
    bad(
        "message is not modified: specified new message content and reply markup are exactly the same as a current \
         content and reply markup of the message",
    )
}

/// The text of `params[key]` as Telegram shows it (after `parse_mode`,
/// trimmed) with its entities, or Telegram's refusal.
fn formatted(params: &Value, key: &str) -> Result<(String, Vec<Value>), ApiErr> {
    let raw = string(params, key).unwrap_or("");
    let html = string(params, "parse_mode").is_some_and(|mode| mode.eq_ignore_ascii_case("html"));
    let (text, entities) = if html {
        parse_html(raw).map_err(|reason| bad(&format!("can't parse entities: {reason}")))?
    } else {
        let entities = params
            .get("entities")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        (raw.to_owned(), entities)
    };
    let lead = utf16_len(&text[..text.len() - text.trim_start().len()]);
    let text = text.trim().to_owned();
    let length = utf16_len(&text);
    if length == 0 {
        return Err(bad("message text is empty"));
    }
    if length > 4096 {
        return Err(bad("message is too long"));
    }
    let entities = entities
        .into_iter()
        .filter_map(|mut entity| {
            let start = entity.get("offset")?.as_u64()? as usize;
            let end = start + entity.get("length")?.as_u64()? as usize;
            let (start, end) = (start.max(lead) - lead, end.min(lead + length).saturating_sub(lead));
            (end > start).then(|| {
                entity["offset"] = json!(start);
                entity["length"] = json!(end - start);
                entity
            })
        })
        .collect();
    Ok((text, entities))
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The inline keyboard of a `reply_markup` (None for none, an empty one or
/// another kind of keyboard), or Telegram's refusal of a button.
fn inline_markup(markup: Option<&Value>) -> Result<Option<Value>, ApiErr> {
    let Some(rows) = markup.and_then(|m| m.get("inline_keyboard")) else {
        return Ok(None);
    };
    let rows = rows
        .as_array()
        .ok_or_else(|| bad("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array"))?;
    let mut kept = Vec::new();
    for row in rows {
        let buttons = row
            .as_array()
            .ok_or_else(|| bad("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays"))?;
        for button in buttons {
            check_button(button)?;
        }
        if !buttons.is_empty() {
            kept.push(row.clone());
        }
    }
    Ok((!kept.is_empty()).then(|| json!({ "inline_keyboard": kept })))
}

const BUTTON_KINDS: [&str; 10] = [
    "callback_data",
    "url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "login_url",
    "web_app",
    "callback_game",
    "pay",
    "copy_text",
];

fn check_button(button: &Value) -> Result<(), ApiErr> {
    match button.get("text") {
        Some(Value::String(text)) if !text.trim().is_empty() => {}
        Some(Value::String(_)) => return Err(bad("BUTTON_TEXT_INVALID")),
        _ => {
            return Err(bad(
                "can't parse inline keyboard button: Field \"text\" must be of type String",
            ));
        }
    }
    let kinds: Vec<&str> = BUTTON_KINDS
        .into_iter()
        .filter(|kind| button.get(*kind).is_some())
        .collect();
    match kinds.as_slice() {
        [] => {
            return Err(bad(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
            ));
        }
        [_] => {}
        _ => {
            return Err(bad(
                "can't parse inline keyboard button: exactly one of the optional fields must be used",
            ));
        }
    }
    if let Some(data) = button.get("callback_data") {
        let len = data.as_str().map_or(0, str::len);
        if !(1..=64).contains(&len) {
            return Err(bad("BUTTON_DATA_INVALID"));
        }
    }
    if let Some(url) = button.get("url") {
        let url = url.as_str().unwrap_or("").to_ascii_lowercase();
        if !["http://", "https://", "tg://"]
            .iter()
            .any(|scheme| url.starts_with(scheme))
            || url.len() < 8
        {
            return Err(bad("BUTTON_URL_INVALID"));
        }
    }
    Ok(())
}

// --- Telegram HTML.

const TAGS: [&str; 15] = [
    "a",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "code",
    "pre",
    "tg-spoiler",
    "span",
    "blockquote",
];

/// The character of an HTML entity at the start of `s` (`&lt;`, `&gt;`,
/// `&amp;`, `&quot;`, `&#NN;`, `&#xHH;`) and its length in bytes.
fn html_entity(s: &str) -> Option<(char, usize)> {
    let end = s.find(';')?;
    let name = &s[1..end];
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None if number.bytes().all(|b| b.is_ascii_digit()) => number.parse().ok()?,
                None => return None,
            };
            char::from_u32(code).filter(|c| *c != '\0')?
        }
    };
    Some((c, end + 1))
}

/// The entity an HTML tag becomes, if any.
fn tag_entity(tag: &str, argument: Option<String>, offset: usize, length: usize) -> Option<Value> {
    if length == 0 {
        return None;
    }
    let kind = match tag {
        "b" | "strong" => json!({"type": "bold"}),
        "i" | "em" => json!({"type": "italic"}),
        "u" | "ins" => json!({"type": "underline"}),
        "s" | "strike" | "del" => json!({"type": "strikethrough"}),
        "tg-spoiler" | "span" => json!({"type": "spoiler"}),
        "code" => json!({"type": "code"}),
        "pre" => match argument {
            Some(language) => json!({"type": "pre", "language": language}),
            None => json!({"type": "pre"}),
        },
        "blockquote" if argument.is_some() => json!({"type": "expandable_blockquote"}),
        "blockquote" => json!({"type": "blockquote"}),
        "a" => {
            let url = argument?;
            let lower = url.to_ascii_lowercase();
            if !["http://", "https://", "tg://", "mailto:"]
                .iter()
                .any(|s| lower.starts_with(s))
            {
                return None;
            }
            json!({"type": "text_link", "url": url})
        }
        _ => return None,
    };
    let mut entity = kind;
    entity["offset"] = json!(offset);
    entity["length"] = json!(length);
    Some(entity)
}

/// Parses Telegram HTML into the text and entities Telegram makes of it, or
/// the reason Telegram gives for refusing it. Stricter than Telegram in
/// that a bare `>` or `&` in text is refused and `<a>` needs `href`.
fn parse_html(src: &str) -> Result<(String, Vec<Value>), String> {
    struct Open {
        tag: String,
        argument: Option<String>,
        start: usize,
    }
    let b = src.as_bytes();
    let mut text = String::new();
    let mut at = 0; // the UTF-16 length of `text`
    let mut open: Vec<Open> = Vec::new();
    let mut entities = Vec::new();
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    while i < b.len() {
        match b[i] {
            b'&' => {
                let (c, n) = html_entity(&src[i..]).ok_or_else(|| format!("Unescaped \"&\" at byte offset {i}"))?;
                text.push(c);
                at += c.len_utf16();
                i += n;
            }
            b'>' => return Err(format!("Unescaped \">\" at byte offset {i}")),
            b'<' if b.get(i + 1) == Some(&b'/') => {
                let begin = i;
                let Some(top) = open.pop() else {
                    return Err(format!("Unexpected end tag at byte offset {begin}"));
                };
                i += 2;
                let name_start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                let name = src[name_start..i].to_ascii_lowercase();
                skip_space(&mut i);
                if i >= b.len() || b[i] != b'>' {
                    return Err(format!("Unclosed end tag at byte offset {begin}"));
                }
                i += 1;
                if name != top.tag {
                    return Err(format!(
                        "Unmatched end tag at byte offset {begin}, expected \"</{}>\", found \"</{name}>\"",
                        top.tag
                    ));
                }
                // <pre><code class="language-x"> is one pre entity in language x.
                if top.tag == "code"
                    && top.argument.is_some()
                    && let Some(parent) = open.last_mut()
                    && parent.tag == "pre"
                    && parent.start == top.start
                {
                    parent.argument = top.argument;
                    continue;
                }
                entities.extend(tag_entity(&top.tag, top.argument, top.start, at - top.start));
            }
            b'<' => {
                let begin = i;
                let unclosed = || format!("Unclosed start tag at byte offset {begin}");
                i += 1;
                let name_start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                if i >= b.len() {
                    return Err(unclosed());
                }
                let tag = src[name_start..i].to_ascii_lowercase();
                if !TAGS.contains(&tag.as_str()) {
                    return Err(format!("Unsupported start tag \"{tag}\" at byte offset {begin}"));
                }
                let mut attributes: Vec<(String, String)> = Vec::new();
                loop {
                    skip_space(&mut i);
                    if i >= b.len() {
                        return Err(unclosed());
                    }
                    if b[i] == b'>' {
                        i += 1;
                        break;
                    }
                    let attribute_start = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' {
                        i += 1;
                    }
                    let attribute = src[attribute_start..i].to_ascii_lowercase();
                    if attribute.is_empty() {
                        return Err(format!(
                            "Empty attribute name in the tag \"{tag}\" at byte offset {begin}"
                        ));
                    }
                    skip_space(&mut i);
                    if i >= b.len() {
                        return Err(unclosed());
                    }
                    if b[i] != b'=' {
                        if tag == "blockquote" && attribute == "expandable" {
                            attributes.push((attribute, String::new()));
                            continue;
                        }
                        return Err(format!(
                            "Expected equal sign in declaration of an attribute of the tag \"{tag}\" at byte offset \
                             {begin}"
                        ));
                    }
                    i += 1;
                    skip_space(&mut i);
                    if i >= b.len() {
                        return Err(unclosed());
                    }
                    let value = if b[i] == b'"' || b[i] == b'\'' {
                        let quote = b[i];
                        i += 1;
                        let mut value = String::new();
                        while i < b.len() && b[i] != quote {
                            if b[i] == b'&'
                                && let Some((c, n)) = html_entity(&src[i..])
                            {
                                value.push(c);
                                i += n;
                                continue;
                            }
                            let c = src[i..].chars().next().expect("a character");
                            value.push(c);
                            i += c.len_utf8();
                        }
                        if i >= b.len() {
                            return Err(unclosed());
                        }
                        i += 1;
                        value
                    } else {
                        let token_start = i;
                        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.' || b[i] == b'-') {
                            i += 1;
                        }
                        if i >= b.len() || !(b[i].is_ascii_whitespace() || b[i] == b'>') {
                            return Err(format!("Unexpected end of name token at byte offset {token_start}"));
                        }
                        src[token_start..i].to_ascii_lowercase()
                    };
                    attributes.push((attribute, value));
                }
                let attribute = |name: &str| attributes.iter().find(|(a, _)| a == name).map(|(_, v)| v.clone());
                let argument = match tag.as_str() {
                    "a" => Some(
                        attribute("href")
                            .ok_or_else(|| format!("Tag \"a\" must have attribute \"href\" at byte offset {begin}"))?,
                    ),
                    "span" if attribute("class").as_deref() != Some("tg-spoiler") => {
                        return Err(format!(
                            "Tag \"span\" must have class \"tg-spoiler\" at byte offset {begin}"
                        ));
                    }
                    "code" => attribute("class").and_then(|c| c.strip_prefix("language-").map(str::to_owned)),
                    "blockquote" => attribute("expandable"),
                    _ => None,
                };
                open.push(Open {
                    tag,
                    argument,
                    start: at,
                });
            }
            _ => {
                let c = src[i..].chars().next().expect("a character");
                text.push(c);
                at += c.len_utf16();
                i += c.len_utf8();
            }
        }
    }
    if let Some(top) = open.last() {
        return Err(format!("Can't find end tag corresponding to start tag \"{}\"", top.tag));
    }
    entities.sort_by_key(|e: &Value| (e["offset"].as_u64(), Reverse(e["length"].as_u64())));
    Ok((text, entities))
}

// --- Update builders, in the Bot API's shape.

/// A user (not a bot) with `id`.
pub fn user(id: i64, language_code: Option<&str>) -> Value {
    let mut user =
        json!({"id": id, "is_bot": false, "first_name": "Test", "last_name": "User", "username": format!("user{id}")});
    if let Some(language) = language_code {
        user["language_code"] = json!(language);
    }
    user
}

/// The chat types given to `text_message`, for the builders that take none.
static CHAT_TYPES: Mutex<Option<HashMap<i64, String>>> = Mutex::new(None);

/// The chat type last given to `text_message` for `chat_id`, else the one
/// its number implies the way Telegram numbers chats.
fn inferred_chat_type(chat_id: i64) -> String {
    let known = CHAT_TYPES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(chat_type) = known.as_ref().and_then(|types| types.get(&chat_id)) {
        return chat_type.clone();
    }
    drop(known);
    numbered_chat_type(chat_id).to_owned()
}

fn numbered_chat_type(chat_id: i64) -> &'static str {
    if chat_id > 0 {
        "private"
    } else if chat_id <= -1_000_000_000_000 {
        "supergroup"
    } else {
        "group"
    }
}

/// A chat object; a private chat takes the names of `from`.
fn chat_for(chat_id: i64, chat_type: &str, from: Option<&Value>) -> Value {
    match chat_type {
        "private" => {
            let mut chat = json!({"id": chat_id, "type": "private", "first_name": "Test"});
            for key in ["first_name", "last_name", "username"] {
                if let Some(value) = from.and_then(|f| f.get(key)) {
                    chat[key] = value.clone();
                }
            }
            chat
        }
        "group" => json!({"id": chat_id, "type": "group", "title": "Test Group"}),
        "supergroup" => json!({"id": chat_id, "type": "supergroup", "title": "Test Supergroup"}),
        "channel" => json!({"id": chat_id, "type": "channel", "title": "Test Channel"}),
        other => panic!("unknown chat type {other:?}"),
    }
}

/// The `bot_command` entity of a leading `/command[@bot]` and the
/// `mention` entities of `@username`s, with UTF-16 offsets.
fn text_entities(text: &str) -> Vec<Value> {
    let b = text.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let word_end = |mut i: usize| {
        while i < b.len() && word(b[i]) {
            i += 1;
        }
        i
    };
    let offset = |i: usize| utf16_len(&text[..i]);
    let mut entities = Vec::new();
    let mut i = 0;
    if b.first() == Some(&b'/') && word_end(1) > 1 {
        let mut end = word_end(1);
        if b.get(end) == Some(&b'@') && word_end(end + 1) > end + 1 {
            end = word_end(end + 1);
        }
        entities.push(json!({"type": "bot_command", "offset": 0, "length": offset(end)}));
        i = end;
    }
    while i < b.len() {
        if b[i] == b'@' && (i == 0 || !word(b[i - 1])) {
            let end = word_end(i + 1);
            if (5..=32).contains(&(end - i - 1)) {
                entities.push(json!({"type": "mention", "offset": offset(i), "length": end - i}));
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    entities
}

/// A text message from `from` in a chat of `chat_type` ("private",
/// "group", "supergroup"), with the entities Telegram would mark.
pub fn text_message(chat_id: i64, chat_type: &str, from: Value, text: &str) -> Value {
    CHAT_TYPES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_default()
        .insert(chat_id, chat_type.to_owned());
    let mut message = json!({
        "message_id": next_message_id(),
        "date": now(),
        "chat": chat_for(chat_id, chat_type, Some(&from)),
        "from": from,
        "text": text,
    });
    let entities = text_entities(text);
    if !entities.is_empty() {
        message["entities"] = Value::Array(entities);
    }
    message
}

/// An update with a new message (`update_id` is set by `push_update`).
pub fn message_update(message: Value) -> Value {
    json!({ "message": message })
}

/// `message` as a reply to `replied`.
pub fn reply_to(mut message: Value, replied: Value) -> Value {
    message["reply_to_message"] = replied;
    message
}

/// A sticker message from `from`; the chat type is the one last given to
/// `text_message` for the chat, else what the id implies (positive:
/// private, below -10^12: supergroup, else group).
pub fn sticker_message(chat_id: i64, from: Value) -> Value {
    json!({
        "message_id": next_message_id(),
        "date": now(),
        "chat": chat_for(chat_id, &inferred_chat_type(chat_id), Some(&from)),
        "from": from,
        "sticker": {
            "file_id": "CAACAgIAAxkBAAIBfakeStickerFileId",
            "file_unique_id": "AgADfakeSticker",
            "file_size": 12_345,
            "width": 512,
            "height": 512,
            "type": "regular",
            "is_animated": false,
            "is_video": false,
            "emoji": "👍",
            "set_name": "FakeStickers"
        }
    })
}

/// An update with a callback query from a button of `message`.
pub fn callback_update(id: &str, from: Value, message: Value, data: &str) -> Value {
    json!({"callback_query": {"id": id, "from": from, "message": message, "chat_instance": "ci", "data": data}})
}

/// An update with an inline query.
pub fn inline_update(id: &str, from: Value, query: &str) -> Value {
    json!({"inline_query": {"id": id, "from": from, "query": query, "offset": ""}})
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use teloxide::prelude::*;
    use teloxide::types::{
        InlineKeyboardButton, InlineKeyboardMarkup, MediaKind, MessageEntityKind, MessageId, MessageKind, ParseMode,
        UpdateKind,
    };
    use teloxide::{ApiError, RequestError};

    use super::*;

    fn bot(fake: &FakeTelegram) -> Bot {
        Bot::new("123:abc").set_api_url(fake.url().parse().unwrap())
    }

    fn block_on<F: IntoFuture>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(future.into_future())
    }

    /// A minimal HTTP/1.1 exchange: the status (0 if the connection was
    /// closed without one) and the body.
    fn http(fake: &FakeTelegram, request_line: &str, content_type: &str, body: &str) -> (u16, String) {
        let mut stream = std::net::TcpStream::connect(fake.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let request = format!(
            "{request_line} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\n\r\n{body}",
            fake.addr,
            body.len()
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = response.split_once("\r\n\r\n").map_or("", |(_, body)| body).to_owned();
        (status, body)
    }

    /// Decodes as teloxide does, from JSON text (teloxide's `Update` needs
    /// borrowed keys, which `serde_json::from_value` cannot give).
    fn decode<T: serde::de::DeserializeOwned>(value: Value) -> T {
        let text = value.to_string();
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    }

    fn parse(body: &str) -> Value {
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
    }

    fn api_error(result: Result<impl std::fmt::Debug, RequestError>) -> ApiError {
        match result {
            Err(RequestError::Api(e)) => e,
            other => panic!("expected an API error, got {other:?}"),
        }
    }

    #[test]
    fn builders_deserialise_as_teloxide_updates() {
        let fake = FakeTelegram::start();
        let alice = user(7, Some("de"));
        let start = text_message(7, "private", alice.clone(), "/start@LotseTestBot hallo");
        let id = fake.push_update(message_update(start.clone()));
        let group = text_message(-42, "group", alice.clone(), "Frage an @LotseTestBot: Wohngeld?");
        let sticker = sticker_message(7, alice.clone());
        let replying = reply_to(
            text_message(-1_001_234_567_890, "supergroup", alice.clone(), "ja"),
            start,
        );

        let update: Update = decode(fake.queued(id));
        let UpdateKind::Message(message) = update.kind else {
            panic!("not a message: {update:?}")
        };
        assert_eq!(message.text(), Some("/start@LotseTestBot hallo"));
        assert!(message.chat.is_private());
        assert_eq!(message.from.as_ref().unwrap().language_code.as_deref(), Some("de"));
        let entities = message.entities().unwrap();
        assert_eq!(entities[0].kind, MessageEntityKind::BotCommand);
        assert_eq!(entities[0].length, "/start@LotseTestBot".len());

        let message: Message = decode(group);
        assert!(message.chat.is_group());
        let mention = &message.entities().unwrap()[0];
        assert_eq!(
            (mention.kind.clone(), mention.offset, mention.length),
            (MessageEntityKind::Mention, 9, 13)
        );

        let message: Message = decode(sticker);
        assert!(matches!(message.kind, MessageKind::Common(ref c) if matches!(c.media_kind, MediaKind::Sticker(_))));

        let message: Message = decode(replying);
        assert!(message.chat.is_supergroup());
        assert_eq!(
            message.reply_to_message().unwrap().text(),
            Some("/start@LotseTestBot hallo")
        );

        let sent = block_on(
            bot(&fake)
                .send_message(ChatId(7), "Hallo &amp; <b>willkommen</b>")
                .parse_mode(ParseMode::Html),
        )
        .unwrap();
        let stored = fake.message(7, sent.id.0 as i64).unwrap();
        let update: Update =
            decode(json!({"update_id": 1}).merged(callback_update("cb1", alice.clone(), stored, "more")));
        let UpdateKind::CallbackQuery(query) = update.kind else {
            panic!("not a callback query: {update:?}")
        };
        assert_eq!(query.data.as_deref(), Some("more"));
        assert_eq!(query.regular_message().unwrap().text(), Some("Hallo & willkommen"));

        let update: Update = decode(json!({"update_id": 2}).merged(inline_update("iq1", alice, "wohngeld")));
        assert!(matches!(update.kind, UpdateKind::InlineQuery(ref q) if q.query == "wohngeld"));
    }

    trait Merged {
        fn merged(self, other: Value) -> Value;
    }

    impl Merged for Value {
        fn merged(mut self, other: Value) -> Value {
            if let (Some(a), Value::Object(b)) = (self.as_object_mut(), other) {
                a.extend(b);
            }
            self
        }
    }

    impl FakeTelegram {
        fn queued(&self, update_id: i64) -> Value {
            let book = self.shared.book();
            book.queue.iter().find(|u| id_of(u) == update_id).cloned().unwrap()
        }
    }

    #[test]
    fn teloxide_talks_to_the_fake() {
        let fake = FakeTelegram::start();
        let bot = bot(&fake);
        block_on(async {
            let me = bot.get_me().await.unwrap();
            assert_eq!((me.id.0, me.username()), (BOT_ID as u64, "LotseTestBot"));

            let sent = bot
                .send_message(ChatId(1), "<b>x</b>")
                .parse_mode(ParseMode::Html)
                .await
                .unwrap();
            assert_eq!(sent.text(), Some("x"));
            assert_eq!(sent.entities().unwrap()[0].kind, MessageEntityKind::Bold);
            assert_eq!(sent.from.as_ref().unwrap().id.0, BOT_ID as u64);

            let e = api_error(bot.send_message(ChatId(1), "<b>x").parse_mode(ParseMode::Html).await);
            let unclosed = "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"";
            assert!(matches!(&e, ApiError::CantParseEntities(s) if s == unclosed), "{e:?}");
            let e = api_error(
                bot.send_message(ChatId(1), "a <br> b")
                    .parse_mode(ParseMode::Html)
                    .await,
            );
            assert!(matches!(&e, ApiError::CantParseEntities(s) if s.contains("Unsupported start tag \"br\"")));
            let e = api_error(
                bot.send_message(ChatId(1), "<b><i>x</b></i>")
                    .parse_mode(ParseMode::Html)
                    .await,
            );
            assert!(matches!(&e, ApiError::CantParseEntities(s) if s.contains("Unmatched end tag")));
            let e = api_error(
                bot.send_message(ChatId(1), "Tom & Jerry")
                    .parse_mode(ParseMode::Html)
                    .await,
            );
            assert!(matches!(e, ApiError::CantParseEntities(_)));
            // Not HTML: taken as it is.
            bot.send_message(ChatId(1), "Tom & <Jerry>").await.unwrap();

            let e = api_error(
                bot.send_message(ChatId(1), "<b> </b>")
                    .parse_mode(ParseMode::Html)
                    .await,
            );
            assert!(matches!(e, ApiError::MessageTextIsEmpty));
            let e = api_error(bot.send_message(ChatId(1), "ä".repeat(4097)).await);
            assert!(matches!(e, ApiError::MessageIsTooLong));
            // 2048 characters outside the BMP are 4096 UTF-16 units.
            bot.send_message(ChatId(1), "😀".repeat(2048)).await.unwrap();
            let e = api_error(bot.send_message(ChatId(1), "😀".repeat(2049)).await);
            assert!(matches!(e, ApiError::MessageIsTooLong));

            let keyboard = |data: String| {
                InlineKeyboardMarkup::new([[
                    InlineKeyboardButton::callback("go", data),
                    InlineKeyboardButton::url("site", "https://example.org/".parse().unwrap()),
                ]])
            };
            let e = api_error(
                bot.send_message(ChatId(1), "menu")
                    .reply_markup(keyboard("x".repeat(65)))
                    .await,
            );
            assert!(matches!(e, ApiError::ButtonDataInvalid));
            let menu = bot
                .send_message(ChatId(1), "menu")
                .reply_markup(keyboard("x".repeat(64)))
                .await
                .unwrap();
            assert!(menu.reply_markup().is_some());
            assert_eq!(fake.last_message_id(1), Some(menu.id.0 as i64));

            let e = api_error(
                bot.edit_message_text(ChatId(1), menu.id, "menu")
                    .reply_markup(keyboard("x".repeat(64)))
                    .await,
            );
            assert!(matches!(e, ApiError::MessageNotModified));
            let edited = bot
                .edit_message_text(ChatId(1), menu.id, "<i>menu</i>")
                .parse_mode(ParseMode::Html)
                .await;
            assert!(edited.unwrap().reply_markup().is_none());
            let e = api_error(bot.edit_message_text(ChatId(1), MessageId(1_000_000_000), "x").await);
            assert!(matches!(e, ApiError::MessageToEditNotFound));
            let e = api_error(bot.edit_message_text(ChatId(2), menu.id, "x").await);
            assert!(matches!(e, ApiError::MessageToEditNotFound));

            bot.delete_message(ChatId(1), menu.id).await.unwrap();
            let e = api_error(bot.delete_message(ChatId(1), menu.id).await);
            assert!(matches!(e, ApiError::MessageToDeleteNotFound));
            assert!(fake.message(1, menu.id.0 as i64).is_none());
        });
        assert_eq!(
            fake.sent_texts(1),
            ["x", "Tom & <Jerry>", &"😀".repeat(2048), "menu", "menu"]
        );
        assert!(fake.calls_to("SendMessage").iter().filter(|c| !c.ok).count() >= 7);
        assert!(fake.calls_to("getMe")[0].ok);
    }

    #[test]
    fn updates_come_back_from_get_updates() {
        let fake = FakeTelegram::start();
        let bot = bot(&fake);
        let first = fake.push_update(message_update(text_message(5, "private", user(5, None), "hallo")));
        let second = fake.push_update(callback_update("q1", user(5, None), json!(null), "x"));
        block_on(async {
            let updates = bot.get_updates().await.unwrap();
            assert_eq!(
                updates.iter().map(|u| u.id.0 as i64).collect::<Vec<_>>(),
                [first, second]
            );
            assert!(matches!(updates[0].kind, UpdateKind::Message(_)));

            let updates = bot.get_updates().offset(first as i32 + 1).await.unwrap();
            assert_eq!(updates.len(), 1);
            assert_eq!(fake.confirmed_offset(), first + 1);

            // An answer only once, and only for ids handed out.
            let e = api_error(bot.answer_callback_query("nope".into()).await);
            assert!(matches!(e, ApiError::Unknown(s) if s.contains("query ID is invalid")));
            bot.answer_callback_query("q1".into()).await.unwrap();
            assert!(bot.answer_callback_query("q1".into()).await.is_err());

            // Long polling: an empty queue waits at most one second ...
            let start = Instant::now();
            let updates = bot.get_updates().offset(second as i32 + 1).timeout(30).await.unwrap();
            assert!(updates.is_empty());
            assert!((Duration::from_millis(900)..Duration::from_secs(3)).contains(&start.elapsed()));
            assert_eq!(fake.confirmed_offset(), second + 1);
        });
        // ... and a pushed update ends the wait at once.
        let pusher = {
            let shared = Arc::clone(&fake.shared);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(200));
                shared.push(inline_update("iq", user(5, None), "x"))
            })
        };
        let start = Instant::now();
        let updates = block_on(bot.get_updates().offset(second as i32 + 1).timeout(1)).unwrap();
        let third = pusher.join().unwrap();
        assert_eq!(updates.iter().map(|u| u.id.0 as i64).collect::<Vec<_>>(), [third]);
        assert!(start.elapsed() < Duration::from_millis(900), "{:?}", start.elapsed());
        assert!(fake.wait_until(
            |calls| calls.iter().filter(|c| c.method == "getupdates").count() == 4,
            Duration::from_secs(1)
        ));

        // answerInlineQuery: at most 50 results, for a known query.
        let article = |n: usize| {
            json!({"type": "article", "id": n.to_string(), "title": "t",
                   "input_message_content": {"message_text": "<b>t</b>", "parse_mode": "HTML"}})
        };
        let answer = |results: Vec<Value>, id: &str| {
            let body = json!({"inline_query_id": id, "results": results}).to_string();
            http(&fake, "POST /bot1:x/answerInlineQuery", "application/json", &body)
        };
        assert_eq!(answer((0..51).map(article).collect(), "iq").0, 400);
        let mut bad_html = article(1);
        bad_html["input_message_content"]["message_text"] = json!("<b>t");
        let (status, body) = answer(vec![bad_html], "iq");
        assert_eq!(status, 400);
        assert!(body.contains("can't parse entities"), "{body}");
        let (status, body) = answer((0..50).map(article).collect(), "iq");
        assert_eq!((status, parse(&body)), (200, json!({"ok": true, "result": true})));
        assert_eq!(answer(vec![article(1)], "iq").0, 400);
    }

    #[test]
    fn faults_come_once_and_have_no_effect() {
        let fake = FakeTelegram::start();
        let bot = bot(&fake);
        fake.fault("sendMessage", Fault::RetryAfter(1));
        fake.fault("SENDMESSAGE", Fault::Malformed);
        fake.fault("sendmessage", Fault::Drop);
        fake.fault("sendmessage", Fault::Delay(Duration::from_millis(300)));
        block_on(async {
            let result = bot.send_message(ChatId(3), "eins").await;
            assert!(
                matches!(result, Err(RequestError::RetryAfter(s)) if s.seconds() == 1),
                "{result:?}"
            );
            let result = bot.send_message(ChatId(3), "zwei").await;
            assert!(matches!(result, Err(RequestError::InvalidJson { .. })), "{result:?}");
            let result = bot.send_message(ChatId(3), "drei").await;
            assert!(matches!(result, Err(RequestError::Network(_))), "{result:?}");
            let start = Instant::now();
            bot.send_message(ChatId(3), "vier").await.unwrap();
            assert!(start.elapsed() >= Duration::from_millis(300));
            bot.send_message(ChatId(3), "fünf").await.unwrap();
        });
        assert_eq!(fake.sent_texts(3), ["vier", "fünf"]);
        let calls = fake.calls_to("sendMessage");
        let summary: Vec<(bool, bool)> = calls.iter().map(|c| (c.ok, c.faulted)).collect();
        assert_eq!(
            summary,
            [(false, true), (false, true), (false, true), (true, true), (true, false)]
        );
        assert_eq!(calls[0].response["parameters"]["retry_after"], 1);
        assert_eq!(calls[0].params["text"], "eins");

        // A 5xx through raw HTTP: teloxide would wait 10 s before reporting it.
        fake.fault("getMe", Fault::Status(502));
        let (status, body) = http(&fake, "POST /bot1:x/getMe", "application/json", "");
        assert_eq!(status, 502);
        assert_eq!(
            parse(&body),
            json!({"ok": false, "error_code": 502, "description": "Bad Gateway"})
        );
        fake.fault("getMe", Fault::Drop);
        assert_eq!(http(&fake, "GET /bot1:x/getMe", "application/json", "").0, 0);
        assert_eq!(http(&fake, "GET /bot1:x/getMe", "application/json", "").0, 200);
    }

    #[test]
    fn raw_http_is_case_insensitive_and_takes_forms() {
        let fake = FakeTelegram::start();
        let (status, body) = http(&fake, "GET /bot1:x/GETME", "text/plain", "");
        assert_eq!(status, 200);
        assert_eq!(parse(&body)["result"], me());
        // reply_markup={"inline_keyboard":[[{"text":"x","url":"ftp://x"}]]}
        let form = concat!(
            "chat_id=9&text=a+%26+b&reply_markup=",
            "%7B%22inline_keyboard%22%3A%5B%5B%7B%22text%22%3A%22x%22%2C%22url%22%3A%22ftp%3A%2F%2Fx%22%7D%5D%5D%7D"
        );
        let (status, body) = http(
            &fake,
            "POST /bot1:x/sendMessage",
            "application/x-www-form-urlencoded",
            form,
        );
        let refusal = json!({"ok": false, "error_code": 400, "description": "Bad Request: BUTTON_URL_INVALID"});
        assert_eq!((status, parse(&body)), (400, refusal));
        let (status, _) = http(
            &fake,
            "POST /bot1:x/sendMessage?chat_id=9",
            "application/x-www-form-urlencoded",
            "text=a+%26+b",
        );
        assert_eq!(status, 200);
        assert_eq!(fake.sent_texts(9), ["a & b"]);
        let (status, body) = http(&fake, "POST /bot1:x/noSuchMethod", "application/json", "{}");
        let not_found = json!({"ok": false, "error_code": 404, "description": "Not Found"});
        assert_eq!((status, parse(&body)), (404, not_found));
        let (status, _) = http(
            &fake,
            "POST /bot1:x/setMyCommands",
            "application/json",
            r#"{"commands":[{"command":"start","description":"Start"}]}"#,
        );
        assert_eq!(status, 200);
        assert_eq!(fake.commands().unwrap()[0]["command"], "start");
        let (status, _) = http(&fake, "POST /bot1:x/setChatMenuButton", "application/json", "{}");
        assert_eq!(status, 200);
        let (status, body) = http(&fake, "POST /bot1:x/getWebhookInfo", "application/json", "");
        assert_eq!(status, 200);
        assert_eq!(parse(&body)["result"]["url"], "");
    }

    #[test]
    fn html_parses_as_telegram_does() {
        let (text, entities) =
            parse_html("<b>Wohn<i>geld</i></b> &lt;3 &#x1F600; <a href=\"https://x.org/?a=1&amp;b=2\">Link</a>")
                .unwrap();
        assert_eq!(text, "Wohngeld <3 😀 Link");
        let kinds: Vec<(&str, u64, u64)> = entities
            .iter()
            .map(|e| {
                (
                    e["type"].as_str().unwrap(),
                    e["offset"].as_u64().unwrap(),
                    e["length"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(kinds, [("bold", 0, 8), ("italic", 4, 4), ("text_link", 15, 4)]);
        assert_eq!(entities[2]["url"], "https://x.org/?a=1&b=2");
        assert!(
            parse_html("<pre><code class=\"language-rust\">fn</code></pre>")
                .unwrap()
                .1[0]["language"]
                == "rust"
        );
        assert!(parse_html("<span class=\"tg-spoiler\">s</span><tg-spoiler>t</tg-spoiler>").is_ok());
        assert!(parse_html("<blockquote expandable>q</blockquote>").is_ok());
        assert!(parse_html("<span>s</span>").is_err());
        assert!(parse_html("<a>x</a>").is_err());
        assert!(parse_html("</b>").is_err());
        assert!(parse_html("1 > 0").is_err());
        assert!(parse_html("1 < 2").is_err());
        assert!(parse_html("<b").is_err());
    }
}
