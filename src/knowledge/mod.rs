//! The knowledge: what Lotse knows, loaded from the plain files of `knowledge/`.
//!
//! An entry is one Markdown file with TOML front matter, in a folder named
//! after its kind (`offers/`, `publications/`, `contacts/`, `organisations/`,
//! `links/`). The German file `<id>.md` is canonical and carries the fields
//! of the kind; each translation is a file `<id>.<lang>.md` beside it with
//! title, summary, keywords and body, as Hugo and Zola name them. This
//! module turns such a folder into plain data ([`Knowledge`]) and a list of
//! [`Diagnostic`]s that name the file and the line of every problem.

mod body;
mod check;
mod file;
pub mod snapshot;

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::lang::Lang;

use body::BodyFile;
pub use check::{Coverage, MIN_KEYWORDS};
pub use file::Changes;

/// The kind of an entry, which is also the folder it lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Offer,
    Publication,
    Contact,
    Organisation,
    Link,
}

/// Who an entry is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Migrants,
    Administration,
    Both,
}

/// The texts of an entry in one language, in one string: title, summary,
/// body and keywords one after another. A large knowledge has hundreds of
/// thousands of texts and millions of keywords of a few bytes each, and a
/// `String` apiece (24 bytes and an allocation) costs more than many a
/// text. A server's bodies are kept in a file instead (`body.rs`), and
/// the body in the string is then empty. Serialised as a struct of title,
/// summary, keywords (a list) and body.
#[derive(Clone, PartialEq, Eq)]
pub struct Texts {
    /// The title, the summary, the body and the keywords.
    text: Box<str>,
    /// Where the title, the summary, the body and then each keyword end in
    /// `text`: always at least three.
    ends: Box<[u32]>,
    /// Where the body is. Texts are equal whose bodies are in the same
    /// place: a kept body is not read to compare.
    body: Body,
}

/// Where the body of a [`Texts`] is.
#[derive(Clone)]
enum Body {
    /// In the texts' string, between the summary and the keywords.
    Here,
    /// `len` bytes at `at` in a file.
    Kept { file: Arc<BodyFile>, at: u64, len: u32 },
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        match (self, other) {
            (Body::Here, Body::Here) => true,
            (Body::Kept { file, at, len }, Body::Kept { file: f, at: a, len: l }) => {
                Arc::ptr_eq(file, f) && at == a && len == l
            }
            _ => false,
        }
    }
}

impl Eq for Body {}

/// How many pieces come before the keywords in [`Texts::ends`].
const BEFORE_KEYWORDS: usize = 3;

impl Texts {
    /// Texts of title, summary, keywords and body (Markdown; may be
    /// empty). A piece that would take the whole beyond 4 GiB (four
    /// thousand times the largest file the loader reads) is left empty.
    pub fn new<K, I>(title: &str, summary: &str, keywords: I, body: &str) -> Texts
    where
        K: AsRef<str>,
        I: IntoIterator<Item = K>,
        I::IntoIter: Clone,
    {
        Texts::with_body(title, summary, keywords, body, Body::Here)
    }

    /// Texts with `body_here` as the body in the string, and the body
    /// where `body` says it is (a kept body leaves `body_here` empty).
    fn with_body<K, I>(title: &str, summary: &str, keywords: I, body_here: &str, body: Body) -> Texts
    where
        K: AsRef<str>,
        I: IntoIterator<Item = K>,
        I::IntoIter: Clone,
    {
        let keywords = keywords.into_iter();
        // Exactly as long as the texts: grown by doubling and then shrunk,
        // each entry would leave a gap behind (100 MB at 100,000 entries).
        let length = [title, summary, body_here].map(str::len).iter().sum::<usize>()
            + keywords.clone().map(|k| k.as_ref().len()).sum::<usize>();
        let mut pieces = Pieces {
            text: String::with_capacity(length.min(u32::MAX as usize)),
            ends: Vec::with_capacity(BEFORE_KEYWORDS + keywords.clone().count()),
        };
        for piece in [title, summary, body_here] {
            pieces.push(piece);
        }
        keywords.for_each(|k| pieces.push(k.as_ref()));
        pieces.finish(body)
    }

    /// Texts of `text` cut at `ends` (title, summary, body, then each
    /// keyword; each at a character, in order), with the body where `body`
    /// says: the snapshot reader's.
    fn from_parts(text: String, ends: Vec<u32>, body: Body) -> Texts {
        let mut pieces = Pieces { text, ends };
        // Never fewer pieces than the three texts.
        while pieces.ends.len() < BEFORE_KEYWORDS {
            pieces.push("");
        }
        pieces.finish(body)
    }

    pub fn title(&self) -> &str {
        self.piece(0)
    }

    pub fn summary(&self) -> &str {
        self.piece(1)
    }

    /// Markdown; may be empty. Read from its file where it is kept in
    /// one, which may fail as reading a file can.
    pub fn body(&self) -> io::Result<Cow<'_, str>> {
        match &self.body {
            Body::Here => Ok(Cow::Borrowed(self.piece(2))),
            Body::Kept { file, at, len } => file.read(*at, *len).map(Cow::Owned),
        }
    }

    /// Whether the body is not empty, without reading it.
    pub fn has_body(&self) -> bool {
        match &self.body {
            Body::Here => !self.piece(2).is_empty(),
            Body::Kept { len, .. } => *len > 0,
        }
    }

    /// The keywords, in their order.
    pub fn keywords(&self) -> Keywords<'_> {
        Keywords {
            text: &self.text,
            ends: self.ends[BEFORE_KEYWORDS..].iter(),
            from: self.ends[BEFORE_KEYWORDS - 1],
        }
    }

    fn piece(&self, i: usize) -> &str {
        let from = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[from as usize..self.ends[i] as usize]
    }
}

impl Default for Texts {
    fn default() -> Self {
        Texts::new("", "", None::<&str>, "")
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut f = f.debug_struct("Texts");
        f.field("title", &self.title())
            .field("summary", &self.summary())
            .field("keywords", &self.keywords());
        match &self.body {
            Body::Here => f.field("body", &self.piece(2)),
            Body::Kept { at, len, .. } => f.field("body", &format_args!("{len} bytes at {at} of a file")),
        }
        .finish()
    }
}

impl Serialize for Texts {
    /// As the struct of strings it was: title, summary, keywords, body.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Texts", 4)?;
        s.serialize_field("title", self.title())?;
        s.serialize_field("summary", self.summary())?;
        s.serialize_field("keywords", &self.keywords())?;
        let body = self.body().map_err(serde::ser::Error::custom)?;
        s.serialize_field("body", &body)?;
        s.end()
    }
}

/// The pieces of a [`Texts`] as they are added.
#[derive(Default)]
struct Pieces {
    text: String,
    ends: Vec<u32>,
}

impl Pieces {
    fn push(&mut self, piece: &str) {
        if u32::try_from(self.text.len() + piece.len()).is_ok() {
            self.text.push_str(piece);
        }
        // Fits: every end so far did.
        self.ends.push(self.text.len() as u32);
    }

    fn finish(self, body: Body) -> Texts {
        Texts {
            text: self.text.into_boxed_str(),
            ends: self.ends.into_boxed_slice(),
            body,
        }
    }
}

/// The keywords of a [`Texts`], in their order; serialised as a list.
#[derive(Clone)]
pub struct Keywords<'a> {
    text: &'a str,
    ends: std::slice::Iter<'a, u32>,
    from: u32,
}

impl Keywords<'_> {
    /// The keywords with `separator` between them.
    pub fn join(self, separator: &str) -> String {
        self.collect::<Vec<_>>().join(separator)
    }
}

impl<'a> Iterator for Keywords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let to = *self.ends.next()?;
        let keyword = &self.text[self.from as usize..to as usize];
        self.from = to;
        Some(keyword)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ends.size_hint()
    }
}

impl ExactSizeIterator for Keywords<'_> {}

impl fmt::Debug for Keywords<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl Serialize for Keywords<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.clone())
    }
}

/// The fields of a publication.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Publication {
    pub series: Option<String>,
    pub issue: Option<u32>,
    pub year: Option<u16>,
    pub publisher: Option<String>,
    pub place: Option<String>,
    /// An ISO date, `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// The fields of a contact.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Contact {
    pub person: Option<String>,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

/// The fields that depend on an entry's kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Details {
    Offer {
        target_groups: Vec<String>,
        /// The id of the contact entry for this offer.
        contact: Option<String>,
    },
    /// Boxed, as the contact is: an entry is as large as its largest
    /// details, and most entries have smaller ones.
    Publication(Box<Publication>),
    /// Boxed: ten optional strings are 240 bytes.
    Contact(Box<Contact>),
    Organisation {
        url: Option<String>,
    },
    Link {
        url: String,
    },
}

/// One entry of the knowledge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: String,
    pub kind: Kind,
    pub audience: Audience,
    /// The texts per language; German is always present.
    pub texts: ByLang<Texts>,
    pub details: Details,
    /// Ids of related entries.
    pub related: Vec<String>,
    /// Where the facts come from: the flyer's section or an official url.
    pub source: String,
    /// The canonical file, for messages to maintainers.
    #[serde(skip)]
    pub path: PathBuf,
}

/// Values per language, in the order of [`Lang`], with a map's methods.
/// A sorted vector of exactly the languages present: an entry has a few of
/// the twelve, and a `BTreeMap` would give each entry a node of eleven
/// slots (about 1 KiB; 100 MB for 100,000 entries).
#[derive(Debug, Clone, PartialEq)]
pub struct ByLang<T>(Vec<(Lang, T)>);

impl<T> ByLang<T> {
    pub fn new() -> ByLang<T> {
        ByLang(Vec::new())
    }

    pub fn get(&self, lang: &Lang) -> Option<&T> {
        self.find(lang).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut(&mut self, lang: &Lang) -> Option<&mut T> {
        self.find(lang).ok().map(|i| &mut self.0[i].1)
    }

    pub fn contains_key(&self, lang: &Lang) -> bool {
        self.find(lang).is_ok()
    }

    /// Sets the value of `lang`; the one it replaces, if any.
    pub fn insert(&mut self, lang: Lang, value: T) -> Option<T> {
        match self.find(&lang) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (lang, value));
                None
            }
        }
    }

    pub fn remove(&mut self, lang: &Lang) -> Option<T> {
        self.find(lang).ok().map(|i| self.0.remove(i).1)
    }

    /// The languages and values, in the order of [`Lang`].
    pub fn iter(&self) -> impl Iterator<Item = (&Lang, &T)> {
        self.0.iter().map(|(l, t)| (l, t))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Lang> {
        self.0.iter().map(|(l, _)| l)
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(_, t)| t)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn find(&self, lang: &Lang) -> Result<usize, usize> {
        self.0.binary_search_by(|(l, _)| l.cmp(lang))
    }
}

impl<T> Default for ByLang<T> {
    fn default() -> Self {
        ByLang::new()
    }
}

impl<T> std::ops::Index<&Lang> for ByLang<T> {
    type Output = T;

    /// Panics where `lang` is missing, as a map's index does; only German,
    /// which every entry has, is looked up this way.
    fn index(&self, lang: &Lang) -> &T {
        self.get(lang).expect("the language is present")
    }
}

impl<T, const N: usize> From<[(Lang, T); N]> for ByLang<T> {
    fn from(pairs: [(Lang, T); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<T> FromIterator<(Lang, T)> for ByLang<T> {
    fn from_iter<I: IntoIterator<Item = (Lang, T)>>(pairs: I) -> Self {
        let mut map = ByLang::new();
        for (lang, value) in pairs {
            map.insert(lang, value);
        }
        map.0.shrink_to_fit();
        map
    }
}

impl<'a, T> IntoIterator for &'a ByLang<T> {
    type Item = (&'a Lang, &'a T);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (Lang, T)>, fn(&'a (Lang, T)) -> (&'a Lang, &'a T)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(l, t)| (l, t))
    }
}

impl<T: Serialize> Serialize for ByLang<T> {
    /// As a map from language code to value, as a `BTreeMap` is.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// The most bytes one entry or translation file may have, unless told
/// otherwise: a hundred times the longest shipped entry.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// All entries of a knowledge folder, in a stable order (kind, then id).
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    /// Shared, so that a reload that changed a few files keeps the other
    /// entries as they are, not a second copy of them
    /// ([`update`]).
    entries: Vec<Arc<Entry>>,
    /// The positions of the entries in the order of their ids: a look-up
    /// is a binary search, with no second copy of every id.
    by_id: Vec<u32>,
    sources: Vec<Source>,
}

/// A file the knowledge was read from: enough to tell whether a kept
/// search index still matches the folder, and to skip reading a file again
/// whose size and time of change are the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path below the knowledge folder, `/` between its parts.
    pub path: String,
    pub size: u64,
    /// The time of the last change, nanoseconds since the epoch (0 where
    /// the file system has none, or the file changed just before it was
    /// read, so that only its content can tell whether it changed again).
    pub modified: u64,
    /// The SHA-256 of the file's bytes.
    pub sha256: [u8; 32],
}

/// How bad a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A problem found while loading a knowledge folder, with where it is and
/// how to mend it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

/// The result of loading a folder: the entries that could be read, and what
/// is wrong with the rest.
#[derive(Debug, Default)]
pub struct Loaded {
    pub knowledge: Knowledge,
    pub diagnostics: Vec<Diagnostic>,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Offer,
        Kind::Publication,
        Kind::Contact,
        Kind::Organisation,
        Kind::Link,
    ];

    /// The name used in front matter and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Offer => "offer",
            Kind::Publication => "publication",
            Kind::Contact => "contact",
            Kind::Organisation => "organisation",
            Kind::Link => "link",
        }
    }

    /// The folder the entries of this kind live in.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Offer => "offers",
            Kind::Publication => "publications",
            Kind::Contact => "contacts",
            Kind::Organisation => "organisations",
            Kind::Link => "links",
        }
    }

    fn from_folder(folder: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.folder() == folder)
    }
}

impl Entry {
    /// The texts in `lang`, or `None` where the entry has no translation.
    pub fn texts_in(&self, lang: Lang) -> Option<&Texts> {
        self.texts.get(&lang)
    }

    /// The canonical German texts.
    pub fn german(&self) -> &Texts {
        &self.texts[&Lang::CANONICAL]
    }

    /// The texts to show a reader of `lang`: theirs when the entry has a
    /// title in it, else German. The returned language says which it is.
    pub fn texts_for(&self, lang: Lang) -> (Lang, &Texts) {
        match self.texts.get(&lang) {
            Some(t) if !t.title().is_empty() => (lang, t),
            _ => (Lang::CANONICAL, self.german()),
        }
    }

    /// The main web address of the entry, if it has one.
    pub fn url(&self) -> Option<&str> {
        match &self.details {
            Details::Link { url } => Some(url),
            Details::Organisation { url } => url.as_deref(),
            Details::Contact(c) => c.website.as_deref(),
            Details::Offer { .. } | Details::Publication(_) => None,
        }
    }
}

impl Knowledge {
    /// Builds the knowledge from entries, sorted by kind and id. Ids must be
    /// unique; the loader guarantees it, and a later duplicate is dropped.
    pub fn new(entries: Vec<Entry>) -> Knowledge {
        Knowledge::shared(entries.into_iter().map(Arc::new).collect())
    }

    /// Like [`Knowledge::new`], of entries that may be shared with another
    /// knowledge.
    pub fn shared(mut entries: Vec<Arc<Entry>>) -> Knowledge {
        let order = |a: &Arc<Entry>, b: &Arc<Entry>| (a.kind, &a.id).cmp(&(b.kind, &b.id));
        // A snapshot's entries come sorted, and sorting 100,000 entries
        // takes a buffer of half of them (9 MB) at the moment memory peaks.
        if !entries.is_sorted_by(|a, b| order(a, b).is_le()) {
            entries.sort_by(order);
        }
        let mut by_id = order_of_ids(&entries);
        // Of entries with the same id, the first in this order stays.
        let mut fresh = vec![true; entries.len()];
        for pair in by_id.windows(2) {
            if entries[pair[0] as usize].id == entries[pair[1] as usize].id {
                fresh[pair[1] as usize] = false;
            }
        }
        if fresh.contains(&false) {
            let mut keep = fresh.into_iter();
            entries.retain(|_| keep.next().unwrap_or(true));
            by_id = order_of_ids(&entries);
        }
        Knowledge {
            entries,
            by_id,
            sources: Vec::new(),
        }
    }

    /// The files the knowledge was read from, sorted by path; empty for
    /// knowledge made in memory, and once its index is built or opened
    /// ([`Knowledge::forget_sources`]).
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Drops the file records: only stamping a kept index needs them, and
    /// a large folder's are tens of megabytes (300,000 files: 30 MB) that
    /// a server would carry for nothing.
    pub fn forget_sources(&mut self) {
        self.sources = Vec::new();
    }

    pub fn entries(&self) -> &[Arc<Entry>] {
        &self.entries
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.position(id).map(|i| &*self.entries[i])
    }

    /// The position of an entry in [`Knowledge::entries`].
    pub fn position(&self, id: &str) -> Option<usize> {
        let at = self
            .by_id
            .binary_search_by(|&i| self.entries[i as usize].id.as_str().cmp(id))
            .ok()?;
        Some(self.by_id[at] as usize)
    }

    /// The positions of the entries, in the order of their ids.
    pub fn positions_by_id(&self) -> &[u32] {
        &self.by_id
    }

    /// The distinct words of the German texts (title, summary, body,
    /// keywords) as they are written, split at white space, in no order:
    /// what the index makes the words German compounds are split against
    /// of. A body kept in a file is read for it (one at a time), which may
    /// fail.
    pub fn german_words(&self) -> io::Result<Vec<Cow<'_, str>>> {
        let mut words = rustc_hash::FxHashSet::default();
        for entry in &self.entries {
            let t = entry.german();
            for text in [t.title(), t.summary()].into_iter().chain(t.keywords()) {
                words.extend(text.split_whitespace().map(Cow::Borrowed));
            }
            match t.body()? {
                Cow::Borrowed(body) => words.extend(body.split_whitespace().map(Cow::Borrowed)),
                Cow::Owned(body) => {
                    for word in body.split_whitespace() {
                        if !words.contains(word) {
                            words.insert(Cow::Owned(word.to_string()));
                        }
                    }
                }
            }
        }
        Ok(words.into_iter().collect())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many entries are complete (title, summary, keywords, and a body
    /// where German has one) in each language.
    pub fn coverage(&self) -> Coverage {
        check::coverage(self)
    }
}

/// The positions of `entries` in the order of their ids; of equal ids,
/// the first position first.
fn order_of_ids(entries: &[Arc<Entry>]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..entries.len() as u32).collect();
    order.sort_by(|&a, &b| entries[a as usize].id.cmp(&entries[b as usize].id));
    order
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {severity}: {}", self.message)
    }
}

/// Loads and validates the knowledge folder `dir`.
///
/// Never fails as a whole: what cannot be read becomes a [`Diagnostic`], and
/// the entries that are sound are kept, so a caller can decide whether
/// errors are fatal (`lotse check`) or not.
pub fn load(dir: &Path) -> Loaded {
    load_with_limit(dir, MAX_FILE_BYTES)
}

/// Like [`load`], with files of more than `max_file_bytes` refused.
pub fn load_with_limit(dir: &Path, max_file_bytes: u64) -> Loaded {
    load_folder(dir, max_file_bytes, Warnings::All, None)
}

/// Like [`load`], without the warnings about incomplete translations and
/// few keywords: what a server loads. It shows none of them, and a large
/// folder has hundreds of thousands (nine for each entry with only three
/// languages), which cost more memory than the entries; `lotse check` lists
/// them all. The bodies are kept in a temporary file (`body.rs`), not in
/// memory; where none can be made, in memory after all.
pub fn load_for_serving(dir: &Path) -> Loaded {
    load_folder(dir, MAX_FILE_BYTES, Warnings::PerFile, served_bodies())
}

/// Where a server's bodies go: a temporary file, or where none can be
/// made, memory (`None`).
fn served_bodies() -> Option<body::BodyWriter> {
    match BodyFile::temporary() {
        Ok(file) => Some(body::BodyWriter::new(file)),
        Err(e) => {
            log::warn!("the bodies stay in memory: no temporary file for them: {e}");
            None
        }
    }
}

/// Which warnings a load collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Warnings {
    All,
    /// Only those about single files (a file that is not `.md`), not those
    /// about the completeness of each entry.
    PerFile,
}

fn load_folder(dir: &Path, max_file_bytes: u64, warnings: Warnings, bodies: Option<body::BodyWriter>) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut assembly = check::Assembly::new(bodies);
    let mut sources = file::read_folder(dir, max_file_bytes, &mut diagnostics, &mut |file, diagnostics| {
        assembly.add(file, diagnostics)
    });
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    let entries = assembly.finish(&mut diagnostics, warnings == Warnings::All, &|_| false);
    diagnostics.sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    let mut knowledge = Knowledge::shared(entries);
    knowledge.sources = sources;
    Loaded { knowledge, diagnostics }
}

/// Brings `sources` (of an earlier load, sorted by path) up to date with
/// the folder `dir`, and says which files were added, removed or changed in
/// content; `None` where the folder has a problem the loader would report.
/// Only files whose size or time of change moved are read again.
pub fn changes(dir: &Path, sources: &mut Vec<Source>) -> Option<Changes> {
    file::changes(dir, sources)
}

/// Knowledge brought up to date with its folder by [`update`].
#[derive(Debug)]
pub struct Update {
    pub knowledge: Knowledge,
    /// The ids of the entries read again or gone, as they were before.
    pub replaced: Vec<String>,
    /// The entries read again, as they are now.
    pub fresh: Vec<Arc<Entry>>,
}

/// The knowledge of the folder `dir` once the files `changed` (see
/// [`changes`]; `sources` are the records of all its files now) changed
/// since `old` was loaded from it, as a server loads it
/// ([`load_for_serving`]): only the entries of the changed files are read
/// again (an entry with all its translations), and the others are shared
/// with `old`. `None` where the change has any error: a file that does not
/// load cleanly, a duplicate id, a reference to an entry that is gone, or
/// a file that changed again while it was read. Then the whole folder is
/// loaded, which reports each error where it is.
pub fn update(dir: &Path, old: &Knowledge, sources: Vec<Source>, changed: &[String]) -> Option<Update> {
    // A file belongs to the entry named by the part of its name before the
    // first dot (ids have none): `offers/x.md`, `offers/x.en.md`. The files
    // of that name in every folder are read again, so that an id taken
    // twice is found as a whole load finds it.
    fn stem(path: &str) -> &str {
        let name = path.rsplit_once('/').map_or(path, |(_, name)| name);
        name.split_once('.').map_or(name, |(stem, _)| stem)
    }
    let affected: rustc_hash::FxHashSet<&str> = changed.iter().map(|p| stem(p)).collect();
    let is_affected = |entry: &Entry| affected.contains(entry.id.as_str());
    let paths: Vec<&str> = sources
        .iter()
        .map(|s| s.path.as_str())
        .filter(|p| affected.contains(stem(p)))
        .collect();
    let mut assembly = check::Assembly::new(served_bodies());
    let mut diagnostics = Vec::new();
    let read = file::read_files(dir, &paths, &mut diagnostics, &mut |file, diagnostics| {
        assembly.add(file, diagnostics)
    })?;
    // Each file as `changes` found it, or it changed again meanwhile.
    fn content(s: &Source) -> (&str, [u8; 32]) {
        (&s.path, s.sha256)
    }
    let expected = sources.iter().filter(|s| affected.contains(stem(&s.path)));
    if !read.iter().map(content).eq(expected.map(content)) {
        return None;
    }
    let kept = |id: &str| old.get(id).is_some_and(|e| !is_affected(e));
    let fresh = assembly.finish(&mut diagnostics, false, &kept);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return None;
    }
    let replaced: Vec<String> = old
        .entries()
        .iter()
        .filter(|e| is_affected(e))
        .map(|e| e.id.clone())
        .collect();
    let mut gone: rustc_hash::FxHashSet<&str> = replaced.iter().map(String::as_str).collect();
    for entry in &fresh {
        gone.remove(entry.id.as_str());
    }
    let mut entries: Vec<Arc<Entry>> = Vec::with_capacity(old.len() - replaced.len() + fresh.len());
    for entry in old.entries().iter().filter(|e| !is_affected(e)) {
        if entry.related.iter().any(|id| gone.contains(id.as_str())) {
            return None;
        }
        entries.push(Arc::clone(entry));
    }
    entries.extend(fresh.iter().cloned());
    let mut knowledge = Knowledge::shared(entries);
    knowledge.sources = sources;
    Some(Update {
        knowledge,
        replaced,
        fresh,
    })
}

/// Brings `sources` (of an earlier load) up to date with the folder `dir`
/// when its files still hold what they held: size and time of change are
/// compared, and a file whose differ is read and hashed again. Says
/// whether any size or time moved; `None` when any file was added, removed
/// or changed in content, or the folder has a problem the loader would
/// report.
pub fn unchanged(dir: &Path, sources: &mut Vec<Source>) -> Option<bool> {
    file::changes(dir, sources)
        .filter(|c| c.paths.is_empty())
        .map(|c| c.touched)
}

/// Parses and checks the text of one canonical entry file as if it were
/// `<stem>.md` in the folder of `kind` (references to other entries are not
/// resolved). The parser's fuzz target drives this.
pub fn check_entry_text(kind: Kind, stem: &str, text: &str) -> (Option<Entry>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let path = PathBuf::from(kind.folder()).join(format!("{stem}.md"));
    let entry = file::parse_file(&path, text, &mut diagnostics).and_then(|(raw, body, lines)| {
        let file = file::EntryFile {
            path: path.clone(),
            folder_kind: kind,
            stem: stem.to_string(),
            raw,
            body,
            lines,
        };
        check::check_entry(file, None, &mut diagnostics).map(|(entry, _)| entry)
    });
    (entry, diagnostics)
}

/// The knowledge folder shipped with Lotse, found from the crate root at
/// build time and from the working directory at run time.
pub fn default_dir() -> PathBuf {
    let local = PathBuf::from("knowledge");
    if local.is_dir() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the packing of an entry's texts into one string: each text
    /// and keyword comes back whole and in order, empty ones too, the
    /// snapshot reads them back the same, and they serialise as the struct
    /// of strings they were.
    #[test]
    fn texts_come_back_as_they_went_in() {
        let words = ["Wohngeld", "", "Miete", "Ümlaut ß", "a"];
        let texts = Texts::new("Titel", "", words, "Text\nmit Zeilen");
        assert_eq!(texts.title(), "Titel");
        assert_eq!(texts.summary(), "");
        assert_eq!(texts.body().unwrap(), "Text\nmit Zeilen");
        assert_eq!(texts.keywords().collect::<Vec<_>>(), words);
        assert_eq!(texts.keywords().len(), 5);
        assert_eq!(texts.keywords().join(", "), words.join(", "));
        assert_eq!(format!("{:?}", texts.keywords()), format!("{words:?}"));
        assert_eq!(
            serde_json::to_value(&texts).unwrap(),
            serde_json::json!({"title": "Titel", "summary": "", "keywords": words, "body": "Text\nmit Zeilen"})
        );
        let empty = Texts::default();
        assert_eq!((empty.title(), empty.summary(), &*empty.body().unwrap()), ("", "", ""));
        assert!(texts.has_body() && !empty.has_body());
        assert_eq!(empty.keywords().next(), None);
        assert_ne!(Texts::new("ab", "", [""; 0], ""), Texts::new("a", "b", [""; 0], ""));
    }

    /// Guards where the bodies are: a server's in a file, `lotse check`'s
    /// in memory, and the same either way.
    #[test]
    fn a_server_keeps_the_bodies_in_a_file() {
        let served = load_for_serving(&default_dir()).knowledge;
        let checked = load(&default_dir()).knowledge;
        let bodies = |k: &Knowledge| {
            k.entries()
                .iter()
                .flat_map(|e| e.texts.values())
                .filter(|t| t.has_body())
                .map(|t| matches!(t.body, Body::Kept { .. }))
                .collect::<Vec<bool>>()
        };
        assert!(!bodies(&served).is_empty() && bodies(&served).iter().all(|&kept| kept));
        assert!(bodies(&checked).iter().all(|&kept| !kept));
        assert_eq!(
            serde_json::to_value(served.entries()).unwrap(),
            serde_json::to_value(checked.entries()).unwrap()
        );
    }

    /// Guards the bodies a server keeps in a file: each comes back whole
    /// beside the texts kept in memory, an empty one stays in memory, and
    /// a body that can no longer be read is an error, not a panic.
    #[test]
    fn bodies_kept_in_a_file_come_back() {
        let mut writer = body::BodyWriter::new(BodyFile::temporary().unwrap());
        let bodies = ["Erster Text", "", "Zweiter\nText mit Ümlaut ß"];
        let texts: Vec<Texts> = bodies
            .iter()
            .map(
                |b| match Some(b).filter(|b| !b.is_empty()).and_then(|b| writer.keep(b)) {
                    Some(kept) => Texts::with_body("Titel", "Zusammenfassung", ["Wort"], "", kept),
                    None => Texts::new("Titel", "Zusammenfassung", ["Wort"], b),
                },
            )
            .collect();
        for (t, body) in texts.iter().zip(bodies) {
            assert_eq!(t.body().unwrap(), body);
            assert_eq!(t.has_body(), !body.is_empty());
            assert_eq!((t.title(), t.summary()), ("Titel", "Zusammenfassung"));
            assert_eq!(t.keywords().collect::<Vec<_>>(), ["Wort"]);
            assert_eq!(serde_json::to_value(t).unwrap()["body"], body);
        }
        assert!(matches!(texts[0].body, Body::Kept { .. }) && matches!(texts[1].body, Body::Here));
        assert_eq!(texts[0], texts[0].clone());
        assert_ne!(texts[0], texts[2]);
        // Beyond the end of the file (as if it had been cut short).
        let Body::Kept { file, .. } = &texts[2].body else {
            unreachable!()
        };
        let beyond = Body::Kept {
            file: Arc::clone(file),
            at: 1000,
            len: 5,
        };
        let beyond = Texts::with_body("Titel", "", [""; 0], "", beyond);
        assert!(beyond.body().is_err());
        assert!(serde_json::to_value(&beyond).is_err());
        // A file that cannot be written (as on a full disk): the bodies
        // stay in memory, this one and every later one.
        let named = tempfile::NamedTempFile::new().unwrap();
        let read_only = std::fs::File::open(named.path()).unwrap();
        let mut writer = body::BodyWriter::new(BodyFile::of(read_only).unwrap());
        assert!(writer.keep("Text").is_none());
        assert!(writer.keep("Text").is_none());
    }

    /// Guards the look-up by id (a binary search since the map went):
    /// every id is found at its position, a missing one is not, and of two
    /// entries with one id the first in kind order stays.
    #[test]
    fn entries_are_found_by_id_and_a_duplicate_is_dropped() {
        let shipped = load(&default_dir()).knowledge;
        for (position, entry) in shipped.entries().iter().enumerate() {
            assert_eq!(shipped.position(&entry.id), Some(position));
        }
        assert_eq!(shipped.get("gibt-es-nicht"), None);
        let mut entries: Vec<Entry> = shipped.entries().iter().map(|e| Entry::clone(e)).collect();
        let mut twin = entries[0].clone();
        twin.kind = Kind::Link;
        twin.source = "twin".to_string();
        entries.insert(0, twin);
        let knowledge = Knowledge::new(entries);
        assert_eq!(knowledge.len(), shipped.len());
        let kept = knowledge.get(&shipped.entries()[0].id).unwrap();
        assert_ne!(kept.source, "twin");
    }
}
