//! `lotse export --json`: all entries with every language's fields, as one
//! JSON document that maintainers can publish and benchmarks and peers read.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::process::ExitCode;

use serde::Serialize;

use super::{KnowledgeArgs, UsageError};
use crate::knowledge::{Audience, Details, Entry, Keywords, Kind, Knowledge, Texts};
use crate::lang::Lang;

/// Export the knowledge as JSON: {"entries": [{"id", "kind", "audience",
/// "title": {"de": …}, "summary", "keywords", "body", "url", …}]}.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Print JSON (the only format so far)
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    knowledge: KnowledgeArgs,
}

/// The exported document.
#[derive(Debug, Serialize)]
pub struct Export<'k> {
    pub entries: Vec<ExportEntry<'k>>,
}

/// One entry with the fields of every language side by side.
#[derive(Debug, Serialize)]
pub struct ExportEntry<'k> {
    pub id: &'k str,
    pub kind: Kind,
    pub audience: Audience,
    pub title: BTreeMap<Lang, &'k str>,
    pub summary: BTreeMap<Lang, &'k str>,
    pub keywords: BTreeMap<Lang, Keywords<'k>>,
    pub body: BTreeMap<Lang, Cow<'k, str>>,
    pub url: Option<&'k str>,
    pub details: &'k Details,
    pub related: &'k [String],
    pub source: &'k str,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    if !args.json {
        return Err(UsageError("give --json: JSON is the export format".into()).into());
    }
    let loaded = crate::knowledge::load(&args.knowledge.dir());
    if loaded.has_errors() {
        eprintln!(
            "warning: the knowledge folder has {} errors, their entries are left out; run `lotse check` for details",
            loaded.errors().count()
        );
    }
    println!("{}", serde_json::to_string_pretty(&export(&loaded.knowledge)?)?);
    Ok(ExitCode::SUCCESS)
}

/// The export of `knowledge`; bodies kept in a file are read, which may
/// fail.
pub fn export(knowledge: &Knowledge) -> std::io::Result<Export<'_>> {
    Ok(Export {
        entries: knowledge
            .entries()
            .iter()
            .map(|e| entry(e))
            .collect::<std::io::Result<_>>()?,
    })
}

fn entry(e: &Entry) -> std::io::Result<ExportEntry<'_>> {
    let field = |f: fn(&Texts) -> &str| -> BTreeMap<Lang, &str> {
        e.texts
            .iter()
            .map(|(l, t)| (*l, f(t)))
            .filter(|(_, v)| !v.is_empty())
            .collect()
    };
    let body = e
        .texts
        .iter()
        .filter(|(_, t)| t.has_body())
        .map(|(l, t)| Ok((*l, t.body()?)))
        .collect::<std::io::Result<_>>()?;
    Ok(ExportEntry {
        id: &e.id,
        kind: e.kind,
        audience: e.audience,
        title: field(Texts::title),
        summary: field(Texts::summary),
        keywords: e.texts.iter().map(|(l, t)| (*l, t.keywords())).collect(),
        body,
        url: e.url(),
        details: &e.details,
        related: &e.related,
        source: &e.source,
    })
}
