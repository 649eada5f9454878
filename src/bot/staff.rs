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
//! is silent, none panics.

use teloxide::payloads::{CopyMessageSetters, CreateForumTopicSetters};
use teloxide::prelude::Requester;
use teloxide::requests::Request as _;
use teloxide::types::{ChatId, MessageId, MessageKind, ReplyParameters, ThreadId, UserId};
use teloxide::{ApiError, RequestError};

use super::translate::{Identity, input_of as message_input};
use super::{Handler, TgBot, deliver, deliver_in, retrying};
use crate::assistant::{CaseEffect, CaseId, Effect, Input, MessagePair, Reach, TopicId, unix_now};

/// The colour of a case's topic icon (one Telegram allows).
const TOPIC_COLOR: u32 = 0x6F_B9_F0;

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

impl Handler {
    /// Carries out one step of a case; false where the case cannot go on
    /// (the user has been told), so the rest of the event's effects are
    /// left.
    pub(super) async fn carry_case(&self, origin: &Origin, step: &CaseEffect) -> Result<bool, RequestError> {
        let Some(staff) = self.staff else {
            log::error!("a case step without a staff chat; set LOTSE_STAFF_CHAT");
            return Ok(true);
        };
        match step {
            CaseEffect::OpenTopic { case, title, card } => {
                if self.open_topic(staff, *case, title, card).await.is_none() {
                    for effect in self.assistant.topic_failed(*case).await {
                        if let Effect::Send(message) = effect {
                            deliver(&self.bot, origin.chat, None, &message).await?;
                        }
                    }
                    return Ok(false);
                }
            }
            CaseEffect::CopyToTopic { case, topic } => {
                // A message that did not arrive gets no "received".
                return Ok(self.copy_to_topic(staff, origin, *case, *topic).await);
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
                    Err(err) => self.unreachable(staff, *case, &err).await,
                }
            }
            CaseEffect::SendToUser { case, reach, message } => {
                if let Some(user) = chat_of(reach)
                    && let Err(err) = deliver(&self.bot, user, None, message).await
                {
                    self.unreachable(staff, *case, &err).await;
                }
            }
            CaseEffect::PostToTopic { topic, message } => {
                if let Err(err) = deliver_in(&self.bot, staff, thread(*topic), None, message).await {
                    log::warn!("staff chat: posting in a case's topic: {err}");
                }
            }
            CaseEffect::CloseTopic(topic) => {
                let Some(thread) = thread(*topic) else { return Ok(true) };
                match retrying(|| self.bot.close_forum_topic(staff, thread).send()).await {
                    Ok(_) => {}
                    Err(RequestError::Api(ApiError::Unknown(d))) if d.contains("TOPIC_NOT_MODIFIED") => {}
                    Err(err) => log::warn!("staff chat: closing a case's topic: {err}"),
                }
            }
            CaseEffect::DeleteTopic(topic) => {
                let Some(thread) = thread(*topic) else { return Ok(true) };
                match retrying(|| self.bot.delete_forum_topic(staff, thread).send()).await {
                    Ok(_) => {}
                    Err(err) if is_topic_gone(&err) => {}
                    Err(err) => log::error!(
                        "staff chat: cannot delete a forgotten user's topic ({err}); delete it by hand, Lotse no longer knows it"
                    ),
                }
            }
        }
        Ok(true)
    }

    /// Opens a case's topic and posts its card there; the core learns the
    /// topic's id. `None` (logged) where Telegram refuses.
    async fn open_topic(
        &self,
        staff: ChatId,
        case: CaseId,
        title: &str,
        card: &crate::assistant::Message,
    ) -> Option<TopicId> {
        let created = retrying(|| {
            self.bot
                .create_forum_topic(staff, title)
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
        if let Err(err) = deliver_in(&self.bot, staff, Some(created.thread_id), None, card).await {
            log::error!("staff chat: posting a case card: {err}");
        }
        Some(opened)
    }

    /// Copies the user's message into the case's topic; a topic deleted by
    /// staff is opened again (with the card) and the copy made there.
    /// False (the user told) where it could not be copied.
    async fn copy_to_topic(&self, staff: ChatId, origin: &Origin, case: CaseId, known: Option<TopicId>) -> bool {
        let Some(message) = origin.message else { return false };
        let mut topic = match known {
            Some(topic) => Some(topic),
            None => self.assistant.case_topic(case).await,
        };
        for attempt in 0..2 {
            let copied = match topic.and_then(thread) {
                Some(thread) => {
                    retrying(|| {
                        self.bot
                            .copy_message(staff, origin.chat, message)
                            .message_thread_id(thread)
                            .send()
                    })
                    .await
                }
                None => Err(RequestError::Api(ApiError::Unknown("message thread not found".into()))),
            };
            match copied {
                Ok(copy) => {
                    let pair = MessagePair {
                        user_message: i64::from(message.0),
                        staff_message: i64::from(copy.0),
                        from_staff: false,
                        at: unix_now(),
                    };
                    self.assistant.relayed(case, pair).await;
                    return true;
                }
                Err(err) if is_topic_gone(&err) && attempt == 0 => {
                    log::warn!("staff chat: a case's topic is gone (deleted by staff?); opening it again");
                    let Some(Effect::Case(CaseEffect::OpenTopic { case, title, card })) =
                        self.assistant.topic_lost(case).await
                    else {
                        return false;
                    };
                    topic = self.open_topic(staff, case, &title, &card).await;
                }
                Err(err) => {
                    log::error!("staff chat: a user's message could not be copied into their case's topic: {err}");
                    let notice = self.assistant.not_delivered(case).await;
                    if let Err(err) = deliver(&self.bot, origin.chat, None, &notice).await {
                        log::warn!("telling a user their message was not delivered: {err}");
                    }
                    return false;
                }
            }
        }
        false
    }

    /// A case's user cannot be reached: logged, the case closed, staff told.
    async fn unreachable(&self, staff: ChatId, case: CaseId, err: &RequestError) {
        if !is_unreachable(err) {
            log::error!("a counsellor's answer could not be delivered: {err}");
            return;
        }
        log::warn!("a case's user cannot be reached ({err}); the case is closed and staff are told");
        for effect in self.assistant.user_unreachable(case).await {
            let Effect::Case(step) = effect else { continue };
            let result = match &step {
                CaseEffect::PostToTopic { topic, message } => {
                    deliver_in(&self.bot, staff, thread(*topic), None, message).await
                }
                CaseEffect::CloseTopic(topic) => match thread(*topic) {
                    Some(thread) => retrying(|| self.bot.close_forum_topic(staff, thread).send())
                        .await
                        .map(|_| ()),
                    None => Ok(()),
                },
                _ => Ok(()),
            };
            if let Err(err) = result {
                log::warn!("staff chat: telling staff of an unreachable user: {err}");
            }
        }
    }
}
