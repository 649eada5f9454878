//! Hot reload of the knowledge: a folder edited while Lotse runs is checked
//! and, when sound, indexed in the background and swapped in at once; a
//! folder with errors leaves the old index serving.
//!
//! The watcher polls a fingerprint of the folder (names, sizes, times of
//! change) every few seconds: no platform notification API, nothing that
//! misses an edit made through a network share or an editor's rename.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crate::assistant::Assistant;
use crate::index::Location;
use crate::knowledge;
use crate::search::Library;

/// How often the folder is looked at.
pub const POLL: Duration = Duration::from_secs(2);

/// What a reload did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The new knowledge serves, with this many entries.
    Reloaded(usize),
    /// The folder has errors (each with file and line); the old knowledge
    /// keeps serving.
    Rejected(Vec<String>),
}

/// Loads `dir`, and when it has no errors builds its index and swaps it
/// into `assistant`.
pub fn reload(assistant: &Assistant, dir: &Path, location: &Location) -> Outcome {
    let loaded = knowledge::load(dir);
    let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
    if !errors.is_empty() {
        for error in &errors {
            log::error!("knowledge not reloaded: {error}");
        }
        return Outcome::Rejected(errors);
    }
    let entries = loaded.knowledge.len();
    match Library::new(loaded.knowledge, location) {
        Ok(library) => {
            assistant.replace_library(Arc::new(library));
            log::info!("knowledge reloaded: {entries} entries");
            Outcome::Reloaded(entries)
        }
        Err(err) => {
            log::error!("knowledge not reloaded: {err}");
            Outcome::Rejected(vec![err.to_string()])
        }
    }
}

/// Watches `dir` on a thread of its own and reloads on every change;
/// `on_outcome` hears of each reload (to tell the admins).
pub fn watch(
    assistant: Arc<Assistant>,
    dir: PathBuf,
    location: Location,
    on_outcome: impl Fn(Outcome) + Send + 'static,
) -> std::io::Result<JoinHandle<()>> {
    // Taken before the thread starts, so no edit from now on is missed.
    let mut last = fingerprint(&dir);
    std::thread::Builder::new().name("lotse-reload".into()).spawn(move || {
        loop {
            std::thread::sleep(POLL);
            let now = fingerprint(&dir);
            if now == last {
                continue;
            }
            // Let an editor finish writing before reading.
            std::thread::sleep(Duration::from_millis(300));
            last = fingerprint(&dir);
            on_outcome(reload(&assistant, &dir, &location));
        }
    })
}

/// A hash of every file's path, size and time of change below `dir`.
pub fn fingerprint(dir: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.metadata() {
                Ok(meta) if meta.is_dir() => stack.push(path),
                Ok(meta) => files.push((path, meta.len(), meta.modified().ok())),
                Err(_) => {}
            }
        }
    }
    files.sort();
    files.hash(&mut hasher);
    hasher.finish()
}
