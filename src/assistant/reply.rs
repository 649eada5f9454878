//! The plain data that goes into the assistant and comes out of it.
//!
//! Nothing here knows Telegram, the terminal or tantivy: an [`Event`] is who
//! acts (an [`Actor`]: a pseudonym and a [`Role`]), through which
//! [`Channel`], and what; the answer is a list of [`Effect`]s (send, edit,
//! answer inline, a contact card, a notice for admins or staff), made of
//! messages of text blocks and buttons. The Telegram bot, the terminal chat,
//! the web page and the tests each carry the effects out their own way.

use crate::knowledge::Kind;
use crate::lang::Lang;
pub use crate::privacy::UserKey;

/// Telegram's limit for a button's callback data, in bytes.
pub const MAX_ACTION_BYTES: usize = 64;

/// One thing someone did, as a door hands it to the core.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub actor: Actor,
    /// Where it came from: what the core may answer there, and the query
    /// log's channel.
    pub channel: Channel,
    /// The language the actor's client reports (Telegram's `language_code`,
    /// the terminal's `--lang`), if the door has it. The user's own choice,
    /// kept in storage, overrides it.
    pub client_lang: Option<Lang>,
    pub input: Input,
}

/// Who acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user: UserKey,
    pub role: Role,
}

/// What an actor may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    User,
    /// May ask for `/stats` (in a private chat) and `/reload`, and hears of
    /// reloads.
    Admin,
}

/// Where an event came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// A Telegram chat: a private one, or a group.
    Telegram { private: bool },
    /// A Telegram inline query.
    Inline,
    /// The terminal chat.
    Terminal,
    /// `lotse ask`.
    Cli,
    /// The web page (`lotse web`, `lotse serve --web-listen`).
    Web,
}

/// What the user sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A text message: a search.
    Text(String),
    /// A command such as `/start payload`, without the slash.
    Command { name: String, args: String },
    /// A button press with its action data.
    Button(String),
    /// An inline query (`@bot words`).
    Inline(String),
    /// A sticker, photo, voice message or anything else that is not text.
    NotText,
    /// A message in the staff chat: never a search. `topic` is the forum
    /// topic it was posted in (none in the chat's General topic);
    /// `command` the command it begins with (`note`, `close`, `cases`),
    /// without the slash; `reply_to` the topic's message it answers, if
    /// it is a reply to one. `text` is its text or caption and `file`
    /// whether it carries more than text (a photo, a document): a door
    /// that cannot copy the message (the web) keeps the text for the
    /// user instead.
    Staff {
        topic: Option<TopicId>,
        command: Option<String>,
        reply_to: Option<i64>,
        text: Option<String>,
        file: bool,
    },
}

/// A case of the handover to the network's staff, by its short number
/// (shown to the user and in the topic's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseId(pub i64);

/// A topic of the staff chat (Telegram's `message_thread_id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TopicId(pub i64);

/// How a door reaches a user again, outside an event of theirs (on
/// Telegram: the private chat's id). Opaque to the core; storage keeps it
/// only while a case is open, sealed with a key outside the database.
/// Hidden from `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct Reach(pub String);

impl std::fmt::Debug for Reach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reach([redacted])")
    }
}

/// What the handover has a door do in the staff chat and for a case's
/// user.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseEffect {
    /// Open a topic named `title` in the staff chat, post `card` in it and
    /// tell the core its id ([`crate::assistant::Assistant::topic_opened`]).
    /// Where that fails, the door carries out
    /// [`crate::assistant::Assistant::topic_failed`]'s effects instead of
    /// the rest.
    OpenTopic { case: CaseId, title: String, card: Message },
    /// Copy the message the event came with into the case's topic (`None`:
    /// the one the step before opened); where the door has no message to
    /// copy (the web), post `post` there instead. A topic gone (deleted by
    /// staff) is reported with
    /// [`crate::assistant::Assistant::topic_lost`].
    CopyToTopic {
        case: CaseId,
        topic: Option<TopicId>,
        post: Option<Message>,
    },
    /// Copy the staff message the event came with to the case's user,
    /// after `header`, which marks it as a counsellor's; as a reply to the
    /// user's message `reply_to` (its id in the user's chat), where staff
    /// answered one. A user who cannot be reached (blocked Lotse) is
    /// reported with [`crate::assistant::Assistant::user_unreachable`].
    CopyToUser {
        case: CaseId,
        reach: Reach,
        header: Message,
        reply_to: Option<i64>,
    },
    /// Send a message to a case's user.
    SendToUser {
        case: CaseId,
        reach: Reach,
        message: Message,
    },
    /// Post a message for staff in a topic.
    PostToTopic { topic: TopicId, message: Message },
    /// Close a topic (a closed case).
    CloseTopic(TopicId),
    /// Delete a topic and its messages (`/forget`).
    DeleteTopic(TopicId),
}

/// What the core has a door do, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Send a message to the chat the event came from.
    Send(Message),
    /// Replace the message whose button was pressed (paging, a language
    /// switch); a door that cannot edit sends it instead.
    Edit(Message),
    /// Answer the inline query the event was.
    Inline(Vec<InlineResult>),
    /// Send a contact card to the chat the event came from.
    Contact(ContactCard),
    /// Tell one admin something, in their language; the door knows where
    /// that admin reads.
    NotifyAdmin { admin: UserKey, message: Message },
    /// Tell the network's staff something (their chat, once there is one).
    NotifyStaff(Message),
    /// A step of the handover to a counsellor.
    Case(CaseEffect),
}

/// One message: text blocks, then rows of buttons.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    pub blocks: Vec<Block>,
    pub buttons: Vec<Vec<Button>>,
    /// Replace the message the pressed button belongs to (paging, language
    /// switch) instead of sending a new one: the core answers it with
    /// [`Effect::Edit`].
    pub edit: bool,
    /// A contact to offer as a native contact card: the core moves it into
    /// an [`Effect::Contact`] after the message.
    pub contact: Option<ContactCard>,
    /// The language the message speaks in, for a door that adds words of
    /// its own (the terminal's hints); `None` for a message in several
    /// languages, such as the language picker.
    pub lang: Option<Lang>,
}

/// A line or paragraph of text, in one language. An empty block is a
/// blank line.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub spans: Vec<Span>,
    /// The language of the block, so right-to-left text can be shown as such.
    pub lang: Lang,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Style {
    Plain,
    Bold,
    Italic,
    /// A link; `text` is what is shown.
    Link(String),
}

/// A button below a message.
#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub label: String,
    pub target: Target,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Action data sent back as [`Input::Button`]; at most
    /// [`MAX_ACTION_BYTES`] bytes.
    Action(String),
    /// A web address to open.
    Url(String),
}

/// A contact as a phone's address book stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactCard {
    pub first_name: String,
    pub last_name: String,
    pub organisation: Option<String>,
    pub phone: String,
    pub email: Option<String>,
    pub url: Option<String>,
}

/// One entry offered in an inline query; choosing it posts `message`.
#[derive(Debug, Clone, PartialEq)]
pub struct InlineResult {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub description: String,
    pub message: Message,
}

impl Block {
    pub fn plain(text: impl Into<String>, lang: Lang) -> Block {
        Block::styled(text, Style::Plain, lang)
    }

    pub fn bold(text: impl Into<String>, lang: Lang) -> Block {
        Block::styled(text, Style::Bold, lang)
    }

    pub fn styled(text: impl Into<String>, style: Style, lang: Lang) -> Block {
        Block {
            spans: vec![Span {
                text: text.into(),
                style,
            }],
            lang,
        }
    }

    /// A blank line.
    pub fn gap(lang: Lang) -> Block {
        Block {
            spans: Vec::new(),
            lang,
        }
    }

    /// The block's text without styles.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Plain,
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Bold,
        }
    }
}

impl Button {
    pub fn action(label: impl Into<String>, action: String) -> Button {
        Button {
            label: label.into(),
            target: Target::Action(action),
        }
    }

    pub fn url(label: impl Into<String>, url: impl Into<String>) -> Button {
        Button {
            label: label.into(),
            target: Target::Url(url.into()),
        }
    }
}

impl Message {
    /// All text of the message, blocks joined by newlines: for tests and
    /// logs.
    pub fn text(&self) -> String {
        self.blocks.iter().map(Block::text).collect::<Vec<_>>().join("\n")
    }
}

impl ContactCard {
    /// The card as a vCard 3.0, with what a phone book would want.
    pub fn vcard(&self) -> String {
        let mut lines = vec![
            "BEGIN:VCARD".to_string(),
            "VERSION:3.0".to_string(),
            format!("N:{};{};;;", self.last_name, self.first_name),
            format!("FN:{} {}", self.first_name, self.last_name)
                .trim_end()
                .to_string(),
            format!("TEL;TYPE=WORK,VOICE:{}", self.phone),
        ];
        lines.extend(self.organisation.iter().map(|o| format!("ORG:{o}")));
        lines.extend(self.email.iter().map(|e| format!("EMAIL;TYPE=WORK:{e}")));
        lines.extend(self.url.iter().map(|u| format!("URL:{u}")));
        lines.push("END:VCARD".to_string());
        lines.join("\r\n")
    }
}

impl Channel {
    /// The channel's name in the query log.
    pub fn name(self) -> &'static str {
        match self {
            Channel::Telegram { .. } => "telegram",
            Channel::Inline => "inline",
            Channel::Terminal => "chat",
            Channel::Cli => "cli",
            Channel::Web => "web",
        }
    }

    /// Whether only the actor reads the answer: a private chat, the
    /// terminal, the command line.
    pub fn is_private(self) -> bool {
        match self {
            Channel::Telegram { private } => private,
            Channel::Inline => false,
            // A web session is one browser's: only its visitor reads it.
            Channel::Terminal | Channel::Cli | Channel::Web => true,
        }
    }
}

impl Effect {
    /// The message the effect sends or edits, if any.
    pub fn message(&self) -> Option<&Message> {
        match self {
            Effect::Send(message) | Effect::Edit(message) => Some(message),
            Effect::NotifyAdmin { message, .. } | Effect::NotifyStaff(message) => Some(message),
            Effect::Inline(_) | Effect::Contact(_) | Effect::Case(_) => None,
        }
    }
}
