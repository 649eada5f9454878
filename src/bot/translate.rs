//! Telegram messages into the core's [`Input`]: what a message asks of
//! Lotse, or nothing where it is not addressed to it.
//!
//! Commands and mentions come from the entities Telegram marks
//! (`bot_command`, `mention`, `text_mention`), never from searching a
//! lower-cased copy of the text: lower-casing changes byte lengths
//! (`İ` → `i̇`), and offsets taken from one string do not fit the other.
//! Entity offsets are UTF-16 units; one that does not fall on a character
//! boundary of the text is ignored, never trusted.

use std::ops::Range;

use teloxide::types::{MessageEntity, MessageEntityKind, UserId};

use crate::assistant::Input;

/// Who the bot is, to recognise commands and mentions meant for it.
#[derive(Debug, Clone)]
pub struct Identity {
    pub id: UserId,
    /// The username without `@`.
    pub username: String,
}

impl Identity {
    pub fn new(id: u64, username: &str) -> Identity {
        Identity {
            id: UserId(id),
            username: username.to_string(),
        }
    }
}

/// What a message asks of Lotse, or `None` where it is not addressed to
/// it. `addressed` is true in private chats and for replies to Lotse; in
/// groups otherwise only commands for Lotse and mentions of it count. A
/// caption counts as the text of its photo or document.
pub fn input_of(message: &teloxide::types::Message, me: &Identity, addressed: bool) -> Option<Input> {
    let (text, entities) = match (message.text(), message.caption()) {
        (Some(text), _) => (text, message.entities().unwrap_or_default()),
        (None, Some(caption)) => (caption, message.caption_entities().unwrap_or_default()),
        (None, None) => return addressed.then_some(Input::NotText),
    };
    input_of_text(text, entities, me, addressed)
}

/// [`input_of`] for a text and its entities.
pub fn input_of_text(text: &str, entities: &[MessageEntity], me: &Identity, addressed: bool) -> Option<Input> {
    let marked: Vec<(Range<usize>, &MessageEntityKind)> = entities
        .iter()
        .filter_map(|e| Some((byte_range(text, e.offset, e.length)?, &e.kind)))
        .collect();
    let command = marked
        .iter()
        .find(|(range, kind)| range.start == 0 && matches!(kind, MessageEntityKind::BotCommand))
        .map(|(range, _)| range.end)
        // Without the entity (older clients, other Bot API servers), a
        // leading slash still makes a command.
        .or_else(|| {
            text.starts_with('/')
                .then(|| text.find(char::is_whitespace).unwrap_or(text.len()))
        });
    if let Some(end) = command {
        let head = text[..end].strip_prefix('/').unwrap_or(&text[..end]);
        let (name, target) = head.split_once('@').unwrap_or((head, ""));
        // A command for another bot in the same group is not ours.
        if !target.is_empty() && !target.eq_ignore_ascii_case(&me.username) {
            return None;
        }
        return Some(Input::Command {
            name: name.to_string(),
            args: text[end..].trim().to_string(),
        });
    }
    let mentions: Vec<&Range<usize>> = marked
        .iter()
        .filter(|(range, kind)| match kind {
            MessageEntityKind::Mention => text[range.clone()]
                .strip_prefix('@')
                .is_some_and(|name| name.eq_ignore_ascii_case(&me.username)),
            MessageEntityKind::TextMention { user } => user.id == me.id,
            _ => false,
        })
        .map(|(range, _)| range)
        .collect();
    if !addressed && mentions.is_empty() {
        return None;
    }
    let mut rest = String::with_capacity(text.len());
    let mut at = 0;
    for range in mentions {
        if range.start >= at {
            rest.push_str(&text[at..range.start]);
            rest.push(' ');
            at = range.end;
        }
    }
    rest.push_str(&text[at..]);
    Some(Input::Text(rest.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// What a Bot API update (its JSON) asks of Lotse, for any message in it:
/// new, edited, or a channel post. The entry point of the fuzz target.
pub fn input_of_json(json: &[u8], me: &Identity, addressed: bool) -> Option<Input> {
    use teloxide::types::UpdateKind;
    let update: teloxide::types::Update = serde_json::from_slice(json).ok()?;
    match &update.kind {
        UpdateKind::Message(m)
        | UpdateKind::EditedMessage(m)
        | UpdateKind::ChannelPost(m)
        | UpdateKind::EditedChannelPost(m) => input_of(m, me, addressed),
        _ => None,
    }
}

/// The byte range of `length` UTF-16 units from `offset` in `text`, or
/// `None` where either end is not a character boundary or is past the end.
fn byte_range(text: &str, offset: usize, length: usize) -> Option<Range<usize>> {
    let end_units = offset.checked_add(length)?;
    let mut start = None;
    let mut units = 0;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), '\0'))) {
        if units == offset {
            start = Some(i);
        }
        if units == end_units {
            return Some(start?..i);
        }
        if units > end_units {
            return None;
        }
        units += c.len_utf16();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use teloxide::types::User;

    fn me() -> Identity {
        Identity {
            id: UserId(42),
            username: "LotseBot".to_string(),
        }
    }

    fn entity(kind: MessageEntityKind, offset: usize, length: usize) -> MessageEntity {
        MessageEntity { kind, offset, length }
    }

    /// Entities as Telegram marks them: a leading command and @-mentions,
    /// with UTF-16 offsets.
    fn marked(text: &str) -> Vec<MessageEntity> {
        let mut entities = Vec::new();
        let mut units = 0;
        let mut word_start: Option<(usize, char)> = None;
        for c in text.chars().chain([' ']) {
            if c.is_whitespace() {
                if let Some((start, first)) = word_start.take() {
                    match first {
                        '/' if start == 0 => entities.push(entity(MessageEntityKind::BotCommand, 0, units)),
                        '@' => entities.push(entity(MessageEntityKind::Mention, start, units - start)),
                        _ => {}
                    }
                }
            } else if word_start.is_none() {
                word_start = Some((units, c));
            }
            units += c.len_utf16();
        }
        entities
    }

    fn check(text: &str, addressed: bool, expected: Option<Input>) {
        assert_eq!(
            input_of_text(text, &marked(text), &me(), addressed),
            expected,
            "{text:?}"
        );
    }

    fn text(t: &str) -> Option<Input> {
        Some(Input::Text(t.to_string()))
    }

    fn command(name: &str, args: &str) -> Option<Input> {
        Some(Input::Command {
            name: name.to_string(),
            args: args.to_string(),
        })
    }

    #[test]
    fn mentions_and_commands_come_from_entities() {
        check("@lotsebot Heft 48", false, text("Heft 48"));
        check("Kontakt @LotseBot bitte", false, text("Kontakt bitte"));
        check("Kontakt bitte", false, None);
        check("Kontakt bitte", true, text("Kontakt bitte"));
        check("@otherbot Kontakt", false, None);
        check("/help", false, command("help", ""));
        check("/start@LotseBot abc", false, command("start", "abc"));
        check("/start@OtherBot abc", false, None);
        // Regression: lower-casing `İ` grows it, and the byte offsets of
        // the lower-cased text panicked in `strip_mention`.
        check("ΩΩ @LotseBot İİ", false, text("ΩΩ İİ"));
        check("İİİ @lotsebot Kotsina", false, text("İİİ Kotsina"));
        // A mention in the text but not marked by Telegram is not one.
        assert_eq!(input_of_text("@LotseBot hi", &[], &me(), false), None);
    }

    #[test]
    fn a_text_mention_of_the_bot_counts() {
        let bot = User {
            id: UserId(42),
            is_bot: true,
            first_name: "Lotse".into(),
            last_name: None,
            username: None,
            language_code: None,
            is_premium: false,
            added_to_attachment_menu: false,
        };
        let entities = [entity(MessageEntityKind::TextMention { user: bot }, 0, 5)];
        assert_eq!(input_of_text("Lotse Heft 48", &entities, &me(), false), text("Heft 48"));
    }

    #[test]
    fn offsets_off_a_character_boundary_are_ignored() {
        // 😀 is two UTF-16 units; an offset of 1 falls inside it.
        for (offset, length) in [(1, 9), (0, 99), (usize::MAX, 2), (3, usize::MAX)] {
            let entities = [entity(MessageEntityKind::Mention, offset, length)];
            assert_eq!(input_of_text("😀 @LotseBot", &entities, &me(), false), None);
        }
        assert_eq!(byte_range("😀 @LotseBot", 3, 9), Some(5..14));
        assert_eq!(byte_range("ab", 2, 0), Some(2..2));
    }

    #[test]
    fn the_fuzz_corpus_converts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/update");
        let me = Identity::new(42, "LotseBot");
        let inputs: Vec<Option<Input>> = ["group_mention", "command", "caption_edit"]
            .iter()
            .map(|name| input_of_json(&std::fs::read(dir.join(format!("{name}.json"))).unwrap(), &me, false))
            .collect();
        assert_eq!(inputs, [text("ΩΩ İİ"), command("start", "abc"), text("😀 Heft 48")]);
    }

    /// A cheap, deterministic fuzz run in every test: random texts of
    /// awkward characters with random entities never panic (the fuzz
    /// target `fuzz/fuzz_targets/update.rs` goes further).
    #[test]
    fn random_texts_and_entities_never_panic() {
        let alphabet: Vec<char> = "aİıΩ😀 @/\u{0301}\u{200d}ßẞﬃ\nلotseLOTSEBbot".chars().collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = next(16);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let mut entities = marked(&text);
            for _ in 0..next(3) {
                let kind = if next(2) == 0 {
                    MessageEntityKind::Mention
                } else {
                    MessageEntityKind::BotCommand
                };
                entities.push(entity(kind, next(20), next(20)));
            }
            let _ = input_of_text(&text, &entities, &me(), next(2) == 0);
        }
    }
}
