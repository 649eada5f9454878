//! `src/bot/`: Lotse on Telegram.
//!
//! The only module that knows teloxide. It turns updates into the core's
//! [`Request`]s and renders its [`Reply`]s back: HTML messages split at
//! 4,096 characters, inline keyboards, edits in place for paging and
//! language switches, native contact cards, inline query results. Every
//! callback query is answered, so the client's spinner stops. Requests go
//! through teloxide's `Throttle` (which honours `retry_after`), and network
//! errors and 5xx answers are retried with backoff. SIGTERM and Ctrl-C stop
//! it gracefully: in-flight answers finish.

mod render;
pub mod webhook;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::{Dispatcher, UpdateFilterExt, UpdateHandler};
use teloxide::error_handlers::ErrorHandler;
use teloxide::payloads::{
    AnswerInlineQuerySetters, EditMessageTextSetters, SendContactSetters, SendMessageSetters, SetMyCommandsSetters,
};
use teloxide::prelude::{Bot, Requester, RequesterExt};
use teloxide::requests::Request as _;
use teloxide::types::{
    BotCommand, CallbackQuery, ChatId, InlineQuery, InlineQueryResult, InlineQueryResultArticle, InputMessageContent,
    InputMessageContentText, Me, MessageId, ParseMode, Update,
};
use teloxide::update_listeners::{Polling, webhooks};
use teloxide::{ApiError, RequestError, dptree};

pub use render::{MAX_TEXT_UNITS, Rendered, escape, render};

use crate::assistant::{Assistant, Channel, Input, Message, Reply, Request, UserKey};
use crate::i18n::{Arg, Catalog};
use crate::lang::Lang;
use crate::privacy::Pseudonyms;
use crate::reload;

/// The bot as the handlers use it: rate-limited.
type TgBot = Throttle<Bot>;
type HandlerResult = Result<(), RequestError>;

/// Attempts of one request against network errors and 5xx answers.
const ATTEMPTS: u32 = 5;
/// The first pause between attempts; it doubles each time.
const FIRST_BACKOFF: Duration = Duration::from_millis(200);

/// How to reach Telegram and how to receive updates.
#[derive(Clone)]
pub struct Settings {
    /// The bot token; never printed.
    pub token: Token,
    /// The Bot API base url, where not Telegram's own.
    pub api_url: Option<url::Url>,
    pub receive: Receive,
}

/// How updates arrive.
#[derive(Debug, Clone)]
pub enum Receive {
    /// Long polling `getUpdates`.
    Polling,
    /// Telegram posts updates to `url`; Lotse listens on `listen`.
    Webhook {
        url: url::Url,
        listen: SocketAddr,
        secret_token: Option<String>,
    },
}

/// A bot token: checked for form, and hidden from `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

/// The error of a token that cannot be one.
#[derive(Debug, thiserror::Error)]
#[error(
    "malformed bot token: expected digits, a colon and at least 20 letters, digits, `_` or `-`, as @BotFather gives it"
)]
pub struct MalformedToken;

impl Token {
    pub fn parse(token: &str) -> Result<Token, MalformedToken> {
        let token = token.trim();
        let (id, secret) = token.split_once(':').ok_or(MalformedToken)?;
        let id_ok = !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit());
        let secret_ok = secret.len() >= 20
            && secret
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if id_ok && secret_ok {
            Ok(Token(token.to_string()))
        } else {
            Err(MalformedToken)
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token([redacted])")
    }
}

/// What admins may do, and what the bot needs for it.
#[derive(Debug, Clone)]
pub struct Admin {
    /// Telegram user ids allowed /stats and /reload.
    pub ids: Vec<u64>,
    /// The database `/stats` reads.
    pub database: std::path::PathBuf,
    /// The knowledge folder `/reload` and the watcher load.
    pub knowledge: std::path::PathBuf,
    pub location: crate::index::Location,
}

/// What the handlers share besides the assistant.
struct Context {
    pseudonyms: Pseudonyms,
    admin: Admin,
}

/// Days `/stats` looks back.
const STATS_DAYS: u32 = 7;

/// Runs the bot until SIGTERM or Ctrl-C; returns when in-flight answers
/// have finished. The knowledge folder is watched and reloaded on change.
pub async fn serve(
    settings: Settings,
    assistant: Arc<Assistant>,
    pseudonyms: Pseudonyms,
    admin: Admin,
) -> anyhow::Result<()> {
    crate::logging::add_secret(settings.token.expose());
    let mut bot = Bot::new(settings.token.expose());
    if let Some(url) = &settings.api_url {
        bot = bot.set_api_url(url.clone());
    }
    let bot = bot.throttle(limits());

    let me = retrying(|| bot.get_me().send()).await?;
    log::info!("serving as @{}", me.username());
    set_commands(&bot, assistant.catalog()).await;

    watch_knowledge(&bot, &assistant, &admin);
    let context = Arc::new(Context { pseudonyms, admin });
    let mut dispatcher = Dispatcher::builder(bot.clone(), schema())
        .dependencies(dptree::deps![assistant, context])
        .error_handler(Arc::new(LogErrors))
        .enable_ctrlc_handler()
        .build();
    let token = dispatcher.shutdown_token();
    tokio::spawn(async move {
        if wait_for_sigterm().await {
            log::info!("SIGTERM, finishing the answers in flight");
            // The dispatcher may not be running yet; try until it is.
            loop {
                match token.shutdown() {
                    Ok(done) => return done.await,
                    Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
                }
            }
        }
    });

    match settings.receive {
        Receive::Polling => {
            let listener = Polling::builder(bot.clone())
                .timeout(Duration::from_secs(25))
                .delete_webhook()
                .await
                .build();
            dispatcher.dispatch_with_listener(listener, Arc::new(LogErrors)).await;
        }
        Receive::Webhook {
            url,
            listen,
            secret_token,
        } => {
            let mut options = webhooks::Options::new(listen, url);
            if let Some(secret) = secret_token {
                crate::logging::add_secret(&secret);
                options = options.secret_token(secret);
            }
            let listener = webhooks::axum(bot.clone(), options).await?;
            dispatcher.dispatch_with_listener(listener, Arc::new(LogErrors)).await;
        }
    }
    log::info!("stopped");
    Ok(())
}

/// Telegram's rate limits; `LOTSE_THROTTLE=off` lifts them, for throughput
/// measurements against a local Bot API only.
fn limits() -> Limits {
    if std::env::var("LOTSE_THROTTLE").is_ok_and(|v| v == "off") {
        log::warn!("rate limits are off (LOTSE_THROTTLE=off): only for measurements against a local Bot API");
        let many = 1_000_000;
        return Limits {
            messages_per_sec_chat: many,
            messages_per_min_chat: many,
            messages_per_min_channel_or_supergroup: many,
            messages_per_sec_overall: many,
        };
    }
    Limits::default()
}

/// Routes updates to the handlers.
fn schema() -> UpdateHandler<RequestError> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_callback_query().endpoint(on_callback))
        .branch(Update::filter_inline_query().endpoint(on_inline))
}

/// A message: in private chats every one; in groups only commands for
/// Lotse, messages that mention it and replies to it.
async fn on_message(
    bot: TgBot,
    me: Me,
    assistant: Arc<Assistant>,
    context: Arc<Context>,
    message: teloxide::types::Message,
) -> HandlerResult {
    let Some(from) = message.from.as_ref() else {
        return Ok(());
    };
    let private = message.chat.is_private();
    let replied_to_me = message
        .reply_to_message()
        .and_then(|m| m.from.as_ref())
        .is_some_and(|u| u.id == me.id);
    let Some(input) = input_of(&message, me.username(), private || replied_to_me) else {
        return Ok(());
    };
    let lang = from.language_code.as_deref().and_then(Lang::from_client_code);
    if let Input::Command { name, .. } = &input
        && context.admin.ids.contains(&from.id.0)
    {
        let ui = assistant.language_of(&Request {
            user: context.user_key(from.id.0),
            channel: Channel::Telegram,
            client_lang: lang,
            input: Input::NotText,
        });
        let ui = ui.unwrap_or(Lang::En);
        let text = match name.as_str() {
            "stats" => Some(admin_stats(&assistant, &context.admin, ui).await),
            "reload" => Some(admin_reload(&assistant, &context.admin, ui).await),
            _ => None,
        };
        if let Some(text) = text {
            retrying(|| {
                bot.send_message(message.chat.id, escape(&text))
                    .parse_mode(ParseMode::Html)
                    .send()
            })
            .await?;
            return Ok(());
        }
    }
    let request = Request {
        user: context.user_key(from.id.0),
        channel: Channel::Telegram,
        client_lang: lang,
        input,
    };
    let reply = assistant.handle(&request);
    deliver(&bot, message.chat.id, None, reply.messages()).await
}

/// The short summary of the last days for an admin.
async fn admin_stats(assistant: &Assistant, admin: &Admin, lang: Lang) -> String {
    let since = crate::store::now().saturating_sub(u64::from(STATS_DAYS) * 86_400);
    let stats = match crate::store::Store::open(&admin.database).await {
        Ok(store) => {
            let stats = store.stats(since).await;
            store.close().await;
            stats
        }
        Err(err) => Err(err),
    };
    let stats = match stats {
        Ok(stats) => stats,
        Err(err) => return crate::logging::redact(&err.to_string()),
    };
    let catalog = assistant.catalog();
    let number = |n: u64| Arg::Number(n as i64);
    let mut text = catalog.format(
        lang,
        "admin-stats",
        &[
            ("days", Arg::Number(i64::from(STATS_DAYS))),
            ("queries", number(stats.queries)),
            ("zero", number(stats.zero_results)),
            ("feedback", number(stats.feedback)),
        ],
    );
    if !stats.gaps.is_empty() {
        text.push_str("\n\n");
        text.push_str(&catalog.text(lang, "admin-top-gaps"));
        for gap in stats.gaps.iter().take(5) {
            text.push_str(&format!("\n• {} ({})", gap.query, gap.count));
        }
    }
    text
}

/// Reloads the knowledge for an admin and says how it went.
async fn admin_reload(assistant: &Arc<Assistant>, admin: &Admin, lang: Lang) -> String {
    let (assistant, dir, location) = (assistant.clone(), admin.knowledge.clone(), admin.location.clone());
    let outcome = tokio::task::spawn_blocking(move || reload::reload(&assistant, &dir, &location)).await;
    let catalog = Catalog::new();
    match outcome {
        Ok(outcome) => outcome_text(&catalog, lang, &outcome),
        Err(err) => err.to_string(),
    }
}

fn outcome_text(catalog: &Catalog, lang: Lang, outcome: &reload::Outcome) -> String {
    match outcome {
        reload::Outcome::Reloaded(n) => {
            catalog.format(lang, "admin-reload-done", &[("entries", Arg::Number(*n as i64))])
        }
        reload::Outcome::Rejected(errors) => {
            catalog.format(lang, "admin-reload-failed", &[("errors", Arg::Text(errors.join("\n")))])
        }
    }
}

/// Watches the knowledge folder and tells the admins when an edit is
/// rejected or taken.
fn watch_knowledge(bot: &TgBot, assistant: &Arc<Assistant>, admin: &Admin) {
    let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel::<reload::Outcome>();
    let watched = reload::watch(
        assistant.clone(),
        admin.knowledge.clone(),
        admin.location.clone(),
        move |outcome| {
            let _ = sender.send(outcome);
        },
    );
    if let Err(err) = watched {
        log::error!("cannot watch the knowledge folder: {err}");
        return;
    }
    let (bot, ids) = (bot.clone(), admin.ids.clone());
    tokio::spawn(async move {
        let catalog = Catalog::new();
        while let Some(outcome) = receiver.recv().await {
            for &id in &ids {
                let text = escape(&outcome_text(&catalog, Lang::De, &outcome));
                let sent = retrying(|| {
                    bot.send_message(ChatId(id as i64), text.clone())
                        .parse_mode(ParseMode::Html)
                        .send()
                })
                .await;
                if let Err(err) = sent {
                    log::warn!("telling admin about a reload: {err}");
                }
            }
        }
    });
}

/// What a message asks of Lotse, or `None` where it is not addressed to
/// it. `addressed` is true in private chats and for replies to Lotse.
fn input_of(message: &teloxide::types::Message, username: &str, addressed: bool) -> Option<Input> {
    let Some(text) = message.text() else {
        return addressed.then_some(Input::NotText);
    };
    let mention = format!("@{username}").to_lowercase();
    if let Some(command) = text.strip_prefix('/') {
        let (head, args) = command.split_once(char::is_whitespace).unwrap_or((command, ""));
        let (name, target) = head.split_once('@').unwrap_or((head, ""));
        // A command for another bot in the same group is not ours.
        if !target.is_empty() && !target.eq_ignore_ascii_case(username) {
            return None;
        }
        return Some(Input::Command {
            name: name.to_string(),
            args: args.trim().to_string(),
        });
    }
    let lower = text.to_lowercase();
    if addressed {
        return Some(Input::Text(text.to_string()));
    }
    lower.contains(&mention).then(|| {
        let without = strip_mention(text, &mention);
        Input::Text(without)
    })
}

/// The text without the bot's @-mention (any case).
fn strip_mention(text: &str, mention: &str) -> String {
    let lower = text.to_lowercase();
    match lower.find(mention) {
        // Lower-casing can change byte lengths; fall back to the text.
        Some(at) if lower.len() == text.len() => format!("{} {}", &text[..at], &text[at + mention.len()..])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        _ => text.to_string(),
    }
}

/// A button press: answered at once so the spinner stops, then handled.
async fn on_callback(
    bot: TgBot,
    assistant: Arc<Assistant>,
    context: Arc<Context>,
    query: CallbackQuery,
) -> HandlerResult {
    if let Err(err) = retrying(|| bot.answer_callback_query(query.id.clone()).send()).await {
        // A stale query id must not cost the user the answer itself.
        log::warn!("answering a callback query: {err}");
    }
    let request = Request {
        user: context.user_key(query.from.id.0),
        channel: Channel::Telegram,
        client_lang: query.from.language_code.as_deref().and_then(Lang::from_client_code),
        input: Input::Button(query.data.clone().unwrap_or_default()),
    };
    let reply = assistant.handle(&request);
    let Some(message) = query.regular_message() else {
        // A button on an inline message has no chat to answer in.
        return Ok(());
    };
    deliver(&bot, message.chat.id, Some(message.id), reply.messages()).await
}

/// An inline query: up to ten entries, each posting its details.
async fn on_inline(bot: TgBot, assistant: Arc<Assistant>, context: Arc<Context>, query: InlineQuery) -> HandlerResult {
    let request = Request {
        user: context.user_key(query.from.id.0),
        channel: Channel::Inline,
        client_lang: query.from.language_code.as_deref().and_then(Lang::from_client_code),
        input: Input::Inline(query.query.clone()),
    };
    let Reply::Inline(results) = assistant.handle(&request) else {
        return Ok(());
    };
    let articles: Vec<InlineQueryResult> = results
        .iter()
        .filter_map(|result| {
            let rendered = render(&inline_message(&result.message));
            let text = rendered.chunks.into_iter().next()?;
            let content = InputMessageContent::Text(InputMessageContentText::new(text).parse_mode(ParseMode::Html));
            let mut article = InlineQueryResultArticle::new(result.id.clone(), result.title.clone(), content)
                .description(result.description.clone());
            if let Some(keyboard) = rendered.keyboard {
                article = article.reply_markup(keyboard);
            }
            Some(InlineQueryResult::Article(article))
        })
        .collect();
    retrying(|| {
        bot.answer_inline_query(query.id.clone(), articles.clone())
            .cache_time(0)
            .is_personal(true)
            .send()
    })
    .await?;
    Ok(())
}

/// A message posted from an inline query goes to a chat Lotse may not be
/// in: only its links stay as buttons.
fn inline_message(message: &Message) -> Message {
    let mut message = message.clone();
    for row in &mut message.buttons {
        row.retain(|b| matches!(b.target, crate::assistant::Target::Url(_)));
    }
    message.buttons.retain(|row| !row.is_empty());
    message
}

/// Sends (or, for an edit, replaces) the reply's messages in a chat.
async fn deliver(bot: &TgBot, chat: ChatId, pressed: Option<MessageId>, messages: &[Message]) -> HandlerResult {
    for message in messages {
        let rendered = render(message);
        let single = rendered.chunks.len() == 1;
        let edit_target = pressed.filter(|_| message.edit && single);
        let last = rendered.chunks.len().saturating_sub(1);
        for (i, chunk) in rendered.chunks.iter().enumerate() {
            let keyboard = if i == last { rendered.keyboard.clone() } else { None };
            match edit_target {
                Some(id) => {
                    let result = retrying(|| {
                        let mut request = bot
                            .edit_message_text(chat, id, chunk.clone())
                            .parse_mode(ParseMode::Html);
                        if let Some(k) = &keyboard {
                            request = request.reply_markup(k.clone());
                        }
                        request.send()
                    })
                    .await;
                    match result {
                        Ok(_) => {}
                        // Pressing the same page twice changes nothing.
                        Err(RequestError::Api(ApiError::MessageNotModified)) => {}
                        Err(err) => return Err(err),
                    }
                }
                None => {
                    retrying(|| {
                        let mut request = bot.send_message(chat, chunk.clone()).parse_mode(ParseMode::Html);
                        if let Some(k) = &keyboard {
                            request = request.reply_markup(k.clone());
                        }
                        request.send()
                    })
                    .await?;
                }
            }
        }
        if let Some(card) = &message.contact {
            retrying(|| {
                let mut request = bot.send_contact(chat, card.phone.clone(), card.first_name.clone());
                if !card.last_name.is_empty() {
                    request = request.last_name(card.last_name.clone());
                }
                request.vcard(vcard(card)).send()
            })
            .await?;
        }
    }
    Ok(())
}

/// A vCard 3.0 of a contact, with what a phone book would want.
fn vcard(card: &crate::assistant::ContactCard) -> String {
    let mut lines = vec![
        "BEGIN:VCARD".to_string(),
        "VERSION:3.0".to_string(),
        format!("N:{};{};;;", card.last_name, card.first_name),
        format!("FN:{} {}", card.first_name, card.last_name)
            .trim_end()
            .to_string(),
        format!("TEL;TYPE=WORK,VOICE:{}", card.phone),
    ];
    lines.extend(card.organisation.iter().map(|o| format!("ORG:{o}")));
    lines.extend(card.email.iter().map(|e| format!("EMAIL;TYPE=WORK:{e}")));
    lines.extend(card.url.iter().map(|u| format!("URL:{u}")));
    lines.push("END:VCARD".to_string());
    lines.join("\r\n")
}

/// The command menu, in every language and a default (English).
async fn set_commands(bot: &TgBot, catalog: &Catalog) {
    let commands = |lang: Lang| -> Vec<BotCommand> {
        crate::assistant::COMMANDS
            .iter()
            .map(|(name, description)| BotCommand::new(*name, catalog.text(lang, description)))
            .collect()
    };
    let default = retrying(|| bot.set_my_commands(commands(Lang::En)).send()).await;
    if let Err(err) = default {
        log::warn!("setting the command menu: {err}");
    }
    for lang in Lang::ALL {
        // Telegram knows Kurdish as `ku`.
        let code = if lang == Lang::Kmr { "ku" } else { lang.code() };
        let result = retrying(|| bot.set_my_commands(commands(lang)).language_code(code).send()).await;
        if let Err(err) = result {
            log::warn!("setting the command menu in {lang}: {err}");
        }
    }
}

/// Sends a request, retrying network errors and server errors with
/// exponential backoff. Rate limits (`retry_after`) are the throttle's.
async fn retrying<T, F, Fut>(mut send: F) -> Result<T, RequestError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let mut backoff = FIRST_BACKOFF;
    let mut attempt = 1;
    loop {
        match send().await {
            Err(err) if attempt < ATTEMPTS && is_transient(&err) => {
                log::warn!("attempt {attempt} failed, retrying in {backoff:?}: {err}");
                tokio::time::sleep(backoff).await;
                backoff *= 2;
                attempt += 1;
            }
            Err(RequestError::RetryAfter(after)) if attempt < ATTEMPTS => {
                tokio::time::sleep(after.duration()).await;
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// Errors that a later attempt may not meet: the network, a malformed or
/// missing answer, a server error.
fn is_transient(err: &RequestError) -> bool {
    match err {
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => true,
        RequestError::Api(ApiError::Unknown(description)) => {
            let d = description.to_lowercase();
            d.contains("internal") || d.contains("bad gateway") || d.contains("unavailable") || d.contains("timeout")
        }
        _ => false,
    }
}

impl Context {
    /// The pseudonym of a Telegram user: the id itself is never kept.
    fn user_key(&self, id: u64) -> UserKey {
        self.pseudonyms.user("telegram", &id.to_string())
    }
}

/// Logs handler and listener errors, with secrets redacted by the logger.
struct LogErrors;

impl<E: std::fmt::Debug + Send + Sync + 'static> ErrorHandler<E> for LogErrors {
    fn handle_error(self: Arc<Self>, error: E) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        log::error!("{error:?}");
        Box::pin(async {})
    }
}

/// Resolves when SIGTERM arrives; `false` where it cannot be awaited.
async fn wait_for_sigterm() -> bool {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => term.recv().await.is_some(),
            Err(_) => false,
        }
    }
    #[cfg(not(unix))]
    {
        std::future::pending::<bool>().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_checked_and_never_shown() {
        let token = Token::parse("123456:ABCdefGHIjklMNOpqrSTUvwx_-yz").unwrap();
        assert_eq!(format!("{token:?}"), "Token([redacted])");
        for bad in [
            "",
            "abc",
            "123456",
            ":abcdefghijklmnopqrstuvwxyz",
            "12a:abcdefghijklmnopqrstuvwxyz",
            "1:short",
        ] {
            assert!(Token::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn mentions_are_taken_out() {
        assert_eq!(strip_mention("@lotsebot Heft 48", "@lotsebot"), "Heft 48");
        assert_eq!(strip_mention("Kontakt @LotseBot bitte", "@lotsebot"), "Kontakt bitte");
    }
}
