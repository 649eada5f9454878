//! The core's messages as Telegram wants them: HTML text in chunks of at
//! most 4,096 characters split at block boundaries, and inline keyboards.
//!
//! Every string from users or the knowledge is escaped, so nothing in it
//! can become markup. Right-to-left blocks get their Latin runs isolated,
//! but never inside a link's address.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::assistant::{Block, Message, Style, Target};
use crate::bidi::isolate_ltr_runs;

/// Telegram's limit for a message's text, in UTF-16 code units after the
/// markup is parsed.
pub const MAX_TEXT_UNITS: usize = 4096;

/// A message ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// HTML texts, each within Telegram's limit; the keyboard goes with the
    /// last one.
    pub chunks: Vec<String>,
    pub keyboard: Option<InlineKeyboardMarkup>,
}

/// Renders a message of the core.
pub fn render(message: &Message) -> Rendered {
    let mut chunks = Vec::new();
    let mut html = String::new();
    let mut units = 0;
    for block in &message.blocks {
        for (block_html, block_units) in block_pieces(block) {
            let separator = usize::from(!html.is_empty() || units > 0);
            if units + separator + block_units > MAX_TEXT_UNITS && !html.is_empty() {
                chunks.push(std::mem::take(&mut html));
                units = 0;
            } else if separator == 1 {
                html.push('\n');
                units += 1;
            }
            html.push_str(&block_html);
            units += block_units;
        }
    }
    if !html.trim().is_empty() {
        chunks.push(html);
    }
    Rendered {
        chunks,
        keyboard: keyboard(message),
    }
}

/// A block as HTML with its visible length; a block too long for one
/// message is cut into plain pieces at spaces.
fn block_pieces(block: &Block) -> Vec<(String, usize)> {
    let mut html = String::new();
    let mut units = 0;
    for span in &block.spans {
        let text = match span.style {
            Style::Link(_) => span.text.clone(),
            _ => isolate_ltr_runs(&span.text, block.lang),
        };
        units += utf16_len(&text);
        let escaped = escape(&text);
        match &span.style {
            Style::Plain => html.push_str(&escaped),
            Style::Bold => html.push_str(&format!("<b>{escaped}</b>")),
            Style::Italic => html.push_str(&format!("<i>{escaped}</i>")),
            // Telegram links only web addresses; phone numbers and e-mail
            // addresses it recognises in plain text by itself.
            Style::Link(url) if url.starts_with("https://") || url.starts_with("http://") => {
                html.push_str(&format!("<a href=\"{}\">{escaped}</a>", escape(url)));
            }
            Style::Link(_) => html.push_str(&escaped),
        }
    }
    if units <= MAX_TEXT_UNITS {
        return vec![(html, units)];
    }
    let plain: String = block.spans.iter().map(|s| s.text.as_str()).collect();
    split_plain(&plain, MAX_TEXT_UNITS - 96)
        .into_iter()
        .map(|piece| (escape(&piece), utf16_len(&piece)))
        .collect()
}

/// Cuts `text` into pieces of at most `limit` UTF-16 units, at a space
/// where there is one.
fn split_plain(text: &str, limit: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut units = 0;
    for c in text.chars() {
        let n = c.len_utf16();
        if units + n > limit {
            let cut = current
                .rfind(' ')
                .filter(|&i| i > current.len() / 2)
                .unwrap_or(current.len());
            let rest = current.split_off(cut);
            pieces.push(std::mem::take(&mut current));
            current = rest.trim_start().to_string();
            units = utf16_len(&current);
        }
        current.push(c);
        units += n;
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

fn keyboard(message: &Message) -> Option<InlineKeyboardMarkup> {
    let rows: Vec<Vec<InlineKeyboardButton>> = message
        .buttons
        .iter()
        .map(|row| {
            row.iter()
                .filter_map(|button| match &button.target {
                    Target::Action(data) => Some(InlineKeyboardButton::callback(button.label.clone(), data.clone())),
                    Target::Url(url) => url
                        .parse()
                        .ok()
                        .map(|url| InlineKeyboardButton::url(button.label.clone(), url)),
                })
                .collect::<Vec<_>>()
        })
        .filter(|row| !row.is_empty())
        .collect();
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

/// Escapes text for Telegram's HTML parse mode.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assistant::{Button, Span};
    use crate::lang::Lang;

    #[test]
    fn escapes_everything_from_outside() {
        let message = Message {
            blocks: vec![Block {
                spans: vec![Span::bold("<script>&"), Span::plain(" \"x\" </b>")],
                lang: Lang::De,
            }],
            ..Message::default()
        };
        let rendered = render(&message);
        assert_eq!(rendered.chunks, ["<b>&lt;script&gt;&amp;</b> &quot;x&quot; &lt;/b&gt;"]);
    }

    #[test]
    fn long_messages_split_at_blocks_within_the_limit() {
        let blocks: Vec<Block> = (0..200)
            .map(|i| Block::plain(format!("{i} {}", "ä".repeat(60)), Lang::De))
            .collect();
        let message = Message {
            blocks,
            buttons: vec![vec![Button::action("1", "menu".to_string())]],
            ..Message::default()
        };
        let rendered = render(&message);
        assert!(rendered.chunks.len() >= 3);
        for chunk in &rendered.chunks {
            assert!(utf16_len(chunk) <= MAX_TEXT_UNITS);
        }
        assert!(
            rendered.chunks[1].starts_with(|c: char| c.is_ascii_digit()),
            "split at a block"
        );
        assert!(rendered.keyboard.is_some());
    }

    #[test]
    fn one_huge_block_is_cut_into_pieces() {
        let message = Message {
            blocks: vec![Block::plain("wort ".repeat(3000), Lang::De)],
            ..Message::default()
        };
        let rendered = render(&message);
        assert!(rendered.chunks.len() >= 4);
        assert!(rendered.chunks.iter().all(|c| utf16_len(c) <= MAX_TEXT_UNITS));
    }

    #[test]
    fn links_keep_their_address_whole_in_rtl_text() {
        let message = Message {
            blocks: vec![Block {
                spans: vec![
                    Span::bold("الموقع: "),
                    Span {
                        text: "http://www.intqua.de".into(),
                        style: Style::Link("http://www.intqua.de".into()),
                    },
                ],
                lang: Lang::Ar,
            }],
            ..Message::default()
        };
        let html = &render(&message).chunks[0];
        assert!(
            html.contains("<a href=\"http://www.intqua.de\">http://www.intqua.de</a>"),
            "{html}"
        );
    }
}
