//! Rules of the code that a reader would otherwise have to check by eye:
//! every source file says what it is for, and no words a user reads are
//! written in the conversation code (they come from `locales/`).

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::root;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn every_module_opens_with_its_purpose() {
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} does not open with a //! paragraph",
            file.display()
        );
    }
}

/// The string literals of `code` outside its tests, with their line.
fn literals(code: &str) -> Vec<(usize, String)> {
    let code = code.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = line.trim_start();
        // Comments, and log lines for the operator, are not for users.
        if line.starts_with("//") || line.starts_with("log::") {
            continue;
        }
        let mut parts = line.split('"');
        parts.next();
        while let (Some(literal), Some(_)) = (parts.next(), parts.next()) {
            out.push((n + 1, literal.to_string()));
        }
    }
    out
}

/// A literal that reads as words for people: two words of three letters
/// or more with a space between.
fn is_prose(literal: &str) -> bool {
    let words: Vec<&str> = literal.split(' ').collect();
    words.windows(2).any(|w| {
        w.iter()
            .all(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 3)
    })
}

#[test]
fn no_user_facing_words_in_the_conversation_code() {
    let mut files = rust_files(&root().join("src/assistant"));
    files.push(root().join("src/terminal.rs"));
    files.push(root().join("src/cli/chat.rs"));
    let mut found = Vec::new();
    for file in files {
        let code = fs::read_to_string(&file).unwrap();
        for (line, literal) in literals(&code) {
            if is_prose(&literal) {
                found.push(format!("{}:{line}: {literal:?}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words for users belong in locales/*.ftl:\n{}",
        found.join("\n")
    );
}
