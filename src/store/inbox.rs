//! The durable inbox: every update is stored here before it is confirmed
//! to Telegram, handled from here, and marked done once answered.
//!
//! `update_id` is the primary key, so a redelivered or concurrent duplicate
//! is taken once. The payload (a clear user id, a name, a text) is sealed
//! with XChaCha20-Poly1305 under a key that lives outside the database, and
//! is removed as soon as the update is handled; the bare `update_id` stays
//! for Telegram's 24 h redelivery window, then goes. Rows carry a
//! pseudonymous chat key: on PostgreSQL, where several replicas share the
//! table, an update is handled in a [`ChatTurn`]: a lease on the chat in
//! `chat_turns`, taken in a short transaction under `pg_advisory_xact_lock`
//! on a hash of that key (which also re-reads the update's state) and
//! given back with the update marked done. So one chat's updates are
//! handled one at a time and in order across replicas, an update one
//! replica has finished is not handled again by another, and no database
//! connection is held while the answer goes out. A lease a replica never
//! gave back (it stopped mid-answer) lapses after [`TURN_LEASE_SECS`].

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use sqlx::{Any, AnyPool};

use super::{StoreError, now};

/// How long a handled update's id is kept: Telegram redelivers for 24 h.
pub const REDELIVERY_WINDOW_SECS: u64 = 24 * 60 * 60;
/// Bytes of a nonce; it leads the sealed payload.
const NONCE_BYTES: usize = 24;
/// How long a replica's turn on a chat holds at most: longer than any
/// answer takes (the drain deadline, Telegram's retries), short enough
/// that a chat whose replica died mid-answer is answered again soon.
pub const TURN_LEASE_SECS: u64 = 60;
/// How often a replica looks again for a chat another one is answering.
const TURN_POLL: std::time::Duration = std::time::Duration::from_millis(20);

/// The key that seals payloads; kept outside the database.
#[derive(Clone)]
pub struct InboxKey(pub [u8; 32]);

/// One update to store.
#[derive(Debug, Clone)]
pub struct Incoming<'a> {
    pub update_id: i64,
    /// A pseudonym of the chat (never its clear id).
    pub chat_key: &'a str,
    /// The update as Telegram sent it.
    pub payload: &'a [u8],
}

/// An unfinished update read back.
#[derive(Debug, Clone)]
pub struct Pending {
    pub update_id: i64,
    pub payload: Vec<u8>,
}

/// The inbox table with its sealing key.
#[derive(Clone)]
pub struct Inbox {
    pool: AnyPool,
    /// Replicas share the table: handle updates in [`ChatTurn`]s.
    shared: bool,
    /// This process's name on the leases it holds (random, per start).
    holder: String,
    cipher: Cipher,
}

/// XChaCha20-Poly1305 under a key kept outside the database: the inbox's
/// payloads, and the way to reach a case's user.
#[derive(Clone)]
pub(super) struct Cipher(XChaCha20Poly1305);

/// The right to handle one update of a chat, until [`Inbox::done_in`]. On
/// PostgreSQL the chat's lease (its key); on SQLite (one process) nothing.
pub struct ChatTurn {
    lease: Option<String>,
}

impl Inbox {
    /// The inbox in `store`'s database.
    pub fn new(store: &super::Store, key: &InboxKey) -> Inbox {
        Inbox {
            pool: store.pool().clone(),
            shared: store.is_postgres(),
            holder: holder_name(),
            cipher: Cipher::new(&key.0),
        }
    }

    /// Stores updates, in one transaction; returns, for each, whether it
    /// is new (false: a duplicate already here).
    pub async fn offer(&self, updates: &[Incoming<'_>]) -> Result<Vec<bool>, StoreError> {
        let at = now() as i64;
        let mut tx = self.pool.begin().await?;
        let mut fresh = Vec::with_capacity(updates.len());
        for update in updates {
            let sealed = self.cipher.seal(update.payload)?;
            let inserted = sqlx::query(
                "INSERT INTO inbox (update_id, chat_key, state, received_at, payload) VALUES ($1, $2, 'new', $3, $4) \
                 ON CONFLICT (update_id) DO NOTHING",
            )
            .bind(update.update_id)
            .bind(update.chat_key)
            .bind(at)
            .bind(sealed)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            fresh.push(inserted == 1);
        }
        tx.commit().await?;
        Ok(fresh)
    }

    /// The unfinished updates, oldest first. One that cannot be unsealed
    /// (another key) is marked done and left out.
    pub async fn pending(&self) -> Result<Vec<Pending>, StoreError> {
        let rows: Vec<(i64, Vec<u8>)> =
            sqlx::query_as("SELECT update_id, payload FROM inbox WHERE state = 'new' ORDER BY update_id")
                .fetch_all(&self.pool)
                .await?;
        let mut pending = Vec::with_capacity(rows.len());
        for (update_id, sealed) in rows {
            match self.cipher.open(&sealed) {
                Some(payload) => pending.push(Pending { update_id, payload }),
                None => {
                    log::error!("inbox: update {update_id} cannot be unsealed (another secret?); skipped");
                    self.done(update_id).await?;
                }
            }
        }
        Ok(pending)
    }

    /// How many updates wait to be handled.
    pub async fn backlog(&self) -> Result<u64, StoreError> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inbox WHERE state = 'new'")
            .fetch_one(&self.pool)
            .await?;
        Ok(n as u64)
    }

    /// Marks an update answered and drops its payload.
    pub async fn done(&self, update_id: i64) -> Result<(), StoreError> {
        self.finish(update_id, "done").await
    }

    /// Marks an update dropped over a rate limit, drops its payload and
    /// counts it for the day.
    pub async fn dropped(&self, update_id: i64) -> Result<(), StoreError> {
        self.finish(update_id, "dropped").await?;
        sqlx::query(
            "INSERT INTO rate_limited (day, dropped) VALUES ($1, 1) \
             ON CONFLICT (day) DO UPDATE SET dropped = rate_limited.dropped + 1",
        )
        .bind(super::stats::day_of(now()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Deletes the ids of updates handled before Telegram's redelivery
    /// window; returns how many went.
    pub async fn purge(&self) -> Result<u64, StoreError> {
        let cutoff = now().saturating_sub(REDELIVERY_WINDOW_SECS) as i64;
        let deleted = sqlx::query("DELETE FROM inbox WHERE state != 'new' AND handled_at < $1")
            .bind(cutoff)
            .execute(&self.pool)
            .await?
            .rows_affected();
        // Leases that lapsed (their replica stopped mid-answer).
        sqlx::query("DELETE FROM chat_turns WHERE until < $1")
            .bind(now() as i64)
            .execute(&self.pool)
            .await?;
        Ok(deleted)
    }

    async fn finish(&self, update_id: i64, state: &str) -> Result<(), StoreError> {
        finish_query(update_id, state).execute(&self.pool).await?;
        Ok(())
    }

    /// Waits for the turn to handle `update_id` of the chat `chat_key`;
    /// None when the update is handled already (by another replica). On
    /// SQLite, at once.
    pub async fn turn(&self, chat_key: &str, update_id: i64) -> Result<Option<ChatTurn>, StoreError> {
        if !self.shared {
            return Ok(Some(ChatTurn { lease: None }));
        }
        loop {
            match self.try_turn(chat_key, update_id).await? {
                Taken::Yes => {
                    return Ok(Some(ChatTurn {
                        lease: Some(chat_key.to_string()),
                    }));
                }
                Taken::Handled => return Ok(None),
                Taken::Busy => tokio::time::sleep(TURN_POLL).await,
            }
        }
    }

    /// One attempt at a chat's lease, in a short transaction under the
    /// chat's advisory lock (so two replicas never both take it).
    async fn try_turn(&self, chat_key: &str, update_id: i64) -> Result<Taken, StoreError> {
        let mut tx = self.pool.begin().await?;
        // `pg_advisory_xact_lock` returns void, which `Any` cannot read:
        // select a constant from it.
        sqlx::query("SELECT 1 FROM pg_advisory_xact_lock($1)")
            .bind(lock_key(chat_key))
            .execute(&mut *tx)
            .await?;
        let state: Option<(String,)> = sqlx::query_as("SELECT state FROM inbox WHERE update_id = $1")
            .bind(update_id)
            .fetch_optional(&mut *tx)
            .await?;
        if state.is_some_and(|(state,)| state != "new") {
            tx.rollback().await?;
            return Ok(Taken::Handled);
        }
        let at = now() as i64;
        let held: Option<(String, i64)> = sqlx::query_as("SELECT holder, until FROM chat_turns WHERE chat_key = $1")
            .bind(chat_key)
            .fetch_optional(&mut *tx)
            .await?;
        if held.is_some_and(|(holder, until)| holder != self.holder && until > at) {
            tx.rollback().await?;
            return Ok(Taken::Busy);
        }
        sqlx::query(
            "INSERT INTO chat_turns (chat_key, holder, until) VALUES ($1, $2, $3) \
             ON CONFLICT (chat_key) DO UPDATE SET holder = excluded.holder, until = excluded.until",
        )
        .bind(chat_key)
        .bind(&self.holder)
        .bind(at + TURN_LEASE_SECS as i64)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Taken::Yes)
    }

    /// Marks the update of `turn` answered and ends the turn (giving the
    /// chat's lease back), in one transaction.
    pub async fn done_in(&self, turn: ChatTurn, update_id: i64) -> Result<(), StoreError> {
        let Some(chat_key) = turn.lease else {
            return self.done(update_id).await;
        };
        let mut tx = self.pool.begin().await?;
        finish_query(update_id, "done").execute(&mut *tx).await?;
        sqlx::query("DELETE FROM chat_turns WHERE chat_key = $1 AND holder = $2")
            .bind(chat_key)
            .bind(&self.holder)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Cipher {
    pub(super) fn new(key: &[u8; 32]) -> Cipher {
        Cipher(XChaCha20Poly1305::new(&(*key).into()))
    }

    /// A random nonce followed by the ciphertext.
    pub(super) fn seal(&self, payload: &[u8]) -> Result<Vec<u8>, StoreError> {
        let mut nonce = [0u8; NONCE_BYTES];
        getrandom::fill(&mut nonce).map_err(|e| StoreError::Seal(e.to_string()))?;
        let sealed = self
            .0
            .encrypt(&XNonce::from(nonce), payload)
            .map_err(|e| StoreError::Seal(e.to_string()))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    pub(super) fn open(&self, sealed: &[u8]) -> Option<Vec<u8>> {
        let (nonce, text) = sealed.split_at_checked(NONCE_BYTES)?;
        let nonce: [u8; NONCE_BYTES] = nonce.try_into().ok()?;
        self.0.decrypt(&XNonce::from(nonce), text).ok()
    }
}

/// Marks an update handled and drops its payload.
fn finish_query(update_id: i64, state: &str) -> sqlx::query::Query<'static, Any, sqlx::any::AnyArguments> {
    sqlx::query("UPDATE inbox SET state = $2, payload = NULL, handled_at = $3 WHERE update_id = $1")
        .bind(update_id)
        .bind(state.to_string())
        .bind(now() as i64)
}

/// What one attempt at a chat's turn found.
enum Taken {
    Yes,
    /// The update is handled already (by another replica).
    Handled,
    /// Another replica holds the chat's lease.
    Busy,
}

/// A random name for this process's leases.
fn holder_name() -> String {
    let mut bytes = [0u8; 8];
    // Without randomness (never seen), the process id still tells
    // processes on one host apart.
    if getrandom::fill(&mut bytes).is_err() {
        bytes = u64::from(std::process::id()).to_be_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The advisory lock of a chat: the first 8 bytes of a hash of its key.
fn lock_key(chat_key: &str) -> i64 {
    let digest = Sha256::digest(chat_key.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn updates_are_sealed_deduplicated_and_emptied_once_handled() {
        let dir = tempfile::tempdir().unwrap();
        let store = super::super::Store::open(&dir.path().join("db")).await.unwrap();
        let inbox = Inbox::new(&store, &InboxKey([7; 32]));
        let payload = br#"{"update_id":5,"message":{"text":"secret words of 424242"}}"#;
        let first = Incoming {
            update_id: 5,
            chat_key: "k",
            payload,
        };
        assert_eq!(
            inbox.offer(&[first.clone(), first.clone()]).await.unwrap(),
            [true, false]
        );
        let stored: Vec<u8> = sqlx::query_scalar("SELECT payload FROM inbox")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert!(!stored.windows(6).any(|w| w == b"424242"), "the payload is sealed");
        let pending = inbox.pending().await.unwrap();
        assert_eq!(pending[0].payload, payload);
        // Another key cannot read it, and skips it.
        let other = Inbox::new(&store, &InboxKey([8; 32]));
        assert!(other.pending().await.unwrap().is_empty());
        assert!(inbox.pending().await.unwrap().is_empty());
        // Handled: only the id stays; a redelivery is still a duplicate.
        inbox.done(5).await.unwrap();
        assert_eq!(inbox.offer(&[first]).await.unwrap(), [false]);
        let nulls: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM inbox WHERE payload IS NULL")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(nulls, 1);
        // Past Telegram's redelivery window the id goes too.
        assert_eq!(inbox.purge().await.unwrap(), 0);
        sqlx::query("UPDATE inbox SET handled_at = handled_at - $1")
            .bind(REDELIVERY_WINDOW_SECS as i64 + 1)
            .execute(store.pool())
            .await
            .unwrap();
        assert_eq!(inbox.purge().await.unwrap(), 1);
    }
}
