//! `lotse check [DIR]`: validates a knowledge folder for its maintainers.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::knowledge::{self, Severity};
use crate::lang::Lang;

/// Check a knowledge folder: every error with its file and line, and the
/// translation coverage per language. Exits 1 on errors.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The knowledge folder [default: the shipped `knowledge/`]
    dir: Option<PathBuf>,
    /// Do not list warnings one by one, only count them
    #[arg(long, short)]
    quiet: bool,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let dir = args.dir.unwrap_or_else(knowledge::default_dir);
    let loaded = knowledge::load(&dir);
    let mut errors = 0;
    let mut warnings = 0;
    for diagnostic in &loaded.diagnostics {
        match diagnostic.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
        if diagnostic.severity == Severity::Error || !args.quiet {
            eprintln!("{diagnostic}");
        }
    }
    let coverage = loaded.knowledge.coverage();
    println!(
        "Translation coverage of {} ({} entries):",
        dir.display(),
        coverage.total
    );
    println!("{:<6}{:>10}{:>10}", "lang", "complete", "percent");
    for lang in Lang::ALL {
        let complete = coverage.complete.get(&lang).copied().unwrap_or(0);
        println!(
            "{:<6}{:>10}{:>9.1}%",
            lang.code(),
            format!("{complete}/{}", coverage.total),
            coverage.percent(lang)
        );
    }
    println!(
        "{} entries, {errors} errors, {warnings} warnings",
        loaded.knowledge.len()
    );
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
