//! What the core remembers and reports, behind two small traits.
//!
//! [`Storage`] is the conversation state a later event depends on: each
//! user's chosen language and the searches behind paging and 👍/👎 buttons.
//! It is async and awaited, so that whatever a reply offers is stored before
//! the reply goes out, and any process over the same storage can resolve
//! it. [`Journal`] is the query log and feedback: reporting never blocks and
//! never fails an answer (an implementation queues or drops). The terminal
//! and the tests run on [`MemoryStorage`]; the bot and the chat on the
//! database (`src/store/`), which the core never sees.

use std::collections::HashMap;
use std::sync::Mutex;

use super::action::QueryId;
use super::reply::{Channel, UserKey};
use crate::lang::Lang;

/// The conversation state, kept where every process can read it.
#[async_trait::async_trait]
pub trait Storage: Send + Sync {
    /// The user's chosen language. A storage that cannot answer says
    /// `None` (and logs why): the user is then asked in their client's.
    async fn language(&self, user: &UserKey) -> Option<Lang>;
    /// Keeps the user's choice; done when it returns `Ok`.
    async fn set_language(&self, user: &UserKey, lang: Lang) -> Result<(), StorageError>;
    /// Keeps a search for paging and feedback under an id that is unique
    /// across every process over this storage.
    async fn save_search(&self, user: &UserKey, text: &str, lang: Lang) -> Result<QueryId, StorageError>;
    /// The search `id`, whoever made it; `None` when there is none (too
    /// old, forgotten, forged).
    async fn search(&self, id: QueryId) -> Result<Option<SavedSearch>, StorageError>;
    /// Deletes everything kept about the user: language, searches, query
    /// log and feedback. An error means it is not done yet: the
    /// implementation keeps the wish and carries it out later.
    async fn forget(&self, user: &UserKey) -> Result<(), NotForgotten>;
    /// The maintainers' summary of the searches and feedback since `since`
    /// (unix seconds), for `/stats`.
    async fn report(&self, since: u64) -> Result<Report, StorageError>;
}

/// Where the core reports searches and feedback. Reporting never blocks
/// and never fails an answer: an implementation queues or drops.
pub trait Journal: Send + Sync {
    fn query(&self, record: QueryRecord);
    fn feedback(&self, query: QueryId, user: &UserKey, helpful: bool);
}

/// A storage operation that failed; the text is for the operator's log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StorageError(pub String);

/// A `/forget` whose delete could not be done yet; it is done later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotForgotten;

/// A search as storage keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSearch {
    pub id: QueryId,
    pub user: UserKey,
    pub text: String,
    /// The language it was answered in.
    pub lang: Lang,
}

/// What `/stats` tells an admin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub queries: u64,
    pub zero_results: u64,
    pub feedback: u64,
    /// The most asked searches without a result, with their counts.
    pub gaps: Vec<(String, u64)>,
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
        QueryRecord {
            query,
            at: unix_now(),
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

impl QueryId {
    /// A random id of 63 bits (so that it fits a signed BIGINT), never 0.
    /// Storage retries on the rare conflict; it never relies on a
    /// process's own counter.
    pub fn random() -> QueryId {
        let mut bytes = [0u8; 8];
        if getrandom::fill(&mut bytes).is_err() {
            // Without randomness, the clock and a counter still differ
            // between calls; a conflict is retried by storage.
            static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            bytes = (nanos ^ n.rotate_left(48)).to_le_bytes();
        }
        QueryId((u64::from_le_bytes(bytes) >> 1).max(1))
    }
}

/// Seconds since the epoch.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Conversation state in this process's memory: for the tests and for a
/// process that keeps nothing.
#[derive(Debug, Default)]
pub struct MemoryStorage {
    languages: Mutex<HashMap<UserKey, Lang>>,
    searches: Mutex<HashMap<QueryId, SavedSearch>>,
}

#[async_trait::async_trait]
impl Storage for MemoryStorage {
    async fn language(&self, user: &UserKey) -> Option<Lang> {
        lock(&self.languages).get(user).copied()
    }

    async fn set_language(&self, user: &UserKey, lang: Lang) -> Result<(), StorageError> {
        lock(&self.languages).insert(user.clone(), lang);
        Ok(())
    }

    async fn save_search(&self, user: &UserKey, text: &str, lang: Lang) -> Result<QueryId, StorageError> {
        let mut searches = lock(&self.searches);
        let mut id = QueryId::random();
        while searches.contains_key(&id) {
            id = QueryId::random();
        }
        let search = SavedSearch {
            id,
            user: user.clone(),
            text: text.to_string(),
            lang,
        };
        searches.insert(id, search);
        Ok(id)
    }

    async fn search(&self, id: QueryId) -> Result<Option<SavedSearch>, StorageError> {
        Ok(lock(&self.searches).get(&id).cloned())
    }

    async fn forget(&self, user: &UserKey) -> Result<(), NotForgotten> {
        lock(&self.languages).remove(user);
        lock(&self.searches).retain(|_, s| &s.user != user);
        Ok(())
    }

    async fn report(&self, _since: u64) -> Result<Report, StorageError> {
        Ok(Report {
            queries: lock(&self.searches).len() as u64,
            ..Report::default()
        })
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// A journal that keeps nothing.
#[derive(Debug, Default)]
pub struct NoJournal;

impl Journal for NoJournal {
    fn query(&self, _: QueryRecord) {}
    fn feedback(&self, _: QueryId, _: &UserKey, _: bool) {}
}
