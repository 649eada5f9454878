//! What the core remembers and reports, behind small traits: a user's
//! chosen language ([`Preferences`]) and the query log ([`Journal`]). The
//! terminal and the tests run on memory; the bot and the chat on SQLite
//! (`src/store/`), which the core never sees.

use std::collections::HashMap;
use std::sync::Mutex;

use super::action::QueryId;
use super::reply::UserKey;
use crate::lang::Lang;

/// Keeps each user's chosen language.
pub trait Preferences: Send + Sync {
    fn language(&self, user: &UserKey) -> Option<Lang>;
    fn set_language(&self, user: &UserKey, lang: Lang);
    /// Forgets the user's language.
    fn forget(&self, user: &UserKey);
}

/// Where the core reports searches and feedback. Reporting never blocks
/// and never fails an answer: an implementation queues or drops. Only
/// [`Journal::forget`] waits, briefly, so the user hears the truth.
pub trait Journal: Send + Sync {
    fn query(&self, record: QueryRecord);
    fn feedback(&self, query: QueryId, user: &UserKey, helpful: bool);
    /// Deletes everything logged about the user. An error means it is not
    /// done yet: the implementation keeps the wish and carries it out later.
    fn forget(&self, user: &UserKey) -> Result<(), NotForgotten>;
}

/// A `/forget` whose delete could not be done yet; it is done later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotForgotten;

/// Where a request came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// A Telegram chat.
    Telegram,
    /// A Telegram inline query.
    Inline,
    /// The terminal chat.
    Chat,
    /// `lotse ask`.
    Cli,
    /// The web page (`lotse web`).
    Web,
}

/// One search, as the query log keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryRecord {
    pub query: QueryId,
    /// Unix seconds.
    pub at: u64,
    pub channel: Channel,
    pub user: UserKey,
    pub answer_lang: Lang,
    pub detected: Option<Lang>,
    pub text: String,
    /// How many entries matched in all.
    pub hits: usize,
    /// The best entries' ids, best first.
    pub top_ids: Vec<String>,
    pub latency_us: u64,
}

impl QueryRecord {
    /// The record of `answer`, a search of `user` through `channel`.
    pub fn of(query: QueryId, channel: Channel, user: &UserKey, answer: &crate::search::Answer) -> QueryRecord {
        let at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        QueryRecord {
            query,
            at,
            channel,
            user: user.clone(),
            answer_lang: answer.lang,
            detected: answer.detected,
            text: answer.query.clone(),
            hits: answer.total,
            top_ids: answer.hits.iter().take(3).map(|h| h.id.clone()).collect(),
            latency_us: answer.took_us,
        }
    }
}

impl Channel {
    pub fn name(self) -> &'static str {
        match self {
            Channel::Telegram => "telegram",
            Channel::Inline => "inline",
            Channel::Chat => "chat",
            Channel::Cli => "cli",
            Channel::Web => "web",
        }
    }
}

/// Preferences in memory, for as long as the process runs.
#[derive(Debug, Default)]
pub struct MemoryPreferences {
    languages: Mutex<HashMap<UserKey, Lang>>,
}

impl MemoryPreferences {
    /// Starts from languages kept elsewhere (a database, at start-up).
    pub fn with(languages: HashMap<UserKey, Lang>) -> MemoryPreferences {
        MemoryPreferences {
            languages: Mutex::new(languages),
        }
    }
}

impl Preferences for MemoryPreferences {
    fn language(&self, user: &UserKey) -> Option<Lang> {
        let languages = self.languages.lock().unwrap_or_else(|e| e.into_inner());
        languages.get(user).copied()
    }

    fn set_language(&self, user: &UserKey, lang: Lang) {
        let mut languages = self.languages.lock().unwrap_or_else(|e| e.into_inner());
        languages.insert(user.clone(), lang);
    }

    fn forget(&self, user: &UserKey) {
        let mut languages = self.languages.lock().unwrap_or_else(|e| e.into_inner());
        languages.remove(user);
    }
}

/// A journal that keeps nothing.
#[derive(Debug, Default)]
pub struct NoJournal;

impl Journal for NoJournal {
    fn query(&self, _: QueryRecord) {}
    fn feedback(&self, _: QueryId, _: &UserKey, _: bool) {}
    fn forget(&self, _: &UserKey) -> Result<(), NotForgotten> {
        Ok(())
    }
}
