//! Reading the files of a knowledge folder: names, front matter and fields.
//!
//! This is the parse step; [`super::check`] validates and assembles what it
//! read. Each file is handed on as soon as it is parsed, so that its text
//! is gone before the next one is read: a large folder's parsed files
//! together hold several times what its entries do. Every problem becomes
//! a [`Diagnostic`] with the file and, where there is one, the line,
//! worded so a maintainer knows how to mend it.
//!
//! Only regular files and folders inside the knowledge folder are read, each
//! file up to a size cap: a named pipe would block the reader forever, a
//! device or a link to `/dev/zero` would fill the memory, and a link out of
//! the folder would serve what nobody meant to publish.

use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};
use toml::Spanned;

use super::{Audience, Diagnostic, Kind, Severity, Source};
use crate::lang::Lang;

/// A canonical (German) entry file, parsed but not yet checked.
pub(super) struct EntryFile {
    pub path: PathBuf,
    /// The kind given by the folder.
    pub folder_kind: Kind,
    /// The file name without `.md`.
    pub stem: String,
    pub raw: RawEntry,
    pub body: String,
    pub lines: LineMap,
}

/// A translation file `<stem>.<lang>.md`, parsed but not yet checked.
pub(super) struct TranslationFile {
    pub path: PathBuf,
    pub folder_kind: Kind,
    pub stem: String,
    pub lang: Lang,
    pub raw: RawTexts,
    pub body: String,
}

/// One parsed file, as the reader hands it on. Never stored: each is
/// checked as soon as it is made, so its size does not matter.
#[allow(clippy::large_enum_variant)]
pub(super) enum ParsedFile {
    Entry(EntryFile),
    Translation(TranslationFile),
}

/// What takes each parsed file, with the diagnostics so far.
pub(super) type Sink<'a> = dyn FnMut(ParsedFile, &mut Vec<Diagnostic>) + 'a;

/// What a path in the knowledge folder is, once it is known to be safe.
enum Node {
    Dir,
    File,
}

/// The front matter of a canonical entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry {
    /// Stable identifier; must equal the file name without `.md`.
    pub id: Spanned<String>,
    /// One of offer, publication, contact, organisation, link; must match the folder.
    pub kind: Spanned<String>,
    pub audience: Audience,
    pub title: String,
    pub summary: String,
    pub keywords: Vec<String>,
    /// The flyer section or the official url the facts come from.
    pub source: String,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    pub offer: Option<Spanned<RawOffer>>,
    pub publication: Option<Spanned<RawPublication>>,
    pub contact: Option<Spanned<RawContact>>,
    pub organisation: Option<Spanned<RawOrganisation>>,
    pub link: Option<Spanned<RawLink>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOffer {
    #[serde(default)]
    pub target_groups: Vec<String>,
    pub contact: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPublication {
    pub series: Option<String>,
    pub issue: Option<u32>,
    pub year: Option<Spanned<u16>>,
    pub publisher: Option<String>,
    pub place: Option<String>,
    pub date: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContact {
    pub person: Option<String>,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<Spanned<String>>,
    pub city: Option<String>,
    pub phone: Option<Spanned<String>>,
    pub fax: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    pub website: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrganisation {
    pub url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLink {
    pub url: Spanned<String>,
}

/// The front matter of a translation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTexts {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// Maps byte offsets of the front matter to lines of the file.
pub(super) struct LineMap {
    /// The file line on which the front matter's first line stands.
    first_line: usize,
    /// Byte offsets at which each front-matter line starts.
    starts: Vec<usize>,
}

impl LineMap {
    fn new(front_matter: &str, first_line: usize) -> LineMap {
        let starts = std::iter::once(0)
            .chain(front_matter.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineMap { first_line, starts }
    }

    /// The file line of a byte offset into the front matter.
    pub fn line(&self, offset: usize) -> usize {
        let index = self.starts.partition_point(|&s| s <= offset);
        self.first_line + index.saturating_sub(1)
    }

    pub fn line_of(&self, span: Range<usize>) -> usize {
        self.line(span.start)
    }
}

/// Reads every entry and translation file below `dir`, none larger than
/// `max_bytes`, and hands each to `sink` as soon as it is parsed, in the
/// order of their paths. Returns every file read, with its content hash.
pub(super) fn read_folder(
    dir: &Path,
    max_bytes: u64,
    diagnostics: &mut Vec<Diagnostic>,
    sink: &mut Sink<'_>,
) -> Vec<Source> {
    let mut sources = Vec::new();
    let listing = match fs::canonicalize(dir).and_then(|root| Ok((root, sorted_listing(dir)?))) {
        Ok(listing) => listing,
        Err(err) => {
            diagnostics.push(error(
                dir,
                None,
                format!("cannot read the knowledge folder: {err}; check that the path is right"),
            ));
            return sources;
        }
    };
    let (root, listing) = listing;
    let reader = Folder { root: &root, max_bytes };
    for path in listing {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        match reader.node(&path) {
            Ok(Node::Dir) => {}
            // Top-level files (a README for maintainers, say) are not entries.
            Ok(Node::File) => continue,
            Err(problem) => {
                diagnostics.push(error(&path, None, problem));
                continue;
            }
        }
        let Some(kind) = Kind::from_folder(&name) else {
            diagnostics.push(error(
                &path,
                None,
                format!(
                    "unknown folder `{name}`; entries live in offers/, publications/, contacts/, organisations/ or links/"
                ),
            ));
            continue;
        };
        reader.read_kind(&path, kind, &mut sources, diagnostics, sink);
    }
    sources
}

/// Reads the files at `paths` (below `dir`, `/` between the parts, each in
/// a kind's folder) as [`read_folder`] reads them, handing each to `sink`;
/// returns their records. `None` where the folder itself cannot be read.
pub(super) fn read_files(
    dir: &Path,
    paths: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
    sink: &mut Sink<'_>,
) -> Option<Vec<Source>> {
    let root = fs::canonicalize(dir).ok()?;
    let reader = Folder {
        root: &root,
        max_bytes: super::MAX_FILE_BYTES,
    };
    let mut sources = Vec::new();
    for relative in paths {
        let (folder, name) = relative.split_once('/')?;
        let kind = Kind::from_folder(folder)?;
        let path = dir.join(folder).join(name);
        if let Some((name, text)) = reader.read_entry_file(&path, &mut sources, diagnostics)
            && let Some(file) = parse_entry_file(path, kind, &name, &text, diagnostics)
        {
            sink(file, diagnostics);
        }
    }
    Some(sources)
}

/// The knowledge folder being read: its real path and the size cap.
struct Folder<'a> {
    root: &'a Path,
    max_bytes: u64,
}

impl Folder<'_> {
    fn read_kind(
        &self,
        folder: &Path,
        kind: Kind,
        sources: &mut Vec<Source>,
        diagnostics: &mut Vec<Diagnostic>,
        sink: &mut Sink<'_>,
    ) {
        let listing = match sorted_listing(folder) {
            Ok(listing) => listing,
            Err(err) => {
                diagnostics.push(error(folder, None, format!("cannot read the folder: {err}")));
                return;
            }
        };
        for path in listing {
            if let Some((name, text)) = self.read_entry_file(&path, sources, diagnostics)
                && let Some(file) = parse_entry_file(path, kind, &name, &text, diagnostics)
            {
                sink(file, diagnostics);
            }
        }
    }

    /// The name without `.md` and the text of an entry or translation file;
    /// `None` (with a diagnostic where it is a problem) for anything else.
    fn read_entry_file(
        &self,
        path: &Path,
        sources: &mut Vec<Source>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<(String, String)> {
        let file_name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if file_name.starts_with('.') {
            return None;
        }
        let Some(name) = file_name.strip_suffix(".md") else {
            diagnostics.push(warning(
                path,
                None,
                "not a `.md` file, so not an entry; it is ignored".to_string(),
            ));
            return None;
        };
        let read = match self.node(path) {
            Ok(Node::File) => self.read_capped(path),
            Ok(Node::Dir) => Err("a folder where an entry file was expected; entries are files".to_string()),
            Err(problem) => Err(problem),
        };
        let (bytes, meta) = match read {
            Ok(read) => read,
            Err(problem) => {
                diagnostics.push(error(path, None, problem));
                return None;
            }
        };
        sources.push(self.source(path, &bytes, &meta));
        match String::from_utf8(bytes) {
            Ok(text) => Some((name.to_string(), text)),
            Err(_) => {
                diagnostics.push(error(
                    path,
                    None,
                    "unreadable file: it is not UTF-8 text; save it as UTF-8".to_string(),
                ));
                None
            }
        }
    }

    /// The [`Source`] of a file read with `bytes` and `meta`. A file
    /// changed less than [`RACY_NS`] before it was read gets no time of
    /// change: another change within the file system's clock tick would
    /// leave size and time as they were, so its content is checked again at
    /// the next start.
    fn source(&self, path: &Path, bytes: &[u8], meta: &fs::Metadata) -> Source {
        let modified = modified_ns(meta);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Source {
            path: self.relative(path),
            size: meta.len(),
            modified: if now.saturating_sub(modified) < RACY_NS {
                0
            } else {
                modified
            },
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// What `path` is, following a link only where it stays inside the
    /// folder; an error for links out, named pipes, devices and sockets.
    fn node(&self, path: &Path) -> Result<Node, String> {
        let mut meta = fs::symlink_metadata(path).map_err(|e| format!("unreadable: {e}"))?;
        if meta.file_type().is_symlink() {
            let target = fs::canonicalize(path)
                .map_err(|e| format!("a link that leads nowhere ({e}); remove it, or copy the file in"))?;
            if !target.starts_with(self.root) {
                return Err(format!(
                    "a link that leads out of the knowledge folder, to {}; copy the file into the folder instead",
                    target.display()
                ));
            }
            meta = fs::metadata(path).map_err(|e| format!("unreadable: {e}"))?;
        }
        if meta.is_dir() {
            Ok(Node::Dir)
        } else if meta.is_file() {
            Ok(Node::File)
        } else {
            Err(format!(
                "{} is not read: only plain files are; replace it with a text file",
                special_kind(&meta)
            ))
        }
    }

    /// Reads a regular file of at most `max_bytes`. The file is opened
    /// without blocking and checked again once open, so a named pipe put in
    /// its place in between neither blocks nor is read.
    fn read_capped(&self, path: &Path) -> Result<(Vec<u8>, fs::Metadata), String> {
        let mut options = fs::OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NONBLOCK);
        }
        let file = options.open(path).map_err(|e| format!("unreadable file: {e}"))?;
        let meta = file.metadata().map_err(|e| format!("unreadable file: {e}"))?;
        if !meta.is_file() {
            return Err(format!(
                "{} is not read: only plain files are; replace it with a text file",
                special_kind(&meta)
            ));
        }
        let too_large = |size: u64| {
            format!(
                "the file has {size} bytes, more than the {} bytes one entry may have; shorten it or split it into several entries",
                self.max_bytes
            )
        };
        if meta.len() > self.max_bytes {
            return Err(too_large(meta.len()));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.take(self.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("unreadable file: {e}"))?;
        if bytes.len() as u64 > self.max_bytes {
            return Err(too_large(bytes.len() as u64));
        }
        Ok((bytes, meta))
    }

    /// The path below the folder, with `/` between its parts.
    fn relative(&self, path: &Path) -> String {
        let parts: Vec<String> = path
            .components()
            .rev()
            .take(2)
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.into_iter().rev().collect::<Vec<_>>().join("/")
    }
}

/// How recently before its reading a file may have changed and still be
/// trusted by size and time of change: two seconds, well above any file
/// system's clock tick.
const RACY_NS: u64 = 2_000_000_000;

/// Brings `sources` (of an earlier load, sorted by path) up to date with
/// the folder `dir`: each file is looked at by size and time of change,
/// and read and hashed again only where these differ (or are unknown), or
/// where it is new. Says which files were added, removed or changed in
/// content; `None` when anything in the folder is amiss (a loader's
/// error): then the folder must be loaded in full, which reports it. Files
/// the loader does not read (dot files, files that are not `.md`, files at
/// the top) are passed over as it passes them over.
pub(super) fn changes(dir: &Path, sources: &mut Vec<Source>) -> Option<Changes> {
    let root = fs::canonicalize(dir).ok()?;
    let reader = Folder {
        root: &root,
        max_bytes: super::MAX_FILE_BYTES,
    };
    let mut seen = vec![false; sources.len()];
    let mut changes = Changes::default();
    // The records of files whose size or time of change moved, and of new
    // files, as they are now.
    let mut moved = Vec::new();
    let mut added = Vec::new();
    for folder in sorted_listing(dir).ok()? {
        let name = folder.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        match reader.node(&folder).ok()? {
            Node::File => continue,
            Node::Dir => Kind::from_folder(&name)?,
        };
        // The sources of this folder, by name: a file is looked up without
        // making its path, and in a map, not by a binary search, whose
        // every step would read a record and a path the processor's caches
        // lost (at 100,000 files a folder, most of this loop's own time).
        let prefix = format!("{name}/");
        let from = sources.partition_point(|s| s.path.as_str() < prefix.as_str());
        let to = from + sources[from..].partition_point(|s| s.path.starts_with(&prefix));
        let by_name: rustc_hash::FxHashMap<&str, usize> = sources[from..to]
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.path[prefix.len()..], from + i))
            .collect();
        // Unsorted: the order does not matter here, and an entry's own
        // metadata is one `fstatat` beside the folder, not a path walk.
        for entry in fs::read_dir(&folder).ok()? {
            let entry = entry.ok()?;
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            if file_name.starts_with('.') || !file_name.ends_with(".md") {
                continue;
            }
            let mut meta = entry.metadata().ok()?;
            if !meta.is_file() {
                // A link inside the folder is followed; anything else is
                // the loader's to report.
                let Node::File = reader.node(&entry.path()).ok()? else {
                    return None;
                };
                meta = fs::metadata(entry.path()).ok()?;
            }
            let known = by_name.get(&*file_name).map(|&at| (at, &sources[at]));
            if let Some((at, known)) = known {
                seen[at] = true;
                if known.modified != 0 && meta.len() == known.size && modified_ns(&meta) == known.modified {
                    continue;
                }
            }
            let path = entry.path();
            let (bytes, meta) = reader.read_capped(&path).ok()?;
            let source = reader.source(&path, &bytes, &meta);
            match known {
                None => {
                    changes.paths.push(source.path.clone());
                    added.push(source);
                }
                Some((at, known)) => {
                    if source.sha256 != known.sha256 {
                        changes.paths.push(source.path.clone());
                    } else {
                        // A record without a time (a file read just after
                        // it changed) that gets one has not moved.
                        changes.touched |= known.modified != 0 && source != *known;
                    }
                    moved.push((at, source));
                }
            }
        }
        // Once the names are no longer looked up in the records.
        for (at, source) in moved.drain(..) {
            sources[at] = source;
        }
    }
    let mut seen = seen.into_iter();
    sources.retain(|source| {
        let seen = seen.next().unwrap_or(true);
        if !seen {
            changes.paths.push(source.path.clone());
        }
        seen
    });
    if !added.is_empty() {
        sources.append(&mut added);
        sources.sort_by(|a, b| a.path.cmp(&b.path));
    }
    changes.paths.sort();
    Some(changes)
}

/// How a folder's files differ from the records of an earlier load
/// ([`changes`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The files added, removed or changed in content, below the folder
    /// (`/` between the parts), sorted.
    pub paths: Vec<String>,
    /// Whether a file's size or known time of change moved while its
    /// content stayed.
    pub touched: bool,
}

/// What a file that is neither a regular file nor a folder is, in words.
fn special_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
}

/// The time of the last change in nanoseconds since the epoch; 0 where the
/// file system has none.
fn modified_ns(meta: &fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64)
}

/// Parses one entry or translation file named `name` (without `.md`).
fn parse_entry_file(
    path: PathBuf,
    kind: Kind,
    name: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ParsedFile> {
    let Some((stem, code)) = name.split_once('.') else {
        let (raw, body, lines) = parse_file(&path, text, diagnostics)?;
        return Some(ParsedFile::Entry(EntryFile {
            stem: name.to_string(),
            folder_kind: kind,
            path,
            raw,
            body,
            lines,
        }));
    };
    let lang = match code.parse::<Lang>() {
        Ok(lang) if lang != Lang::CANONICAL => lang,
        Ok(_) => {
            diagnostics.push(error(
                &path,
                None,
                format!(
                    "German is the canonical language and lives in `{stem}.md`, not in a `.de.md` file; merge the two"
                ),
            ));
            return None;
        }
        Err(err) => {
            diagnostics.push(error(&path, None, format!("{err} in the file name")));
            return None;
        }
    };
    let (raw, body, _) = parse_file(&path, text, diagnostics)?;
    Some(ParsedFile::Translation(TranslationFile {
        stem: stem.to_string(),
        folder_kind: kind,
        lang,
        path,
        raw,
        body,
    }))
}

/// Splits a file's front matter from its body and parses the front matter
/// as `T`; returns it with the trimmed body and the map of its lines.
pub(super) fn parse_file<T: for<'de> Deserialize<'de>>(
    path: &Path,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(T, String, LineMap)> {
    let (front, first_line, body) = split_front_matter(path, text, diagnostics)?;
    let lines = LineMap::new(front, first_line);
    let raw = parse_toml::<T>(path, front, &lines, diagnostics)?;
    Some((raw, body.trim().to_string(), lines))
}

/// Splits `+++`-fenced TOML front matter from the body. Returns the front
/// matter, the file line it starts on, and the body.
fn split_front_matter<'t>(
    path: &Path,
    text: &'t str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(&'t str, usize, &'t str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("+++\n").or_else(|| text.strip_prefix("+++\r\n")) else {
        diagnostics.push(error(
            path,
            Some(1),
            "the file does not start with `+++`; put the TOML front matter between two lines of `+++` at the top"
                .to_string(),
        ));
        return None;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Some((front, 2, body));
        }
        offset += line.len();
    }
    diagnostics.push(error(
        path,
        Some(1),
        "the front matter opened with `+++` on line 1 is never closed; did you forget the second `+++` line?"
            .to_string(),
    ));
    None
}

fn parse_toml<T: for<'de> Deserialize<'de>>(
    path: &Path,
    front: &str,
    lines: &LineMap,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    match toml::from_str::<T>(front) {
        Ok(value) => Some(value),
        Err(err) => {
            let line = err.span().map(|span| lines.line_of(span));
            diagnostics.push(error(path, line, explain_toml_error(err.message())));
            None
        }
    }
}

/// Adds a hint on how to mend the errors a maintainer meets most.
fn explain_toml_error(message: &str) -> String {
    let message = message.trim().trim_end_matches('.');
    let hint = if message.starts_with("unknown field") {
        "; check the spelling, or remove the field"
    } else if message.starts_with("missing field") {
        "; add it to the front matter"
    } else if message.starts_with("unknown variant") {
        "; use one of the values listed"
    } else {
        ""
    };
    format!("{message}{hint}")
}

fn sorted_listing(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    paths.sort();
    Ok(paths)
}

pub(super) fn error(path: &Path, line: Option<usize>, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        path: path.to_path_buf(),
        line,
        message,
    }
}

pub(super) fn warning(path: &Path, line: Option<usize>, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        path: path.to_path_buf(),
        line,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_map_counts_from_the_front_matter_start() {
        let lines = LineMap::new("a = 1\nb = 2\nc = 3\n", 2);
        assert_eq!(lines.line(0), 2);
        assert_eq!(lines.line(6), 3);
        assert_eq!(lines.line(13), 4);
    }
}
