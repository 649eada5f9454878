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
    /// The SQLite database [env: LOTSE_DATABASE_URL; default: data/lotse.db]
    #[arg(long, value_name = "FILE")]
    database: Option<PathBuf>,
}

impl StoreArgs {
    /// The database path: the flag, else `LOTSE_DATABASE_URL` (a path or a
    /// `sqlite:` url), else the configuration's, else `data/lotse.db`.
    fn path(&self, config: Option<&crate::config::Config>) -> PathBuf {
        if let Some(path) = &self.database {
            return path.clone();
        }
        if let Ok(url) = std::env::var("LOTSE_DATABASE_URL")
            && !url.trim().is_empty()
        {
            let path = url.trim();
            let path = path
                .strip_prefix("sqlite://")
                .or_else(|| path.strip_prefix("sqlite:"))
                .unwrap_or(path);
            return PathBuf::from(path);
        }
        config
            .and_then(|c| c.database.clone())
            .unwrap_or_else(|| PathBuf::from(crate::store::DEFAULT_PATH))
    }

    /// Opens the memory and the pseudonyms for its users.
    fn open(
        &self,
        config: Option<&crate::config::Config>,
    ) -> anyhow::Result<(std::sync::Arc<crate::store::Memory>, crate::privacy::Pseudonyms, u32)> {
        let path = self.path(config);
        let secret = config.and_then(|c| c.secret_file.clone()).unwrap_or_else(|| {
            path.parent()
                .map_or_else(|| PathBuf::from("secret"), |dir| dir.join("secret"))
        });
        let pseudonyms = crate::privacy::Pseudonyms::load_or_create(&secret)?;
        let retention_days = config
            .and_then(|c| c.retention_days)
            .unwrap_or(crate::assistant::DEFAULT_RETENTION_DAYS);
        let memory = crate::store::Memory::open(crate::store::MemoryOptions {
            path,
            retention_days,
            queue: 10_000,
        });
        Ok((memory, pseudonyms, retention_days))
    }
}

/// Loads the knowledge and builds its index; errors in the folder are
/// reported on stderr, and the sound entries are served.
fn open_library(args: &KnowledgeArgs) -> anyhow::Result<Library> {
    let mut loaded = crate::knowledge::load(&args.dir());
    let knowledge = std::mem::take(&mut loaded.knowledge);
    let index = SearchIndex::build_with_progress(&knowledge, &args.location(), &mut progress("indexing"))?;
    let library = Library::from_parts(knowledge, index);
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
