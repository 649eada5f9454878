//! The store behind the core's [`Storage`] and [`Journal`].
//!
//! Conversation state (a user's language, the searches behind buttons) is
//! read and written in the database while an event is answered, through a
//! pool opened on the answering runtime (`conversations.rs`); languages go
//! through a bounded cache with a short time-to-live, so a language set by
//! another process is seen after at most that long, and this process's own
//! writes replace its entry at once. The query log and feedback go into a
//! bounded queue that one writer thread drains: a full queue drops the
//! write and counts it; a failing write is tried again a few times, then
//! dropped and counted, and an answer never waits for them. `/forget` waits
//! a few seconds for the delete, so that the user hears the truth; a delete
//! that fails is kept as a [`Tombstones`] entry and carried out later, and
//! until then nothing of the user is read back. The database is either
//! backend ([`Database`]).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::cases;
use super::conversations::{self, LanguageCache};
use super::inbox::Cipher;
use super::tombstone::Tombstones;
use super::{Database, Event, Store, StoreError, now};
use crate::assistant::{
    Case, CaseId, Journal, MessagePair, NewCase, NotForgotten, QueryId, QueryRecord, Reach, Reply, Report, SavedSearch,
    Storage, StorageError, TopicId, UserKey,
};
use crate::lang::Lang;

/// How often old rows are purged while running.
const PURGE_EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// Pauses before the attempts after a failed write.
const RETRIES: [Duration; 3] = [
    Duration::from_millis(50),
    Duration::from_millis(250),
    Duration::from_secs(1),
];
/// How long feedback waits for its search's query-log row, which another
/// process may still have in its queue, and how often it looks again.
const FEEDBACK_WAIT: Duration = Duration::from_secs(60);
const FEEDBACK_RETRY: Duration = Duration::from_secs(1);
/// Feedback that may wait at once; more is dropped and counted.
const FEEDBACK_WAITING: usize = 1_000;
/// How long `/forget` waits for the database before it says it failed.
const FORGET_WAIT: Duration = Duration::from_secs(5);
/// How often deletes that failed are tried again.
const FORGET_RETRY: Duration = Duration::from_secs(5);
/// How long a language read from the database is used without reading it
/// again: what another process set is seen after at most this long.
pub const DEFAULT_LANGUAGE_TTL: Duration = Duration::from_secs(2);
/// Languages the cache holds at most.
const LANGUAGE_CACHE: usize = 10_000;

/// Where and how to keep the memory.
#[derive(Debug, Clone)]
pub struct MemoryOptions {
    pub database: Database,
    /// The file of deletes still to be done [default: beside the SQLite
    /// file; on PostgreSQL the caller names one].
    pub forget_file: Option<PathBuf>,
    /// Rows older than this many days are purged at start and daily.
    pub retention_days: u32,
    /// Writes that may wait for the database.
    pub queue: usize,
    /// How long a language read is trusted ([`DEFAULT_LANGUAGE_TTL`]).
    pub language_ttl: Duration,
}

/// Conversation state, query log and feedback on SQLite.
pub struct Memory {
    database: Database,
    /// The pool conversation state is read and written through, opened on
    /// first use on a runtime of its own ([`Memory::run`]), so that its
    /// connections never depend on the caller's runtime.
    store: Arc<tokio::sync::OnceCell<Store>>,
    runtime: Mutex<Option<tokio::runtime::Runtime>>,
    languages: LanguageCache,
    sender: Mutex<Option<SyncSender<Job>>>,
    dropped: Arc<AtomicU64>,
    writer: Mutex<Option<JoinHandle<()>>>,
    tombstones: Arc<Tombstones>,
    /// Seals the way to reach a case's user; set by [`Memory::set_case_key`].
    cases: std::sync::OnceLock<Cipher>,
}

/// Work for the writer thread.
enum Job {
    Write(Event),
    /// Delete everything about a user, and say whether it is done.
    Forget(UserKey, tokio::sync::oneshot::Sender<bool>),
}

impl Memory {
    /// Opens the database (applying its migrations) on a writer thread of
    /// its own. Never fails: a database that cannot be opened is logged,
    /// and Lotse answers without it, counting the writes it cannot keep.
    pub fn open(options: MemoryOptions) -> Arc<Memory> {
        let (sender, receiver) = sync_channel(options.queue.max(1));
        let (ready_tx, ready_rx) = sync_channel(1);
        let dropped = Arc::new(AtomicU64::new(0));
        let forget_file = match (&options.forget_file, &options.database) {
            (Some(file), _) => file.clone(),
            (None, Database::Sqlite(path)) => Tombstones::beside(path),
            (None, Database::Postgres(_)) => PathBuf::from("lotse-forget"),
        };
        let tombstones = Arc::new(Tombstones::open(forget_file));
        let shared = Shared {
            dropped: dropped.clone(),
            tombstones: tombstones.clone(),
        };
        let database = options.database.clone();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("lotse-conversations")
            .enable_all()
            .build()
            .map_err(|err| log::error!("conversation state: no runtime: {err}"))
            .ok();
        let languages = LanguageCache::new(options.language_ttl, LANGUAGE_CACHE);
        let writer = std::thread::Builder::new()
            .name("lotse-store".into())
            .spawn(move || writer(options, receiver, ready_tx, shared))
            .ok();
        let open = ready_rx.recv_timeout(Duration::from_secs(30)).unwrap_or(false);
        Arc::new(Memory {
            database,
            store: Arc::new(tokio::sync::OnceCell::new()),
            runtime: Mutex::new(runtime),
            languages,
            sender: Mutex::new(open.then_some(sender)),
            dropped,
            writer: Mutex::new(writer),
            tombstones,
            cases: std::sync::OnceLock::new(),
        })
    }

    /// The key that seals the way to reach a case's user (derived from
    /// the pseudonym secret, so it lives outside the database). Without
    /// it, no case can be opened.
    pub fn set_case_key(&self, key: [u8; 32]) {
        let _ = self.cases.set(Cipher::new(&key));
    }

    fn case_cipher(&self) -> Result<Cipher, StorageError> {
        self.cases
            .get()
            .cloned()
            .ok_or_else(|| StorageError("cases: no key to seal the way to reach a user".into()))
    }

    /// Users whose deletion is still to be done.
    pub fn pending_forgets(&self) -> usize {
        self.tombstones.pending().len()
    }

    /// Writes dropped so far (queue full, or the database failed).
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    /// Waits until every queued write is done, and closes the database.
    pub fn close(&self) {
        self.sender.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(writer) = self.writer.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = writer.join();
        }
        // Closed, not just dropped, so that SQLite folds its write-ahead
        // log back in; on a thread of its own, since close may be called
        // on a runtime or after it has stopped.
        let runtime = self.runtime.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(runtime) = runtime {
            let store = self.store.clone();
            let closed = std::thread::spawn(move || {
                if let Some(store) = store.get() {
                    runtime.block_on(store.close());
                }
            });
            let _ = closed.join();
        }
    }

    /// Runs `work` on the conversation state's runtime, with its pool
    /// (opened there on first use; the writer has applied the migrations by
    /// then), and waits for it from whichever runtime the caller is on.
    async fn run<T, F, Fut>(&self, work: F) -> Result<T, StorageError>
    where
        T: Send + 'static,
        F: FnOnce(Store) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        let handle = self
            .runtime
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map(|runtime| runtime.handle().clone())
            .ok_or_else(|| StorageError("the conversation state is closed".into()))?;
        let (cell, database) = (self.store.clone(), self.database.clone());
        let task = handle.spawn(async move {
            let store = cell
                .get_or_try_init(|| Store::connect_database(&database))
                .await?
                .clone();
            work(store).await
        });
        match task.await {
            Ok(result) => result.map_err(storage_error),
            Err(err) => Err(StorageError(err.to_string())),
        }
    }

    fn send(&self, event: Event) {
        self.queue(Job::Write(event));
    }

    /// Puts a job in the writer's queue; `false` (and counted) where it
    /// cannot take it.
    fn queue(&self, job: Job) -> bool {
        let sender = self.sender.lock().unwrap_or_else(|e| e.into_inner());
        let Some(sender) = sender.as_ref() else {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            return false;
        };
        match sender.try_send(job) {
            Ok(()) => true,
            Err(TrySendError::Full(_)) => {
                let n = self.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                log::error!("the query log's queue is full; {n} writes dropped so far");
                false
            }
            Err(TrySendError::Disconnected(_)) => {
                self.dropped.fetch_add(1, Ordering::Relaxed);
                false
            }
        }
    }
}

impl Drop for Memory {
    fn drop(&mut self) {
        self.close();
    }
}

fn storage_error(err: StoreError) -> StorageError {
    StorageError(err.to_string())
}

#[async_trait::async_trait]
impl Storage for Memory {
    async fn language(&self, user: &UserKey) -> Option<Lang> {
        // Who asked to be forgotten is forgotten at once, whatever the
        // database still holds.
        if self.tombstones.contains(user) {
            return None;
        }
        if let Some(lang) = self.languages.get(user) {
            return lang;
        }
        let key = user.clone();
        let read = self
            .run(move |store| async move { conversations::language(&store, &key).await })
            .await;
        match read {
            Ok(lang) => {
                self.languages.put(user, lang);
                lang
            }
            Err(err) => {
                log::error!("reading a language: {err}");
                None
            }
        }
    }

    async fn set_language(&self, user: &UserKey, lang: Lang) -> Result<(), StorageError> {
        let key = user.clone();
        let written = self
            .run(move |store| async move { conversations::set_language(&store, &key, lang, now()).await })
            .await;
        // This process reads its own write at once, and a failed write is
        // not taken for the language.
        match written {
            Ok(()) => self.languages.put(user, Some(lang)),
            Err(_) => self.languages.remove(user),
        }
        written
    }

    async fn save_search(&self, user: &UserKey, text: &str, lang: Lang) -> Result<QueryId, StorageError> {
        let (key, text) = (user.clone(), text.to_string());
        self.run(move |store| async move { conversations::save_search(&store, &key, &text, lang, now()).await })
            .await
    }

    async fn search(&self, id: QueryId) -> Result<Option<SavedSearch>, StorageError> {
        let search = self
            .run(move |store| async move { conversations::search(&store, id).await })
            .await?;
        Ok(search.filter(|s| !self.tombstones.contains(&s.user)))
    }

    async fn forget(&self, user: &UserKey) -> Result<(), NotForgotten> {
        // Written down before the delete is tried, so that neither a
        // failing database nor a restart loses the wish.
        if let Err(err) = self.tombstones.add(user) {
            log::error!("forget: cannot write {}: {err}", self.tombstones.path().display());
        }
        self.languages.remove(user);
        let (done, answer) = tokio::sync::oneshot::channel();
        if !self.queue(Job::Forget(user.clone(), done)) {
            return Err(NotForgotten);
        }
        match tokio::time::timeout(FORGET_WAIT, answer).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(NotForgotten),
        }
    }

    async fn searches_since(&self, user: &UserKey, since: u64, limit: usize) -> Result<Vec<SavedSearch>, StorageError> {
        if self.tombstones.contains(user) {
            return Ok(Vec::new());
        }
        let key = user.clone();
        self.run(move |store| async move { conversations::searches_since(&store, &key, since, limit).await })
            .await
    }

    async fn open_case(&self, new: NewCase, reach: &Reach) -> Result<Case, StorageError> {
        let (cipher, reach) = (self.case_cipher()?, reach.clone());
        self.run(move |store| async move { cases::open(&store, &cipher, new, &reach).await })
            .await
    }

    async fn case(&self, id: CaseId) -> Result<Option<Case>, StorageError> {
        let cipher = self.case_cipher()?;
        let case = self
            .run(move |store| async move { cases::case(&store, &cipher, id).await })
            .await?;
        Ok(case.filter(|c| !self.tombstones.contains(&c.user)))
    }

    async fn open_case_of(&self, user: &UserKey) -> Result<Option<Case>, StorageError> {
        if self.tombstones.contains(user) {
            return Ok(None);
        }
        let (cipher, key) = (self.case_cipher()?, user.clone());
        self.run(move |store| async move { cases::open_of(&store, &cipher, &key).await })
            .await
    }

    async fn case_by_topic(&self, topic: TopicId) -> Result<Option<Case>, StorageError> {
        let cipher = self.case_cipher()?;
        let case = self
            .run(move |store| async move { cases::by_topic(&store, &cipher, topic).await })
            .await?;
        Ok(case.filter(|c| !self.tombstones.contains(&c.user)))
    }

    async fn open_cases(&self) -> Result<Vec<Case>, StorageError> {
        let cipher = self.case_cipher()?;
        let mut open = self
            .run(move |store| async move { cases::open_cases(&store, &cipher).await })
            .await?;
        open.retain(|c| !self.tombstones.contains(&c.user));
        Ok(open)
    }

    async fn cases_of(&self, user: &UserKey) -> Result<Vec<Case>, StorageError> {
        let (cipher, key) = (self.case_cipher()?, user.clone());
        self.run(move |store| async move { cases::of_user(&store, &cipher, &key).await })
            .await
    }

    async fn update_case(&self, case: &Case) -> Result<(), StorageError> {
        let case = case.clone();
        self.run(move |store| async move { cases::update(&store, &case).await })
            .await
    }

    async fn close_case(&self, id: CaseId, at: u64) -> Result<(), StorageError> {
        self.run(move |store| async move { cases::close(&store, id, at).await })
            .await
    }

    async fn delete_case(&self, id: CaseId) -> Result<(), StorageError> {
        self.run(move |store| async move { cases::delete(&store, id).await })
            .await
    }

    async fn relayed(&self, id: CaseId, pair: MessagePair) -> Result<(), StorageError> {
        self.run(move |store| async move { cases::relayed(&store, id, pair).await })
            .await
    }

    async fn pair_in_topic(&self, id: CaseId, staff_message: i64) -> Result<Option<MessagePair>, StorageError> {
        self.run(move |store| async move { cases::pair_in_topic(&store, id, staff_message).await })
            .await
    }

    async fn keep_reply(&self, id: CaseId, reply: &Reply) -> Result<(), StorageError> {
        let (cipher, reply) = (self.case_cipher()?, reply.clone());
        self.run(move |store| async move { cases::keep_reply(&store, &cipher, id, &reply).await })
            .await
    }

    async fn replies(&self, id: CaseId) -> Result<Vec<Reply>, StorageError> {
        let cipher = self.case_cipher()?;
        self.run(move |store| async move { cases::replies(&store, &cipher, id).await })
            .await
    }

    async fn report(&self, since: u64) -> Result<Report, StorageError> {
        let stats = self.run(move |store| async move { store.stats(since).await }).await?;
        Ok(Report {
            queries: stats.queries,
            zero_results: stats.zero_results,
            feedback: stats.feedback,
            gaps: stats.gaps.into_iter().map(|gap| (gap.query, gap.count)).collect(),
        })
    }
}

impl Journal for Memory {
    fn query(&self, record: QueryRecord) {
        self.send(Event::Query(record));
    }

    fn feedback(&self, query: QueryId, user: &UserKey, helpful: bool) {
        self.send(Event::Feedback {
            query,
            user: user.clone(),
            helpful,
            at: now(),
        });
    }
}

/// What the writer shares with [`Memory`].
struct Shared {
    dropped: Arc<AtomicU64>,
    tombstones: Arc<Tombstones>,
}

/// The writer thread: opens the store, carries out pending deletes, purges,
/// says it is ready, then applies writes until the queue closes.
fn writer(options: MemoryOptions, receiver: Receiver<Job>, ready: SyncSender<bool>, shared: Shared) {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            log::error!("query log: no runtime: {err}");
            let _ = ready.send(false);
            return;
        }
    };
    let opened = runtime.block_on(async {
        let store = Store::open_database(&options.database).await?;
        forget_pending(&store, &shared.tombstones).await;
        purge(&store, options.retention_days).await;
        Ok::<_, StoreError>(store)
    });
    let mut store = match opened {
        Ok(store) => {
            let _ = ready.send(true);
            store
        }
        Err(err) => {
            log::error!("query log: {err}; answering without it");
            let _ = ready.send(false);
            return;
        }
    };
    let mut next_purge = Instant::now() + PURGE_EVERY;
    let mut next_retry = Instant::now() + FORGET_RETRY;
    let mut waiting = Waiting::default();
    loop {
        let mut due = if shared.tombstones.pending().is_empty() {
            next_purge
        } else {
            next_purge.min(next_retry)
        };
        if let Some(next) = waiting.next_try() {
            due = due.min(next);
        }
        match receiver.recv_timeout(due.saturating_duration_since(Instant::now())) {
            Ok(Job::Write(event)) => match runtime.block_on(apply_with_retries(&store, &event)) {
                Ok(true) => {}
                Ok(false) => waiting.push(event, &shared),
                Err(err) => {
                    let n = shared.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                    log::error!("query log: {err}; {n} writes dropped so far");
                }
            },
            Ok(Job::Forget(user, done)) => {
                // One attempt: the tombstone keeps the wish if it fails.
                let forgotten = runtime.block_on(forget_user(&store, &user));
                match &forgotten {
                    Ok(()) => shared.tombstones.done(&user),
                    Err(err) => log::error!("forget: {err}; trying again every {FORGET_RETRY:?}"),
                }
                let _ = done.send(forgotten.is_ok());
                next_retry = Instant::now() + FORGET_RETRY;
            }
            Err(RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                if waiting.next_try().is_some_and(|next| now >= next) {
                    runtime.block_on(waiting.retry(&store, &shared, false));
                }
                if now >= next_retry && !shared.tombstones.pending().is_empty() {
                    runtime.block_on(retry_forgets(&mut store, &options, &shared.tombstones));
                    next_retry = Instant::now() + FORGET_RETRY;
                }
                if now >= next_purge {
                    runtime.block_on(purge(&store, options.retention_days));
                    next_purge = Instant::now() + PURGE_EVERY;
                }
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    // A last look for what still waits: its row may have come meanwhile.
    runtime.block_on(waiting.retry(&store, &shared, true));
    runtime.block_on(store.close());
}

/// Feedback whose search's query-log row is not stored yet: on another
/// replica, the row of the search a 👍 is for may still be in that
/// process's queue. Kept (never its text: feedback has none) and tried
/// again every [`FEEDBACK_RETRY`] for up to [`FEEDBACK_WAIT`], then dropped
/// and counted.
#[derive(Default)]
struct Waiting {
    events: Vec<(Event, Instant)>,
    next_try: Option<Instant>,
}

impl Waiting {
    fn next_try(&self) -> Option<Instant> {
        self.next_try
    }

    fn push(&mut self, event: Event, shared: &Shared) {
        if self.events.len() >= FEEDBACK_WAITING {
            let n = shared.dropped.fetch_add(1, Ordering::Relaxed) + 1;
            log::error!("feedback: too many wait for their search; {n} writes dropped so far");
            return;
        }
        let now = Instant::now();
        self.events.push((event, now + FEEDBACK_WAIT));
        self.next_try.get_or_insert(now + FEEDBACK_RETRY);
    }

    /// Tries every waiting write once; drops those past their time, or all
    /// that are still not stored when `last`.
    async fn retry(&mut self, store: &Store, shared: &Shared, last: bool) {
        let now = Instant::now();
        let mut kept = Vec::new();
        for (event, until) in std::mem::take(&mut self.events) {
            match store.apply(&event).await {
                Ok(true) => {}
                Ok(false) | Err(_) if !last && now < until => kept.push((event, until)),
                outcome => {
                    let n = shared.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                    let why = match outcome {
                        Err(err) => err.to_string(),
                        _ => "its search was never logged".to_string(),
                    };
                    log::error!("feedback: {why}; {n} writes dropped so far");
                }
            }
        }
        self.next_try = (!kept.is_empty()).then(|| now + FEEDBACK_RETRY);
        self.events = kept;
    }
}

/// Carries out the deletes still pending; returns how many are left.
async fn forget_pending(store: &Store, tombstones: &Tombstones) -> usize {
    let pending = tombstones.pending();
    let mut left = 0;
    for user in pending {
        match forget_user(store, &user).await {
            Ok(()) => tombstones.done(&user),
            Err(_) => left += 1,
        }
    }
    left
}

/// Tries the pending deletes again. A connection opened while the database
/// was read-only stays read-only, so where they fail on the old store a
/// fresh one is opened, and kept when it can do them.
async fn retry_forgets(store: &mut Store, options: &MemoryOptions, tombstones: &Tombstones) {
    if forget_pending(store, tombstones).await == 0 {
        log::info!("forget: the deletes that had failed are done");
        return;
    }
    let Ok(fresh) = Store::open_database(&options.database).await else {
        return;
    };
    let left = forget_pending(&fresh, tombstones).await;
    if left == 0 {
        log::info!("forget: the deletes that had failed are done");
    }
    let old = std::mem::replace(store, fresh);
    old.close().await;
}

/// Deletes everything about `user`: the query log, feedback, language,
/// searches, and cases with their message pairs.
async fn forget_user(store: &Store, user: &UserKey) -> Result<(), StoreError> {
    store.apply(&Event::Forget { user: user.clone() }).await?;
    conversations::forget(store, user).await?;
    cases::forget(store, user).await
}

async fn apply_with_retries(store: &Store, event: &Event) -> Result<bool, StoreError> {
    let mut result = store.apply(event).await;
    for pause in RETRIES {
        if result.is_ok() {
            break;
        }
        tokio::time::sleep(pause).await;
        result = store.apply(event).await;
    }
    result
}

async fn purge(store: &Store, retention_days: u32) {
    let cutoff = now().saturating_sub(u64::from(retention_days) * 24 * 60 * 60);
    let purged = match store.purge_before(cutoff).await {
        Ok(n) => match conversations::purge_before(store, cutoff).await {
            // Closed cases go after the same retention period.
            Ok(searches) => cases::purge_closed_before(store, cutoff)
                .await
                .map(|cases| n + searches + cases),
            Err(err) => Err(err),
        },
        Err(err) => Err(err),
    };
    match purged {
        Ok(0) => {}
        Ok(n) => log::info!("query log: purged {n} rows older than {retention_days} days"),
        Err(err) => log::error!("query log: purging old rows: {err}"),
    }
}
