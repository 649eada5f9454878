//! `lotse link`: a deep link into Lotse, and its QR code, for paper and web.

use std::path::PathBuf;
use std::process::ExitCode;

use qrcode::QrCode;
use qrcode::render::svg;

use super::{KnowledgeArgs, UsageError};
use crate::assistant::{Action, Category};
use crate::config::Config;

/// The deep link's payload that opens the handover (`start=counsellor`).
const COUNSELLOR: &str = "counsellor";

/// Print a t.me link that opens an entry (or a category: offers,
/// publications, contacts, about; or `counsellor`, the handover to a
/// counsellor) in Lotse, or with --web the entry's web page; with --qr,
/// write its QR code.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The entry id (e.g. maria-kotsina) or category
    #[arg(value_name = "ENTRY_ID")]
    target: String,
    /// Write a QR code of the link to this SVG file
    #[arg(long, value_name = "FILE.svg")]
    qr: Option<PathBuf>,
    /// The bot's username [default: the configuration's bot_username]
    #[arg(long, value_name = "NAME")]
    bot_username: Option<String>,
    /// Link to the web page served at this address (`lotse web`) instead of
    /// Telegram, e.g. https://lotse.example.org
    #[arg(long, value_name = "URL", conflicts_with = "bot_username")]
    web: Option<String>,
    /// The configuration file (see examples/lotse.toml)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    knowledge: KnowledgeArgs,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load_or_default(args.config.as_deref())?;
    let counsellor = args.target == COUNSELLOR;
    if counsellor && args.web.is_some() {
        return Err(UsageError("the handover to a counsellor is on Telegram only; leave out --web".into()).into());
    }
    if Category::from_name(&args.target).is_none() && !counsellor {
        let dir = args.knowledge.knowledge.clone().or(config.knowledge.clone());
        let knowledge = crate::knowledge::load(&dir.unwrap_or_else(crate::knowledge::default_dir)).knowledge;
        if knowledge.get(&args.target).is_none() {
            return Err(UsageError(format!(
                "no entry `{}`; give an entry id (see `lotse ask --json`), offers, publications, contacts, about or counsellor",
                args.target
            ))
            .into());
        }
    }
    let link = match &args.web {
        Some(base) => web_link(base, &args.target)?,
        None => telegram_link(&args, &config)?,
    };
    println!("{link}");
    if let Some(path) = &args.qr {
        let code = QrCode::new(link.as_bytes())?;
        let image = code
            .render::<svg::Color<'_>>()
            .min_dimensions(256, 256)
            .quiet_zone(true)
            .build();
        std::fs::write(path, image)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The entry's page (or the category's list) of the web door at `base`.
fn web_link(base: &str, target: &str) -> Result<String, UsageError> {
    let parsed = url::Url::parse(base.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.query().is_none())
        .ok_or_else(|| {
            UsageError(format!(
                "malformed web address `{base}`; write it in full, as https://…"
            ))
        })?;
    let base = parsed.as_str().trim_end_matches('/');
    Ok(match Category::from_name(target) {
        Some(category) => format!(
            "{base}/?a={}",
            Action::Browse { category, page: 0 }.encode().replace(':', "%3A")
        ),
        None => format!("{base}/e/{target}"),
    })
}

/// The t.me deep link of the bot named by the flag or the configuration.
fn telegram_link(args: &Args, config: &Config) -> Result<String, UsageError> {
    let username = args
        .bot_username
        .clone()
        .or(config.bot_username.clone())
        .ok_or_else(|| {
            UsageError("no bot username: give --bot-username or bot_username in the configuration".into())
        })?;
    let username = username.trim_start_matches('@');
    let valid_name =
        (5..=32).contains(&username.len()) && username.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !valid_name {
        return Err(UsageError(format!("malformed bot username `{username}`")));
    }
    Ok(format!("https://t.me/{username}?start={}", args.target))
}
