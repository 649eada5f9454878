//! `src/store/`: what does Lotse remember, and what do maintainers learn?
//!
//! The only module that knows sqlx. An SQLite file (bundled SQLite, WAL
//! mode) holds preferences, the query log and feedback, keyed only by
//! pseudonyms. The schema lives in `migrations/` and is applied at open.
//! Queries are built with bound parameters only; no SQL is ever made from
//! user text. [`Memory`] puts the store behind the core's traits: reads
//! from memory, writes through a bounded queue, so a slow, locked or broken
//! database never holds up an answer.

mod conversations;
mod inbox;
mod memory;
mod stats;
mod tombstone;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

pub use inbox::{Inbox, InboxKey, Incoming, Pending, REDELIVERY_WINDOW_SECS};
pub use memory::{DEFAULT_LANGUAGE_TTL, Memory, MemoryOptions};
pub use stats::{DayCount, FeedbackCount, GapCount, LangCount, QueryCount, Stats};

use crate::assistant::{QueryId, QueryRecord, UserKey};
use crate::lang::Lang;
use crate::text;

/// The schema, compiled in from `migrations/`.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The database file where none is given.
pub const DEFAULT_PATH: &str = "data/lotse.db";

/// The error of a store operation.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open { path: PathBuf, source: sqlx::Error },
    #[error("database schema: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database: {0}")]
    Query(#[from] sqlx::Error),
    #[error("database folder {path}: {source}")]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("sealing an update: {0}")]
    Seal(String),
    #[error("no free search id after {0} draws")]
    NoFreeId(usize),
}

/// A write for the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    SetLanguage {
        user: UserKey,
        lang: Lang,
        at: u64,
    },
    Query(QueryRecord),
    Feedback {
        query: QueryId,
        user: UserKey,
        helpful: bool,
        at: u64,
    },
    Forget {
        user: UserKey,
    },
}

/// The SQLite store.
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating it and its folder where missing) the database at
    /// `path` and applies the migrations.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        let store = Store::connect(path).await?;
        MIGRATOR.run(&store.pool).await?;
        Ok(store)
    }

    /// Opens the database without applying migrations (for tests of the
    /// migrations themselves).
    pub async fn connect(path: &Path) -> Result<Store, StoreError> {
        create_private(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(2));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        // SQLite gives `-wal` and `-shm` the database's mode; older files
        // made before Lotse cared are narrowed here.
        keep_private(path);
        Ok(Store { pool })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Every user's chosen language.
    pub async fn languages(&self) -> Result<HashMap<UserKey, Lang>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT user_key, lang FROM preferences")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(user, lang)| Some((UserKey::from_stored(&user)?, Lang::from_str(&lang).ok()?)))
            .collect())
    }

    /// Applies one write.
    pub async fn apply(&self, event: &Event) -> Result<(), StoreError> {
        match event {
            Event::SetLanguage { user, lang, at } => {
                sqlx::query(
                    "INSERT INTO preferences (user_key, lang, updated_at) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (user_key) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at",
                )
                .bind(user.as_str())
                .bind(lang.code())
                .bind(*at as i64)
                .execute(&self.pool)
                .await?;
            }
            Event::Query(record) => {
                sqlx::query(
                    "INSERT INTO queries (query_key, at, channel, user_key, answer_lang, detected_lang, query, \
                     normalized, hits, top_ids, latency_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
                     ON CONFLICT (query_key) DO NOTHING",
                )
                .bind(query_key(record.query))
                .bind(record.at as i64)
                .bind(record.channel.name())
                .bind(record.user.as_str())
                .bind(record.answer_lang.code())
                .bind(record.detected.map(Lang::code))
                .bind(&record.text)
                .bind(text::normalized_query(&record.text))
                .bind(record.hits as i64)
                .bind(record.top_ids.join(" "))
                .bind(record.latency_us as i64)
                .execute(&self.pool)
                .await?;
            }
            Event::Feedback {
                query,
                user,
                helpful,
                at,
            } => {
                sqlx::query(
                    "INSERT INTO feedback (query_id, user_key, helpful, at) \
                     SELECT id, ?2, ?3, ?4 FROM queries WHERE query_key = ?1 AND user_key = ?2 \
                     ON CONFLICT (query_id, user_key) DO UPDATE SET helpful = excluded.helpful, at = excluded.at",
                )
                .bind(query_key(*query))
                .bind(user.as_str())
                .bind(i64::from(*helpful))
                .bind(*at as i64)
                .execute(&self.pool)
                .await?;
            }
            Event::Forget { user } => {
                let mut tx = self.pool.begin().await?;
                for sql in [
                    "DELETE FROM feedback WHERE user_key = ?1",
                    "DELETE FROM queries WHERE user_key = ?1",
                    "DELETE FROM preferences WHERE user_key = ?1",
                ] {
                    sqlx::query(sql).bind(user.as_str()).execute(&mut *tx).await?;
                }
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Deletes every row older than `cutoff` (unix seconds); returns how
    /// many went.
    pub async fn purge_before(&self, cutoff: u64) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut deleted = 0;
        for sql in [
            "DELETE FROM feedback WHERE at < ?1",
            "DELETE FROM queries WHERE at < ?1",
            "DELETE FROM preferences WHERE updated_at < ?1",
        ] {
            deleted += sqlx::query(sql)
                .bind(cutoff as i64)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        tx.commit().await?;
        Ok(deleted)
    }

    /// The maintainers' report over the rows since `since` (unix seconds).
    pub async fn stats(&self, since: u64) -> Result<Stats, StoreError> {
        stats::compute(&self.pool, since).await
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Creates the database file, readable by its owner only, and its folder,
/// enterable by its owner only, where they are missing.
fn create_private(path: &Path) -> Result<(), StoreError> {
    if let Some(dir) = path.parent() {
        crate::privacy::create_private_dir(dir).map_err(|source| StoreError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        // An empty file is an empty SQLite database.
        Ok(_) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            keep_private(path);
            Ok(())
        }
        // Let SQLite report what is wrong with the path.
        Err(_) => Ok(()),
    }
}

/// Narrows the database, `-wal` and `-shm` files to their owner where
/// others may read them.
fn keep_private(path: &Path) {
    #[cfg(unix)]
    for suffix in ["", "-wal", "-shm"] {
        use std::os::unix::fs::PermissionsExt;
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        let file = PathBuf::from(name);
        let Ok(meta) = std::fs::metadata(&file) else {
            continue;
        };
        if meta.is_file() && meta.permissions().mode() & 0o077 != 0 {
            let narrowed = std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600));
            if let Err(err) = narrowed {
                log::warn!("{} is readable by others and cannot be narrowed: {err}", file.display());
            }
        }
    }
}

/// How the query log names a search of the core.
fn query_key(id: QueryId) -> String {
    format!("{:016x}", id.0)
}

/// Seconds since the epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
