//! The maintainers' report as text for a terminal and as one self-contained
//! HTML page with charts (inline SVG, no script, nothing fetched), for
//! people who would rather look than read.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::i18n::{Arg, Catalog};
use crate::lang::Lang;
use crate::store::Stats;

/// Colours of the languages in the charts, in a fixed order.
const PALETTE: [&str; 12] = [
    "#1b6ca8", "#e07a1f", "#3a9d5d", "#c23b3b", "#7d5ba6", "#8c6d46", "#d66ba0", "#6b6b6b", "#b5b523", "#17a2b8",
    "#2e4a7d", "#a0522d",
];

/// The report as text.
pub fn text(stats: &Stats, period: &str) -> String {
    let mut out = String::new();
    let share = percent(stats.zero_results, stats.queries);
    let _ = writeln!(out, "Lotse query log, last {period}");
    let _ = writeln!(
        out,
        "{} queries, {} without results ({share:.1} %), {} ratings",
        stats.queries, stats.zero_results, stats.feedback
    );
    let _ = writeln!(
        out,
        "latency: p50 {} µs, p90 {} µs, p99 {} µs",
        stats.latency_p50_us, stats.latency_p90_us, stats.latency_p99_us
    );
    let _ = writeln!(
        out,
        "{} messages dropped over the per-user and per-group limits",
        stats.rate_limited
    );
    section(&mut out, "Queries per language");
    for l in &stats.per_lang {
        let _ = writeln!(out, "  {:<5} {:>6}", l.lang, l.count);
    }
    section(&mut out, "Queries per day");
    for (day, langs) in per_day(stats) {
        let total: u64 = langs.values().sum();
        let detail: Vec<String> = langs.iter().map(|(l, n)| format!("{l} {n}")).collect();
        let _ = writeln!(out, "  {day} {total:>6}  ({})", detail.join(", "));
    }
    section(&mut out, "Queries without results (what the knowledge lacks)");
    if stats.gaps.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for g in &stats.gaps {
        let _ = writeln!(out, "  {:>5}  {}  [{}]", g.count, g.query, g.langs.join(" "));
    }
    section(&mut out, "Top queries");
    for q in &stats.top_queries {
        let _ = writeln!(out, "  {:>5}  {}", q.count, q.query);
    }
    section(&mut out, "Feedback per entry (👍 / 👎)");
    for f in &stats.feedback_per_entry {
        let _ = writeln!(out, "  {:>4} / {:<4} {}", f.helpful, f.unhelpful, f.entry);
    }
    out
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}

/// The report as one HTML page, in English (`lotse stats --html`).
pub fn html(stats: &Stats, period: &str) -> String {
    let title = escape(period);
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lotse: query log, last {title}</title>\
         <style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}\
         h1{{font-size:1.5rem}}h2{{font-size:1.15rem;margin-top:2rem}}table{{border-collapse:collapse}}\
         td,th{{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}}td.n{{text-align:right}}\
         .legend span{{display:inline-block;margin-right:1rem}}.legend svg{{margin-right:.3rem}}</style>\
         </head><body>{}</body></html>\n",
        body(stats, period, &Words::new(&Catalog::new(), Lang::En))
    )
}

/// The words of the report, in one language.
pub struct Words<'a> {
    catalog: &'a Catalog,
    lang: Lang,
}

impl<'a> Words<'a> {
    pub fn new(catalog: &'a Catalog, lang: Lang) -> Words<'a> {
        Words { catalog, lang }
    }

    /// An interface text, escaped for HTML.
    fn t(&self, id: &str) -> String {
        escape(&self.catalog.text(self.lang, id))
    }

    /// An interface text with arguments, escaped for HTML.
    fn f(&self, id: &str, args: &[(&str, Arg)]) -> String {
        escape(&self.catalog.format(self.lang, id, args))
    }
}

/// The report's content, for a page of its own or inside another (the web
/// door's admin page, in its language): no style sheet and no `style`
/// attribute, so that it lives under a strict Content-Security-Policy;
/// every logged text escaped.
pub fn body(stats: &Stats, period: &str, words: &Words<'_>) -> String {
    let mut page = String::new();
    let share = percent(stats.zero_results, stats.queries);
    let count = |n: u64| Arg::Number(n as i64);
    let _ = write!(
        page,
        "<h1>{}</h1><p>{}</p>",
        words.f("report-title", &[("period", Arg::Text(period.to_string()))]),
        words.f(
            "report-summary",
            &[
                ("queries", count(stats.queries)),
                ("zero", count(stats.zero_results)),
                ("share", Arg::Text(format!("{share:.1}"))),
                ("ratings", count(stats.feedback)),
                ("p50", count(stats.latency_p50_us)),
                ("p90", count(stats.latency_p90_us)),
                ("p99", count(stats.latency_p99_us)),
            ],
        ),
    );
    let _ = write!(page, "<h2>{}</h2>", words.t("report-per-day"));
    page.push_str(&per_day_chart(stats, words));
    let _ = write!(page, "<h2>{}</h2>", words.t("report-share"));
    page.push_str(&share_chart(stats, words));
    let _ = write!(page, "<h2>{}</h2>", words.t("report-gaps"));
    page.push_str(&gaps_chart(stats, words));
    let langs = stats
        .per_lang
        .iter()
        .map(|l| vec![escape(&l.lang), l.count.to_string()]);
    let header = [words.t("report-col-language"), words.t("report-col-queries")];
    table(&mut page, &words.t("report-per-lang"), &header, langs);
    let top = stats
        .top_queries
        .iter()
        .map(|q| vec![escape(&q.query), q.count.to_string()]);
    let header = [words.t("report-col-query"), words.t("report-col-count")];
    table(&mut page, &words.t("report-top"), &header, top);
    let feedback = stats
        .feedback_per_entry
        .iter()
        .map(|f| vec![escape(&f.entry), f.helpful.to_string(), f.unhelpful.to_string()]);
    let header = [words.t("report-col-entry"), "👍".to_string(), "👎".to_string()];
    table(&mut page, &words.t("report-feedback"), &header, feedback);
    page
}

/// A titled table; every column but the first holds numbers.
fn table(page: &mut String, title: &str, header: &[String], rows: impl Iterator<Item = Vec<String>>) {
    let _ = write!(page, "<h2>{title}</h2><table><tr>");
    for h in header {
        let _ = write!(page, "<th>{h}</th>");
    }
    page.push_str("</tr>");
    for row in rows {
        page.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if i > 0 { " class=\"n\"" } else { "" };
            let _ = write!(page, "<td{class}>{cell}</td>");
        }
        page.push_str("</tr>");
    }
    page.push_str("</table>");
}

/// Stacked bars: one per day, one colour per language, with a legend.
fn per_day_chart(stats: &Stats, words: &Words<'_>) -> String {
    let days = per_day(stats);
    if days.is_empty() {
        return format!("<p>{}</p>", words.t("report-no-queries"));
    }
    let langs: Vec<String> = stats.per_lang.iter().map(|l| l.lang.clone()).collect();
    let colour = |lang: &str| PALETTE[langs.iter().position(|l| l == lang).unwrap_or(0) % PALETTE.len()];
    let max = days.values().map(|l| l.values().sum::<u64>()).max().unwrap_or(1).max(1);
    let (width, height, bar) = (720.0, 220.0, (700.0 / days.len() as f64).min(40.0));
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{}\" role=\"img\" aria-label=\"{}\">",
        height + 30.0,
        words.t("report-per-day")
    );
    let _ = write!(
        svg,
        "<line x1=\"8\" y1=\"10\" x2=\"{width}\" y2=\"10\" stroke=\"#ccc\" stroke-dasharray=\"4\"/>\
         <text x=\"{}\" y=\"8\" font-size=\"10\" text-anchor=\"end\">{}</text>",
        width - 5.0,
        words.f("report-per-day-max", &[("max", Arg::Number(max as i64))])
    );
    for (i, (day, counts)) in days.iter().enumerate() {
        let x = 10.0 + i as f64 * bar;
        let mut y = height;
        for (lang, n) in counts {
            let h = *n as f64 / max as f64 * (height - 10.0);
            y -= h;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{}\"><title>{} {}: {n}</title></rect>",
                bar * 0.8,
                colour(lang),
                escape(day),
                escape(lang)
            );
        }
        if days.len() <= 16 || i % (days.len() / 8).max(1) == 0 {
            let _ = write!(
                svg,
                "<text x=\"{x:.1}\" y=\"{}\" font-size=\"10\">{}</text>",
                height + 15.0,
                escape(&day[5..])
            );
        }
    }
    svg.push_str("</svg><p class=\"legend\">");
    for lang in &langs {
        let _ = write!(
            svg,
            "<span><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"{}\"/></svg>{}</span>",
            colour(lang),
            escape(lang)
        );
    }
    svg.push_str("</p>");
    svg
}

/// One bar split into answered and unanswered queries.
fn share_chart(stats: &Stats, words: &Words<'_>) -> String {
    let share = percent(stats.zero_results, stats.queries);
    let zero_width = 7.0 * share;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"40\" role=\"img\" aria-label=\"{}\">\
         <rect x=\"10\" y=\"5\" width=\"700\" height=\"24\" fill=\"#3a9d5d\"/>\
         <rect x=\"10\" y=\"5\" width=\"{zero_width:.1}\" height=\"24\" fill=\"#c23b3b\"/>\
         <text x=\"15\" y=\"22\" font-size=\"13\" fill=\"#fff\">{}</text></svg>",
        words.t("report-share"),
        words.f("report-share-label", &[("share", Arg::Text(format!("{share:.1}")))])
    )
}

/// Horizontal bars of the most frequent unanswered queries.
fn gaps_chart(stats: &Stats, words: &Words<'_>) -> String {
    if stats.gaps.is_empty() {
        return format!("<p>{}</p>", words.t("report-no-gaps"));
    }
    let max = stats.gaps.iter().map(|g| g.count).max().unwrap_or(1).max(1);
    let rows = stats.gaps.len().min(15);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"{}\" role=\"img\" aria-label=\"{}\">",
        rows * 22 + 10,
        words.t("report-gaps")
    );
    for (i, gap) in stats.gaps.iter().take(rows).enumerate() {
        let y = 5 + i * 22;
        let w = gap.count as f64 / max as f64 * 240.0;
        let label: String = gap.query.chars().take(40).collect();
        let _ = write!(
            svg,
            "<text x=\"10\" y=\"{}\" font-size=\"12\">{}</text><rect x=\"300\" y=\"{y}\" width=\"{w:.1}\" height=\"16\" fill=\"#c23b3b\"/>\
             <text x=\"{:.1}\" y=\"{}\" font-size=\"12\">{} ({})</text>",
            y + 13,
            escape(&label),
            305.0 + w,
            y + 13,
            gap.count,
            escape(&gap.langs.join(" "))
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Day → language → count.
fn per_day(stats: &Stats) -> BTreeMap<String, BTreeMap<String, u64>> {
    let mut days: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for d in &stats.per_day {
        *days
            .entry(d.day.clone())
            .or_default()
            .entry(d.lang.clone())
            .or_default() += d.count;
    }
    days
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
