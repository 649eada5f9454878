//! The terminal chat: the assistant core in a terminal or a pipe.
//!
//! One line in is one turn: a `/command`, the number of a button of the
//! last message (which presses it), or a question. Replies are printed as
//! plain text, buttons as numbered choices. Like the Telegram bot, this is
//! only a door to [`Assistant::handle`]; all words come from the core.

use std::io::{self, BufRead, Write};

use crate::assistant::{Assistant, Block, Button, Channel, Input, Message, Reply, Request, Style, Target, UserKey};
use crate::bidi::isolate_ltr_runs;
use crate::lang::Lang;

/// One person's conversation in the terminal.
pub struct TerminalChat<'a> {
    assistant: &'a Assistant,
    user: UserKey,
    client_lang: Option<Lang>,
    /// The buttons of the last message, in the order they were numbered.
    buttons: Vec<Button>,
    hinted: bool,
}

impl<'a> TerminalChat<'a> {
    pub fn new(assistant: &'a Assistant, client_lang: Option<Lang>, user: UserKey) -> TerminalChat<'a> {
        TerminalChat {
            assistant,
            user,
            client_lang,
            buttons: Vec::new(),
            hinted: false,
        }
    }

    /// Runs the conversation until the input ends. An interactive session
    /// starts with the greeting and shows a prompt.
    pub fn run(&mut self, input: impl BufRead, mut output: impl Write, interactive: bool) -> io::Result<()> {
        if interactive {
            let greeting = self.turn("/start");
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
            let reply = self.turn(&line);
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
            let lang = self.lang();
            writeln!(output, "\n{}", self.assistant.catalog().text(lang, "chat-bye"))?;
        }
        Ok(())
    }

    /// Handles one line and returns what to print (empty for an empty line).
    pub fn turn(&mut self, line: &str) -> String {
        let line = line.trim();
        if line.is_empty() {
            return String::new();
        }
        let input = match line.parse::<usize>() {
            Ok(n) if (1..=self.buttons.len()).contains(&n) => match &self.buttons[n - 1].target {
                Target::Action(data) => Input::Button(data.clone()),
                // A link cannot be opened from here; it is shown again.
                Target::Url(url) => return url.clone(),
            },
            _ => parse_line(line),
        };
        let request = Request {
            user: self.user.clone(),
            channel: Channel::Chat,
            client_lang: self.client_lang,
            input,
        };
        let reply = self.assistant.handle(&request);
        self.render(&reply)
    }

    fn lang(&self) -> Lang {
        let probe = Request {
            user: self.user.clone(),
            channel: Channel::Chat,
            client_lang: self.client_lang,
            input: Input::NotText,
        };
        self.assistant.language_of(&probe).unwrap_or(Lang::En)
    }

    fn render(&mut self, reply: &Reply) -> String {
        let messages = reply.messages();
        let mut out = Vec::new();
        for message in messages {
            if message.buttons.iter().flatten().next().is_some() {
                self.buttons.clear();
            }
            out.push(self.render_message(message));
        }
        out.join("\n\n")
    }

    fn render_message(&mut self, message: &Message) -> String {
        let mut lines: Vec<String> = message.blocks.iter().map(render_block).collect();
        if let Some(card) = &message.contact {
            lines.push(
                format!("📇 {} {}", card.first_name, card.last_name)
                    .trim_end()
                    .to_string(),
            );
            lines.extend(card.organisation.iter().map(|o| format!("   {o}")));
            lines.push(format!("   {}", card.phone));
            lines.extend(card.email.iter().map(|e| format!("   {e}")));
            lines.extend(card.url.iter().map(|u| format!("   {u}")));
        }
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
                lines.push(format!(
                    "({})",
                    self.assistant.catalog().text(self.lang(), "chat-choose")
                ));
            }
        }
        lines.join("\n")
    }
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

/// A block as one line of text; links keep their address, right-to-left
/// lines get their Latin runs isolated.
fn render_block(block: &Block) -> String {
    let text: String = block
        .spans
        .iter()
        .map(|span| match &span.style {
            Style::Link(url) if url != &span.text && !url.starts_with("tel:") && !url.starts_with("mailto:") => {
                format!("{} <{url}>", span.text)
            }
            _ => span.text.clone(),
        })
        .collect();
    isolate_ltr_runs(&text, block.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

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
