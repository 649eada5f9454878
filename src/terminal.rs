//! The terminal chat: the assistant core in a terminal or a pipe.
//!
//! One line in is one turn: a `/command`, the number of a button of the
//! last message (which presses it), or a question. Replies are printed as
//! plain text, buttons as numbered choices. Like the Telegram bot, this is
//! only a door to [`Assistant::handle`]; all words come from the core or
//! the catalog.
//!
//! Rendering is this door's choice: no bidi isolates (U+2068/U+2069),
//! which most terminals print as boxes; a reply that would only repeat the
//! one above is not printed again.

use std::io::{self, BufRead, Write};

use crate::assistant::{Actor, Assistant, Block, Button, Channel, Effect, Event, Input, Message, Style, Target};
use crate::i18n::Arg;
use crate::lang::Lang;

/// A line of at most this many digits is a button choice, never a search;
/// longer numbers (postcodes, phone numbers) are searched.
const MAX_CHOICE_DIGITS: usize = 2;

/// One person's conversation in the terminal.
pub struct TerminalChat<'a> {
    assistant: &'a Assistant,
    actor: Actor,
    client_lang: Option<Lang>,
    /// The buttons of the last reply, in the order they were numbered.
    buttons: Vec<Button>,
    /// The last reply with buttons, to tell when a reply only repeats it.
    last: Vec<Message>,
    hinted: bool,
}

impl<'a> TerminalChat<'a> {
    pub fn new(assistant: &'a Assistant, client_lang: Option<Lang>, actor: Actor) -> TerminalChat<'a> {
        TerminalChat {
            assistant,
            actor,
            client_lang,
            buttons: Vec::new(),
            last: Vec::new(),
            hinted: false,
        }
    }

    /// Runs the conversation until the input ends. An interactive session
    /// starts with the greeting and shows a prompt.
    pub async fn run(&mut self, input: impl BufRead, mut output: impl Write, interactive: bool) -> io::Result<()> {
        if interactive {
            let greeting = self.turn("/start").await;
            write!(output, "{greeting}\n> ")?;
            output.flush()?;
        }
        for line in input.lines() {
            // A line that is not UTF-8 is read as what it can be.
            let line = match line {
                Ok(line) => line,
                Err(e) if e.kind() == io::ErrorKind::InvalidData => continue,
                Err(e) => return Err(e),
            };
            let reply = self.turn(&line).await;
            if !reply.is_empty() {
                // A blank line between turns, as between chat bubbles.
                writeln!(output, "{reply}\n")?;
            }
            if interactive {
                write!(output, "> ")?;
            }
            output.flush()?;
        }
        if interactive {
            let lang = self.lang().await;
            writeln!(output, "\n{}", self.assistant.catalog().text(lang, "chat-bye"))?;
        }
        Ok(())
    }

    /// Handles one line and returns what to print (empty for an empty line).
    pub async fn turn(&mut self, line: &str) -> String {
        let line = line.trim();
        if line.is_empty() {
            return String::new();
        }
        let input = match choice(line) {
            Some(n) if (1..=self.buttons.len()).contains(&n) => match &self.buttons[n - 1].target {
                Target::Action(data) => Input::Button(data.clone()),
                // A link cannot be opened from here; it is shown again.
                Target::Url(url) => return url.clone(),
            },
            Some(n) => return self.no_such_button(n).await,
            None => parse_line(line),
        };
        let event = Event {
            actor: self.actor.clone(),
            channel: Channel::Terminal,
            client_lang: self.client_lang,
            input,
        };
        let effects = self.assistant.handle(event).await;
        let lang = self.lang().await;
        self.render(&effects, lang)
    }

    /// The user's language, or the fallback.
    async fn lang(&self) -> Lang {
        let user = &self.actor.user;
        self.assistant
            .language_of(user, self.client_lang)
            .await
            .unwrap_or(Lang::En)
    }

    /// The language of the last reply, where it had one; else `lang`.
    fn last_lang(&self, lang: Lang) -> Lang {
        self.last.iter().find_map(|m| m.lang).unwrap_or(lang)
    }

    /// Says that `n` is not a button here, rather than searching for it.
    async fn no_such_button(&self, n: usize) -> String {
        let lang = self.last_lang(self.lang().await);
        let args = [
            ("number", Arg::Number(n as i64)),
            ("count", Arg::Number(self.buttons.len() as i64)),
        ];
        self.assistant.catalog().format(lang, "chat-no-button", &args)
    }

    /// What the effects print; `lang` is the user's, for hints.
    fn render(&mut self, effects: &[Effect], lang: Lang) -> String {
        let messages: Vec<Message> = effects
            .iter()
            .filter_map(|effect| match effect {
                Effect::Send(message) | Effect::Edit(message) => Some(message.clone()),
                _ => None,
            })
            .collect();
        let has_buttons = messages.iter().any(|m| m.buttons.iter().flatten().next().is_some());
        // The choices above are still on screen: no need to print them
        // again (a typed /start after the greeting, say).
        if has_buttons && messages == self.last {
            return format!(
                "({})",
                self.assistant.catalog().text(self.last_lang(lang), "chat-see-above")
            );
        }
        if has_buttons {
            self.buttons.clear();
            self.last = messages;
        }
        let mut parts: Vec<String> = Vec::new();
        for effect in effects {
            match effect {
                Effect::Send(message) | Effect::Edit(message) => parts.push(self.render_message(message, lang)),
                Effect::Contact(card) => {
                    let mut lines = vec![
                        format!("📇 {} {}", card.first_name, card.last_name)
                            .trim_end()
                            .to_string(),
                    ];
                    lines.extend(card.organisation.iter().map(|o| format!("   {o}")));
                    lines.push(format!("   {}", card.phone));
                    lines.extend(card.email.iter().map(|e| format!("   {e}")));
                    lines.extend(card.url.iter().map(|u| format!("   {u}")));
                    // The card belongs to the message before it.
                    match parts.last_mut() {
                        Some(last) => {
                            last.push('\n');
                            last.push_str(&lines.join("\n"));
                        }
                        None => parts.push(lines.join("\n")),
                    }
                }
                Effect::Inline(_) | Effect::NotifyAdmin { .. } | Effect::NotifyStaff(_) | Effect::Case(_) => {}
            }
        }
        parts.join("\n\n")
    }

    fn render_message(&mut self, message: &Message, lang: Lang) -> String {
        let mut lines: Vec<String> = message.blocks.iter().map(render_block).collect();
        let buttons: Vec<&Button> = message.buttons.iter().flatten().collect();
        if !buttons.is_empty() {
            lines.push(String::new());
            for button in buttons {
                self.buttons.push(button.clone());
                let n = self.buttons.len();
                lines.push(format!("[{n}] {}", button.label));
                if let Target::Url(url) = &button.target {
                    // On a line of its own, so nothing touches it.
                    lines.push(format!("    {url}"));
                }
            }
            if !self.hinted {
                self.hinted = true;
                let lang = message.lang.unwrap_or(lang);
                lines.push(format!("({})", self.assistant.catalog().text(lang, "chat-choose")));
            }
        }
        lines.join("\n")
    }
}

/// The button number a line chooses: a line of at most
/// [`MAX_CHOICE_DIGITS`] digits.
fn choice(line: &str) -> Option<usize> {
    let short = line.len() <= MAX_CHOICE_DIGITS && line.bytes().all(|b| b.is_ascii_digit());
    short.then(|| line.parse().ok()).flatten()
}

/// A line as the input it is: a command or a question.
fn parse_line(line: &str) -> Input {
    let Some(command) = line.strip_prefix('/') else {
        return Input::Text(line.to_string());
    };
    let (name, args) = command.split_once(char::is_whitespace).unwrap_or((command, ""));
    Input::Command {
        name: name.to_string(),
        args: args.trim().to_string(),
    }
}

/// A block as one line of text; links keep their address. Right-to-left
/// lines are printed as they are: the terminal lays them out, and isolate
/// marks would show as boxes in most terminals.
fn render_block(block: &Block) -> String {
    block
        .spans
        .iter()
        .map(|span| match &span.style {
            Style::Link(url) if url != &span.text && !url.starts_with("tel:") && !url.starts_with("mailto:") => {
                format!("{} <{url}>", span.text)
            }
            _ => span.text.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_numbers_are_choices_long_ones_searches() {
        assert_eq!(choice("3"), Some(3));
        assert_eq!(choice("12"), Some(12));
        assert_eq!(choice("0"), Some(0));
        assert_eq!(choice("40476"), None);
        assert_eq!(choice("4a"), None);
        assert_eq!(choice("-1"), None);
    }

    #[test]
    fn lines_become_inputs() {
        assert_eq!(parse_line("Heft 48"), Input::Text("Heft 48".into()));
        assert_eq!(
            parse_line("/start  heft-48"),
            Input::Command {
                name: "start".into(),
                args: "heft-48".into()
            }
        );
        assert_eq!(
            parse_line("/help"),
            Input::Command {
                name: "help".into(),
                args: String::new()
            }
        );
    }
}
