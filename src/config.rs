//! The configuration file of `lotse serve` and `lotse link`, checked before
//! anything is built from it.
//!
//! A TOML file (see `examples/lotse.toml`); every field is optional. The
//! environment overrides it where noted, and command-line flags override
//! both. Unknown fields are errors with their line, so a typo does not pass
//! silently. Secrets are never in this file itself, only paths to files
//! holding them.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The whole configuration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The bot's username without `@`, for deep links (`lotse link`).
    /// `lotse serve` asks Telegram for it and does not need it.
    pub bot_username: Option<String>,
    /// A file holding the bot token. The environment variable
    /// `TELOXIDE_TOKEN` takes precedence.
    pub token_file: Option<PathBuf>,
    /// The Bot API base url [default: `TELOXIDE_API_URL`, else Telegram's].
    pub api_url: Option<String>,
    /// The knowledge folder [default: the shipped `knowledge/`].
    pub knowledge: Option<PathBuf>,
    /// Keep the search index in this folder instead of memory.
    pub index_dir: Option<PathBuf>,
    /// Receive updates through a webhook instead of long polling.
    pub webhook: Option<WebhookConfig>,
    /// The SQLite file of preferences, query log and feedback
    /// [default: `LOTSE_DATABASE_URL`, else `database_url`, else
    /// `data/lotse.db`].
    pub database: Option<PathBuf>,
    /// The database as a url: `sqlite://FILE` or `postgres://…` (several
    /// replicas share one PostgreSQL database). `LOTSE_DATABASE_URL`
    /// takes precedence; an unknown scheme is refused.
    pub database_url: Option<String>,
    /// The secret that turns user ids into pseudonyms; made on first start
    /// when missing. `LOTSE_SECRET_FILE` takes precedence. Required on
    /// PostgreSQL, where every replica must read the same one
    /// [default on SQLite: `secret` beside the database].
    pub secret_file: Option<PathBuf>,
    /// Days the query log keeps its rows [default: 90].
    pub retention_days: Option<u32>,
    /// Telegram user ids allowed to use /stats and /reload.
    #[serde(default)]
    pub admins: Vec<u64>,
    /// How `lotse serve` shares itself out and stops.
    #[serde(default)]
    pub bot: BotConfig,
    /// The staff chat of the handover to counsellors (`/counsellor`): the
    /// id of a Telegram supergroup with topics enabled, where Lotse is an
    /// admin that may manage topics (e.g. -1001234567890).
    /// `LOTSE_STAFF_CHAT` takes precedence. Without it, there is no
    /// handover and nothing mentions one.
    pub staff_chat: Option<i64>,
    /// Office hours and the follow-up of cases.
    #[serde(default)]
    pub handover: HandoverConfig,
}

/// When counsellors answer, and when a case counts as waiting too long.
/// Hours are German time (CET, CEST in summer).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HandoverConfig {
    /// Working days, 1 (Monday) to 7 (Sunday) [default: 1 to 5].
    pub office_days: Vec<u8>,
    /// The hour the office opens, 0 to 23 [default: 9].
    pub office_opens: u8,
    /// The hour the office closes, after it opens, up to 24 [default: 16].
    pub office_closes: u8,
    /// Hours after which `/cases` flags a user still waiting for an
    /// answer; also what users are told to expect while the office is
    /// open [default: 4].
    pub unanswered_hours: u64,
}

impl Default for HandoverConfig {
    fn default() -> Self {
        let defaults = crate::assistant::Handover::default();
        HandoverConfig {
            office_days: defaults.office.days,
            office_opens: defaults.office.opens,
            office_closes: defaults.office.closes,
            unanswered_hours: defaults.unanswered_after_secs / 3600,
        }
    }
}

impl HandoverConfig {
    /// The core's settings, or what is wrong with these.
    pub fn handover(&self) -> Result<crate::assistant::Handover, String> {
        if self.office_days.iter().any(|d| !(1..=7).contains(d)) {
            return Err("handover.office_days: give days as 1 (Monday) to 7 (Sunday)".into());
        }
        if self.office_opens >= self.office_closes || self.office_closes > 24 {
            return Err("handover: office_opens must be before office_closes, both hours from 0 to 24".into());
        }
        Ok(crate::assistant::Handover {
            office: crate::assistant::OfficeHours {
                days: self.office_days.clone(),
                opens: self.office_opens,
                closes: self.office_closes,
            },
            unanswered_after_secs: self.unanswered_hours.max(1) * 3600,
            // The door that runs beside the bot says so.
            web: false,
        })
    }
}

/// Limits and stopping of `lotse serve`. The defaults are far above what a
/// person does: a burst of forwarded messages is answered in full.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BotConfig {
    /// Messages a user may send at once [default: 15].
    pub user_burst: u32,
    /// Messages per minute a user may keep sending after a burst
    /// [default: 20]. Over the limit, the user is told once; further
    /// messages are dropped and counted (`lotse stats`).
    pub user_per_minute: u32,
    /// Messages all members of a group may send at once [default: 30].
    pub group_burst: u32,
    /// Messages per minute a group may keep sending [default: 40].
    pub group_per_minute: u32,
    /// Updates one chat may have waiting for its answers [default: 64].
    pub chat_queue: usize,
    /// Seconds a stop (SIGTERM) waits for the answers in flight; the rest
    /// stays in the inbox for the next start [default: 10].
    pub stop_deadline_secs: u64,
}

impl Default for BotConfig {
    fn default() -> Self {
        let limits = crate::bot::RateLimits::default();
        BotConfig {
            user_burst: limits.user_burst,
            user_per_minute: limits.user_per_minute,
            group_burst: limits.group_burst,
            group_per_minute: limits.group_per_minute,
            chat_queue: 64,
            stop_deadline_secs: 10,
        }
    }
}

/// Webhook mode: Telegram posts updates to `url`, which a reverse proxy
/// forwards to `listen`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    /// The public https url Telegram posts to.
    pub url: String,
    /// The local address to listen on, e.g. `127.0.0.1:8443`.
    pub listen: SocketAddr,
    /// A file holding the secret token Telegram sends with every update
    /// (1 to 256 characters of A-Z, a-z, 0-9, `_` and `-`).
    pub secret_token_file: Option<PathBuf>,
}

/// The error of reading the configuration file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl Config {
    /// The configuration at `path`, or the defaults where none is given.
    pub fn load_or_default(path: Option<&Path>) -> Result<Config, ConfigError> {
        path.map_or_else(|| Ok(Config::default()), Config::load)
    }

    /// Reads and checks a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        toml::from_str(&text).map_err(|err| {
            let line = err
                .span()
                .map_or(1, |span| text[..span.start].matches('\n').count() + 1);
            ConfigError::Parse {
                path: path.to_path_buf(),
                line,
                message: err.message().trim().to_string(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_name_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lotse.toml");
        std::fs::write(
            &path,
            "bot_username = \"LotseBot\"\n\n[webhook]\nurl = \"https://x\"\nlisten = \"127.0.0.1:1\"\nport = 1\n",
        )
        .unwrap();
        let err = Config::load(&path).unwrap_err().to_string();
        assert!(err.contains("lotse.toml:6: unknown field `port`"), "{err}");
    }

    #[test]
    fn the_example_is_valid() {
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lotse.toml");
        let config = Config::load(&example).unwrap();
        assert!(config.bot_username.is_some());
    }
}
