//! `lotse serve`: the Telegram bot.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::{KnowledgeArgs, StoreArgs, UsageError};
use crate::assistant::Assistant;
use crate::bot::{self, Admin, RateLimits, Receive, Settings, Token};
use crate::config::Config;
use crate::store::{Inbox, InboxKey};

/// Run the Telegram bot: long polling by default, or a webhook. The token
/// comes from `TELOXIDE_TOKEN` or the configuration's `token_file`.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The configuration file (see examples/lotse.toml)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The Bot API base url [default: `TELOXIDE_API_URL`, else Telegram's]
    #[arg(long, value_name = "URL")]
    api_url: Option<String>,
    /// Receive updates through a webhook at this public https url
    #[arg(long, value_name = "URL", requires = "listen")]
    webhook_url: Option<String>,
    /// The local address the webhook listens on, e.g. 127.0.0.1:8443
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// A file holding the webhook's secret token [env: LOTSE_WEBHOOK_SECRET]
    #[arg(long, value_name = "FILE")]
    secret_token_file: Option<PathBuf>,
    /// Also serve the web page (`lotse web`) on this local address
    #[arg(long, value_name = "ADDR")]
    web_listen: Option<SocketAddr>,
    #[command(flatten)]
    web_limits: super::web::LimitArgs,
    #[command(flatten)]
    knowledge: KnowledgeArgs,
    #[command(flatten)]
    store: StoreArgs,
}

pub(super) fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load_or_default(args.config.as_deref())?;
    let settings = settings(&args, &config)?;
    let knowledge = KnowledgeArgs {
        knowledge: args.knowledge.knowledge.clone().or(config.knowledge.clone()),
        index_dir: args.knowledge.index_dir.clone().or(config.index_dir.clone()),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    // The inbox's database first: one that Lotse cannot use is one line.
    let (store, memory, pseudonyms, retention_days) = args.store.open_for_serving(&config, &runtime)?;
    let library = super::open_library(&knowledge)?;
    let inbox = Inbox::new(&store, &InboxKey(pseudonyms.derive_key("inbox")));
    let admins = config.admins.iter().map(|&id| bot::user_key(&pseudonyms, id)).collect();
    let mut assistant = Assistant::new(Arc::new(library), memory.clone())
        .with_journal(memory.clone(), retention_days)
        .with_admins(admins)
        .with_knowledge_folder(knowledge.dir(), knowledge.location());
    if settings.staff_chat.is_some() {
        let mut handover = config.handover.handover().map_err(UsageError)?;
        // The web door beside the bot opens cases in the same staff chat.
        handover.web = args.web_listen.is_some();
        // The key that seals a case's way to its user, outside the database.
        memory.set_case_key(pseudonyms.derive_key("cases"));
        assistant = assistant.with_handover(handover);
    }
    let assistant = Arc::new(assistant);
    let admin = Admin {
        ids: config.admins.clone(),
        knowledge: knowledge.dir(),
        location: knowledge.location(),
    };
    let served = runtime.block_on(async {
        // The web door beside the bot: its port is taken before the bot
        // starts, and it stops with the bot.
        let web = match args.web_listen {
            Some(addr) => {
                let staff = bot::web_desk(&settings, assistant.clone());
                let door = super::web::web(
                    &args.web_limits,
                    assistant.clone(),
                    pseudonyms.clone(),
                    store.clone(),
                    &knowledge,
                    staff,
                );
                let listener = super::web::bind(addr).await?;
                Some(tokio::spawn(crate::web::serve(listener, door, crate::signal::stop())))
            }
            None => None,
        };
        let served = bot::serve(settings, assistant, pseudonyms, admin, inbox).await;
        if let Some(web) = web {
            web.abort();
        }
        store.close().await;
        served
    });
    // Answers cut off at the deadline stay in the inbox; do not wait for them.
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    // The answers are out; now the log's last writes.
    memory.close();
    served?;
    Ok(ExitCode::SUCCESS)
}

/// Checks token, api url and webhook before anything is built.
fn settings(args: &Args, config: &Config) -> Result<Settings, UsageError> {
    let raw = match std::env::var("TELOXIDE_TOKEN") {
        Ok(token) if !token.trim().is_empty() => token,
        _ => match &config.token_file {
            Some(path) => std::fs::read_to_string(path)
                .map_err(|e| UsageError(format!("cannot read the token file {}: {e}", path.display())))?,
            None => {
                return Err(UsageError(
                    "no bot token: set TELOXIDE_TOKEN, or token_file in the configuration".to_string(),
                ));
            }
        },
    };
    let token = Token::parse(&raw).map_err(|e| UsageError(e.to_string()))?;

    let api_url = args
        .api_url
        .clone()
        .or_else(|| std::env::var("TELOXIDE_API_URL").ok().filter(|u| !u.is_empty()))
        .or(config.api_url.clone())
        .map(|u| parse_url(&u, "Bot API url"))
        .transpose()?;

    let webhook = match (&args.webhook_url, &config.webhook) {
        (Some(url), _) => Some((url.clone(), args.listen, args.secret_token_file.clone())),
        (None, Some(w)) => Some((
            w.url.clone(),
            args.listen.or(Some(w.listen)),
            args.secret_token_file.clone().or(w.secret_token_file.clone()),
        )),
        (None, None) => None,
    };
    let receive = match webhook {
        None => Receive::Polling,
        Some((url, listen, secret_file)) => {
            let listen = listen.ok_or_else(|| UsageError("a webhook needs --listen ADDR".to_string()))?;
            let secret = match (secret_file, std::env::var("LOTSE_WEBHOOK_SECRET")) {
                (_, Ok(secret)) if !secret.is_empty() => Some(secret),
                (Some(path), _) => Some(
                    std::fs::read_to_string(&path)
                        .map_err(|e| UsageError(format!("cannot read the secret token file {}: {e}", path.display())))?
                        .trim()
                        .to_string(),
                ),
                _ => None,
            };
            if let Some(secret) = &secret {
                let valid = (1..=256).contains(&secret.len())
                    && secret
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
                if !valid {
                    return Err(UsageError(
                        "malformed webhook secret token: use 1 to 256 of A-Z, a-z, 0-9, `_` and `-`".to_string(),
                    ));
                }
            }
            Receive::Webhook {
                url: parse_url(&url, "webhook url")?,
                listen,
                secret_token: secret,
            }
        }
    };
    let bot = &config.bot;
    Ok(Settings {
        token,
        api_url,
        receive,
        limits: RateLimits {
            user_burst: bot.user_burst,
            user_per_minute: bot.user_per_minute,
            group_burst: bot.group_burst,
            group_per_minute: bot.group_per_minute,
        },
        chat_queue: bot.chat_queue,
        stop_deadline: std::time::Duration::from_secs(bot.stop_deadline_secs),
        staff_chat: staff_chat(config)?,
    })
}

/// The staff chat of the handover: `LOTSE_STAFF_CHAT`, else the
/// configuration's `staff_chat`.
fn staff_chat(config: &Config) -> Result<Option<i64>, UsageError> {
    match std::env::var("LOTSE_STAFF_CHAT") {
        Ok(id) if !id.trim().is_empty() => id.trim().parse().map(Some).map_err(|_| {
            UsageError(format!(
                "malformed LOTSE_STAFF_CHAT `{id}`: give the staff supergroup's chat id, such as -1001234567890"
            ))
        }),
        _ => Ok(config.staff_chat),
    }
}

fn parse_url(url: &str, what: &str) -> Result<url::Url, UsageError> {
    url::Url::parse(url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .ok_or_else(|| UsageError(format!("malformed {what} `{url}`; write it in full, as https://…")))
}
