//! Fuzz target: any bytes as a Bot API update, through the conversion of
//! Telegram messages into the core's requests (`lotse::bot::input_of_json`):
//! texts and captions with entities, in private chats and groups, new and
//! edited. Nothing may panic, whatever the offsets of the entities.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lotse::bot::{Identity, input_of_json};

fuzz_target!(|data: &[u8]| {
    let me = Identity::new(42, "LotseBot");
    for addressed in [false, true] {
        let _ = input_of_json(data, &me, addressed);
    }
});
