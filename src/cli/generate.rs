//! `lotse generate`: a deterministic synthetic knowledge folder of any size.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{UsageError, progress};
use crate::synthetic;

/// Write N synthetic entries (German and two other languages each) made of
/// the shipped knowledge's words, for scale tests. Never into knowledge/.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// How many entries
    #[arg(long, value_name = "N")]
    entries: usize,
    /// The folder to write (must be empty or missing)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The seed; the same seed and N give the same folder
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    if args.out.exists() && std::fs::read_dir(&args.out)?.next().is_some() {
        return Err(UsageError(format!("{} is not empty; give a new folder", args.out.display())).into());
    }
    let source = crate::knowledge::load(&crate::knowledge::default_dir()).knowledge;
    synthetic::generate(&source, &args.out, args.entries, args.seed, &mut progress("writing"))?;
    Ok(ExitCode::SUCCESS)
}
