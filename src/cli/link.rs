//! `lotse link`: a deep link into Lotse, and its QR code, for paper and web.

use std::path::PathBuf;
use std::process::ExitCode;

use qrcode::QrCode;
use qrcode::render::svg;

use super::{KnowledgeArgs, UsageError};
use crate::assistant::Category;
use crate::config::Config;

/// Print a t.me link that opens an entry (or a category: offers,
/// publications, contacts, about) in Lotse; with --qr, write its QR code.
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
    /// The configuration file (see examples/lotse.toml)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    knowledge: KnowledgeArgs,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load_or_default(args.config.as_deref())?;
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
        return Err(UsageError(format!("malformed bot username `{username}`")).into());
    }
    if Category::from_name(&args.target).is_none() {
        let dir = args.knowledge.knowledge.clone().or(config.knowledge.clone());
        let knowledge = crate::knowledge::load(&dir.unwrap_or_else(crate::knowledge::default_dir)).knowledge;
        if knowledge.get(&args.target).is_none() {
            return Err(UsageError(format!(
                "no entry `{}`; give an entry id (see `lotse ask --json`) or offers, publications, contacts, about",
                args.target
            ))
            .into());
        }
    }
    let link = format!("https://t.me/{username}?start={}", args.target);
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
