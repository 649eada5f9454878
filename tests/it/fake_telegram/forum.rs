//! Forums in the fake Bot API (Bot API 9.x): supergroups with topics
//! enabled, where the bot is an administrator that may manage topics.
//! `createForumTopic`, `editForumTopic`, `closeForumTopic`,
//! `reopenForumTopic`, `deleteForumTopic`, `message_thread_id` on sends,
//! `copyMessage` (text, photos, documents…) and `getChatMember` (members,
//! the bot, users who left, were banned (`kicked`) or are restricted, in
//! the chat or not) answer as Telegram does, with its descriptions for a chat that is no forum, a
//! topic that is missing or deleted ("message thread not found"), a closed
//! one ("TOPIC_CLOSED" for a bot without the right to manage topics), and
//! a change that changes nothing ("TOPIC_NOT_MODIFIED"). Like Telegram, the
//! fake sends no update when staff delete a topic: the bot learns it from
//! the next send.

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

use super::{ApiErr, Book, FakeTelegram, bad, bot_user, int, next_message_id, now, string, user};

/// The icon colours Telegram allows for a topic.
const ICON_COLORS: [i64; 6] = [7_322_096, 16_766_590, 13_338_331, 9_367_192, 16_749_490, 16_478_047];

/// Message fields a copy carries over.
const CONTENT: [&str; 12] = [
    "text",
    "entities",
    "photo",
    "document",
    "audio",
    "voice",
    "video",
    "video_note",
    "sticker",
    "caption",
    "caption_entities",
    "contact",
];

/// Service messages, which Telegram refuses to copy.
const SERVICE: [&str; 5] = [
    "forum_topic_created",
    "forum_topic_edited",
    "forum_topic_closed",
    "forum_topic_reopened",
    "new_chat_members",
];

/// The forums the fake knows, by chat id.
#[derive(Default)]
pub(super) struct Forums {
    chats: HashMap<i64, Forum>,
}

struct Forum {
    members: HashSet<i64>,
    /// Users banned from the chat (`kicked`).
    banned: HashSet<i64>,
    /// Restricted users, and whether each is still in the chat.
    restricted: HashMap<i64, bool>,
    /// The bot is an administrator with `can_manage_topics`.
    bot_manages_topics: bool,
    topics: HashMap<i64, Topic>,
}

/// A forum topic as it stands now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub name: String,
    pub icon_color: i64,
    pub closed: bool,
}

/// The chat object of a forum supergroup.
pub fn forum_chat(chat_id: i64, title: &str) -> Value {
    json!({"id": chat_id, "type": "supergroup", "title": title, "is_forum": true})
}

/// A photo message from `from` in a private chat with the bot, as a user
/// sends a scanned letter.
pub fn photo_message(chat_id: i64, from: Value, caption: Option<&str>) -> Value {
    let id = next_message_id();
    let size = |w: i64, h: i64, n: i64| {
        json!({
            "file_id": format!("AgACAgIAAxkBAAIfakePhoto{id}x{n}"),
            "file_unique_id": format!("AQADfakePhoto{id}x{n}"),
            "file_size": w * h / 4,
            "width": w,
            "height": h
        })
    };
    let mut message = json!({
        "message_id": id,
        "date": now(),
        "chat": super::chat_for(chat_id, "private", Some(&from)),
        "from": from,
        "photo": [size(90, 67, 0), size(320, 240, 1), size(1280, 960, 2)],
    });
    if let Some(caption) = caption {
        message["caption"] = json!(caption);
    }
    message
}

/// A document message from `from` in a private chat with the bot.
pub fn document_message(chat_id: i64, from: Value, file_name: &str, mime_type: &str) -> Value {
    let id = next_message_id();
    json!({
        "message_id": id,
        "date": now(),
        "chat": super::chat_for(chat_id, "private", Some(&from)),
        "from": from,
        "document": {
            "file_id": format!("BQACAgIAAxkBAAIfakeDocument{id}"),
            "file_unique_id": format!("AgADfakeDocument{id}"),
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": 48_213
        }
    })
}

impl FakeTelegram {
    /// Makes `chat_id` a forum supergroup with topics enabled, `members`
    /// in it and the bot as an administrator that may manage topics.
    pub fn make_forum(&self, chat_id: i64, title: &str, members: &[i64]) {
        let mut book = self.shared.book();
        book.chats.insert(chat_id, forum_chat(chat_id, title));
        book.forums.chats.insert(
            chat_id,
            Forum {
                members: members.iter().copied().collect(),
                banned: HashSet::new(),
                restricted: HashMap::new(),
                bot_manages_topics: true,
                topics: HashMap::new(),
            },
        );
    }

    /// Takes the right to manage topics from the bot (or gives it back).
    pub fn set_bot_manages_topics(&self, chat_id: i64, allowed: bool) {
        if let Some(forum) = self.shared.book().forums.chats.get_mut(&chat_id) {
            forum.bot_manages_topics = allowed;
        }
    }

    /// Removes `user_id` from the forum's members.
    pub fn remove_member(&self, chat_id: i64, user_id: i64) {
        if let Some(forum) = self.shared.book().forums.chats.get_mut(&chat_id) {
            forum.members.remove(&user_id);
        }
    }

    /// Bans `user_id` from the forum (Telegram's status `kicked`).
    pub fn ban_member(&self, chat_id: i64, user_id: i64) {
        if let Some(forum) = self.shared.book().forums.chats.get_mut(&chat_id) {
            forum.members.remove(&user_id);
            forum.banned.insert(user_id);
        }
    }

    /// Restricts `user_id` in the forum; `is_member` says whether they are
    /// still in it (Telegram keeps restrictions for users who left).
    pub fn restrict_member(&self, chat_id: i64, user_id: i64, is_member: bool) {
        if let Some(forum) = self.shared.book().forums.chats.get_mut(&chat_id) {
            forum.members.remove(&user_id);
            forum.restricted.insert(user_id, is_member);
        }
    }

    /// A message in a topic posted in the name of the chat `sender_chat`
    /// (a channel, or the group itself for an anonymous admin), through
    /// Telegram's service accounts as `from`.
    pub fn topic_message_as_chat(&self, chat_id: i64, thread_id: i64, sender_chat: Value, text: &str) -> Value {
        let anonymous = sender_chat["id"].as_i64() == Some(chat_id);
        let from = if anonymous {
            json!({"id": 1_087_968_824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"})
        } else {
            json!({"id": 136_817_688, "is_bot": true, "first_name": "Channel", "username": "Channel_Bot"})
        };
        let mut message = self.topic_message(chat_id, thread_id, from, text);
        message["sender_chat"] = sender_chat;
        message
    }

    /// The topic as it stands now; None if it never existed or was deleted.
    pub fn topic(&self, chat_id: i64, thread_id: i64) -> Option<Topic> {
        let book = self.shared.book();
        book.forums.chats.get(&chat_id)?.topics.get(&thread_id).cloned()
    }

    /// Every topic of the forum, by thread id, oldest first.
    pub fn topics(&self, chat_id: i64) -> Vec<(i64, Topic)> {
        let book = self.shared.book();
        let mut topics: Vec<(i64, Topic)> = book
            .forums
            .chats
            .get(&chat_id)
            .map(|forum| forum.topics.iter().map(|(id, t)| (*id, t.clone())).collect())
            .unwrap_or_default();
        topics.sort_by_key(|(id, _)| *id);
        topics
    }

    /// The messages of a topic (the bot's and those pushed), oldest first;
    /// the service message that opened it included.
    pub fn thread_messages(&self, chat_id: i64, thread_id: i64) -> Vec<Value> {
        let book = self.shared.book();
        let mut messages: Vec<Value> = book
            .messages
            .iter()
            .filter(|((chat, _), m)| *chat == chat_id && int(m, "message_thread_id") == Some(thread_id))
            .map(|(_, m)| m.clone())
            .collect();
        messages.sort_by_key(|m| int(m, "message_id"));
        messages
    }

    /// A member of staff deletes the topic in their app: it and its
    /// messages are gone; no update tells the bot.
    pub fn delete_topic_as_staff(&self, chat_id: i64, thread_id: i64) {
        let mut book = self.shared.book();
        book.remove_topic(chat_id, thread_id);
    }

    /// A text message from `from` in a topic of the forum, shaped as
    /// Telegram delivers it: `message_thread_id`, `is_topic_message`, and
    /// the topic's opening service message as `reply_to_message`.
    pub fn topic_message(&self, chat_id: i64, thread_id: i64, from: Value, text: &str) -> Value {
        let book = self.shared.book();
        let mut message = super::text_message(chat_id, "supergroup", from, text);
        message["chat"] = book.chat(chat_id);
        message["message_thread_id"] = json!(thread_id);
        message["is_topic_message"] = json!(true);
        if let Some(opening) = book.messages.get(&(chat_id, thread_id)) {
            message["reply_to_message"] = opening.clone();
        }
        message
    }

    /// The user blocks the bot: every send to their chat is refused with 403.
    pub fn block_bot(&self, chat_id: i64) {
        self.shared.book().blocked.insert(chat_id);
    }
}

impl Book {
    /// Performs a forum method; None if `method` is none of them.
    pub(super) fn perform_forum(&mut self, method: &str, params: &Value) -> Option<Result<Value, ApiErr>> {
        Some(match method {
            "createforumtopic" => self.create_forum_topic(params),
            "editforumtopic" => self.edit_forum_topic(params),
            "closeforumtopic" => self.set_topic_closed(params, true),
            "reopenforumtopic" => self.set_topic_closed(params, false),
            "deleteforumtopic" => self.delete_forum_topic(params),
            "copymessage" => self.copy_message(params),
            "getchatmember" => self.get_chat_member(params),
            _ => return None,
        })
    }

    /// Refuses a send to a user who blocked the bot, as Telegram does.
    pub(super) fn check_not_blocked(&self, chat: i64) -> Result<(), ApiErr> {
        if self.blocked.contains(&chat) {
            return Err(ApiErr {
                code: 403,
                description: "Forbidden: bot was blocked by the user".to_owned(),
            });
        }
        Ok(())
    }

    /// The topic a send goes to (`message_thread_id`), or Telegram's
    /// refusal: no such topic in the chat, or a closed one the bot may not
    /// write in.
    pub(super) fn send_thread(&self, chat: i64, params: &Value) -> Result<Option<i64>, ApiErr> {
        let Some(thread) = int(params, "message_thread_id") else {
            return Ok(None);
        };
        let forum = self.forums.chats.get(&chat);
        let Some(topic) = forum.and_then(|f| f.topics.get(&thread)) else {
            return Err(bad("message thread not found"));
        };
        if topic.closed && !forum.is_some_and(|f| f.bot_manages_topics) {
            return Err(bad("TOPIC_CLOSED"));
        }
        Ok(Some(thread))
    }

    /// Marks a message the bot sends as belonging to `thread`.
    pub(super) fn in_thread(message: &mut Value, thread: Option<i64>) {
        if let Some(thread) = thread {
            message["message_thread_id"] = json!(thread);
            message["is_topic_message"] = json!(true);
        }
    }

    fn forum_of(&mut self, params: &Value) -> Result<(i64, &mut Forum), ApiErr> {
        let chat = super::chat_id(params)?;
        let forum = self
            .forums
            .chats
            .get_mut(&chat)
            .ok_or_else(|| bad("the chat is not a forum"))?;
        if !forum.bot_manages_topics {
            return Err(bad("not enough rights to manage topics"));
        }
        Ok((chat, forum))
    }

    fn topic_of(&mut self, params: &Value) -> Result<(i64, i64, &mut Topic), ApiErr> {
        let thread = int(params, "message_thread_id").ok_or_else(|| bad("message thread not found"))?;
        let (chat, forum) = self.forum_of(params)?;
        let topic = forum
            .topics
            .get_mut(&thread)
            .ok_or_else(|| bad("message thread not found"))?;
        Ok((chat, thread, topic))
    }

    /// Posts a service message of the bot into a topic.
    fn service(&mut self, chat: i64, thread: i64, id: i64, field: &str, content: Value) {
        let mut message = json!({
            "message_id": id,
            "date": now(),
            "chat": self.chat(chat),
            "from": bot_user(),
        });
        message[field] = content;
        Self::in_thread(&mut message, Some(thread));
        self.messages.insert((chat, id), message);
    }

    fn create_forum_topic(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let name = string(params, "name").unwrap_or("").to_owned();
        let icon_color = int(params, "icon_color").unwrap_or(ICON_COLORS[0]);
        let (chat, forum) = self.forum_of(params)?;
        if !(1..=128).contains(&name.chars().count()) {
            return Err(bad("TOPIC_NAME_INVALID"));
        }
        if !ICON_COLORS.contains(&icon_color) {
            return Err(bad("TOPIC_ICON_COLOR_INVALID"));
        }
        // The topic's id is the id of the service message that opens it.
        let thread = next_message_id();
        forum.topics.insert(
            thread,
            Topic {
                name: name.clone(),
                icon_color,
                closed: false,
            },
        );
        let created = json!({"name": name, "icon_color": icon_color});
        self.service(chat, thread, thread, "forum_topic_created", created);
        Ok(json!({"message_thread_id": thread, "name": name, "icon_color": icon_color}))
    }

    fn edit_forum_topic(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let name = string(params, "name").map(str::to_owned);
        let (chat, thread, topic) = self.topic_of(params)?;
        let Some(name) = name.filter(|n| *n != topic.name) else {
            return Err(bad("TOPIC_NOT_MODIFIED"));
        };
        if !(1..=128).contains(&name.chars().count()) {
            return Err(bad("TOPIC_NAME_INVALID"));
        }
        topic.name = name.clone();
        self.service(
            chat,
            thread,
            next_message_id(),
            "forum_topic_edited",
            json!({"name": name}),
        );
        Ok(json!(true))
    }

    fn set_topic_closed(&mut self, params: &Value, closed: bool) -> Result<Value, ApiErr> {
        let (chat, thread, topic) = self.topic_of(params)?;
        if topic.closed == closed {
            return Err(bad("TOPIC_NOT_MODIFIED"));
        }
        topic.closed = closed;
        let field = if closed {
            "forum_topic_closed"
        } else {
            "forum_topic_reopened"
        };
        self.service(chat, thread, next_message_id(), field, json!({}));
        Ok(json!(true))
    }

    fn delete_forum_topic(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let (chat, thread, _) = self.topic_of(params)?;
        self.remove_topic(chat, thread);
        Ok(json!(true))
    }

    fn remove_topic(&mut self, chat: i64, thread: i64) {
        if let Some(forum) = self.forums.chats.get_mut(&chat) {
            forum.topics.remove(&thread);
        }
        self.messages
            .retain(|(c, _), m| *c != chat || int(m, "message_thread_id") != Some(thread));
    }

    fn copy_message(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let chat = super::chat_id(params)?;
        let from_chat = int(params, "from_chat_id").ok_or_else(|| bad("chat not found"))?;
        let id = int(params, "message_id").ok_or_else(|| bad("message to copy not found"))?;
        self.check_not_blocked(chat)?;
        let source = self
            .messages
            .get(&(from_chat, id))
            .cloned()
            .ok_or_else(|| bad("message to copy not found"))?;
        if SERVICE.iter().any(|field| source.get(*field).is_some()) {
            return Err(bad("message can't be copied"));
        }
        let thread = self.send_thread(chat, params)?;
        let markup = super::inline_markup(params.get("reply_markup"))?;
        let mut message = self.new_message(chat);
        for field in CONTENT {
            if let Some(value) = source.get(field) {
                message[field] = value.clone();
            }
        }
        let media = source.get("text").is_none();
        if media && params.get("caption").is_some() {
            let (caption, entities) = super::formatted(params, "caption")?;
            message["caption"] = json!(caption);
            message.as_object_mut().expect("an object").remove("caption_entities");
            if !entities.is_empty() {
                message["caption_entities"] = Value::Array(entities);
            }
        }
        if let Some(markup) = markup {
            message["reply_markup"] = markup;
        }
        Self::in_thread(&mut message, thread);
        let new_id = message["message_id"].clone();
        if let Some(text) = message.get("text").and_then(Value::as_str) {
            self.texts.push((chat, text.to_owned()));
        }
        self.store_sent(chat, &message);
        Ok(json!({ "message_id": new_id }))
    }

    fn get_chat_member(&mut self, params: &Value) -> Result<Value, ApiErr> {
        let chat = super::chat_id(params)?;
        let user_id = int(params, "user_id").ok_or_else(|| bad("user not found"))?;
        let forum = self.forums.chats.get(&chat).ok_or_else(|| bad("chat not found"))?;
        if user_id == super::BOT_ID {
            return Ok(json!({
                "user": bot_user(),
                "status": "administrator",
                "can_be_edited": false,
                "is_anonymous": false,
                "can_manage_chat": true,
                "can_delete_messages": true,
                "can_manage_video_chats": false,
                "can_restrict_members": false,
                "can_promote_members": false,
                "can_change_info": false,
                "can_invite_users": true,
                "can_pin_messages": true,
                "can_manage_topics": forum.bot_manages_topics,
                "can_post_stories": false,
                "can_edit_stories": false,
                "can_delete_stories": false
            }));
        }
        let member = user(user_id, None);
        if forum.banned.contains(&user_id) {
            return Ok(json!({"user": member, "status": "kicked", "until_date": 0}));
        }
        if let Some(is_member) = forum.restricted.get(&user_id) {
            return Ok(json!({
                "user": member,
                "status": "restricted",
                "is_member": is_member,
                "until_date": 0,
                "can_send_messages": false,
                "can_send_audios": false,
                "can_send_documents": false,
                "can_send_photos": false,
                "can_send_videos": false,
                "can_send_video_notes": false,
                "can_send_voice_notes": false,
                "can_send_polls": false,
                "can_send_other_messages": false,
                "can_add_web_page_previews": false,
                "can_change_info": false,
                "can_invite_users": false,
                "can_pin_messages": false,
                "can_manage_topics": false
            }));
        }
        let status = if forum.members.contains(&user_id) {
            "member"
        } else {
            "left"
        };
        Ok(json!({"user": member, "status": status}))
    }
}

#[cfg(test)]
mod tests {
    use teloxide::prelude::*;
    use teloxide::types::{ChatMemberKind, MessageId, ParseMode, Rgb, ThreadId};
    use teloxide::{ApiError, RequestError};

    use super::super::{message_update, text_message};
    use super::*;

    const STAFF: i64 = -1_000_000_000_777;
    const COUNSELLOR: i64 = 501;
    const ASKER: i64 = 77;

    fn bot(fake: &FakeTelegram) -> Bot {
        Bot::new("123:abc").set_api_url(fake.url().parse().unwrap())
    }

    fn block_on<F: IntoFuture>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(future.into_future())
    }

    fn description(result: Result<impl std::fmt::Debug, RequestError>) -> String {
        match result {
            // teloxide keeps descriptions it has no variant for verbatim.
            Err(RequestError::Api(ApiError::Unknown(description))) => description,
            Err(RequestError::Api(e)) => e.to_string(),
            other => panic!("expected an API error, got {other:?}"),
        }
    }

    fn thread(id: i64) -> ThreadId {
        ThreadId(MessageId(id as i32))
    }

    #[test]
    fn topics_are_created_named_closed_and_deleted_as_telegram_does() {
        let fake = FakeTelegram::start();
        fake.make_forum(STAFF, "Lotse staff", &[COUNSELLOR]);
        let bot = bot(&fake);
        block_on(async {
            let topic = bot
                .create_forum_topic(ChatId(STAFF), "#12 · ar · Anerkennung")
                .icon_color(Rgb::from_u32(9_367_192))
                .await
                .unwrap();
            assert_eq!(topic.name, "#12 · ar · Anerkennung");
            let id = topic.thread_id;
            let opening = fake
                .message(STAFF, i64::from(id.0.0))
                .expect("an opening service message");
            assert_eq!(opening["forum_topic_created"]["name"], "#12 · ar · Anerkennung");

            let card = bot
                .send_message(ChatId(STAFF), "<b>Fall #12</b>")
                .parse_mode(ParseMode::Html)
                .message_thread_id(id)
                .await
                .unwrap();
            assert_eq!(card.thread_id, Some(id));
            assert!(card.is_topic_message);

            let e = description(
                bot.edit_forum_topic(ChatId(STAFF), id)
                    .name("#12 · ar · Anerkennung")
                    .await,
            );
            assert_eq!(e, "Bad Request: TOPIC_NOT_MODIFIED");
            bot.edit_forum_topic(ChatId(STAFF), id)
                .name("#12 · ar · erledigt")
                .await
                .unwrap();
            assert_eq!(
                fake.topic(STAFF, i64::from(id.0.0)).unwrap().name,
                "#12 · ar · erledigt"
            );

            bot.close_forum_topic(ChatId(STAFF), id).await.unwrap();
            let e = description(bot.close_forum_topic(ChatId(STAFF), id).await);
            assert_eq!(e, "Bad Request: TOPIC_NOT_MODIFIED");
            // An administrator that manages topics may still write in it…
            bot.send_message(ChatId(STAFF), "closed note")
                .message_thread_id(id)
                .await
                .unwrap();
            // …a bot without that right may not.
            fake.set_bot_manages_topics(STAFF, false);
            let e = description(bot.send_message(ChatId(STAFF), "x").message_thread_id(id).await);
            assert_eq!(e, "Bad Request: TOPIC_CLOSED");
            let e = description(bot.reopen_forum_topic(ChatId(STAFF), id).await);
            assert_eq!(e, "Bad Request: not enough rights to manage topics");
            fake.set_bot_manages_topics(STAFF, true);
            bot.reopen_forum_topic(ChatId(STAFF), id).await.unwrap();

            bot.delete_forum_topic(ChatId(STAFF), id).await.unwrap();
            assert!(fake.topic(STAFF, i64::from(id.0.0)).is_none());
            assert!(fake.thread_messages(STAFF, i64::from(id.0.0)).is_empty());
            let e = description(bot.send_message(ChatId(STAFF), "x").message_thread_id(id).await);
            assert_eq!(e, "Bad Request: message thread not found");
            let e = description(bot.delete_forum_topic(ChatId(STAFF), id).await);
            assert_eq!(e, "Bad Request: message thread not found");

            // Not a forum; a name out of bounds.
            let e = description(bot.create_forum_topic(ChatId(-1_000_000_000_001), "x").await);
            assert_eq!(e, "Bad Request: the chat is not a forum");
            let e = description(bot.create_forum_topic(ChatId(STAFF), "x".repeat(129)).await);
            assert_eq!(e, "Bad Request: TOPIC_NAME_INVALID");
        });
    }

    #[test]
    fn messages_are_copied_both_ways_with_their_media() {
        let fake = FakeTelegram::start();
        fake.make_forum(STAFF, "Lotse staff", &[COUNSELLOR]);
        let bot = bot(&fake);
        let letter = photo_message(ASKER, user(ASKER, Some("ar")), Some("رسالة من الدائرة"));
        let letter_id = letter["message_id"].as_i64().unwrap();
        fake.push_update(message_update(letter));
        let pdf = document_message(ASKER, user(ASKER, Some("ar")), "Bescheid.pdf", "application/pdf");
        let pdf_id = pdf["message_id"].as_i64().unwrap();
        fake.push_update(message_update(pdf));
        block_on(async {
            let topic = bot.create_forum_topic(ChatId(STAFF), "#13 · ar").await.unwrap();
            let id = topic.thread_id;
            let copied = bot
                .copy_message(ChatId(STAFF), ChatId(ASKER), MessageId(letter_id as i32))
                .message_thread_id(id)
                .await
                .unwrap();
            let copy = fake.message(STAFF, i64::from(copied.0)).unwrap();
            assert_eq!(copy["photo"].as_array().unwrap().len(), 3);
            assert_eq!(copy["caption"], "رسالة من الدائرة");
            assert_eq!(copy["message_thread_id"], i64::from(id.0.0));
            bot.copy_message(ChatId(STAFF), ChatId(ASKER), MessageId(pdf_id as i32))
                .message_thread_id(id)
                .caption("Bescheid")
                .await
                .unwrap();

            // A counsellor's answer in the topic goes back to the asker.
            let answer = fake.topic_message(STAFF, i64::from(id.0.0), user(COUNSELLOR, Some("de")), "Hallo!");
            assert_eq!(answer["reply_to_message"]["forum_topic_created"]["name"], "#13 · ar");
            let answer_id = answer["message_id"].as_i64().unwrap();
            fake.push_update(message_update(answer));
            bot.copy_message(ChatId(ASKER), ChatId(STAFF), MessageId(answer_id as i32))
                .await
                .unwrap();
            assert_eq!(fake.sent_texts(ASKER), ["Hallo!"]);
            // The opening service message, two copies in and the answer; the
            // copy out is in the asker's chat.
            assert_eq!(fake.thread_messages(STAFF, i64::from(id.0.0)).len(), 4);

            let e = description(bot.copy_message(ChatId(ASKER), ChatId(STAFF), MessageId(id.0.0)).await);
            assert_eq!(e, "Bad Request: message can't be copied");
            let e = description(
                bot.copy_message(ChatId(ASKER), ChatId(STAFF), MessageId(1_999_999_999))
                    .await,
            );
            assert_eq!(e, "Bad Request: message to copy not found");

            fake.block_bot(ASKER);
            let e = bot
                .copy_message(ChatId(ASKER), ChatId(STAFF), MessageId(answer_id as i32))
                .await;
            assert!(matches!(e, Err(RequestError::Api(ApiError::BotBlocked))), "{e:?}");
            let e = bot.send_message(ChatId(ASKER), "x").await;
            assert!(matches!(e, Err(RequestError::Api(ApiError::BotBlocked))), "{e:?}");
        });
    }

    #[test]
    fn membership_tells_staff_from_strangers() {
        let fake = FakeTelegram::start();
        fake.make_forum(STAFF, "Lotse staff", &[COUNSELLOR]);
        let bot = bot(&fake);
        block_on(async {
            let member = bot
                .get_chat_member(ChatId(STAFF), UserId(COUNSELLOR as u64))
                .await
                .unwrap();
            assert!(matches!(member.kind, ChatMemberKind::Member(_)), "{member:?}");
            let stranger = bot.get_chat_member(ChatId(STAFF), UserId(999)).await.unwrap();
            assert!(matches!(stranger.kind, ChatMemberKind::Left), "{stranger:?}");
            let me = bot
                .get_chat_member(ChatId(STAFF), UserId(super::super::BOT_ID as u64))
                .await
                .unwrap();
            assert!(
                matches!(&me.kind, ChatMemberKind::Administrator(a) if a.can_manage_topics),
                "{me:?}"
            );
            fake.remove_member(STAFF, COUNSELLOR);
            let gone = bot
                .get_chat_member(ChatId(STAFF), UserId(COUNSELLOR as u64))
                .await
                .unwrap();
            assert!(matches!(gone.kind, ChatMemberKind::Left));
            fake.ban_member(STAFF, 601);
            let banned = bot.get_chat_member(ChatId(STAFF), UserId(601)).await.unwrap();
            assert!(matches!(banned.kind, ChatMemberKind::Banned(_)), "{banned:?}");
            fake.restrict_member(STAFF, 602, true);
            fake.restrict_member(STAFF, 603, false);
            let muted = bot.get_chat_member(ChatId(STAFF), UserId(602)).await.unwrap();
            assert!(matches!(muted.kind, ChatMemberKind::Restricted(_)) && muted.kind.is_present());
            let outside = bot.get_chat_member(ChatId(STAFF), UserId(603)).await.unwrap();
            assert!(matches!(outside.kind, ChatMemberKind::Restricted(_)) && !outside.kind.is_present());
        });
        // A user's text in the staff chat's General topic has no thread.
        let general = text_message(STAFF, "supergroup", user(COUNSELLOR, None), "hi");
        assert!(general.get("message_thread_id").is_none());
    }
}
