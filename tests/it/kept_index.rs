//! The start with a kept index (`--index-dir`): an unchanged knowledge
//! folder is only looked at (size and time of change) and its checked
//! entries come from the snapshot beside the index, while every real
//! change (new content of the same size, a file removed or added) is
//! still picked up, and a file only touched costs no rebuild.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use lotse::index::{Location, SearchIndex};
use lotse::search::{AskOptions, Library};

const STAMP: &str = "lotse-knowledge.stamp";
const SNAPSHOT: &str = "lotse-knowledge.snapshot";

fn entry(id: &str, title: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\nkind = \"offer\"\naudience = \"both\"\ntitle = \"{title}\"\n\
         summary = \"Beratung zu {title}.\"\nkeywords = [\"{title}\", \"Beratung\", \"Hilfe\", \"Amt\", \"Antrag\"]\n\
         source = \"test\"\n+++\nText über {title}.\n"
    )
}

fn translation(title: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\nsummary = \"Advice on {title}.\"\nkeywords = [\"{title}\", \"advice\", \"help\", \"office\", \"form\"]\n+++\n"
    )
}

/// A temporary folder with a knowledge folder whose files all changed an
/// hour ago, so that their times of change are trusted (a file changed
/// just before it is read is always hashed again), and the path of an
/// index folder beside it, not yet made.
fn folder() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let index = root.path().join("index");
    let dir = root.path().join("knowledge");
    fs::create_dir_all(dir.join("offers")).unwrap();
    fs::write(dir.join("offers/sprachkurs.md"), entry("sprachkurs", "Sprachkurs")).unwrap();
    fs::write(dir.join("offers/sprachkurs.en.md"), translation("language course")).unwrap();
    fs::write(dir.join("offers/wohngeld.md"), entry("wohngeld", "Wohngeld")).unwrap();
    for name in ["sprachkurs.md", "sprachkurs.en.md", "wohngeld.md"] {
        age(&dir.join("offers").join(name), 3600);
    }
    (root, dir, index)
}

fn age(path: &Path, seconds: u64) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(seconds))
        .unwrap();
}

fn open(knowledge: &Path, index: &Path) -> Library {
    let (mut loaded, index) =
        SearchIndex::open(knowledge, &Location::Dir(index.to_path_buf()), &mut |_, _| {}).unwrap();
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    Library::from_parts(std::mem::take(&mut loaded.knowledge), index)
}

/// The entries of `library` as plain values, bodies included wherever
/// they are kept (in memory, a temporary file or the snapshot), with their
/// paths.
fn contents(library: &Library) -> (serde_json::Value, Vec<PathBuf>) {
    let entries = library.knowledge().entries();
    let paths = entries.iter().map(|e| e.path.clone()).collect();
    (serde_json::to_value(entries).unwrap(), paths)
}

fn hit_ids(library: &Library, query: &str) -> Vec<String> {
    let answer = library.ask(query, AskOptions::default()).unwrap();
    answer.hits.into_iter().map(|h| h.id).collect()
}

fn segments(index: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(index)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".idx"))
        .collect();
    names.sort();
    names
}

#[test]
fn an_unchanged_folder_is_served_from_the_snapshot_without_reading_its_files() {
    let (_dir, knowledge, index) = folder();
    let first = open(&knowledge, &index);
    let stamp = fs::read_to_string(index.join(STAMP)).unwrap();
    assert!(stamp.lines().nth(2).unwrap().starts_with("snapshot "), "{stamp}");
    assert!(index.join(SNAPSHOT).is_file());

    let again = open(&knowledge, &index);
    assert_eq!(contents(&again), contents(&first));
    // The bodies, kept in a temporary file by the first start and in the
    // snapshot by this one, read back whole.
    for library in [&first, &again] {
        let german = library.knowledge().get("wohngeld").unwrap().german();
        assert_eq!(german.body().unwrap(), "Text über Wohngeld.");
    }
    // A server keeps no file records once its index is open: they are only
    // the stamp's (300,000 of them were 30 MB at 100,000 entries).
    assert!(again.knowledge().sources().is_empty());
    assert!(first.knowledge().sources().is_empty());
    assert_eq!(hit_ids(&again, "Wohngeld"), ["wohngeld"]);
    assert_eq!(fs::read_to_string(index.join(STAMP)).unwrap(), stamp);

    // The proof that the files were not read: content changed behind the
    // shortcut's back (same size, the old time of change put back) is not
    // seen. This is the documented limit of trusting size and time.
    let path = knowledge.join("offers/wohngeld.md");
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    fs::write(&path, entry("wohngeld", "Kindgeld")).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let behind = open(&knowledge, &index);
    assert_eq!(behind.knowledge().get("wohngeld").unwrap().german().title(), "Wohngeld");
}

/// Defect guarded: trusting size alone would miss an edit that keeps the
/// file's length ("Wohngeld" → "Kindgeld"), and serve the old entry from
/// the snapshot.
#[test]
fn new_content_of_the_same_size_is_picked_up() {
    let (_dir, knowledge, index) = folder();
    open(&knowledge, &index);
    let path = knowledge.join("offers/wohngeld.md");
    let size = fs::metadata(&path).unwrap().len();
    fs::write(&path, entry("wohngeld", "Kindgeld")).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().len(), size);
    age(&path, 60);

    let changed = open(&knowledge, &index);
    assert_eq!(
        changed.knowledge().get("wohngeld").unwrap().german().title(),
        "Kindgeld"
    );
    assert_eq!(hit_ids(&changed, "Kindgeld"), ["wohngeld"]);
    // And the next start serves the new content from the new snapshot.
    let again = open(&knowledge, &index);
    assert_eq!(contents(&again), contents(&changed));
}

#[test]
fn a_touched_file_is_hashed_again_and_nothing_is_rebuilt() {
    let (_dir, knowledge, index) = folder();
    let first = open(&knowledge, &index);
    let built = segments(&index);
    let path = knowledge.join("offers/sprachkurs.md");
    age(&path, 60);

    let touched = open(&knowledge, &index);
    assert_eq!(contents(&touched), contents(&first));
    assert_eq!(segments(&index), built, "the index was rebuilt for a touch");
    // The stamp now holds the new time, so the next start trusts it again.
    let stamp = fs::read_to_string(index.join(STAMP)).unwrap();
    let modified = fs::metadata(&path)
        .unwrap()
        .modified()
        .unwrap()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    assert!(
        stamp
            .lines()
            .any(|l| l.ends_with(" offers/sprachkurs.md") && l.contains(&format!(" {modified} "))),
        "{stamp}"
    );
}

#[test]
fn removed_and_added_files_are_picked_up() {
    let (_dir, knowledge, index) = folder();
    let first = open(&knowledge, &index);
    assert!(
        first
            .knowledge()
            .get("sprachkurs")
            .unwrap()
            .texts_in(lotse::lang::Lang::En)
            .is_some()
    );

    fs::remove_file(knowledge.join("offers/sprachkurs.en.md")).unwrap();
    let removed = open(&knowledge, &index);
    assert!(
        removed
            .knowledge()
            .get("sprachkurs")
            .unwrap()
            .texts_in(lotse::lang::Lang::En)
            .is_none()
    );

    fs::write(
        knowledge.join("offers/elterngeld.md"),
        entry("elterngeld", "Elterngeld"),
    )
    .unwrap();
    let added = open(&knowledge, &index);
    assert_eq!(added.knowledge().len(), 3);
    assert_eq!(hit_ids(&added, "Elterngeld"), ["elterngeld"]);
}

/// Defect guarded: a snapshot cut short or damaged must never be served
/// (nor panic); the folder is loaded instead and the snapshot written anew.
#[test]
fn a_damaged_snapshot_is_not_served() {
    let (_dir, knowledge, index) = folder();
    let first = open(&knowledge, &index);
    let snapshot = index.join(SNAPSHOT);
    let mut bytes = fs::read(&snapshot).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    fs::write(&snapshot, &bytes).unwrap();
    let again = open(&knowledge, &index);
    assert_eq!(contents(&again), contents(&first));
    assert_ne!(fs::read(&snapshot).unwrap(), bytes);

    fs::write(&snapshot, &bytes[..middle]).unwrap();
    let again = open(&knowledge, &index);
    assert_eq!(contents(&again), contents(&first));
}

/// A folder with errors keeps no snapshot: its errors are reported at
/// every start, never hidden behind a kept one.
#[test]
fn a_folder_with_errors_is_loaded_and_reported_every_time() {
    let (_dir, knowledge, index) = folder();
    fs::write(knowledge.join("offers/kaputt.md"), "no front matter").unwrap();
    for _ in 0..2 {
        let (loaded, _) = SearchIndex::open(&knowledge, &Location::Dir(index.clone()), &mut |_, _| {}).unwrap();
        assert!(loaded.has_errors());
        assert_eq!(loaded.knowledge.len(), 2);
    }
    assert!(!index.join(SNAPSHOT).exists());
}

/// A kept start makes its compounds of the snapshot's German words: a
/// compound question finds there what it finds after a full load. A
/// snapshot of an older version (as an older Lotse left it, the stamp
/// naming it) is refused: the folder is loaded and the snapshot written
/// anew.
#[test]
fn a_kept_start_splits_compounds_and_refuses_an_older_snapshot() {
    use sha2::{Digest, Sha256};

    let (_dir, knowledge, index) = folder();
    let first = open(&knowledge, &index);
    let kept = open(&knowledge, &index);
    let compound = hit_ids(&first, "Wohngeldantrag");
    assert_eq!(compound.first().map(String::as_str), Some("wohngeld"), "{compound:?}");
    assert_eq!(hit_ids(&kept, "Wohngeldantrag"), compound);

    let snapshot = index.join(SNAPSHOT);
    let version_at = b"lotse-knowledge-snapshot\n".len()..b"lotse-knowledge-snapshot\n".len() + 4;
    let version = |bytes: &[u8]| u32::from_le_bytes(bytes[version_at.clone()].try_into().unwrap());
    let stamp = fs::read_to_string(index.join(STAMP)).unwrap();
    // The stamp as it names a snapshot of `bytes`.
    let stamped = |bytes: &[u8]| {
        let sha256: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        let lines: Vec<String> = stamp
            .lines()
            .map(|line| {
                if line.starts_with("snapshot ") {
                    format!("snapshot {sha256} {}", bytes.len())
                } else {
                    line.to_string()
                }
            })
            .collect();
        lines.join("\n") + "\n"
    };
    let mut bytes = fs::read(&snapshot).unwrap();
    assert_eq!(stamped(&bytes), stamp);
    assert_eq!(version(&bytes), lotse::knowledge::snapshot::VERSION);
    bytes[version_at.clone()].copy_from_slice(&1u32.to_le_bytes());
    fs::write(&snapshot, &bytes).unwrap();
    fs::write(index.join(STAMP), stamped(&bytes)).unwrap();

    let again = open(&knowledge, &index);
    assert_eq!(contents(&again), contents(&first));
    assert_eq!(hit_ids(&again, "Wohngeldantrag"), compound);
    assert_eq!(
        version(&fs::read(&snapshot).unwrap()),
        lotse::knowledge::snapshot::VERSION
    );
    let served = open(&knowledge, &index);
    assert_eq!(hit_ids(&served, "Wohngeldantrag"), compound);
}
