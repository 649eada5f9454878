//! `src/web/`: Lotse on the web, for the network's website and for staff
//! without Telegram, and the maintainers' admin page.
//!
//! A third door to the same conversation core: a request becomes the
//! core's input (`core.rs`, the only place that calls it), its messages
//! become HTML (`page.rs`, maud templates that escape by default). It works
//! with plain forms; a small script served from the binary answers in
//! place. Every response carries a strict Content-Security-Policy and
//! `nosniff` (`guard.rs`, with the size cap, the per-client rate limit and
//! the session cookie, of which only a pseudonym is ever used). `admin.rs`
//! is `/admin`: the report, translation coverage, the last reload and a
//! reload button, behind `LOTSE_ADMIN_TOKEN`. Beside the bot, with a
//! staff chat, a visitor can talk to a counsellor (`/counsellor`): their
//! case goes to the staff chat through the bot's desk, and the replies,
//! kept for the case, show on their pages (and in place, polled by the
//! script). Only `src/web/` and `src/bot/` know axum and hyper.

mod admin;
mod core;
mod guard;
mod page;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tower_service::Service;

use crate::assistant::{Action, Assistant, Input, StaffDesk};
use crate::index::Location;
use crate::lang::Lang;
use crate::limits::Limiter;
use crate::privacy::Pseudonyms;
use crate::store::Store;

pub use crate::limits::Limits;
pub use guard::{CONTENT_SECURITY_POLICY, MAX_BODY_BYTES, MAX_QUESTION_CHARS};

/// What the web door serves with.
pub struct Settings {
    pub assistant: Arc<Assistant>,
    pub pseudonyms: Pseudonyms,
    /// The admin page's token (`LOTSE_ADMIN_TOKEN`); without one, `/admin`
    /// answers 403 to everyone.
    pub admin_token: Option<String>,
    /// The database the admin page's report reads.
    pub store: Store,
    /// The knowledge folder the reload button loads, and where its index
    /// goes.
    pub knowledge: PathBuf,
    pub location: Location,
    /// Pages per client: a burst, then so many a minute.
    pub limits: Limits,
    /// The staff chat, where the door runs beside the bot with one: web
    /// visitors can then talk to a counsellor. Without it, nothing on the
    /// web mentions the handover.
    pub staff: Option<Arc<dyn StaffDesk>>,
}

/// The state every handler shares.
struct Shared {
    settings: Settings,
    limiter: Mutex<Limiter>,
}

/// The web door, ready to be served; cheap to clone.
#[derive(Clone)]
pub struct Web(Arc<Shared>);

impl Web {
    pub fn new(settings: Settings) -> Web {
        // The per-user bucket of the bot's limiter is the per-client one here.
        let limiter = Limiter::new(settings.limits);
        Web(Arc::new(Shared {
            settings,
            limiter: Mutex::new(limiter),
        }))
    }

    /// The routes: pages under the rate limit, the static files outside
    /// it; every response with the security headers.
    pub fn router(&self) -> Router {
        let pages = Router::new()
            .route("/", get(start).post(act))
            .route("/e/{id}", get(entry))
            .route("/e/{id}/vcard", get(vcard))
            .route("/privacy", get(privacy))
            .route("/forget", get(forget))
            .route("/counsellor", get(counsellor).post(write))
            .route("/counsellor/case", get(case))
            .route("/admin", get(admin::show).post(admin::login))
            .route("/admin/reload", post(admin::reload))
            .fallback(not_found)
            .route_layer(axum::middleware::from_fn_with_state(self.clone(), guard::rate_limit));
        Router::new()
            .route("/lotse.css", get(guard::stylesheet))
            .route("/lotse.js", get(guard::script))
            .route("/favicon.svg", get(guard::favicon))
            .merge(pages)
            .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
            .layer(axum::middleware::from_fn(guard::headers))
            .with_state(self.clone())
    }
}

/// How long a client may take to send a request's head; also how long an
/// idle keep-alive connection stays open.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections served at once; further ones wait in the kernel's queue.
const MAX_CONNECTIONS: usize = 512;

/// Serves `web` on `listener` until `shutdown` completes: HTTP/1.1 with a
/// deadline for every request head (a slow client cannot hold a connection
/// open), at most [`MAX_CONNECTIONS`] at once.
pub async fn serve(
    listener: tokio::net::TcpListener,
    web: Web,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let router = web.router();
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            () = &mut shutdown => return Ok(()),
            slot = slots.clone().acquire_owned() => slot.map_err(std::io::Error::other)?,
        };
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => return Ok(()),
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file handles or a connection reset before it was
                // taken: the next one may do.
                Err(err) => {
                    log::warn!("web: accepting a connection: {err}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let router = router.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |mut request: axum::http::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                let mut router = router.clone();
                // A router is always ready; `call` needs no `poll_ready`.
                router.call(request.map(axum::body::Body::new))
            });
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .keep_alive(true);
            let served = builder
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
            if let Err(err) = served {
                log::debug!("web: connection ended: {err}");
            }
            drop(slot);
        });
    }
}

/// The parameters of a page: the question, a button's action data, the
/// language. Each is optional and checked here, never trusted.
#[derive(Debug, Default, Deserialize)]
struct Params {
    q: Option<String>,
    a: Option<String>,
    lang: Option<String>,
    /// A message to the counsellor.
    m: Option<String>,
}

/// `GET /`: the start page, an answer (`q`), or a further page of one or a
/// category (`a`).
async fn start(State(web): State<Web>, headers: HeaderMap, Query(params): Query<Params>) -> Response {
    answer(&web, &headers, params).await
}

/// `POST /`: a button that changes something (👍/👎, `/forget`'s answer),
/// or the question form sent by post.
async fn act(State(web): State<Web>, headers: HeaderMap, axum::Form(params): axum::Form<Params>) -> Response {
    answer(&web, &headers, params).await
}

async fn answer(web: &Web, headers: &HeaderMap, params: Params) -> Response {
    let visitor = guard::Visitor::of(web, headers, params.lang.as_deref());
    let question = params.q.as_deref().map(str::trim).unwrap_or("");
    if question.chars().count() > MAX_QUESTION_CHARS {
        let body = page::notice_page(&visitor.context(question), "web-too-long");
        return visitor.respond(StatusCode::PAYLOAD_TOO_LARGE, body);
    }
    let action = params.a.as_deref().filter(|a| !a.is_empty());
    let input = match action {
        Some(data) => match Action::decode(data) {
            // A page's language is in its address, never a stored
            // preference; the language picker is the page's own.
            Some(Action::SetLanguage(_) | Action::PickLanguage) => start_command(),
            // Stale or forged data gets the core's polite answer.
            _ => Input::Button(data.to_string()),
        },
        None if question.is_empty() => start_command(),
        None => Input::Text(question.to_string()),
    };
    let forgets = matches!(
        action.and_then(Action::decode),
        Some(Action::Forget { confirmed: true, .. })
    );
    let settings = &web.0.settings;
    let messages = core::converse(settings, visitor.user.clone(), visitor.lang, input).await;
    let case = core::case(settings, &visitor.user, visitor.lang, true).await;
    let body = page::answer_page(&visitor.context(question), &messages, case.as_ref());
    let mut response = visitor.respond(StatusCode::OK, body);
    if forgets {
        // Everything about the pseudonym is gone; so is the cookie behind it.
        guard::end_session(&mut response);
    }
    response
}

/// `GET /e/<id>`: an entry's page, a stable link like Telegram's deep links.
async fn entry(
    State(web): State<Web>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(params): Query<Params>,
) -> Response {
    let visitor = guard::Visitor::of(&web, &headers, params.lang.as_deref());
    if !exists(&web, &id) {
        return not_found_page(&visitor);
    }
    let input = Input::Command {
        name: "start".into(),
        args: id,
    };
    let messages = core::converse(&web.0.settings, visitor.user.clone(), visitor.lang, input).await;
    let body = page::entry_page(&visitor.context(""), &messages);
    visitor.respond(StatusCode::OK, body)
}

/// `GET /e/<id>/vcard`: a contact's card for the address book.
async fn vcard(State(web): State<Web>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let visitor = guard::Visitor::of(&web, &headers, None);
    if !exists(&web, &id) {
        return not_found_page(&visitor);
    }
    let input = Input::Button(Action::SaveContact(id.clone()).encode());
    let messages = core::converse(&web.0.settings, visitor.user.clone(), visitor.lang, input).await;
    let Some(card) = messages.iter().find_map(|m| m.contact.as_ref()) else {
        return not_found_page(&visitor);
    };
    // Entry ids are checked by the knowledge: lower-case letters, digits
    // and hyphens, so the file name needs no quoting.
    let disposition = format!("attachment; filename=\"{id}.vcf\"");
    (
        [
            (header::CONTENT_TYPE, "text/vcard; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        card.vcard(),
    )
        .into_response()
}

/// `GET /privacy`: what is stored, why and for how long.
async fn privacy(State(web): State<Web>, headers: HeaderMap, Query(params): Query<Params>) -> Response {
    command_page(&web, &headers, &params, "privacy").await
}

/// `GET /forget`: the question before everything is deleted; its buttons
/// post to `/`.
async fn forget(State(web): State<Web>, headers: HeaderMap, Query(params): Query<Params>) -> Response {
    command_page(&web, &headers, &params, "forget").await
}

async fn command_page(web: &Web, headers: &HeaderMap, params: &Params, name: &str) -> Response {
    let visitor = guard::Visitor::of(web, headers, params.lang.as_deref());
    let input = Input::Command {
        name: name.into(),
        args: String::new(),
    };
    let settings = &web.0.settings;
    let messages = core::converse(settings, visitor.user.clone(), visitor.lang, input).await;
    let case = core::case(settings, &visitor.user, visitor.lang, true).await;
    let body = page::answer_page(&visitor.context(""), &messages, case.as_ref());
    visitor.respond(StatusCode::OK, body)
}

/// `GET /counsellor`: the consent screen (from a button, with the search
/// it was under), or the visitor's case with the counsellors' replies; a
/// closed one below the consent screen for a new case. Not found where
/// the door has no staff chat.
async fn counsellor(State(web): State<Web>, headers: HeaderMap, Query(params): Query<Params>) -> Response {
    let visitor = guard::Visitor::of(&web, &headers, params.lang.as_deref());
    let settings = &web.0.settings;
    if settings.staff.is_none() {
        return not_found_page(&visitor);
    }
    let case = core::case(settings, &visitor.user, visitor.lang, false).await;
    let messages = match &case {
        Some(case) if case.open => Vec::new(),
        _ => {
            let input = match params.a.as_deref().filter(|a| !a.is_empty()) {
                Some(data) => Input::Button(data.to_string()),
                None => Input::Command {
                    name: "counsellor".into(),
                    args: String::new(),
                },
            };
            core::converse(settings, visitor.user.clone(), visitor.lang, input).await
        }
    };
    let body = page::counsellor_page(&visitor.context(""), &messages, case.as_ref());
    visitor.respond(StatusCode::OK, body)
}

/// `POST /counsellor`: the visitor's message to the counsellor (`m`),
/// posted into their case's topic; an empty or over-long one is refused
/// with a page that says so.
async fn write(State(web): State<Web>, headers: HeaderMap, axum::Form(params): axum::Form<Params>) -> Response {
    let visitor = guard::Visitor::of(&web, &headers, params.lang.as_deref());
    let settings = &web.0.settings;
    if settings.staff.is_none() {
        return not_found_page(&visitor);
    }
    let text = params.m.as_deref().map(str::trim).unwrap_or("");
    let refused = if text.is_empty() {
        Some((StatusCode::BAD_REQUEST, "web-message-empty"))
    } else if text.chars().count() > MAX_QUESTION_CHARS {
        Some((StatusCode::PAYLOAD_TOO_LARGE, "web-too-long"))
    } else {
        None
    };
    if let Some((status, id)) = refused {
        let case = core::case(settings, &visitor.user, visitor.lang, true).await;
        let notice = crate::assistant::Message {
            blocks: vec![crate::assistant::Block::plain(
                settings.assistant.catalog().text(visitor.lang, id),
                visitor.lang,
            )],
            ..Default::default()
        };
        let body = page::counsellor_page(&visitor.context(""), &[notice], case.as_ref());
        return visitor.respond(status, body);
    }
    let input = Input::Text(text.to_string());
    let messages = core::converse(settings, visitor.user.clone(), visitor.lang, input).await;
    let case = core::case(settings, &visitor.user, visitor.lang, false).await;
    let body = page::counsellor_page(&visitor.context(""), &messages, case.as_ref());
    visitor.respond(StatusCode::OK, body)
}

/// `GET /counsellor/case`: the visitor's case alone, for the script that
/// shows a counsellor's reply in place.
async fn case(State(web): State<Web>, headers: HeaderMap, Query(params): Query<Params>) -> Response {
    let visitor = guard::Visitor::of(&web, &headers, params.lang.as_deref());
    let settings = &web.0.settings;
    if settings.staff.is_none() {
        return not_found_page(&visitor);
    }
    let case = core::case(settings, &visitor.user, visitor.lang, false).await;
    let body = page::case_fragment(&visitor.context(""), case.as_ref());
    visitor.respond(StatusCode::OK, body)
}

async fn not_found(State(web): State<Web>, headers: HeaderMap, Query(params): Query<Params>) -> Response {
    let visitor = guard::Visitor::of(&web, &headers, params.lang.as_deref());
    not_found_page(&visitor)
}

fn not_found_page(visitor: &guard::Visitor) -> Response {
    let body = page::notice_page(&visitor.context(""), "web-not-found");
    visitor.respond(StatusCode::NOT_FOUND, body)
}

fn exists(web: &Web, id: &str) -> bool {
    web.0.settings.assistant.library().knowledge().get(id).is_some()
}

fn start_command() -> Input {
    Input::Command {
        name: "start".into(),
        args: String::new(),
    }
}

/// The language of a page: `?lang=`, else the browser's Accept-Language,
/// else German, the network's own.
fn page_lang(headers: &HeaderMap, chosen: Option<&str>) -> Lang {
    if let Some(lang) = chosen.and_then(Lang::from_client_code) {
        return lang;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(accepted)
        .unwrap_or(Lang::CANONICAL)
}

/// The language of Lotse's twelve the browser prefers most; ties go to the
/// one named first.
fn accepted(header: &str) -> Option<Lang> {
    let mut best: Option<(Lang, f32)> = None;
    for part in header.split(',').take(32) {
        let mut pieces = part.split(';');
        let Some(lang) = pieces.next().map(str::trim).and_then(Lang::from_client_code) else {
            continue;
        };
        let weight = pieces
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if weight > 0.0 && best.is_none_or(|(_, w)| weight > w) {
            best = Some((lang, weight));
        }
    }
    best.map(|(lang, _)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_known_language() {
        assert_eq!(accepted("ar-SY,ar;q=0.9,en;q=0.8"), Some(Lang::Ar));
        assert_eq!(accepted("pt-BR, en;q=0.5, de;q=0.7"), Some(Lang::De));
        assert_eq!(accepted("ku;q=0.3, xx"), Some(Lang::Kmr));
        assert_eq!(accepted("en;q=0, ja"), None);
        assert_eq!(accepted(""), None);
    }
}
