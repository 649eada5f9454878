//! `src/assistant/`: what does Lotse answer to this?
//!
//! The conversation core: an [`Event`] (who acts, with which role, through
//! which channel, and what) goes in, a list of [`Effect`]s of plain data
//! comes out: send, edit, answer inline, a contact card, a notice for the
//! admins or the staff. Telegram, the terminal chat and the tests all drive
//! [`Assistant::handle`]; nothing here knows teloxide, tantivy or a
//! database. Roles and the admins' commands (`/stats`, `/reload`) and the
//! reload notices live here too: a door only translates and renders.
//! Conversation state (a user's language, the searches behind paging and
//! 👍/👎) is kept behind [`Storage`] and stored before the effects that
//! offer it are returned, so any process over the same storage can answer
//! the next press.

mod action;
mod handover;
mod reply;
mod storage;
mod views;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

pub use action::{Action, Category, QueryId, UserTag};
pub use handover::{CaseThread, Handover, OfficeHours, StaffDesk};
pub use reply::{
    Actor, Block, Button, CaseEffect, CaseId, Channel, ContactCard, Effect, Event, InlineResult, Input,
    MAX_ACTION_BYTES, Message, Reach, Role, Span, Style, Target, TopicId, UserKey,
};
pub use storage::{
    Case, Door, Journal, MemoryStorage, MessagePair, NewCase, NoJournal, NotForgotten, QueryRecord, Reply, Report,
    SavedSearch, Storage, StorageError, random_case_number, unix_now,
};
pub use views::COMMANDS;

use crate::i18n::{Arg, Catalog};
use crate::index::Location;
use crate::lang::Lang;
use crate::reload::{self, Outcome};
use crate::search::{Answer, AskOptions, Library, present};

/// Results per page of a search or a category.
pub const PAGE_SIZE: usize = 5;
/// Inline queries list at most this many entries.
pub const INLINE_LIMIT: usize = 10;
/// The interface language where the user's is not known and a message
/// cannot wait for them to choose one.
const FALLBACK_LANG: Lang = Lang::En;
/// The language of a notice to an admin Lotse has not heard from.
const ADMIN_FALLBACK_LANG: Lang = Lang::De;
/// Days the query log keeps its rows, unless told otherwise.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;
/// Days `/stats` looks back.
const STATS_DAYS: u32 = 7;

/// The conversation core.
pub struct Assistant {
    library: RwLock<Arc<Library>>,
    catalog: Catalog,
    storage: Arc<dyn Storage>,
    journal: Arc<dyn Journal>,
    retention_days: u32,
    admins: Vec<UserKey>,
    /// The language each admin's last command was answered in, for
    /// notices (a handful of admins: never more entries than them).
    admin_langs: Mutex<HashMap<UserKey, Lang>>,
    /// The knowledge folder `/reload` loads.
    knowledge: Option<(PathBuf, Location)>,
    /// The last reload of the knowledge, by whoever asked for it.
    last_reload: Mutex<Option<crate::reload::Note>>,
    /// The handover to counsellors, where a staff chat is configured.
    handover: Option<Handover>,
}

impl Assistant {
    pub fn new(library: Arc<Library>, storage: Arc<dyn Storage>) -> Assistant {
        Assistant {
            library: RwLock::new(library),
            catalog: Catalog::new(),
            storage,
            journal: Arc::new(NoJournal),
            retention_days: DEFAULT_RETENTION_DAYS,
            admins: Vec::new(),
            admin_langs: Mutex::new(HashMap::new()),
            knowledge: None,
            last_reload: Mutex::new(None),
            handover: None,
        }
    }

    /// Offers the handover to counsellors (`/counsellor`): the door has a
    /// staff chat to carry out the [`CaseEffect`]s.
    pub fn with_handover(mut self, handover: Handover) -> Assistant {
        self.handover = Some(handover);
        self
    }

    /// Reports searches and feedback to `journal`, which keeps them for
    /// `retention_days` (as `/privacy` tells users).
    pub fn with_journal(mut self, journal: Arc<dyn Journal>, retention_days: u32) -> Assistant {
        self.journal = journal;
        self.retention_days = retention_days;
        self
    }

    /// The admins: [`Assistant::actor`] gives them [`Role::Admin`], and
    /// they hear of reloads.
    pub fn with_admins(mut self, admins: Vec<UserKey>) -> Assistant {
        self.admins = admins;
        self
    }

    /// The knowledge folder an admin's `/reload` loads (and where its
    /// index goes); without it, `/reload` is no command.
    pub fn with_knowledge_folder(mut self, dir: PathBuf, location: Location) -> Assistant {
        self.knowledge = Some((dir, location));
        self
    }

    /// The actor `user` is, with their role.
    pub fn actor(&self, user: UserKey) -> Actor {
        let role = if self.admins.contains(&user) {
            Role::Admin
        } else {
            Role::User
        };
        Actor { user, role }
    }

    /// The library answers come from now.
    pub fn library(&self) -> Arc<Library> {
        self.library.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// What answering `user` on `channel` works with, in `lang` where it is
    /// known; `handover` says whether its views offer the counsellor.
    fn turn<'a>(
        &'a self,
        library: &'a Library,
        user: &'a UserKey,
        channel: Channel,
        lang: Option<Lang>,
        handover: bool,
    ) -> Turn<'a> {
        Turn {
            view: views::View {
                catalog: &self.catalog,
                knowledge: library.knowledge(),
                handover,
            },
            library,
            user,
            channel,
            lang,
            ui: lang.unwrap_or(FALLBACK_LANG),
        }
    }

    /// Swaps in a new library (a reloaded knowledge folder); events
    /// already running finish on the old one.
    pub fn replace_library(&self, library: Arc<Library>) {
        let old = std::mem::replace(&mut *self.library.write().unwrap_or_else(|e| e.into_inner()), library);
        // Outside the lock: freeing a large library takes a while (half a
        // second at 100,000 entries), and no event should wait for it.
        drop(old);
    }

    /// Notes a reload of the knowledge ([`crate::reload::reload`] does).
    pub fn note_reload(&self, note: crate::reload::Note) {
        *self.last_reload.lock().unwrap_or_else(|e| e.into_inner()) = Some(note);
    }

    /// The last reload of the knowledge since start, if any.
    pub fn last_reload(&self) -> Option<crate::reload::Note> {
        self.last_reload.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The user's language: their own choice, else their client's.
    pub async fn language_of(&self, user: &UserKey, client_lang: Option<Lang>) -> Option<Lang> {
        self.storage.language(user).await.or(client_lang)
    }

    /// Answers one event. Never fails: whatever comes in, effects a user
    /// can read go out. Whatever they offer (a search behind a button, a
    /// chosen language) is stored before they are returned.
    pub async fn handle(&self, event: Event) -> Vec<Effect> {
        self.handle_from(event, None).await
    }

    /// [`Assistant::handle`] for a door that can reach the user again
    /// (`reach`, such as a Telegram chat), which a case needs.
    pub async fn handle_from(&self, event: Event, reach: Option<Reach>) -> Vec<Effect> {
        if let Input::Staff {
            topic,
            command,
            reply_to,
            text,
            file,
        } = &event.input
        {
            return self
                .staff(*topic, command.as_deref(), *reply_to, text.as_deref(), *file)
                .await;
        }
        let library = self.library();
        let lang = self.language_of(&event.actor.user, event.client_lang).await;
        let handover = self.offers_handover(event.channel);
        let turn = self.turn(&library, &event.actor.user, event.channel, lang, handover);
        if matches!(event.input, Input::Text(_) | Input::NotText)
            && let Some(case) = self.relaying_case(&turn).await
        {
            let text = match &event.input {
                Input::Text(text) => Some(text.as_str()),
                _ => None,
            };
            return self.to_counsellor(&turn, case, text).await;
        }
        let messages = match &event.input {
            Input::Command { name, args } if self.handover.is_some() && is_counsellor(name, args) => {
                return self.counsellor(&turn, None).await;
            }
            Input::Command { name, args } => match self.admin_command(&turn, event.actor.role, name, args).await {
                Some(message) => vec![message],
                None => vec![self.command(&turn, name, args)],
            },
            Input::Text(text) => self.search(&turn, text.trim(), None, 0).await,
            Input::Button(data) => match Action::decode(data) {
                Some(Action::Counsellor(query)) if self.handover.is_some() => {
                    return self.counsellor(&turn, query).await;
                }
                Some(Action::Consent { agreed, asker, query }) if self.handover.is_some() => {
                    return self.consent(&turn, agreed, asker, query, reach).await;
                }
                Some(action) => {
                    if let Some(effects) = self.case_action(&turn, &action).await {
                        return effects;
                    }
                    let forgets =
                        matches!(action, Action::Forget { confirmed: true, asker } if asker == UserTag::of(turn.user));
                    // The topics go before the rows that name them.
                    let topics = if forgets {
                        self.forget_topics(&turn).await
                    } else {
                        Vec::new()
                    };
                    let mut done = topics;
                    done.extend(effects(vec![self.action(&turn, action).await]));
                    return done;
                }
                None => vec![turn.view.notice(turn.ui, "stale-button")],
            },
            Input::Inline(query) => return vec![Effect::Inline(self.inline(&turn, query).await)],
            Input::NotText => vec![turn.view.notice(turn.ui, "text-only")],
            Input::Staff { .. } => Vec::new(),
        };
        effects(messages)
    }

    /// Reloads the knowledge folder (see [`reload::reload`]) off the
    /// answering threads; `None` without a folder to load.
    pub async fn reload(&self, force: bool) -> Option<Outcome> {
        let (dir, location) = self.knowledge.clone()?;
        let serving = self.library();
        let prepared = tokio::task::spawn_blocking(move || reload::prepare(&serving, &dir, &location, force)).await;
        Some(match prepared {
            Ok(Ok(library)) => reload::swap_in(self, library),
            Ok(Err(outcome)) => outcome,
            Err(err) => Outcome::Rejected(vec![err.to_string()]),
        })
    }

    /// Tells every admin, each in their language, what a reload did.
    pub async fn reload_notices(&self, outcome: &Outcome) -> Vec<Effect> {
        let library = self.library();
        let view = views::View {
            catalog: &self.catalog,
            knowledge: library.knowledge(),
            handover: false,
        };
        let mut effects = Vec::with_capacity(self.admins.len());
        for admin in &self.admins {
            let seen = self
                .admin_langs
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(admin)
                .copied();
            let lang = match seen {
                Some(lang) => lang,
                None => self.storage.language(admin).await.unwrap_or(ADMIN_FALLBACK_LANG),
            };
            effects.push(Effect::NotifyAdmin {
                admin: admin.clone(),
                message: view.reload_outcome(lang, outcome),
            });
        }
        effects
    }

    /// An admin's command; `None` for anything else, which is then
    /// answered as anyone's.
    async fn admin_command(&self, turn: &Turn<'_>, role: Role, name: &str, args: &str) -> Option<Message> {
        if role != Role::Admin {
            return None;
        }
        self.admin_langs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(turn.user.clone(), turn.ui);
        match name {
            // The report quotes users' searches: only for the admin's eyes.
            "stats" if turn.channel.is_private() => {
                let since = unix_now().saturating_sub(u64::from(STATS_DAYS) * 86_400);
                Some(match self.storage.report(since).await {
                    Ok(report) => turn.view.admin_stats(turn.ui, STATS_DAYS, &report),
                    Err(err) => turn.view.lines(turn.ui, &crate::logging::redact(&err.to_string())),
                })
            }
            "reload" => {
                let outcome = self.reload(args.trim() == "force").await?;
                Some(turn.view.reload_outcome(turn.ui, &outcome))
            }
            _ => None,
        }
    }

    fn command(&self, turn: &Turn<'_>, name: &str, args: &str) -> Message {
        let (view, ui) = (&turn.view, turn.ui);
        match name.to_lowercase().as_str() {
            "start" => {
                let payload = args.trim();
                if let Some(category) = Category::from_name(payload) {
                    return view.browse(ui, category, 0, false);
                }
                if view.knowledge.get(payload).is_some() {
                    // A deep link from paper or the web: the entry first,
                    // in German where the reader's language is unknown.
                    return view.details(turn.lang.unwrap_or(Lang::CANONICAL), payload);
                }
                match turn.lang {
                    Some(lang) => view.start(lang, false),
                    None => view.language_picker(false),
                }
            }
            "language" | "lang" | "sprache" => view.language_picker(false),
            "help" => view.help(ui),
            "offers" => view.browse(ui, Category::Offers, 0, false),
            "publications" => view.browse(ui, Category::Publications, 0, false),
            "contacts" => view.browse(ui, Category::Contacts, 0, false),
            "about" => view.browse(ui, Category::About, 0, false),
            "privacy" => {
                let mut privacy = view.privacy(ui, self.retention_days);
                if view.handover && turn.channel == Channel::Web {
                    // Before the line on /forget: the kept replies.
                    let days = [("days", Arg::Number(i64::from(self.retention_days)))];
                    let at = privacy.blocks.len().saturating_sub(2);
                    let web = Block::plain(view.catalog.format(ui, "privacy-handover-web", &days), ui);
                    privacy.blocks.insert(at, web);
                }
                privacy
            }
            "forget" => view.forget_confirm(ui, UserTag::of(turn.user)),
            _ => view.notice(ui, "unknown-command"),
        }
    }

    async fn action(&self, turn: &Turn<'_>, action: Action) -> Message {
        let (view, ui) = (&turn.view, turn.ui);
        match action {
            Action::PickLanguage => view.language_picker(true),
            Action::SetLanguage(chosen) => {
                if let Err(err) = self.storage.set_language(turn.user, chosen).await {
                    log::error!("storing a language: {err}");
                }
                view.language_set(chosen)
            }
            Action::Menu => view.start(ui, true),
            Action::Details(id) => view.details(ui, &id),
            Action::SaveContact(id) => view.contact_card(ui, &id),
            Action::Browse { category, page } => view.browse(ui, category, page, true),
            Action::Page { query, offset } => match self.own_search(turn, query).await {
                // A further page is one message: the language offer came
                // with the first.
                Ok(search) => self
                    .search(turn, &search.text, Some(search.id), offset)
                    .await
                    .swap_remove(0),
                Err(refusal) => refusal,
            },
            Action::Feedback { query, helpful } => match self.own_search(turn, query).await {
                Ok(_) => {
                    self.journal.feedback(query, turn.user, helpful);
                    view.notice(ui, "feedback-thanks")
                }
                Err(refusal) => refusal,
            },
            // In a group everyone sees the question; only the asker answers.
            Action::Forget { asker, .. } if asker != UserTag::of(turn.user) => view.notice(ui, "not-your-button"),
            Action::Forget { confirmed: true, .. } => {
                let outcome = match self.storage.forget(turn.user).await {
                    Ok(()) => "forget-done",
                    Err(NotForgotten) => "forget-failed",
                };
                let mut done = view.notice(ui, outcome);
                done.edit = true;
                done
            }
            Action::Forget { confirmed: false, .. } => {
                let mut kept = view.notice(ui, "forget-cancelled");
                kept.edit = true;
                kept
            }
            // Without a staff chat (any more), a handover button is stale.
            Action::Counsellor(_) | Action::Consent { .. } | Action::Relay(_) | Action::EndCase => {
                view.notice(ui, "stale-button")
            }
        }
    }

    /// The presser's own search `query`, or the polite answer to a button
    /// whose search they do not have: someone else's (in a group), or one
    /// gone (too old, forgotten, forged).
    async fn own_search(&self, turn: &Turn<'_>, query: QueryId) -> Result<SavedSearch, Message> {
        match self.storage.search(query).await {
            Ok(Some(search)) if &search.user == turn.user => Ok(search),
            Ok(Some(_)) => Err(turn.view.notice(turn.ui, "not-your-button")),
            Ok(None) => Err(turn.view.notice(turn.ui, "stale-button")),
            Err(err) => {
                log::error!("reading a search: {err}");
                Err(turn.view.notice(turn.ui, "stale-button"))
            }
        }
    }

    /// A search, or a further page of one (`known` is its id then).
    async fn search(&self, turn: &Turn<'_>, text: &str, known: Option<QueryId>, offset: usize) -> Vec<Message> {
        if text.is_empty() {
            return vec![turn.view.notice(turn.ui, "empty-query")];
        }
        let options = AskOptions {
            lang: turn.lang,
            hint: turn.lang,
            offset,
            limit: PAGE_SIZE,
        };
        match turn.library.ask(text, options) {
            Ok(answer) => self.answer(turn, &answer, known, offset).await,
            // An index error is the operator's problem; the user gets the
            // kind answer with the network's contact.
            Err(_) => vec![turn.view.no_results(turn.ui, &[])],
        }
    }

    /// The reply to a search's answer. A new search is stored (for its
    /// buttons) and reported to the journal; paging is not a new search.
    ///
    /// The reply is in one language: the user's own, unless the whole
    /// message is confidently in another of the twelve. Then a second
    /// message offers to switch for good (with the first page only). A
    /// user without a language takes the one they confidently wrote in,
    /// so that details and hints follow in it; else they get the fallback.
    async fn answer(&self, turn: &Turn<'_>, answer: &Answer, known: Option<QueryId>, offset: usize) -> Vec<Message> {
        let written = written_lang(answer);
        let lang = written.unwrap_or(turn.ui);
        let id = match known {
            Some(id) => Some(id),
            None => self.remember(turn, answer, lang).await,
        };
        let mut messages = vec![if answer.hits.is_empty() && offset == 0 {
            let mut none = turn.view.no_results(lang, &answer.related);
            if turn.view.handover {
                none.buttons.insert(0, vec![turn.view.counsellor_button(lang, id)]);
            }
            none
        } else {
            turn.view.results(lang, answer, id, offset, known.is_some())
        }];
        match (turn.lang, written) {
            (None, Some(written)) => {
                if let Err(err) = self.storage.set_language(turn.user, written).await {
                    log::error!("storing a language: {err}");
                }
            }
            (Some(own), Some(written)) if own != written && known.is_none() => {
                messages.push(turn.view.language_switch(written));
            }
            _ => {}
        }
        messages
    }

    async fn inline(&self, turn: &Turn<'_>, query: &str) -> Vec<InlineResult> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let options = AskOptions {
            lang: turn.lang,
            hint: turn.lang,
            offset: 0,
            limit: INLINE_LIMIT,
        };
        let Ok(answer) = turn.library.ask(query, options) else {
            return Vec::new();
        };
        // In one language, by the same rule as a search in the chat.
        let lang = written_lang(&answer).unwrap_or(turn.ui);
        self.remember(turn, &answer, lang).await;
        answer
            .hits
            .iter()
            .filter_map(|hit| {
                let entry = turn.library.knowledge().get(&hit.id)?;
                let shown = present(entry, lang, hit.score);
                Some(InlineResult {
                    id: shown.id,
                    kind: shown.kind,
                    title: shown.title,
                    description: shown.summary,
                    message: turn.view.details(lang, &hit.id),
                })
            })
            .collect()
    }

    /// Stores a new search for paging and feedback, and reports it to the
    /// journal as answered in `lang`. `None` where storage failed: the
    /// reply then offers nothing that needs the search.
    async fn remember(&self, turn: &Turn<'_>, answer: &Answer, lang: Lang) -> Option<QueryId> {
        let stored = self.storage.save_search(turn.user, &answer.query, lang).await;
        if let Err(err) = &stored {
            log::error!("storing a search: {err}");
        }
        // The query log counts the search either way.
        let id = stored.as_ref().map_or_else(|_| QueryId::random(), |id| *id);
        let mut record = QueryRecord::of(id, turn.channel, turn.user, answer);
        record.answer_lang = lang;
        self.journal.query(record);
        stored.ok()
    }
}

/// Messages as effects: a message that replaces the pressed one is an
/// edit, and a contact card follows its message as an effect of its own.
fn effects(messages: Vec<Message>) -> Vec<Effect> {
    let mut effects = Vec::with_capacity(messages.len());
    for mut message in messages {
        let card = message.contact.take();
        effects.push(if message.edit {
            Effect::Edit(message)
        } else {
            Effect::Send(message)
        });
        effects.extend(card.map(Effect::Contact));
    }
    effects
}

/// `/counsellor`, or the deep link `start=counsellor`.
fn is_counsellor(name: &str, args: &str) -> bool {
    let name = name.to_lowercase();
    name == "counsellor" || (name == "start" && args.trim() == "counsellor")
}

/// The language a message is confidently written in, which a reply to it
/// is in, whatever the user's own.
fn written_lang(answer: &Answer) -> Option<Lang> {
    answer.detected.filter(|_| answer.detected_confident)
}

/// What answering one event works with.
struct Turn<'a> {
    view: views::View<'a>,
    library: &'a Library,
    user: &'a UserKey,
    channel: Channel,
    /// The user's language, where known.
    lang: Option<Lang>,
    /// The language of interface texts: the user's, or the fallback.
    ui: Lang,
}

#[cfg(test)]
mod tests {
    //! The search flow with hand-made answers: what the views make of
    //! hits, weak matches and a detected language, whatever the search
    //! and the detection find today.

    use std::path::Path;
    use std::sync::OnceLock;

    use super::*;
    use crate::index::Location;

    fn assistant() -> Assistant {
        static LIBRARY: OnceLock<Arc<Library>> = OnceLock::new();
        let library = LIBRARY.get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
            Arc::new(Library::open(&dir, &Location::Memory).expect("index builds").0)
        });
        Assistant::new(library.clone(), Arc::new(MemoryStorage::default()))
    }

    /// An answer to `query` with the given entries, detected as `detected`.
    fn answer(detected: Option<(Lang, bool)>, hits: &[&str], related: &[&str]) -> Answer {
        let library = assistant().library();
        let hit = |id: &&str| present(library.knowledge().get(id).expect("an entry"), Lang::De, 1.0);
        Answer {
            query: "frage".into(),
            lang: Lang::De,
            detected: detected.map(|(lang, _)| lang),
            detected_confident: detected.is_some_and(|(_, confident)| confident),
            took_us: 0,
            hits: hits.iter().map(hit).collect(),
            related: related.iter().map(hit).collect(),
            total: hits.len(),
        }
    }

    /// The reply of `assistant` to `answer` for a user of `lang`.
    async fn reply(assistant: &Assistant, lang: Option<Lang>, answer: &Answer, known: Option<QueryId>) -> Vec<Message> {
        let library = assistant.library();
        let user = user();
        let turn = assistant.turn(&library, &user, Channel::Terminal, lang, false);
        assistant.answer(&turn, answer, known, 0).await
    }

    fn user() -> UserKey {
        crate::privacy::Pseudonyms::new(b"a secret for the core's own tests").user("test", "u")
    }

    fn title(id: &str, lang: Lang) -> String {
        let library = assistant().library();
        library
            .knowledge()
            .get(id)
            .unwrap()
            .texts_for(lang)
            .1
            .title()
            .to_string()
    }

    fn found(catalog: &Catalog, lang: Lang, count: i64) -> String {
        catalog.format(lang, "results-title", &[("count", Arg::Number(count))])
    }

    /// Defect guarded: weak matches were presented as answers ("Ich habe
    /// einen Eintrag gefunden"). Without hits, the kind no-result answer
    /// comes first, the weak matches below it as possibly related, and a
    /// link entry among them as the official portal.
    #[tokio::test]
    async fn weak_matches_are_never_presented_as_found() {
        let assistant = assistant();
        let catalog = assistant.catalog();
        let weak = answer(
            Some((Lang::De, true)),
            &[],
            &["heft-48-fit-fuer-den-verwaltungsalltag", "anerkennung-in-deutschland"],
        );
        let messages = reply(&assistant, Some(Lang::De), &weak, None).await;
        assert_eq!(messages.len(), 1);
        let text = messages[0].text();
        assert!(text.starts_with(&catalog.text(Lang::De, "no-results")), "{text}");
        assert!(!text.contains(&found(catalog, Lang::De, 1)), "{text}");
        assert!(!text.contains(&found(catalog, Lang::De, 2)), "{text}");
        let related = text
            .find(&catalog.text(Lang::De, "results-related"))
            .expect("a heading");
        let heft = text
            .find(&title("heft-48-fit-fuer-den-verwaltungsalltag", Lang::De))
            .unwrap();
        assert!(related < heft, "weak matches come under their heading:\n{text}");
        assert!(text.contains("Maria Kotsina"), "the network's contact:\n{text}");
        let portal = text.find(&catalog.text(Lang::De, "no-results-portal")).unwrap();
        assert!(
            text[portal..].contains("https://www.anerkennung-in-deutschland.de"),
            "{text}"
        );
        let buttons: Vec<&Button> = messages[0].buttons.iter().flatten().collect();
        assert!(
            buttons
                .iter()
                .any(|b| b.target == Target::Url("https://www.anerkennung-in-deutschland.de".into()))
        );
        assert!(
            buttons
                .iter()
                .any(|b| b.target == Target::Action("d:heft-48-fit-fuer-den-verwaltungsalltag".into()))
        );
        assert!(
            !buttons.iter().any(|b| b.label.starts_with("👍")),
            "nothing was found to rate"
        );
    }

    /// When nothing qualifies at all: the kind answer with contact and
    /// categories, and no portal, since none matched.
    #[tokio::test]
    async fn nothing_at_all_gets_the_kind_answer_without_a_portal() {
        let assistant = assistant();
        let catalog = assistant.catalog();
        let messages = reply(&assistant, Some(Lang::Fr), &answer(None, &[], &[]), None).await;
        assert_eq!(messages.len(), 1);
        let text = messages[0].text();
        assert!(text.contains(&catalog.text(Lang::Fr, "no-results")), "{text}");
        assert!(text.contains(&catalog.text(Lang::Fr, "no-results-contact")), "{text}");
        assert!(!text.contains(&catalog.text(Lang::Fr, "no-results-portal")), "{text}");
        assert!(!text.contains(&catalog.text(Lang::Fr, "results-related")), "{text}");
        assert!(
            messages[0]
                .buttons
                .iter()
                .flatten()
                .any(|b| b.label == catalog.text(Lang::Fr, "category-offers"))
        );
    }

    /// Hits are the answer; the weak matches beside them are not listed.
    #[tokio::test]
    async fn hits_are_found_and_weak_matches_stay_out() {
        let assistant = assistant();
        let catalog = assistant.catalog();
        let strong = answer(
            Some((Lang::De, true)),
            &["maria-kotsina"],
            &["heft-48-fit-fuer-den-verwaltungsalltag"],
        );
        let text = reply(&assistant, Some(Lang::De), &strong, None).await[0].text();
        assert!(text.contains(&found(catalog, Lang::De, 1)), "{text}");
        assert!(
            !text.contains(&title("heft-48-fit-fuer-den-verwaltungsalltag", Lang::De)),
            "{text}"
        );
    }

    /// A message confidently in another language is answered in it, all of
    /// the reply, with a one-tap switch; a guess does not switch.
    #[tokio::test]
    async fn a_message_confidently_in_another_language_is_answered_in_it() {
        let assistant = assistant();
        let catalog = assistant.catalog();
        let russian = answer(Some((Lang::Ru, true)), &["maria-kotsina"], &[]);
        let messages = reply(&assistant, Some(Lang::De), &russian, None).await;
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(messages[0].lang, Some(Lang::Ru));
        assert!(messages[0].text().contains(&found(catalog, Lang::Ru, 1)));
        assert!(messages[0].text().contains(&title("maria-kotsina", Lang::Ru)));
        assert!(
            messages[0].blocks.iter().all(|b| b.lang == Lang::Ru),
            "{:?}",
            messages[0]
        );
        assert!(
            messages[1]
                .text()
                .contains(&catalog.text(Lang::Ru, "language-detected"))
        );
        assert_eq!(
            messages[1].buttons[0][0].target,
            Target::Action(Action::SetLanguage(Lang::Ru).encode())
        );
        // The switch is an offer: the user's language stays until taken.
        assert_eq!(assistant.storage.language(&user()).await, None);
        // Its further pages come without the offer again.
        let paged = reply(&assistant, Some(Lang::De), &russian, Some(QueryId(1))).await;
        assert_eq!(paged.len(), 1);

        let guess = answer(Some((Lang::Ru, false)), &["maria-kotsina"], &[]);
        let messages = reply(&assistant, Some(Lang::De), &guess, None).await;
        assert_eq!(messages.len(), 1);
        assert_eq!(messages[0].lang, Some(Lang::De));
        assert!(messages[0].text().contains(&found(catalog, Lang::De, 1)));
    }

    /// Defect guarded: without a language, a German result list was
    /// followed by English details and hints. The language a user without
    /// one confidently writes in becomes theirs; a guess leaves the
    /// fallback for the whole reply.
    #[tokio::test]
    async fn a_user_without_a_language_takes_the_one_they_wrote_in() {
        let assistant = assistant();
        let user = user();
        let turkish = answer(Some((Lang::Tr, true)), &["maria-kotsina"], &[]);
        let messages = reply(&assistant, None, &turkish, None).await;
        assert_eq!(messages.len(), 1, "no offer: there is nothing to switch from");
        assert_eq!(messages[0].lang, Some(Lang::Tr));
        assert_eq!(assistant.storage.language(&user).await, Some(Lang::Tr));

        let assistant = self::assistant();
        let guess = answer(Some((Lang::De, false)), &["maria-kotsina"], &[]);
        let messages = reply(&assistant, None, &guess, None).await;
        assert_eq!(messages[0].lang, Some(FALLBACK_LANG));
        assert!(messages[0].blocks.iter().all(|b| b.lang == FALLBACK_LANG));
        assert_eq!(assistant.storage.language(&user).await, None);
    }
}
