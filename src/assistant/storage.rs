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
use super::reply::{CaseId, Channel, Reach, TopicId, UserKey};
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
    /// The user's searches since `since` (unix seconds), oldest first, at
    /// most `limit` (the latest), for a case card.
    async fn searches_since(&self, user: &UserKey, since: u64, limit: usize) -> Result<Vec<SavedSearch>, StorageError>;

    /// Opens a case for `user` under a fresh short number that no case
    /// in this storage has; `reach` is kept sealed until it closes.
    async fn open_case(&self, new: NewCase, reach: &Reach) -> Result<Case, StorageError>;
    /// The case `id`, open or closed.
    async fn case(&self, id: CaseId) -> Result<Option<Case>, StorageError>;
    /// The user's open case, if any.
    async fn open_case_of(&self, user: &UserKey) -> Result<Option<Case>, StorageError>;
    /// The case whose staff topic is `topic`.
    async fn case_by_topic(&self, topic: TopicId) -> Result<Option<Case>, StorageError>;
    /// Every open case, oldest first.
    async fn open_cases(&self) -> Result<Vec<Case>, StorageError>;
    /// Every case of the user, open or closed (for `/forget`).
    async fn cases_of(&self, user: &UserKey) -> Result<Vec<Case>, StorageError>;
    /// Changes what may change of a case: its topic, where the user's
    /// text goes, when the user wrote and staff answered last. The user,
    /// number and reach stay.
    async fn update_case(&self, case: &Case) -> Result<(), StorageError>;
    /// Closes the case at `at` and deletes its reach.
    async fn close_case(&self, id: CaseId, at: u64) -> Result<(), StorageError>;
    /// Deletes a case and its message pairs.
    async fn delete_case(&self, id: CaseId) -> Result<(), StorageError>;
    /// Keeps a pair of message ids of one relayed message: in the user's
    /// chat and in the staff topic. Never its text.
    async fn relayed(&self, id: CaseId, pair: MessagePair) -> Result<(), StorageError>;
    /// The pair of the case's message `staff_message` in the topic.
    async fn pair_in_topic(&self, id: CaseId, staff_message: i64) -> Result<Option<MessagePair>, StorageError>;
    /// Keeps a counsellor's reply to a web case until the case is
    /// deleted: the one message text storage holds, sealed like the reach.
    async fn keep_reply(&self, id: CaseId, reply: &Reply) -> Result<(), StorageError>;
    /// The kept replies of a case, oldest first.
    async fn replies(&self, id: CaseId) -> Result<Vec<Reply>, StorageError>;
}

/// Through which door a case's user came, and so how their counsellor's
/// replies reach them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Door {
    /// A private Telegram chat: replies are copied there.
    Telegram,
    /// A web session: replies are kept (sealed) for the visitor's page.
    Web,
}

/// A counsellor's reply kept for a web visitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Unix seconds.
    pub at: u64,
    /// The text or caption; may be empty where only a file was sent.
    pub text: String,
    /// The counsellor sent a file (a photo, a document) that only
    /// Telegram can show.
    pub file: bool,
}

impl Door {
    /// The door's name in storage.
    pub fn name(self) -> &'static str {
        match self {
            Door::Telegram => "telegram",
            Door::Web => "web",
        }
    }

    pub fn from_name(name: &str) -> Option<Door> {
        match name {
            "telegram" => Some(Door::Telegram),
            "web" => Some(Door::Web),
            _ => None,
        }
    }
}

/// A case about to be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub user: UserKey,
    /// The language the user is answered in.
    pub lang: Lang,
    /// The category of the question (`offers`…), or empty.
    pub category: String,
    /// The search the user asked a counsellor about, if any.
    pub question: Option<QueryId>,
    /// Unix seconds.
    pub at: u64,
    pub door: Door,
}

/// A case of the handover, as storage keeps it: pseudonyms, numbers and
/// times, never a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: CaseId,
    pub user: UserKey,
    pub lang: Lang,
    pub category: String,
    pub question: Option<QueryId>,
    /// The staff topic, once opened.
    pub topic: Option<TopicId>,
    /// How to reach the user: only while the case is open.
    pub reach: Option<Reach>,
    /// The user's text goes to the counsellor (else it is searched).
    pub relay: bool,
    pub opened_at: u64,
    /// When the user last wrote to the counsellor.
    pub user_wrote_at: Option<u64>,
    /// When staff last answered.
    pub answered_at: Option<u64>,
    pub closed_at: Option<u64>,
    pub door: Door,
}

/// One relayed message: its id in the user's chat and in the topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessagePair {
    pub user_message: i64,
    pub staff_message: i64,
    pub from_staff: bool,
    pub at: u64,
}

impl Case {
    /// The case `new` just opened as `id`: no topic yet, the user's text
    /// going to the counsellor.
    pub fn opened(id: CaseId, new: NewCase, reach: &Reach) -> Case {
        Case {
            id,
            user: new.user,
            lang: new.lang,
            category: new.category,
            question: new.question,
            topic: None,
            reach: Some(reach.clone()),
            relay: true,
            opened_at: new.at,
            user_wrote_at: None,
            answered_at: None,
            closed_at: None,
            door: new.door,
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}

/// A random case number of five digits: short enough to say on the
/// phone. Storage draws again where one is taken.
pub fn random_case_number() -> CaseId {
    let mut bytes = [0u8; 4];
    let n = if getrandom::fill(&mut bytes).is_ok() {
        u32::from_le_bytes(bytes)
    } else {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    };
    CaseId(10_000 + i64::from(n % 90_000))
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
    searches: Mutex<HashMap<QueryId, (SavedSearch, u64)>>,
    cases: Mutex<HashMap<CaseId, Case>>,
    pairs: Mutex<Vec<(CaseId, MessagePair)>>,
    replies: Mutex<Vec<(CaseId, Reply)>>,
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
        searches.insert(id, (search, unix_now()));
        Ok(id)
    }

    async fn search(&self, id: QueryId) -> Result<Option<SavedSearch>, StorageError> {
        Ok(lock(&self.searches).get(&id).map(|(s, _)| s.clone()))
    }

    async fn forget(&self, user: &UserKey) -> Result<(), NotForgotten> {
        lock(&self.languages).remove(user);
        lock(&self.searches).retain(|_, (s, _)| &s.user != user);
        let mut cases = lock(&self.cases);
        let gone: Vec<CaseId> = cases.values().filter(|c| &c.user == user).map(|c| c.id).collect();
        cases.retain(|_, c| &c.user != user);
        lock(&self.pairs).retain(|(id, _)| !gone.contains(id));
        lock(&self.replies).retain(|(id, _)| !gone.contains(id));
        Ok(())
    }

    async fn searches_since(&self, user: &UserKey, since: u64, limit: usize) -> Result<Vec<SavedSearch>, StorageError> {
        let searches = lock(&self.searches);
        let mut mine: Vec<(u64, QueryId, SavedSearch)> = searches
            .values()
            .filter(|(s, at)| &s.user == user && *at >= since)
            .map(|(s, at)| (*at, s.id, s.clone()))
            .collect();
        mine.sort_by_key(|(at, id, _)| (*at, id.0));
        let skip = mine.len().saturating_sub(limit);
        Ok(mine.into_iter().skip(skip).map(|(_, _, s)| s).collect())
    }

    async fn open_case(&self, new: NewCase, reach: &Reach) -> Result<Case, StorageError> {
        let mut cases = lock(&self.cases);
        let mut id = random_case_number();
        while cases.contains_key(&id) {
            id = random_case_number();
        }
        let case = Case::opened(id, new, reach);
        cases.insert(id, case.clone());
        Ok(case)
    }

    async fn case(&self, id: CaseId) -> Result<Option<Case>, StorageError> {
        Ok(lock(&self.cases).get(&id).cloned())
    }

    async fn open_case_of(&self, user: &UserKey) -> Result<Option<Case>, StorageError> {
        Ok(lock(&self.cases)
            .values()
            .find(|c| &c.user == user && c.is_open())
            .cloned())
    }

    async fn case_by_topic(&self, topic: TopicId) -> Result<Option<Case>, StorageError> {
        Ok(lock(&self.cases).values().find(|c| c.topic == Some(topic)).cloned())
    }

    async fn open_cases(&self) -> Result<Vec<Case>, StorageError> {
        let mut open: Vec<Case> = lock(&self.cases).values().filter(|c| c.is_open()).cloned().collect();
        open.sort_by_key(|c| (c.opened_at, c.id));
        Ok(open)
    }

    async fn cases_of(&self, user: &UserKey) -> Result<Vec<Case>, StorageError> {
        let mut mine: Vec<Case> = lock(&self.cases)
            .values()
            .filter(|c| &c.user == user)
            .cloned()
            .collect();
        mine.sort_by_key(|c| (c.opened_at, c.id));
        Ok(mine)
    }

    async fn update_case(&self, case: &Case) -> Result<(), StorageError> {
        if let Some(kept) = lock(&self.cases).get_mut(&case.id) {
            kept.topic = case.topic;
            kept.relay = case.relay;
            kept.user_wrote_at = case.user_wrote_at;
            kept.answered_at = case.answered_at;
        }
        Ok(())
    }

    async fn close_case(&self, id: CaseId, at: u64) -> Result<(), StorageError> {
        if let Some(case) = lock(&self.cases).get_mut(&id) {
            case.closed_at = Some(at);
            case.reach = None;
        }
        Ok(())
    }

    async fn delete_case(&self, id: CaseId) -> Result<(), StorageError> {
        lock(&self.cases).remove(&id);
        lock(&self.pairs).retain(|(case, _)| *case != id);
        lock(&self.replies).retain(|(case, _)| *case != id);
        Ok(())
    }

    async fn relayed(&self, id: CaseId, pair: MessagePair) -> Result<(), StorageError> {
        lock(&self.pairs).push((id, pair));
        Ok(())
    }

    async fn pair_in_topic(&self, id: CaseId, staff_message: i64) -> Result<Option<MessagePair>, StorageError> {
        Ok(lock(&self.pairs)
            .iter()
            .find(|(case, pair)| *case == id && pair.staff_message == staff_message)
            .map(|(_, pair)| *pair))
    }

    async fn keep_reply(&self, id: CaseId, reply: &Reply) -> Result<(), StorageError> {
        lock(&self.replies).push((id, reply.clone()));
        Ok(())
    }

    async fn replies(&self, id: CaseId) -> Result<Vec<Reply>, StorageError> {
        Ok(lock(&self.replies)
            .iter()
            .filter(|(case, _)| *case == id)
            .map(|(_, reply)| reply.clone())
            .collect())
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
