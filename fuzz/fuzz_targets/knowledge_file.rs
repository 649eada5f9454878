//! Fuzz target: any text as a knowledge entry file. The parser and the
//! checks must turn it into an entry or into diagnostics, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lotse::knowledge::{Kind, check_entry_text};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for kind in Kind::ALL {
        let (entry, diagnostics) = check_entry_text(kind, "entry", text);
        // A sound entry has no errors; a refused one says why.
        assert!(entry.is_some() || !diagnostics.is_empty());
        for d in &diagnostics {
            let _ = d.to_string();
        }
    }
});
