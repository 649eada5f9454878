//! The plain data that goes into the assistant and comes out of it.
//!
//! Nothing here knows Telegram, the terminal or tantivy: a [`Request`] is who
//! asks in which language and what; a [`Reply`] is messages made of text
//! blocks and buttons, or a list of inline results. The Telegram bot, the
//! terminal chat and the tests each render these their own way.

use super::prefs::Channel;
use crate::knowledge::Kind;
use crate::lang::Lang;

/// Telegram's limit for a button's callback data, in bytes.
pub const MAX_ACTION_BYTES: usize = 64;

/// A pseudonymous key for one user: never a clear Telegram id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserKey(pub String);

/// One thing a user did.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub user: UserKey,
    /// Where the request came from, for the query log.
    pub channel: Channel,
    /// The language the user's client reports (Telegram's `language_code`,
    /// the terminal's `--lang`), if Lotse has it. The user's own choice,
    /// kept by the [`super::Preferences`], overrides it.
    pub client_lang: Option<Lang>,
    pub input: Input,
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
}

/// What the assistant answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Messages(Vec<Message>),
    Inline(Vec<InlineResult>),
}

/// One message: text blocks, then rows of buttons.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    pub blocks: Vec<Block>,
    pub buttons: Vec<Vec<Button>>,
    /// Replace the message the pressed button belongs to (paging, language
    /// switch) instead of sending a new one.
    pub edit: bool,
    /// A contact to offer as a native contact card.
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

impl Reply {
    /// The messages of the reply (none for inline results).
    pub fn messages(&self) -> &[Message] {
        match self {
            Reply::Messages(messages) => messages,
            Reply::Inline(_) => &[],
        }
    }
}
