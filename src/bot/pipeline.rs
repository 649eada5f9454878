//! From a received update to its delivered answer: the durable inbox, the
//! rate limits, and one ordered worker per chat.
//!
//! An update is stored in the inbox before it is confirmed to Telegram
//! (the caller confirms once [`Pipeline::accept`] returns), then routed to
//! its chat's worker through a bounded queue that is only ever tried, never
//! waited on: a full queue or a user over the limit drops the update (and
//! counts it) instead of holding up the others. A worker answers its
//! chat's updates one after the other, each in a task of its own so that a
//! panic becomes a logged error and a polite reply, and marks each done in
//! the inbox once answered. On stop, workers finish the update in hand and
//! leave the rest in the inbox for the next start. Where replicas share the
//! inbox (PostgreSQL), each update is handled in its chat's turn
//! ([`crate::store::ChatTurn`], a lease on the chat), so one
//! chat's updates are answered one at a time across replicas, and an update
//! another replica finished is skipped.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use teloxide::types::Update;
use tokio::sync::{mpsc, watch};

use super::webhook::{Offer, OfferError};
use super::{Handler, Route};
use crate::limits::{Limiter, Limits, Verdict};
use crate::store::{Inbox, Incoming, StoreError};

/// How long a worker without updates stays before it goes.
const IDLE: Duration = Duration::from_secs(30);

/// Updates waiting in all chats' queues beyond which the webhook answers
/// `503`, so that Telegram keeps the rest until there is room.
const MAX_QUEUED: usize = 10_000;

/// The inbox, the limits and the chats' workers.
pub(super) struct Pipeline {
    inbox: Inbox,
    handler: Arc<Handler>,
    limiter: Mutex<Limiter>,
    chats: Mutex<HashMap<i64, mpsc::Sender<Job>>>,
    /// Capacity of each chat's queue.
    queue: usize,
    /// Updates queued in all chats, for back-pressure.
    queued: AtomicUsize,
    stop: watch::Sender<bool>,
    /// Each worker holds a clone; all gone means all stopped.
    alive: Mutex<Option<mpsc::Sender<()>>>,
    gone: tokio::sync::Mutex<mpsc::Receiver<()>>,
}

struct Job {
    update_id: i64,
    update: Update,
    route: Route,
    /// Only the over-the-limit notice is due; the update is already
    /// counted as dropped.
    notice: bool,
}

impl Pipeline {
    pub(super) fn new(inbox: Inbox, handler: Arc<Handler>, limits: Limits, queue: usize) -> Arc<Pipeline> {
        let (alive, gone) = mpsc::channel(1);
        Arc::new(Pipeline {
            inbox,
            handler,
            limiter: Mutex::new(Limiter::new(limits)),
            chats: Mutex::new(HashMap::new()),
            queue: queue.max(1),
            queued: AtomicUsize::new(0),
            stop: watch::Sender::new(false),
            alive: Mutex::new(Some(alive)),
            gone: tokio::sync::Mutex::new(gone),
        })
    }

    /// Routes the updates the inbox still holds from the last run, oldest
    /// first, before any new one; returns how many.
    pub(super) async fn resume(self: &Arc<Self>) -> Result<usize, StoreError> {
        let pending = self.inbox.pending().await?;
        let n = pending.len();
        for stored in pending {
            match serde_json::from_slice::<Update>(&stored.payload) {
                Ok(update) => {
                    let route = self.handler.route(&update);
                    self.route(stored.update_id, update, route).await;
                }
                Err(_) => self.inbox.done(stored.update_id).await?,
            }
        }
        Ok(n)
    }

    /// A webhook delivery: stored and routed, known already, or refused
    /// while the queues are full (Telegram then delivers it again).
    pub(super) async fn offer(self: &Arc<Self>, body: &[u8]) -> Result<Offer, OfferError> {
        let Ok(update) = serde_json::from_slice::<Update>(body) else {
            // Telegram would deliver it again and again; never logged whole.
            log::warn!("webhook: a body that is not an update was dropped");
            return Ok(Offer::Accepted);
        };
        if self.queued.load(Ordering::Relaxed) >= MAX_QUEUED {
            return Ok(Offer::Busy);
        }
        let offered = self.accept(vec![update]).await?;
        Ok(offered.into_iter().next().unwrap_or(Offer::Accepted))
    }

    /// Stores updates in the inbox, then routes the new ones. When this
    /// returns Ok, the updates may be confirmed to Telegram.
    pub(super) async fn accept(self: &Arc<Self>, updates: Vec<Update>) -> Result<Vec<Offer>, StoreError> {
        let routes: Vec<Route> = updates.iter().map(|update| self.handler.route(update)).collect();
        let prepared: Vec<(i64, String, Vec<u8>)> = updates
            .iter()
            .zip(&routes)
            .map(|(update, route)| {
                let payload = serde_json::to_vec(update).unwrap_or_default();
                (i64::from(update.id.0), self.handler.chat_key(route.chat), payload)
            })
            .collect();
        let incoming: Vec<Incoming<'_>> = prepared
            .iter()
            .map(|(update_id, chat_key, payload)| Incoming {
                update_id: *update_id,
                chat_key,
                payload,
            })
            .collect();
        let fresh = self.inbox.offer(&incoming).await?;
        let mut offered = Vec::with_capacity(updates.len());
        for ((update, route), fresh) in updates.into_iter().zip(routes).zip(fresh) {
            if fresh {
                self.route(i64::from(update.id.0), update, route).await;
                offered.push(Offer::Accepted);
            } else {
                offered.push(Offer::Duplicate);
            }
        }
        Ok(offered)
    }

    /// Stops taking updates, lets the workers finish the update in hand
    /// for at most `deadline`, and leaves the rest in the inbox. Returns
    /// whether all finished in time.
    pub(super) async fn stop(&self, deadline: Duration) -> bool {
        self.stop.send_replace(true);
        self.lock_chats().clear();
        self.alive.lock().unwrap_or_else(|e| e.into_inner()).take();
        let mut gone = self.gone.lock().await;
        tokio::time::timeout(deadline, gone.recv()).await.is_ok()
    }

    /// Sends an update to its chat's worker, or drops it over the limits.
    async fn route(self: &Arc<Self>, update_id: i64, update: Update, route: Route) {
        if !route.addressed {
            // Group chatter not meant for Lotse: nothing to answer.
            self.finish(update_id, false).await;
            return;
        }
        let verdict = match route.user.filter(|_| route.limited) {
            Some(user) => {
                self.limiter
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .check(Some(user), route.group, Instant::now())
            }
            None => Verdict::Take,
        };
        let chat = route.chat;
        let job = Job {
            update_id,
            update,
            route,
            notice: verdict == Verdict::Notice,
        };
        if verdict != Verdict::Drop && self.enqueue(chat, job) {
            if verdict == Verdict::Notice {
                self.finish(update_id, true).await;
            }
            return;
        }
        self.finish(update_id, true).await;
    }

    /// Tries the chat's queue, starting its worker where there is none;
    /// false when it is full or the pipeline stops.
    fn enqueue(self: &Arc<Self>, chat: i64, job: Job) -> bool {
        if *self.stop.borrow() {
            return false;
        }
        let mut chats = self.lock_chats();
        let sender = match chats.get(&chat) {
            Some(sender) => sender.clone(),
            None => {
                let Some(alive) = self.alive.lock().unwrap_or_else(|e| e.into_inner()).clone() else {
                    return false;
                };
                let (sender, receiver) = mpsc::channel(self.queue);
                chats.insert(chat, sender.clone());
                tokio::spawn(worker(self.clone(), chat, receiver, alive));
                sender
            }
        };
        match sender.try_send(job) {
            Ok(()) => {
                self.queued.fetch_add(1, Ordering::Relaxed);
                true
            }
            Err(_) => false,
        }
    }

    /// Marks an update handled (or dropped over a limit) in the inbox.
    async fn finish(&self, update_id: i64, dropped: bool) {
        let result = if dropped {
            self.inbox.dropped(update_id).await
        } else {
            self.inbox.done(update_id).await
        };
        if let Err(err) = result {
            log::error!("inbox: marking update {update_id} handled: {err}");
        }
    }

    fn lock_chats(&self) -> MutexGuard<'_, HashMap<i64, mpsc::Sender<Job>>> {
        self.chats.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One chat's worker: answers its updates in order until the pipeline
/// stops or the chat has been quiet for a while.
async fn worker(pipeline: Arc<Pipeline>, chat: i64, mut jobs: mpsc::Receiver<Job>, _alive: mpsc::Sender<()>) {
    let mut stop = pipeline.stop.subscribe();
    let chat_key = pipeline.handler.chat_key(chat);
    loop {
        let job = tokio::select! {
            biased;
            _ = stop.wait_for(|stopping| *stopping) => return,
            job = tokio::time::timeout(IDLE, jobs.recv()) => job,
        };
        let job = match job {
            Ok(Some(job)) => job,
            Ok(None) => return,
            Err(_idle) => {
                let mut chats = pipeline.lock_chats();
                // Checked under the lock the dispatcher sends under, so no
                // update is queued to a worker that is going.
                if jobs.is_empty() {
                    chats.remove(&chat);
                    return;
                }
                continue;
            }
        };
        pipeline.queued.fetch_sub(1, Ordering::Relaxed);
        if *stop.borrow() {
            // Left in the inbox for the next start.
            return;
        }
        let handler = pipeline.handler.clone();
        let Job {
            update_id,
            update,
            route,
            notice,
        } = job;
        let kind = super::kind_of(&update);
        // The notice's update is already marked dropped; it needs no turn.
        let turn = if notice {
            None
        } else {
            match turn(&pipeline, &chat_key, update_id, &mut stop).await {
                Some(turn) => Some(turn),
                // Another replica answered it, or Lotse stops: it stays in
                // the inbox.
                None => continue,
            }
        };
        let route = Arc::new(route);
        let task = {
            let (handler, route) = (handler.clone(), route.clone());
            tokio::spawn(async move {
                if notice {
                    handler.notice_limited(&route).await
                } else {
                    handler.handle(update, &route).await
                }
            })
        };
        match task.await {
            Ok(Ok(())) => {}
            Ok(Err(err)) => log::warn!("answering a {kind} update: {err}"),
            Err(err) if err.is_panic() => {
                log::error!("handling a {kind} update panicked; the user gets an apology");
                if let Err(err) = handler.apologise(&route).await {
                    log::warn!("apologising for a failed {kind} update: {err}");
                }
            }
            Err(_) => {}
        }
        if let Some(turn) = turn
            && let Err(err) = pipeline.inbox.done_in(turn, update_id).await
        {
            log::error!("inbox: marking update {update_id} handled: {err}");
        }
    }
}

/// Waits for the chat's turn to handle `update_id`, trying again while the
/// database fails (busy or away); None when another replica answered it or
/// Lotse stops.
async fn turn(
    pipeline: &Pipeline,
    chat_key: &str,
    update_id: i64,
    stop: &mut watch::Receiver<bool>,
) -> Option<crate::store::ChatTurn> {
    let mut logged = false;
    loop {
        match pipeline.inbox.turn(chat_key, update_id).await {
            Ok(turn) => return turn,
            Err(err) if !logged => {
                log::error!("inbox: waiting for a chat's turn: {err}; trying again");
                logged = true;
            }
            Err(_) => {}
        }
        tokio::select! {
            _ = stop.wait_for(|stopping| *stopping) => return None,
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
}
