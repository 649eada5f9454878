//! Benchmarks: the core's answer latency beside the floor (a raw tantivy
//! term query) and the peer a developer would otherwise pick (SQLite FTS5
//! with bm25), with their Recall@3 and MRR on the same queries; and the
//! scale of a synthetic knowledge folder. Benchmarks measure, they do not
//! assert: `docs/BENCHMARKS.md` records their figures.

use std::path::Path;
use std::time::{Duration, Instant};

use regex::Regex;
use serde::Serialize;

use crate::knowledge::Knowledge;
use crate::lang::Lang;
use crate::search::{AskOptions, Library};

/// One evaluation query: a hit counts when `expect` matches the id, the
/// German title or the url of an entry in the top 3. `expect` is `None`
/// for a question the knowledge cannot answer (`NONE` in the file): there,
/// zero hits is right.
#[derive(Debug, Clone)]
pub struct EvalQuery {
    /// The asker's language, given to Lotse as `lotse ask --lang` would.
    pub lang: Lang,
    pub text: String,
    pub expect: Option<Regex>,
    /// The category of `dev-hard.tsv` (`typo`, `translit`, ...), if any.
    pub category: Option<String>,
}

/// Latency percentiles in microseconds.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Latency {
    pub p50_us: f64,
    pub p99_us: f64,
    pub mean_us: f64,
    pub samples: usize,
}

/// Retrieval quality over the evaluation queries: Recall@3 and MRR over
/// those the knowledge answers, and the share of the others (`NONE`) that
/// got no hit at all.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Quality {
    pub recall_at_3: f64,
    pub mrr: f64,
    pub none_rejected: f64,
}

/// The core, the floor and the peer side by side. Each query is asked of
/// Lotse, the floor and FTS5 in turn, so that all three meet the same
/// machine load. Latencies are wall-clock time; the `_cpu` ones count only
/// the time the thread ran (what a query costs, without the waits of a
/// machine shared with other work).
#[derive(Debug, Clone, Serialize)]
pub struct CoreReport {
    pub queries: usize,
    pub rounds: usize,
    pub lotse: Latency,
    /// Lotse on the queries of category `typo` alone.
    pub lotse_typo: Latency,
    pub lotse_quality: Quality,
    pub floor: Latency,
    pub fts5: Latency,
    /// FTS5 on the queries of category `typo` alone.
    pub fts5_typo: Latency,
    pub fts5_quality: Quality,
    pub lotse_cpu: Latency,
    pub lotse_typo_cpu: Latency,
    pub fts5_cpu: Latency,
    pub fts5_typo_cpu: Latency,
}

/// One size of the scale test.
#[derive(Debug, Clone, Serialize)]
pub struct ScaleReport {
    pub entries: usize,
    pub files: usize,
    /// `memory`, or the folder the index is kept in.
    pub index: String,
    /// Loading and checking the folder, then building the index in memory;
    /// `None` for a kept index, where the two are one step.
    pub load_s: Option<f64>,
    pub index_s: Option<f64>,
    /// From nothing to ready to answer: load and build, or the start with
    /// a kept index (which builds it when it is missing or stale).
    pub start_s: f64,
    /// Resident memory once the knowledge is loaded (in memory) or the
    /// library is ready (kept index).
    pub rss_loaded_mib: f64,
    pub peak_rss_mib: f64,
    pub query: Latency,
    /// Reloads while the library serves, as the watcher does after an
    /// edit (with `--reload`): one entry file edited, then the edit undone.
    pub reloads: Vec<ReloadReport>,
}

/// A reload measured by the scale test.
#[derive(Debug, Clone, Serialize)]
pub struct ReloadReport {
    /// What changed in the folder before it.
    pub change: &'static str,
    /// Reading and indexing what changed beside the serving library.
    pub seconds: f64,
    /// The peak resident memory of the reload alone, old library
    /// included; `null` where the peak of the start could not be cleared
    /// first.
    pub peak_rss_mib: Option<f64>,
    /// Resident memory once the new library serves and the old is dropped.
    pub rss_after_mib: f64,
}

/// Reads evaluation queries from a `lang<TAB>query<TAB>regex[<TAB>category]`
/// file with a header line (the shared `dev-queries.tsv`, `dev-hard.tsv`).
pub fn read_queries(path: &Path) -> anyhow::Result<Vec<EvalQuery>> {
    let text = std::fs::read_to_string(path)?;
    let mut queries = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split('\t');
        let (Some(lang), Some(query), Some(expect)) = (parts.next(), parts.next(), parts.next()) else {
            anyhow::bail!("{}: malformed line {line:?}", path.display());
        };
        queries.push(EvalQuery {
            lang: lang.parse()?,
            text: query.to_string(),
            expect: match expect {
                "NONE" => None,
                regex => Some(Regex::new(&format!("(?i){regex}"))?),
            },
            category: parts.next().map(str::to_string),
        });
    }
    Ok(queries)
}

/// How Lotse is asked a benchmark query: as `lotse ask --lang` asks it.
fn options(q: &EvalQuery, limit: usize) -> AskOptions {
    AskOptions {
        lang: Some(q.lang),
        hint: Some(q.lang),
        offset: 0,
        limit,
    }
}

/// Runs the core, the floor and FTS5 over `queries`, `rounds` times each.
pub fn core(library: &Library, queries: &[EvalQuery], rounds: usize) -> anyhow::Result<CoreReport> {
    let knowledge = library.knowledge();
    let db = fts5_table(knowledge)?;
    let mut select =
        db.prepare("SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 0.0, 4.0, 3.0, 2.0, 1.0) LIMIT ?2")?;
    let mut fts5 = |text: &str, limit: i64| -> rusqlite::Result<Vec<String>> {
        let expression = fts5_expression(text);
        if expression.is_empty() {
            return Ok(Vec::new());
        }
        select
            .query_map((expression, limit), |row| row.get::<_, String>(0))?
            .collect()
    };
    // Warm up both once.
    for q in queries {
        library.ask(&q.text, options(q, 5))?;
        fts5(&q.text, 5)?;
    }
    let mut times = Times::default();
    for _ in 0..rounds {
        for q in queries {
            let typo = q.category.as_deref() == Some("typo");
            let (answer, wall, cpu) = timed(|| library.ask(&q.text, options(q, 5)));
            std::hint::black_box(answer?);
            times.lotse.push(wall, cpu, typo);
            let (n, wall, cpu) = timed(|| library.index().raw_term_query(&q.text, 5));
            std::hint::black_box(n?);
            times.floor.push(wall, cpu, typo);
            let (ids, wall, cpu) = timed(|| fts5(&q.text, 5));
            std::hint::black_box(ids?);
            times.fts5.push(wall, cpu, typo);
        }
    }
    let lotse_quality = quality(
        queries,
        |q| {
            let answer = library.ask(&q.text, options(q, 10))?;
            Ok(answer.hits.into_iter().map(|h| h.id).collect())
        },
        knowledge,
    )?;
    let fts5_quality = quality(queries, |q| Ok(fts5(&q.text, 10)?), knowledge)?;
    let Times {
        mut lotse,
        mut floor,
        fts5: mut peer,
    } = times;
    Ok(CoreReport {
        queries: queries.len(),
        rounds,
        lotse: latency(&mut lotse.wall),
        lotse_typo: latency(&mut lotse.typo_wall),
        lotse_quality,
        floor: latency(&mut floor.wall),
        fts5: latency(&mut peer.wall),
        fts5_typo: latency(&mut peer.typo_wall),
        fts5_quality,
        lotse_cpu: latency(&mut lotse.cpu),
        lotse_typo_cpu: latency(&mut lotse.typo_cpu),
        fts5_cpu: latency(&mut peer.cpu),
        fts5_typo_cpu: latency(&mut peer.typo_cpu),
    })
}

/// The times of one contender: all queries, and the typo queries alone.
#[derive(Default)]
struct Series {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
    typo_wall: Vec<Duration>,
    typo_cpu: Vec<Duration>,
}

impl Series {
    fn push(&mut self, wall: Duration, cpu: Duration, typo: bool) {
        self.wall.push(wall);
        self.cpu.push(cpu);
        if typo {
            self.typo_wall.push(wall);
            self.typo_cpu.push(cpu);
        }
    }
}

#[derive(Default)]
struct Times {
    lotse: Series,
    floor: Series,
    fts5: Series,
}

/// Runs `f`, measuring its wall-clock and its thread's CPU time.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Duration) {
    let (cpu, wall) = (thread_cpu(), Instant::now());
    let out = f();
    let wall = wall.elapsed();
    (out, wall, thread_cpu().saturating_sub(cpu))
}

/// The CPU time this thread has run.
#[cfg(unix)]
fn thread_cpu() -> Duration {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid timespec for the call to write into.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

#[cfg(not(unix))]
fn thread_cpu() -> Duration {
    Duration::ZERO
}

/// An SQLite FTS5 table over the same entries and fields as Lotse's index
/// (every language's title, keywords, summary and body), ranked by bm25
/// with the same field weights as Lotse. It runs in this process and on
/// this thread, as Lotse does: no pool, no other thread, no async runtime.
fn fts5_table(knowledge: &Knowledge) -> anyhow::Result<rusqlite::Connection> {
    let db = rusqlite::Connection::open_in_memory()?;
    db.execute_batch(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, keywords, summary, body, \
         tokenize = 'unicode61 remove_diacritics 2')",
    )?;
    {
        let mut insert =
            db.prepare("INSERT INTO docs (id, title, keywords, summary, body) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        for entry in knowledge.entries() {
            let join = |f: fn(&crate::knowledge::Texts) -> String| -> String {
                entry.texts.values().map(f).collect::<Vec<_>>().join("\n")
            };
            insert.execute((
                &entry.id,
                join(|t| t.title().to_string()),
                join(|t| t.keywords().join(", ")),
                join(|t| t.summary().to_string()),
                entry
                    .texts
                    .values()
                    .map(|t| t.body().map(|b| b.into_owned()))
                    .collect::<std::io::Result<Vec<_>>>()?
                    .join("\n"),
            ))?;
        }
    }
    // One segment, as Lotse's index of a small knowledge folder has.
    db.execute_batch("INSERT INTO docs(docs) VALUES('optimize')")?;
    Ok(db)
}

/// A user's words as an FTS5 expression: each word quoted (so nothing is
/// query syntax), any of them may match.
fn fts5_expression(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" OR ")
}

fn quality(
    queries: &[EvalQuery],
    mut ranked: impl FnMut(&EvalQuery) -> anyhow::Result<Vec<String>>,
    knowledge: &Knowledge,
) -> anyhow::Result<Quality> {
    let (mut found, mut reciprocal, mut answerable) = (0usize, 0.0, 0usize);
    let (mut rejected, mut unanswerable) = (0usize, 0usize);
    for q in queries {
        let ids = ranked(q)?;
        let Some(expect) = &q.expect else {
            unanswerable += 1;
            rejected += usize::from(ids.is_empty());
            continue;
        };
        answerable += 1;
        // The dev sets' contract: the regex is searched in "<id> <title_de> <url>".
        let rank = ids.iter().position(|id| {
            knowledge.get(id).is_some_and(|e| {
                let line = format!("{} {} {}", e.id, e.german().title(), e.url().unwrap_or_default());
                expect.is_match(&line)
            })
        });
        if let Some(rank) = rank {
            reciprocal += 1.0 / (rank + 1) as f64;
            if rank < 3 {
                found += 1;
            }
        }
    }
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    Ok(Quality {
        recall_at_3: share(found, answerable),
        mrr: reciprocal / answerable.max(1) as f64,
        none_rejected: share(rejected, unanswerable),
    })
}

/// Loads (and indexes) a knowledge folder as `lotse serve` does, with the
/// index in memory or kept in a folder, then queries it; with `reload`,
/// then edits one entry file and reloads as the watcher does, and undoes
/// the edit and reloads again.
pub fn scale(
    dir: &Path,
    location: &crate::index::Location,
    queries: &[EvalQuery],
    rounds: usize,
    reload: bool,
) -> anyhow::Result<ScaleReport> {
    use crate::index::{Location, SearchIndex};
    let files = count_files(dir);
    let start = Instant::now();
    let (library, load_s, index_s, rss_loaded_mib) = match location {
        Location::Memory => {
            let loaded = crate::knowledge::load_for_serving(dir);
            let load_s = start.elapsed().as_secs_f64();
            let rss = rss_mib();
            let library = Library::new(loaded.knowledge, location)?;
            (library, Some(load_s), Some(start.elapsed().as_secs_f64() - load_s), rss)
        }
        Location::Dir(_) => {
            let (loaded, index) = SearchIndex::open(dir, location, &mut |_, _| {})?;
            (Library::from_parts(loaded.knowledge, index), None, None, rss_mib())
        }
    };
    let start_s = start.elapsed().as_secs_f64();
    let entries = library.knowledge().len();
    for q in queries {
        library.ask(&q.text, options(q, 5))?;
    }
    let mut times = Vec::new();
    for _ in 0..rounds {
        for q in queries {
            let start = Instant::now();
            std::hint::black_box(library.ask(&q.text, options(q, 5))?);
            times.push(start.elapsed());
        }
    }
    let peak_rss_mib = peak_rss_mib();
    let reloads = if reload {
        reload_beside(library, dir, location)?
    } else {
        Vec::new()
    };
    Ok(ScaleReport {
        entries,
        files,
        index: match location {
            Location::Memory => "memory".to_string(),
            Location::Dir(dir) => dir.display().to_string(),
        },
        load_s,
        index_s,
        start_s,
        rss_loaded_mib,
        peak_rss_mib,
        query: latency(&mut times),
        reloads,
    })
}

/// Edits one entry file of `dir` (a line added to its body) and reloads
/// while `library` serves, as [`crate::reload::reload`] does, then drops
/// the old library; then undoes the edit and does the same again. The
/// file is as it was afterwards, also where a reload fails.
fn reload_beside(library: Library, dir: &Path, location: &crate::index::Location) -> anyhow::Result<Vec<ReloadReport>> {
    let file = first_entry_file(dir).ok_or_else(|| anyhow::anyhow!("no entry file in {}", dir.display()))?;
    let original = std::fs::read(&file)?;
    let mut edited = original.clone();
    edited.extend_from_slice(b"\nEin Nachtrag, zur Messung.\n");
    let mut serving = library;
    let mut reports = Vec::new();
    for (change, bytes) in [("one file edited", &edited), ("the edit undone", &original)] {
        std::fs::write(&file, bytes)?;
        // Writing 5 to `clear_refs` sets the peak back to the resident memory now.
        let cleared = std::fs::write("/proc/self/clear_refs", "5").is_ok();
        let start = Instant::now();
        let reloaded = match crate::reload::prepare(&serving, dir, location, true) {
            Ok(reloaded) => reloaded,
            Err(outcome) => {
                std::fs::write(&file, &original)?;
                anyhow::bail!("the reload failed: {outcome:?}");
            }
        };
        let seconds = start.elapsed().as_secs_f64();
        let peak = cleared.then(peak_rss_mib);
        drop(std::mem::replace(&mut serving, reloaded));
        reports.push(ReloadReport {
            change,
            seconds,
            peak_rss_mib: peak,
            rss_after_mib: rss_mib(),
        });
    }
    Ok(reports)
}

/// The first German entry file (`<kind>/<id>.md`) of the folder `dir`.
fn first_entry_file(dir: &Path) -> Option<std::path::PathBuf> {
    let sorted = |dir: &Path| -> Option<Vec<std::path::PathBuf>> {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| Some(e.ok()?.path()))
            .collect();
        paths.sort();
        Some(paths)
    };
    sorted(dir)?.into_iter().filter(|p| p.is_dir()).find_map(|kind| {
        sorted(&kind)?.into_iter().find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().matches('.').count() == 1)
        })
    })
}

/// The process's peak resident memory (VmHWM), in MiB; 0 where unknown.
pub fn peak_rss_mib() -> f64 {
    status_kib("VmHWM:") / 1024.0
}

/// The process's resident memory now (VmRSS), in MiB; 0 where unknown.
pub fn rss_mib() -> f64 {
    status_kib("VmRSS:") / 1024.0
}

fn status_kib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0.0)
}

fn count_files(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(entry.path()),
                Ok(_) => n += 1,
                Err(_) => {}
            }
        }
    }
    n
}

fn latency(times: &mut [Duration]) -> Latency {
    if times.is_empty() {
        return Latency::default();
    }
    times.sort();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let at = |p: usize| us(times[((p * times.len()).div_ceil(100)).clamp(1, times.len()) - 1]);
    Latency {
        p50_us: at(50),
        p99_us: at(99),
        mean_us: times.iter().map(|d| us(*d)).sum::<f64>() / times.len() as f64,
        samples: times.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the scale test with reloads, in memory and kept in a
    /// folder: the first library answers, the reloads of an edit and of
    /// its undoing succeed, the report says how long each took and what
    /// stayed resident, and the folder is as it was.
    #[test]
    fn the_scale_test_reloads_beside_the_serving_library() {
        let shipped = crate::knowledge::load(&crate::knowledge::default_dir()).knowledge;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("knowledge");
        crate::synthetic::generate(&shipped, &folder, 60, 7, &mut |_, _| {}).unwrap();
        let queries = read_queries(Path::new("tests/data/dev-queries.tsv")).unwrap();
        let kept = crate::index::Location::Dir(dir.path().join("index"));
        let before = crate::knowledge::load(&folder).knowledge.sources().to_vec();
        for location in [crate::index::Location::Memory, kept] {
            let report = scale(&folder, &location, &queries[..5], 1, true).unwrap();
            assert_eq!((report.entries, report.query.samples), (60, 5), "{location:?}");
            assert_eq!(report.reloads.len(), 2, "{location:?}");
            for reload in &report.reloads {
                assert!(reload.seconds > 0.0 && reload.rss_after_mib > 0.0, "{reload:?}");
            }
        }
        let contents = |sources: &[crate::knowledge::Source]| -> Vec<(String, [u8; 32])> {
            sources.iter().map(|s| (s.path.clone(), s.sha256)).collect()
        };
        let after = crate::knowledge::load(&folder).knowledge.sources().to_vec();
        assert_eq!(contents(&after), contents(&before));
    }

    #[test]
    fn fts5_queries_are_words_only() {
        assert_eq!(fts5_expression("title:( \"AND OR"), "\"title\" OR \"AND\" OR \"OR\"");
        assert_eq!(fts5_expression("..."), "");
    }
}
