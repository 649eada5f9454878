//! The handover to a counsellor, end to end: the real `lotse serve`
//! against the fake Bot API with a forum as the staff chat, and the core
//! alone for what needs a clock (`/cases` flagging a case unanswered too
//! long).

use std::process::Child;
use std::sync::Arc;
use std::time::Duration;

use lotse::assistant::{
    Assistant, CaseEffect, Channel, Door, Effect, Event, Input, MemoryStorage, NewCase, Reach, Storage,
};
use lotse::i18n::Catalog;
use lotse::lang::Lang;
use serde_json::Value;

use crate::fake_telegram::{
    Call, FakeTelegram, callback_update, document_message, message_update, photo_message, text_message, user,
};
use crate::telegram::{WAIT, button, spawn_bot, text_of};
use crate::util::{actor, library};

/// The core with the shipped knowledge, a handover and `storage`.
fn assistant(storage: Arc<MemoryStorage>) -> Assistant {
    let copy = lotse::search::Library::new(library().knowledge().clone(), &lotse::index::Location::Memory).unwrap();
    Assistant::new(Arc::new(copy), storage).with_handover(Default::default())
}

/// The staff chat: a forum supergroup.
const STAFF: i64 = -1_001_234_567_890;
const COUNSELLOR: i64 = 5_010_203;
/// Users with ids long enough to be told apart from any other number in
/// the database.
const ASKER: i64 = 7_700_123_456;
const OTHER: i64 = 7_700_654_321;
/// Office hours around the clock, so the automatic reply says "now".
const CONFIG: &str = "[handover]\noffice_days = [1, 2, 3, 4, 5, 6, 7]\noffice_opens = 0\noffice_closes = 24\n";

/// A running bot, its fake Telegram and its data folder.
struct Harness {
    fake: FakeTelegram,
    bot: Child,
    data: tempfile::TempDir,
    catalog: Catalog,
}

impl Harness {
    /// Starts `lotse serve`, with the forum `STAFF` as its staff chat when
    /// `staff` is true.
    fn start(staff: bool) -> Harness {
        Harness::start_with(staff, &[])
    }

    /// [`Harness::start`] with more arguments for `lotse serve`.
    fn start_with(staff: bool, args: &[&str]) -> Harness {
        let fake = FakeTelegram::start();
        fake.make_forum(STAFF, "Lotse Beratung", &[COUNSELLOR]);
        let data = tempfile::tempdir().unwrap();
        std::fs::write(data.path().join("lotse.toml"), CONFIG).unwrap();
        let staff_chat = STAFF.to_string();
        let envs: Vec<(&str, &str)> = if staff {
            vec![("LOTSE_STAFF_CHAT", staff_chat.as_str())]
        } else {
            Vec::new()
        };
        let bot = spawn_bot(&fake, data.path(), args, &envs);
        let harness = Harness {
            fake,
            bot,
            data,
            catalog: Catalog::new(),
        };
        assert!(
            harness
                .fake
                .wait_until(|calls| calls.iter().any(|c| c.method == "getupdates"), WAIT),
            "the bot never polled; log:\n{}",
            harness.log()
        );
        harness
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.data.path().join("stderr.log")).unwrap_or_default()
    }

    fn ok_calls(&self, method: &str) -> Vec<Call> {
        self.fake.calls_to(method).into_iter().filter(|c| c.ok).collect()
    }

    /// The successful calls of `method` to `chat` (any chat for `None`).
    fn ok_calls_in(&self, method: &str, chat: Option<i64>) -> Vec<Call> {
        self.ok_calls(method)
            .into_iter()
            .filter(|c| chat.is_none_or(|chat| c.params["chat_id"] == chat))
            .collect()
    }

    /// Pushes an update and waits for `n` more successful calls of
    /// `method`; returns them.
    fn push_and_wait(&self, update: Value, method: &str, n: usize) -> Vec<Call> {
        self.push_and_wait_in(update, method, None, n)
    }

    /// [`Harness::push_and_wait`] counting only the calls to `chat`: the
    /// answers to other chats may come in any order.
    fn push_and_wait_in(&self, update: Value, method: &str, chat: Option<i64>, n: usize) -> Vec<Call> {
        let before = self.ok_calls_in(method, chat).len();
        self.fake.push_update(update);
        let arrived = self
            .fake
            .wait_until(|_| self.ok_calls_in(method, chat).len() >= before + n, WAIT);
        assert!(
            arrived,
            "no {method} after the update; calls: {:#?}\nlog:\n{}",
            self.fake.calls(),
            self.log()
        );
        self.ok_calls_in(method, chat)[before..].to_vec()
    }

    /// A private text from `id` (in Arabic, as their client says); waits
    /// for `n` calls of `method`, to `id`'s chat where it is a message.
    fn say(&self, id: i64, text: &str, method: &str, n: usize) -> Vec<Call> {
        let chat = method.ends_with("Message").then_some(id);
        self.push_and_wait_in(
            message_update(text_message(id, "private", user(id, Some("ar")), text)),
            method,
            chat,
            n,
        )
    }

    /// Presses the button labelled `label` of the message `call` sent.
    fn press(&self, id: i64, call: &Call, label: &str, method: &str) -> Vec<Call> {
        let data = button(call, label);
        let message = self.sent(call);
        let chat = (method == "sendMessage").then_some(id);
        self.push_and_wait_in(
            callback_update(&format!("cb-{}", rand_id()), user(id, Some("ar")), message, &data),
            method,
            chat,
            1,
        )
    }

    /// The message the fake keeps for the sending call.
    fn sent(&self, call: &Call) -> Value {
        let chat = call.params["chat_id"].as_i64().expect("a chat id");
        let id = call.response["result"]["message_id"].as_i64().expect("a sent message");
        self.fake.message(chat, id).expect("the fake keeps it")
    }

    /// Opens a case for `id` through `/counsellor` and the consent
    /// screen; returns the topic's thread id and the topic's name.
    fn open_case(&self, id: i64) -> (i64, String) {
        let consent = self.say(id, "/counsellor", "sendMessage", 1);
        self.press(id, &consent[0], "✅", "createForumTopic");
        let created = self.ok_calls("createForumTopic").pop().unwrap();
        let thread = created.response["result"]["message_thread_id"].as_i64().unwrap();
        // The card is posted after the topic is made.
        assert!(
            self.fake
                .wait_until(|_| self.fake.thread_messages(STAFF, thread).len() >= 2, WAIT)
        );
        (thread, created.params["name"].as_str().unwrap().to_string())
    }

    /// Everything the bot sent into the staff topic, as text.
    fn topic_texts(&self, thread: i64) -> Vec<String> {
        self.fake
            .thread_messages(STAFF, thread)
            .iter()
            .filter_map(|m| m["text"].as_str().or(m["caption"].as_str()).map(str::to_string))
            .collect()
    }

    /// The texts a private chat got, without bidi isolates.
    fn texts_of(&self, chat: i64) -> Vec<String> {
        self.fake
            .sent_texts(chat)
            .iter()
            .map(|t| t.chars().filter(|c| !('\u{2066}'..='\u{2069}').contains(c)).collect())
            .collect()
    }

    /// The database's files as bytes (the file and its write-ahead log).
    fn database_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        for name in ["lotse.db", "lotse.db-wal"] {
            if let Ok(content) = std::fs::read(self.data.path().join(name)) {
                bytes.extend(content);
            }
        }
        bytes
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        let _ = self.bot.kill();
        let _ = self.bot.wait();
    }
}

fn rand_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn staff_update(thread: Option<i64>, fake: &FakeTelegram, text: &str) -> Value {
    let message = match thread {
        Some(thread) => fake.topic_message(STAFF, thread, user(COUNSELLOR, Some("de")), text),
        None => text_message(STAFF, "supergroup", user(COUNSELLOR, Some("de")), text),
    };
    message_update(message)
}

/// Regression guard: a feature for a staff chat that is not there must
/// not show itself. Without `LOTSE_STAFF_CHAT`, no menu entry, no button,
/// no paragraph in /privacy, and `/counsellor` is an unknown command.
#[test]
fn without_a_staff_chat_nothing_mentions_the_handover() {
    let h = Harness::start(false);
    let menu = h.fake.commands().expect("a command menu");
    assert!(!menu.to_string().contains("counsellor"), "{menu}");
    let privacy = text_of(&h.say(ASKER, "/privacy", "sendMessage", 1)[0]);
    assert!(!privacy.contains("/counsellor"), "{privacy}");
    let none = h.say(ASKER, "qqqzx blorfx", "sendMessage", 1);
    let label = h.catalog.text(Lang::Ar, "button-counsellor");
    assert!(!none[0].params.to_string().contains(&label), "{}", none[0].params);
    let unknown = text_of(&h.say(ASKER, "/counsellor", "sendMessage", 1)[0]);
    assert_eq!(unknown, h.catalog.text(Lang::Ar, "unknown-command"));
    assert!(h.fake.topics(STAFF).is_empty());
}

/// A whole case: the button under a question Lotse cannot answer, the
/// consent screen (nothing sent before the ✅), a topic named without
/// ids, the case card with the searches, the user's text and photo
/// copied in, a counsellor's answer copied out and marked, `/note`
/// internal, `/cases`, `/close`, and the user's text searched again. The
/// database holds no clear chat id and no relayed text; staff messages
/// are never searched.
#[test]
fn a_case_from_consent_to_close() {
    let h = Harness::start(true);
    let menu = h.fake.commands().expect("a command menu");
    assert!(menu.to_string().contains("counsellor"), "{menu}");
    let privacy = text_of(&h.say(ASKER, "/privacy", "sendMessage", 1)[0]);
    let paragraph = h
        .catalog
        .format(Lang::Ar, "privacy-handover", &[("days", lotse::i18n::Arg::Number(90))]);
    assert!(
        privacy.contains(&paragraph),
        "/privacy explains the handover: {privacy}"
    );

    h.say(ASKER, "Anerkennung", "sendMessage", 1);
    let none = h.say(ASKER, "qqqzx blorfx", "sendMessage", 1);
    let consent = h.press(ASKER, &none[0], "💬", "sendMessage");
    let consent_text = text_of(&consent[0]);
    assert!(consent_text.contains(&h.catalog.text(Lang::Ar, "handover-consent-title")));
    assert!(consent_text.contains(&h.catalog.text(Lang::Ar, "handover-consent-emergency")));
    assert!(button(&consent[0], "✅").starts_with("hc:1:"));
    // Consent first: nothing has reached the staff chat.
    std::thread::sleep(Duration::from_millis(300));
    assert!(h.fake.calls_to("createForumTopic").is_empty());
    assert!(h.fake.calls_to("copyMessage").is_empty());

    h.press(ASKER, &consent[0], "✅", "createForumTopic");
    let created = h.ok_calls("createForumTopic").pop().unwrap();
    let name = created.params["name"].as_str().unwrap().to_string();
    let thread = created.response["result"]["message_thread_id"].as_i64().unwrap();
    assert!(name.starts_with('#') && name.contains(" · ar · "), "{name}");
    for private in [&ASKER.to_string(), "Test", "User", &format!("user{ASKER}")] {
        assert!(!name.contains(private), "the topic name {name:?} names the user");
    }
    assert!(h.fake.wait_until(|_| !h.topic_texts(thread).is_empty(), WAIT));
    let card = h.topic_texts(thread).join("\n");
    assert!(card.contains("Arabisch (ar)"), "{card}");
    assert!(card.contains("qqqzx blorfx"), "the question: {card}");
    assert!(card.contains("Anerkennung"), "the searches: {card}");
    assert!(!card.contains(&ASKER.to_string()), "{card}");

    // The user's text and a photo of a letter go into the topic.
    let question = "Mein Diplom aus Damaskus wird nicht anerkannt";
    let received = h.say(ASKER, question, "sendMessage", 1);
    assert!(text_of(&received[0]).contains(&h.catalog.text(Lang::Ar, "handover-received")));
    assert!(
        h.fake
            .wait_until(|_| h.topic_texts(thread).iter().any(|t| t == question), WAIT)
    );
    let letter = photo_message(ASKER, user(ASKER, Some("ar")), Some("Bescheid"));
    h.push_and_wait(message_update(letter), "copyMessage", 1);
    let pdf = document_message(ASKER, user(ASKER, Some("ar")), "Bescheid.pdf", "application/pdf");
    h.push_and_wait(message_update(pdf), "copyMessage", 1);
    let in_topic = h.fake.thread_messages(STAFF, thread);
    assert!(in_topic.iter().any(|m| m["photo"].is_array()), "{in_topic:#?}");
    assert!(in_topic.iter().any(|m| m["document"]["file_name"] == "Bescheid.pdf"));

    // A counsellor answers in the topic: marked, in Arabic, then the copy.
    let answer = "Bitte senden Sie uns das Zeugnis.";
    h.push_and_wait(staff_update(Some(thread), &h.fake, answer), "copyMessage", 1);
    let texts = h.texts_of(ASKER);
    let marked = texts
        .iter()
        .position(|t| t.starts_with("💬") && t.contains(&name[1..6]))
        .expect("the counsellor's header");
    assert_eq!(texts[marked + 1], answer, "{texts:#?}");

    // A reply to the user's message in the topic answers that message in
    // the user's chat (the stored pair of ids).
    let copied = h
        .fake
        .thread_messages(STAFF, thread)
        .into_iter()
        .find(|m| m["text"] == question)
        .unwrap();
    let original = h
        .ok_calls("copyMessage")
        .into_iter()
        .find(|c| c.params["chat_id"] == STAFF && c.response["result"]["message_id"] == copied["message_id"])
        .map(|c| c.params["message_id"].clone())
        .unwrap();
    let mut reply = h
        .fake
        .topic_message(STAFF, thread, user(COUNSELLOR, Some("de")), "Zu Ihrer Frage:");
    reply["reply_to_message"] = copied;
    let out = h.push_and_wait(message_update(reply), "copyMessage", 1);
    assert_eq!(
        out[0].params["reply_parameters"]["message_id"], original,
        "{}",
        out[0].params
    );

    // A counsellor's photo (a filled-in form) goes out too.
    let mut form = h.fake.topic_message(STAFF, thread, user(COUNSELLOR, Some("de")), "x");
    let fields = form.as_object_mut().unwrap();
    fields.remove("text");
    fields.remove("entities");
    form["photo"] =
        serde_json::json!([{"file_id": "AgACformular", "file_unique_id": "formular", "width": 800, "height": 600}]);
    form["caption"] = serde_json::json!("Formular");
    let out = h.push_and_wait(message_update(form), "copyMessage", 1);
    let copy = h
        .fake
        .message(ASKER, out[0].response["result"]["message_id"].as_i64().unwrap())
        .expect("the copy in the user's chat");
    assert!(copy["photo"].is_array() && copy["caption"] == "Formular", "{copy}");

    // A note stays internal; staff chatter is never searched.
    h.fake
        .push_update(staff_update(Some(thread), &h.fake, "/note Kollegin fragen"));
    h.fake.push_update(staff_update(None, &h.fake, "Anerkennung"));
    let cases = h.push_and_wait_in(staff_update(None, &h.fake, "/cases"), "sendMessage", Some(STAFF), 1);
    let list = text_of(&cases[0]);
    assert_eq!(cases[0].params["chat_id"], STAFF);
    assert!(list.contains(&name[..6]) && list.contains("Arabisch"), "{list}");
    assert_eq!(
        h.ok_calls("sendMessage")
            .iter()
            .filter(|c| c.params["chat_id"] == STAFF && c.params.get("message_thread_id").is_none())
            .count(),
        1,
        "only /cases was answered in the staff chat"
    );
    assert!(!h.texts_of(ASKER).iter().any(|t| t.contains("Kollegin")));

    // /close: the user is told, the topic closed, and Lotse answers again.
    h.push_and_wait(staff_update(Some(thread), &h.fake, "/close"), "closeForumTopic", 1);
    assert!(h.fake.topic(STAFF, thread).unwrap().closed);
    assert!(
        h.fake.wait_until(
            |_| h
                .texts_of(ASKER)
                .last()
                .is_some_and(|t| t.contains(&name[1..6]) && !t.starts_with("💬")),
            WAIT
        ),
        "{:#?}",
        h.texts_of(ASKER)
    );
    let copies = h.ok_calls("copyMessage").len();
    let searched = h.say(ASKER, "Anerkennung", "sendMessage", 1);
    assert!(!text_of(&searched[0]).contains(&h.catalog.text(Lang::Ar, "handover-received")));
    assert_eq!(h.ok_calls("copyMessage").len(), copies, "no longer relayed");

    // The database: no clear chat id, no relayed text.
    let db = h.database_bytes();
    assert!(!db.is_empty());
    assert!(
        !contains(&db, &ASKER.to_string()),
        "a clear Telegram id in the database"
    );
    assert!(!contains(&db, question), "a relayed text in the database");
    assert!(!contains(&db, answer), "a counsellor's text in the database");
    let log = h.log();
    for private in [ASKER.to_string().as_str(), question, answer] {
        assert!(!log.contains(private), "{private:?} in the log:\n{log}");
    }
}

/// A topic deleted by staff is opened again with the card on the next
/// message; `/forget` deletes the user's topics; a user who blocked
/// Lotse has their case closed and staff are told; a second user gets a
/// case of their own.
#[test]
fn topics_come_back_go_with_forget_and_a_blocked_user_closes_the_case() {
    let h = Harness::start(true);
    let (first, _) = h.open_case(ASKER);
    h.fake.delete_topic_as_staff(STAFF, first);
    h.say(ASKER, "Noch eine Frage", "createForumTopic", 1);
    let again = h.ok_calls("createForumTopic").pop().unwrap();
    let second = again.response["result"]["message_thread_id"].as_i64().unwrap();
    assert_ne!(first, second);
    assert!(
        h.fake
            .wait_until(|_| h.topic_texts(second).iter().any(|t| t == "Noch eine Frage"), WAIT)
    );
    let card = h.topic_texts(second).join("\n");
    assert!(card.contains(&h.catalog.text(Lang::De, "staff-topic-again")), "{card}");

    // Another user's case is a topic of its own.
    let (other, _) = h.open_case(OTHER);
    assert_ne!(other, second);

    // /forget deletes the asker's topics.
    let confirm = h.say(ASKER, "/forget", "sendMessage", 1);
    h.press(
        ASKER,
        &confirm[0],
        &h.catalog.text(Lang::Ar, "button-forget-yes"),
        "deleteForumTopic",
    );
    assert!(h.fake.topic(STAFF, second).is_none());
    assert!(h.fake.topic(STAFF, other).is_some());

    // The other user blocks Lotse; a counsellor's answer closes the case.
    h.fake.block_bot(OTHER);
    h.push_and_wait(staff_update(Some(other), &h.fake, "Hallo?"), "closeForumTopic", 1);
    let told = h.topic_texts(other).join("\n");
    assert!(
        told.contains(&h.catalog.text(Lang::De, "staff-user-unreachable")),
        "{told}"
    );
    assert!(h.log().contains("cannot be reached"), "{}", h.log());

    // A third user blocks Lotse while their case is open: Telegram says
    // so (my_chat_member), and the case closes at once.
    const THIRD: i64 = 7_700_999_999;
    let (third, _) = h.open_case(THIRD);
    let bot = serde_json::json!({"id": 42, "is_bot": true, "first_name": "Lotse", "username": "LotseBot"});
    let blocked = serde_json::json!({"my_chat_member": {
        "chat": {"id": THIRD, "type": "private", "first_name": "Test"},
        "from": user(THIRD, Some("ar")),
        "date": 1_767_000_000,
        "old_chat_member": {"user": bot, "status": "member"},
        "new_chat_member": {"user": bot, "status": "kicked", "until_date": 0}
    }});
    h.push_and_wait(blocked, "closeForumTopic", 1);
    assert!(h.fake.topic(STAFF, third).unwrap().closed);
    let told = h.topic_texts(third).join("\n");
    assert!(
        told.contains(&h.catalog.text(Lang::De, "staff-user-unreachable")),
        "{told}"
    );
}

/// A bot without the right to manage topics: the user hears that the
/// counsellors cannot be reached, the log says what to do, no case stays.
#[test]
fn a_bot_without_rights_says_so() {
    let h = Harness::start(true);
    h.fake.set_bot_manages_topics(STAFF, false);
    let consent = h.say(ASKER, "/counsellor", "sendMessage", 1);
    let told = h.press(ASKER, &consent[0], "✅", "sendMessage");
    assert!(text_of(&told[0]).contains(&h.catalog.text(Lang::Ar, "handover-unavailable")));
    assert!(h.log().contains("right to manage topics"), "{}", h.log());
    // No case is left open: the user's text is searched.
    let searched = h.say(ASKER, "Anerkennung", "sendMessage", 1);
    assert!(!text_of(&searched[0]).contains(&h.catalog.text(Lang::Ar, "handover-received")));
}

/// `/cases` flags a case whose user has waited longer than configured.
#[tokio::test]
async fn cases_waiting_too_long_are_flagged() {
    let storage = Arc::new(MemoryStorage::default());
    let assistant = assistant(storage.clone());
    let now = lotse::assistant::unix_now();
    let old = NewCase {
        user: actor("waiting").user,
        lang: Lang::Fa,
        category: String::new(),
        question: None,
        at: now - 5 * 3600,
        door: Door::Telegram,
    };
    let waiting = storage.open_case(old, &Reach("telegram:1".into())).await.unwrap();
    let fresh = NewCase {
        user: actor("fresh").user,
        lang: Lang::Uk,
        category: String::new(),
        question: None,
        at: now,
        door: Door::Telegram,
    };
    let fresh = storage.open_case(fresh, &Reach("telegram:2".into())).await.unwrap();
    let event = Event {
        actor: actor("staff"),
        channel: Channel::Telegram { private: false },
        client_lang: Some(Lang::De),
        input: Input::Staff {
            topic: None,
            command: Some("cases".into()),
            reply_to: None,
            text: Some("/cases".into()),
            file: false,
        },
    };
    let effects = assistant.handle(event).await;
    let [Effect::Send(list)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let text = list.text();
    let line = |id: i64| {
        text.lines()
            .find(|l| l.starts_with(&format!("#{id}")))
            .unwrap()
            .to_string()
    };
    assert!(line(waiting.id.0).contains("⚠️"), "{text}");
    assert!(line(waiting.id.0).contains("Persisch"), "{text}");
    assert!(!line(fresh.id.0).contains("⚠️"), "{text}");
}

/// Without consent, the core opens nothing: a press of "no" and a
/// forged consent of another user change nothing in the staff chat.
#[tokio::test]
async fn nothing_goes_to_staff_without_the_users_own_consent() {
    let storage = Arc::new(MemoryStorage::default());
    let assistant = assistant(storage.clone());
    let private = Channel::Telegram { private: true };
    let event = |who: &str, input: Input| Event {
        actor: actor(who),
        channel: private,
        client_lang: Some(Lang::Tr),
        input,
    };
    let shown = assistant
        .handle(event(
            "asker",
            Input::Command {
                name: "counsellor".into(),
                args: String::new(),
            },
        ))
        .await;
    let consent = shown[0].message().unwrap();
    let data = |label: &str| match &consent
        .buttons
        .iter()
        .flatten()
        .find(|b| b.label.starts_with(label))
        .unwrap()
        .target
    {
        lotse::assistant::Target::Action(data) => data.clone(),
        other => panic!("{other:?}"),
    };
    let yes = data("✅");
    let reach = || Some(Reach("telegram:9".into()));
    let opened = |effects: &[Effect]| {
        effects
            .iter()
            .any(|e| matches!(e, Effect::Case(CaseEffect::OpenTopic { .. })))
    };
    let no = assistant
        .handle_from(event("asker", Input::Button(data("Hayır"))), reach())
        .await;
    assert!(!opened(&no));
    let forged = assistant
        .handle_from(event("someone else", Input::Button(yes.clone())), reach())
        .await;
    assert!(!opened(&forged));
    assert!(storage.open_cases().await.unwrap().is_empty());
    let agreed = assistant.handle_from(event("asker", Input::Button(yes)), reach()).await;
    assert!(opened(&agreed), "{agreed:?}");
    // A group is no place for it.
    let group = Event {
        channel: Channel::Telegram { private: false },
        ..event(
            "member",
            Input::Command {
                name: "counsellor".into(),
                args: String::new(),
            },
        )
    };
    let told = assistant.handle(group).await;
    assert!(told[0].message().unwrap().text().contains("/counsellor"));
}

/// Cases on either backend: a replica finds a case by its user and by
/// its topic; the reach is sealed in the database and gone once the case
/// closes; pairs of message ids are kept; `/forget` deletes the cases and
/// their pairs; a case closed longer than the retention period is purged
/// at the next start.
#[tokio::test]
async fn cases_are_kept_sealed_and_deleted_on_both_backends() {
    use lotse::assistant::{MessagePair, TopicId};

    use crate::store::{count, count_with, memory};

    let dir = tempfile::tempdir().unwrap();
    for database in crate::pg::backends(&dir.path().join("lotse.db"), "handover_cases") {
        let key = [7u8; 32];
        let writer = memory(&database);
        writer.set_case_key(key);
        let now = lotse::assistant::unix_now();
        let new = |user: &str, at: u64| NewCase {
            user: actor(user).user,
            lang: Lang::Ar,
            category: "offers".into(),
            question: None,
            at,
            door: Door::Telegram,
        };
        let case = writer
            .open_case(new("asker", now), &Reach(format!("telegram:{ASKER}")))
            .await
            .unwrap();
        let topic = TopicId(4242);
        writer
            .update_case(&lotse::assistant::Case {
                topic: Some(topic),
                ..case.clone()
            })
            .await
            .unwrap();
        writer
            .relayed(
                case.id,
                MessagePair {
                    user_message: 10,
                    staff_message: 20,
                    from_staff: false,
                    at: now,
                },
            )
            .await
            .unwrap();
        let old = writer
            .open_case(new("gone", now - 200 * 86_400), &Reach("telegram:5".into()))
            .await
            .unwrap();
        writer.close_case(old.id, now - 100 * 86_400).await.unwrap();
        assert_eq!(count(&database, "SELECT COUNT(*) FROM cases"), 2);

        // Another process over the same database, with the same key. At
        // its start, the case closed longer than 90 days ago is purged.
        let reader = memory(&database);
        reader.set_case_key(key);
        assert_eq!(count(&database, "SELECT COUNT(*) FROM cases"), 1);
        let found = reader.case_by_topic(topic).await.unwrap().expect("found by topic");
        assert_eq!(found.id, case.id);
        assert_eq!(found.reach, Some(Reach(format!("telegram:{ASKER}"))));
        assert_eq!(
            reader.open_case_of(&actor("asker").user).await.unwrap().unwrap().id,
            case.id
        );
        let sealed = count(&database, "SELECT COUNT(*) FROM cases WHERE reach IS NOT NULL");
        assert_eq!(sealed, 1, "only the open case keeps its reach");
        let clear = count_with(
            &database,
            "SELECT COUNT(*) FROM cases WHERE category = $1 OR user_key = $1",
            &[&format!("telegram:{ASKER}")],
        );
        assert_eq!(clear, 0);
        assert_eq!(count(&database, "SELECT COUNT(*) FROM case_messages"), 1);
        let pair = reader.pair_in_topic(case.id, 20).await.unwrap();
        assert_eq!(pair.map(|p| (p.user_message, p.from_staff)), Some((10, false)));
        assert_eq!(reader.pair_in_topic(case.id, 10).await.unwrap(), None);
        // Another secret cannot open the reach.
        let stranger = memory(&database);
        stranger.set_case_key([8u8; 32]);
        assert_eq!(stranger.case(case.id).await.unwrap().unwrap().reach, None);

        reader.close_case(case.id, now).await.unwrap();
        assert_eq!(
            count(&database, "SELECT COUNT(*) FROM cases WHERE reach IS NOT NULL"),
            0
        );
        assert!(reader.open_case_of(&actor("asker").user).await.unwrap().is_none());
        assert!(reader.forget(&actor("asker").user).await.is_ok());
        assert_eq!(count(&database, "SELECT COUNT(*) FROM case_messages"), 0);
        assert!(reader.case(case.id).await.unwrap().is_none());
        assert_eq!(count(&database, "SELECT COUNT(*) FROM cases"), 0);
        for memory in [writer, reader, stranger] {
            memory.close();
        }
    }
}

/// The ways in: the button under an entry's details and under a
/// no-result answer (carrying that search, the case's question), the
/// deep link `start=counsellor`; on the web the same buttons only where
/// the web door runs beside the bot (`Handover::web`), which carries its
/// cases to the staff chat.
#[tokio::test]
async fn the_ways_in() {
    let assistant = assistant(Arc::new(MemoryStorage::default()));
    let catalog = assistant.catalog();
    let label = catalog.text(Lang::Fr, "button-counsellor");
    let ask = |channel: Channel, input: Input| Event {
        actor: actor("visitor"),
        channel,
        client_lang: Some(Lang::Fr),
        input,
    };
    let private = Channel::Telegram { private: true };
    let has_button = |effects: &[Effect]| {
        effects
            .iter()
            .filter_map(Effect::message)
            .flat_map(|m| m.buttons.iter().flatten())
            .find(|b| b.label == label)
            .map(|b| b.target.clone())
    };
    let details = assistant
        .handle(ask(private, Input::Button("d:maria-kotsina".into())))
        .await;
    assert_eq!(has_button(&details), Some(lotse::assistant::Target::Action("h".into())));
    let none = assistant.handle(ask(private, Input::Text("qqqzx blorfx".into()))).await;
    match has_button(&none) {
        Some(lotse::assistant::Target::Action(data)) => assert!(data.starts_with("h:"), "{data}"),
        other => panic!("no button on the no-result answer: {other:?}"),
    }
    let linked = assistant
        .handle(ask(
            private,
            Input::Command {
                name: "start".into(),
                args: "counsellor".into(),
            },
        ))
        .await;
    let consent = linked[0].message().unwrap().text();
    assert!(
        consent.contains(&catalog.text(Lang::Fr, "handover-consent-title")),
        "{consent}"
    );
    for input in [
        Input::Button("d:maria-kotsina".into()),
        Input::Text("qqqzx blorfx".into()),
    ] {
        let web = assistant.handle(ask(Channel::Web, input.clone())).await;
        assert_eq!(has_button(&web), None);
        let beside_the_bot = {
            let copy = lotse::search::Library::new(library().knowledge().clone(), &lotse::index::Location::Memory);
            let handover = lotse::assistant::Handover {
                web: true,
                ..Default::default()
            };
            Assistant::new(Arc::new(copy.unwrap()), Arc::new(MemoryStorage::default())).with_handover(handover)
        };
        let web = beside_the_bot.handle(ask(Channel::Web, input)).await;
        assert!(has_button(&web).is_some(), "{web:?}");
    }
}

#[test]
fn lotse_link_makes_the_deep_link_of_the_handover() {
    let output = crate::util::lotse(&["link", "--bot-username", "LotseBot", "counsellor"]);
    assert!(output.status.success(), "{}", crate::util::stderr(&output));
    assert_eq!(
        crate::util::stdout(&output).trim(),
        "https://t.me/LotseBot?start=counsellor"
    );
    let web = crate::util::lotse(&["link", "--web", "https://lotse.example.org", "counsellor"]);
    assert_eq!(web.status.code(), Some(2), "{}", crate::util::stderr(&web));
}

/// While a case is open the user's text goes to the counsellor; the
/// button "ask Lotse instead" searches it, the other way back relays it
/// again, and ending the case closes the topic and tells staff.
#[tokio::test]
async fn the_user_chooses_where_their_text_goes_and_can_end_the_case() {
    use lotse::assistant::TopicId;

    let storage = Arc::new(MemoryStorage::default());
    let assistant = assistant(storage.clone());
    let private = Channel::Telegram { private: true };
    let event = |input: Input| Event {
        actor: actor("asker"),
        channel: private,
        client_lang: Some(Lang::Uk),
        input,
    };
    let reach = || Some(Reach("telegram:3".into()));
    let command = Input::Command {
        name: "counsellor".into(),
        args: String::new(),
    };
    let shown = assistant.handle(event(command.clone())).await;
    let yes = match &shown[0].message().unwrap().buttons[0][0].target {
        lotse::assistant::Target::Action(data) => data.clone(),
        other => panic!("{other:?}"),
    };
    assistant.handle_from(event(Input::Button(yes)), reach()).await;
    let case = storage
        .open_case_of(&actor("asker").user)
        .await
        .unwrap()
        .expect("a case");
    assistant.topic_opened(case.id, TopicId(77)).await;
    let copies = |effects: &[Effect]| {
        effects.iter().any(|e| {
            matches!(
                e,
                Effect::Case(CaseEffect::CopyToTopic {
                    topic: Some(TopicId(77)),
                    ..
                })
            )
        })
    };

    let first = assistant.handle(event(Input::Text("Anerkennung".into()))).await;
    assert!(copies(&first), "{first:?}");
    let second = assistant.handle(event(Input::NotText)).await;
    assert!(copies(&second), "a photo goes too");
    assert_eq!(second.len(), 1, "only the first message gets the automatic reply");

    let searched = assistant.handle(event(Input::Button("hr:0".into()))).await;
    assert!(matches!(&searched[0], Effect::Edit(_)), "{searched:?}");
    let answer = assistant.handle(event(Input::Text("Anerkennung".into()))).await;
    assert!(!copies(&answer), "searched, not relayed: {answer:?}");
    // Commands still work, and /counsellor shows the case.
    let status = assistant.handle(event(command)).await;
    let number = format!("{}", case.id.0);
    assert!(status[0].message().unwrap().text().contains(&number));
    assistant.handle(event(Input::Button("hr:1".into()))).await;
    assert!(copies(&assistant.handle(event(Input::Text("Frage".into()))).await));

    let ended = assistant.handle(event(Input::Button("he".into()))).await;
    assert!(
        ended
            .iter()
            .any(|e| matches!(e, Effect::Case(CaseEffect::CloseTopic(TopicId(77))))),
        "{ended:?}"
    );
    assert!(
        ended
            .iter()
            .any(|e| matches!(e, Effect::Case(CaseEffect::PostToTopic { .. })))
    );
    let closed = storage.case(case.id).await.unwrap().unwrap();
    assert!(
        !closed.is_open() && closed.reach.is_none(),
        "the reach goes with the case"
    );
    assert!(!copies(
        &assistant.handle(event(Input::Text("Anerkennung".into()))).await
    ));
}

/// A web visitor of `lotse serve --web-listen`, with their session cookie.
struct Visitor {
    addr: std::net::SocketAddr,
    cookie: String,
}

impl Visitor {
    fn get(&self, path: &str) -> crate::web::Page {
        crate::web::request(self.addr, "GET", path, &[("Cookie", &self.cookie)], "")
    }

    fn post(&self, path: &str, pairs: &[(&str, &str)]) -> crate::web::Page {
        let body = crate::web::form(pairs);
        crate::web::request(self.addr, "POST", path, &[("Cookie", &self.cookie)], &body)
    }

    /// Loads `/counsellor` until its page shows `text` (the bot handles a
    /// staff message on its own time); the last page.
    fn page_with(&self, text: &str) -> crate::web::Page {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let page = self.get("/counsellor?lang=ar");
            if page.body.contains(text) || std::time::Instant::now() > deadline {
                return page;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The `href` of the first link whose address starts with `prefix`,
/// unescaped.
fn href(body: &str, prefix: &str) -> String {
    let at = body
        .find(&format!("href=\"{prefix}"))
        .unwrap_or_else(|| panic!("no link to {prefix} in {body}"));
    body[at + 6..].split('"').next().unwrap().replace("&amp;", "&")
}

/// Issue 15 point 9: the web door's handover, end to end against the real
/// `lotse serve --web-listen` and the fake Bot API. A visitor asks what
/// Lotse lacks, gets the button, sees the consent screen (nothing sent
/// before the ✅); the topic is named as on Telegram and its card says
/// "Webseite"; the visitor's text is posted in the topic, marked as
/// theirs; a counsellor's reply shows on the visitor's next page load
/// (no JavaScript), escaped and marked in Arabic; `/note` does not; a
/// photo becomes a line that only Telegram can show it, and staff are
/// told; `/cases` lists the web case; `/close` closes the topic and the
/// page says so; the kept reply is sealed in the database; `/forget`
/// deletes the topic and the reply.
#[test]
fn a_web_visitors_case_from_consent_to_forget() {
    let port = crate::telegram::free_port();
    let listen = format!("127.0.0.1:{port}");
    let h = Harness::start_with(true, &["--web-listen", &listen]);
    let addr: std::net::SocketAddr = listen.parse().unwrap();
    let ar = |id: &str| h.catalog.text(Lang::Ar, id);

    // The no-result answer offers the counsellor.
    let none = crate::web::request(addr, "GET", "/?lang=ar&q=qqqzx+blorfx", &[], "");
    assert_eq!(none.status, 200);
    let visitor = Visitor {
        addr,
        cookie: format!("lotse={}", none.cookie("lotse").expect("a session")),
    };
    assert!(none.body.contains(&ar("button-counsellor")), "{}", none.body);
    let consent = visitor.get(&href(&none.body, "/counsellor?"));
    assert_eq!(consent.status, 200);
    assert!(consent.body.contains(&ar("handover-consent-title")), "{}", consent.body);
    assert!(
        consent.body.contains(&ar("handover-consent-web-kept")),
        "{}",
        consent.body
    );
    let shared = ar("handover-consent-shared-web");
    assert!(consent.body.contains(&shared), "{}", consent.body);
    assert!(ar("button-consent-yes").starts_with('✅'));
    assert!(consent.body.contains(&ar("button-consent-yes")));
    assert!(h.fake.topics(STAFF).is_empty(), "nothing is sent before the ✅");

    // ✅: the topic, named as on Telegram, with the card.
    let opened = visitor.post("/", &[("a", &consent.action("hc:1:")), ("lang", "ar")]);
    assert_eq!(opened.status, 200);
    let topics = h.fake.topics(STAFF);
    let [(thread, topic)] = topics.as_slice() else {
        panic!("one topic: {topics:?}\n{}", h.log())
    };
    let thread = *thread;
    assert!(
        topic.name.starts_with('#') && topic.name.contains(" · ar · "),
        "{}",
        topic.name
    );
    let card = h.topic_texts(thread).join("\n");
    assert!(card.contains("Kanal: Webseite"), "{card}");
    assert!(card.contains("qqqzx blorfx"), "{card}");
    let case: String = topic.name[1..].chars().take_while(char::is_ascii_digit).collect();
    assert!(opened.body.contains(&case), "{}", opened.body);
    let opened_web = h.catalog.format(
        Lang::Ar,
        "handover-opened-web",
        &[("case", lotse::i18n::Arg::Number(case.parse().unwrap()))],
    );
    assert!(
        opened.body.contains(&opened_web),
        "the web's own words: {}",
        opened.body
    );
    assert!(
        opened.body.contains("id=\"write\""),
        "the form to write: {}",
        opened.body
    );

    // The visitor's text goes to the topic, marked; the first gets the
    // automatic reply on the page.
    let sent = visitor.post("/counsellor", &[("m", "Mein Brief <b>vom Amt</b>"), ("lang", "ar")]);
    assert_eq!(sent.status, 200);
    assert!(sent.body.contains(&ar("handover-received")), "{}", sent.body);
    assert!(
        h.fake
            .wait_until(|_| h.topic_texts(thread).iter().any(|t| t.contains("vom Amt")), WAIT)
    );
    let posted = h
        .topic_texts(thread)
        .into_iter()
        .find(|t| t.contains("vom Amt"))
        .unwrap();
    assert!(
        posted.contains(&h.catalog.text(Lang::De, "staff-web-visitor")),
        "{posted}"
    );
    assert!(
        posted.contains("Mein Brief <b>vom Amt</b>"),
        "as text, not markup: {posted}"
    );
    // Empty and over-long messages are refused with a page that says so.
    let empty = visitor.post("/counsellor", &[("m", "  "), ("lang", "ar")]);
    assert_eq!(empty.status, 400);
    assert!(empty.body.contains(&ar("web-message-empty")));
    // A later message is confirmed too: the page shows none it sent.
    let again = visitor.post("/counsellor", &[("m", "Noch eine Frage"), ("lang", "ar")]);
    assert!(again.body.contains(&ar("handover-received")), "{}", again.body);
    assert!(h.fake.wait_until(
        |_| h.topic_texts(thread).iter().any(|t| t.contains("Noch eine Frage")),
        WAIT
    ));
    // A topic deleted by staff comes back, with the card, for the next
    // message from the web.
    h.fake.delete_topic_as_staff(STAFF, thread);
    visitor.post("/counsellor", &[("m", "Sind Sie noch da?"), ("lang", "ar")]);
    let topics = h.fake.topics(STAFF);
    let [(thread, _)] = topics.as_slice() else {
        panic!("the topic again: {topics:?}\n{}", h.log())
    };
    let thread = *thread;
    let reopened = h.topic_texts(thread).join("\n");
    assert!(
        reopened.contains(&h.catalog.text(Lang::De, "staff-topic-again")),
        "{reopened}"
    );
    assert!(reopened.contains("Sind Sie noch da?"), "{reopened}");
    let long = "x".repeat(1_001);
    let too_long = visitor.post("/counsellor", &[("m", &long), ("lang", "ar")]);
    assert_eq!(too_long.status, 413);
    assert_eq!(h.topic_texts(thread).iter().filter(|t| t.contains("xxxx")).count(), 0);

    // A counsellor's reply reaches the page, escaped and marked; a /note
    // does not.
    let reply = "Wir helfen gern <img src=x onerror=alert(1)>";
    h.fake.push_update(staff_update(Some(thread), &h.fake, reply));
    let page = visitor.page_with("Wir helfen gern");
    assert!(
        page.body.contains("Wir helfen gern &lt;img src=x onerror=alert(1)&gt;"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<img"), "{}", page.body);
    let marked = h.catalog.format(
        Lang::Ar,
        "handover-from-counsellor",
        &[("case", lotse::i18n::Arg::Number(case.parse().unwrap()))],
    );
    assert!(page.body.contains(&marked), "{}", page.body);
    h.fake
        .push_update(staff_update(Some(thread), &h.fake, "/note nur intern"));
    h.fake
        .push_update(staff_update(Some(thread), &h.fake, "Zweite Antwort"));
    let page = visitor.page_with("Zweite Antwort");
    assert!(page.body.contains("Zweite Antwort"), "{}", page.body);
    assert!(!page.body.contains("nur intern"), "{}", page.body);
    // The script polls the case alone: the section, not a page.
    let fragment = visitor.get("/counsellor/case?lang=ar");
    assert!(fragment.body.contains("Zweite Antwort") && fragment.body.contains("data-poll"));
    assert!(!fragment.body.contains("<html") && !fragment.body.contains("nur intern"));
    // The start page shows the open case and its replies too.
    assert!(visitor.get("/?lang=ar").body.contains("Zweite Antwort"));

    // A photo cannot be shown on the web: the visitor is told, and staff.
    let mut photo = h.fake.topic_message(STAFF, thread, user(COUNSELLOR, Some("de")), "");
    photo.as_object_mut().unwrap().remove("text");
    photo["photo"] = photo_message(COUNSELLOR, user(COUNSELLOR, None), None)["photo"].clone();
    h.fake.push_update(message_update(photo));
    let page = visitor.page_with(&ar("handover-web-file"));
    assert!(page.body.contains(&ar("handover-web-file")), "{}", page.body);
    let text_only = h.catalog.text(Lang::De, "staff-web-text-only");
    assert!(h.fake.wait_until(|_| h.topic_texts(thread).contains(&text_only), WAIT));

    // /cases lists the web case.
    let listed = h.push_and_wait_in(staff_update(None, &h.fake, "/cases"), "sendMessage", Some(STAFF), 1);
    assert!(
        text_of(&listed[0]).contains(&format!("#{case}")),
        "{}",
        text_of(&listed[0])
    );

    // Sealed: the replies' clear text is nowhere in the database.
    let bytes = h.database_bytes();
    assert!(!bytes.is_empty());
    for clear in ["Wir helfen gern", "Zweite Antwort", "vom Amt"] {
        assert!(!contains(&bytes, clear), "{clear} in the database");
    }

    // /close: the topic closes, the page says so, and its form is gone.
    h.fake.push_update(staff_update(Some(thread), &h.fake, "/close"));
    let closed = h.catalog.format(
        Lang::Ar,
        "handover-closed",
        &[("case", lotse::i18n::Arg::Number(case.parse().unwrap()))],
    );
    let page = visitor.page_with(&closed);
    assert!(page.body.contains(&closed), "{}", page.body);
    assert!(!page.body.contains("id=\"write\""), "{}", page.body);
    assert!(
        h.fake
            .wait_until(|_| h.fake.topic(STAFF, thread).is_some_and(|t| t.closed), WAIT)
    );
    // The visitor's text is searched again.
    let searched = visitor.get("/?lang=de&q=Anerkennung");
    assert!(searched.body.contains("gefunden"), "{}", searched.body);
    // /privacy says what is kept of a web case.
    let privacy = visitor.get("/privacy?lang=ar");
    assert!(privacy.body.contains(&ar("privacy-handover-web")), "{}", privacy.body);

    // A second case, which the visitor ends themselves.
    let consent = visitor.get("/counsellor?lang=ar");
    assert!(consent.body.contains(&ar("handover-consent-title")), "{}", consent.body);
    assert!(
        consent.body.contains(&closed),
        "the closed case below: {}",
        consent.body
    );
    visitor.post("/", &[("a", &consent.action("hc:1:")), ("lang", "ar")]);
    let topics = h.fake.topics(STAFF);
    let (second, topic) = topics.iter().find(|(id, _)| *id != thread).expect("a second topic");
    let second_case: i64 = topic.name[1..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap();
    let open = visitor.get("/counsellor?lang=ar");
    let ended = visitor.post("/", &[("a", &open.action("he")), ("lang", "ar")]);
    let closed_second = h.catalog.format(
        Lang::Ar,
        "handover-closed",
        &[("case", lotse::i18n::Arg::Number(second_case))],
    );
    assert!(ended.body.contains(&closed_second), "{}", ended.body);
    assert!(
        h.fake
            .wait_until(|_| h.fake.topic(STAFF, *second).is_some_and(|t| t.closed), WAIT)
    );
    let by_user = h.catalog.text(Lang::De, "staff-closed-by-user");
    assert!(
        h.topic_texts(*second).contains(&by_user),
        "{:?}",
        h.topic_texts(*second)
    );
    let second = *second;

    // /forget deletes the topic, the case and its replies.
    let confirm = visitor.get("/forget?lang=ar");
    let forgotten = visitor.post("/", &[("a", &confirm.action("fg:1:")), ("lang", "ar")]);
    assert_eq!(forgotten.status, 200);
    assert!(h.fake.wait_until(
        |_| h.fake.topic(STAFF, thread).is_none() && h.fake.topic(STAFF, second).is_none(),
        WAIT
    ));
    let after = crate::web::request(addr, "GET", "/counsellor?lang=ar", &[("Cookie", &visitor.cookie)], "");
    assert!(!after.body.contains("Zweite Antwort"), "{}", after.body);
}

/// The one message text Lotse keeps, a counsellor's reply to a web
/// visitor, on both backends: another process reads it back, the
/// database holds it only sealed (another secret cannot open it), and it
/// goes with its case (deleted, forgotten, or purged after retention).
#[tokio::test]
async fn web_replies_are_kept_sealed_and_go_with_the_case() {
    use lotse::assistant::Reply;

    use crate::store::{count, count_with, memory};

    let dir = tempfile::tempdir().unwrap();
    for database in crate::pg::backends(&dir.path().join("lotse.db"), "web_replies") {
        let key = [9u8; 32];
        let writer = memory(&database);
        writer.set_case_key(key);
        let now = lotse::assistant::unix_now();
        let new = |user: &str, at: u64| NewCase {
            user: actor(user).user,
            lang: Lang::Uk,
            category: String::new(),
            question: None,
            at,
            door: Door::Web,
        };
        let reach = Reach("web:visitor".into());
        let case = writer.open_case(new("visitor", now), &reach).await.unwrap();
        assert_eq!(case.door, Door::Web);
        let clear = "Termin am Dienstag um zehn";
        let reply = |text: &str, file: bool| Reply {
            at: now,
            text: text.into(),
            file,
        };
        writer.keep_reply(case.id, &reply(clear, false)).await.unwrap();
        writer.keep_reply(case.id, &reply("", true)).await.unwrap();
        let other = writer.open_case(new("other", now), &reach).await.unwrap();
        writer
            .keep_reply(other.id, &reply("für jemand anderen", false))
            .await
            .unwrap();
        // A case closed longer than the retention period ago, with a reply.
        let old = writer.open_case(new("old", now - 200 * 86_400), &reach).await.unwrap();
        writer.keep_reply(old.id, &reply("alt", false)).await.unwrap();
        writer.close_case(old.id, now - 100 * 86_400).await.unwrap();
        assert_eq!(count(&database, "SELECT COUNT(*) FROM case_replies"), 4);

        // Another process: the old case and its reply are purged at start.
        let reader = memory(&database);
        reader.set_case_key(key);
        assert_eq!(count(&database, "SELECT COUNT(*) FROM case_replies"), 3);
        let kept = reader.replies(case.id).await.unwrap();
        assert_eq!(kept, vec![reply(clear, false), reply("", true)]);
        assert_eq!(reader.case(case.id).await.unwrap().unwrap().door, Door::Web);
        let in_clear = count_with(
            &database,
            "SELECT COUNT(*) FROM case_replies WHERE CAST(body AS TEXT) LIKE $1",
            &["%Dienstag%"],
        );
        assert_eq!(in_clear, 0, "the reply is sealed");
        if let lotse::store::Database::Sqlite(path) = &database {
            reader.close();
            let mut bytes = std::fs::read(path).unwrap();
            bytes.extend(std::fs::read(path.with_extension("db-wal")).unwrap_or_default());
            assert!(!contains(&bytes, "Dienstag"), "the reply's clear text is in the file");
        }
        let stranger = memory(&database);
        stranger.set_case_key([1u8; 32]);
        assert!(stranger.replies(case.id).await.unwrap().is_empty());

        // Deleted with its case; forgotten with its user.
        stranger.delete_case(case.id).await.unwrap();
        assert!(writer.replies(case.id).await.unwrap().is_empty());
        assert_eq!(count(&database, "SELECT COUNT(*) FROM case_replies"), 1);
        assert!(writer.forget(&actor("other").user).await.is_ok());
        assert_eq!(count(&database, "SELECT COUNT(*) FROM case_replies"), 0);
        for memory in [writer, reader, stranger] {
            memory.close();
        }
    }
}

/// Issue 15 point 10: only the staff chat's members are staff. Someone
/// who left, was banned or is restricted outside the chat, and a channel
/// posting in its own name, are ignored: nothing of theirs reaches the
/// user. An admin posting anonymously (in the chat's own name) and the
/// members are heard; a member's standing is asked once, not per message.
#[test]
fn only_members_of_the_staff_chat_reach_the_user() {
    const LEFT: i64 = 5_020_001;
    const BANNED: i64 = 5_020_002;
    const RESTRICTED_OUTSIDE: i64 = 5_020_003;
    const RESTRICTED_INSIDE: i64 = 5_020_004;
    let h = Harness::start(true);
    h.fake.ban_member(STAFF, BANNED);
    h.fake.restrict_member(STAFF, RESTRICTED_OUTSIDE, false);
    h.fake.restrict_member(STAFF, RESTRICTED_INSIDE, true);
    let (thread, _) = h.open_case(ASKER);
    let said = |id: i64, text: &str| h.fake.topic_message(STAFF, thread, user(id, Some("de")), text);
    let channel = serde_json::json!({"id": -1_009_999_999_999_i64, "type": "channel", "title": "Werbung"});
    let staff_chat = crate::fake_telegram::forum_chat(STAFF, "Lotse Beratung");

    let ignored = [
        said(LEFT, "von draußen"),
        said(BANNED, "gesperrt"),
        said(RESTRICTED_OUTSIDE, "eingeschränkt draußen"),
        h.fake.topic_message_as_chat(STAFF, thread, channel, "vom Kanal"),
    ];
    let heard = [
        said(RESTRICTED_INSIDE, "eingeschränkt drinnen"),
        h.fake
            .topic_message_as_chat(STAFF, thread, staff_chat, "anonym vom Admin"),
        said(COUNSELLOR, "Antwort eins"),
        said(COUNSELLOR, "Antwort zwei"),
    ];
    let id = |m: &Value| m["message_id"].as_i64().unwrap();
    let (ignored_ids, heard_ids): (Vec<i64>, Vec<i64>) =
        (ignored.iter().map(id).collect(), heard.iter().map(id).collect());
    for message in ignored.into_iter().chain(heard) {
        h.fake.push_update(message_update(message));
    }
    // The staff chat is answered in order: once the last is out, all were
    // handled.
    let copied = |ids: &[i64]| {
        h.ok_calls_in("copyMessage", Some(ASKER))
            .iter()
            .filter(|c| ids.iter().any(|id| c.params["message_id"] == *id))
            .count()
    };
    assert!(
        h.fake.wait_until(|_| copied(&heard_ids) == heard_ids.len(), WAIT),
        "the members were not heard; log:\n{}",
        h.log()
    );
    assert_eq!(
        copied(&ignored_ids),
        0,
        "{:#?}",
        h.ok_calls_in("copyMessage", Some(ASKER))
    );
    let texts = h.texts_of(ASKER).join("\n");
    for text in ["von draußen", "gesperrt", "eingeschränkt draußen", "vom Kanal"] {
        assert!(!texts.contains(text), "{text} reached the user");
    }
    let asked = h
        .fake
        .calls_to("getChatMember")
        .iter()
        .filter(|c| c.params["user_id"] == COUNSELLOR)
        .count();
    assert_eq!(asked, 1, "a member's standing is remembered");
    assert!(h.log().contains("is ignored"), "{}", h.log());
}

/// Across replicas, on both backends: the web visitor's page is served by
/// one process, the counsellor's reply arrives at another (the bot's),
/// and the visitor's next page shows it, from the shared store. After
/// `/close` on the bot's replica, the web's shows the case closed.
#[tokio::test]
async fn a_reply_taken_by_one_replica_shows_on_the_others_page() {
    use lotse::assistant::{Handover, TopicId};

    use crate::store::{assistant_on, memory};

    let dir = tempfile::tempdir().unwrap();
    for database in crate::pg::backends(&dir.path().join("lotse.db"), "web_replicas") {
        let key = [5u8; 32];
        let handover = Handover {
            web: true,
            ..Handover::default()
        };
        let (web_memory, bot_memory) = (memory(&database), memory(&database));
        web_memory.set_case_key(key);
        bot_memory.set_case_key(key);
        let web = assistant_on(&web_memory).with_handover(handover.clone());
        let bot = assistant_on(&bot_memory).with_handover(handover);
        let visitor = actor("web-visitor");
        let on_web = |input: Input| Event {
            actor: visitor.clone(),
            channel: Channel::Web,
            client_lang: Some(Lang::Ru),
            input,
        };
        let reach = Some(Reach("web:visitor".into()));
        let screen = web
            .handle_from(
                on_web(Input::Command {
                    name: "counsellor".into(),
                    args: String::new(),
                }),
                reach.clone(),
            )
            .await;
        let yes = screen[0].message().unwrap().buttons[0][0].target.clone();
        let lotse::assistant::Target::Action(yes) = yes else {
            panic!("{yes:?}")
        };
        let opened = web.handle_from(on_web(Input::Button(yes)), reach).await;
        let Some(Effect::Case(CaseEffect::OpenTopic { case, card, .. })) = opened.first() else {
            panic!("{opened:?}")
        };
        assert!(card.text().contains("Webseite"), "{}", card.text());
        web.topic_opened(*case, TopicId(31)).await;

        let staff = |command: Option<&str>, text: &str| Event {
            actor: actor("counsellor"),
            channel: Channel::Telegram { private: false },
            client_lang: Some(Lang::De),
            input: Input::Staff {
                topic: Some(TopicId(31)),
                command: command.map(str::to_string),
                reply_to: None,
                text: Some(text.into()),
                file: false,
            },
        };
        let taken = bot.handle(staff(None, "Здравствуйте, мы поможем")).await;
        assert!(
            !taken
                .iter()
                .any(|e| matches!(e, Effect::Case(CaseEffect::CopyToUser { .. }))),
            "a web visitor's reply is kept, not copied: {taken:?}"
        );
        let page = web
            .web_case(&visitor.user, Lang::Ru, true)
            .await
            .expect("the open case");
        let shown: Vec<String> = page.messages.iter().map(|m| m.text()).collect();
        assert!(
            shown.iter().any(|t| t.contains("Здравствуйте, мы поможем")),
            "{shown:?}"
        );

        let closed = bot.handle(staff(Some("close"), "/close")).await;
        assert!(
            closed
                .iter()
                .any(|e| matches!(e, Effect::Case(CaseEffect::CloseTopic(TopicId(31))))),
            "{closed:?}"
        );
        assert!(web.web_case(&visitor.user, Lang::Ru, true).await.is_none());
        let after = web
            .web_case(&visitor.user, Lang::Ru, false)
            .await
            .expect("the closed case");
        assert!(!after.open);
        for memory in [web_memory, bot_memory] {
            memory.close();
        }
    }
}
