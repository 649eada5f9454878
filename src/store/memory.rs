//! The store behind the core's [`Preferences`] and [`Journal`].
//!
//! Languages are read from memory (loaded from the database at start) and
//! written through; every write goes into a bounded queue that one writer
//! thread drains into SQLite. A full queue drops the write and counts it; a
//! failing write is tried again a few times, then dropped and counted. An
//! answer never waits for the database, with one exception: `/forget` waits
//! a few seconds for the delete, so that the user hears the truth. A delete
//! that fails is kept as a [`Tombstones`] entry and carried out later. The
//! database is either backend ([`Database`]).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::tombstone::Tombstones;
use super::{Database, Event, Store, now};
use crate::assistant::{Journal, MemoryPreferences, NotForgotten, Preferences, QueryId, QueryRecord, UserKey};
use crate::lang::Lang;

/// How often old rows are purged while running.
const PURGE_EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// Pauses before the attempts after a failed write.
const RETRIES: [Duration; 3] = [
    Duration::from_millis(50),
    Duration::from_millis(250),
    Duration::from_secs(1),
];
/// How long `/forget` waits for the database before it says it failed.
const FORGET_WAIT: Duration = Duration::from_secs(5);
/// How often deletes that failed are tried again.
const FORGET_RETRY: Duration = Duration::from_secs(5);

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
}

/// Preferences and journal on SQLite.
pub struct Memory {
    languages: MemoryPreferences,
    sender: Mutex<Option<SyncSender<Job>>>,
    dropped: Arc<AtomicU64>,
    writer: Mutex<Option<JoinHandle<()>>>,
    tombstones: Arc<Tombstones>,
}

/// Work for the writer thread.
enum Job {
    Write(Event),
    /// Delete everything about a user, and say whether it is done.
    Forget(UserKey, SyncSender<bool>),
}

impl Memory {
    /// Opens the database on a writer thread of its own. Never fails: a
    /// database that cannot be opened is logged, and Lotse runs on memory
    /// alone, counting the writes it cannot keep.
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
        let writer = std::thread::Builder::new()
            .name("lotse-store".into())
            .spawn(move || writer(options, receiver, ready_tx, shared))
            .ok();
        let languages = ready_rx.recv_timeout(Duration::from_secs(30)).ok().flatten();
        let open = languages.is_some();
        let mut languages = languages.unwrap_or_default();
        // Who asked to be forgotten is forgotten at once, whatever the
        // database still holds.
        languages.retain(|user, _| !tombstones.contains(user));
        Arc::new(Memory {
            languages: MemoryPreferences::with(languages),
            sender: Mutex::new(open.then_some(sender)),
            dropped,
            writer: Mutex::new(writer),
            tombstones,
        })
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

impl Preferences for Memory {
    fn language(&self, user: &UserKey) -> Option<Lang> {
        self.languages.language(user)
    }

    fn set_language(&self, user: &UserKey, lang: Lang) {
        self.languages.set_language(user, lang);
        self.send(Event::SetLanguage {
            user: user.clone(),
            lang,
            at: now(),
        });
    }

    fn forget(&self, user: &UserKey) {
        self.languages.forget(user);
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

    fn forget(&self, user: &UserKey) -> Result<(), NotForgotten> {
        // Written down before the delete is tried, so that neither a
        // failing database nor a restart loses the wish.
        if let Err(err) = self.tombstones.add(user) {
            log::error!("forget: cannot write {}: {err}", self.tombstones.path().display());
        }
        let (done, answer) = sync_channel(1);
        if !self.queue(Job::Forget(user.clone(), done)) {
            return Err(NotForgotten);
        }
        match answer.recv_timeout(FORGET_WAIT) {
            Ok(true) => Ok(()),
            _ => Err(NotForgotten),
        }
    }
}

/// What the writer shares with [`Memory`].
struct Shared {
    dropped: Arc<AtomicU64>,
    tombstones: Arc<Tombstones>,
}

/// The writer thread: opens the store, carries out pending deletes, purges,
/// reports the languages, then applies writes until the queue closes.
fn writer(
    options: MemoryOptions,
    receiver: Receiver<Job>,
    ready: SyncSender<Option<std::collections::HashMap<UserKey, Lang>>>,
    shared: Shared,
) {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            log::error!("query log: no runtime: {err}");
            let _ = ready.send(None);
            return;
        }
    };
    let opened = runtime.block_on(async {
        let store = Store::open_database(&options.database).await?;
        forget_pending(&store, &shared.tombstones).await;
        purge(&store, options.retention_days).await;
        let languages = store.languages().await?;
        Ok::<_, super::StoreError>((store, languages))
    });
    let mut store = match opened {
        Ok((store, languages)) => {
            let _ = ready.send(Some(languages));
            store
        }
        Err(err) => {
            log::error!("query log: {err}; answering without it");
            let _ = ready.send(None);
            return;
        }
    };
    let mut next_purge = Instant::now() + PURGE_EVERY;
    let mut next_retry = Instant::now() + FORGET_RETRY;
    loop {
        let due = if shared.tombstones.pending().is_empty() {
            next_purge
        } else {
            next_purge.min(next_retry)
        };
        match receiver.recv_timeout(due.saturating_duration_since(Instant::now())) {
            Ok(Job::Write(event)) => {
                if let Err(err) = runtime.block_on(apply_with_retries(&store, &event)) {
                    let n = shared.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                    log::error!("query log: {err}; {n} writes dropped so far");
                }
            }
            Ok(Job::Forget(user, done)) => {
                // One attempt: the tombstone keeps the wish if it fails.
                let forgotten = runtime.block_on(store.apply(&Event::Forget { user: user.clone() }));
                match &forgotten {
                    Ok(()) => shared.tombstones.done(&user),
                    Err(err) => log::error!("forget: {err}; trying again every {FORGET_RETRY:?}"),
                }
                let _ = done.send(forgotten.is_ok());
                next_retry = Instant::now() + FORGET_RETRY;
            }
            Err(RecvTimeoutError::Timeout) => {
                let now = Instant::now();
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
    runtime.block_on(store.close());
}

/// Carries out the deletes still pending; returns how many are left.
async fn forget_pending(store: &Store, tombstones: &Tombstones) -> usize {
    let pending = tombstones.pending();
    let mut left = 0;
    for user in pending {
        match store.apply(&Event::Forget { user: user.clone() }).await {
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

async fn apply_with_retries(store: &Store, event: &Event) -> Result<(), super::StoreError> {
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
    match store.purge_before(cutoff).await {
        Ok(0) => {}
        Ok(n) => log::info!("query log: purged {n} rows older than {retention_days} days"),
        Err(err) => log::error!("query log: purging old rows: {err}"),
    }
}
