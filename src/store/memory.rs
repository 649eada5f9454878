//! The store behind the core's [`Preferences`] and [`Journal`].
//!
//! Languages are read from memory (loaded from the database at start) and
//! written through; every write goes into a bounded queue that one writer
//! thread drains into SQLite. A full queue drops the write and counts it; a
//! failing write is tried again a few times, then dropped and counted. An
//! answer never waits for the database.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{Event, Store, now};
use crate::assistant::{Journal, MemoryPreferences, Preferences, QueryId, QueryRecord, UserKey};
use crate::lang::Lang;

/// How often old rows are purged while running.
const PURGE_EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// Pauses before the attempts after a failed write.
const RETRIES: [Duration; 3] = [
    Duration::from_millis(50),
    Duration::from_millis(250),
    Duration::from_secs(1),
];

/// Where and how to keep the memory.
#[derive(Debug, Clone)]
pub struct MemoryOptions {
    pub path: PathBuf,
    /// Rows older than this many days are purged at start and daily.
    pub retention_days: u32,
    /// Writes that may wait for the database.
    pub queue: usize,
}

/// Preferences and journal on SQLite.
pub struct Memory {
    languages: MemoryPreferences,
    sender: Mutex<Option<SyncSender<Event>>>,
    dropped: Arc<AtomicU64>,
    writer: Mutex<Option<JoinHandle<()>>>,
}

impl Memory {
    /// Opens the database on a writer thread of its own. Never fails: a
    /// database that cannot be opened is logged, and Lotse runs on memory
    /// alone, counting the writes it cannot keep.
    pub fn open(options: MemoryOptions) -> Arc<Memory> {
        let (sender, receiver) = sync_channel(options.queue.max(1));
        let (ready_tx, ready_rx) = sync_channel(1);
        let dropped = Arc::new(AtomicU64::new(0));
        let writer_dropped = dropped.clone();
        let writer = std::thread::Builder::new()
            .name("lotse-store".into())
            .spawn(move || writer(options, receiver, ready_tx, writer_dropped))
            .ok();
        let languages = ready_rx.recv_timeout(Duration::from_secs(30)).ok().flatten();
        let open = languages.is_some();
        Arc::new(Memory {
            languages: MemoryPreferences::with(languages.unwrap_or_default()),
            sender: Mutex::new(open.then_some(sender)),
            dropped,
            writer: Mutex::new(writer),
        })
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
        let sender = self.sender.lock().unwrap_or_else(|e| e.into_inner());
        let Some(sender) = sender.as_ref() else {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            return;
        };
        match sender.try_send(event) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                let n = self.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                log::error!("the query log's queue is full; {n} writes dropped so far");
            }
            Err(TrySendError::Disconnected(_)) => {
                self.dropped.fetch_add(1, Ordering::Relaxed);
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

    fn forget(&self, user: &UserKey) {
        self.send(Event::Forget { user: user.clone() });
    }
}

/// The writer thread: opens the store, purges, reports the languages, then
/// applies writes until the queue closes.
fn writer(
    options: MemoryOptions,
    receiver: Receiver<Event>,
    ready: SyncSender<Option<std::collections::HashMap<UserKey, Lang>>>,
    dropped: Arc<AtomicU64>,
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
        let store = Store::open(&options.path).await?;
        purge(&store, options.retention_days).await;
        let languages = store.languages().await?;
        Ok::<_, super::StoreError>((store, languages))
    });
    let store = match opened {
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
    loop {
        let wait = next_purge.saturating_duration_since(Instant::now());
        match receiver.recv_timeout(wait) {
            Ok(event) => {
                if let Err(err) = runtime.block_on(apply_with_retries(&store, &event)) {
                    let n = dropped.fetch_add(1, Ordering::Relaxed) + 1;
                    log::error!("query log: {err}; {n} writes dropped so far");
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                runtime.block_on(purge(&store, options.retention_days));
                next_purge = Instant::now() + PURGE_EVERY;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    runtime.block_on(store.close());
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
