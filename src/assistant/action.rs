//! Button actions and their compact encoding as callback data.
//!
//! Telegram returns at most 64 bytes of data with a button press, and a
//! press may come back long after the message was sent, from an older
//! version of Lotse, or forged. So every action is a short ASCII string that
//! [`Action::decode`] parses strictly; what does not parse is `None`, and the
//! assistant answers it politely.

use std::fmt::Write;

use sha2::{Digest, Sha256};

use super::reply::{MAX_ACTION_BYTES, UserKey};
use crate::knowledge::Kind;
use crate::lang::Lang;

/// Identifies a search of one user, for paging and feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QueryId(pub u64);

/// A short tag of a user's key, carried by buttons only that user may
/// press: it says whose a button is (one in four billion may share it)
/// without saying who they are, even to someone who knows their key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UserTag(u32);

/// A browsable category of entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Offers,
    Publications,
    Contacts,
    About,
}

/// What a button does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show the language picker.
    PickLanguage,
    /// Choose a language.
    SetLanguage(Lang),
    /// The start menu.
    Menu,
    /// An entry's details.
    Details(String),
    /// An entry's contact as a contact card.
    SaveContact(String),
    /// Another page of a search.
    Page { query: QueryId, offset: usize },
    /// 👍 or 👎 on a search's answer.
    Feedback { query: QueryId, helpful: bool },
    /// A page of a category.
    Browse { category: Category, page: usize },
    /// The answer to "delete everything about me?", from the user who
    /// asked it.
    Forget { confirmed: bool, asker: UserTag },
    /// Talk to a counsellor: the consent screen, about the search `query`
    /// where it came from an answer.
    Counsellor(Option<QueryId>),
    /// The answer to the consent screen, from the user who asked.
    Consent {
        agreed: bool,
        asker: UserTag,
        query: Option<QueryId>,
    },
    /// While a case is open: the user's text goes to the counsellor
    /// (`true`) or is searched (`false`).
    Relay(bool),
    /// The user ends their case.
    EndCase,
}

impl UserTag {
    pub fn of(user: &UserKey) -> UserTag {
        let digest = Sha256::new()
            .chain_update(b"lotse-button-tag:")
            .chain_update(user.as_str().as_bytes())
            .finalize();
        UserTag(u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]))
    }
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Offers,
        Category::Publications,
        Category::Contacts,
        Category::About,
    ];

    /// The kinds of entries in the category.
    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Category::Offers => &[Kind::Offer],
            Category::Publications => &[Kind::Publication],
            Category::Contacts => &[Kind::Contact],
            Category::About => &[Kind::Organisation, Kind::Link],
        }
    }

    /// The name used in commands (`/offers`) and deep links.
    pub fn name(self) -> &'static str {
        match self {
            Category::Offers => "offers",
            Category::Publications => "publications",
            Category::Contacts => "contacts",
            Category::About => "about",
        }
    }

    /// The interface message naming the category.
    pub fn message_id(self) -> &'static str {
        match self {
            Category::Offers => "category-offers",
            Category::Publications => "category-publications",
            Category::Contacts => "category-contacts",
            Category::About => "category-about",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }

    fn code(self) -> char {
        match self {
            Category::Offers => 'o',
            Category::Publications => 'p',
            Category::Contacts => 'c',
            Category::About => 'a',
        }
    }

    fn from_code(code: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|c| code.len() == 1 && code.starts_with(c.code()))
    }
}

impl Action {
    /// The callback data of the action. Entry ids are at most 48 bytes
    /// (the knowledge check enforces it), so every action fits in 64.
    pub fn encode(&self) -> String {
        let mut s = String::new();
        // Writing to a String cannot fail.
        let _ = match self {
            Action::PickLanguage => write!(s, "lp"),
            Action::SetLanguage(lang) => write!(s, "l:{lang}"),
            Action::Menu => write!(s, "menu"),
            Action::Details(id) => write!(s, "d:{id}"),
            Action::SaveContact(id) => write!(s, "c:{id}"),
            Action::Page { query, offset } => write!(s, "m:{:x}:{offset}", query.0),
            Action::Feedback { query, helpful } => write!(s, "f:{:x}:{}", query.0, u8::from(*helpful)),
            Action::Browse { category, page } => write!(s, "b:{}:{page}", category.code()),
            Action::Forget { confirmed, asker } => write!(s, "fg:{}:{:08x}", u8::from(*confirmed), asker.0),
            Action::Counsellor(None) => write!(s, "h"),
            Action::Counsellor(Some(query)) => write!(s, "h:{:x}", query.0),
            Action::Consent { agreed, asker, query } => write!(s, "hc:{}:{:08x}", u8::from(*agreed), asker.0)
                .and_then(|()| query.map_or(Ok(()), |q| write!(s, ":{:x}", q.0))),
            Action::Relay(relay) => write!(s, "hr:{}", u8::from(*relay)),
            Action::EndCase => write!(s, "he"),
        };
        debug_assert!(s.len() <= MAX_ACTION_BYTES, "{s}");
        s
    }

    /// Parses callback data; `None` for anything malformed or unknown.
    pub fn decode(data: &str) -> Option<Action> {
        if data.len() > MAX_ACTION_BYTES || !data.is_ascii() {
            return None;
        }
        let (tag, rest) = data.split_once(':').unwrap_or((data, ""));
        let number = |s: &str| s.parse::<usize>().ok().filter(|&n| n < 100_000);
        let query = |s: &str| u64::from_str_radix(s, 16).ok().map(QueryId);
        let flag = |s: &str| match s {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        let user_tag = |tag: &str| {
            let hex = tag.len() == 8 && tag.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            u32::from_str_radix(tag, 16).ok().filter(|_| hex).map(UserTag)
        };
        Some(match (tag, rest) {
            ("h", "") if data == "h" => Action::Counsellor(None),
            ("h", q) => Action::Counsellor(Some(query(q)?)),
            ("hc", rest) => {
                let mut parts = rest.split(':');
                let agreed = flag(parts.next()?)?;
                let asker = user_tag(parts.next()?)?;
                let query = match parts.next() {
                    Some(q) => Some(query(q)?),
                    None => None,
                };
                if parts.next().is_some() {
                    return None;
                }
                Action::Consent { agreed, asker, query }
            }
            ("hr", relay) => Action::Relay(flag(relay)?),
            ("he", "") if data == "he" => Action::EndCase,
            ("lp", "") => Action::PickLanguage,
            ("menu", "") => Action::Menu,
            ("l", code) => Action::SetLanguage(code.parse().ok()?),
            ("d", id) if is_id(id) => Action::Details(id.to_string()),
            ("c", id) if is_id(id) => Action::SaveContact(id.to_string()),
            ("m", rest) => {
                let (q, offset) = rest.split_once(':')?;
                Action::Page {
                    query: query(q)?,
                    offset: number(offset)?,
                }
            }
            ("f", rest) => {
                let (q, helpful) = rest.split_once(':')?;
                let helpful = match helpful {
                    "1" => true,
                    "0" => false,
                    _ => return None,
                };
                Action::Feedback {
                    query: query(q)?,
                    helpful,
                }
            }
            ("fg", rest) => {
                let (confirmed, tag) = rest.split_once(':')?;
                let confirmed = match confirmed {
                    "1" => true,
                    "0" => false,
                    _ => return None,
                };
                let tag_is_hex =
                    tag.len() == 8 && tag.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
                Action::Forget {
                    confirmed,
                    asker: UserTag(u32::from_str_radix(tag, 16).ok().filter(|_| tag_is_hex)?),
                }
            }
            ("b", rest) => {
                let (code, page) = rest.split_once(':')?;
                Action::Browse {
                    category: Category::from_code(code)?,
                    page: number(page)?,
                }
            }
            _ => return None,
        })
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 48
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_fits() {
        let long_id = "a".repeat(48);
        let actions = [
            Action::PickLanguage,
            Action::SetLanguage(Lang::Kmr),
            Action::Menu,
            Action::Details(long_id.clone()),
            Action::SaveContact(long_id),
            Action::Page {
                query: QueryId(u64::MAX),
                offset: 99_995,
            },
            Action::Feedback {
                query: QueryId(7),
                helpful: false,
            },
            Action::Browse {
                category: Category::About,
                page: 3,
            },
            Action::Forget {
                confirmed: true,
                asker: UserTag::of(&crate::privacy::Pseudonyms::new(b"a secret for the tests").user("test", "k")),
            },
            Action::Forget {
                confirmed: false,
                asker: UserTag(0),
            },
            Action::Counsellor(None),
            Action::Counsellor(Some(QueryId(u64::MAX >> 1))),
            Action::Consent {
                agreed: true,
                asker: UserTag(0xdead_beef),
                query: Some(QueryId(u64::MAX)),
            },
            Action::Consent {
                agreed: false,
                asker: UserTag(1),
                query: None,
            },
            Action::Relay(true),
            Action::Relay(false),
            Action::EndCase,
        ];
        for action in actions {
            let data = action.encode();
            assert!(data.len() <= MAX_ACTION_BYTES, "{data}");
            assert_eq!(Action::decode(&data), Some(action));
        }
    }

    #[test]
    fn rejects_what_it_did_not_make() {
        for data in [
            "",
            "d:",
            "d:Heft 48",
            "l:xx",
            "m:zz:1",
            "m:1",
            "f:1:2",
            "b:x:1",
            "b:o:-1",
            "b:o:999999",
            "menu:x",
            "lp:1",
            "d:ä",
            "<script>",
            // Before the asker's tag, and tags not exactly as made.
            "fg:1",
            "fg:1:",
            "fg:1:1234567",
            "fg:1:123456789",
            "fg:1:ABCDEF01",
            "fg:1:+1234567",
            "fg:2:12345678",
            "h:",
            "h:xyz",
            "hc:1",
            "hc:2:12345678",
            "hc:1:1234567",
            "hc:1:12345678:",
            "hc:1:12345678:1:2",
            "hr:2",
            "hr:",
            "he:1",
            "h:1:2",
        ] {
            assert_eq!(Action::decode(data), None, "{data:?}");
        }
        assert_eq!(Action::decode(&"d:".repeat(40)), None);
    }
}
