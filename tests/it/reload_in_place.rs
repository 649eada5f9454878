//! A reload with a kept index (`--index-dir`) changes only what changed:
//! the entries of the files edited, added or removed are read again and
//! their documents replaced in place, the others are shared with the
//! serving library, and what it answers is what a whole new load and
//! build answer. Anything a whole load would report (an error, a
//! reference to an entry that is gone) is still reported, with its line.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use lotse::index::{Location, SearchIndex};
use lotse::reload::{self, Outcome};
use lotse::search::{AskOptions, Library};

/// The shipped knowledge copied into a temporary folder, every file
/// changed an hour ago (so that its time of change is trusted), and the
/// path of an index folder beside it.
fn folder() -> (tempfile::TempDir, PathBuf, Location) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("knowledge");
    let shipped = lotse::knowledge::default_dir();
    for kind in fs::read_dir(&shipped).unwrap() {
        let kind = kind.unwrap().path();
        if !kind.is_dir() {
            continue;
        }
        let into = dir.join(kind.file_name().unwrap());
        fs::create_dir_all(&into).unwrap();
        for file in fs::read_dir(&kind).unwrap() {
            let file = file.unwrap().path();
            let copy = into.join(file.file_name().unwrap());
            fs::copy(&file, &copy).unwrap();
            age(&copy);
        }
    }
    let location = Location::Dir(root.path().join("index"));
    (root, dir, location)
}

fn age(path: &Path) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
}

fn open(knowledge: &Path, location: &Location) -> Library {
    let (mut loaded, index) = SearchIndex::open(knowledge, location, &mut |_, _| {}).unwrap();
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    Library::from_parts(std::mem::take(&mut loaded.knowledge), index)
}

/// The entries as plain values, bodies included wherever they are kept.
fn contents(library: &Library) -> serde_json::Value {
    serde_json::to_value(library.knowledge().entries()).unwrap()
}

/// What `library` answers to every question of the development set:
/// each answer's and related entry's id and score.
fn answers(library: &Library) -> Vec<Vec<(String, f32)>> {
    let queries = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev-queries.tsv")).unwrap();
    queries
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').nth(1))
        .map(|query| {
            let options = AskOptions {
                limit: 20,
                ..AskOptions::default()
            };
            let answer = library.ask(query, options).unwrap();
            let hits = answer.hits.into_iter().chain(answer.related);
            hits.map(|h| (h.id, h.score)).collect()
        })
        .collect()
}

fn segments(index: &Path) -> usize {
    fs::read_dir(index)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".idx"))
        .count()
}

/// An entry no other entry refers to, so that it may go.
fn unreferenced(library: &Library) -> String {
    let entries = library.knowledge().entries();
    let referred = |id: &str| entries.iter().any(|e| e.related.iter().any(|r| r == id));
    entries.iter().find(|e| !referred(&e.id)).unwrap().id.clone()
}

fn reload(serving: &Library, knowledge: &Path, location: &Location) -> Result<Library, Outcome> {
    reload::prepare(serving, knowledge, location, false)
}

/// Defect guarded: a reload rebuilt the whole index beside the serving
/// one, twice the memory at 100,000 entries. Now an edited file, a removed
/// translation, a removed entry and a new one are read and indexed alone,
/// and the result is what a whole load and build give: the same entries,
/// the same answers with the same scores, an index of one segment still.
#[test]
fn a_reload_replaces_only_the_changed_entries_and_answers_as_a_whole_build() {
    let (root, knowledge, location) = folder();
    let serving = open(&knowledge, &location);
    let gone = unreferenced(&serving);
    let edited = serving
        .knowledge()
        .entries()
        .iter()
        .find(|e| e.id != gone && e.texts.len() > 2)
        .unwrap()
        .clone();
    let kind = edited.kind.folder();
    let path = knowledge.join(kind).join(format!("{}.md", edited.id));
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen(edited.german().title(), "Neuer Titel über Wohngeldanträge", 1),
    )
    .unwrap();
    let lang = edited.texts.keys().find(|l| **l != lotse::lang::Lang::De).unwrap();
    fs::remove_file(knowledge.join(kind).join(format!("{}.{}.md", edited.id, lang.code()))).unwrap();
    let gone_kind = serving.knowledge().get(&gone).unwrap().kind.folder();
    for file in fs::read_dir(knowledge.join(gone_kind)).unwrap() {
        let file = file.unwrap().path();
        if file.file_name().unwrap().to_string_lossy().split('.').next() == Some(gone.as_str()) {
            fs::remove_file(file).unwrap();
        }
    }
    let new = text
        .replacen(&format!("id = \"{}\"", edited.id), "id = \"neu-im-netzwerk\"", 1)
        .replacen(edited.german().title(), "Ganz neues Angebot zur Sprachförderung", 1);
    fs::write(knowledge.join(kind).join("neu-im-netzwerk.md"), new).unwrap();

    let reloaded = reload(&serving, &knowledge, &location).unwrap();
    let whole = open(&knowledge, &Location::Dir(root.path().join("whole")));
    assert_eq!(reloaded.knowledge().len(), serving.knowledge().len());
    assert_eq!(contents(&reloaded), contents(&whole));
    assert_eq!(answers(&reloaded), answers(&whole));
    assert_eq!(segments(&root.path().join("index")), 1);
    assert!(reloaded.knowledge().get(&gone).is_none());
    let hits = reloaded.ask("Sprachförderung", AskOptions::default()).unwrap().hits;
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("neu-im-netzwerk"));
    // The entries not read again are the serving library's own.
    let entries = serving.knowledge().entries();
    let unchanged = entries.iter().find(|e| e.id != edited.id && e.id != gone).unwrap();
    let shared = reloaded
        .knowledge()
        .entries()
        .iter()
        .find(|e| e.id == unchanged.id)
        .unwrap();
    assert!(Arc::ptr_eq(unchanged, shared));
    // The serving library answered on while the index changed under it.
    assert!(
        !serving
            .ask(edited.german().title(), AskOptions::default())
            .unwrap()
            .hits
            .is_empty()
    );

    // The stamp and snapshot name the folder as it is now: the next start
    // keeps them, and so does the next reload.
    // The files just edited have no trusted time of change yet: the start
    // hashes them again, but that is no change, and the stamp stays.
    drop(serving);
    let stamp_path = root.path().join("index/lotse-knowledge.stamp");
    let stamp = fs::read(&stamp_path).unwrap();
    let started = open(&knowledge, &location);
    assert_eq!(fs::read(&stamp_path).unwrap(), stamp);
    assert_eq!(contents(&started), contents(&whole));
    assert_eq!(answers(&started), answers(&whole));
    assert!(
        matches!(reload(&reloaded, &knowledge, &location), Err(Outcome::Reloaded(n)) if n == whole.knowledge().len())
    );
}

/// A folder that did not change is not loaded again: the serving library
/// stays, and says how many entries it serves.
#[test]
fn a_reload_of_an_unchanged_folder_keeps_the_serving_library() {
    let (_root, knowledge, location) = folder();
    let serving = open(&knowledge, &location);
    let n = serving.knowledge().len();
    assert!(matches!(reload(&serving, &knowledge, &location), Err(Outcome::Reloaded(m)) if m == n));
    // Touched, not changed.
    age(&knowledge.join("offers/beratungskonzepte.md"));
    assert!(matches!(reload(&serving, &knowledge, &location), Err(Outcome::Reloaded(m)) if m == n));
}

/// Defect guarded: a change read alone must not hide an error a whole
/// load reports: a broken file, and a reference to an entry that is gone,
/// are rejected with their file and line, the serving library untouched;
/// once mended, the reload goes through.
#[test]
fn a_reload_with_an_error_is_rejected_with_its_line_and_then_mended() {
    let (_root, knowledge, location) = folder();
    let serving = open(&knowledge, &location);
    let entries = serving.knowledge().entries();
    let referring = entries.iter().find(|e| !e.related.is_empty()).unwrap().clone();
    let target = serving.knowledge().get(&referring.related[0]).unwrap().clone();
    let target_path = knowledge.join(target.kind.folder()).join(format!("{}.md", target.id));
    let target_text = fs::read_to_string(&target_path).unwrap();

    fs::write(&target_path, target_text.replacen("+++", "+++\nunknown_field = 1", 1)).unwrap();
    let Err(Outcome::Rejected(errors)) = reload(&serving, &knowledge, &location) else {
        panic!("a broken file was not rejected");
    };
    assert!(
        errors.iter().any(|e| e.contains(&format!("{}.md", target.id))),
        "{errors:?}"
    );

    fs::remove_file(&target_path).unwrap();
    let Err(Outcome::Rejected(errors)) = reload(&serving, &knowledge, &location) else {
        panic!("a reference to a removed entry was not rejected");
    };
    let referring_file = format!("{}.md:", referring.id);
    assert!(
        errors
            .iter()
            .any(|e| e.contains(&referring_file) && e.contains(&target.id)),
        "{errors:?}"
    );

    // Back as it was: what serves is the folder's knowledge again.
    fs::write(&target_path, &target_text).unwrap();
    let n = serving.knowledge().len();
    assert!(matches!(reload(&serving, &knowledge, &location), Err(Outcome::Reloaded(m)) if m == n));
    let summary = target.german().summary();
    fs::write(
        &target_path,
        target_text.replacen(summary, "Eine neue Zusammenfassung.", 1),
    )
    .unwrap();
    let reloaded = reload(&serving, &knowledge, &location).unwrap();
    let mended = reloaded.knowledge().get(&target.id).unwrap();
    assert_eq!(mended.german().summary(), "Eine neue Zusammenfassung.");
}

/// Another process that rebuilt the kept index (for another folder state)
/// leaves a stamp the serving library was not built from: the reload then
/// loads and builds the whole folder, never patches an index it does not
/// know.
#[test]
fn a_reload_after_another_build_in_the_folder_is_whole() {
    let (root, knowledge, location) = folder();
    let serving = open(&knowledge, &location);
    let gone = unreferenced(&serving);
    let path = serving.knowledge().get(&gone).unwrap().path.clone();
    fs::remove_file(&path).unwrap();
    for file in fs::read_dir(path.parent().unwrap()).unwrap() {
        let file = file.unwrap().path();
        if file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(&format!("{gone}."))
        {
            fs::remove_file(file).unwrap();
        }
    }
    let other = open(&knowledge, &location);
    let reloaded = reload(&serving, &knowledge, &location).unwrap();
    let whole = open(&knowledge, &Location::Dir(root.path().join("whole")));
    assert_eq!(contents(&reloaded), contents(&whole));
    assert_eq!(contents(&other), contents(&whole));
    assert_eq!(answers(&reloaded), answers(&whole));
}
