//! Hostile input: every case of `tests/data/hostile.txt` and a few very
//! long ones, through the core, `lotse ask`, `lotse chat` (and, in
//! `telegram.rs`, the bot). No panic, every message within Telegram's
//! limits and valid Telegram HTML, no user text ever becomes markup.

use std::io::Write;
use std::process::Stdio;
use std::sync::Arc;

use lotse::assistant::{Assistant, Channel, Effect, Event, Input, MAX_ACTION_BYTES, MemoryStorage, Target};
use lotse::index::Location;
use lotse::lang::Lang;
use lotse::search::Library;

use crate::util::{actor, inline_results, library, lotse_command, messages, root};

/// All hostile cases: the data file's, decoded, and generated long ones.
pub fn cases() -> Vec<String> {
    let data = std::fs::read_to_string(root().join("tests/data/hostile.txt")).unwrap();
    let mut cases: Vec<String> = data.lines().filter(|l| !l.starts_with('#')).map(decode).collect();
    cases.push(String::new());
    cases.push(" ".repeat(50));
    cases.push("a".repeat(5_000));
    cases.push("Anerkennung ".repeat(500));
    cases.push("ع".repeat(4_096));
    cases.push("👍".repeat(3_000));
    cases.push(format!("/start {}", "x".repeat(300)));
    cases.push("Kotsina ".repeat(700) + "<b>");
    assert!(cases.len() >= 100);
    cases
}

/// Decodes `\u{XXXX}`, `\r` and `\t`; everything else stays as written.
fn decode(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some((hex, after)) = tail.strip_prefix("\\u{").and_then(|t| t.split_once('}'))
            && let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        {
            out.push(c);
            rest = after;
            continue;
        }
        let (c, skip) = match tail.as_bytes().get(1) {
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            _ => ('\\', 1),
        };
        out.push(c);
        rest = &tail[skip..];
    }
    out.push_str(rest);
    out
}

/// The input a line becomes when typed: a command or a text.
pub fn typed(case: &str) -> Input {
    match case.strip_prefix('/') {
        Some(command) => {
            let (name, args) = command.split_once(char::is_whitespace).unwrap_or((command, ""));
            Input::Command {
                name: name.to_string(),
                args: args.to_string(),
            }
        }
        None => Input::Text(case.to_string()),
    }
}

/// Checks Telegram HTML the way the fake Bot API does, in short: only the
/// tags the renderer makes, balanced, and `&`, `<`, `>` only as entities.
pub fn assert_telegram_html(html: &str) {
    let units: usize = html.chars().map(char::len_utf16).sum();
    assert!(units > 0, "an empty message");
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&', '>']) {
        let tail = &rest[at..];
        if tail.starts_with('>') {
            panic!("a bare > in {html:?}");
        }
        if let Some(after) = tail.strip_prefix('&') {
            let entity_ok = ["amp;", "lt;", "gt;", "quot;"].iter().any(|e| after.starts_with(e));
            assert!(entity_ok, "a bare & in {html:?}");
            rest = after;
            continue;
        }
        let end = tail.find('>').unwrap_or_else(|| panic!("an unclosed tag in {html:?}"));
        let tag = &tail[1..end];
        match tag {
            "b" | "i" => open.push(tag),
            t if t.starts_with("a href=\"http") => open.push("a"),
            "/b" | "/i" | "/a" => assert_eq!(open.pop(), Some(&tag[1..]), "unbalanced tags in {html:?}"),
            other => panic!("an unexpected tag <{other}> in {html:?}"),
        }
        rest = &tail[end + 1..];
    }
    assert!(open.is_empty(), "unclosed tags in {html:?}");
}

fn check_reply(reply: &[Effect]) {
    for message in messages(reply) {
        let rendered = lotse::bot::render(message);
        for chunk in &rendered.chunks {
            assert!(chunk.chars().map(char::len_utf16).sum::<usize>() <= lotse::bot::MAX_TEXT_UNITS);
            assert_telegram_html(chunk);
        }
        for button in message.buttons.iter().flatten() {
            assert!(!button.label.is_empty());
            if let Target::Action(data) = &button.target {
                assert!(data.len() <= MAX_ACTION_BYTES);
            }
        }
    }
}

#[tokio::test]
async fn the_core_survives_every_case() {
    let copy = Library::new(library().knowledge().clone(), &Location::Memory).unwrap();
    let assistant = Assistant::new(Arc::new(copy), Arc::new(MemoryStorage::default()));
    for case in cases() {
        for lang in [None, Some(Lang::Ar), Some(Lang::De)] {
            for input in [typed(&case), Input::Button(case.clone()), Input::Inline(case.clone())] {
                let event = Event {
                    actor: actor("hostile"),
                    channel: Channel::Telegram { private: true },
                    client_lang: lang,
                    input,
                };
                let reply = assistant.handle(event).await;
                check_reply(&reply);
                if let Some(results) = inline_results(&reply) {
                    assert!(results.len() <= 10);
                }
            }
        }
    }
}

#[test]
fn ask_and_chat_survive_every_case() {
    let lines: Vec<String> = cases().into_iter().filter(|c| !c.contains(['\n', '\r'])).collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.txt");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let ask = lotse_command()
        .args(["ask", "--batch", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(ask.status.success(), "{}", String::from_utf8_lossy(&ask.stderr));
    assert_eq!(String::from_utf8_lossy(&ask.stdout).lines().count(), lines.len());
    for line in lines.iter().filter(|l| !l.trim().is_empty()).take(40) {
        let one = lotse_command().args(["ask", "--json", "--", line]).output().unwrap();
        assert!(matches!(one.status.code(), Some(0) | Some(2)), "{line:?}");
    }

    let mut chat = lotse_command()
        .arg("chat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    chat.stdin
        .take()
        .unwrap()
        .write_all((lines.join("\n") + "\n").as_bytes())
        .unwrap();
    let output = chat.wait_with_output().unwrap();
    assert!(output.status.success());
}
