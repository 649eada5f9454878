//! Loading and validating knowledge folders: the shipped one is sound, and
//! every broken fixture gets its precise error, with file and line.
//!
//! Each folder below `tests/fixtures/check/` holds a `knowledge/` folder and
//! an `expected.txt` whose lines must each begin one of the errors reported
//! (paths relative to that `knowledge/`), and none other. A `warnings.txt`
//! beside it lists the warnings the same way.

use std::fs;
use std::path::Path;

use lotse::knowledge::{self, Loaded, MIN_KEYWORDS, Severity};
use lotse::lang::Lang;

use crate::util::{fixtures, lotse, root, stderr, stdout};

#[test]
fn shipped_knowledge_is_sound_and_complete() {
    let loaded = knowledge::load(&root().join("knowledge"));
    let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "errors in knowledge/:\n{}", errors.join("\n"));
    let coverage = loaded.knowledge.coverage();
    assert!(coverage.total >= 24, "only {} entries", coverage.total);
    assert_eq!(coverage.percent(Lang::De), 100.0);
    assert_eq!(coverage.percent(Lang::En), 100.0);
    let thin: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("keywords in"))
        .map(ToString::to_string)
        .collect();
    assert!(thin.is_empty(), "too few keywords:\n{}", thin.join("\n"));
}

#[test]
fn broken_fixtures_get_their_errors() {
    let dir = fixtures().join("check");
    let mut cases: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 10);
    for case in cases {
        let knowledge_dir = case.join("knowledge");
        let loaded = knowledge::load(&knowledge_dir);
        let expected = fs::read_to_string(case.join("expected.txt")).unwrap();
        expect_reports(&case, &loaded, Severity::Error, &expected);
        // Warnings are checked only where a case lists them all.
        if let Ok(expected) = fs::read_to_string(case.join("warnings.txt")) {
            expect_reports(&case, &loaded, Severity::Warning, &expected);
        }
    }
}

/// Every line of `expected` begins one report of `severity`, and there are
/// no others (paths relative to the case's `knowledge/`).
fn expect_reports(case: &Path, loaded: &Loaded, severity: Severity, expected: &str) {
    let knowledge_dir = case.join("knowledge");
    let reported: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| {
            let relative = d.path.strip_prefix(&knowledge_dir).unwrap_or(&d.path);
            let mut d = d.clone();
            d.path = relative.to_path_buf();
            d.to_string()
        })
        .collect();
    let expected: Vec<&str> = expected.lines().filter(|l| !l.trim().is_empty()).collect();
    for line in &expected {
        assert!(
            reported.iter().any(|r| r.starts_with(line)),
            "{}: expected a report starting with\n  {line}\nbut got\n  {}",
            case.display(),
            reported.join("\n  ")
        );
    }
    assert_eq!(
        reported.len(),
        expected.len(),
        "{}: unexpected reports: {reported:#?}",
        case.display()
    );
}

#[test]
fn unreadable_file_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("offers")).unwrap();
    fs::write(dir.path().join("offers/kaputt.md"), b"+++\nid = \"\xff\xfe\"\n+++\n").unwrap();
    let loaded = knowledge::load(dir.path());
    let error = loaded.errors().next().expect("an error").to_string();
    assert!(
        error.contains("kaputt.md: error: unreadable file: it is not UTF-8"),
        "{error}"
    );
}

#[test]
fn missing_translation_is_a_warning() {
    let loaded = knowledge::load(&fixtures().join("check/unknown-language/knowledge"));
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.contains("no translation into `en`"))
    );
}

#[test]
fn check_command_prints_coverage_and_exit_codes() {
    let ok = lotse(&["check", "knowledge"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let out = stdout(&ok);
    for lang in Lang::ALL {
        assert!(
            out.lines().any(|l| l.starts_with(lang.code())),
            "no coverage row for {lang}:\n{out}"
        );
    }
    assert!(out.contains("0 errors"));

    let broken = fixtures().join("check/malformed-contact/knowledge");
    let failed = lotse(&["check", broken.to_str().unwrap()]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(stderr(&failed).contains("person.md:14: error: malformed e-mail"));
}

/// Guards against an entry that only its title words find: a language with
/// fewer than MIN_KEYWORDS keywords is named with its file, and stays a
/// warning, so `lotse check` still exits 0.
#[test]
fn few_keywords_warn_but_do_not_fail() {
    assert_eq!(MIN_KEYWORDS, 5, "the README documents 5");
    let dir = fixtures().join("check/few-keywords/knowledge");
    let out = lotse(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("beratung.en.md: warning: only 2 keywords in `en`; add at least 3 more"),
        "{err}"
    );
    // Five different keywords are enough, even when two differ only in accents.
    assert!(!err.contains("beratung.fr.md"), "{err}");
    assert!(stdout(&out).contains("0 errors, 11 warnings"), "{}", stdout(&out));
}
