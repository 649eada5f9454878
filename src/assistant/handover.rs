//! The handover to a counsellor: a user's case, opened with their consent,
//! becomes a topic in the network's staff chat.
//!
//! The core decides every step and returns it as plain data
//! ([`CaseEffect`]): open a topic with a case card, copy the user's
//! messages into it, copy a counsellor's reply back (marked as such, in
//! the user's language), close or delete the topic. A door carries the
//! steps out and reports what only it can learn (the new topic's id, a
//! topic deleted by staff, a user who blocked Lotse) through
//! [`Assistant::topic_opened`], [`Assistant::topic_failed`],
//! [`Assistant::topic_lost`] and [`Assistant::user_unreachable`]. Cases
//! live in [`Storage`] (pseudonyms, numbers and times; the way to reach
//! the user sealed and only while the case is open), so any replica
//! resolves any case. Staff texts are German and name the user's language.
//! A web visitor's case ([`Door::Web`]) goes the same way, except that
//! their text is posted (there is no message to copy) and a counsellor's
//! reply is kept, sealed, for their page ([`Assistant::web_case`]); a door
//! without a Telegram chat hands its steps to a [`StaffDesk`].

use super::action::{Action, Category, QueryId, UserTag};
use super::reply::{Block, Button, CaseEffect, CaseId, Channel, Effect, Message, Reach, Span, TopicId, UserKey};
use super::storage::{Case, Door, MessagePair, NewCase, Reply, unix_now};
use super::{Assistant, Turn, views};
use crate::calendar::{civil_from_days, days_from_civil};
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::search::AskOptions;

/// The language of everything staff read.
const STAFF_LANG: Lang = Lang::De;
/// How far back the searches on a case card go.
const CARD_SEARCHES_SECS: u64 = 24 * 60 * 60;
/// Searches a case card lists at most.
const CARD_SEARCHES: usize = 5;
/// Entries a case card names per search.
const CARD_ENTRIES: usize = 3;

/// How the handover is set up: the staff chat itself is the door's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    pub office: OfficeHours,
    /// `/cases` flags a case whose user has waited longer than this
    /// for an answer.
    pub unanswered_after_secs: u64,
    /// The web door can carry cases out too (it runs beside the bot,
    /// with a [`StaffDesk`]): web visitors are offered the handover.
    pub web: bool,
}

/// The staff chat, as a door without a Telegram chat of its own (the web)
/// reaches it: the bot's module carries the steps out.
#[async_trait::async_trait]
pub trait StaffDesk: Send + Sync {
    /// Carries out one step of a web visitor's case. `Err` holds what the
    /// visitor reads instead where the case cannot go on (no topic could
    /// be opened, their message did not arrive); the rest of the event's
    /// effects are then left.
    async fn carry(&self, step: &CaseEffect) -> Result<(), Vec<Message>>;
}

/// What a web visitor's page shows of their case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseThread {
    pub case: CaseId,
    pub open: bool,
    /// The visitor's text goes to the counsellor (else it is searched).
    pub relay: bool,
    /// The case's state with its buttons, then the counsellors' replies,
    /// each marked as such, in the visitor's language.
    pub messages: Vec<Message>,
}

/// When counsellors answer, in German time (CET, CEST in summer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeHours {
    /// Working days, 1 (Monday) to 7 (Sunday).
    pub days: Vec<u8>,
    /// The hour the office opens (0–23) and closes (1–24).
    pub opens: u8,
    pub closes: u8,
}

impl Default for Handover {
    fn default() -> Handover {
        Handover {
            office: OfficeHours::default(),
            unanswered_after_secs: 4 * 60 * 60,
            web: false,
        }
    }
}

impl Default for OfficeHours {
    fn default() -> OfficeHours {
        OfficeHours {
            days: vec![1, 2, 3, 4, 5],
            opens: 9,
            closes: 16,
        }
    }
}

impl OfficeHours {
    /// Whether the office is open at `unix` seconds.
    pub fn is_open(&self, unix: u64) -> bool {
        let local = german_time(unix);
        let (day, hour) = (weekday(local / 86_400), (local % 86_400) / 3600);
        self.days.contains(&day) && (u64::from(self.opens)..u64::from(self.closes)).contains(&hour)
    }

    /// The weekday (1 = Monday) of the next opening after `unix`, if the
    /// office ever opens.
    pub fn next_opening(&self, unix: u64) -> Option<u8> {
        let local = german_time(unix);
        let today = local / 86_400;
        let before_opening = (local % 86_400) / 3600 < u64::from(self.opens);
        (0..8)
            .map(|ahead| today + ahead)
            .filter(|&day| day > today || before_opening)
            .map(weekday)
            .find(|day| self.days.contains(day) && self.opens < self.closes)
    }
}

/// Seconds since the epoch in German local time: UTC+1, UTC+2 from the
/// last Sunday of March to the last Sunday of October (01:00 UTC each).
fn german_time(unix: u64) -> u64 {
    let days = unix / 86_400;
    let (year, _, _) = civil_from_days(days);
    let last_sunday = |month_end: u64| month_end - (u64::from(weekday(month_end)) % 7);
    let summer_from = last_sunday(days_from_civil(year, 3, 31)) * 86_400 + 3600;
    let summer_to = last_sunday(days_from_civil(year, 10, 31)) * 86_400 + 3600;
    let offset = if (summer_from..summer_to).contains(&unix) {
        7200
    } else {
        3600
    };
    unix + offset
}

/// The weekday of a day since the epoch: 1 (Monday) to 7 (Sunday).
fn weekday(days: u64) -> u8 {
    // 1 January 1970 was a Thursday.
    ((days + 3) % 7 + 1) as u8
}

impl Assistant {
    /// Whether the handover is offered to this turn's user.
    pub(super) fn offers_handover(&self, channel: Channel) -> bool {
        match (&self.handover, channel) {
            (Some(_), Channel::Telegram { private: true }) => true,
            (Some(handover), Channel::Web) => handover.web,
            _ => false,
        }
    }

    /// The commands of the menu: with `/counsellor` where a staff chat is
    /// configured.
    pub fn commands(&self) -> Vec<(&'static str, &'static str)> {
        let mut commands = views::COMMANDS.to_vec();
        if self.handover.is_some() {
            commands.push(views::COUNSELLOR_COMMAND);
        }
        commands
    }

    /// `/counsellor`, `/start counsellor` or the button: the consent
    /// screen, or the open case's state.
    pub(super) async fn counsellor(&self, turn: &Turn<'_>, query: Option<QueryId>) -> Vec<Effect> {
        let (view, ui) = (&turn.view, turn.ui);
        if !self.offers_handover(turn.channel) {
            return vec![Effect::Send(view.notice(ui, "handover-private-only"))];
        }
        match self.storage.open_case_of(turn.user).await {
            Ok(Some(case)) => return vec![Effect::Send(self.case_status(turn, &case, false))],
            Ok(None) => {}
            Err(err) => {
                log::error!("reading a user's case: {err}");
                return vec![Effect::Send(view.notice(ui, "handover-unavailable"))];
            }
        }
        let asker = UserTag::of(turn.user);
        let days = [("days", Arg::Number(i64::from(self.retention_days)))];
        let consent = |agreed| Action::Consent { agreed, asker, query }.encode();
        let web = turn.channel == Channel::Web;
        // A web visitor has no Telegram id, and sends text only.
        let shared = if web {
            "handover-consent-shared-web"
        } else {
            "handover-consent-shared"
        };
        let mut message = Message {
            blocks: vec![
                Block::bold(view.catalog.text(ui, "handover-consent-title"), ui),
                Block::plain(view.catalog.text(ui, shared), ui),
                Block::plain(view.catalog.format(ui, "handover-consent-kept", &days), ui),
            ],
            buttons: vec![
                vec![Button::action(
                    view.catalog.text(ui, "button-consent-yes"),
                    consent(true),
                )],
                vec![Button::action(
                    view.catalog.text(ui, "button-consent-no"),
                    consent(false),
                )],
            ],
            lang: Some(ui),
            ..Message::default()
        };
        if web {
            // The one place a text is kept: the visitor is told before.
            let kept = view.catalog.format(ui, "handover-consent-web-kept", &days);
            message.blocks.push(Block::plain(kept, ui));
        }
        message.blocks.extend([
            Block::gap(ui),
            Block::bold(view.catalog.text(ui, "handover-consent-emergency"), ui),
        ]);
        vec![Effect::Send(message)]
    }

    /// The answer to the consent screen: with a yes, the case is opened
    /// and its topic asked for; nothing is sent to staff without it.
    pub(super) async fn consent(
        &self,
        turn: &Turn<'_>,
        agreed: bool,
        asker: UserTag,
        query: Option<QueryId>,
        reach: Option<Reach>,
    ) -> Vec<Effect> {
        let (view, ui) = (&turn.view, turn.ui);
        let edited = |id: &str| {
            let mut message = view.notice(ui, id);
            message.edit = true;
            vec![Effect::Edit(message)]
        };
        if asker != UserTag::of(turn.user) {
            return vec![Effect::Send(view.notice(ui, "not-your-button"))];
        }
        if !agreed {
            return edited("handover-declined");
        }
        let (true, Some(reach)) = (self.offers_handover(turn.channel), reach) else {
            return vec![Effect::Send(view.notice(ui, "handover-private-only"))];
        };
        match self.storage.open_case_of(turn.user).await {
            Ok(Some(case)) => return vec![Effect::Send(self.case_status(turn, &case, true))],
            Ok(None) => {}
            Err(err) => {
                log::error!("reading a user's case: {err}");
                return edited("handover-unavailable");
            }
        }
        // Only the asker's own search is their question.
        let question = match query {
            Some(query) => self.own_search(turn, query).await.ok(),
            None => None,
        };
        let category = question
            .as_ref()
            .and_then(|search| self.category_of(turn, &search.text, search.lang));
        let new = NewCase {
            user: turn.user.clone(),
            lang: ui,
            category: category.map_or(String::new(), |c| c.name().to_string()),
            question: question.as_ref().map(|search| search.id),
            at: unix_now(),
            door: if turn.channel == Channel::Web {
                Door::Web
            } else {
                Door::Telegram
            },
        };
        let case = match self.storage.open_case(new, &reach).await {
            Ok(case) => case,
            Err(err) => {
                log::error!("opening a case: {err}");
                return edited("handover-unavailable");
            }
        };
        let open = self.open_topic(turn, &case, false).await;
        let number = [("case", Arg::Number(case.id.0))];
        // The web carries text only, from a field of its own.
        let opened = if turn.channel == Channel::Web {
            "handover-opened-web"
        } else {
            "handover-opened"
        };
        let mut opened = view.lines(ui, &view.catalog.format(ui, opened, &number));
        opened.buttons = vec![vec![self.end_button(turn)]];
        opened.edit = true;
        vec![open, Effect::Edit(opened)]
    }

    /// The step that opens the case's topic, with its card.
    async fn open_topic(&self, turn: &Turn<'_>, case: &Case, again: bool) -> Effect {
        let view = &turn.view;
        let category = Category::from_name(&case.category).map_or_else(
            || view.catalog.text(STAFF_LANG, "staff-no-category"),
            |c| view.catalog.text(STAFF_LANG, c.message_id()),
        );
        // A short number, the language and a category: never who it is.
        let title = format!("#{} · {} · {category}", case.id.0, case.lang.code());
        let card = self.case_card(turn, case, again).await;
        Effect::Case(CaseEffect::OpenTopic {
            case: case.id,
            title,
            card,
        })
    }

    /// The first post of a case's topic: the language, the question, and
    /// the searches of this conversation with the entries they showed.
    async fn case_card(&self, turn: &Turn<'_>, case: &Case, again: bool) -> Message {
        let catalog = turn.view.catalog;
        let de = STAFF_LANG;
        let text = |id: &str| catalog.text(de, id);
        let mut blocks = vec![Block::bold(
            catalog.format(de, "staff-card-title", &[("case", Arg::Number(case.id.0))]),
            de,
        )];
        if again {
            blocks.push(Block::plain(text("staff-topic-again"), de));
        }
        blocks.push(Block {
            spans: vec![
                Span::bold(format!("{}: ", text("staff-card-lang"))),
                Span::plain(self.staff_lang_name(case.lang)),
            ],
            lang: de,
        });
        let door = [("door", Arg::Text(case.door.name().to_string()))];
        blocks.push(Block {
            spans: vec![
                Span::bold(format!("{}: ", text("staff-card-door"))),
                Span::plain(catalog.format(de, "staff-door", &door)),
            ],
            lang: de,
        });
        let question = match case.question {
            Some(id) => self.storage.search(id).await.ok().flatten(),
            None => None,
        };
        let asked = question
            .as_ref()
            .map_or_else(|| text("staff-card-no-question"), |q| q.text.clone());
        blocks.push(Block {
            spans: vec![
                Span::bold(format!("{}: ", text("staff-card-question"))),
                Span::plain(asked),
            ],
            lang: de,
        });
        let since = case.opened_at.saturating_sub(CARD_SEARCHES_SECS);
        let searches = self
            .storage
            .searches_since(&case.user, since, CARD_SEARCHES)
            .await
            .unwrap_or_else(|err| {
                log::error!("reading searches for a case card: {err}");
                Vec::new()
            });
        if !searches.is_empty() {
            blocks.push(Block::gap(de));
            blocks.push(Block::bold(text("staff-card-searches"), de));
            for search in &searches {
                let shown = self.shown_entries(turn, &search.text, search.lang);
                let shown = if shown.is_empty() {
                    text("staff-card-nothing-shown")
                } else {
                    shown.join("; ")
                };
                blocks.push(Block::plain(format!("• {} → {shown}", search.text), de));
            }
        }
        blocks.push(Block::gap(de));
        blocks.push(Block::plain(text("staff-card-how"), de));
        Message {
            blocks,
            lang: Some(de),
            ..Message::default()
        }
    }

    /// The German titles of the entries a search showed as answers. The
    /// same search gives the same answers, so it is asked again rather
    /// than kept.
    fn shown_entries(&self, turn: &Turn<'_>, text: &str, lang: Lang) -> Vec<String> {
        let options = AskOptions {
            lang: Some(lang),
            hint: Some(lang),
            offset: 0,
            limit: CARD_ENTRIES,
        };
        let Ok(answer) = turn.library.ask(text, options) else {
            return Vec::new();
        };
        answer
            .hits
            .iter()
            .filter_map(|hit| turn.library.knowledge().get(&hit.id))
            .map(|entry| entry.texts_for(STAFF_LANG).1.title().to_string())
            .collect()
    }

    /// The category of the best entry a question finds, answer or weak
    /// match.
    fn category_of(&self, turn: &Turn<'_>, text: &str, lang: Lang) -> Option<Category> {
        let options = AskOptions {
            lang: Some(lang),
            hint: Some(lang),
            offset: 0,
            limit: 1,
        };
        let answer = turn.library.ask(text, options).ok()?;
        let best = answer.hits.first().or(answer.related.first())?;
        let entry = turn.library.knowledge().get(&best.id)?;
        Category::ALL.into_iter().find(|c| c.kinds().contains(&entry.kind))
    }

    /// The user's language as staff read it: its German name and code.
    fn staff_lang_name(&self, lang: Lang) -> String {
        let code = [("code", Arg::Text(lang.code().to_string()))];
        self.catalog.format(STAFF_LANG, "staff-lang", &code)
    }

    /// What the user's open case is doing, with the buttons to change it.
    fn case_status(&self, turn: &Turn<'_>, case: &Case, edit: bool) -> Message {
        let (view, ui) = (&turn.view, turn.ui);
        let number = [("case", Arg::Number(case.id.0))];
        let routing = if case.relay {
            "handover-routing-counsellor"
        } else {
            "handover-routing-search"
        };
        let mut message = view.lines(
            ui,
            &format!(
                "{}\n{}",
                view.catalog.format(ui, "handover-status", &number),
                view.catalog.text(ui, routing)
            ),
        );
        message.buttons = vec![vec![self.relay_button(turn, !case.relay)], vec![self.end_button(turn)]];
        message.edit = edit;
        message
    }

    fn relay_button(&self, turn: &Turn<'_>, relay: bool) -> Button {
        let label = if relay {
            "button-write-counsellor"
        } else {
            "button-search-instead"
        };
        Button::action(turn.view.catalog.text(turn.ui, label), Action::Relay(relay).encode())
    }

    fn end_button(&self, turn: &Turn<'_>) -> Button {
        Button::action(
            turn.view.catalog.text(turn.ui, "button-end-case"),
            Action::EndCase.encode(),
        )
    }

    /// The user's open case whose messages go to the counsellor, if any:
    /// then their text and media are copied into its topic.
    pub(super) async fn relaying_case(&self, turn: &Turn<'_>) -> Option<Case> {
        if !self.offers_handover(turn.channel) {
            return None;
        }
        match self.storage.open_case_of(turn.user).await {
            Ok(case) => case.filter(|c| c.relay),
            Err(err) => {
                // Searching the message beats losing it silently.
                log::error!("reading a user's case: {err}; the message is searched");
                None
            }
        }
    }

    /// A user's message in an open case: copied into the topic (a web
    /// visitor's `text`, which has no message to copy, posted there and
    /// marked as theirs). The first gets the automatic reply that says
    /// when to expect an answer; on the web, each later one a line that
    /// it arrived.
    pub(super) async fn to_counsellor(&self, turn: &Turn<'_>, mut case: Case, text: Option<&str>) -> Vec<Effect> {
        let now = unix_now();
        let post = (case.door == Door::Web).then(|| Message {
            blocks: vec![
                Block::bold(self.catalog.text(STAFF_LANG, "staff-web-visitor"), STAFF_LANG),
                Block::plain(text.unwrap_or_default(), STAFF_LANG),
            ],
            lang: Some(STAFF_LANG),
            ..Message::default()
        });
        let first = case.user_wrote_at.is_none();
        case.user_wrote_at = Some(now);
        if let Err(err) = self.storage.update_case(&case).await {
            log::error!("updating a case: {err}");
        }
        let mut effects = vec![Effect::Case(match case.topic {
            Some(topic) => CaseEffect::CopyToTopic {
                case: case.id,
                topic: Some(topic),
                post,
            },
            // The topic could not be opened before: again, then the copy.
            None => {
                let copy = Effect::Case(CaseEffect::CopyToTopic {
                    case: case.id,
                    topic: None,
                    post,
                });
                return vec![self.open_topic(turn, &case, true).await, copy];
            }
        })];
        if first {
            let (view, ui) = (&turn.view, turn.ui);
            let mut reply = view.lines(
                ui,
                &format!(
                    "{}\n{}",
                    view.catalog.text(ui, "handover-received"),
                    self.expectation(turn, now)
                ),
            );
            reply.buttons = vec![vec![self.relay_button(turn, false)], vec![self.end_button(turn)]];
            effects.push(Effect::Send(reply));
        } else if case.door == Door::Web {
            // A web page shows no sent message of its own: each is
            // confirmed.
            effects.push(Effect::Send(turn.view.notice(turn.ui, "handover-received")));
        }
        effects
    }

    /// When to expect an answer, by the office hours.
    fn expectation(&self, turn: &Turn<'_>, now: u64) -> String {
        let (catalog, ui) = (turn.view.catalog, turn.ui);
        let Some(handover) = &self.handover else {
            return String::new();
        };
        let office = &handover.office;
        let hours = [
            ("opens", Arg::Number(i64::from(office.opens))),
            ("closes", Arg::Number(i64::from(office.closes))),
        ];
        if office.is_open(now) {
            let within = [(
                "hours",
                Arg::Number((handover.unanswered_after_secs / 3600).max(1) as i64),
            )];
            return catalog.format(ui, "handover-expect-open", &within);
        }
        match office.next_opening(now) {
            Some(day) => {
                let mut args = hours.to_vec();
                args.push(("day", Arg::Text(catalog.text(ui, &format!("weekday-{day}")))));
                catalog.format(ui, "handover-expect-closed", &args)
            }
            None => catalog.text(ui, "handover-expect-later"),
        }
    }

    /// The buttons of an open case: where the user's text goes, and ending
    /// it.
    pub(super) async fn case_action(&self, turn: &Turn<'_>, action: &Action) -> Option<Vec<Effect>> {
        let (view, ui) = (&turn.view, turn.ui);
        self.handover.as_ref()?;
        let relay = match action {
            Action::Relay(relay) => Some(*relay),
            Action::EndCase => None,
            _ => return None,
        };
        let case = match self.storage.open_case_of(turn.user).await {
            Ok(Some(case)) => case,
            Ok(None) => {
                let mut gone = view.notice(ui, "handover-no-case");
                gone.edit = true;
                return Some(vec![Effect::Edit(gone)]);
            }
            Err(err) => {
                log::error!("reading a user's case: {err}");
                return Some(vec![Effect::Send(view.notice(ui, "handover-unavailable"))]);
            }
        };
        Some(match relay {
            Some(relay) => {
                let case = Case { relay, ..case };
                if let Err(err) = self.storage.update_case(&case).await {
                    log::error!("updating a case: {err}");
                }
                vec![Effect::Edit(self.case_status(turn, &case, true))]
            }
            None => {
                let mut effects = self.close(&case, "staff-closed-by-user").await;
                effects.push(Effect::Edit({
                    let mut ended = self.closed_message(turn.view.catalog, ui, case.id);
                    ended.edit = true;
                    ended
                }));
                effects
            }
        })
    }

    /// Closes a case: its reach is deleted, staff are told why (`why`, a
    /// staff message, or none), and its topic is closed.
    async fn close(&self, case: &Case, why: &str) -> Vec<Effect> {
        if let Err(err) = self.storage.close_case(case.id, unix_now()).await {
            log::error!("closing a case: {err}");
        }
        let Some(topic) = case.topic else {
            return Vec::new();
        };
        let mut effects = Vec::new();
        if !why.is_empty() {
            let message = Message {
                blocks: vec![Block::plain(self.catalog.text(STAFF_LANG, why), STAFF_LANG)],
                lang: Some(STAFF_LANG),
                ..Message::default()
            };
            effects.push(Effect::Case(CaseEffect::PostToTopic { topic, message }));
        }
        effects.push(Effect::Case(CaseEffect::CloseTopic(topic)));
        effects
    }

    /// What the user reads when their case is closed.
    fn closed_message(&self, catalog: &crate::i18n::Catalog, lang: Lang, case: CaseId) -> Message {
        let number = [("case", Arg::Number(case.0))];
        Message {
            blocks: vec![Block::plain(catalog.format(lang, "handover-closed", &number), lang)],
            lang: Some(lang),
            ..Message::default()
        }
    }

    /// A message in the staff chat: a reply to a case's user, an internal
    /// `/note`, `/close`, or `/cases`. Never a search. A reply to a web
    /// visitor is kept for their page: its `text`, and whether it came
    /// with a `file` the web cannot show.
    pub(super) async fn staff(
        &self,
        topic: Option<TopicId>,
        command: Option<&str>,
        reply_to: Option<i64>,
        text: Option<&str>,
        file: bool,
    ) -> Vec<Effect> {
        if self.handover.is_none() {
            return Vec::new();
        }
        let command = command.map(str::to_lowercase);
        if command.as_deref() == Some("cases") {
            return vec![Effect::Send(self.open_case_list().await)];
        }
        let Some(topic) = topic else {
            // The General topic is the staff's own.
            return Vec::new();
        };
        let case = match self.storage.case_by_topic(topic).await {
            Ok(Some(case)) => case,
            Ok(None) => return Vec::new(),
            Err(err) => {
                log::error!("reading the case of a topic: {err}");
                return vec![self.staff_post(topic, "staff-not-delivered")];
            }
        };
        match command.as_deref() {
            // Internal: stays in the topic.
            Some("note") => Vec::new(),
            Some("close") if case.is_open() => {
                let mut effects = Vec::new();
                // A web visitor's page shows the closed case from storage.
                if let Some(reach) = case.reach.clone().filter(|_| case.door == Door::Telegram) {
                    let message = self.closed_message(&self.catalog, case.lang, case.id);
                    effects.push(Effect::Case(CaseEffect::SendToUser {
                        case: case.id,
                        reach,
                        message,
                    }));
                }
                effects.extend(self.close(&case, "").await);
                effects
            }
            Some("close") => vec![self.staff_post(topic, "staff-already-closed")],
            Some(_) => Vec::new(),
            None => {
                let Some(reach) = case.reach.clone().filter(|_| case.is_open()) else {
                    return vec![self.staff_post(topic, "staff-not-delivered")];
                };
                let answered = Case {
                    answered_at: Some(unix_now()),
                    ..case.clone()
                };
                if case.door == Door::Web {
                    return self.keep_for_web(&answered, topic, text, file).await;
                }
                if let Err(err) = self.storage.update_case(&answered).await {
                    log::error!("updating a case: {err}");
                }
                let number = [("case", Arg::Number(case.id.0))];
                let header = Message {
                    blocks: vec![Block::bold(
                        self.catalog.format(case.lang, "handover-from-counsellor", &number),
                        case.lang,
                    )],
                    lang: Some(case.lang),
                    ..Message::default()
                };
                // A reply to the user's message in the topic answers the
                // same message in their chat.
                let reply_to = match reply_to {
                    Some(message) => match self.storage.pair_in_topic(case.id, message).await {
                        Ok(pair) => pair.map(|p| p.user_message),
                        Err(err) => {
                            log::error!("reading a message pair: {err}");
                            None
                        }
                    },
                    None => None,
                };
                vec![Effect::Case(CaseEffect::CopyToUser {
                    case: case.id,
                    reach,
                    header,
                    reply_to,
                })]
            }
        }
    }

    /// A counsellor's reply to a web visitor: kept (sealed) for their
    /// page, which shows text only; staff are told when a file cannot
    /// reach them.
    async fn keep_for_web(&self, answered: &Case, topic: TopicId, text: Option<&str>, file: bool) -> Vec<Effect> {
        let text = text.map(str::trim).unwrap_or_default();
        if text.is_empty() && !file {
            return Vec::new();
        }
        let reply = Reply {
            at: unix_now(),
            text: text.to_string(),
            file,
        };
        if let Err(err) = self.storage.keep_reply(answered.id, &reply).await {
            log::error!("keeping a reply for a web visitor: {err}");
            return vec![self.staff_post(topic, "staff-not-delivered")];
        }
        if let Err(err) = self.storage.update_case(answered).await {
            log::error!("updating a case: {err}");
        }
        if file {
            vec![self.staff_post(topic, "staff-web-text-only")]
        } else {
            Vec::new()
        }
    }

    /// What a web visitor's page shows of their latest case (only an
    /// open one where `only_open`): its state with its buttons, and the
    /// counsellors' replies, in the page's language `lang`.
    pub async fn web_case(&self, user: &UserKey, lang: Lang, only_open: bool) -> Option<CaseThread> {
        if !self.offers_handover(Channel::Web) {
            return None;
        }
        // Every page asks for the open case: one row by the user's key.
        let found = if only_open {
            self.storage.open_case_of(user).await
        } else {
            self.storage.cases_of(user).await.map(|cases| cases.into_iter().last())
        };
        let case = match found {
            Ok(case) => case.filter(|c| c.door == Door::Web)?,
            Err(err) => {
                log::error!("reading a visitor's cases: {err}");
                return None;
            }
        };
        let library = self.library();
        let turn = self.turn(&library, user, Channel::Web, Some(lang), true);
        let mut messages = vec![if case.is_open() {
            self.case_status(&turn, &case, false)
        } else {
            self.closed_message(&self.catalog, lang, case.id)
        }];
        let replies = self.storage.replies(case.id).await.unwrap_or_else(|err| {
            log::error!("reading a web case's replies: {err}");
            Vec::new()
        });
        let number = [("case", Arg::Number(case.id.0))];
        for reply in replies {
            let mut blocks = vec![Block::bold(
                self.catalog.format(lang, "handover-from-counsellor", &number),
                lang,
            )];
            blocks.extend(reply.text.lines().map(|line| Block::plain(line, case.lang)));
            if reply.file {
                blocks.push(Block::plain(self.catalog.text(lang, "handover-web-file"), lang));
            }
            messages.push(Message {
                blocks,
                lang: Some(lang),
                ..Message::default()
            });
        }
        Some(CaseThread {
            case: case.id,
            open: case.is_open(),
            relay: case.relay,
            messages,
        })
    }

    /// A staff message posted in a topic.
    fn staff_post(&self, topic: TopicId, id: &str) -> Effect {
        let message = Message {
            blocks: vec![Block::plain(self.catalog.text(STAFF_LANG, id), STAFF_LANG)],
            lang: Some(STAFF_LANG),
            ..Message::default()
        };
        Effect::Case(CaseEffect::PostToTopic { topic, message })
    }

    /// `/cases`: the open cases, oldest first, with their age; those
    /// whose user has waited too long are flagged.
    async fn open_case_list(&self) -> Message {
        let de = STAFF_LANG;
        let cases = match self.storage.open_cases().await {
            Ok(cases) => cases,
            Err(err) => {
                log::error!("listing open cases: {err}");
                Vec::new()
            }
        };
        let threshold = self.handover.as_ref().map_or(u64::MAX, |h| h.unanswered_after_secs);
        let now = unix_now();
        let mut blocks = vec![Block::bold(
            self.catalog
                .format(de, "staff-cases-title", &[("count", Arg::Number(cases.len() as i64))]),
            de,
        )];
        for case in &cases {
            let open = [("age", Arg::Text(self.age(now.saturating_sub(case.opened_at))))];
            let mut line = format!(
                "#{} · {} · {}",
                case.id.0,
                self.staff_lang_name(case.lang),
                self.catalog.format(de, "staff-case-open", &open)
            );
            let waiting = match (case.user_wrote_at, case.answered_at) {
                (Some(wrote), Some(answered)) if answered >= wrote => None,
                (Some(wrote), _) => Some(wrote),
                (None, None) => Some(case.opened_at),
                (None, Some(_)) => None,
            };
            if let Some(since) = waiting.filter(|since| now.saturating_sub(*since) > threshold) {
                line.push_str(" · ⚠️ ");
                let waited = [("age", Arg::Text(self.age(now.saturating_sub(since))))];
                line.push_str(&self.catalog.format(de, "staff-unanswered", &waited));
            }
            blocks.push(Block::plain(line, de));
        }
        Message {
            blocks,
            lang: Some(de),
            ..Message::default()
        }
    }

    /// An age for staff: minutes below two hours, else hours.
    fn age(&self, secs: u64) -> String {
        if secs < 2 * 3600 {
            let minutes = [("minutes", Arg::Number((secs / 60) as i64))];
            self.catalog.format(STAFF_LANG, "staff-age-minutes", &minutes)
        } else {
            let hours = [("hours", Arg::Number((secs / 3600) as i64))];
            self.catalog.format(STAFF_LANG, "staff-age-hours", &hours)
        }
    }

    /// `/forget` deletes the user's topics with their cases: the steps
    /// that delete the topics (the cases go with the user's rows).
    pub(super) async fn forget_topics(&self, turn: &Turn<'_>) -> Vec<Effect> {
        if self.handover.is_none() {
            return Vec::new();
        }
        match self.storage.cases_of(turn.user).await {
            Ok(cases) => cases
                .iter()
                .filter_map(|case| case.topic)
                .map(|topic| Effect::Case(CaseEffect::DeleteTopic(topic)))
                .collect(),
            Err(err) => {
                log::error!("reading a user's cases to forget: {err}");
                Vec::new()
            }
        }
    }

    /// The door opened the topic of `case`: it is kept for the next
    /// message, on any replica.
    pub async fn topic_opened(&self, case: CaseId, topic: TopicId) {
        match self.storage.case(case).await {
            Ok(Some(kept)) => {
                let case = Case {
                    topic: Some(topic),
                    ..kept
                };
                if let Err(err) = self.storage.update_case(&case).await {
                    log::error!("keeping a case's topic: {err}");
                }
            }
            Ok(None) => {
                log::warn!("a topic was opened for a case that is gone");
            }
            Err(err) => {
                log::error!("reading a case: {err}");
            }
        }
    }

    /// The door could not open the topic of `case` (no staff chat, no
    /// right to manage topics): a case nobody sees is no case. It is
    /// deleted, and the user is told, in the effects returned.
    pub async fn topic_failed(&self, case: CaseId) -> Vec<Effect> {
        let lang = match self.storage.case(case).await {
            Ok(Some(case)) => case.lang,
            _ => Lang::CANONICAL,
        };
        if let Err(err) = self.storage.delete_case(case).await {
            log::error!("deleting a case without a topic: {err}");
        }
        let message = Message {
            blocks: vec![Block::plain(self.catalog.text(lang, "handover-unavailable"), lang)],
            lang: Some(lang),
            ..Message::default()
        };
        vec![Effect::Send(message)]
    }

    /// The topic of `case` is gone (deleted by staff): the step that opens
    /// it again, with the case card, if the case is still open.
    pub async fn topic_lost(&self, case: CaseId) -> Option<Effect> {
        let case = self.storage.case(case).await.ok().flatten()?;
        if !case.is_open() {
            return None;
        }
        let library = self.library();
        let turn = self.turn(
            &library,
            &case.user,
            Channel::Telegram { private: true },
            Some(case.lang),
            false,
        );
        Some(self.open_topic(&turn, &case, true).await)
    }

    /// The case's user cannot be reached (they blocked Lotse): the case
    /// is closed, and staff are told in its topic.
    pub async fn user_unreachable(&self, case: CaseId) -> Vec<Effect> {
        match self.storage.case(case).await {
            Ok(Some(case)) if case.is_open() => self.close(&case, "staff-user-unreachable").await,
            Ok(_) => Vec::new(),
            Err(err) => {
                log::error!("reading a case: {err}");
                Vec::new()
            }
        }
    }

    /// `user` blocked Lotse: their open case, if any, is closed, and
    /// staff are told.
    pub async fn user_blocked(&self, user: &UserKey) -> Vec<Effect> {
        if self.handover.is_none() {
            return Vec::new();
        }
        match self.storage.open_case_of(user).await {
            Ok(Some(case)) => self.close(&case, "staff-user-unreachable").await,
            Ok(None) => Vec::new(),
            Err(err) => {
                log::error!("reading a user's case: {err}");
                Vec::new()
            }
        }
    }

    /// The door relayed a message of `case`: the pair of its ids is kept
    /// (never its text).
    pub async fn relayed(&self, case: CaseId, pair: MessagePair) {
        if let Err(err) = self.storage.relayed(case, pair).await {
            log::error!("keeping a relayed message's ids: {err}");
        }
    }

    /// What the user of `case` reads when their message could not be
    /// copied into its topic.
    pub async fn not_delivered(&self, case: CaseId) -> Message {
        let lang = match self.storage.case(case).await {
            Ok(Some(case)) => case.lang,
            _ => Lang::CANONICAL,
        };
        Message {
            blocks: vec![Block::plain(self.catalog.text(lang, "handover-not-delivered"), lang)],
            lang: Some(lang),
            ..Message::default()
        }
    }

    /// The case `id`'s topic, as storage has it now.
    pub async fn case_topic(&self, id: CaseId) -> Option<TopicId> {
        self.storage.case(id).await.ok().flatten()?.topic
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_time_follows_summer_time() {
        // 2026-01-05 (a Monday) 08:30 UTC is 09:30 in Berlin.
        let monday_winter = days_from_civil(2026, 1, 5) * 86_400 + 8 * 3600 + 1800;
        assert_eq!(weekday(monday_winter / 86_400), 1);
        let office = OfficeHours::default();
        assert!(office.is_open(monday_winter));
        // 2026-07-06 (a Monday) 07:30 UTC is 09:30 in Berlin (CEST).
        let monday_summer = days_from_civil(2026, 7, 6) * 86_400 + 7 * 3600 + 1800;
        assert!(office.is_open(monday_summer));
        // 2026-07-06 06:30 UTC is 08:30: not yet; it opens today.
        assert!(!office.is_open(monday_summer - 3600));
        assert_eq!(office.next_opening(monday_summer - 3600), Some(1));
        // Friday 2026-07-10, 17:00 Berlin: next is Monday.
        let friday_evening = days_from_civil(2026, 7, 10) * 86_400 + 15 * 3600;
        assert!(!office.is_open(friday_evening));
        assert_eq!(office.next_opening(friday_evening), Some(1));
        assert_eq!(civil_from_days(days_from_civil(2026, 12, 31)).0, 2026);
        assert_eq!(civil_from_days(days_from_civil(2027, 1, 1)).0, 2027);
        let never = OfficeHours {
            days: Vec::new(),
            opens: 9,
            closes: 16,
        };
        assert_eq!(never.next_opening(friday_evening), None);
    }
}
