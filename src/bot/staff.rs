//! The staff chat of the handover on Telegram: a forum supergroup where
//! each case is a topic.
//!
//! Messages there become [`Input::Staff`] (never a search): the topic
//! they were posted in and the command they begin with. The core's
//! [`CaseEffect`]s are carried out with the Bot API's forum methods
//! (`createForumTopic`, `copyMessage` with `message_thread_id`,
//! `closeForumTopic`, `deleteForumTopic`), and what only Telegram can say
//! goes back to the core: a topic's id, a topic that could not be opened,
//! one deleted by staff (opened again, with the case card), a user who
//! blocked Lotse. Every failure is a log line that says what to do; none
//! is silent, none panics. Only the staff chat's members are heard there
//! (`getChatMember`, remembered for a minute), and an admin posting
//! anonymously; someone who left or was removed, and a channel posting in
//! its own name, are ignored. The web door beside the bot reaches the staff
//! chat through [`WebDesk`], the core's [`StaffDesk`]: the same topics,
//! with a web visitor's text posted where there is no message to copy.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use teloxide::payloads::{CopyMessageSetters, CreateForumTopicSetters};
use teloxide::prelude::Requester;
use teloxide::requests::Request as _;
use teloxide::types::{ChatId, MessageId, MessageKind, ReplyParameters, ThreadId, UserId};
use teloxide::{ApiError, RequestError};

use super::translate::{Identity, input_of as message_input};
use super::{Handler, TgBot, deliver, deliver_in, retrying};
use crate::assistant::{
    Assistant, CaseEffect, CaseId, Effect, Input, Message, MessagePair, Reach, StaffDesk, TopicId, unix_now,
};

/// The colour of a case's topic icon (one Telegram allows).
const TOPIC_COLOR: u32 = 0x6F_B9_F0;
/// How long a sender's standing in the staff chat is trusted before
/// Telegram is asked again: a busy topic asks once a minute per sender.
const MEMBERSHIP_TTL: Duration = Duration::from_secs(60);
/// Senders remembered at most (a staff chat has a handful); beyond, the
/// memory starts afresh.
const MEMBERS_KEPT: usize = 1024;

/// Who is a member of the staff chat, as Telegram said lately.
#[derive(Default)]
pub(super) struct Members(Mutex<HashMap<UserId, (bool, Instant)>>);

/// Where an event came from, for the effects that answer it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Origin {
    pub chat: ChatId,
    /// The forum topic it was posted in.
    pub thread: Option<ThreadId>,
    /// The message itself (what a copy copies).
    pub message: Option<MessageId>,
    /// The message whose button was pressed.
    pub pressed: Option<MessageId>,
}

/// How the core may reach a private chat again: its id, which storage
/// keeps sealed and only while a case is open.
pub(super) fn reach_of(chat: ChatId) -> Reach {
    Reach(format!("telegram:{}", chat.0))
}

fn chat_of(reach: &Reach) -> Option<ChatId> {
    reach.0.strip_prefix("telegram:")?.parse().ok().map(ChatId)
}

fn thread(topic: TopicId) -> Option<ThreadId> {
    i32::try_from(topic.0).ok().map(|id| ThreadId(MessageId(id)))
}

fn topic(thread: ThreadId) -> TopicId {
    TopicId(i64::from(thread.0.0))
}

/// What a message in the staff chat asks of the core: `None` for service
/// messages (a topic opened or closed), other bots, and commands for
/// another bot.
pub(super) fn input_of(message: &teloxide::types::Message, me: &Identity) -> Option<Input> {
    let from = message.from.as_ref()?;
    // An admin posting anonymously writes as the group itself (through
    // Telegram's GroupAnonymousBot): that is staff too; other bots are not.
    let anonymous_admin = message.sender_chat.as_ref().is_some_and(|c| c.id == message.chat.id);
    if (from.is_bot && !anonymous_admin) || !matches!(message.kind, MessageKind::Common(_)) {
        return None;
    }
    let command = match message_input(message, me, true)? {
        Input::Command { name, .. } => Some(name),
        _ => None,
    };
    // What a web visitor can be shown: the text, or a file's caption.
    let text = message.text().or(message.caption()).map(str::to_string);
    let thread = message.thread_id.filter(|_| message.is_topic_message);
    // Every message in a topic replies to the topic's opening message;
    // only a reply to another is one to answer.
    let reply_to = message
        .reply_to_message()
        .map(|m| m.id)
        .filter(|id| thread.is_none_or(|t| t.0 != *id))
        .map(|id| i64::from(id.0));
    Some(Input::Staff {
        topic: thread.map(topic),
        command,
        reply_to,
        file: message.text().is_none(),
        text,
    })
}

/// Says at start whether Lotse may open topics in the staff chat, so a
/// missing right is a log line before the first case, not after it.
pub(super) async fn check_staff_chat(bot: &TgBot, chat: ChatId, me: UserId) {
    use teloxide::types::ChatMemberKind;
    match retrying(|| bot.get_chat_member(chat, me).send()).await {
        Ok(member) => match member.kind {
            ChatMemberKind::Administrator(admin) if admin.can_manage_topics => {
                log::info!("staff chat: Lotse may open topics there; the handover is on");
            }
            _ => log::error!(
                "staff chat: Lotse is no admin with the right to manage topics there; make it one, or no case can be opened"
            ),
        },
        Err(err) => log::error!("staff chat: cannot check Lotse's rights there ({err}); is LOTSE_STAFF_CHAT right?"),
    }
}

/// A topic gone: deleted by staff, or never there.
fn is_topic_gone(err: &RequestError) -> bool {
    match err {
        RequestError::Api(ApiError::Unknown(description)) => {
            let d = description.to_lowercase();
            d.contains("thread not found") || d.contains("topic_deleted") || d.contains("topic_id_invalid")
        }
        _ => false,
    }
}

/// A user Lotse cannot write to any more.
fn is_unreachable(err: &RequestError) -> bool {
    matches!(
        err,
        RequestError::Api(
            ApiError::BotBlocked | ApiError::UserDeactivated | ApiError::ChatNotFound | ApiError::BotKicked
        )
    )
}

/// The staff chat, as both doors use it: the bot, the chat and the core
/// that learns what only Telegram can say.
struct Desk<'a> {
    bot: &'a TgBot,
    staff: ChatId,
    assistant: &'a Assistant,
}

/// What goes into a case's topic: a user's Telegram message, copied, or a
/// web visitor's text, posted.
#[derive(Clone, Copy)]
enum Relay<'a> {
    Copy { from: ChatId, message: MessageId },
    Post(&'a Message),
}

/// Why a user's message did not reach the topic.
enum Undelivered {
    /// Telegram refused it: the user is to be told.
    Refused,
    /// The case is gone or closed: nothing to tell.
    Quiet,
}

impl Desk<'_> {
    /// Opens a case's topic and posts its card there; the core learns the
    /// topic's id. `None` (logged) where Telegram refuses.
    async fn open_topic(&self, case: CaseId, title: &str, card: &Message) -> Option<TopicId> {
        let created = retrying(|| {
            self.bot
                .create_forum_topic(self.staff, title)
                .icon_color(teloxide::types::Rgb::from_u32(TOPIC_COLOR))
                .send()
        })
        .await;
        let created = match created {
            Ok(topic) => topic,
            Err(err) => {
                log::error!(
                    "staff chat: cannot open a topic for a case ({err}); make Lotse an admin with the right to manage topics in a supergroup with topics"
                );
                return None;
            }
        };
        let opened = topic(created.thread_id);
        self.assistant.topic_opened(case, opened).await;
        if let Err(err) = deliver_in(self.bot, self.staff, Some(created.thread_id), None, card).await {
            log::error!("staff chat: posting a case card: {err}");
        }
        Some(opened)
    }

    /// Puts a user's message into the case's topic; a topic deleted by
    /// staff is opened again (with the card) and the message put there.
    async fn to_topic(&self, case: CaseId, known: Option<TopicId>, relay: Relay<'_>) -> Result<(), Undelivered> {
        let mut topic = match known {
            Some(topic) => Some(topic),
            None => self.assistant.case_topic(case).await,
        };
        for attempt in 0..2 {
            let gone = || RequestError::Api(ApiError::Unknown("message thread not found".into()));
            let sent = match (topic.and_then(thread), relay) {
                (Some(thread), Relay::Copy { from, message }) => retrying(|| {
                    self.bot
                        .copy_message(self.staff, from, message)
                        .message_thread_id(thread)
                        .send()
                })
                .await
                .map(|copy| {
                    Some(MessagePair {
                        user_message: i64::from(message.0),
                        staff_message: i64::from(copy.0),
                        from_staff: false,
                        at: unix_now(),
                    })
                }),
                (Some(thread), Relay::Post(post)) => deliver_in(self.bot, self.staff, Some(thread), None, post)
                    .await
                    .map(|()| None),
                (None, _) => Err(gone()),
            };
            match sent {
                Ok(pair) => {
                    if let Some(pair) = pair {
                        self.assistant.relayed(case, pair).await;
                    }
                    return Ok(());
                }
                Err(err) if is_topic_gone(&err) && attempt == 0 => {
                    log::warn!("staff chat: a case's topic is gone (deleted by staff?); opening it again");
                    let Some(Effect::Case(CaseEffect::OpenTopic { case, title, card })) =
                        self.assistant.topic_lost(case).await
                    else {
                        return Err(Undelivered::Quiet);
                    };
                    topic = self.open_topic(case, &title, &card).await;
                }
                Err(err) => {
                    log::error!("staff chat: a user's message could not be put into their case's topic: {err}");
                    return Err(Undelivered::Refused);
                }
            }
        }
        Err(Undelivered::Quiet)
    }

    async fn post(&self, topic: TopicId, message: &Message) {
        if let Err(err) = deliver_in(self.bot, self.staff, thread(topic), None, message).await {
            log::warn!("staff chat: posting in a case's topic: {err}");
        }
    }

    async fn close_topic(&self, topic: TopicId) {
        let Some(thread) = thread(topic) else { return };
        match retrying(|| self.bot.close_forum_topic(self.staff, thread).send()).await {
            Ok(_) => {}
            Err(RequestError::Api(ApiError::Unknown(d))) if d.contains("TOPIC_NOT_MODIFIED") => {}
            Err(err) => log::warn!("staff chat: closing a case's topic: {err}"),
        }
    }

    async fn delete_topic(&self, topic: TopicId) {
        let Some(thread) = thread(topic) else { return };
        match retrying(|| self.bot.delete_forum_topic(self.staff, thread).send()).await {
            Ok(_) => {}
            Err(err) if is_topic_gone(&err) => {}
            Err(err) => log::error!(
                "staff chat: cannot delete a forgotten user's topic ({err}); delete it by hand, Lotse no longer knows it"
            ),
        }
    }
}

impl Handler {
    /// Whether a message in the staff chat `staff` is staff's: a member's
    /// (owner, admin, member, or restricted but in the chat), or an
    /// admin's posting anonymously (in the chat's own name). A channel's
    /// post, and the message of someone who left or was banned, is not.
    /// Where Telegram cannot say, it is not either (and not remembered).
    pub(super) async fn sent_by_staff(&self, staff: ChatId, message: &teloxide::types::Message) -> bool {
        if let Some(sender) = &message.sender_chat {
            return sender.id == staff;
        }
        let Some(from) = &message.from else { return false };
        let now = Instant::now();
        let known = self
            .members
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&from.id)
            .copied();
        if let Some((member, at)) = known
            && now.duration_since(at) < MEMBERSHIP_TTL
        {
            return member;
        }
        match retrying(|| self.bot.get_chat_member(staff, from.id).send()).await {
            Ok(standing) => {
                let member = standing.kind.is_present();
                let mut members = self.members.0.lock().unwrap_or_else(|e| e.into_inner());
                if members.len() >= MEMBERS_KEPT {
                    members.clear();
                }
                members.insert(from.id, (member, now));
                member
            }
            Err(err) => {
                log::warn!("staff chat: cannot tell whether a sender is a member ({err}); their message is ignored");
                false
            }
        }
    }

    fn desk(&self, staff: ChatId) -> Desk<'_> {
        Desk {
            bot: &self.bot,
            staff,
            assistant: &self.assistant,
        }
    }

    /// Carries out one step of a case; false where the case cannot go on
    /// (the user has been told), so the rest of the event's effects are
    /// left.
    pub(super) async fn carry_case(&self, origin: &Origin, step: &CaseEffect) -> Result<bool, RequestError> {
        let Some(staff) = self.staff else {
            log::error!("a case step without a staff chat; set LOTSE_STAFF_CHAT");
            return Ok(true);
        };
        let desk = self.desk(staff);
        match step {
            CaseEffect::OpenTopic { case, title, card } => {
                if desk.open_topic(*case, title, card).await.is_none() {
                    for effect in self.assistant.topic_failed(*case).await {
                        if let Effect::Send(message) = effect {
                            deliver(&self.bot, origin.chat, None, &message).await?;
                        }
                    }
                    return Ok(false);
                }
            }
            CaseEffect::CopyToTopic { case, topic, post } => {
                let relay = match (post, origin.message) {
                    (Some(post), _) => Relay::Post(post),
                    (None, Some(message)) => Relay::Copy {
                        from: origin.chat,
                        message,
                    },
                    (None, None) => return Ok(false),
                };
                // A message that did not arrive gets no "received".
                return Ok(match desk.to_topic(*case, *topic, relay).await {
                    Ok(()) => true,
                    Err(Undelivered::Refused) => {
                        let notice = self.assistant.not_delivered(*case).await;
                        if let Err(err) = deliver(&self.bot, origin.chat, None, &notice).await {
                            log::warn!("telling a user their message was not delivered: {err}");
                        }
                        false
                    }
                    Err(Undelivered::Quiet) => false,
                });
            }
            CaseEffect::CopyToUser {
                case,
                reach,
                header,
                reply_to,
            } => {
                let Some(user) = chat_of(reach) else {
                    log::error!("a case's way to reach its user is no Telegram chat; the message stays in the topic");
                    return Ok(true);
                };
                let sent = match deliver(&self.bot, user, None, header).await {
                    Ok(()) => match origin.message {
                        Some(message) => retrying(|| {
                            let mut request = self.bot.copy_message(user, staff, message);
                            if let Some(id) = reply_to.and_then(|id| i32::try_from(id).ok()) {
                                let quoted = ReplyParameters::new(MessageId(id)).allow_sending_without_reply();
                                request = request.reply_parameters(quoted);
                            }
                            request.send()
                        })
                        .await
                        .map(|copy| Some((message, copy))),
                        None => Ok(None),
                    },
                    Err(err) => Err(err),
                };
                match sent {
                    Ok(Some((message, copy))) => {
                        let pair = MessagePair {
                            user_message: i64::from(copy.0),
                            staff_message: i64::from(message.0),
                            from_staff: true,
                            at: unix_now(),
                        };
                        self.assistant.relayed(*case, pair).await;
                    }
                    Ok(None) => {}
                    Err(err) => self.unreachable(&desk, *case, &err).await,
                }
            }
            CaseEffect::SendToUser { case, reach, message } => {
                if let Some(user) = chat_of(reach)
                    && let Err(err) = deliver(&self.bot, user, None, message).await
                {
                    self.unreachable(&desk, *case, &err).await;
                }
            }
            CaseEffect::PostToTopic { topic, message } => desk.post(*topic, message).await,
            CaseEffect::CloseTopic(topic) => desk.close_topic(*topic).await,
            CaseEffect::DeleteTopic(topic) => desk.delete_topic(*topic).await,
        }
        Ok(true)
    }

    /// A case's user cannot be reached: logged, the case closed, staff told.
    async fn unreachable(&self, desk: &Desk<'_>, case: CaseId, err: &RequestError) {
        if !is_unreachable(err) {
            log::error!("a counsellor's answer could not be delivered: {err}");
            return;
        }
        log::warn!("a case's user cannot be reached ({err}); the case is closed and staff are told");
        for effect in self.assistant.user_unreachable(case).await {
            match effect {
                Effect::Case(CaseEffect::PostToTopic { topic, message }) => desk.post(topic, &message).await,
                Effect::Case(CaseEffect::CloseTopic(topic)) => desk.close_topic(topic).await,
                _ => {}
            }
        }
    }
}

/// The staff chat for the web door beside the bot: it carries out a web
/// visitor's case steps with the same topics as Telegram's.
pub struct WebDesk {
    pub(super) bot: TgBot,
    pub(super) staff: ChatId,
    pub(super) assistant: Arc<Assistant>,
}

#[async_trait::async_trait]
impl StaffDesk for WebDesk {
    async fn carry(&self, step: &CaseEffect) -> Result<(), Vec<Message>> {
        let desk = Desk {
            bot: &self.bot,
            staff: self.staff,
            assistant: &self.assistant,
        };
        match step {
            CaseEffect::OpenTopic { case, title, card } => {
                if desk.open_topic(*case, title, card).await.is_none() {
                    let told = self.assistant.topic_failed(*case).await;
                    return Err(told
                        .into_iter()
                        .filter_map(|effect| match effect {
                            Effect::Send(message) => Some(message),
                            _ => None,
                        })
                        .collect());
                }
            }
            CaseEffect::CopyToTopic { case, topic, post } => {
                let Some(post) = post else {
                    log::error!("a web case step without the visitor's text; nothing was posted");
                    return Err(vec![self.assistant.not_delivered(*case).await]);
                };
                match desk.to_topic(*case, *topic, Relay::Post(post)).await {
                    Ok(()) => {}
                    Err(Undelivered::Refused) => return Err(vec![self.assistant.not_delivered(*case).await]),
                    Err(Undelivered::Quiet) => return Err(Vec::new()),
                }
            }
            CaseEffect::PostToTopic { topic, message } => desk.post(*topic, message).await,
            CaseEffect::CloseTopic(topic) => desk.close_topic(*topic).await,
            CaseEffect::DeleteTopic(topic) => desk.delete_topic(*topic).await,
            // A web visitor's replies are kept for their page, not sent.
            CaseEffect::CopyToUser { .. } | CaseEffect::SendToUser { .. } => {
                log::error!("a step for a Telegram chat in a web case; it is left");
            }
        }
        Ok(())
    }
}
