//! `src/assistant/`: what does Lotse answer to this?
//!
//! The conversation core: a [`Request`] (who, in which language, what) goes
//! in, a [`Reply`] of plain data comes out. Telegram, the terminal chat and
//! the tests all drive [`Assistant::handle`]; nothing here knows teloxide,
//! tantivy or a database. The user's chosen language is kept behind
//! [`Preferences`]; recent searches are kept in memory for paging and
//! feedback, and a button whose search is gone gets a polite answer.

mod action;
mod prefs;
mod reply;
mod views;

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

pub use action::{Action, Category, QueryId, UserTag};
pub use prefs::{Channel, Journal, MemoryPreferences, NoJournal, NotForgotten, Preferences, QueryRecord};
pub use reply::{
    Block, Button, ContactCard, InlineResult, Input, MAX_ACTION_BYTES, Message, Reply, Request, Span, Style, Target,
    UserKey,
};
pub use views::COMMANDS;

use crate::i18n::Catalog;
use crate::lang::Lang;
use crate::search::{Answer, AskOptions, Library, present};

/// Results per page of a search or a category.
pub const PAGE_SIZE: usize = 5;
/// Inline queries list at most this many entries.
pub const INLINE_LIMIT: usize = 10;
/// The interface language where the user's is not known and a message
/// cannot wait for them to choose one.
const FALLBACK_LANG: Lang = Lang::En;
/// Searches kept per user for paging and feedback.
const SEARCHES_PER_USER: usize = 8;
/// Users whose searches are kept; beyond that the memory starts afresh.
const MAX_USERS: usize = 10_000;
/// Days the query log keeps its rows, unless told otherwise.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

/// The conversation core.
pub struct Assistant {
    library: RwLock<Arc<Library>>,
    catalog: Catalog,
    preferences: Arc<dyn Preferences>,
    journal: Arc<dyn Journal>,
    retention_days: u32,
    searches: Searches,
}

/// A search a user made, kept for paging and feedback.
#[derive(Debug, Clone)]
struct Search {
    id: QueryId,
    text: String,
}

struct Searches {
    next: AtomicU64,
    by_user: Mutex<HashMap<UserKey, VecDeque<Search>>>,
}

impl Assistant {
    pub fn new(library: Arc<Library>, preferences: Arc<dyn Preferences>) -> Assistant {
        Assistant {
            library: RwLock::new(library),
            catalog: Catalog::new(),
            preferences,
            journal: Arc::new(NoJournal),
            retention_days: DEFAULT_RETENTION_DAYS,
            searches: Searches::new(),
        }
    }

    /// Reports searches and feedback to `journal`, which keeps them for
    /// `retention_days` (as `/privacy` tells users).
    pub fn with_journal(mut self, journal: Arc<dyn Journal>, retention_days: u32) -> Assistant {
        self.journal = journal;
        self.retention_days = retention_days;
        self
    }

    /// The library answers come from now.
    pub fn library(&self) -> Arc<Library> {
        self.library.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Swaps in a new library (a reloaded knowledge folder); requests
    /// already running finish on the old one.
    pub fn replace_library(&self, library: Arc<Library>) {
        *self.library.write().unwrap_or_else(|e| e.into_inner()) = library;
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The user's language: their own choice, else their client's.
    pub fn language_of(&self, request: &Request) -> Option<Lang> {
        self.preferences.language(&request.user).or(request.client_lang)
    }

    /// Answers one request. Never fails: whatever comes in, a reply a user
    /// can read goes out.
    pub fn handle(&self, request: &Request) -> Reply {
        let library = self.library();
        let lang = self.language_of(request);
        let turn = Turn {
            view: views::View {
                catalog: &self.catalog,
                knowledge: library.knowledge(),
            },
            library: &library,
            user: &request.user,
            channel: request.channel,
            lang,
            ui: lang.unwrap_or(FALLBACK_LANG),
        };
        let message = match &request.input {
            Input::Command { name, args } => self.command(&turn, name, args),
            Input::Text(text) => return Reply::Messages(self.search(&turn, text.trim(), None, 0)),
            Input::Button(data) => match Action::decode(data) {
                Some(action) => self.action(&turn, action),
                None => turn.view.notice(turn.ui, "stale-button"),
            },
            Input::Inline(query) => return Reply::Inline(self.inline(&turn, query)),
            Input::NotText => turn.view.notice(turn.ui, "text-only"),
        };
        Reply::Messages(vec![message])
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
            "privacy" => view.privacy(ui, self.retention_days),
            "forget" => view.forget_confirm(ui, UserTag::of(turn.user)),
            _ => view.notice(ui, "unknown-command"),
        }
    }

    fn action(&self, turn: &Turn<'_>, action: Action) -> Message {
        let (view, ui) = (&turn.view, turn.ui);
        match action {
            Action::PickLanguage => view.language_picker(true),
            Action::SetLanguage(chosen) => {
                self.preferences.set_language(turn.user, chosen);
                view.language_set(chosen)
            }
            Action::Menu => view.start(ui, true),
            Action::Details(id) => view.details(ui, &id),
            Action::SaveContact(id) => view.contact_card(ui, &id),
            Action::Browse { category, page } => view.browse(ui, category, page, true),
            Action::Page { query, offset } => match self.searches.find(turn.user, query) {
                // A further page is one message: the language offer came
                // with the first.
                Some(search) => self.search(turn, &search.text, Some(search.id), offset).swap_remove(0),
                None => self.missing_search(turn, query),
            },
            Action::Feedback { query, helpful } => match self.searches.find(turn.user, query) {
                Some(_) => {
                    self.journal.feedback(query, turn.user, helpful);
                    view.notice(ui, "feedback-thanks")
                }
                None => self.missing_search(turn, query),
            },
            // In a group everyone sees the question; only the asker answers.
            Action::Forget { asker, .. } if asker != UserTag::of(turn.user) => view.notice(ui, "not-your-button"),
            Action::Forget { confirmed: true, .. } => {
                self.preferences.forget(turn.user);
                self.searches.forget(turn.user);
                let outcome = match self.journal.forget(turn.user) {
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
        }
    }

    /// The answer to a paging or feedback button whose search this user does
    /// not have: someone else's (in a group), or one too old.
    fn missing_search(&self, turn: &Turn<'_>, query: QueryId) -> Message {
        if self.searches.anyone_has(query) {
            turn.view.notice(turn.ui, "not-your-button")
        } else {
            turn.view.notice(turn.ui, "stale-button")
        }
    }

    /// A search, or a further page of one (`known` is its id then). A new
    /// search is reported to the journal; paging is not a new search.
    fn search(&self, turn: &Turn<'_>, text: &str, known: Option<QueryId>, offset: usize) -> Vec<Message> {
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
            Ok(answer) => self.answer(turn, &answer, known, offset),
            // An index error is the operator's problem; the user gets the
            // kind answer with the network's contact.
            Err(_) => vec![turn.view.no_results(turn.ui, &[])],
        }
    }

    /// The reply to a search's answer. A new search is reported to the
    /// journal; paging is not a new search.
    ///
    /// The reply is in one language: the user's own, unless the whole
    /// message is confidently in another of the twelve. Then a second
    /// message offers to switch for good (with the first page only). A
    /// user without a language takes the one they confidently wrote in,
    /// so that details and hints follow in it; else they get the fallback.
    fn answer(&self, turn: &Turn<'_>, answer: &Answer, known: Option<QueryId>, offset: usize) -> Vec<Message> {
        let written = written_lang(answer);
        let lang = written.unwrap_or(turn.ui);
        let id = known.unwrap_or_else(|| self.remember(turn, answer, lang));
        let mut messages = vec![if answer.hits.is_empty() && offset == 0 {
            turn.view.no_results(lang, &answer.related)
        } else {
            turn.view.results(lang, answer, id, offset, known.is_some())
        }];
        match (turn.lang, written) {
            (None, Some(written)) => self.preferences.set_language(turn.user, written),
            (Some(own), Some(written)) if own != written && known.is_none() => {
                messages.push(turn.view.language_switch(written));
            }
            _ => {}
        }
        messages
    }

    fn inline(&self, turn: &Turn<'_>, query: &str) -> Vec<InlineResult> {
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
        self.remember(turn, &answer, lang);
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

    /// Keeps a new search for paging and feedback, and reports it to the
    /// journal as answered in `lang`.
    fn remember(&self, turn: &Turn<'_>, answer: &Answer, lang: Lang) -> QueryId {
        let id = self.searches.remember(turn.user, &answer.query);
        let mut record = QueryRecord::of(id, turn.channel, turn.user, answer);
        record.answer_lang = lang;
        self.journal.query(record);
        id
    }
}

/// The language a message is confidently written in, which a reply to it
/// is in, whatever the user's own.
fn written_lang(answer: &Answer) -> Option<Lang> {
    answer.detected.filter(|_| answer.detected_confident)
}

/// What answering one request works with.
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

impl Searches {
    /// Search ids start at a random point, so that ids of different runs
    /// do not meet in the query log.
    fn new() -> Searches {
        let mut seed = [0u8; 8];
        // Without randomness, the clock gives a start that differs per run.
        let start = match getrandom::fill(&mut seed) {
            Ok(()) => u64::from_le_bytes(seed) >> 16,
            Err(_) => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64 >> 8),
        };
        Searches {
            next: AtomicU64::new(start),
            by_user: Mutex::new(HashMap::new()),
        }
    }

    fn forget(&self, user: &UserKey) {
        self.by_user.lock().unwrap_or_else(|e| e.into_inner()).remove(user);
    }

    fn remember(&self, user: &UserKey, text: &str) -> QueryId {
        let id = QueryId(self.next.fetch_add(1, Ordering::Relaxed) + 1);
        let mut by_user = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        if by_user.len() >= MAX_USERS && !by_user.contains_key(user) {
            by_user.clear();
        }
        let searches = by_user.entry(user.clone()).or_default();
        if searches.len() >= SEARCHES_PER_USER {
            searches.pop_front();
        }
        searches.push_back(Search {
            id,
            text: text.to_string(),
        });
        id
    }

    /// Whether any user has the search `id`; only asked of a button whose
    /// presser does not, so the walk over all users is rare.
    fn anyone_has(&self, id: QueryId) -> bool {
        let by_user = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        by_user.values().flatten().any(|s| s.id == id)
    }

    fn find(&self, user: &UserKey, id: QueryId) -> Option<Search> {
        let by_user = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        by_user.get(user)?.iter().find(|s| s.id == id).cloned()
    }
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
        Assistant::new(library.clone(), Arc::new(MemoryPreferences::default()))
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
    fn reply(assistant: &Assistant, lang: Option<Lang>, answer: &Answer, known: Option<QueryId>) -> Vec<Message> {
        let library = assistant.library();
        let user = UserKey("u".into());
        let turn = Turn {
            view: views::View {
                catalog: &assistant.catalog,
                knowledge: library.knowledge(),
            },
            library: &library,
            user: &user,
            channel: Channel::Chat,
            lang,
            ui: lang.unwrap_or(FALLBACK_LANG),
        };
        assistant.answer(&turn, answer, known, 0)
    }

    fn title(id: &str, lang: Lang) -> String {
        let library = assistant().library();
        library.knowledge().get(id).unwrap().texts_for(lang).1.title.clone()
    }

    fn found(catalog: &Catalog, lang: Lang, count: i64) -> String {
        catalog.format(lang, "results-title", &[("count", crate::i18n::Arg::Number(count))])
    }

    /// Defect guarded: weak matches were presented as answers ("Ich habe
    /// einen Eintrag gefunden"). Without hits, the kind no-result answer
    /// comes first, the weak matches below it as possibly related, and a
    /// link entry among them as the official portal.
    #[test]
    fn weak_matches_are_never_presented_as_found() {
        let assistant = assistant();
        let catalog = assistant.catalog();
        let weak = answer(
            Some((Lang::De, true)),
            &[],
            &["heft-48-fit-fuer-den-verwaltungsalltag", "anerkennung-in-deutschland"],
        );
        let messages = reply(&assistant, Some(Lang::De), &weak, None);
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
    #[test]
    fn nothing_at_all_gets_the_kind_answer_without_a_portal() {
        let assistant = assistant();
        let catalog = assistant.catalog();
        let messages = reply(&assistant, Some(Lang::Fr), &answer(None, &[], &[]), None);
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
    #[test]
    fn hits_are_found_and_weak_matches_stay_out() {
        let assistant = assistant();
        let catalog = assistant.catalog();
        let strong = answer(
            Some((Lang::De, true)),
            &["maria-kotsina"],
            &["heft-48-fit-fuer-den-verwaltungsalltag"],
        );
        let text = reply(&assistant, Some(Lang::De), &strong, None)[0].text();
        assert!(text.contains(&found(catalog, Lang::De, 1)), "{text}");
        assert!(
            !text.contains(&title("heft-48-fit-fuer-den-verwaltungsalltag", Lang::De)),
            "{text}"
        );
    }

    /// A message confidently in another language is answered in it, all of
    /// the reply, with a one-tap switch; a guess does not switch.
    #[test]
    fn a_message_confidently_in_another_language_is_answered_in_it() {
        let assistant = assistant();
        let catalog = assistant.catalog();
        let russian = answer(Some((Lang::Ru, true)), &["maria-kotsina"], &[]);
        let messages = reply(&assistant, Some(Lang::De), &russian, None);
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
        assert_eq!(assistant.preferences.language(&UserKey("u".into())), None);
        // Its further pages come without the offer again.
        let paged = reply(&assistant, Some(Lang::De), &russian, Some(QueryId(1)));
        assert_eq!(paged.len(), 1);

        let guess = answer(Some((Lang::Ru, false)), &["maria-kotsina"], &[]);
        let messages = reply(&assistant, Some(Lang::De), &guess, None);
        assert_eq!(messages.len(), 1);
        assert_eq!(messages[0].lang, Some(Lang::De));
        assert!(messages[0].text().contains(&found(catalog, Lang::De, 1)));
    }

    /// Defect guarded: without a language, a German result list was
    /// followed by English details and hints. The language a user without
    /// one confidently writes in becomes theirs; a guess leaves the
    /// fallback for the whole reply.
    #[test]
    fn a_user_without_a_language_takes_the_one_they_wrote_in() {
        let assistant = assistant();
        let user = UserKey("u".into());
        let turkish = answer(Some((Lang::Tr, true)), &["maria-kotsina"], &[]);
        let messages = reply(&assistant, None, &turkish, None);
        assert_eq!(messages.len(), 1, "no offer: there is nothing to switch from");
        assert_eq!(messages[0].lang, Some(Lang::Tr));
        assert_eq!(assistant.preferences.language(&user), Some(Lang::Tr));

        let assistant = self::assistant();
        let guess = answer(Some((Lang::De, false)), &["maria-kotsina"], &[]);
        let messages = reply(&assistant, None, &guess, None);
        assert_eq!(messages[0].lang, Some(FALLBACK_LANG));
        assert!(messages[0].blocks.iter().all(|b| b.lang == FALLBACK_LANG));
        assert_eq!(assistant.preferences.language(&user), None);
    }
}
