//! Validating parsed files and assembling them into entries.
//!
//! The rules a maintainer's edit must follow live here: ids, kinds, the
//! form of e-mails, urls, phone numbers and dates, references between
//! entries, and the completeness of each translation.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::Spanned;

use super::body::BodyWriter;
use super::file::{EntryFile, LineMap, ParsedFile, RawContact, RawPublication, error, warning};
use super::{Body, Contact, Details, Diagnostic, Entry, Kind, Knowledge, Publication, Texts};
use crate::lang::Lang;

/// The fewest distinct keywords an entry should have in each language.
/// Questions rarely use the words of a title: people search with everyday
/// words, synonyms, the words of an authority's letter and the spellings
/// they type, so a language with fewer keywords leaves its entry hard to
/// find (knowledge/README.md, "Keywords"). Below this, `lotse check` warns.
pub const MIN_KEYWORDS: usize = 5;

/// Entries complete per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub total: usize,
    /// For each language, the number of complete entries.
    pub complete: BTreeMap<Lang, usize>,
}

impl Coverage {
    /// The share of complete entries in `lang`, in percent.
    pub fn percent(&self, lang: Lang) -> f64 {
        if self.total == 0 {
            return 100.0;
        }
        100.0 * self.complete.get(&lang).copied().unwrap_or(0) as f64 / self.total as f64
    }
}

pub(super) fn coverage(knowledge: &Knowledge) -> Coverage {
    let complete = Lang::ALL
        .into_iter()
        .map(|lang| {
            let n = knowledge
                .entries()
                .iter()
                .filter(|e| missing_fields(e, lang).is_empty())
                .count();
            (lang, n)
        })
        .collect();
    Coverage {
        total: knowledge.len(),
        complete,
    }
}

/// The fields an entry lacks in `lang`, by name.
fn missing_fields(entry: &Entry, lang: Lang) -> Vec<&'static str> {
    let Some(texts) = entry.texts_in(lang) else {
        return vec!["title", "summary", "keywords", "body"];
    };
    let mut missing = Vec::new();
    if texts.title().trim().is_empty() {
        missing.push("title");
    }
    if texts.summary().trim().is_empty() {
        missing.push("summary");
    }
    if texts.keywords().all(|k| k.trim().is_empty()) {
        missing.push("keywords");
    }
    if !texts.has_body() && entry.german().has_body() {
        missing.push("body");
    }
    missing
}

/// The entries of a folder, assembled one parsed file at a time
/// ([`Assembly::add`]), so that no file's parsed text outlives its check.
/// What needs every file (unique ids, references, translations read
/// before their entry) is settled in [`Assembly::finish`].
pub(super) struct Assembly {
    /// The sound entries, in the order their files were read: each in an
    /// allocation of its own from the start, as [`Knowledge`] keeps them.
    entries: Vec<Arc<Entry>>,
    /// The references of each entry, by its place in `entries`.
    references: Vec<Vec<Reference>>,
    /// The translations read, as texts, waiting for their entry.
    translations: Vec<Translation>,
    /// Where the bodies go, unless into memory.
    bodies: Option<BodyWriter>,
}

/// A translation file's texts and where they belong.
struct Translation {
    path: PathBuf,
    kind: Kind,
    stem: String,
    lang: Lang,
    texts: Texts,
}

impl Assembly {
    /// An assembly that keeps the bodies in `bodies`, or else in memory.
    pub(super) fn new(bodies: Option<BodyWriter>) -> Assembly {
        Assembly {
            entries: Vec::new(),
            references: Vec::new(),
            translations: Vec::new(),
            bodies,
        }
    }

    /// Checks one parsed file and keeps what is sound of it.
    pub(super) fn add(&mut self, file: ParsedFile, diagnostics: &mut Vec<Diagnostic>) {
        match file {
            ParsedFile::Entry(file) => {
                if let Some((entry, refs)) = check_entry(file, self.bodies.as_mut(), diagnostics) {
                    self.entries.push(Arc::new(entry));
                    self.references.push(refs);
                }
            }
            ParsedFile::Translation(t) => self.translations.push(Translation {
                texts: texts(
                    &t.raw.title,
                    &t.raw.summary,
                    &t.raw.keywords,
                    &t.body,
                    self.bodies.as_mut(),
                ),
                path: t.path,
                kind: t.folder_kind,
                stem: t.stem,
                lang: t.lang,
            }),
        }
    }

    /// The sound entries: of two with one id the first read, with their
    /// translations; with `completeness`, warns of incomplete translations
    /// and few keywords too. A reference resolves to an entry assembled
    /// here or to an id `elsewhere` knows (entries not read again).
    pub(super) fn finish(
        self,
        diagnostics: &mut Vec<Diagnostic>,
        completeness: bool,
        elsewhere: &dyn Fn(&str) -> bool,
    ) -> Vec<Arc<Entry>> {
        let Assembly {
            mut entries,
            references,
            translations,
            bodies: _,
        } = self;
        // Places in the order of ids; of equal ids, the first read first
        // (a stable sort), which is the one kept.
        let mut by_id: Vec<usize> = (0..entries.len()).collect();
        by_id.sort_by(|&a, &b| entries[a].id.cmp(&entries[b].id));
        let mut kept = vec![true; entries.len()];
        for same in by_id.chunk_by(|&a, &b| entries[a].id == entries[b].id) {
            let first = &entries[same[0]];
            for &twin in &same[1..] {
                kept[twin] = false;
                diagnostics.push(error(
                    &entries[twin].path,
                    Some(2),
                    format!(
                        "duplicate id `{}`: {} has it already; give one of them another id",
                        first.id,
                        first.path.display()
                    ),
                ));
            }
        }
        // The place of the kept entry with `id`.
        let find = |entries: &[Arc<Entry>], id: &str| {
            let at = by_id.partition_point(|&i| entries[i].id.as_str() < id);
            by_id.get(at).copied().filter(|&i| entries[i].id == id)
        };
        for (place, refs) in references.iter().enumerate().filter(|&(place, _)| kept[place]) {
            for (target, line) in refs {
                if find(&entries, target).is_none() && !elsewhere(target) {
                    diagnostics.push(error(
                        &entries[place].path,
                        Some(*line),
                        format!("reference to `{target}`, but no entry has that id; fix the id or add the entry"),
                    ));
                }
            }
        }
        for t in translations {
            match find(&entries, &t.stem).filter(|&i| entries[i].kind == t.kind) {
                Some(i) => {
                    // Not yet shared: nothing is copied.
                    Arc::make_mut(&mut entries[i]).texts.insert(t.lang, t.texts);
                }
                None => diagnostics.push(error(
                    &t.path,
                    None,
                    format!(
                        "translation of `{}`, but there is no sound entry `{}.md` beside it; add the German entry or rename this file",
                        t.stem, t.stem
                    ),
                )),
            }
        }
        let mut kept = kept.into_iter();
        entries.retain(|_| kept.next().unwrap_or(true));
        for entry in &mut entries {
            let entry = Arc::make_mut(entry);
            // Exactly as long as needed: a large folder holds many entries.
            entry.texts.0.shrink_to_fit();
        }
        if completeness {
            warn_missing_translations(&entries, diagnostics);
            warn_few_keywords(&entries, diagnostics);
        }
        entries
    }
}

/// An id referred to, and the line of the reference.
type Reference = (String, usize);

pub(super) fn check_entry(
    file: EntryFile,
    bodies: Option<&mut BodyWriter>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Entry, Vec<Reference>)> {
    let EntryFile {
        path,
        folder_kind,
        stem,
        raw,
        body,
        lines,
    } = file;
    let before = diagnostics.len();
    let at = |span: std::ops::Range<usize>| Some(lines.line_of(span));

    let id = raw.id.get_ref();
    if !is_valid_id(id) {
        diagnostics.push(error(
            &path,
            at(raw.id.span()),
            format!("malformed id `{id}`; use at most 48 lowercase letters a-z, digits and hyphens, e.g. `heft-48-fit-fuer-den-verwaltungsalltag`"),
        ));
    } else if *id != stem {
        diagnostics.push(error(
            &path,
            at(raw.id.span()),
            format!("the id `{id}` does not match the file name `{stem}.md`; rename the file or change the id"),
        ));
    }
    if raw.kind.get_ref() != folder_kind.name() {
        let given = raw.kind.get_ref();
        let message = match Kind::ALL.into_iter().find(|k| k.name() == given) {
            Some(kind) => format!(
                "the kind `{given}` does not match the folder `{}/`; move the file to `{}/` or set kind = \"{}\"",
                folder_kind.folder(),
                kind.folder(),
                folder_kind.name()
            ),
            None => format!(
                "unknown kind `{given}`; use one of offer, publication, contact, organisation, link (here: \"{}\")",
                folder_kind.name()
            ),
        };
        diagnostics.push(error(&path, at(raw.kind.span()), message));
    }
    for (field, value) in [
        ("title", &raw.title),
        ("summary", &raw.summary),
        ("source", &raw.source),
    ] {
        if value.trim().is_empty() {
            diagnostics.push(error(
                &path,
                Some(2),
                format!("the field `{field}` is empty; German is the canonical language, so fill it in"),
            ));
        }
    }
    if raw.keywords.iter().all(|k| k.trim().is_empty()) {
        diagnostics.push(error(
            &path,
            Some(2),
            "no keywords; add the words people use when they look for this entry".to_string(),
        ));
    }

    let mut refs: Vec<Reference> = raw
        .related
        .iter()
        .map(|r| (r.get_ref().clone(), lines.line_of(r.span())))
        .collect();
    let details = check_details(&path, folder_kind, &raw, &lines, &mut refs, diagnostics);

    if diagnostics[before..]
        .iter()
        .any(|d| d.severity == super::Severity::Error)
    {
        return None;
    }
    let german = texts(&raw.title, &raw.summary, &raw.keywords, &body, bodies);
    let entry = Entry {
        id: stem,
        kind: folder_kind,
        audience: raw.audience,
        texts: super::ByLang::from([(Lang::CANONICAL, german)]),
        details: details?,
        related: raw.related.into_iter().map(Spanned::into_inner).collect(),
        source: raw.source.trim().to_string(),
        path,
    };
    Some((entry, refs))
}

fn check_details(
    path: &Path,
    kind: Kind,
    raw: &super::file::RawEntry,
    lines: &LineMap,
    refs: &mut Vec<Reference>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Details> {
    let tables: [(Kind, Option<std::ops::Range<usize>>); 5] = [
        (Kind::Offer, raw.offer.as_ref().map(|t| t.span())),
        (Kind::Publication, raw.publication.as_ref().map(|t| t.span())),
        (Kind::Contact, raw.contact.as_ref().map(|t| t.span())),
        (Kind::Organisation, raw.organisation.as_ref().map(|t| t.span())),
        (Kind::Link, raw.link.as_ref().map(|t| t.span())),
    ];
    for (other, span) in tables {
        if let Some(span) = span.filter(|_| other != kind) {
            diagnostics.push(error(
                path,
                Some(lines.line_of(span)),
                format!(
                    "a {} has no [{}] table; use [{}] for its fields",
                    kind.name(),
                    other.name(),
                    kind.name()
                ),
            ));
        }
    }
    let mut check = FieldCheck {
        path,
        lines,
        diagnostics,
    };
    let details = match kind {
        Kind::Offer => {
            let offer = raw.offer.as_ref().map(|t| t.get_ref());
            let contact = offer.and_then(|o| o.contact.as_ref());
            if let Some(c) = contact {
                refs.push((c.get_ref().clone(), lines.line_of(c.span())));
            }
            Details::Offer {
                target_groups: offer.map(|o| o.target_groups.clone()).unwrap_or_default(),
                contact: contact.map(|c| c.get_ref().clone()),
            }
        }
        Kind::Publication => {
            let default = RawPublication::default();
            let p = raw.publication.as_ref().map_or(&default, |t| t.get_ref());
            if let Some(year) = &p.year {
                check.year(year);
            }
            if let Some(date) = &p.date {
                check.date(date);
            }
            Details::Publication(Box::new(Publication {
                series: p.series.clone(),
                issue: p.issue,
                year: p.year.as_ref().map(|y| *y.get_ref()),
                publisher: p.publisher.clone(),
                place: p.place.clone(),
                date: p.date.as_ref().map(|d| d.get_ref().clone()),
            }))
        }
        Kind::Contact => {
            let default = RawContact::default();
            let c = raw.contact.as_ref().map_or(&default, |t| t.get_ref());
            if c.person.is_none() && c.organisation.is_none() {
                let line = raw.contact.as_ref().map_or(2, |t| lines.line_of(t.span()));
                check.diagnostics.push(error(
                    path,
                    Some(line),
                    "a contact needs a `person` or an `organisation` in its [contact] table".to_string(),
                ));
            }
            c.email.iter().for_each(|e| check.email(e));
            c.phone.iter().chain(&c.fax).for_each(|p| check.phone(p));
            c.website.iter().for_each(|u| check.url(u));
            if let Some(postcode) = &c.postcode {
                check.postcode(postcode);
            }
            let plain = |s: &Option<Spanned<String>>| s.as_ref().map(|s| s.get_ref().trim().to_string());
            Details::Contact(Box::new(Contact {
                person: c.person.clone(),
                role: c.role.clone(),
                organisation: c.organisation.clone(),
                street: c.street.clone(),
                postcode: plain(&c.postcode),
                city: c.city.clone(),
                phone: plain(&c.phone),
                fax: plain(&c.fax),
                email: plain(&c.email),
                website: plain(&c.website),
            }))
        }
        Kind::Organisation => {
            let url = raw.organisation.as_ref().and_then(|t| t.get_ref().url.as_ref());
            url.iter().for_each(|u| check.url(u));
            Details::Organisation {
                url: url.map(|u| u.get_ref().trim().to_string()),
            }
        }
        Kind::Link => {
            let Some(link) = &raw.link else {
                check.diagnostics.push(error(
                    path,
                    Some(2),
                    "a link needs a [link] table with its `url`; add `[link]` and `url = \"https://...\"`".to_string(),
                ));
                return None;
            };
            check.url(&link.get_ref().url);
            Details::Link {
                url: link.get_ref().url.get_ref().trim().to_string(),
            }
        }
    };
    Some(details)
}

/// Checks the form of single fields, reporting the line of each.
struct FieldCheck<'a> {
    path: &'a Path,
    lines: &'a LineMap,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl FieldCheck<'_> {
    fn fail<T>(&mut self, field: &Spanned<T>, message: String) {
        let line = self.lines.line_of(field.span());
        self.diagnostics.push(error(self.path, Some(line), message));
    }

    /// Reports `field` as a malformed `what` unless `valid` accepts it.
    fn form(&mut self, field: &Spanned<String>, valid: fn(&str) -> bool, what: &str, hint: &str) {
        let value = field.get_ref().trim();
        if !valid(value) {
            let message = format!("malformed {what} `{value}`; {hint}");
            self.fail(field, message);
        }
    }

    fn email(&mut self, email: &Spanned<String>) {
        self.form(email, is_valid_email, "e-mail", "write it as name@example.org");
    }

    fn url(&mut self, url: &Spanned<String>) {
        self.form(url, is_valid_url, "url", "write it in full, as https://www.example.org");
    }

    fn phone(&mut self, phone: &Spanned<String>) {
        let hint = "write it in international form, as +49 211 4301-182";
        self.form(phone, is_valid_phone, "phone number", hint);
    }

    fn postcode(&mut self, postcode: &Spanned<String>) {
        let valid = |p: &str| p.len() == 5 && p.bytes().all(|b| b.is_ascii_digit());
        self.form(postcode, valid, "postcode", "a German postcode has five digits");
    }

    fn date(&mut self, date: &Spanned<String>) {
        self.form(date, is_valid_date, "date", "write it as YYYY-MM-DD, e.g. 2007-05-10");
    }

    fn year(&mut self, year: &Spanned<u16>) {
        if !(1900..=2100).contains(year.get_ref()) {
            let message = format!(
                "implausible year {}; write the four-digit year of publication",
                year.get_ref()
            );
            self.fail(year, message);
        }
    }
}

fn warn_missing_translations(entries: &[Arc<Entry>], diagnostics: &mut Vec<Diagnostic>) {
    for entry in entries {
        for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::CANONICAL) {
            let missing = missing_fields(entry, lang);
            if missing.is_empty() {
                continue;
            }
            let file = file_of(entry, lang);
            let message = if missing.len() == 4 {
                format!("no translation into `{lang}`; add {}", file.display())
            } else {
                format!("`{lang}` translation lacks {}", missing.join(", "))
            };
            let path = if missing.len() == 4 { &entry.path } else { &file };
            diagnostics.push(warning(path, None, message));
        }
    }
}

/// Warns about each language in which an entry has some keywords, but fewer
/// than [`MIN_KEYWORDS`] different ones. None at all is reported already:
/// an error in German, a lacking field in a translation.
fn warn_few_keywords(entries: &[Arc<Entry>], diagnostics: &mut Vec<Diagnostic>) {
    for entry in entries {
        for (&lang, texts) in &entry.texts {
            let distinct: HashSet<String> = texts.keywords().map(|k| k.to_lowercase()).collect();
            let n = distinct.len();
            if n == 0 || n >= MIN_KEYWORDS {
                continue;
            }
            let message = format!(
                "only {n} keywords in `{lang}`; add at least {} more to `keywords`: the everyday words, synonyms, words of an authority's letter and common misspellings people search with (see knowledge/README.md)",
                MIN_KEYWORDS - n
            );
            diagnostics.push(warning(&file_of(entry, lang), None, message));
        }
    }
}

/// The file that holds an entry's texts in `lang`, whether or not it exists.
fn file_of(entry: &Entry, lang: Lang) -> PathBuf {
    if lang == Lang::CANONICAL {
        entry.path.clone()
    } else {
        entry.path.with_file_name(format!("{}.{lang}.md", entry.id))
    }
}

/// The texts of a file: title and summary trimmed, keywords trimmed and
/// empty ones left out; a body written to `bodies` where it can be.
fn texts(title: &str, summary: &str, keywords: &[String], body: &str, bodies: Option<&mut BodyWriter>) -> Texts {
    let keywords = keywords.iter().map(|k| k.trim()).filter(|k| !k.is_empty());
    let (here, body) = match bodies.filter(|_| !body.is_empty()).and_then(|b| b.keep(body)) {
        Some(kept) => ("", kept),
        None => (body, Body::Here),
    };
    Texts::with_body(title.trim(), summary.trim(), keywords, here, body)
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 48
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty() && local.chars().all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    local_ok && is_valid_host(domain)
}

fn is_valid_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
}

fn is_valid_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    is_valid_host(host) && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn is_valid_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    phone.starts_with('+')
        && (6..=15).contains(&digits)
        && phone[1..].chars().all(|c| c.is_ascii_digit() || " -/()".contains(c))
}

fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(y, 4), number(m, 2), number(d, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert!(is_valid_email("Maria.Kotsina@dgb-bildungswerk.de"));
        assert!(!is_valid_email("maria.kotsina(at)dgb-bildungswerk.de"));
        assert!(!is_valid_email("maria@localhost"));
        assert!(is_valid_url("http://www.intqua.de"));
        assert!(is_valid_url(
            "https://www.anerkennung-in-deutschland.de/html/de/index.php"
        ));
        assert!(!is_valid_url("www.intqua.de"));
        assert!(!is_valid_url("https://www.in tqua.de"));
        assert!(is_valid_phone("+49 211 4301-182"));
        assert!(is_valid_phone("+49 / (0) 211 / 4301 - 182"));
        assert!(!is_valid_phone("0211 4301-182"));
        assert!(!is_valid_phone("+49 211 ABC"));
        assert!(is_valid_date("2007-05-10"));
        assert!(!is_valid_date("10.05.2007"));
        assert!(!is_valid_date("2007-13-10"));
        assert!(is_valid_id("heft-48"));
        assert!(!is_valid_id("Heft_48"));
    }
}
