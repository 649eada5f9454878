//! Log lines on stderr that never show a secret.
//!
//! A bot token is part of every Bot API url, and errors of the HTTP client
//! quote the url. So secrets are registered here once they are known, and
//! every log line (ours and teloxide's) and every error `main` prints goes
//! through [`redact`] first.

use std::io::Write;
use std::sync::{OnceLock, RwLock};

use log::{Level, LevelFilter, Log, Metadata, Record};

/// What replaces a secret in output.
pub const REDACTED: &str = "[redacted]";

fn secrets() -> &'static RwLock<Vec<String>> {
    static SECRETS: OnceLock<RwLock<Vec<String>>> = OnceLock::new();
    SECRETS.get_or_init(|| RwLock::new(Vec::new()))
}

/// Registers a secret that must never be printed.
pub fn add_secret(secret: &str) {
    if secret.len() >= 4 {
        secrets()
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .push(secret.to_string());
    }
}

/// `text` with every registered secret replaced by [`REDACTED`].
pub fn redact(text: &str) -> String {
    let secrets = secrets().read().unwrap_or_else(|e| e.into_inner());
    let mut out = text.to_string();
    for secret in secrets.iter() {
        if out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), REDACTED);
        }
    }
    out
}

/// Installs the logger. The level comes from `LOTSE_LOG` (error, warn,
/// info, debug, trace; default info); other crates log warnings and worse
/// unless the level is debug or trace.
pub fn init() {
    let level = std::env::var("LOTSE_LOG")
        .ok()
        .and_then(|l| l.parse::<LevelFilter>().ok())
        .unwrap_or(LevelFilter::Info);
    static LOGGER: StderrLogger = StderrLogger;
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(level);
    }
}

struct StderrLogger;

impl Log for StderrLogger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.target().starts_with("lotse") || metadata.level() <= Level::Warn || log::max_level() >= Level::Debug
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = redact(&format!("{} {}: {}", record.level(), record.target(), record.args()));
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }

    fn flush(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted() {
        add_secret("123456:SECRET-token");
        assert_eq!(
            redact("error sending request for url (http://127.0.0.1/bot123456:SECRET-token/GetMe)"),
            format!("error sending request for url (http://127.0.0.1/bot{REDACTED}/GetMe)")
        );
    }
}
