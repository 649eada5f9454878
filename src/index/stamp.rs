//! The folder a kept index lives in (`--index-dir`), and whether the index
//! in it still matches the knowledge.
//!
//! Lotse rebuilds an index by emptying its folder, so it must be sure the
//! folder is its own: it leaves a marker file in every folder it creates,
//! and refuses a folder that holds anything else. While one thread or
//! process builds in a folder it holds a lock on the marker, so two builds
//! never write there at once.
//!
//! The stamp beside the index names what it was built from: a SHA-256 over
//! the version of the analyzers and the content hash of every knowledge
//! file. Each file's size and time of change are kept with its hash, so a
//! later start can tell an unchanged folder without reading it again.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::IndexError;
use crate::knowledge::Knowledge;
use crate::privacy::to_hex as hex;

/// The version of the analyzers and the schema. Bump it whenever
/// `analyzer.rs` or the schema changes what is indexed, so that kept
/// indexes are rebuilt.
/// 2: stop words per language, German compounds, frostem for fa/pl/uk,
/// Arabic prefixes.
/// 3: look-alike Latin and Cyrillic letters fold to a word's script
/// (`text::words`); the Arabic article standing apart is a stop word.
pub const ANALYZER_VERSION: u32 = 3;

/// The marker that says Lotse made the folder.
const MARKER: &str = "lotse-index";
const MARKER_TEXT: &str = "This folder holds a search index of Lotse. Lotse deletes and rebuilds everything in it.\n";
/// What the index was built from.
const STAMP: &str = "lotse-knowledge.stamp";

/// An index folder Lotse owns, locked while this value lives.
pub(super) struct Folder {
    dir: PathBuf,
    /// Held for the lock on the marker.
    _marker: File,
}

impl Folder {
    /// Claims `dir` for an index: creates it (with its marker) where it is
    /// missing or empty, takes a folder with a marker (or the stamp of an
    /// older Lotse), and refuses one that holds anything else. Waits while
    /// another build holds the folder.
    pub fn claim(dir: &Path) -> Result<Folder, IndexError> {
        let io = |source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(io)?;
        let marker = dir.join(MARKER);
        if !marker.exists() {
            if !dir.join(STAMP).exists()
                && let Some(foreign) = fs::read_dir(dir).map_err(io)?.flatten().next()
            {
                return Err(IndexError::Foreign {
                    path: dir.to_path_buf(),
                    file: foreign.file_name().to_string_lossy().into_owned(),
                });
            }
            fs::write(&marker, MARKER_TEXT).map_err(io)?;
        }
        let file = File::options().read(true).write(true).open(&marker).map_err(io)?;
        file.lock().map_err(io)?;
        Ok(Folder {
            dir: dir.to_path_buf(),
            _marker: file,
        })
    }

    /// Whether the index in the folder was built from `fingerprint`.
    pub fn holds(&self, fingerprint: &str) -> bool {
        fs::read_to_string(self.dir.join(STAMP)).is_ok_and(|s| s.lines().next() == Some(fingerprint))
    }

    /// Removes everything but the marker, the stamp first, so that a build
    /// cut short is never taken for a finished one.
    pub fn clear(&self) -> Result<(), IndexError> {
        let io = |source| IndexError::Io {
            path: self.dir.clone(),
            source,
        };
        match fs::remove_file(self.dir.join(STAMP)) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(io(err)),
            _ => {}
        }
        for entry in fs::read_dir(&self.dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            if entry.file_name() == MARKER {
                continue;
            }
            let path = entry.path();
            if entry.file_type().map_err(io)?.is_dir() {
                fs::remove_dir_all(&path).map_err(io)?;
            } else {
                fs::remove_file(&path).map_err(io)?;
            }
        }
        Ok(())
    }

    /// Records that the index now in the folder was built from
    /// `knowledge`, whose fingerprint is `fingerprint`.
    pub fn seal(&self, fingerprint: &str, knowledge: &Knowledge) -> Result<(), IndexError> {
        let io = |source| IndexError::Io {
            path: self.dir.clone(),
            source,
        };
        let mut text = format!("{fingerprint}\nanalyzers {ANALYZER_VERSION}\n");
        for source in knowledge.sources() {
            text.push_str(&format!(
                "{} {} {} {}\n",
                hex(&source.sha256),
                source.size,
                source.modified,
                source.path
            ));
        }
        // Written beside and renamed, so the stamp is whole or absent.
        let partial = self.dir.join(format!("{STAMP}.partial"));
        let mut file = File::create(&partial).map_err(io)?;
        file.write_all(text.as_bytes()).map_err(io)?;
        file.sync_all().map_err(io)?;
        fs::rename(&partial, self.dir.join(STAMP)).map_err(io)
    }
}

/// What a kept index must have been built from to serve `knowledge`: the
/// analyzers' version and the content hashes of the files (for knowledge
/// made in memory, of the entries themselves).
pub(super) fn fingerprint(knowledge: &Knowledge) -> String {
    let mut hasher = Sha256::new();
    // The crate's version stands for the loader, which may read the same
    // files differently in another release.
    hasher.update(format!(
        "lotse {} analyzers {ANALYZER_VERSION}\n",
        env!("CARGO_PKG_VERSION")
    ));
    if knowledge.sources().is_empty() {
        for entry in knowledge.entries() {
            // Serialising plain data cannot fail.
            let json = serde_json::to_vec(entry).unwrap_or_default();
            hasher.update(Sha256::digest(&json));
            hasher.update(entry.id.as_bytes());
            hasher.update(b"\n");
        }
    } else {
        for source in knowledge.sources() {
            hasher.update(source.sha256);
            hasher.update(source.path.as_bytes());
            hasher.update(b"\n");
        }
    }
    hex(&hasher.finalize())
}
