//! What protects the web door and its visitors: the security headers on
//! every response, the caps on what a request may carry, the per-client
//! rate limit, the static files served from the binary, and the session
//! cookie.
//!
//! The session is a random cookie; Lotse never keeps it, only the
//! pseudonym made of it with the secret (`Pseudonyms::user("web", …)`), as
//! it keeps Telegram users. The cookie is `HttpOnly` and `SameSite=Lax`, so
//! another site's form cannot press a visitor's buttons.

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use maud::Markup;

use super::page::{self, Context};
use super::{Web, page_lang};
use crate::assistant::UserKey;
use crate::lang::Lang;
use crate::limits::Verdict;

/// The policy of every response: this site's own script, style sheet and
/// images, nothing inline, nothing from elsewhere, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/// The largest request body (a form) the door reads.
pub const MAX_BODY_BYTES: usize = 8 * 1024;
/// The longest question, in characters; longer ones are refused with a
/// page that says so.
pub const MAX_QUESTION_CHARS: usize = 1_000;
/// The longest address (path and query) the door reads.
const MAX_URI_BYTES: usize = 4 * 1024;
/// The name of the session cookie.
const SESSION_COOKIE: &str = "lotse";
/// Bytes of randomness in a session cookie.
const SESSION_BYTES: usize = 32;

const STYLESHEET: &str = include_str!("../../assets/web/lotse.css");
const SCRIPT: &str = include_str!("../../assets/web/lotse.js");
const FAVICON: &str = include_str!("../../assets/web/favicon.svg");

/// Adds the security headers to every response, and refuses an address
/// too long to be a page of Lotse's.
pub(super) async fn headers(request: Request, next: Next) -> Response {
    let mut response = if request.uri().to_string().len() > MAX_URI_BYTES {
        StatusCode::URI_TOO_LONG.into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert("cross-origin-resource-policy", HeaderValue::from_static("same-origin"));
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// The per-client limit on pages: the bot's token bucket, one per address
/// (an IPv6 client by its /64; behind a local reverse proxy, the address it
/// forwards). Over it, one page says so and asks for a
/// pause; the core is not asked.
pub(super) async fn rate_limit(State(web): State<Web>, request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let client = peer.map_or(0, |peer| client_key(client_address(peer, request.headers())));
    let verdict = web
        .0
        .limiter
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .check(Some(client), None, Instant::now());
    if verdict == Verdict::Take {
        return next.run(request).await;
    }
    let visitor = Visitor::of(&web, request.headers(), None);
    let body = page::notice_page(&visitor.context(""), "rate-limited");
    let mut response = visitor.respond(StatusCode::TOO_MANY_REQUESTS, body);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    response
}

/// The client's address: the peer's, or, where the peer is a reverse
/// proxy on this machine (loopback), the address that proxy appended last
/// to `X-Forwarded-For`. Nobody else can set what Lotse believes there.
fn client_address(peer: IpAddr, headers: &HeaderMap) -> IpAddr {
    if !peer.is_loopback() {
        return peer;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .next_back()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|last| last.trim().parse().ok())
        .unwrap_or(peer)
}

/// An address as a bucket key: IPv4 as it is, IPv6 by its /64 prefix (one
/// household or server has a whole /64).
fn client_key(ip: IpAddr) -> u64 {
    match ip {
        IpAddr::V4(v4) => u64::from(u32::from(v4)),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => u64::from(u32::from(v4)),
            None => (u128::from(v6) >> 64) as u64,
        },
    }
}

pub(super) async fn stylesheet() -> Response {
    asset("text/css; charset=utf-8", STYLESHEET)
}

pub(super) async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

pub(super) async fn favicon() -> Response {
    asset("image/svg+xml", FAVICON)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// Who is asking, in which language: the pseudonym of their session, and
/// a new session cookie to set where they came without one.
pub(super) struct Visitor {
    web: Web,
    pub lang: Lang,
    pub user: UserKey,
    new_session: Option<String>,
    /// `; Secure` where the page came over HTTPS (see [`cookie_flags`]).
    secure: &'static str,
}

impl Visitor {
    pub fn of(web: &Web, headers: &HeaderMap, chosen_lang: Option<&str>) -> Visitor {
        let (session, new_session) = match session_of(headers) {
            Some(session) => (session, None),
            None => {
                let session = new_session();
                (session.clone(), Some(session))
            }
        };
        Visitor {
            web: web.clone(),
            lang: page_lang(headers, chosen_lang),
            user: web.0.settings.pseudonyms.user("web", &session),
            new_session,
            secure: secure_flag(headers),
        }
    }

    pub fn context<'a>(&'a self, question: &'a str) -> Context<'a> {
        Context {
            catalog: self.web.0.settings.assistant.catalog(),
            lang: self.lang,
            question,
        }
    }

    /// A page, with the session cookie where it is new.
    pub fn respond(&self, status: StatusCode, body: Markup) -> Response {
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            body.into_string(),
        )
            .into_response();
        if let Some(session) = &self.new_session {
            let cookie = format!(
                "{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax{}",
                self.secure
            );
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().insert(header::SET_COOKIE, value);
            }
        }
        response
    }
}

/// `; Secure` for a cookie set on a page that came over HTTPS, as the
/// reverse proxy that ends TLS says in `X-Forwarded-Proto` (nginx:
/// `proxy_set_header X-Forwarded-Proto $scheme;`), so that the browser
/// never sends the cookie over plain HTTP. Lotse itself speaks plain HTTP
/// on a local address, where a `Secure` cookie would not come back. A
/// client that sends the header itself only marks its own cookie.
pub(super) fn secure_flag(headers: &HeaderMap) -> &'static str {
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"));
    if https { "; Secure" } else { "" }
}

/// Ends the session: the browser drops the cookie, and the next page
/// starts a new one, with a new pseudonym.
pub(super) fn end_session(response: &mut Response) {
    let cookie = format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
}

/// The session in the request's cookies, when it is one Lotse could have
/// made (hex of the right length); anything else starts a new session.
fn session_of(headers: &HeaderMap) -> Option<String> {
    cookie(headers, SESSION_COOKIE)
        .filter(|value| value.len() == SESSION_BYTES * 2 && value.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_string)
}

/// The value of the cookie `name`.
pub(super) fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

fn new_session() -> String {
    let mut bytes = [0u8; SESSION_BYTES];
    if getrandom::fill(&mut bytes).is_err() {
        // Without randomness there is no session to keep apart; the
        // visitor still gets answers, under a session of their own
        // page load only.
        log::warn!("no randomness for a web session");
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes[..16].copy_from_slice(&nanos.to_le_bytes());
    }
    crate::privacy::to_hex(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clients_are_keyed_by_address_and_ipv6_by_prefix() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2::ffff".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(c));
        let v4: IpAddr = "127.0.0.1".parse().unwrap();
        let mapped: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert_eq!(client_key(v4), client_key(mapped));
    }

    #[test]
    fn only_a_local_proxy_names_the_client() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_static("203.0.113.9, 198.51.100.7"));
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        let remote: IpAddr = "192.0.2.1".parse().unwrap();
        assert_eq!(
            client_address(local, &headers),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_address(remote, &headers), remote);
        headers.insert("x-forwarded-for", HeaderValue::from_static("garbage"));
        assert_eq!(client_address(local, &headers), local);
    }

    #[test]
    fn only_well_formed_sessions_are_taken() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; lotse=zz"));
        assert_eq!(session_of(&headers), None);
        let good = "ab".repeat(SESSION_BYTES);
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("x=y; lotse={good}")).unwrap(),
        );
        assert_eq!(session_of(&headers), Some(good));
    }
}
