//! `lotse bench`: the measurements behind `docs/BENCHMARKS.md`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::KnowledgeArgs;
use crate::bench::{self, EvalQuery};
use crate::index::Location;

/// Measure answer latency beside a raw tantivy query and SQLite FTS5
/// (`core`), or a large knowledge folder (`scale`). Prints JSON.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Latency and quality of Lotse, the tantivy floor and FTS5 on the
    /// evaluation queries over the shipped knowledge
    Core {
        /// How often every query is run
        #[arg(long, default_value_t = 200)]
        rounds: usize,
        #[command(flatten)]
        queries: QueryArgs,
        #[command(flatten)]
        knowledge: KnowledgeArgs,
    },
    /// Load, index and query a (synthetic) knowledge folder; peak memory
    Scale {
        /// The folder (see `lotse generate`)
        #[arg(long, value_name = "DIR")]
        dir: PathBuf,
        /// Keep the index in this folder, as `--index-dir` does: a second
        /// run measures the start with a kept index
        #[arg(long, value_name = "DIR")]
        index_dir: Option<PathBuf>,
        /// How often every query is run
        #[arg(long, default_value_t = 20)]
        rounds: usize,
        /// Then edit the first entry file and reload while the first library
        /// serves, as the watcher does, undo the edit and reload again, and
        /// report each reload's time and memory (the file ends as it was)
        #[arg(long)]
        reload: bool,
        #[command(flatten)]
        queries: QueryArgs,
    },
}

#[derive(Debug, clap::Args)]
struct QueryArgs {
    /// Evaluation queries (lang, query, expected regex or NONE, optional
    /// category; tab-separated, with a header line)
    #[arg(long = "queries", value_name = "FILE", default_values = [
        "tests/data/dev-queries.tsv",
        "tests/data/dev-hard.tsv",
        "tests/data/own-queries.tsv",
    ])]
    files: Vec<PathBuf>,
}

impl QueryArgs {
    fn load(&self) -> anyhow::Result<Vec<EvalQuery>> {
        let mut all = Vec::new();
        for file in &self.files {
            all.extend(bench::read_queries(file)?);
        }
        Ok(all)
    }
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let report = match args.what {
        What::Core {
            rounds,
            queries,
            knowledge,
        } => {
            let library = super::open_library(&knowledge)?;
            serde_json::to_string_pretty(&bench::core(&library, &queries.load()?, rounds)?)?
        }
        What::Scale {
            dir,
            index_dir,
            rounds,
            reload,
            queries,
        } => {
            let location = index_dir.map_or(Location::Memory, Location::Dir);
            serde_json::to_string_pretty(&bench::scale(&dir, &location, &queries.load()?, rounds, reload)?)?
        }
    };
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}
