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

/// Which folder (or file) of `src/` alone may name each crate: the core is
/// plain data, and each outside library stays behind one module.
const BOUNDARIES: &[(&str, &str)] = &[
    ("teloxide", "src/bot/"),
    ("sqlx", "src/store/"),
    ("tantivy", "src/index/"),
    ("frostem", "src/index/"),
    ("snowball", "src/index/"),
    ("fluent_bundle", "src/i18n/"),
    ("fluent_syntax", "src/i18n/"),
    ("unic_langid", "src/i18n/"),
    ("rusqlite", "src/bench.rs"),
];

/// Whether `code` names `krate` as a path (`krate::…`), outside comments.
fn names_crate(code: &str, krate: &str) -> Option<usize> {
    let needle = format!("{krate}::");
    code.lines().position(|line| {
        let line = line.trim_start();
        !line.starts_with("//")
            && line.match_indices(&needle).any(|(at, _)| {
                // `my_tantivy::` or `x.tantivy::` is another name.
                !line[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
    })
}

#[test]
fn each_outside_library_stays_behind_its_module() {
    let src = root().join("src");
    let mut found = Vec::new();
    for file in rust_files(&src) {
        let code = fs::read_to_string(&file).unwrap();
        let relative = file.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
        for (krate, home) in BOUNDARIES {
            if relative.starts_with(home) {
                continue;
            }
            if let Some(line) = names_crate(&code, krate) {
                found.push(format!("{relative}:{}: {krate} belongs in {home}", line + 1));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// HTTP servers: only the doors that listen (the webhook and the web page)
/// know them; the web's templates stay in the web door.
const SHARED_BOUNDARIES: &[(&str, &[&str])] = &[
    ("axum", &["src/web/", "src/bot/"]),
    ("hyper", &["src/web/", "src/bot/"]),
    ("hyper_util", &["src/web/", "src/bot/"]),
    ("http_body_util", &["src/web/", "src/bot/"]),
    ("maud", &["src/web/"]),
];

#[test]
fn http_servers_stay_in_the_doors() {
    let mut found = Vec::new();
    for file in rust_files(&root().join("src")) {
        let code = fs::read_to_string(&file).unwrap();
        let relative = file.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
        for (krate, homes) in SHARED_BOUNDARIES {
            if homes.iter().any(|home| relative.starts_with(home)) {
                continue;
            }
            if let Some(line) = names_crate(&code, krate) {
                found.push(format!(
                    "{relative}:{}: {krate} belongs in {}",
                    line + 1,
                    homes.join(" or ")
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_boundary_check_sees_a_crossing() {
    assert_eq!(names_crate("use teloxide::types::Update;", "teloxide"), Some(0));
    assert_eq!(names_crate("// teloxide::x in a comment", "teloxide"), None);
    assert_eq!(names_crate("let a = 1;\nsqlx::query(\"\")", "sqlx"), Some(1));
    assert_eq!(names_crate("use my_sqlx::x;", "sqlx"), None);
}

/// Defect guarded: `UserKey(pub String)` let any door make a key of a
/// clear id. A key is made only by `Pseudonyms` (from a door's id and the
/// secret) in `src/privacy.rs`, and read back from storage only in
/// `src/store/`, which takes nothing but a pseudonym's form. The field is
/// private, so code outside the crate cannot build one at all; this keeps
/// the crate itself to it.
#[test]
fn only_the_pseudonyms_make_a_user_key() {
    let constructor = format!("{}(", "UserKey");
    let read_back = format!("{}::from_stored", "UserKey");
    let mut found = Vec::new();
    for dir in ["src", "tests", "benches"] {
        let dir = root().join(dir);
        if !dir.exists() {
            continue;
        }
        for file in rust_files(&dir) {
            let code = fs::read_to_string(&file).unwrap();
            let relative = file.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
            if relative == "src/privacy.rs" {
                continue;
            }
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                let made = line.match_indices(&constructor).any(|(at, _)| {
                    // `struct UserKey(` is only in privacy.rs; `FooUserKey(` is another name.
                    !line[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                let read = line.contains(&read_back) && !relative.starts_with("src/store/");
                if made || read {
                    found.push(format!("{relative}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "a UserKey made outside Pseudonyms:\n{}",
        found.join("\n")
    );
}
