//! `src/bot/`: Lotse on Telegram.
//!
//! The only module that knows teloxide. It receives updates (long polling
//! or a webhook), keeps each in the durable inbox before confirming it,
//! and answers every chat in order through a worker of its own
//! (`pipeline.rs`), under per-user and per-group limits (`limits.rs`). It
//! turns updates into the core's [`Event`]s (`translate.rs`: commands
//! and mentions from Telegram's entities; the actor is the pseudonym of the
//! Telegram id, with the role the core gives it) and carries out the
//! [`Effect`]s it returns: HTML messages split at 4,096 characters, inline
//! keyboards, edits in place for paging and language switches, native
//! contact cards with the core's vCard, inline query results, and notices
//! to admins in their private chats. Roles and admin commands are the
//! core's. Every callback query is answered, so the client's spinner
//! stops. Requests go through teloxide's `Throttle` (which honours
//! `retry_after`), and network errors and 5xx answers are retried with
//! backoff. SIGTERM and Ctrl-C stop it: in-flight answers finish within a
//! deadline, the rest waits in the inbox.

mod pipeline;
mod render;
mod staff;
mod translate;
pub mod webhook;

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::payloads::{
    AnswerInlineQuerySetters, EditMessageTextSetters, GetUpdatesSetters, SendContactSetters, SendMessageSetters,
    SetMyCommandsSetters, SetWebhookSetters,
};
use teloxide::prelude::{Bot, Requester, RequesterExt};
use teloxide::requests::Request as _;
use teloxide::types::{
    BotCommand, CallbackQuery, ChatId, InlineQuery, InlineQueryResult, InlineQueryResultArticle, InputMessageContent,
    InputMessageContentText, Me, MessageId, ParseMode, ThreadId, Update, UpdateKind,
};
use teloxide::{ApiError, RequestError};

pub use crate::limits::Limits as RateLimits;
pub use render::{MAX_TEXT_UNITS, Rendered, escape, render};
pub use translate::{Identity, input_of_json};

use crate::assistant::{Assistant, Block, Channel, Effect, Event, Input, Message, UserKey};
use crate::lang::Lang;
use crate::privacy::Pseudonyms;
use crate::reload;
use crate::store::Inbox;
use pipeline::Pipeline;
use staff::{Origin, check_staff_chat, reach_of};

/// The bot as the handlers use it: rate-limited.
type TgBot = Throttle<Bot>;
type HandlerResult = Result<(), RequestError>;

/// Attempts of one request against network errors and 5xx answers.
const ATTEMPTS: u32 = 5;
/// The first pause between attempts; it doubles each time.
const FIRST_BACKOFF: Duration = Duration::from_millis(200);
/// The longest pause between two attempts to fetch updates.
const MAX_BACKOFF: Duration = Duration::from_secs(10);

/// How to reach Telegram and how to receive updates.
#[derive(Clone)]
pub struct Settings {
    /// The bot token; never printed.
    pub token: Token,
    /// The Bot API base url, where not Telegram's own.
    pub api_url: Option<url::Url>,
    pub receive: Receive,
    /// Per-user and per-group limits.
    pub limits: RateLimits,
    /// Updates one chat may have waiting; more are dropped and counted.
    pub chat_queue: usize,
    /// How long a stop waits for the answers in flight.
    pub stop_deadline: Duration,
    /// The staff chat of the handover to counsellors: a supergroup with
    /// topics where Lotse is an admin that may manage topics. Without
    /// it, there is no handover.
    pub staff_chat: Option<i64>,
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

/// Who the admins are on Telegram, and what the watcher needs to tell
/// them of reloads. What admins may do is the core's (see
/// [`Assistant::with_admins`]).
#[derive(Debug, Clone)]
pub struct Admin {
    /// Telegram user ids of the admins.
    pub ids: Vec<u64>,
    /// The knowledge folder the watcher loads.
    pub knowledge: std::path::PathBuf,
    pub location: crate::index::Location,
}

/// Refusals of the token (401) in a row before Lotse gives up.
const TOKEN_REFUSALS: u32 = 3;
/// Failed writes to the inbox in a row before Lotse gives up.
const INBOX_FAILURES: u32 = 10;
/// How often handled update ids past the redelivery window are purged.
const PURGE_EVERY: Duration = Duration::from_secs(60 * 60);

/// The pseudonym of a Telegram user: the id itself is never kept.
pub fn user_key(pseudonyms: &Pseudonyms, id: u64) -> UserKey {
    pseudonyms.user("telegram", &id.to_string())
}

/// Runs the bot until SIGTERM or Ctrl-C. Updates go through `inbox`;
/// unfinished ones from the last run are answered first. On a stop signal
/// it takes no more updates, lets the answers in flight finish within the
/// deadline and leaves the rest in the inbox. An error (a refused token,
/// an inbox that cannot be written, a port that cannot be bound) ends it.
pub async fn serve(
    settings: Settings,
    assistant: Arc<Assistant>,
    pseudonyms: Pseudonyms,
    admin: Admin,
    inbox: Inbox,
) -> anyhow::Result<()> {
    crate::logging::add_secret(settings.token.expose());
    // A panic's message can quote the text it choked on (a slice out of a
    // user's message); only its place is logged.
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
        log::error!("panic at {}", place.unwrap_or_default());
    }));
    let raw = raw_bot(&settings);
    let bot = raw.clone().throttle(limits());

    let me = get_me(&raw).await?;
    log::info!("serving as @{}", me.username());
    set_commands(&bot, &assistant).await;
    if let Some(staff) = settings.staff_chat {
        check_staff_chat(&bot, ChatId(staff), me.id).await;
    }

    let admin_chats = admin
        .ids
        .iter()
        .map(|&id| (user_key(&pseudonyms, id), ChatId(id as i64)))
        .collect();
    let handler = Arc::new(Handler {
        bot,
        me: Identity {
            id: me.id,
            username: me.username().to_string(),
        },
        assistant,
        pseudonyms,
        admin,
        admin_chats,
        staff: settings.staff_chat.map(ChatId),
        members: staff::Members::default(),
        #[cfg(debug_assertions)]
        panic_on: std::env::var("LOTSE_TEST_PANIC_ON").ok(),
    });
    watch_knowledge(&handler);
    let purging = inbox.clone();
    let purge = tokio::spawn(async move {
        loop {
            match purging.purge().await {
                Ok(0) => {}
                Ok(n) => log::info!("inbox: purged {n} handled update ids past the redelivery window"),
                Err(err) => log::error!("inbox: purging: {err}"),
            }
            tokio::time::sleep(PURGE_EVERY).await;
        }
    });
    let pipeline = Pipeline::new(inbox, handler, settings.limits, settings.chat_queue);
    let resumed = pipeline.resume().await?;
    if resumed > 0 {
        log::info!("answering {resumed} updates left from the last run");
    }

    let received = match settings.receive {
        Receive::Polling => poll(&raw, &pipeline, crate::signal::stop()).await,
        Receive::Webhook {
            url,
            listen,
            secret_token,
        } => webhook(&raw, &pipeline, url, listen, secret_token, crate::signal::stop()).await,
    };
    log::info!("stopping: finishing the answers in flight");
    let finished = pipeline.stop(settings.stop_deadline).await;
    purge.abort();
    if finished {
        log::info!("stopped");
    } else {
        log::warn!(
            "stopped after {:?}; the unfinished answers are left in the inbox for the next start",
            settings.stop_deadline
        );
    }
    received
}

/// The staff chat for the web door beside the bot, where there is one:
/// the web visitors' cases go to the same forum. Call it inside the
/// runtime (its requests are throttled there).
pub fn web_desk(settings: &Settings, assistant: Arc<Assistant>) -> Option<Arc<dyn crate::assistant::StaffDesk>> {
    let staff = ChatId(settings.staff_chat?);
    Some(Arc::new(staff::WebDesk {
        bot: raw_bot(settings).throttle(limits()),
        staff,
        assistant,
    }))
}

/// The Bot API client of `settings`' token and server, without throttling.
fn raw_bot(settings: &Settings) -> Bot {
    let bot = Bot::new(settings.token.expose());
    match &settings.api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    }
}

/// Asks Telegram who the bot is; a token refused a few times in a row is
/// an error (so the service manager sees it), not a reason to wait.
async fn get_me(bot: &Bot) -> anyhow::Result<Me> {
    let mut refused = 0;
    loop {
        match retrying(|| bot.get_me().send()).await {
            Ok(me) => return Ok(me),
            Err(RequestError::Api(ApiError::InvalidToken)) => {
                refused += 1;
                if refused >= TOKEN_REFUSALS {
                    anyhow::bail!(TOKEN_REFUSED);
                }
                tokio::time::sleep(FIRST_BACKOFF * 2u32.pow(refused)).await;
            }
            Err(err) => return Err(err.into()),
        }
    }
}

const TOKEN_REFUSED: &str =
    "Telegram refuses the bot token (401 Unauthorized): it was revoked or mistyped; ask @BotFather for the current one";

/// Long polling: fetches updates, has the pipeline store them, and only
/// then confirms them (the next call's offset). Returns when `stop`
/// resolves, or with an error when the token is refused or the inbox
/// cannot be written.
async fn poll(bot: &Bot, pipeline: &Arc<Pipeline>, stop: impl Future<Output = ()>) -> anyhow::Result<()> {
    tokio::pin!(stop);
    if let Err(err) = retrying(|| bot.delete_webhook().send()).await {
        log::warn!("removing a webhook before polling: {err}");
    }
    let mut offset: i32 = 0;
    let (mut refused, mut failures) = (0, 0);
    let mut backoff = FIRST_BACKOFF;
    loop {
        let request = bot.get_updates().offset(offset).timeout(25).limit(100).send();
        let result = tokio::select! {
            biased;
            _ = &mut stop => return Ok(()),
            result = request => result,
        };
        let updates = match result {
            Ok(updates) => {
                refused = 0;
                backoff = FIRST_BACKOFF;
                updates
            }
            Err(err) => {
                if matches!(err, RequestError::Api(ApiError::InvalidToken)) {
                    refused += 1;
                    if refused >= TOKEN_REFUSALS {
                        anyhow::bail!(TOKEN_REFUSED);
                    }
                }
                log::warn!("fetching updates: {err}; again in {backoff:?}");
                tokio::select! {
                    _ = &mut stop => return Ok(()),
                    _ = tokio::time::sleep(backoff) => {}
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
                continue;
            }
        };
        let Some(last) = updates.iter().map(|u| u.id.0).max() else {
            continue;
        };
        match pipeline.accept(updates).await {
            Ok(_) => {
                failures = 0;
                // Confirmed with the next call; a crash before it has
                // Telegram send them again, and the inbox knows them.
                offset = i32::try_from(last).unwrap_or(i32::MAX).saturating_add(1);
            }
            Err(err) => {
                failures += 1;
                if failures >= INBOX_FAILURES {
                    return Err(anyhow::anyhow!(err).context("the inbox cannot be written"));
                }
                log::error!("inbox: {err}; the updates stay with Telegram and come again");
                tokio::time::sleep(backoff).await;
            }
        }
    }
}

/// Webhook mode: Telegram posts updates to `url`; each is answered `200`
/// only once the inbox has stored it (or knew it already), and `503`, so
/// that Telegram delivers it again later, while the queues are full.
async fn webhook(
    bot: &Bot,
    pipeline: &Arc<Pipeline>,
    url: url::Url,
    listen: SocketAddr,
    secret_token: Option<String>,
    stop: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let mut options = webhook::WebhookOptions::new(listen, url.path());
    if let Some(secret) = &secret_token {
        crate::logging::add_secret(secret);
    }
    options.secret_token = secret_token.clone();
    // Bound before Telegram is told the url, so a taken port is an error.
    let bound = webhook::bind(options).await?;
    retrying(|| {
        let mut request = bot.set_webhook(url.clone());
        if let Some(secret) = &secret_token {
            request = request.secret_token(secret.clone());
        }
        request.send()
    })
    .await?;
    let pipeline = pipeline.clone();
    let offer = move |body: bytes::Bytes| {
        let pipeline = pipeline.clone();
        async move { pipeline.offer(&body).await }
    };
    bound.serve(offer, stop).await?;
    Ok(())
}

/// Telegram's rate limits; `LOTSE_THROTTLE=off` lifts them, for throughput
/// measurements against a local Bot API only. Every chat's answers are sent
/// one at a time by its own worker, so the throttle's queue holds at most
/// one request per chat and one chat's backlog never fills it for others.
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

/// What the workers need to answer an update.
pub(crate) struct Handler {
    bot: TgBot,
    me: Identity,
    assistant: Arc<Assistant>,
    pseudonyms: Pseudonyms,
    admin: Admin,
    /// Where each admin reads the core's notices to them.
    admin_chats: HashMap<UserKey, ChatId>,
    /// The staff chat of the handover, if any.
    staff: Option<ChatId>,
    /// Who is a member of the staff chat, lately.
    members: staff::Members,
    /// A text whose answer panics, so that tests can show a panic costs
    /// one apology and not the chat (debug builds only).
    #[cfg(debug_assertions)]
    panic_on: Option<String>,
}

/// Where an update goes and what it asks, worked out once when it arrives.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    /// The chat whose worker answers it (for inline queries: the user's).
    chat: i64,
    user: Option<u64>,
    /// The group it was sent in, if any.
    group: Option<i64>,
    /// Whether Lotse answers it at all.
    addressed: bool,
    /// Whether it counts against the rate limits.
    limited: bool,
    /// The client's language.
    lang: Option<Lang>,
    /// What a message asks (for other updates: None).
    input: Option<Input>,
}

impl Handler {
    /// Where an update goes and what it asks.
    fn route(&self, update: &Update) -> Route {
        let from = update.from();
        let mut route = Route {
            chat: update
                .chat()
                .map(|c| c.id.0)
                .or(from.map(|u| u.id.0 as i64))
                .unwrap_or(0),
            user: from.map(|u| u.id.0),
            group: update.chat().filter(|c| !c.is_private()).map(|c| c.id.0),
            addressed: false,
            limited: true,
            lang: from
                .and_then(|u| u.language_code.as_deref())
                .and_then(Lang::from_client_code),
            input: None,
        };
        match &update.kind {
            UpdateKind::Message(message) if self.staff == Some(message.chat.id) => {
                // Staff talk among themselves and to users: never searched,
                // never over a user's limit.
                route.input = staff::input_of(message, &self.me);
                route.addressed = route.input.is_some();
                route.limited = false;
            }
            UpdateKind::Message(message) => {
                let replied_to_me = message
                    .reply_to_message()
                    .and_then(|m| m.from.as_ref())
                    .is_some_and(|u| u.id == self.me.id);
                route.input = translate::input_of(message, &self.me, message.chat.is_private() || replied_to_me);
                route.addressed = from.is_some() && route.input.is_some();
            }
            UpdateKind::CallbackQuery(query) => {
                route.addressed = true;
                if let Some(message) = query.regular_message() {
                    route.chat = message.chat.id.0;
                    route.group = (!message.chat.is_private()).then_some(message.chat.id.0);
                }
            }
            // A user who blocks Lotse: an open case of theirs closes.
            UpdateKind::MyChatMember(member)
                if member.chat.is_private() && member.new_chat_member.kind.is_banned() && self.staff.is_some() =>
            {
                route.addressed = true;
                route.limited = false;
            }
            // Typing an inline query sends one per pause; they are
            // answered, not counted.
            UpdateKind::InlineQuery(_) => {
                route.addressed = true;
                route.limited = false;
            }
            other => log::info!("an update of kind {} is not handled", kind_name(other)),
        }
        route
    }

    /// The chat's pseudonym in the inbox (never its clear id).
    fn chat_key(&self, chat: i64) -> String {
        self.pseudonyms
            .user("telegram-chat", &chat.to_string())
            .as_str()
            .to_string()
    }

    /// The core's actor for a Telegram user: a pseudonym, and the role
    /// the core gives it.
    fn actor(&self, id: u64) -> crate::assistant::Actor {
        self.assistant.actor(user_key(&self.pseudonyms, id))
    }

    /// The language to address a user in: their choice, else their client's.
    async fn ui_lang(&self, user: Option<u64>, client: Option<Lang>) -> Lang {
        let chosen = match user {
            Some(id) => {
                let key = user_key(&self.pseudonyms, id);
                self.assistant.language_of(&key, None).await
            }
            None => None,
        };
        chosen.or(client).unwrap_or(Lang::En)
    }

    /// Carries out the core's effects for an event in `chat` (`pressed`:
    /// the message whose button it was).
    async fn carry_out(&self, chat: ChatId, pressed: Option<MessageId>, effects: &[Effect]) -> HandlerResult {
        let origin = Origin {
            chat,
            thread: None,
            message: None,
            pressed,
        };
        self.carry_out_from(&origin, effects).await
    }

    /// Carries out the core's effects for an event that came from `origin`.
    async fn carry_out_from(&self, origin: &Origin, effects: &[Effect]) -> HandlerResult {
        let (chat, pressed) = (origin.chat, origin.pressed);
        for effect in effects {
            match effect {
                Effect::Send(message) => deliver_in(&self.bot, chat, origin.thread, None, message).await?,
                Effect::Edit(message) => deliver(&self.bot, chat, pressed, message).await?,
                Effect::Case(step) => {
                    if !self.carry_case(origin, step).await? {
                        // The case could not go on (no topic): the user
                        // has been told instead of the rest.
                        return Ok(());
                    }
                }
                Effect::Contact(card) => {
                    retrying(|| {
                        let mut request = self.bot.send_contact(chat, card.phone.clone(), card.first_name.clone());
                        if !card.last_name.is_empty() {
                            request = request.last_name(card.last_name.clone());
                        }
                        request.vcard(card.vcard()).send()
                    })
                    .await?;
                }
                Effect::NotifyAdmin { admin, message } => {
                    let Some(&admin_chat) = self.admin_chats.get(admin) else {
                        continue;
                    };
                    if let Err(err) = deliver(&self.bot, admin_chat, None, message).await {
                        log::warn!("telling an admin: {err}");
                    }
                }
                // No staff chat on Telegram yet; inline answers are the
                // inline handler's.
                Effect::NotifyStaff(_) | Effect::Inline(_) => {}
            }
        }
        Ok(())
    }

    /// Answers an update.
    async fn handle(&self, update: Update, route: &Route) -> HandlerResult {
        match update.kind {
            UpdateKind::Message(message) => self.on_message(&message, route).await,
            UpdateKind::CallbackQuery(query) => self.on_callback(&query, route).await,
            UpdateKind::InlineQuery(query) => self.on_inline(&query, route).await,
            UpdateKind::MyChatMember(member) if route.addressed => {
                let user = user_key(&self.pseudonyms, member.from.id.0);
                let effects = self.assistant.user_blocked(&user).await;
                self.carry_out(member.chat.id, None, &effects).await
            }
            _ => Ok(()),
        }
    }

    /// The one notice of a spell over the rate limit.
    async fn notice_limited(&self, route: &Route) -> HandlerResult {
        self.say(route, "rate-limited").await
    }

    /// The polite reply when answering failed unexpectedly.
    async fn apologise(&self, route: &Route) -> HandlerResult {
        self.say(route, "answer-failed").await
    }

    /// Sends one message of the catalog to the update's chat.
    async fn say(&self, route: &Route, id: &str) -> HandlerResult {
        if !route.limited && route.input.is_none() {
            // An inline query has no chat to say it in.
            return Ok(());
        }
        let lang = self.ui_lang(route.user, route.lang).await;
        let text = self.assistant.catalog().text(lang, id);
        deliver(&self.bot, ChatId(route.chat), None, &text_message(&text, lang)).await
    }

    /// A message: answered when it is addressed to Lotse (see [`Route`]).
    async fn on_message(&self, message: &teloxide::types::Message, route: &Route) -> HandlerResult {
        let (Some(from), Some(input)) = (message.from.as_ref(), route.input.clone()) else {
            return Ok(());
        };
        #[cfg(debug_assertions)]
        if let Input::Text(text) = &input
            && self.panic_on.as_ref() == Some(text)
        {
            panic!("a test panic on {text}");
        }
        if let Some(staff) = self.staff.filter(|staff| *staff == message.chat.id)
            && !self.sent_by_staff(staff, message).await
        {
            log::warn!("staff chat: a message from someone who is no member, or in a channel's name, is ignored");
            return Ok(());
        }
        let private = message.chat.is_private();
        let event = Event {
            actor: self.actor(from.id.0),
            channel: Channel::Telegram { private },
            client_lang: route.lang,
            input,
        };
        let effects = self
            .assistant
            .handle_from(event, private.then(|| reach_of(message.chat.id)))
            .await;
        let origin = Origin {
            chat: message.chat.id,
            thread: message.thread_id.filter(|_| message.is_topic_message),
            message: Some(message.id),
            pressed: None,
        };
        self.carry_out_from(&origin, &effects).await
    }

    /// A button press: answered at once so the spinner stops, then handled.
    async fn on_callback(&self, query: &CallbackQuery, route: &Route) -> HandlerResult {
        if let Err(err) = retrying(|| self.bot.answer_callback_query(query.id.clone()).send()).await {
            // A stale query id must not cost the user the answer itself.
            log::warn!("answering a callback query: {err}");
        }
        let message = query.regular_message();
        let event = Event {
            actor: self.actor(query.from.id.0),
            channel: Channel::Telegram {
                private: message.is_some_and(|m| m.chat.is_private()),
            },
            client_lang: route.lang,
            input: Input::Button(query.data.clone().unwrap_or_default()),
        };
        let reach = message.filter(|m| m.chat.is_private()).map(|m| reach_of(m.chat.id));
        let effects = self.assistant.handle_from(event, reach).await;
        let Some(message) = message else {
            // A button on an inline message has no chat to answer in.
            return Ok(());
        };
        self.carry_out(message.chat.id, Some(message.id), &effects).await
    }

    /// An inline query: up to ten entries, each posting its details.
    async fn on_inline(&self, query: &InlineQuery, route: &Route) -> HandlerResult {
        let event = Event {
            actor: self.actor(query.from.id.0),
            channel: Channel::Inline,
            client_lang: route.lang,
            input: Input::Inline(query.query.clone()),
        };
        let effects = self.assistant.handle(event).await;
        let Some(results) = effects.iter().find_map(|effect| match effect {
            Effect::Inline(results) => Some(results),
            _ => None,
        }) else {
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
            self.bot
                .answer_inline_query(query.id.clone(), articles.clone())
                .cache_time(0)
                .is_personal(true)
                .send()
        })
        .await?;
        Ok(())
    }
}

/// A plain text as a message of the core, one block per line, so that it
/// is escaped and split at Telegram's limit like every answer.
fn text_message(text: &str, lang: Lang) -> Message {
    Message {
        blocks: text.lines().map(|line| Block::plain(line, lang)).collect(),
        ..Message::default()
    }
}

/// The kind of an update, for the log: never its content.
fn kind_of(update: &Update) -> &'static str {
    kind_name(&update.kind)
}

fn kind_name(kind: &UpdateKind) -> &'static str {
    match kind {
        UpdateKind::Message(_) => "message",
        UpdateKind::EditedMessage(_) => "edited_message",
        UpdateKind::ChannelPost(_) => "channel_post",
        UpdateKind::EditedChannelPost(_) => "edited_channel_post",
        UpdateKind::InlineQuery(_) => "inline_query",
        UpdateKind::ChosenInlineResult(_) => "chosen_inline_result",
        UpdateKind::CallbackQuery(_) => "callback_query",
        UpdateKind::MyChatMember(_) => "my_chat_member",
        UpdateKind::ChatMember(_) => "chat_member",
        UpdateKind::ChatJoinRequest(_) => "chat_join_request",
        UpdateKind::MessageReaction(_) => "message_reaction",
        UpdateKind::Poll(_) => "poll",
        UpdateKind::PollAnswer(_) => "poll_answer",
        UpdateKind::Error(_) => "unknown",
        _ => "other",
    }
}

/// Watches the knowledge folder and tells the admins, each in their
/// language and split at Telegram's limit, when an edit is rejected or
/// taken.
fn watch_knowledge(handler: &Arc<Handler>) {
    let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel::<reload::Outcome>();
    let watched = reload::watch(
        handler.assistant.clone(),
        handler.admin.knowledge.clone(),
        handler.admin.location.clone(),
        move |outcome| {
            let _ = sender.send(outcome);
        },
    );
    if let Err(err) = watched {
        log::error!("cannot watch the knowledge folder: {err}");
        return;
    }
    let handler = handler.clone();
    tokio::spawn(async move {
        while let Some(outcome) = receiver.recv().await {
            let notices = handler.assistant.reload_notices(&outcome).await;
            // Notices to admins are best-effort, each on its own.
            let _ = handler.carry_out(ChatId(0), None, &notices).await;
        }
    });
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

/// Sends a message to a chat, or replaces the `pressed` one with it where
/// it fits in one.
async fn deliver(bot: &TgBot, chat: ChatId, pressed: Option<MessageId>, message: &Message) -> HandlerResult {
    deliver_in(bot, chat, None, pressed, message).await
}

/// [`deliver`] into a forum topic (`thread`) where there is one.
async fn deliver_in(
    bot: &TgBot,
    chat: ChatId,
    thread: Option<ThreadId>,
    pressed: Option<MessageId>,
    message: &Message,
) -> HandlerResult {
    {
        let rendered = render(message);
        let single = rendered.chunks.len() == 1;
        let edit_target = pressed.filter(|_| single);
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
                        if let Some(thread) = thread {
                            request = request.message_thread_id(thread);
                        }
                        request.send()
                    })
                    .await?;
                }
            }
        }
    }
    Ok(())
}

/// The command menu, in every language and a default (English): the
/// core's commands, with `/counsellor` only where there is a staff chat.
async fn set_commands(bot: &TgBot, assistant: &Assistant) {
    let (catalog, listed) = (assistant.catalog(), assistant.commands());
    let commands = |lang: Lang| -> Vec<BotCommand> {
        listed
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
}
