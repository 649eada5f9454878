//! `src/store/`: what does Lotse remember, and what do maintainers learn?
//!
//! The only module that knows sqlx. A database holds preferences, the query
//! log, feedback and the inbox, keyed only by pseudonyms: an SQLite file
//! (bundled SQLite, WAL mode) by default, or a PostgreSQL database that
//! several replicas share ([`Database`]). Both sit behind one `sqlx::Any`
//! pool, so every statement is written once, in the SQL both speak (`$1`
//! parameters, no date functions, integers only). Each backend has its
//! schema in `migrations/<backend>/`, applied at open. Queries are built
//! with bound parameters only; no SQL is ever made from user text. [`Memory`] puts the store behind the core's traits: reads
//! from memory, writes through a bounded queue, so a slow, locked or broken
//! database never holds up an answer.

mod cases;
mod conversations;
mod inbox;
mod memory;
mod stats;
mod tombstone;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, ConnectOptions as _, Connection as _};

pub use inbox::{ChatTurn, Inbox, InboxKey, Incoming, Pending, REDELIVERY_WINDOW_SECS};
pub use memory::{DEFAULT_LANGUAGE_TTL, Memory, MemoryOptions};
pub use stats::{DayCount, FeedbackCount, GapCount, LangCount, QueryCount, Stats};

use crate::assistant::{QueryId, QueryRecord, UserKey};
use crate::lang::Lang;
use crate::text;

/// The SQLite schema, compiled in from `migrations/sqlite/`.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");
/// The PostgreSQL schema, compiled in from `migrations/postgres/`.
pub static PG_MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

/// The database file where none is given.
pub const DEFAULT_PATH: &str = "data/lotse.db";

/// The error of a store operation.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open { path: PathBuf, source: sqlx::Error },
    #[error("database {url}: {source}")]
    Connect { url: String, source: sqlx::Error },
    #[error("database url `{0}`: unknown scheme; write sqlite://FILE or postgres://USER@HOST/NAME")]
    Scheme(String),
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

/// Which database, where.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    /// The embedded default: one SQLite file, one process.
    Sqlite(PathBuf),
    /// A PostgreSQL server that several replicas share, by its url.
    Postgres(String),
}

impl Database {
    /// Reads `LOTSE_DATABASE_URL` or a `database_url` setting:
    /// `sqlite://FILE` (or `sqlite:FILE`), `postgres://…` (or
    /// `postgresql://…`), or a plain file path for SQLite. Any other scheme
    /// is an error, never a file name.
    pub fn parse(url: &str) -> Result<Database, StoreError> {
        let url = url.trim();
        if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            let path = path.split_once('?').map_or(path, |(path, _)| path);
            return match path {
                "" | ":memory:" => Err(StoreError::Scheme(url.to_string())),
                path => Ok(Database::Sqlite(PathBuf::from(path))),
            };
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Database::Postgres(url.to_string()));
        }
        // `word:` before anything else names a scheme; a path has none.
        let scheme = url.split_once(':').map(|(head, _)| head);
        if scheme.is_some_and(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)))
            || url.is_empty()
        {
            return Err(StoreError::Scheme(redact_url(url)));
        }
        Ok(Database::Sqlite(PathBuf::from(url)))
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Database::Postgres(_))
    }
}

/// Names the database without a password.
impl std::fmt::Display for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Sqlite(path) => write!(f, "{}", path.display()),
            Database::Postgres(url) => f.write_str(&redact_url(url)),
        }
    }
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// A url with its password, if any, replaced by `***`.
fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

/// The store, on either backend.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    postgres: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.postgres {
            "Store(PostgreSQL)"
        } else {
            "Store(SQLite)"
        })
    }
}

impl Store {
    /// Opens (creating it and its folder where missing) the SQLite
    /// database at `path` and applies the migrations.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_database(&Database::Sqlite(path.to_path_buf())).await
    }

    /// Opens a database and applies its backend's migrations (on
    /// PostgreSQL under the migrator's advisory lock, so replicas that
    /// start at once apply each migration once).
    pub async fn open_database(database: &Database) -> Result<Store, StoreError> {
        let store = Store::connect_database(database).await?;
        let migrator = if store.postgres { &PG_MIGRATOR } else { &MIGRATOR };
        migrator.run(&store.pool).await?;
        Ok(store)
    }

    /// Opens the SQLite database without applying migrations (for tests of
    /// the migrations themselves).
    pub async fn connect(path: &Path) -> Result<Store, StoreError> {
        Store::connect_database(&Database::Sqlite(path.to_path_buf())).await
    }

    /// Opens a database without applying migrations.
    pub async fn connect_database(database: &Database) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        match database {
            Database::Sqlite(path) => {
                create_private(path)?;
                let url = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .to_url_lossy();
                let options = AnyConnectOptions::from_url(&url).map_err(|source| StoreError::Open {
                    path: path.to_path_buf(),
                    source,
                })?;
                let pool = AnyPoolOptions::new()
                    .max_connections(4)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            for pragma in [
                                "PRAGMA journal_mode = WAL",
                                "PRAGMA synchronous = NORMAL",
                                "PRAGMA foreign_keys = ON",
                                "PRAGMA busy_timeout = 2000",
                            ] {
                                sqlx::query(pragma).execute(&mut *conn).await?;
                            }
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await
                    .map_err(|source| StoreError::Open {
                        path: path.to_path_buf(),
                        source,
                    })?;
                // SQLite gives `-wal` and `-shm` the database's mode; older
                // files made before Lotse cared are narrowed here.
                keep_private(path);
                Ok(Store { pool, postgres: false })
            }
            Database::Postgres(url) => {
                let failed = |source| StoreError::Connect {
                    url: redact_url(url),
                    source,
                };
                let options: AnyConnectOptions = url.parse().map_err(failed)?;
                // One connection first: the pool would retry until its
                // timeout and then name the timeout, not the cause.
                let probe = sqlx::AnyConnection::connect_with(&options).await.map_err(failed)?;
                probe.close().await.map_err(failed)?;
                // Each chat's worker holds a connection while it answers
                // (the advisory lock), so there are more than on SQLite;
                // a worker that finds none waits and tries again.
                let pool = AnyPoolOptions::new()
                    .max_connections(32)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await
                    .map_err(failed)?;
                Ok(Store { pool, postgres: true })
            }
        }
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Whether the store is a PostgreSQL database that replicas share.
    pub fn is_postgres(&self) -> bool {
        self.postgres
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

    /// Applies one write. `false` where the write refers to what is not
    /// stored yet: feedback on a search whose query-log row another
    /// process has still in its queue (the caller tries again later).
    pub async fn apply(&self, event: &Event) -> Result<bool, StoreError> {
        match event {
            Event::SetLanguage { user, lang, at } => {
                sqlx::query(
                    "INSERT INTO preferences (user_key, lang, updated_at) VALUES ($1, $2, $3) \
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
                     normalized, hits, top_ids, latency_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
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
                let stored = sqlx::query(
                    "INSERT INTO feedback (query_id, user_key, helpful, at) \
                     SELECT id, $2, $3, $4 FROM queries WHERE query_key = $1 AND user_key = $2 \
                     ON CONFLICT (query_id, user_key) DO UPDATE SET helpful = excluded.helpful, at = excluded.at",
                )
                .bind(query_key(*query))
                .bind(user.as_str())
                .bind(i64::from(*helpful))
                .bind(*at as i64)
                .execute(&self.pool)
                .await?;
                return Ok(stored.rows_affected() > 0);
            }
            Event::Forget { user } => {
                let mut tx = self.pool.begin().await?;
                for sql in [
                    "DELETE FROM feedback WHERE user_key = $1",
                    "DELETE FROM queries WHERE user_key = $1",
                    "DELETE FROM preferences WHERE user_key = $1",
                ] {
                    sqlx::query(sql).bind(user.as_str()).execute(&mut *tx).await?;
                }
                tx.commit().await?;
            }
        }
        Ok(true)
    }

    /// Deletes every row older than `cutoff` (unix seconds); returns how
    /// many went.
    pub async fn purge_before(&self, cutoff: u64) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut deleted = 0;
        for sql in [
            "DELETE FROM feedback WHERE at < $1",
            "DELETE FROM queries WHERE at < $1",
            "DELETE FROM preferences WHERE updated_at < $1",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_name_their_backend_or_are_refused() {
        let sqlite = |p: &str| Ok::<_, String>(Database::Sqlite(PathBuf::from(p)));
        let parse = |url: &str| Database::parse(url).map_err(|e| e.to_string());
        assert_eq!(
            parse("sqlite:///var/lib/lotse/lotse.db"),
            sqlite("/var/lib/lotse/lotse.db")
        );
        assert_eq!(parse("sqlite:data/lotse.db"), sqlite("data/lotse.db"));
        assert_eq!(parse("sqlite://data/lotse.db?mode=rwc"), sqlite("data/lotse.db"));
        assert_eq!(parse(" data/lotse.db "), sqlite("data/lotse.db"));
        assert_eq!(parse("/tmp/a:b.db"), sqlite("/tmp/a:b.db"));
        for url in [
            "postgres://lotse@db/lotse",
            "postgresql://lotse:pw@db:5432/lotse?sslmode=require",
        ] {
            assert_eq!(parse(url), Ok(Database::Postgres(url.to_string())));
        }
        // Defect: a url of another scheme was taken for an SQLite file name.
        for url in [
            "mysql://db/lotse",
            "postgre://db/lotse",
            "http://x",
            "sqlite://",
            "sqlite::memory:",
            "",
        ] {
            let err = parse(url).unwrap_err();
            assert!(err.contains("unknown scheme"), "{url}: {err}");
        }
        // A password never reaches a message.
        let err = parse("mysql://lotse:hunter2@db/lotse").unwrap_err();
        assert!(!err.contains("hunter2"), "{err}");
        let shown = Database::parse("postgres://lotse:hunter2@db/lotse")
            .unwrap()
            .to_string();
        assert_eq!(shown, "postgres://lotse:***@db/lotse");
    }
}
