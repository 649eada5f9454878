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
//! later start can tell an unchanged folder without reading it again; and
//! beside the stamp a snapshot of the checked knowledge (its SHA-256 in the
//! stamp), so that such a start need not parse and check every file either.

use std::fs::{self, File};
use std::io::{BufRead, Read, Seek, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::IndexError;
use crate::knowledge::{self, Knowledge, Source};
use crate::privacy::to_hex as hex;

/// The version of the analyzers and the schema. Bump it whenever
/// `analyzer.rs` or the schema changes what is indexed, so that kept
/// indexes are rebuilt.
/// 2: stop words per language, German compounds, frostem for fa/pl/uk,
/// Arabic prefixes.
/// 3: look-alike Latin and Cyrillic letters fold to a word's script
/// (`text::words`); the Arabic article standing apart is a stop word.
/// 4: a document names its entry by the id term, not by a position.
pub const ANALYZER_VERSION: u32 = 4;

/// The marker that says Lotse made the folder.
const MARKER: &str = "lotse-index";
const MARKER_TEXT: &str = "This folder holds a search index of Lotse. Lotse deletes and rebuilds everything in it.\n";
/// The beginning of a marker's draft, before it takes the marker's name
/// (`Folder::create_marker`).
const CLAIMING: &str = ".lotse-index.claiming.";
/// A marker's text once its claim found the folder foreign and removed it.
const GIVEN_UP: &str = "given up\n";
/// What the index was built from.
const STAMP: &str = "lotse-knowledge.stamp";
/// The checked knowledge the index was built from (`knowledge::snapshot`).
const SNAPSHOT: &str = "lotse-knowledge.snapshot";

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
        loop {
            match File::options().read(true).write(true).open(&marker) {
                Ok(mut file) => {
                    file.lock().map_err(io)?;
                    // Given up by a claim that found the folder foreign: that
                    // file is gone from the folder; look again.
                    let mut text = String::new();
                    if file.read_to_string(&mut text).is_ok_and(|_| text == GIVEN_UP) {
                        continue;
                    }
                    return Ok(Folder {
                        dir: dir.to_path_buf(),
                        _marker: file,
                    });
                }
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                    if let Some(file) = Self::create_marker(dir, &marker).map_err(io)? {
                        return Self::take(dir, &marker, file);
                    }
                }
                Err(err) => return Err(io(err)),
            }
        }
    }

    /// Makes the marker of a folder that has none, written and locked
    /// before it appears under its name, so that a build starting at the
    /// same moment either waits for this one or is the one that made it
    /// (`None`).
    fn create_marker(dir: &Path, marker: &Path) -> std::io::Result<Option<File>> {
        static CLAIMS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let claim = CLAIMS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let draft = dir.join(format!("{CLAIMING}{}.{claim}", std::process::id()));
        let mut file = File::create(&draft)?;
        file.lock()?;
        file.write_all(MARKER_TEXT.as_bytes())?;
        let linked = fs::hard_link(&draft, marker);
        fs::remove_file(&draft)?;
        match linked {
            Ok(()) => Ok(Some(file)),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Takes a folder this claim has just put its marker in, unless it
    /// holds something else (a stamp of an older Lotse is taken); then the
    /// marker goes again, marked as given up for the builds waiting on it.
    fn take(dir: &Path, marker: &Path, mut file: File) -> Result<Folder, IndexError> {
        let io = |source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let foreign = fs::read_dir(dir)
            .map_err(io)?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|name| name != MARKER && !name.starts_with(CLAIMING));
        if let Some(file_name) = foreign
            && !dir.join(STAMP).exists()
        {
            file.set_len(0).map_err(io)?;
            file.rewind().map_err(io)?;
            file.write_all(GIVEN_UP.as_bytes()).map_err(io)?;
            fs::remove_file(marker).map_err(io)?;
            return Err(IndexError::Foreign {
                path: dir.to_path_buf(),
                file: file_name,
            });
        }
        Ok(Folder {
            dir: dir.to_path_buf(),
            _marker: file,
        })
    }

    /// Whether the index in the folder was built from `fingerprint`.
    pub fn holds(&self, fingerprint: &str) -> bool {
        self.fingerprint().is_some_and(|f| f == fingerprint)
    }

    /// What the index in the folder was built from, as the stamp says.
    fn fingerprint(&self) -> Option<String> {
        let mut line = String::new();
        std::io::BufReader::new(File::open(self.dir.join(STAMP)).ok()?)
            .read_line(&mut line)
            .ok()?;
        Some(text_of(&line).to_string())
    }

    /// The records of the files the index was built from, where the stamp
    /// says it was built from `fingerprint` and names a snapshot.
    pub fn sources(&self, fingerprint: &str) -> Option<Vec<Source>> {
        let (stamped, _, _, sources) = self.read_stamp()?;
        (stamped == fingerprint).then_some(sources)
    }

    /// Removes the stamp, before the index changes: an index whose change
    /// is cut short is never taken for a finished one.
    pub fn unseal(&self) -> Result<(), IndexError> {
        match fs::remove_file(self.dir.join(STAMP)) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(self.io(err)),
            _ => Ok(()),
        }
    }

    /// Removes everything but the marker, the stamp first, so that a build
    /// cut short is never taken for a finished one.
    pub fn clear(&self) -> Result<(), IndexError> {
        let io = |source| self.io(source);
        self.unseal()?;
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
    /// `knowledge`, whose fingerprint is `fingerprint`. With `snapshot`
    /// (the knowledge folder it was loaded from, without errors, and the
    /// words compounds are split against, `analyzer::Compounds::words`), a
    /// snapshot of the knowledge is kept beside the index and named in the
    /// stamp, for [`Folder::kept`].
    pub fn seal(
        &self,
        fingerprint: &str,
        knowledge: &Knowledge,
        snapshot: Option<(&Path, &[impl AsRef<str>])>,
    ) -> Result<(), IndexError> {
        let written = match snapshot.filter(|_| !knowledge.sources().is_empty()) {
            Some((folder, german_words)) => Some(
                self.write_snapshot(knowledge, german_words, folder)
                    .map_err(|source| self.io(source))?,
            ),
            None => None,
        };
        self.write_stamp(fingerprint, written, knowledge.sources())
    }

    fn io(&self, source: std::io::Error) -> IndexError {
        IndexError::Io {
            path: self.dir.clone(),
            source,
        }
    }

    /// Writes the stamp: the fingerprint, the snapshot's SHA-256 and size
    /// where there is one, and the files' records.
    fn write_stamp(
        &self,
        fingerprint: &str,
        snapshot: Option<([u8; 32], u64)>,
        sources: &[Source],
    ) -> Result<(), IndexError> {
        let io = |source| self.io(source);
        // Written beside and renamed, so the stamp is whole or absent; a
        // line at a time, not made whole in memory first (36 MB for
        // 300,000 files).
        let partial = self.dir.join(format!("{STAMP}.partial"));
        let mut out = std::io::BufWriter::new(File::create(&partial).map_err(io)?);
        let write = || -> std::io::Result<File> {
            writeln!(out, "{fingerprint}\nanalyzers {ANALYZER_VERSION}")?;
            if let Some((sha256, size)) = snapshot {
                writeln!(out, "snapshot {} {size}", hex(&sha256))?;
            }
            for source in sources {
                let Source {
                    path,
                    size,
                    modified,
                    sha256,
                } = source;
                writeln!(out, "{} {size} {modified} {path}", hex(sha256))?;
            }
            out.into_inner().map_err(std::io::IntoInnerError::into_error)
        };
        let file = write().map_err(io)?;
        file.sync_all().map_err(io)?;
        fs::rename(&partial, self.dir.join(STAMP)).map_err(io)
    }
}

impl Folder {
    /// The knowledge of the folder `knowledge_dir` as the index here was
    /// built from it, when no file changed since: the stamp's files are
    /// looked at by size and time of change (read and hashed only where
    /// these differ) and the entries are read from the snapshot, not parsed
    /// and checked again. `None` where anything differs or is missing:
    /// then the caller loads the folder. Where only times of change moved
    /// (a file touched, or saved unchanged), the stamp is written anew.
    /// The knowledge has no file records ([`Knowledge::forget_sources`]).
    /// With it come the snapshot's German words, which compounds are split
    /// against, and the fingerprint the stamp names.
    pub fn kept(&self, knowledge_dir: &Path) -> Option<(Knowledge, Vec<String>, String)> {
        let start = std::time::Instant::now();
        let (fingerprint, sha256, size, mut sources) = self.read_stamp()?;
        // The snapshot is read on a second thread while the files are
        // looked at, and dropped where they changed.
        let (touched, looked, kept) = std::thread::scope(|scope| {
            let snapshot = scope.spawn(|| self.read_snapshot(knowledge_dir, sha256, size));
            // Only sizes and times can move: content hashes are compared.
            let touched = knowledge::unchanged(knowledge_dir, &mut sources);
            let looked = start.elapsed();
            (touched, looked, snapshot.join().ok().flatten())
        });
        let (touched, (knowledge, german_words)) = (touched?, kept?);
        let files = sources.len();
        if touched {
            // The fingerprint and the snapshot stay; a failed write only
            // costs the next start the same check.
            let _ = self.write_stamp(&fingerprint, Some((sha256, size)), &sources);
        }
        drop(sources);
        log::info!(
            "knowledge unchanged: {files} files looked at in {looked:.1?}, with {} entries from the snapshot in {:.1?}",
            knowledge.len(),
            start.elapsed()
        );
        Some((knowledge, german_words, fingerprint))
    }

    /// The stamp's fingerprint, snapshot (SHA-256 and size) and files,
    /// when it has a snapshot and is consistent.
    fn read_stamp(&self) -> Option<(String, [u8; 32], u64, Vec<Source>)> {
        // Read line by line, not whole: the text of 300,000 files' lines
        // (36 MB) would otherwise sit beside their records, and the memory
        // stays the process's.
        let path = self.dir.join(STAMP);
        let mut stamp = std::io::BufReader::new(File::open(&path).ok()?);
        let mut line = String::new();
        let mut next = |line: &mut String| -> Option<()> {
            line.clear();
            (stamp.read_line(line).ok()? > 0).then_some(())
        };
        next(&mut line)?;
        let fingerprint = text_of(&line).to_string();
        next(&mut line)?;
        if text_of(&line) != format!("analyzers {ANALYZER_VERSION}") {
            return None;
        }
        next(&mut line)?;
        let (sha256, size) = text_of(&line).strip_prefix("snapshot ")?.split_once(' ')?;
        let (sha256, size) = (unhex(sha256)?, size.parse::<u64>().ok()?);
        // Exactly as many records as lines: 300,000 of them grown by
        // doubling would keep room for 200,000 more.
        let mut sources = Vec::with_capacity(count_lines(&path)?.saturating_sub(3));
        while next(&mut line).is_some() {
            sources.push(parse_source(text_of(&line))?);
        }
        if sources.is_empty() || fingerprint_of_sources(&sources) != fingerprint {
            return None;
        }
        Some((fingerprint, sha256, size, sources))
    }

    fn snapshot_path(&self) -> PathBuf {
        self.dir.join(SNAPSHOT)
    }

    /// Writes the snapshot (beside, then renamed); its SHA-256 and size.
    fn write_snapshot(
        &self,
        knowledge: &Knowledge,
        german_words: &[impl AsRef<str>],
        folder: &Path,
    ) -> std::io::Result<([u8; 32], u64)> {
        let partial = self.dir.join(format!("{SNAPSHOT}.partial"));
        // Hashed a buffer at a time, not a field at a time.
        let mut out = std::io::BufWriter::new(Hashing::new(File::create(&partial)?));
        knowledge::snapshot::write(knowledge, german_words, folder, &mut out)?;
        let (file, sha256, size) = out.into_inner().map_err(std::io::IntoInnerError::into_error)?.finish();
        file.sync_all()?;
        fs::rename(&partial, self.snapshot_path())?;
        Ok((sha256, size))
    }

    /// Reads the snapshot, hashing it as it goes; `None` unless it is the
    /// one the stamp names. The bodies stay in the file, which the
    /// knowledge keeps open: a later snapshot replaces it by renaming, and
    /// the knowledge reads on in the one it was read from.
    fn read_snapshot(&self, folder: &Path, sha256: [u8; 32], size: u64) -> Option<(Knowledge, Vec<String>)> {
        let file = File::open(self.snapshot_path()).ok()?;
        if file.metadata().ok()?.len() != size {
            return None;
        }
        // Hashed a buffer at a time, not a field at a time; the reader
        // reads to the end (it checks that nothing follows).
        let mut input = std::io::BufReader::with_capacity(1 << 20, Hashing::new(&file));
        let read = knowledge::snapshot::read(&mut input, folder, Vec::new(), Some(&file)).ok()?;
        let (_, read_sha256, read_size) = input.into_inner().finish();
        (read_sha256 == sha256 && read_size == size).then_some(read)
    }
}

/// A reader or writer that hashes what passes through it.
struct Hashing<T> {
    inner: T,
    hasher: Sha256,
    bytes: u64,
}

impl<T> Hashing<T> {
    fn new(inner: T) -> Self {
        Hashing {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    fn finish(self) -> (T, [u8; 32], u64) {
        (self.inner, self.hasher.finalize().into(), self.bytes)
    }
}

impl<T: Read> Read for Hashing<T> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

impl<T: Write> Write for Hashing<T> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A line read with its end (`\n` or `\r\n`, as `str::lines` takes it) cut off.
fn text_of(line: &str) -> &str {
    line.strip_suffix('\n')
        .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l))
}

/// How many lines the file at `path` has (its line ends).
fn count_lines(path: &Path) -> Option<usize> {
    let mut file = File::open(path).ok()?;
    let mut buffer = vec![0; 1 << 16];
    let mut lines = 0;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return Some(lines),
            Ok(n) => lines += buffer[..n].iter().filter(|&&b| b == b'\n').count(),
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

/// One file's line of the stamp: hash, size, time of change, path.
fn parse_source(line: &str) -> Option<Source> {
    let mut parts = line.splitn(4, ' ');
    Some(Source {
        sha256: unhex(parts.next()?)?,
        size: parts.next()?.parse().ok()?,
        modified: parts.next()?.parse().ok()?,
        path: parts.next()?.to_string(),
    })
}

fn unhex(text: &str) -> Option<[u8; 32]> {
    let mut out = [0; 32];
    if text.len() != 64 {
        return None;
    }
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// What a kept index must have been built from to serve `knowledge`: the
/// analyzers' version and the content hashes of the files (for knowledge
/// made in memory, of the entries themselves).
pub(super) fn fingerprint(knowledge: &Knowledge) -> String {
    let mut hasher = versions();
    if knowledge.sources().is_empty() {
        for entry in knowledge.entries() {
            // Serialising plain data cannot fail.
            let json = serde_json::to_vec(entry).unwrap_or_default();
            hasher.update(Sha256::digest(&json));
            hasher.update(entry.id.as_bytes());
            hasher.update(b"\n");
        }
    } else {
        return fingerprint_of_sources(knowledge.sources());
    }
    hex(&hasher.finalize())
}

/// The fingerprint of knowledge read from files: the loader's and the
/// analyzers' versions, and each file's content hash and path.
fn fingerprint_of_sources(sources: &[Source]) -> String {
    let mut hasher = versions();
    for source in sources {
        hasher.update(source.sha256);
        hasher.update(source.path.as_bytes());
        hasher.update(b"\n");
    }
    hex(&hasher.finalize())
}

/// A hasher that has taken in the versions of the loader and analyzers.
fn versions() -> Sha256 {
    let mut hasher = Sha256::new();
    // The crate's version stands for the loader, which may read the same
    // files differently in another release.
    hasher.update(format!(
        "lotse {} analyzers {ANALYZER_VERSION}\n",
        env!("CARGO_PKG_VERSION")
    ));
    hasher
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Claims of one folder by many threads at the same moment.
    fn claim_together(dir: &Path, threads: usize) -> Vec<Result<(), IndexError>> {
        let start = std::sync::Barrier::new(threads);
        std::thread::scope(|scope| {
            let claims: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        start.wait();
                        Folder::claim(dir).map(drop)
                    })
                })
                .collect();
            claims.into_iter().map(|c| c.join().unwrap()).collect()
        })
    }

    /// Defect class: builds starting together on a new folder took each
    /// other's marker for a foreign file.
    #[test]
    fn claims_starting_together_all_take_a_new_folder() {
        for _ in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let index = dir.path().join("index");
            for claim in claim_together(&index, 8) {
                claim.expect("every claim of a new folder succeeds");
            }
            let names: Vec<_> = fs::read_dir(&index).unwrap().map(|e| e.unwrap().file_name()).collect();
            assert_eq!(names, [MARKER], "only the marker is left");
        }
    }

    #[test]
    fn claims_starting_together_all_refuse_a_foreign_folder_and_leave_it() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        for claim in claim_together(dir.path(), 8) {
            assert!(
                matches!(&claim, Err(IndexError::Foreign { file, .. }) if file == "notes.txt"),
                "{claim:?}"
            );
        }
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["notes.txt"]);
        assert_eq!(fs::read_to_string(dir.path().join("notes.txt")).unwrap(), "mine");
    }
}
