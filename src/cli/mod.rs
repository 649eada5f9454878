//! The command line: one file per subcommand, each a definition and an
//! `execute` that calls into the library.

mod ask;
mod chat;
mod check;
mod link;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::index::Location;
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

/// Loads the knowledge and builds its index; errors in the folder are
/// reported on stderr, and the sound entries are served.
fn open_library(args: &KnowledgeArgs) -> anyhow::Result<Library> {
    let (library, loaded) = Library::open(&args.dir(), &args.location())?;
    if loaded.has_errors() {
        eprintln!(
            "warning: the knowledge folder has {} errors, their entries are left out; run `lotse check` for details",
            loaded.errors().count()
        );
    }
    Ok(library)
}

/// Parses a `--lang` value into a one-line usage error when unknown.
fn parse_lang(code: Option<&str>) -> Result<Option<Lang>, UsageError> {
    code.map(|c| c.parse::<Lang>().map_err(|e| UsageError(e.to_string())))
        .transpose()
}
