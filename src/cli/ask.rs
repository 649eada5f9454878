//! `lotse ask`: one question in, the best entries out, for people or tools;
//! or, with `--batch`, many questions in one process, one JSON line each.

use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{KnowledgeArgs, StoreArgs, UsageError, parse_lang};
use crate::assistant::{Channel, Journal, QueryId, QueryRecord};
use crate::i18n::Catalog;
use crate::search::{AnswerHit, AskOptions};

/// Search the knowledge and print the best entries.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Answer in this language (de, en, ar, fa, ps, tr, kmr, ru, uk, pl, ro,
    /// fr) [default: the query's language, else German]
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// How many entries to show at most
    #[arg(long, default_value_t = 5, value_name = "N")]
    limit: usize,
    /// Print one JSON object for tools instead of text for people
    #[arg(long)]
    json: bool,
    /// Answer every line of FILE (`-` for standard input), one JSON object
    /// per line out, as `--json` prints it; not logged
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    batch: Option<PathBuf>,
    #[command(flatten)]
    knowledge: KnowledgeArgs,
    #[command(flatten)]
    store: StoreArgs,
    /// The question, in any of the twelve languages
    #[arg(value_name = "QUERY", trailing_var_arg = true, allow_hyphen_values = true)]
    query: Vec<String>,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let lang = parse_lang(args.lang.as_deref())?;
    if let Some(batch) = &args.batch {
        return run_batch(&args, batch, lang);
    }
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        return Err(UsageError("empty query; give the words to search for, e.g. lotse ask Heft 48".into()).into());
    }
    let library = super::open_library(&args.knowledge)?;
    let options = AskOptions {
        lang,
        limit: args.limit,
        ..AskOptions::default()
    };
    let answer = library.ask(query.trim(), options)?;
    let (memory, pseudonyms, _) = args.store.open(None)?;
    let mut id = [0u8; 8];
    let _ = getrandom::fill(&mut id);
    let user = pseudonyms.user("cli", "local");
    memory.query(QueryRecord::of(
        QueryId(u64::from_le_bytes(id) >> 1),
        Channel::Cli,
        &user,
        &answer,
    ));
    memory.close();
    if args.json {
        println!("{}", serde_json::to_string(&answer)?);
        return Ok(ExitCode::SUCCESS);
    }
    // Weak matches are never shown as found: after the no-result line,
    // under a heading of their own.
    if answer.hits.is_empty() {
        let catalog = Catalog::new();
        println!("{}", catalog.text(answer.lang, "no-results"));
        if !answer.related.is_empty() {
            println!("\n{}", catalog.text(answer.lang, "results-related"));
        }
        print_hits(&answer.related);
    }
    print_hits(&answer.hits);
    Ok(ExitCode::SUCCESS)
}

/// One item per line, urls on lines of their own. No bidi marks: this is
/// a terminal's (or a tool's) text, and most terminals show them as boxes.
fn print_hits(hits: &[AnswerHit]) {
    for (i, hit) in hits.iter().enumerate() {
        println!("{}. {} [{}]", i + 1, hit.title, hit.kind.name());
        if hit.title != hit.title_de {
            println!("   ({})", hit.title_de);
        }
        println!("   {}", hit.summary);
        if let Some(url) = &hit.url {
            println!("   {url}");
        }
        println!("   id: {}", hit.id);
    }
}

/// Answers each line of `file`: one JSON object per line, in order, an empty
/// line included (with no hits), so output lines pair with input lines.
fn run_batch(args: &Args, file: &std::path::Path, lang: Option<crate::lang::Lang>) -> anyhow::Result<ExitCode> {
    let input: Box<dyn BufRead> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let opened = std::fs::File::open(file)
            .map_err(|e| UsageError(format!("cannot read the batch file {}: {e}", file.display())))?;
        Box::new(std::io::BufReader::new(opened))
    };
    let library = super::open_library(&args.knowledge)?;
    let options = AskOptions {
        lang,
        limit: args.limit,
        ..AskOptions::default()
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in input.lines() {
        let line = match line {
            Ok(line) => line,
            // A line that is not UTF-8 still gets its (empty) answer.
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => String::new(),
            Err(e) => return Err(e.into()),
        };
        let answer = library.ask(line.trim(), options)?;
        serde_json::to_writer(&mut out, &answer)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
