//! The pages of the web door, as maud templates: everything interpolated is
//! escaped, and the templates are checked when Lotse is compiled.
//!
//! A page renders the core's [`Message`]s as they are: blocks become
//! paragraphs (a link only for `http`, `https`, `tel` and `mailto`),
//! buttons become links or, where pressing one changes something (👍/👎,
//! `/forget`'s answer, the consent to a case), small forms that post. A
//! visitor's case is a section of its own, with the counsellors' replies
//! and the form to write to them. No `style` attribute and no inline
//! script anywhere: the page lives under a strict Content-Security-Policy.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::MAX_QUESTION_CHARS;
use crate::assistant::{Action, Block, Button, CaseThread, Message, Span, Style, Target};
use crate::i18n::Catalog;
use crate::lang::Lang;

/// What every page of one visit is made with.
pub(super) struct Context<'a> {
    pub catalog: &'a Catalog,
    /// The page's language.
    pub lang: Lang,
    /// The question asked, shown again in the search field.
    pub question: &'a str,
}

impl Context<'_> {
    pub fn t(&self, id: &str) -> String {
        self.catalog.text(self.lang, id)
    }

    /// A path of this site with the page's language (and question) kept.
    pub fn link(&self, path: &str, pairs: &[(&str, &str)]) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("lang", self.lang.code());
        for (key, value) in pairs {
            if !value.is_empty() {
                query.append_pair(key, value);
            }
        }
        format!("{path}?{}", query.finish())
    }
}

/// The start page or an answer: the question form, then the core's
/// messages, then the visitor's open case, if any.
pub(super) fn answer_page(ctx: &Context<'_>, messages: &[Message], case: Option<&CaseThread>) -> Markup {
    let title = if ctx.question.is_empty() {
        ctx.t("web-title")
    } else {
        format!("{} · {}", ctx.question, ctx.t("web-title"))
    };
    let messages = beside(messages, case);
    let content = html! {
        (ask_form(ctx))
        (answer(ctx, &messages))
        @if let Some(case) = case { (case_section(ctx, case)) }
    };
    document(ctx, &title, content)
}

/// `/counsellor`: the core's messages (the consent screen, a refusal),
/// then the visitor's case with the counsellors' replies.
pub(super) fn counsellor_page(ctx: &Context<'_>, messages: &[Message], case: Option<&CaseThread>) -> Markup {
    let title = ctx.t("web-case");
    let messages = beside(messages, case);
    let content = html! {
        @if !messages.is_empty() { (answer(ctx, &messages)) }
        @if let Some(case) = case { (case_section(ctx, case)) }
        (ask_form(ctx))
    };
    document(ctx, &title, content)
}

/// The visitor's case section alone, for the script that polls it: no
/// frame, no form to ask, a few hundred bytes every few seconds. Without
/// an open case the section is empty and says nothing more to poll.
pub(super) fn case_fragment(ctx: &Context<'_>, case: Option<&CaseThread>) -> Markup {
    html! {
        @match case {
            Some(case) => (case_section(ctx, case)),
            None => section #case {},
        }
    }
}

/// The messages of an answer beside an open case's section, which has
/// the case's buttons (where the text goes, ending it): without them.
fn beside(messages: &[Message], case: Option<&CaseThread>) -> Vec<Message> {
    let mut messages = messages.to_vec();
    if case.is_some_and(|case| case.open) {
        for message in &mut messages {
            for row in &mut message.buttons {
                row.retain(|b| {
                    !matches!(&b.target, Target::Action(data)
                        if matches!(Action::decode(data), Some(Action::Relay(_) | Action::EndCase)))
                });
            }
            message.buttons.retain(|row| !row.is_empty());
        }
    }
    messages
}

/// A visitor's case: its state and buttons, the counsellors' replies
/// (which the script refreshes in place from `/counsellor/case`), and,
/// while their text goes to the counsellor, the form to write.
fn case_section(ctx: &Context<'_>, case: &CaseThread) -> Markup {
    let poll = case.open.then(|| ctx.link("/counsellor/case", &[]));
    html! {
        section #case aria-labelledby="case-title" data-poll=[poll] {
            h2 #case-title { (ctx.t("web-case")) }
            div #case-thread aria-live="polite" {
                @for m in &case.messages { (message(ctx, m, false)) }
            }
            @if case.open && case.relay {
                form #write method="post" action="/counsellor" {
                    label for="m" { (ctx.t("web-message")) }
                    textarea #m name="m" rows="4" maxlength=(MAX_QUESTION_CHARS) required {}
                    input type="hidden" name="lang" value=(ctx.lang.code());
                    button type="submit" { (ctx.t("web-send")) }
                }
            }
        }
    }
}

/// An entry's page: titled with the entry, the question form below.
pub(super) fn entry_page(ctx: &Context<'_>, messages: &[Message]) -> Markup {
    let title = messages
        .first()
        .and_then(|m| m.blocks.first())
        .map(Block::text)
        .unwrap_or_else(|| ctx.t("web-title"));
    document(ctx, &title, html! { (answer(ctx, messages)) (ask_form(ctx)) })
}

/// A page of one interface text (not found, too long, rate-limited).
pub(super) fn notice_page(ctx: &Context<'_>, id: &str) -> Markup {
    let text = ctx.t(id);
    let body = html! {
        (ask_form(ctx))
        div #answer aria-live="polite" {
            div.message { h1 { (text) } }
        }
    };
    document(ctx, &text, body)
}

/// The frame of every page: language and direction, the style sheet and
/// the script of this site only, the language picker and the footer.
pub(super) fn document(ctx: &Context<'_>, title: &str, content: Markup) -> Markup {
    let lang = ctx.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(dir(lang)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/lotse.css";
                link rel="icon" href="/favicon.svg" type="image/svg+xml";
                script src="/lotse.js" defer {}
            }
            body {
                a.skip href="#main" { (ctx.t("web-skip")) }
                header {
                    a.brand href=(ctx.link("/", &[])) { "Lotse" }
                    nav #languages aria-label=(ctx.t("web-languages")) {
                        ul {
                            @for other in Lang::ALL {
                                li {
                                    a href=(ctx.link_in(other)) lang=(other.code()) hreflang=(other.code())
                                        dir=(dir(other)) aria-current=[(other == lang).then_some("page")] {
                                        (other.native_name())
                                    }
                                }
                            }
                        }
                    }
                }
                main #main tabindex="-1" { (content) }
                footer {
                    a href=(ctx.link("/privacy", &[])) { (ctx.t("web-privacy")) }
                    a href=(ctx.link("/forget", &[])) { (ctx.t("web-forget")) }
                }
            }
        }
    }
}

impl Context<'_> {
    /// This page's address in `other` language, the question kept.
    fn link_in(&self, other: Lang) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("lang", other.code());
        if !self.question.is_empty() {
            query.append_pair("q", self.question);
        }
        format!("/?{}", query.finish())
    }
}

/// The one form with the one text field: the question.
fn ask_form(ctx: &Context<'_>) -> Markup {
    html! {
        form #ask role="search" method="get" action="/" {
            label for="q" { (ctx.t("web-question")) }
            div.field {
                input #q type="search" name="q" value=(ctx.question) maxlength=(MAX_QUESTION_CHARS)
                    autocomplete="off" enterkeyhint="search";
                input type="hidden" name="lang" value=(ctx.lang.code());
                button type="submit" { (ctx.t("web-ask")) }
            }
        }
    }
}

/// The core's messages, in the region the script replaces in place.
fn answer(ctx: &Context<'_>, messages: &[Message]) -> Markup {
    let failed = messages.iter().all(|m| m.blocks.is_empty() && m.buttons.is_empty());
    html! {
        div #answer aria-live="polite" aria-label=(ctx.t("web-answer")) {
            @if failed {
                div.message { p { (ctx.t("answer-failed")) } }
            }
            @for (i, m) in messages.iter().enumerate() {
                (message(ctx, m, i == 0))
            }
        }
    }
}

/// One message: its blocks, then its buttons. The first bold line of the
/// first message is the page's heading.
fn message(ctx: &Context<'_>, message: &Message, first: bool) -> Markup {
    let lang = message.lang.filter(|&l| l != ctx.lang);
    let mut heading = first;
    html! {
        div.message lang=[lang.map(Lang::code)] dir=[lang.map(dir)] {
            @for block in message.blocks.iter().filter(|b| !b.spans.is_empty()) {
                @let own = (block.lang != message.lang.unwrap_or(ctx.lang)).then_some(block.lang);
                @if std::mem::take(&mut heading) && block.spans.iter().all(|s| s.style == Style::Bold) {
                    h1 lang=[own.map(Lang::code)] dir=[own.map(dir)] { (block.text()) }
                } @else {
                    p lang=[own.map(Lang::code)] dir=[own.map(dir)] {
                        @for span in &block.spans { (span_html(span)) }
                    }
                }
            }
            @if !message.buttons.is_empty() {
                div.buttons {
                    @for row in &message.buttons {
                        div.row {
                            @for b in row { (button(ctx, b)) }
                        }
                    }
                }
            }
        }
    }
}

fn span_html(span: &Span) -> Markup {
    html! {
        @match &span.style {
            Style::Plain => (span.text),
            Style::Bold => strong { (span.text) },
            Style::Italic => em { (span.text) },
            Style::Link(url) if is_safe_link(url) => a href=(url) rel="noopener noreferrer" { (span.text) },
            Style::Link(_) => (span.text),
        }
    }
}

/// A button as a link, or as a form where pressing it changes something.
/// Where a button leads is decided here, for the web: the core's action
/// data travels in the address or the form.
fn button(ctx: &Context<'_>, button: &Button) -> Markup {
    let label = button.label.as_str();
    let data = match &button.target {
        Target::Url(url) if is_safe_link(url) => {
            return html! { a.button href=(url) rel="noopener noreferrer" { (label) } };
        }
        Target::Url(_) => return PreEscaped(String::new()),
        Target::Action(data) => data.as_str(),
    };
    let href = match Action::decode(data) {
        Some(Action::Details(id)) => ctx.link(&format!("/e/{id}"), &[]),
        Some(Action::SaveContact(id)) => format!("/e/{id}/vcard"),
        Some(Action::SetLanguage(other)) => ctx.link_in(other),
        Some(Action::PickLanguage) => "#languages".to_string(),
        Some(Action::Menu) => ctx.link("/", &[]),
        Some(Action::Browse { .. }) => ctx.link("/", &[("a", data)]),
        Some(Action::Page { .. }) => ctx.link("/", &[("q", ctx.question), ("a", data)]),
        Some(Action::Counsellor(_)) => ctx.link("/counsellor", &[("a", data)]),
        Some(
            action @ (Action::Feedback { .. }
            | Action::Forget { .. }
            | Action::Consent { .. }
            | Action::Relay(_)
            | Action::EndCase),
        ) => {
            // A step of a case changes the whole page (its case section):
            // the script leaves it to the browser.
            let case = matches!(action, Action::Consent { .. } | Action::Relay(_) | Action::EndCase);
            return html! {
                form.press.case[case] method="post" action="/" {
                    input type="hidden" name="a" value=(data);
                    input type="hidden" name="lang" value=(ctx.lang.code());
                    input type="hidden" name="q" value=(ctx.question);
                    button type="submit" { (label) }
                }
            };
        }
        None => return PreEscaped(String::new()),
    };
    let download = matches!(Action::decode(data), Some(Action::SaveContact(_)));
    html! { a.button href=(href) download=[download.then_some("")] { (label) } }
}

/// Links the page may carry: the web, a phone number, an e-mail address;
/// never `javascript:` or `data:`.
fn is_safe_link(url: &str) -> bool {
    ["https://", "http://", "tel:", "mailto:"]
        .iter()
        .any(|scheme| url.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)))
}

pub(super) fn dir(lang: Lang) -> &'static str {
    if lang.is_rtl() { "rtl" } else { "ltr" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assistant::{QueryId, UserTag};

    /// Where each kind of button leads on the web, and that a forged
    /// link or action data never becomes one.
    #[test]
    fn buttons_become_links_or_forms() {
        let catalog = Catalog::new();
        let ctx = Context {
            catalog: &catalog,
            lang: Lang::Ar,
            question: "a&b",
        };
        let check = |action: Action, expected: &str| {
            let html = button(&ctx, &Button::action("x", action.encode())).into_string();
            assert!(html.contains(expected), "{html}");
        };
        check(
            Action::Details("maria-kotsina".into()),
            "href=\"/e/maria-kotsina?lang=ar\"",
        );
        check(
            Action::SaveContact("maria-kotsina".into()),
            "href=\"/e/maria-kotsina/vcard\" download",
        );
        check(Action::SetLanguage(Lang::De), "href=\"/?lang=de&amp;q=a%26b\"");
        check(Action::PickLanguage, "href=\"#languages\"");
        check(
            Action::Page {
                query: QueryId(10),
                offset: 5,
            },
            "href=\"/?lang=ar&amp;q=a%26b&amp;a=m%3Aa%3A5\"",
        );
        check(
            Action::Feedback {
                query: QueryId(10),
                helpful: true,
            },
            "<form class=\"press\" method=\"post\" action=\"/\"><input type=\"hidden\" name=\"a\" value=\"f:a:1\">",
        );
        let user = crate::privacy::Pseudonyms::new(b"a secret for the page tests, long").user("web", "u");
        let tag = UserTag::of(&user);
        check(
            Action::Forget {
                confirmed: true,
                asker: tag,
            },
            "name=\"a\" value=\"fg:1:",
        );
        check(Action::Counsellor(None), "href=\"/counsellor?lang=ar&amp;a=h\"");
        check(
            Action::Consent {
                agreed: true,
                asker: tag,
                query: None,
            },
            "<form class=\"press case\" method=\"post\" action=\"/\"><input type=\"hidden\" name=\"a\" value=\"hc:1:",
        );
        check(Action::EndCase, "class=\"press case\"");
        for forged in [
            Button::action("x", "nonsense".into()),
            Button::url("x", "javascript:alert(1)"),
        ] {
            assert_eq!(button(&ctx, &forged).into_string(), "");
        }
    }

    #[test]
    fn only_harmless_links_are_links() {
        assert!(is_safe_link("https://www.netzwerk-iq.de"));
        assert!(is_safe_link("tel:+4969"));
        assert!(is_safe_link("MAILTO:a@b.de"));
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link("data:text/html,x"));
        assert!(!is_safe_link("//evil.example"));
    }
}
