//! The retrieval test: Recall@3 and MRR per language over the shared dev
//! queries (`tests/data/dev-queries.tsv`, a copy of the shared file) and
//! our own (`tests/data/own-queries.tsv`).
//!
//! A query counts as found when its regex matches the id, the German title
//! or the url of one of the top 3 hits. Queries run as `lotse ask` runs
//! them, without a language hint. The table also shows how often the
//! query's language was detected right. Fails under Recall@3 0.95 over all
//! queries or 0.85 in any one language.

use std::collections::BTreeMap;

use lotse::lang::Lang;
use lotse::search::{AnswerHit, AskOptions};
use regex::Regex;

use crate::util::{library, root};

const MIN_RECALL: f64 = 0.95;
const MIN_RECALL_PER_LANG: f64 = 0.85;
const MIN_DETECTION: f64 = 0.85;

/// One row of an evaluation set.
pub struct Query {
    pub lang: Lang,
    pub text: String,
    /// `None` where the knowledge cannot answer the query (`NONE`).
    pub expect: Option<Regex>,
    /// The kind of question (`dev-hard.tsv` only; else empty).
    pub category: String,
}

/// Reads an evaluation set: a header line, then `lang`, `query`, `expect`
/// and optionally `category`, tab-separated. `expect` is a case-insensitive
/// regex or `NONE`.
pub fn read(file: &str) -> Vec<Query> {
    let data = std::fs::read_to_string(root().join("tests/data").join(file)).unwrap();
    data.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (lang, text, expect, category) = match line.split('\t').collect::<Vec<_>>()[..] {
                [lang, text, expect] => (lang, text, expect, ""),
                [lang, text, expect, category] => (lang, text, expect, category),
                _ => panic!("{file}: malformed line {line:?}"),
            };
            Query {
                lang: lang.parse().unwrap(),
                text: text.to_string(),
                expect: (expect != "NONE").then(|| Regex::new(&format!("(?i){expect}")).unwrap()),
                category: category.to_string(),
            }
        })
        .collect()
}

/// Whether `hit` is what `expect` asks for: the regex is matched against
/// "<id> <title_de> <url>", as the shared sets define it.
pub fn matches(expect: &Regex, hit: &AnswerHit) -> bool {
    let url = hit.url.as_deref().unwrap_or_default();
    expect.is_match(&format!("{} {} {url}", hit.id, hit.title_de))
}

#[derive(Default)]
struct Tally {
    queries: usize,
    found: usize,
    reciprocal_ranks: f64,
    detected: usize,
}

#[test]
fn recall_at_3_per_language() {
    let mut queries = read("dev-queries.tsv");
    let dev = queries.len();
    queries.extend(read("own-queries.tsv"));
    assert!(
        queries.len() >= 2 * dev,
        "add at least as many own queries as dev queries"
    );

    let mut per_lang: BTreeMap<Lang, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut misdetected = Vec::new();
    for q in &queries {
        let answer = library()
            .ask(
                &q.text,
                AskOptions {
                    limit: 10,
                    ..AskOptions::default()
                },
            )
            .unwrap();
        let expect = q.expect.as_ref().expect("dev and own queries all have an answer");
        let rank = answer.hits.iter().position(|h| matches(expect, h));
        let tally = per_lang.entry(q.lang).or_default();
        tally.queries += 1;
        if answer.detected == Some(q.lang) {
            tally.detected += 1;
        } else {
            misdetected.push(format!("{} {:?} detected as {:?}", q.lang, q.text, answer.detected));
        }
        if let Some(rank) = rank {
            tally.reciprocal_ranks += 1.0 / (rank + 1) as f64;
        }
        if rank.is_some_and(|r| r < 3) {
            tally.found += 1;
        } else {
            let top: Vec<&str> = answer.hits.iter().take(3).map(|h| h.id.as_str()).collect();
            misses.push(format!("{} {:?}: expected /{expect}/, got {top:?}", q.lang, q.text));
        }
    }

    println!("lang  queries  recall@3    MRR  detected");
    let mut total = Tally::default();
    let mut weak = Vec::new();
    for (lang, t) in &per_lang {
        let recall = t.found as f64 / t.queries as f64;
        println!(
            "{:<5} {:>7} {:>9.3} {:>6.3} {:>9.3}",
            lang.code(),
            t.queries,
            recall,
            t.reciprocal_ranks / t.queries as f64,
            t.detected as f64 / t.queries as f64
        );
        if recall < MIN_RECALL_PER_LANG {
            weak.push(format!("{lang}: {recall:.3}"));
        }
        total.queries += t.queries;
        total.found += t.found;
        total.reciprocal_ranks += t.reciprocal_ranks;
        total.detected += t.detected;
    }
    let recall = total.found as f64 / total.queries as f64;
    let detection = total.detected as f64 / total.queries as f64;
    println!(
        "all   {:>7} {:>9.3} {:>6.3} {:>9.3}",
        total.queries,
        recall,
        total.reciprocal_ranks / total.queries as f64,
        detection
    );
    for miss in &misses {
        println!("miss: {miss}");
    }
    for miss in &misdetected {
        println!("language: {miss}");
    }
    assert_eq!(per_lang.len(), Lang::ALL.len(), "every language has queries");
    assert!(recall >= MIN_RECALL, "Recall@3 {recall:.3} < {MIN_RECALL}");
    assert!(weak.is_empty(), "languages under {MIN_RECALL_PER_LANG}: {weak:?}");
    // Short queries are hard to tell apart; this guards against a detector
    // that has stopped working, not against every single miss.
    assert!(
        detection >= MIN_DETECTION,
        "language detection {detection:.3} < {MIN_DETECTION}"
    );
}
