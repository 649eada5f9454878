//! Reading the files of a knowledge folder: names, front matter and fields.
//!
//! This is the parse step; [`super::check`] validates and assembles what it
//! read. Every problem becomes a [`Diagnostic`] with the file and, where
//! there is one, the line, worded so a maintainer knows how to mend it.

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{Audience, Diagnostic, Kind, Severity};
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

/// What a folder held.
#[derive(Default)]
pub(super) struct Files {
    pub entries: Vec<EntryFile>,
    pub translations: Vec<TranslationFile>,
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

/// Reads every entry and translation file below `dir`.
pub(super) fn read_folder(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Files {
    let mut files = Files::default();
    let listing = match sorted_listing(dir) {
        Ok(listing) => listing,
        Err(err) => {
            diagnostics.push(error(
                dir,
                None,
                format!("cannot read the knowledge folder: {err}; check that the path is right"),
            ));
            return files;
        }
    };
    for folder in listing {
        if !folder.is_dir() {
            // Top-level files (a README for maintainers, say) are not entries.
            continue;
        }
        let name = folder.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let Some(kind) = Kind::from_folder(&name) else {
            diagnostics.push(error(
                &folder,
                None,
                format!(
                    "unknown folder `{name}`; entries live in offers/, publications/, contacts/, organisations/ or links/"
                ),
            ));
            continue;
        };
        read_kind_folder(&folder, kind, &mut files, diagnostics);
    }
    files
}

fn read_kind_folder(folder: &Path, kind: Kind, files: &mut Files, diagnostics: &mut Vec<Diagnostic>) {
    let listing = match sorted_listing(folder) {
        Ok(listing) => listing,
        Err(err) => {
            diagnostics.push(error(folder, None, format!("cannot read the folder: {err}")));
            return;
        }
    };
    for path in listing {
        let file_name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if file_name.starts_with('.') {
            continue;
        }
        let Some(name) = file_name.strip_suffix(".md") else {
            diagnostics.push(warning(
                &path,
                None,
                "not a `.md` file, so not an entry; it is ignored".to_string(),
            ));
            continue;
        };
        let text = match fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                diagnostics.push(error(
                    &path,
                    None,
                    "unreadable file: it is not UTF-8 text; save it as UTF-8".to_string(),
                ));
                continue;
            }
            Err(err) => {
                diagnostics.push(error(&path, None, format!("unreadable file: {err}")));
                continue;
            }
        };
        match name.split_once('.') {
            None => {
                if let Some((raw, body, lines)) = parse_file(&path, &text, diagnostics) {
                    files.entries.push(EntryFile {
                        stem: name.to_string(),
                        folder_kind: kind,
                        path,
                        raw,
                        body,
                        lines,
                    });
                }
            }
            Some((stem, code)) => {
                let lang = match code.parse::<Lang>() {
                    Ok(lang) if lang != Lang::CANONICAL => lang,
                    Ok(_) => {
                        diagnostics.push(error(
                            &path,
                            None,
                            format!("German is the canonical language and lives in `{stem}.md`, not in a `.de.md` file; merge the two"),
                        ));
                        continue;
                    }
                    Err(err) => {
                        diagnostics.push(error(&path, None, format!("{err} in the file name")));
                        continue;
                    }
                };
                if let Some((raw, body, _)) = parse_file(&path, &text, diagnostics) {
                    files.translations.push(TranslationFile {
                        stem: stem.to_string(),
                        folder_kind: kind,
                        lang,
                        path,
                        raw,
                        body,
                    });
                }
            }
        }
    }
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
