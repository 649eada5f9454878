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
use crate::search::{AskOptions, Library};

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
            Input::Text(text) => self.search(&turn, text.trim(), None, 0),
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
                Some(search) => self.search(turn, &search.text, Some(search.id), offset),
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
    fn search(&self, turn: &Turn<'_>, text: &str, known: Option<QueryId>, offset: usize) -> Message {
        if text.is_empty() {
            return turn.view.notice(turn.ui, "empty-query");
        }
        let options = AskOptions {
            lang: turn.lang,
            hint: turn.lang,
            offset,
            limit: PAGE_SIZE,
        };
        match turn.library.ask(text, options) {
            Ok(answer) => {
                let id = known.unwrap_or_else(|| {
                    let id = self.searches.remember(turn.user, text);
                    self.journal
                        .query(QueryRecord::of(id, turn.channel, turn.user, &answer));
                    id
                });
                if answer.hits.is_empty() && offset == 0 {
                    turn.view.no_results(answer.lang)
                } else {
                    turn.view.results(&answer, id, offset, known.is_some())
                }
            }
            // An index error is the operator's problem; the user gets the
            // kind answer with the network's contact.
            Err(_) => turn.view.no_results(turn.ui),
        }
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
        let id = self.searches.remember(turn.user, query);
        self.journal
            .query(QueryRecord::of(id, turn.channel, turn.user, &answer));
        answer
            .hits
            .iter()
            .map(|hit| InlineResult {
                id: hit.id.clone(),
                kind: hit.kind,
                title: hit.title.clone(),
                description: hit.summary.clone(),
                message: turn.view.details(answer.lang, &hit.id),
            })
            .collect()
    }
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
