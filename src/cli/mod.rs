//! The command line: one file per subcommand, each a definition and an
//! `execute` that calls into the library.

mod ask;
mod check;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::index::Location;
use crate::lang::Lang;

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
    Check(check::Args),
    Ask(ask::Args),
}

/// A mistake in how Lotse was called; exits with code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check::execute(args),
        Command::Ask(args) => ask::execute(args),
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

/// Parses a `--lang` value into a one-line usage error when unknown.
fn parse_lang(code: Option<&str>) -> Result<Option<Lang>, UsageError> {
    code.map(|c| c.parse::<Lang>().map_err(|e| UsageError(e.to_string())))
        .transpose()
}
