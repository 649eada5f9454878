//! The messages of the conversation, built from the knowledge and the
//! interface texts: the start menu, the language picker, help, result
//! lists, categories and an entry's details.
//!
//! Every word comes from the [`Catalog`] or from the knowledge; none is
//! written here.

use std::borrow::Cow;
use std::fmt::Write;

use super::PAGE_SIZE;
use super::action::{Action, Category, QueryId, UserTag};
use super::reply::{Block, Button, ContactCard, Message, Span, Style};
use super::storage::Report;
use crate::i18n::{Arg, Catalog};
use crate::knowledge::{Contact, Details, Entry, Kind, Knowledge, Texts};
use crate::lang::Lang;
use crate::reload::Outcome;
use crate::search::{Answer, AnswerHit};

/// Labels of buttons are cut to this many characters.
const MAX_LABEL_CHARS: usize = 40;
/// Related entries offered below an entry's details.
const MAX_RELATED: usize = 3;

/// What the views are built from.
pub(super) struct View<'a> {
    pub catalog: &'a Catalog,
    pub knowledge: &'a Knowledge,
    /// Whether the handover to a counsellor is offered here: a staff chat
    /// is configured and the user is in a private chat.
    pub handover: bool,
}

/// The command of the handover, listed only where it is offered.
pub const COUNSELLOR_COMMAND: (&str, &str) = ("counsellor", "command-counsellor");

/// The commands listed by `/help`, with their descriptions.
pub const COMMANDS: [(&str, &str); 9] = [
    ("start", "command-start"),
    ("language", "command-language"),
    ("help", "command-help"),
    ("offers", "command-offers"),
    ("publications", "command-publications"),
    ("contacts", "command-contacts"),
    ("about", "command-about"),
    ("privacy", "command-privacy"),
    ("forget", "command-forget"),
];

const EXAMPLES: [&str; 3] = ["example-recognition", "example-contact", "example-training"];

impl View<'_> {
    fn t(&self, lang: Lang, id: &str) -> String {
        self.catalog.text(lang, id)
    }

    /// A message of one interface text.
    pub fn notice(&self, lang: Lang, id: &str) -> Message {
        Message {
            blocks: vec![Block::plain(self.t(lang, id), lang)],
            lang: Some(lang),
            ..Message::default()
        }
    }

    /// A text of several lines as a message, one block a line, so that a
    /// door escapes and splits it like every answer.
    pub fn lines(&self, lang: Lang, text: &str) -> Message {
        Message {
            blocks: text.lines().map(|line| Block::plain(line, lang)).collect(),
            lang: Some(lang),
            ..Message::default()
        }
    }

    /// The admins' summary of the last `days` days.
    pub fn admin_stats(&self, lang: Lang, days: u32, report: &Report) -> Message {
        let number = |n: u64| Arg::Number(n as i64);
        let mut text = self.catalog.format(
            lang,
            "admin-stats",
            &[
                ("days", Arg::Number(i64::from(days))),
                ("queries", number(report.queries)),
                ("zero", number(report.zero_results)),
                ("feedback", number(report.feedback)),
            ],
        );
        if !report.gaps.is_empty() {
            text.push_str("\n\n");
            text.push_str(&self.t(lang, "admin-top-gaps"));
            for (query, count) in report.gaps.iter().take(5) {
                // A list line of the query and its count.
                let _ = write!(text, "\n• {query}");
                let _ = write!(text, " ({count})");
            }
        }
        self.lines(lang, &text)
    }

    /// What a reload of the knowledge did, for the admins.
    pub fn reload_outcome(&self, lang: Lang, outcome: &Outcome) -> Message {
        self.lines(lang, &outcome.describe(self.catalog, lang))
    }

    /// What is stored, why, for how long, and how to delete it.
    pub fn privacy(&self, lang: Lang, days: u32) -> Message {
        let days = [("days", Arg::Number(i64::from(days)))];
        let mut blocks = vec![
            Block::bold(self.t(lang, "privacy-title"), lang),
            Block::plain(self.t(lang, "privacy-what"), lang),
            Block::plain(self.t(lang, "privacy-who"), lang),
            Block::plain(self.t(lang, "privacy-why"), lang),
            Block::plain(self.catalog.format(lang, "privacy-how-long", &days), lang),
        ];
        if self.handover {
            blocks.push(Block::plain(self.catalog.format(lang, "privacy-handover", &days), lang));
        }
        blocks.push(Block::gap(lang));
        blocks.push(Block::plain(self.t(lang, "privacy-forget"), lang));
        Message {
            blocks,
            ..Message::default()
        }
    }

    /// The question before everything about a user is deleted; only the
    /// user tagged `asker` may answer it.
    pub fn forget_confirm(&self, lang: Lang, asker: UserTag) -> Message {
        Message {
            blocks: vec![Block::plain(self.t(lang, "forget-confirm"), lang)],
            buttons: vec![vec![
                Button::action(
                    self.t(lang, "button-forget-yes"),
                    Action::Forget { confirmed: true, asker }.encode(),
                ),
                Button::action(
                    self.t(lang, "button-forget-no"),
                    Action::Forget {
                        confirmed: false,
                        asker,
                    }
                    .encode(),
                ),
            ]],
            ..Message::default()
        }
    }

    /// The greeting: what Lotse does, examples, and the categories.
    pub fn start(&self, lang: Lang, edit: bool) -> Message {
        let mut blocks = vec![
            Block::bold(self.t(lang, "start-greeting"), lang),
            Block::plain(self.t(lang, "start-about"), lang),
            Block::gap(lang),
            Block::plain(self.t(lang, "start-how"), lang),
        ];
        blocks.extend(self.examples(lang));
        blocks.push(Block::gap(lang));
        blocks.push(Block::plain(self.t(lang, "start-categories"), lang));
        Message {
            blocks,
            buttons: self.category_buttons(lang),
            edit,
            contact: None,
            lang: Some(lang),
        }
    }

    fn examples(&self, lang: Lang) -> impl Iterator<Item = Block> + '_ {
        EXAMPLES
            .into_iter()
            .map(move |id| Block::plain(format!("• {}", self.t(lang, id)), lang))
    }

    fn category_buttons(&self, lang: Lang) -> Vec<Vec<Button>> {
        let button = |c: Category| {
            Button::action(
                self.t(lang, c.message_id()),
                Action::Browse { category: c, page: 0 }.encode(),
            )
        };
        vec![
            vec![button(Category::Offers), button(Category::Publications)],
            vec![button(Category::Contacts), button(Category::About)],
            vec![Button::action(
                format!("🌐 {}", self.t(lang, "command-language")),
                Action::PickLanguage.encode(),
            )],
        ]
    }

    /// The language picker: the request in every language, and each
    /// language by its own name.
    pub fn language_picker(&self, edit: bool) -> Message {
        let blocks = Lang::ALL
            .into_iter()
            .map(|lang| Block::plain(self.t(lang, "language-choose"), lang))
            .collect();
        let buttons = Lang::ALL
            .chunks(3)
            .map(|row| {
                row.iter()
                    .map(|&lang| Button::action(lang.native_name(), Action::SetLanguage(lang).encode()))
                    .collect()
            })
            .collect();
        Message {
            blocks,
            buttons,
            edit,
            contact: None,
            lang: None,
        }
    }

    /// The confirmation of a chosen language, with the start menu in it;
    /// it replaces the picker.
    pub fn language_set(&self, lang: Lang) -> Message {
        let mut message = self.start(lang, true);
        message
            .blocks
            .insert(0, Block::plain(self.t(lang, "language-set"), lang));
        message.blocks.insert(1, Block::gap(lang));
        message
    }

    /// The commands and example questions.
    pub fn help(&self, lang: Lang) -> Message {
        let mut blocks = vec![
            Block::bold(self.t(lang, "help-title"), lang),
            Block::plain(self.t(lang, "help-search"), lang),
            Block::gap(lang),
            Block::plain(self.t(lang, "help-commands"), lang),
        ];
        let counsellor = self.handover.then_some(COUNSELLOR_COMMAND);
        for (command, description) in COMMANDS.into_iter().chain(counsellor) {
            blocks.push(Block {
                spans: vec![
                    Span::bold(format!("/{command}")),
                    Span::plain(format!(" – {}", self.t(lang, description))),
                ],
                lang,
            });
        }
        blocks.push(Block::gap(lang));
        blocks.push(Block::plain(self.t(lang, "help-examples"), lang));
        blocks.extend(self.examples(lang));
        Message {
            blocks,
            buttons: self.category_buttons(lang),
            edit: false,
            contact: None,
            lang: Some(lang),
        }
    }

    /// One page of a search's results, in `lang`: only the entries Lotse
    /// presents as answers (`answer.hits`), never its weak matches.
    /// Without a stored search (`query` is `None`: storage failed), there
    /// is no paging and no 👍/👎, since no process could resolve them.
    pub fn results(&self, lang: Lang, answer: &Answer, query: Option<QueryId>, offset: usize, edit: bool) -> Message {
        let count = Arg::Number(answer.total as i64);
        let mut blocks = vec![Block::bold(
            self.catalog.format(lang, "results-title", &[("count", count)]),
            lang,
        )];
        let entries = self.entries(&answer.hits);
        let mut buttons = self.list(lang, &entries, offset, &mut blocks);
        blocks.extend(self.page_line(lang, offset, answer.total));
        if let Some(query) = query {
            let paging = self.paging(lang, offset, answer.total, |offset| Action::Page { query, offset });
            if !paging.is_empty() {
                buttons.push(paging);
            }
            buttons.push(vec![
                Button::action("👍", Action::Feedback { query, helpful: true }.encode()),
                Button::action("👎", Action::Feedback { query, helpful: false }.encode()),
            ]);
        }
        Message {
            blocks,
            buttons,
            edit,
            contact: None,
            lang: Some(lang),
        }
    }

    /// The kind answer to a search without an answer: what to try, the
    /// network's contact and the categories. Below it, the official portal
    /// among the weak matches `related` (a link entry that matched), and
    /// the other weak matches, introduced as possibly related: never as
    /// found.
    pub fn no_results(&self, lang: Lang, related: &[AnswerHit]) -> Message {
        let mut blocks = vec![
            Block::bold(self.t(lang, "no-results"), lang),
            Block::plain(self.t(lang, "no-results-try"), lang),
        ];
        let mut buttons = Vec::new();
        if let Some(entry) = self.network_contact() {
            blocks.push(Block::gap(lang));
            blocks.push(Block::plain(self.t(lang, "no-results-contact"), lang));
            let (_, texts) = entry.texts_for(lang);
            blocks.push(Block::bold(texts.title().to_string(), lang));
            if let Details::Contact(contact) = &entry.details {
                blocks.extend(self.reach(lang, contact));
            }
            buttons.push(vec![self.details_button(lang, entry, None)]);
        }
        let (portals, others): (Vec<&Entry>, Vec<&Entry>) =
            self.entries(related).into_iter().partition(|e| e.kind == Kind::Link);
        for portal in portals {
            let Some(url) = portal.url() else { continue };
            let (shown, texts) = portal.texts_for(lang);
            blocks.push(Block::gap(lang));
            blocks.push(Block::plain(self.t(lang, "no-results-portal"), lang));
            blocks.push(Block::bold(texts.title().to_string(), shown));
            blocks.push(Block {
                spans: vec![Span {
                    text: url.to_string(),
                    style: Style::Link(url.to_string()),
                }],
                lang,
            });
            let label = format!("🔗 {}", self.t(lang, "button-open-website"));
            buttons.push(vec![Button::url(label, url)]);
        }
        if !others.is_empty() {
            blocks.push(Block::gap(lang));
            blocks.push(Block::plain(self.t(lang, "results-related"), lang));
            buttons.extend(self.list(lang, &others, 0, &mut blocks));
        }
        buttons.extend(self.category_buttons(lang));
        Message {
            blocks,
            buttons,
            edit: false,
            contact: None,
            lang: Some(lang),
        }
    }

    /// The offer to keep answering in `lang`, the language a message was
    /// confidently written in, which is not the user's: one tap switches.
    pub fn language_switch(&self, lang: Lang) -> Message {
        Message {
            blocks: vec![Block::styled(self.t(lang, "language-detected"), Style::Italic, lang)],
            buttons: vec![vec![Button::action(
                format!("🌐 {}", self.t(lang, "button-switch-language")),
                Action::SetLanguage(lang).encode(),
            )]],
            edit: false,
            contact: None,
            lang: Some(lang),
        }
    }

    /// The entries of `hits`, in their order; an entry gone from the
    /// knowledge (a reload in between) is left out.
    fn entries(&self, hits: &[AnswerHit]) -> Vec<&Entry> {
        hits.iter().filter_map(|h| self.knowledge.get(&h.id)).collect()
    }

    /// One page of a category.
    pub fn browse(&self, lang: Lang, category: Category, page: usize, edit: bool) -> Message {
        let entries: Vec<&Entry> = self
            .knowledge
            .entries()
            .iter()
            .filter(|e| category.kinds().contains(&e.kind))
            .map(|e| &**e)
            .collect();
        let offset = (page * PAGE_SIZE).min(entries.len().saturating_sub(1) / PAGE_SIZE * PAGE_SIZE);
        let args = [
            ("category", Arg::Text(self.t(lang, category.message_id()))),
            ("count", Arg::Number(entries.len() as i64)),
        ];
        let mut blocks = vec![Block::bold(self.catalog.format(lang, "browse-title", &args), lang)];
        let shown: Vec<&Entry> = entries.iter().skip(offset).take(PAGE_SIZE).copied().collect();
        let mut buttons = self.list(lang, &shown, offset, &mut blocks);
        blocks.extend(self.page_line(lang, offset, entries.len()));
        let paging = self.paging(lang, offset, entries.len(), |offset| Action::Browse {
            category,
            page: offset / PAGE_SIZE,
        });
        if !paging.is_empty() {
            buttons.push(paging);
        }
        buttons.push(vec![Button::action(
            format!("« {}", self.t(lang, "button-menu")),
            Action::Menu.encode(),
        )]);
        Message {
            blocks,
            buttons,
            edit,
            contact: None,
            lang: Some(lang),
        }
    }

    /// Numbered entries with kind, title and summary, and a details button
    /// for each.
    fn list(&self, lang: Lang, entries: &[&Entry], offset: usize, blocks: &mut Vec<Block>) -> Vec<Vec<Button>> {
        let mut buttons = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let number = offset + i + 1;
            let (shown, texts) = entry.texts_for(lang);
            blocks.push(Block::gap(lang));
            blocks.push(Block {
                spans: vec![
                    Span::bold(format!("{number}. {}", texts.title())),
                    Span::plain(format!(" · {}", self.kind_label(lang, entry.kind))),
                ],
                lang: shown,
            });
            blocks.push(Block::plain(texts.summary().to_string(), shown));
            buttons.push(vec![self.details_button(lang, entry, Some(number))]);
        }
        buttons
    }

    fn details_button(&self, lang: Lang, entry: &Entry, number: Option<usize>) -> Button {
        let (_, texts) = entry.texts_for(lang);
        let label = match number {
            Some(n) => format!("{n}. {}", texts.title()),
            None => format!("{}: {}", self.t(lang, "button-details"), texts.title()),
        };
        Button::action(shorten(&label), Action::Details(entry.id.clone()).encode())
    }

    /// "Page 2 of 3" below a list, set apart by a blank line; nothing when
    /// everything fits on one page.
    fn page_line(&self, lang: Lang, offset: usize, total: usize) -> Vec<Block> {
        if total <= PAGE_SIZE {
            return Vec::new();
        }
        let args = [
            ("page", Arg::Number((offset / PAGE_SIZE + 1) as i64)),
            ("pages", Arg::Number(total.div_ceil(PAGE_SIZE) as i64)),
        ];
        vec![
            Block::gap(lang),
            Block::plain(self.catalog.format(lang, "results-page", &args), lang),
        ]
    }

    /// "Previous page" and "More" buttons around `offset`, whose actions
    /// `at` makes.
    fn paging(&self, lang: Lang, offset: usize, total: usize, at: impl Fn(usize) -> Action) -> Vec<Button> {
        let mut row = Vec::new();
        if offset > 0 {
            let label = format!("◀ {}", self.t(lang, "button-previous"));
            row.push(Button::action(label, at(offset.saturating_sub(PAGE_SIZE)).encode()));
        }
        if offset + PAGE_SIZE < total {
            let label = format!("{} ▶", self.t(lang, "button-more"));
            row.push(Button::action(label, at(offset + PAGE_SIZE).encode()));
        }
        row
    }

    /// Everything about an entry in `lang`, German where a part is missing.
    pub fn details(&self, lang: Lang, id: &str) -> Message {
        let Some(entry) = self.knowledge.get(id) else {
            return self.notice(lang, "stale-button");
        };
        let (shown, texts) = entry.texts_for(lang);
        let mut blocks = vec![
            Block::bold(texts.title().to_string(), shown),
            Block::styled(self.kind_label(lang, entry.kind), Style::Italic, lang),
        ];
        if shown != lang {
            blocks.push(Block::styled(self.t(lang, "detail-german-only"), Style::Italic, lang));
        }
        blocks.push(Block::plain(texts.summary().to_string(), shown));
        let (body_lang, body) = body_for(entry, texts, shown);
        if !body.is_empty() {
            blocks.push(Block::gap(lang));
            if body_lang != shown {
                blocks.push(Block::styled(self.t(lang, "detail-german-only"), Style::Italic, lang));
            }
            blocks.extend(markdown_blocks(&body, body_lang));
        }
        let facts = self.facts(lang, entry);
        if !facts.is_empty() {
            blocks.push(Block::gap(lang));
            blocks.extend(facts);
        }

        let mut buttons = Vec::new();
        if let Details::Contact(contact) = &entry.details
            && contact.phone.is_some()
        {
            let label = format!("📇 {}", self.t(lang, "button-save-contact"));
            buttons.push(vec![Button::action(
                label,
                Action::SaveContact(entry.id.clone()).encode(),
            )]);
        }
        if let Some(url) = entry.url() {
            buttons.push(vec![Button::url(
                format!("🔗 {}", self.t(lang, "button-open-website")),
                url,
            )]);
        }
        let mut related: Vec<&str> = entry.related.iter().map(String::as_str).collect();
        if let Details::Offer {
            contact: Some(contact), ..
        } = &entry.details
        {
            related.insert(0, contact);
        }
        related.dedup();
        for id in related.into_iter().take(MAX_RELATED) {
            if let Some(other) = self.knowledge.get(id) {
                buttons.push(vec![self.details_button(lang, other, None)]);
            }
        }
        if self.handover {
            buttons.push(vec![self.counsellor_button(lang, None)]);
        }
        Message {
            blocks,
            buttons,
            edit: false,
            contact: None,
            lang: Some(lang),
        }
    }

    /// The button that offers a counsellor, about the search `query`
    /// where there is one.
    pub fn counsellor_button(&self, lang: Lang, query: Option<QueryId>) -> Button {
        Button::action(self.t(lang, "button-counsellor"), Action::Counsellor(query).encode())
    }

    /// The labelled facts of an entry's kind.
    fn facts(&self, lang: Lang, entry: &Entry) -> Vec<Block> {
        let mut out = Vec::new();
        let mut fact = |label: &str, value: String| {
            out.push(Block {
                spans: vec![Span::bold(format!("{}: ", self.t(lang, label))), Span::plain(value)],
                lang,
            });
        };
        match &entry.details {
            Details::Publication(p) => {
                if let Some(series) = &p.series {
                    fact("detail-series", series.clone());
                }
                if let Some(issue) = p.issue {
                    fact("detail-issue", issue.to_string());
                }
                if let Some(year) = p.year {
                    fact("detail-year", year.to_string());
                }
                if let Some(publisher) = &p.publisher {
                    fact("detail-publisher", publisher.clone());
                }
                if let Some(place) = &p.place {
                    fact("detail-place", place.clone());
                }
                if let Some(date) = &p.date {
                    fact("detail-date", date.clone());
                }
            }
            Details::Offer { target_groups, contact } => {
                if !target_groups.is_empty() {
                    fact("detail-target-groups", target_groups.join(", "));
                }
                if let Some(other) = contact.as_deref().and_then(|id| self.knowledge.get(id)) {
                    fact("detail-contact", other.texts_for(lang).1.title().to_string());
                }
            }
            Details::Contact(c) => {
                if let Some(person) = &c.person {
                    fact("detail-person", person.clone());
                }
                if let Some(role) = &c.role {
                    fact("detail-role", role.clone());
                }
                if let Some(organisation) = &c.organisation {
                    fact("detail-organisation", organisation.clone());
                }
                if let Some(address) = address(c) {
                    fact("detail-address", address);
                }
                out.extend(self.reach(lang, c));
            }
            Details::Organisation { .. } | Details::Link { .. } => {}
        }
        if let Some(url) = entry.url() {
            let label = if entry.kind == Kind::Link {
                "detail-link"
            } else {
                "detail-website"
            };
            out.push(Block {
                spans: vec![
                    Span::bold(format!("{}: ", self.t(lang, label))),
                    Span {
                        text: url.to_string(),
                        style: Style::Link(url.to_string()),
                    },
                ],
                lang,
            });
        }
        out
    }

    /// Phone, fax and e-mail of a contact, one per line.
    fn reach(&self, lang: Lang, contact: &Contact) -> Vec<Block> {
        let line = |label: &str, value: &str, style: Style| Block {
            spans: vec![
                Span::bold(format!("{}: ", self.t(lang, label))),
                Span {
                    text: value.to_string(),
                    style,
                },
            ],
            lang,
        };
        let mut out = Vec::new();
        if let Some(phone) = &contact.phone {
            out.push(line("detail-phone", phone, Style::Link(format!("tel:{}", dial(phone)))));
        }
        if let Some(fax) = &contact.fax {
            out.push(line("detail-fax", fax, Style::Plain));
        }
        if let Some(email) = &contact.email {
            out.push(line("detail-email", email, Style::Link(format!("mailto:{email}"))));
        }
        out
    }

    /// An entry's contact as a card for the phone's address book.
    pub fn contact_card(&self, lang: Lang, id: &str) -> Message {
        let card = self.knowledge.get(id).and_then(|entry| match &entry.details {
            Details::Contact(c) => {
                let phone = c.phone.clone()?;
                let name = c.person.clone().or_else(|| c.organisation.clone())?;
                let (first, last) = name.rsplit_once(' ').unwrap_or((name.as_str(), ""));
                Some(ContactCard {
                    first_name: first.to_string(),
                    last_name: last.to_string(),
                    organisation: c.organisation.clone(),
                    phone,
                    email: c.email.clone(),
                    url: c.website.clone(),
                })
            }
            _ => None,
        });
        match card {
            Some(card) => Message {
                blocks: vec![Block::bold(
                    format!("{} {}", card.first_name, card.last_name).trim().to_string(),
                    lang,
                )],
                contact: Some(card),
                lang: Some(lang),
                ..Message::default()
            },
            None => self.notice(lang, "stale-button"),
        }
    }

    fn kind_label(&self, lang: Lang, kind: Kind) -> String {
        let id = match kind {
            Kind::Offer => "kind-offer",
            Kind::Publication => "kind-publication",
            Kind::Contact => "kind-contact",
            Kind::Organisation => "kind-organisation",
            Kind::Link => "kind-link",
        };
        self.t(lang, id)
    }

    /// The contact to offer when nothing was found: the first contact entry
    /// that can be reached by phone or e-mail.
    fn network_contact(&self) -> Option<&Entry> {
        self.knowledge
            .entries()
            .iter()
            .find(|e| matches!(&e.details, Details::Contact(c) if c.phone.is_some() || c.email.is_some()))
            .map(|e| &**e)
    }
}

/// The body to show: the translation's, or German's where it has none.
/// A body kept in a file that cannot be read is left out, and logged.
fn body_for<'e>(entry: &'e Entry, texts: &'e Texts, shown: Lang) -> (Lang, Cow<'e, str>) {
    let (lang, texts) = if texts.has_body() {
        (shown, texts)
    } else {
        (Lang::CANONICAL, entry.german())
    };
    let body = texts.body().unwrap_or_else(|e| {
        log::error!("the body of `{}` in {lang} could not be read: {e}", entry.id);
        Cow::Borrowed("")
    });
    (lang, body)
}

/// Street, postcode and city on one line.
fn address(c: &Contact) -> Option<String> {
    let city = [c.postcode.as_deref(), c.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let parts: Vec<&str> = [c.street.as_deref(), Some(city.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A phone number as a dialler takes it: `+` and digits.
fn dial(phone: &str) -> String {
    phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

/// Cuts a label to [`MAX_LABEL_CHARS`], at a character boundary.
fn shorten(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        return label.to_string();
    }
    let cut: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The little Markdown the knowledge uses: paragraphs, `- ` lists and
/// `**bold**`, as blocks.
fn markdown_blocks(body: &str, lang: Lang) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (i, paragraph) in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            blocks.push(Block::gap(lang));
        }
        for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let text = match line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
                Some(item) => format!("• {item}"),
                None => line.to_string(),
            };
            blocks.push(Block {
                spans: bold_spans(&text),
                lang,
            });
        }
    }
    blocks
}

fn bold_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    for (i, part) in text.split("**").enumerate() {
        if part.is_empty() {
            continue;
        }
        spans.push(if i % 2 == 1 {
            Span::bold(part)
        } else {
            Span::plain(part)
        });
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_blocks() {
        let blocks = markdown_blocks("**Rolle.** Text\n\n- eins\n- zwei", Lang::De);
        let texts: Vec<String> = blocks.iter().map(Block::text).collect();
        assert_eq!(texts, ["Rolle. Text", "", "• eins", "• zwei"]);
        assert_eq!(blocks[0].spans[0], Span::bold("Rolle."));
    }

    #[test]
    fn labels_are_cut_at_characters() {
        let long = "ب".repeat(60);
        assert_eq!(shorten(&long).chars().count(), MAX_LABEL_CHARS);
        assert_eq!(shorten("kurz"), "kurz");
    }
}
