//! `/admin`: the maintainers' page behind `LOTSE_ADMIN_TOKEN`.
//!
//! The token comes as `Authorization: Bearer …` or through the login form,
//! which leaves a cookie made of the token with the secret (never the token
//! itself), good for `/admin` only. Without a token the answer is 401,
//! with a wrong one 403, never a redirect; with no token configured, `/admin`
//! is closed (403) to everyone. The page shows the report of `src/report.rs`
//! (its logged queries escaped), the translation coverage of the knowledge,
//! the last reload with its errors, and a button that reloads.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::guard::{Visitor, cookie};
use super::page::{Context, document};
use super::{Params, Web};
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::reload::{self, Outcome};

/// The cookie the login form leaves.
const ADMIN_COOKIE: &str = "lotse_admin";
/// Days the report on the admin page looks back.
const REPORT_DAYS: u64 = 30;

/// Whether a request may see the admin page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    Granted,
    /// No token came: 401.
    Missing,
    /// A token came, and it is wrong: 403.
    Wrong,
    /// No token is configured: 403 for everyone.
    Closed,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct LoginForm {
    token: Option<String>,
    lang: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct ReloadForm {
    force: Option<String>,
    lang: Option<String>,
}

/// `GET /admin`.
pub(super) async fn show(State(web): State<Web>, headers: HeaderMap, Query(params): Query<Params>) -> Response {
    let visitor = Visitor::of(&web, &headers, params.lang.as_deref());
    match access(&web, &headers, None) {
        Access::Granted => admin_page(&web, &visitor, None).await,
        denied => refusal(&visitor, denied),
    }
}

/// `POST /admin`: the login form.
pub(super) async fn login(
    State(web): State<Web>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<LoginForm>,
) -> Response {
    let visitor = Visitor::of(&web, &headers, form.lang.as_deref());
    let token = form.token.as_deref().map(str::trim).filter(|t| !t.is_empty());
    match access(&web, &headers, token) {
        Access::Granted => {
            let mut response = admin_page(&web, &visitor, None).await;
            if let Some(token) = token {
                let cookie = format!(
                    "{ADMIN_COOKIE}={}; Path=/admin; HttpOnly; SameSite=Strict{}",
                    session_of(&web, token),
                    super::guard::secure_flag(&headers)
                );
                if let Ok(value) = HeaderValue::from_str(&cookie) {
                    response.headers_mut().append(header::SET_COOKIE, value);
                }
            }
            response
        }
        denied => refusal(&visitor, denied),
    }
}

/// `POST /admin/reload`: the reload button.
pub(super) async fn reload(
    State(web): State<Web>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<ReloadForm>,
) -> Response {
    let visitor = Visitor::of(&web, &headers, form.lang.as_deref());
    let denied = access(&web, &headers, None);
    if denied != Access::Granted {
        return refusal(&visitor, denied);
    }
    let force = form.force.is_some();
    let settings = &web.0.settings;
    let (assistant, dir, location) = (
        settings.assistant.clone(),
        settings.knowledge.clone(),
        settings.location.clone(),
    );
    let outcome = tokio::task::spawn_blocking(move || reload::reload(&assistant, &dir, &location, force)).await;
    let outcome = outcome.unwrap_or_else(|err| Outcome::Rejected(vec![err.to_string()]));
    admin_page(&web, &visitor, Some(&outcome)).await
}

/// Checks the bearer token, else the `token` of the login form, else the
/// login cookie, all in constant time.
fn access(web: &Web, headers: &HeaderMap, form_token: Option<&str>) -> Access {
    let Some(expected) = web.0.settings.admin_token.as_deref().filter(|t| !t.is_empty()) else {
        return Access::Closed;
    };
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    if let Some(given) = bearer.or(form_token) {
        return if equal(given, expected) {
            Access::Granted
        } else {
            Access::Wrong
        };
    }
    match cookie(headers, ADMIN_COOKIE) {
        Some(given) if equal(given, &session_of(web, expected)) => Access::Granted,
        Some(_) => Access::Wrong,
        None => Access::Missing,
    }
}

fn equal(given: &str, expected: &str) -> bool {
    bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
}

/// The login cookie of `token`: derived with the secret, so the cookie
/// jar never holds the token, and a new secret or token ends every login.
fn session_of(web: &Web, token: &str) -> String {
    let key = web.0.settings.pseudonyms.derive_key(&format!("web-admin:{token}"));
    crate::privacy::to_hex(&key)
}

/// 401 or 403 with the login form (none where the page is closed).
fn refusal(visitor: &Visitor, access: Access) -> Response {
    let ctx = visitor.context("");
    let (status, reason) = match access {
        Access::Missing => (StatusCode::UNAUTHORIZED, "admin-needs-token"),
        Access::Wrong => (StatusCode::FORBIDDEN, "admin-wrong-token"),
        Access::Closed | Access::Granted => (StatusCode::FORBIDDEN, "admin-disabled"),
    };
    let body = html! {
        h1 { (ctx.t("admin-title")) }
        p.notice role="alert" { (ctx.t(reason)) }
        @if access != Access::Closed {
            form.login method="post" action="/admin" {
                input type="hidden" name="lang" value=(ctx.lang.code());
                label for="token" { (ctx.t("admin-token")) }
                input #token type="password" name="token" autocomplete="current-password" required;
                button type="submit" { (ctx.t("admin-login")) }
            }
        }
    };
    let mut response = visitor.respond(status, document(&ctx, &ctx.t("admin-title"), body));
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"lotse-admin\""),
        );
    }
    response
}

/// The admin page, with what the reload button just did.
async fn admin_page(web: &Web, visitor: &Visitor, outcome: Option<&Outcome>) -> Response {
    let ctx = visitor.context("");
    let settings = &web.0.settings;
    let since = crate::store::now().saturating_sub(REPORT_DAYS * 86_400);
    let report = match settings.store.stats(since).await {
        Ok(stats) => PreEscaped(crate::report::body(
            &stats,
            &format!("{REPORT_DAYS}d"),
            &crate::report::Words::new(ctx.catalog, ctx.lang),
        )),
        Err(err) => html! { p.error { (err.to_string()) } },
    };
    let last = web.0.settings.assistant.last_reload();
    let body = html! {
        h1 { (ctx.t("admin-title")) }
        @if let Some(outcome) = outcome {
            p.notice role="status" { (outcome.describe(ctx.catalog, ctx.lang)) }
        }
        section aria-labelledby="reload" {
            h2 #reload { (ctx.t("admin-reload")) }
            (last_reload(&ctx, last.as_ref()))
            form method="post" action="/admin/reload" {
                input type="hidden" name="lang" value=(ctx.lang.code());
                p {
                    input #force type="checkbox" name="force" value="1";
                    " "
                    label for="force" { (ctx.t("admin-reload-force")) }
                }
                button type="submit" { (ctx.t("admin-reload-button")) }
            }
        }
        section aria-labelledby="coverage" {
            h2 #coverage { (ctx.t("admin-coverage")) }
            (coverage(web, &ctx))
        }
        section.report lang="en" dir="ltr" { (report) }
    };
    visitor.respond(StatusCode::OK, document(&ctx, &ctx.t("admin-title"), body))
}

fn last_reload(ctx: &Context<'_>, note: Option<&reload::Note>) -> Markup {
    let Some(note) = note else {
        return html! { p { (ctx.t("admin-reload-never")) } };
    };
    let when = utc(note.at);
    let errors: &[String] = match &note.outcome {
        Outcome::Rejected(errors) => errors,
        _ => &[],
    };
    html! {
        p { (ctx.catalog.format(ctx.lang, "admin-reload-last", &[("when", Arg::Text(when))])) }
        p { (note.outcome.describe(ctx.catalog, ctx.lang)) }
        @if !errors.is_empty() {
            ul.errors lang="en" dir="ltr" { @for error in errors { li { code { (error) } } } }
        }
    }
}

/// How many entries are complete in each language, as a table with bars.
fn coverage(web: &Web, ctx: &Context<'_>) -> Markup {
    let library = web.0.settings.assistant.library();
    let coverage = library.knowledge().coverage();
    html! {
        table.coverage {
            thead { tr {
                th scope="col" { (ctx.t("admin-coverage-language")) }
                th scope="col" { (ctx.t("admin-coverage-complete")) }
                th scope="col" { "%" }
            } }
            tbody {
                @for lang in Lang::ALL {
                    @let percent = coverage.percent(lang);
                    tr {
                        th scope="row" lang=(lang.code()) { (lang.native_name()) }
                        td.n { (coverage.complete.get(&lang).copied().unwrap_or(0)) " / " (coverage.total) }
                        td {
                            svg width="100" height="10" role="img" aria-label=(format!("{percent:.0} %")) {
                                rect width="100" height="10" fill="#ddd" {}
                                rect width=(format!("{percent:.1}")) height="10" fill="#1b6ca8" {}
                            }
                            " " (format!("{percent:.0}"))
                        }
                    }
                }
            }
        }
    }
}

/// A moment as `YYYY-MM-DD HH:MM:SS UTC`.
fn utc(at: SystemTime) -> String {
    let secs = at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = crate::calendar::civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn moments_are_shown_in_utc() {
        assert_eq!(utc(UNIX_EPOCH), "1970-01-01 00:00:00 UTC");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3_661);
        assert_eq!(utc(leap), "2000-02-29 01:01:01 UTC");
        let later = UNIX_EPOCH + Duration::from_secs(1_798_675_200);
        assert_eq!(utc(later), "2026-12-31 00:00:00 UTC");
    }
}
