//! The command line: one file per subcommand, each a definition and an
//! `execute` that calls into the library.

mod ask;
#[cfg(feature = "bench")]
mod bench;
mod chat;
mod check;
mod export;
#[cfg(feature = "bench")]
mod generate;
mod link;
mod serve;
mod stats;
mod web;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::index::Location;
use crate::index::SearchIndex;
use crate::lang::Lang;
use crate::search::Library;
use crate::store::Database;

/// Lotse: finds the offers, publications and contacts of the network for
/// intercultural opening, in twelve languages.
#[derive(Debug, Parser)]
#[command(name = "lotse", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Chat(chat::Args),
    Serve(serve::Args),
    Ask(ask::Args),
    Check(check::Args),
    Link(link::Args),
    Stats(stats::Args),
    Export(export::Args),
    Web(web::Args),
    #[cfg(feature = "bench")]
    Generate(generate::Args),
    #[cfg(feature = "bench")]
    Bench(bench::Args),
}

/// A mistake in how Lotse was called; exits with code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Chat(args) => chat::execute(args),
        Command::Ask(args) => ask::execute(args),
        Command::Check(args) => check::execute(args),
        Command::Serve(args) => serve::execute(args),
        Command::Link(args) => link::execute(args),
        Command::Stats(args) => stats::execute(args),
        Command::Export(args) => export::execute(args),
        Command::Web(args) => web::execute(args),
        #[cfg(feature = "bench")]
        Command::Generate(args) => generate::execute(args),
        #[cfg(feature = "bench")]
        Command::Bench(args) => bench::execute(args),
    }
}

/// Where the knowledge is and where its index goes; shared by the
/// subcommands that search.
#[derive(Debug, clap::Args)]
struct KnowledgeArgs {
    /// The knowledge folder [default: the shipped `knowledge/`]
    #[arg(long, value_name = "DIR")]
    knowledge: Option<PathBuf>,
    /// Keep the search index in this folder instead of memory, and reuse it
    /// while the knowledge is unchanged (for large knowledge folders)
    #[arg(long, value_name = "DIR")]
    index_dir: Option<PathBuf>,
}

impl KnowledgeArgs {
    fn dir(&self) -> PathBuf {
        self.knowledge.clone().unwrap_or_else(crate::knowledge::default_dir)
    }

    fn location(&self) -> Location {
        self.index_dir.clone().map_or(Location::Memory, Location::Dir)
    }
}

/// Where the memory (preferences, query log, feedback) is kept; shared by
/// the subcommands that remember.
#[derive(Debug, Clone, clap::Args)]
struct StoreArgs {
    /// The SQLite database [env: LOTSE_DATABASE_URL, a file, sqlite://FILE
    /// or postgres://…; default: data/lotse.db]
    #[arg(long, value_name = "FILE")]
    database: Option<PathBuf>,
}

impl StoreArgs {
    /// The database: the flag, else `LOTSE_DATABASE_URL`, else the
    /// configuration's `database_url`, else its `database`, else
    /// `data/lotse.db`. A url of an unknown scheme is an error, never a
    /// file name.
    fn database(&self, config: Option<&crate::config::Config>) -> Result<Database, UsageError> {
        if let Some(path) = &self.database {
            return Ok(Database::Sqlite(path.clone()));
        }
        let url = std::env::var("LOTSE_DATABASE_URL")
            .ok()
            .filter(|url| !url.trim().is_empty())
            .or_else(|| config.and_then(|c| c.database_url.clone()));
        if let Some(url) = url {
            return Database::parse(&url).map_err(|e| UsageError(e.to_string()));
        }
        Ok(Database::Sqlite(
            config
                .and_then(|c| c.database.clone())
                .unwrap_or_else(|| PathBuf::from(crate::store::DEFAULT_PATH)),
        ))
    }

    /// The pseudonym secret's file: `LOTSE_SECRET_FILE`, else the
    /// configuration's `secret_file`, else (SQLite only) `secret` beside
    /// the database. Replicas on PostgreSQL must share one secret, so
    /// there it must be given.
    fn secret_file(&self, database: &Database, config: Option<&crate::config::Config>) -> Result<PathBuf, UsageError> {
        let given = std::env::var_os("LOTSE_SECRET_FILE")
            .filter(|file| !file.is_empty())
            .map(PathBuf::from)
            .or_else(|| config.and_then(|c| c.secret_file.clone()));
        match (given, database) {
            // Made on the first start of one replica, the others would make
            // secrets of their own.
            (Some(file), Database::Postgres(_)) if !file.is_file() => Err(UsageError(format!(
                "the pseudonym secret {} does not exist; replicas on PostgreSQL share one: make it once \
                 (at least 32 characters, e.g. `head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \\n' > FILE`) \
                 and give every replica the same file",
                file.display()
            ))),
            (Some(file), _) => Ok(file),
            (None, Database::Sqlite(path)) => Ok(path
                .parent()
                .map_or_else(|| PathBuf::from("secret"), |dir| dir.join("secret"))),
            (None, Database::Postgres(_)) => Err(UsageError(
                "a PostgreSQL database needs the pseudonym secret every replica shares: set LOTSE_SECRET_FILE, \
                 or secret_file in the configuration"
                    .to_string(),
            )),
        }
    }

    /// Opens the memory and the pseudonyms for its users.
    fn open(
        &self,
        config: Option<&crate::config::Config>,
    ) -> anyhow::Result<(std::sync::Arc<crate::store::Memory>, crate::privacy::Pseudonyms, u32)> {
        let database = self.database(config)?;
        self.open_at(&database, config)
    }

    /// What a server (`lotse serve`, `lotse web`) opens before anything
    /// answers: the store, the memory and the pseudonyms. A database Lotse
    /// cannot use (an unknown scheme, an unreachable server, a failed
    /// migration) or PostgreSQL without a shared secret is one line and
    /// exit 1, before anything answers.
    fn open_for_serving(
        &self,
        config: &crate::config::Config,
        runtime: &tokio::runtime::Runtime,
    ) -> anyhow::Result<(
        crate::store::Store,
        std::sync::Arc<crate::store::Memory>,
        crate::privacy::Pseudonyms,
        u32,
    )> {
        let database = self.database(Some(config))?;
        self.secret_file(&database, Some(config))?;
        let store = runtime.block_on(crate::store::Store::open_database(&database))?;
        let (memory, pseudonyms, retention_days) = self.open_at(&database, Some(config))?;
        Ok((store, memory, pseudonyms, retention_days))
    }

    /// [`StoreArgs::open`] on a database already chosen.
    fn open_at(
        &self,
        database: &Database,
        config: Option<&crate::config::Config>,
    ) -> anyhow::Result<(std::sync::Arc<crate::store::Memory>, crate::privacy::Pseudonyms, u32)> {
        let secret = self.secret_file(database, config)?;
        let pseudonyms = crate::privacy::Pseudonyms::load_or_create(&secret)?;
        let retention_days = config
            .and_then(|c| c.retention_days)
            .unwrap_or(crate::assistant::DEFAULT_RETENTION_DAYS);
        // On PostgreSQL each replica keeps its failed deletes beside the
        // secret; on SQLite beside the database.
        let forget_file = database.is_postgres().then(|| {
            let mut name = secret.file_name().unwrap_or_default().to_os_string();
            name.push("-forget");
            secret.with_file_name(name)
        });
        let memory = crate::store::Memory::open(crate::store::MemoryOptions {
            database: database.clone(),
            forget_file,
            retention_days,
            queue: 10_000,
            language_ttl: crate::store::DEFAULT_LANGUAGE_TTL,
        });
        Ok((memory, pseudonyms, retention_days))
    }
}

/// Loads the knowledge and builds its index; errors in the folder are
/// reported on stderr, and the sound entries are served.
fn open_library(args: &KnowledgeArgs) -> anyhow::Result<Library> {
    let (mut loaded, index) = SearchIndex::open(&args.dir(), &args.location(), &mut progress("indexing"))?;
    let library = Library::from_parts(std::mem::take(&mut loaded.knowledge), index);
    if loaded.has_errors() {
        eprintln!(
            "warning: the knowledge folder has {} errors, their entries are left out; run `lotse check` for details",
            loaded.errors().count()
        );
    }
    Ok(library)
}

/// A progress bar on stderr when it is a terminal and the work is large;
/// nothing otherwise.
fn progress(what: &'static str) -> impl FnMut(usize, usize) {
    use std::io::{IsTerminal, Write};
    let show = std::io::stderr().is_terminal();
    move |done, total| {
        if !show || total < 5_000 {
            return;
        }
        let width = 30;
        let filled = done * width / total.max(1);
        let bar = format!("{}{}", "#".repeat(filled), " ".repeat(width - filled));
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{what} [{bar}] {done}/{total}");
        if done == total {
            let _ = writeln!(err);
        }
        let _ = err.flush();
    }
}

/// Parses a `--lang` value into a one-line usage error when unknown.
fn parse_lang(code: Option<&str>) -> Result<Option<Lang>, UsageError> {
    code.map(|c| c.parse::<Lang>().map_err(|e| UsageError(e.to_string())))
        .transpose()
}
