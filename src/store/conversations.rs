//! The conversation state in the database: each user's chosen language
//! (the `preferences` table) and the searches behind paging and 👍/👎
//! buttons (`searches`), read and written while an event is answered.
//!
//! The statements are portable: `$n` placeholders, `INSERT … ON CONFLICT
//! (…) DO …`, only BIGINT, TEXT and INTEGER columns and no functions of
//! one database, so a PostgreSQL backend runs them unchanged. A search's
//! id is random (63 bits) and inserted only where it is free; on the rare
//! conflict another is drawn, so ids of processes sharing the database
//! never meet. Languages are read through [`LanguageCache`]: bounded, and
//! an entry lives at most its time-to-live, so a language set by another
//! process is seen after at most that long.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Store, StoreError};
use crate::assistant::{QueryId, SavedSearch, UserKey};
use crate::lang::Lang;

/// Draws of a search id before saving a search gives up.
const ID_ATTEMPTS: usize = 8;

/// The user's chosen language, if any.
pub(super) async fn language(store: &Store, user: &UserKey) -> Result<Option<Lang>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT lang FROM preferences WHERE user_key = $1")
        .bind(user.as_str())
        .fetch_optional(store.pool())
        .await?;
    Ok(row.and_then(|(lang,)| Lang::from_str(&lang).ok()))
}

/// Keeps the user's chosen language.
pub(super) async fn set_language(store: &Store, user: &UserKey, lang: Lang, at: u64) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO preferences (user_key, lang, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_key) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at",
    )
    .bind(user.as_str())
    .bind(lang.code())
    .bind(at as i64)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Keeps a search under a fresh random id, and returns the id.
pub(super) async fn save_search(
    store: &Store,
    user: &UserKey,
    text: &str,
    lang: Lang,
    at: u64,
) -> Result<QueryId, StoreError> {
    for _ in 0..ID_ATTEMPTS {
        let id = QueryId::random();
        let inserted = sqlx::query(
            "INSERT INTO searches (id, user_key, text, lang, at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(id.0 as i64)
        .bind(user.as_str())
        .bind(text)
        .bind(lang.code())
        .bind(at as i64)
        .execute(store.pool())
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(id);
        }
    }
    Err(StoreError::NoFreeId(ID_ATTEMPTS))
}

/// The search `id`, whoever made it.
pub(super) async fn search(store: &Store, id: QueryId) -> Result<Option<SavedSearch>, StoreError> {
    let Ok(key) = i64::try_from(id.0) else {
        // Ids are 63 bits: a larger one was never given out.
        return Ok(None);
    };
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT user_key, text, lang FROM searches WHERE id = $1")
            .bind(key)
            .fetch_optional(store.pool())
            .await?;
    Ok(row.and_then(|(user, text, lang)| {
        Some(SavedSearch {
            id,
            user: UserKey::from_stored(&user)?,
            text,
            lang: Lang::from_str(&lang).ok()?,
        })
    }))
}

/// The user's latest `limit` searches since `since`, oldest first.
pub(super) async fn searches_since(
    store: &Store,
    user: &UserKey,
    since: u64,
    limit: usize,
) -> Result<Vec<SavedSearch>, StoreError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, text, lang FROM searches WHERE user_key = $1 AND at >= $2 ORDER BY at DESC, id DESC LIMIT $3",
    )
    .bind(user.as_str())
    .bind(since as i64)
    .bind(limit as i64)
    .fetch_all(store.pool())
    .await?;
    let mut searches: Vec<SavedSearch> = rows
        .into_iter()
        .filter_map(|(id, text, lang)| {
            Some(SavedSearch {
                id: QueryId(id as u64),
                user: user.clone(),
                text,
                lang: Lang::from_str(&lang).ok()?,
            })
        })
        .collect();
    searches.reverse();
    Ok(searches)
}

/// Deletes the user's searches.
pub(super) async fn forget(store: &Store, user: &UserKey) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM searches WHERE user_key = $1")
        .bind(user.as_str())
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Deletes the searches made before `cutoff` (unix seconds); returns how
/// many went.
pub(super) async fn purge_before(store: &Store, cutoff: u64) -> Result<u64, StoreError> {
    let deleted = sqlx::query("DELETE FROM searches WHERE at < $1")
        .bind(cutoff as i64)
        .execute(store.pool())
        .await?;
    Ok(deleted.rows_affected())
}

/// Languages read lately, each for at most its time-to-live, and at most
/// `capacity` of them.
pub(super) struct LanguageCache {
    ttl: Duration,
    capacity: usize,
    entries: Mutex<HashMap<UserKey, (Option<Lang>, Instant)>>,
}

impl LanguageCache {
    pub fn new(ttl: Duration, capacity: usize) -> LanguageCache {
        LanguageCache {
            ttl,
            capacity: capacity.max(1),
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The user's language where it was read less than the time-to-live
    /// ago (`Some(None)`: they have none).
    pub fn get(&self, user: &UserKey) -> Option<Option<Lang>> {
        let entries = self.lock();
        let (lang, read) = entries.get(user)?;
        (read.elapsed() < self.ttl).then_some(*lang)
    }

    /// Keeps what storage said (or this process wrote) about the user.
    pub fn put(&self, user: &UserKey, lang: Option<Lang>) {
        if self.ttl.is_zero() {
            return;
        }
        let mut entries = self.lock();
        if entries.len() >= self.capacity && !entries.contains_key(user) {
            let ttl = self.ttl;
            entries.retain(|_, (_, read)| read.elapsed() < ttl);
            if entries.len() >= self.capacity {
                // Every entry is fresh: a burst of new users. Starting
                // afresh costs each of them one read.
                entries.clear();
            }
        }
        entries.insert(user.clone(), (lang, Instant::now()));
    }

    pub fn remove(&self, user: &UserKey) {
        self.lock().remove(user);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<UserKey, (Option<Lang>, Instant)>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u32) -> UserKey {
        crate::privacy::Pseudonyms::new(b"a secret for the cache's own tests").user("test", &n.to_string())
    }

    #[test]
    fn the_cache_forgets_after_its_time_and_stays_bounded() {
        let cache = LanguageCache::new(Duration::from_millis(50), 3);
        cache.put(&key(1), Some(Lang::Fa));
        cache.put(&key(2), None);
        assert_eq!(cache.get(&key(1)), Some(Some(Lang::Fa)));
        assert_eq!(cache.get(&key(2)), Some(None));
        assert_eq!(cache.get(&key(3)), None);
        for n in 3..10 {
            cache.put(&key(n), Some(Lang::Ro));
            assert!(cache.lock().len() <= 3);
        }
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(cache.get(&key(9)), None, "an entry past its time is read again");
    }
}
