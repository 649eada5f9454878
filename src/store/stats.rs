//! The maintainers' report: what people ask, in which languages, and what
//! they look for but do not find.

use serde::Serialize;
use sqlx::AnyPool;

use super::StoreError;

/// How many top queries and gaps the report lists.
const TOP: i64 = 20;

/// The report over a period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Unix seconds from which rows count.
    pub since: u64,
    pub queries: u64,
    pub zero_results: u64,
    pub feedback: u64,
    pub per_day: Vec<DayCount>,
    pub per_lang: Vec<LangCount>,
    pub top_queries: Vec<QueryCount>,
    /// Queries without results, normalised (case, spacing) and counted:
    /// what the knowledge lacks.
    pub gaps: Vec<GapCount>,
    pub feedback_per_entry: Vec<FeedbackCount>,
    pub latency_p50_us: u64,
    pub latency_p90_us: u64,
    pub latency_p99_us: u64,
    /// Messages dropped over the per-user and per-group limits (counted
    /// per day, so the period is rounded to whole days).
    pub rate_limited: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`, UTC.
    pub day: String,
    pub lang: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LangCount {
    pub lang: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryCount {
    pub query: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapCount {
    pub query: String,
    pub count: u64,
    /// The languages it was asked in, most frequent first.
    pub langs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackCount {
    pub entry: String,
    pub helpful: u64,
    pub unhelpful: u64,
}

pub(super) async fn compute(pool: &AnyPool, since: u64) -> Result<Stats, StoreError> {
    // One dialect for SQLite and PostgreSQL: no date or string functions,
    // integer sums cast to BIGINT (PostgreSQL sums BIGINT into NUMERIC);
    // days, first entries and language lists are made here.
    let since_i = since as i64;
    let (queries, zero_results): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN hits = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM queries WHERE at >= $1",
    )
    .bind(since_i)
    .fetch_one(pool)
    .await?;
    let (feedback,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM feedback WHERE at >= $1")
        .bind(since_i)
        .fetch_one(pool)
        .await?;
    let per_day: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT at / 86400 AS day, answer_lang, COUNT(*) FROM queries WHERE at >= $1 \
         GROUP BY at / 86400, answer_lang ORDER BY day, answer_lang",
    )
    .bind(since_i)
    .fetch_all(pool)
    .await?;
    let per_lang: Vec<(String, i64)> = sqlx::query_as(
        "SELECT answer_lang, COUNT(*) AS n FROM queries WHERE at >= $1 GROUP BY answer_lang ORDER BY n DESC, answer_lang",
    )
    .bind(since_i)
    .fetch_all(pool)
    .await?;
    let top: Vec<(String, i64)> = sqlx::query_as(
        "SELECT normalized, COUNT(*) AS n FROM queries WHERE at >= $1 AND normalized != '' \
         GROUP BY normalized ORDER BY n DESC, normalized LIMIT $2",
    )
    .bind(since_i)
    .bind(TOP)
    .fetch_all(pool)
    .await?;
    let gap_rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT normalized, COUNT(*) AS n FROM queries \
         WHERE at >= $1 AND hits = 0 AND normalized != '' GROUP BY normalized ORDER BY n DESC, normalized LIMIT $2",
    )
    .bind(since_i)
    .bind(TOP)
    .fetch_all(pool)
    .await?;
    // The languages of the listed gaps, most frequent first.
    let gap_langs: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT normalized, answer_lang, COUNT(*) FROM queries \
         WHERE at >= $1 AND hits = 0 AND normalized != '' GROUP BY normalized, answer_lang",
    )
    .bind(since_i)
    .fetch_all(pool)
    .await?;
    // The entry an answer put first is the first id of `top_ids`.
    let feedback_rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT q.top_ids, CAST(SUM(f.helpful) AS BIGINT), CAST(SUM(1 - f.helpful) AS BIGINT) FROM feedback f \
         JOIN queries q ON q.id = f.query_id WHERE f.at >= $1 AND q.top_ids != '' GROUP BY q.top_ids",
    )
    .bind(since_i)
    .fetch_all(pool)
    .await?;
    let latencies: Vec<(i64,)> = sqlx::query_as("SELECT latency_us FROM queries WHERE at >= $1 ORDER BY latency_us")
        .bind(since_i)
        .fetch_all(pool)
        .await?;
    let latencies: Vec<u64> = latencies.into_iter().map(|(l,)| l.max(0) as u64).collect();
    let (rate_limited,): (i64,) =
        sqlx::query_as("SELECT CAST(COALESCE(SUM(dropped), 0) AS BIGINT) FROM rate_limited WHERE day >= $1")
            .bind(day_of(since))
            .fetch_one(pool)
            .await?;

    let count = |n: i64| n.max(0) as u64;
    Ok(Stats {
        since,
        queries: count(queries),
        zero_results: count(zero_results),
        feedback: count(feedback),
        per_day: per_day
            .into_iter()
            .map(|(day, lang, n)| DayCount {
                day: day_of(day.max(0) as u64 * 86_400),
                lang,
                count: count(n),
            })
            .collect(),
        per_lang: per_lang
            .into_iter()
            .map(|(lang, n)| LangCount { lang, count: count(n) })
            .collect(),
        top_queries: top
            .into_iter()
            .map(|(query, n)| QueryCount { query, count: count(n) })
            .collect(),
        gaps: gap_rows
            .into_iter()
            .map(|(query, n)| GapCount {
                langs: by_frequency(
                    gap_langs
                        .iter()
                        .filter(|(q, _, _)| *q == query)
                        .map(|(_, l, n)| (l, *n)),
                ),
                query,
                count: count(n),
            })
            .collect(),
        feedback_per_entry: per_entry(feedback_rows),
        latency_p50_us: percentile(&latencies, 50),
        latency_p90_us: percentile(&latencies, 90),
        latency_p99_us: percentile(&latencies, 99),
        rate_limited: count(rate_limited),
    })
}

/// The `p`th percentile of sorted values (nearest rank); 0 when empty.
fn percentile(sorted: &[u64], p: usize) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

/// Counted codes, most frequent first.
fn by_frequency<'a>(counts: impl Iterator<Item = (&'a String, i64)>) -> Vec<String> {
    let mut counts: Vec<(&String, i64)> = counts.collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.into_iter().map(|(c, _)| c.clone()).collect()
}

/// 👍/👎 per answer's first entry (the first id of `top_ids`), most rated
/// first.
fn per_entry(rows: Vec<(String, i64, i64)>) -> Vec<FeedbackCount> {
    let mut entries: Vec<FeedbackCount> = Vec::new();
    for (top_ids, helpful, unhelpful) in rows {
        let entry = top_ids.split(' ').next().unwrap_or_default();
        let (helpful, unhelpful) = (helpful.max(0) as u64, unhelpful.max(0) as u64);
        match entries.iter_mut().find(|e| e.entry == entry) {
            Some(e) => {
                e.helpful += helpful;
                e.unhelpful += unhelpful;
            }
            None => entries.push(FeedbackCount {
                entry: entry.to_string(),
                helpful,
                unhelpful,
            }),
        }
    }
    entries.sort_by(|a, b| {
        (b.helpful + b.unhelpful)
            .cmp(&(a.helpful + a.unhelpful))
            .then(a.entry.cmp(&b.entry))
    });
    entries
}

/// The UTC day of a unix time, as `YYYY-MM-DD`.
pub(super) fn day_of(unix: u64) -> String {
    crate::calendar::day_of(unix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let values: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&values, 50), 50);
        assert_eq!(percentile(&values, 99), 99);
        assert_eq!(percentile(&[7], 99), 7);
        assert_eq!(percentile(&[], 50), 0);
        let (tr, de, ar) = ("tr".to_string(), "de".to_string(), "ar".to_string());
        assert_eq!(
            by_frequency([(&de, 2), (&ar, 1), (&tr, 3)].into_iter()),
            ["tr", "de", "ar"]
        );
    }

    #[test]
    fn days_are_utc_calendar_days() {
        assert_eq!(day_of(0), "1970-01-01");
        assert_eq!(day_of(951_782_400), "2000-02-29");
        assert_eq!(day_of(1_767_225_599), "2025-12-31");
        assert_eq!(day_of(1_767_225_600), "2026-01-01");
    }
}
