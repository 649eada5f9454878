//! The maintainers' report: what people ask, in which languages, and what
//! they look for but do not find.

use serde::Serialize;
use sqlx::SqlitePool;

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

pub(super) async fn compute(pool: &SqlitePool, since: u64) -> Result<Stats, StoreError> {
    let since_i = since as i64;
    let (queries, zero_results): (i64, i64) =
        sqlx::query_as("SELECT COUNT(*), COALESCE(SUM(hits = 0), 0) FROM queries WHERE at >= ?1")
            .bind(since_i)
            .fetch_one(pool)
            .await?;
    let (feedback,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM feedback WHERE at >= ?1")
        .bind(since_i)
        .fetch_one(pool)
        .await?;
    let per_day: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT date(at, 'unixepoch') AS day, answer_lang, COUNT(*) FROM queries WHERE at >= ?1 \
         GROUP BY day, answer_lang ORDER BY day, answer_lang",
    )
    .bind(since_i)
    .fetch_all(pool)
    .await?;
    let per_lang: Vec<(String, i64)> = sqlx::query_as(
        "SELECT answer_lang, COUNT(*) AS n FROM queries WHERE at >= ?1 GROUP BY answer_lang ORDER BY n DESC, answer_lang",
    )
    .bind(since_i)
    .fetch_all(pool)
    .await?;
    let top: Vec<(String, i64)> = sqlx::query_as(
        "SELECT normalized, COUNT(*) AS n FROM queries WHERE at >= ?1 AND normalized != '' \
         GROUP BY normalized ORDER BY n DESC, normalized LIMIT ?2",
    )
    .bind(since_i)
    .bind(TOP)
    .fetch_all(pool)
    .await?;
    let gaps: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT normalized, COUNT(*) AS n, group_concat(answer_lang, ' ') FROM queries \
         WHERE at >= ?1 AND hits = 0 AND normalized != '' GROUP BY normalized ORDER BY n DESC, normalized LIMIT ?2",
    )
    .bind(since_i)
    .bind(TOP)
    .fetch_all(pool)
    .await?;
    // The entry an answer put first is the first id of `top_ids`.
    let feedback_rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT CASE instr(q.top_ids, ' ') WHEN 0 THEN q.top_ids \
         ELSE substr(q.top_ids, 1, instr(q.top_ids, ' ') - 1) END AS entry, \
         SUM(f.helpful), SUM(1 - f.helpful) FROM feedback f \
         JOIN queries q ON q.id = f.query_id WHERE f.at >= ?1 AND q.top_ids != '' \
         GROUP BY entry ORDER BY SUM(f.helpful) + SUM(1 - f.helpful) DESC, entry",
    )
    .bind(since_i)
    .fetch_all(pool)
    .await?;
    let latencies: Vec<(i64,)> = sqlx::query_as("SELECT latency_us FROM queries WHERE at >= ?1 ORDER BY latency_us")
        .bind(since_i)
        .fetch_all(pool)
        .await?;
    let latencies: Vec<u64> = latencies.into_iter().map(|(l,)| l.max(0) as u64).collect();
    let (rate_limited,): (i64,) =
        sqlx::query_as("SELECT COALESCE(SUM(dropped), 0) FROM rate_limited WHERE day >= date(?1, 'unixepoch')")
            .bind(since_i)
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
                day,
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
        gaps: gaps
            .into_iter()
            .map(|(query, n, langs)| GapCount {
                query,
                count: count(n),
                langs: by_frequency(&langs),
            })
            .collect(),
        feedback_per_entry: feedback_rows
            .into_iter()
            .map(|(entry, helpful, unhelpful)| FeedbackCount {
                entry,
                helpful: count(helpful),
                unhelpful: count(unhelpful),
            })
            .collect(),
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

/// Space-separated codes, distinct, most frequent first.
fn by_frequency(codes: &str) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for code in codes.split_whitespace() {
        match counts.iter_mut().find(|(c, _)| c == code) {
            Some(slot) => slot.1 += 1,
            None => counts.push((code.to_string(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.into_iter().map(|(c, _)| c).collect()
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
        assert_eq!(by_frequency("tr de tr ar tr de"), ["tr", "de", "ar"]);
    }
}
