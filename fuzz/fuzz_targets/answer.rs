//! Fuzz target: any input through the whole answer path. The bytes become
//! a text message, a command, a button press and an inline query, in a
//! language picked by the first byte; every reply is rendered for Telegram
//! and for the terminal. Nothing may panic, and every button's data must
//! fit Telegram's 64 bytes.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use lotse::assistant::{Assistant, Channel, Input, MAX_ACTION_BYTES, MemoryPreferences, Request, Target, UserKey};
use lotse::index::Location;
use lotse::lang::Lang;
use lotse::search::Library;

fn assistant() -> &'static Assistant {
    static ASSISTANT: OnceLock<Assistant> = OnceLock::new();
    ASSISTANT.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge");
        let (library, _) = Library::open(&dir, &Location::Memory).expect("the shipped knowledge indexes");
        Assistant::new(Arc::new(library), Arc::new(MemoryPreferences::default()))
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let lang = Lang::ALL.get(usize::from(first) % 13).copied();
    let (name, args) = text.split_once(' ').unwrap_or((&text, ""));
    let inputs = [
        Input::Text(text.clone()),
        Input::Command { name: name.to_string(), args: args.to_string() },
        Input::Button(text.clone()),
        Input::Inline(text.clone()),
    ];
    for input in inputs {
        let request = Request { user: UserKey("fuzz".into()), channel: Channel::Telegram, client_lang: lang, input };
        let reply = assistant().handle(&request);
        for message in reply.messages() {
            let rendered = lotse::bot::render(message);
            assert!(rendered.chunks.iter().all(|c| c.chars().map(char::len_utf16).sum::<usize>() <= 4096 * 2));
            for button in message.buttons.iter().flatten() {
                if let Target::Action(data) = &button.target {
                    assert!(data.len() <= MAX_ACTION_BYTES);
                }
            }
        }
    }
});
