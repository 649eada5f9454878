//! Loading and validating knowledge folders: the shipped one is sound, and
//! every broken fixture gets its precise error, with file and line.
//!
//! Each folder below `tests/fixtures/check/` holds a `knowledge/` folder and
//! an `expected.txt` whose lines must each begin one of the errors reported
//! (paths relative to that `knowledge/`).

use std::fs;

use lotse::knowledge::{self, Severity};
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
}

#[test]
fn broken_fixtures_get_their_errors() {
    let dir = fixtures().join("check");
    let mut cases: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 10);
    for case in cases {
        let knowledge_dir = case.join("knowledge");
        let expected = fs::read_to_string(case.join("expected.txt")).unwrap();
        let loaded = knowledge::load(&knowledge_dir);
        let reported: Vec<String> = loaded
            .errors()
            .map(|d| {
                let relative = d.path.strip_prefix(&knowledge_dir).unwrap_or(&d.path);
                let mut d = d.clone();
                d.path = relative.to_path_buf();
                d.to_string()
            })
            .collect();
        for line in expected.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                reported.iter().any(|r| r.starts_with(line)),
                "{}: expected an error starting with\n  {line}\nbut got\n  {}",
                case.display(),
                reported.join("\n  ")
            );
        }
        assert_eq!(
            reported.len(),
            expected.lines().filter(|l| !l.trim().is_empty()).count(),
            "{}: unexpected errors: {reported:#?}",
            case.display()
        );
    }
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
