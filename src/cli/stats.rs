//! `lotse stats`: what people ask and do not find, for the maintainers.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{StoreArgs, UsageError};
use crate::report;
use crate::store::{Database, Store, now};

/// Report on the query log: queries per day and language, top queries, the
/// queries without results (what the knowledge lacks), feedback per entry
/// and latency.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The period, as days (30d), weeks (4w) or hours (12h)
    #[arg(long, default_value = "30d", value_name = "PERIOD")]
    since: String,
    /// Print JSON for tools instead of text
    #[arg(long)]
    json: bool,
    /// Also write a self-contained HTML page with charts to FILE
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let seconds = parse_period(&args.since)
        .ok_or_else(|| UsageError(format!("malformed period `{}`; write it as 30d, 4w or 12h", args.since)))?;
    let database = args.store.database(None)?;
    if let Database::Sqlite(path) = &database
        && !path.exists()
    {
        return Err(UsageError(format!("no database at {}; give --database FILE", path.display())).into());
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let stats = runtime.block_on(async {
        let store = Store::open_database(&database).await?;
        let stats = store.stats(now().saturating_sub(seconds)).await;
        store.close().await;
        stats
    })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        print!("{}", report::text(&stats, &args.since));
    }
    if let Some(file) = &args.html {
        std::fs::write(file, report::html(&stats, &args.since))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Seconds in a period such as `30d`, `4w` or `12h`.
fn parse_period(period: &str) -> Option<u64> {
    let period = period.trim();
    let unit = period.chars().last()?;
    let (number, unit) = (
        &period[..period.len() - unit.len_utf8()],
        &period[period.len() - unit.len_utf8()..],
    );
    let n: u64 = number.parse().ok().filter(|&n| n > 0 && n <= 100_000)?;
    let unit = match unit {
        "h" => 3_600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return None,
    };
    Some(n * unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(parse_period("30d"), Some(30 * 86_400));
        assert_eq!(parse_period("2w"), Some(14 * 86_400));
        assert_eq!(parse_period("12h"), Some(12 * 3_600));
        for bad in ["", "d", "30", "-1d", "0d", "1y", "ääd", "3ä"] {
            assert_eq!(parse_period(bad), None, "{bad}");
        }
    }
}
