//! A snapshot of checked knowledge: the entries of a folder as Lotse
//! loaded them, written beside a kept search index, so that a start with
//! an unchanged folder reads one file instead of parsing and checking
//! every entry file again.
//!
//! The format is Lotse's own and versioned ([`VERSION`]): lengths as
//! little-endian `u32`, strings as length and UTF-8 bytes. After the
//! entries come the German words compounds are split against (normalised,
//! as the index keeps them; a reload that changed some entries adds
//! theirs), which a start would otherwise split every German text for.
//! Entry paths are
//! kept relative to the knowledge folder and joined to the folder given at
//! reading, so a snapshot reads the same whatever the folder is called.
//! Whoever keeps the snapshot checks that it is whole (the index's stamp
//! names its SHA-256); a snapshot that does not decode is an error, never
//! a panic, and the caller loads the folder instead.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::body::BodyFile;
use super::{Audience, Body, Contact, Details, Entry, Kind, Knowledge, Publication, Source, Texts};
use crate::lang::Lang;

/// The version of the format; bump it whenever [`Entry`] or the encoding
/// changes. Every field of an entry is written by destructuring, so a new
/// field does not compile until it is encoded here; a language's texts are
/// written through their accessors (title, summary, keywords, body), the
/// same bytes as when they were four fields. Version 2 added the German
/// words; in version 3 they are those compounds are split against,
/// normalised.
pub const VERSION: u32 = 3;
const MAGIC: &[u8] = b"lotse-knowledge-snapshot\n";

/// Writes the entries of `knowledge` (loaded from the folder `dir`) and
/// the German words the caller splits compounds against.
pub fn write(
    knowledge: &Knowledge,
    german_words: &[impl AsRef<str>],
    dir: &Path,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut w = Writer(out);
    w.0.write_all(MAGIC)?;
    w.u32(VERSION)?;
    w.len(knowledge.len())?;
    for entry in knowledge.entries() {
        let Entry {
            id,
            kind,
            audience,
            texts,
            details,
            related,
            source,
            path,
        } = &**entry;
        w.str(id)?;
        w.u8(Kind::ALL.iter().position(|k| k == kind).unwrap_or_default() as u8)?;
        w.u8(match audience {
            Audience::Migrants => 0,
            Audience::Administration => 1,
            Audience::Both => 2,
        })?;
        w.len(texts.len())?;
        for (lang, t) in texts {
            w.u8(Lang::ALL.iter().position(|l| l == lang).unwrap_or_default() as u8)?;
            w.str(t.title())?;
            w.str(t.summary())?;
            w.len(t.keywords().len())?;
            t.keywords().try_for_each(|k| w.str(k))?;
            w.str(&t.body()?)?;
        }
        match details {
            Details::Offer { target_groups, contact } => {
                w.u8(0)?;
                w.strs(target_groups)?;
                w.opt(contact)?;
            }
            Details::Publication(p) => {
                let Publication {
                    series,
                    issue,
                    year,
                    publisher,
                    place,
                    date,
                } = &**p;
                w.u8(1)?;
                w.opt(series)?;
                w.opt(&issue.map(|i| i.to_string()))?;
                w.opt(&year.map(|y| y.to_string()))?;
                w.opt(publisher)?;
                w.opt(place)?;
                w.opt(date)?;
            }
            Details::Contact(c) => {
                let Contact {
                    person,
                    role,
                    organisation,
                    street,
                    postcode,
                    city,
                    phone,
                    fax,
                    email,
                    website,
                } = &**c;
                w.u8(2)?;
                for v in [
                    person,
                    role,
                    organisation,
                    street,
                    postcode,
                    city,
                    phone,
                    fax,
                    email,
                    website,
                ] {
                    w.opt(v)?;
                }
            }
            Details::Organisation { url } => {
                w.u8(3)?;
                w.opt(url)?;
            }
            Details::Link { url } => {
                w.u8(4)?;
                w.str(url)?;
            }
        }
        w.strs(related)?;
        w.str(source)?;
        let relative = path.strip_prefix(dir).unwrap_or(path);
        w.str(&relative.to_string_lossy())?;
    }
    w.len(german_words.len())?;
    german_words.iter().try_for_each(|word| w.str(word.as_ref()))?;
    w.0.flush()
}

/// Reads the entries written by [`write`], and the German words; their
/// paths are joined to `dir`, and `sources` become the knowledge's
/// [`Knowledge::sources`]. With `file` (the file `input` reads from its
/// start, never to be changed in place), the bodies are not read into
/// memory but kept in it (`body.rs`; on Unix), and a body is checked only
/// when it is read: whoever keeps the snapshot checks its hash.
pub fn read(
    input: &mut impl Read,
    dir: &Path,
    sources: Vec<Source>,
    file: Option<&File>,
) -> io::Result<(Knowledge, Vec<String>)> {
    let bodies = file.and_then(|f| f.try_clone().and_then(BodyFile::of).ok());
    let mut r = Reader {
        input,
        at: 0,
        bodies: bodies.map(Arc::new),
    };
    let mut scratch = Scratch::default();
    let mut magic = vec![0; MAGIC.len()];
    r.read_exact(&mut magic)?;
    if magic != MAGIC || r.u32()? != VERSION {
        return Err(bad("not a snapshot of this version"));
    }
    let count = r.u32()? as usize;
    let mut entries = Vec::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let id = r.str()?;
        let kind = *Kind::ALL.get(r.u8()? as usize).ok_or_else(|| bad("kind"))?;
        let audience = match r.u8()? {
            0 => Audience::Migrants,
            1 => Audience::Administration,
            2 => Audience::Both,
            _ => return Err(bad("audience")),
        };
        let langs = r.u32()?;
        let mut texts = super::ByLang(Vec::with_capacity((langs as usize).min(Lang::ALL.len())));
        for _ in 0..langs {
            let lang = *Lang::ALL.get(r.u8()? as usize).ok_or_else(|| bad("language"))?;
            texts.insert(lang, r.texts(&mut scratch)?);
        }
        texts.0.shrink_to_fit();
        if !texts.contains_key(&Lang::CANONICAL) {
            return Err(bad("an entry without German"));
        }
        let details = match r.u8()? {
            0 => Details::Offer {
                target_groups: r.strs()?,
                contact: r.opt()?,
            },
            1 => Details::Publication(Box::new(Publication {
                series: r.opt()?,
                issue: number(r.opt()?)?,
                year: number(r.opt()?)?,
                publisher: r.opt()?,
                place: r.opt()?,
                date: r.opt()?,
            })),
            2 => Details::Contact(Box::new(Contact {
                person: r.opt()?,
                role: r.opt()?,
                organisation: r.opt()?,
                street: r.opt()?,
                postcode: r.opt()?,
                city: r.opt()?,
                phone: r.opt()?,
                fax: r.opt()?,
                email: r.opt()?,
                website: r.opt()?,
            })),
            3 => Details::Organisation { url: r.opt()? },
            4 => Details::Link { url: r.str()? },
            _ => return Err(bad("details")),
        };
        entries.push(Arc::new(Entry {
            id,
            kind,
            audience,
            texts,
            details,
            related: r.strs()?,
            source: r.str()?,
            path: dir.join(PathBuf::from(r.str()?)),
        }));
    }
    let german_words = r.strs()?;
    if r.input.read(&mut [0])? != 0 {
        return Err(bad("bytes after the German words"));
    }
    let mut knowledge = Knowledge::shared(entries);
    if knowledge.len() != count {
        return Err(bad("duplicate ids"));
    }
    knowledge.sources = sources;
    Ok((knowledge, german_words))
}

fn number<T: std::str::FromStr>(text: Option<String>) -> io::Result<Option<T>> {
    text.map(|s| s.parse().map_err(|_| bad("number"))).transpose()
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("knowledge snapshot: {what}"))
}

struct Writer<'a, W: Write>(&'a mut W);

impl<W: Write> Writer<'_, W> {
    fn u8(&mut self, v: u8) -> io::Result<()> {
        self.0.write_all(&[v])
    }

    fn u32(&mut self, v: u32) -> io::Result<()> {
        self.0.write_all(&v.to_le_bytes())
    }

    fn len(&mut self, n: usize) -> io::Result<()> {
        self.u32(u32::try_from(n).map_err(|_| bad("too long"))?)
    }

    fn str(&mut self, s: &str) -> io::Result<()> {
        self.len(s.len())?;
        self.0.write_all(s.as_bytes())
    }

    fn strs(&mut self, list: &[String]) -> io::Result<()> {
        self.len(list.len())?;
        list.iter().try_for_each(|s| self.str(s))
    }

    fn opt(&mut self, s: &Option<String>) -> io::Result<()> {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1)?;
                self.str(s)
            }
        }
    }
}

struct Reader<'a, R: Read> {
    input: &'a mut R,
    /// How many bytes were read.
    at: u64,
    bodies: Option<Arc<BodyFile>>,
}

/// Buffers the reader reuses from one text to the next.
#[derive(Default)]
struct Scratch {
    bytes: Vec<u8>,
    keywords: Vec<u8>,
}

impl<R: Read> Reader<'_, R> {
    fn read_exact(&mut self, bytes: &mut [u8]) -> io::Result<()> {
        self.input.read_exact(bytes)?;
        self.at += bytes.len() as u64;
        Ok(())
    }

    fn u8(&mut self) -> io::Result<u8> {
        let mut b = [0];
        self.read_exact(&mut b)?;
        Ok(b[0])
    }

    fn u32(&mut self) -> io::Result<u32> {
        let mut b = [0; 4];
        self.read_exact(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn str(&mut self) -> io::Result<String> {
        let mut bytes = Vec::new();
        self.append(&mut bytes)?;
        String::from_utf8(bytes).map_err(|_| bad("text that is not UTF-8"))
    }

    /// Reads a string's bytes onto the end of `bytes`, in pieces of at
    /// most a mebibyte, so that a damaged length cannot ask for more
    /// memory than the file has; with no room to spare otherwise.
    fn append(&mut self, bytes: &mut Vec<u8>) -> io::Result<()> {
        let n = self.u32()? as usize;
        let end = bytes.len() + n;
        bytes.reserve_exact(n.min(1 << 20));
        while bytes.len() < end {
            let piece = (end - bytes.len()).min(1 << 20);
            let start = bytes.len();
            bytes.resize(start + piece, 0);
            self.read_exact(&mut bytes[start..])?;
        }
        Ok(())
    }

    /// A body kept where it is in the file, passed over; `None` without
    /// a file to keep bodies in.
    fn kept_body(&mut self) -> io::Result<Option<Body>> {
        let Some(file) = self.bodies.clone() else {
            return Ok(None);
        };
        let len = self.u32()?;
        let at = self.at;
        let passed = io::copy(&mut (&mut *self.input).take(len.into()), &mut io::sink())?;
        if passed != u64::from(len) {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        self.at += passed;
        Ok(Some(if len == 0 {
            Body::Here
        } else {
            Body::Kept { file, at, len }
        }))
    }

    /// Title, summary, keywords and body, as [`Texts`]: read into
    /// `scratch` (the keywords moved behind the body), checked once, and
    /// copied into a string exactly as long (grown and shrunk in place,
    /// each would leave a gap behind). A body kept in the file is not read.
    fn texts(&mut self, scratch: &mut Scratch) -> io::Result<Texts> {
        let Scratch { bytes, keywords } = scratch;
        bytes.clear();
        keywords.clear();
        let mut ends = Vec::new();
        self.append(bytes)?;
        ends.push(bytes.len());
        self.append(bytes)?;
        ends.push(bytes.len());
        let n = self.u32()?;
        let mut keyword_ends = Vec::with_capacity((n as usize).min(64));
        for _ in 0..n {
            self.append(keywords)?;
            keyword_ends.push(keywords.len());
        }
        let body = match self.kept_body()? {
            Some(body) => body,
            None => {
                self.append(bytes)?;
                Body::Here
            }
        };
        let body_end = bytes.len();
        ends.push(body_end);
        bytes.extend_from_slice(keywords);
        ends.extend(keyword_ends.into_iter().map(|end| body_end + end));
        let text = std::str::from_utf8(bytes).map_err(|_| bad("text that is not UTF-8"))?;
        // The whole is UTF-8; so is each piece where each ends at a character.
        if !ends.iter().all(|&end| text.is_char_boundary(end)) {
            return Err(bad("text that is not UTF-8"));
        }
        let mut exact = Vec::with_capacity(ends.len());
        for end in ends {
            exact.push(u32::try_from(end).map_err(|_| bad("texts too long"))?);
        }
        Ok(Texts::from_parts(text.to_string(), exact, body))
    }

    fn strs(&mut self) -> io::Result<Vec<String>> {
        let n = self.u32()?;
        let mut list = Vec::with_capacity((n as usize).min(64));
        for _ in 0..n {
            list.push(self.str()?);
        }
        Ok(list)
    }

    fn opt(&mut self) -> io::Result<Option<String>> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(bad("optional field")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_knowledge_reads_back_the_same() {
        let dir = super::super::default_dir();
        let loaded = super::super::load(&dir).knowledge;
        // Some words to write, in an order of their own.
        let words = |k: &Knowledge| {
            let mut words: Vec<String> = k.german_words().unwrap().into_iter().map(Into::into).collect();
            words.sort();
            words
        };
        let mut bytes = Vec::new();
        write(&loaded, &words(&loaded), &dir, &mut bytes).unwrap();
        let (back, german_words) = read(&mut bytes.as_slice(), &dir, loaded.sources().to_vec(), None).unwrap();
        assert_eq!(back.entries(), loaded.entries());
        assert_eq!(back.sources(), loaded.sources());
        assert_eq!(german_words, words(&loaded));
        assert!(german_words.iter().any(|w| w == "Anerkennung"), "{german_words:?}");
        // Damaged or cut short: an error, never a panic.
        for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&mut &bytes[..cut], &dir, Vec::new(), None).is_err());
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&mut longer.as_slice(), &dir, Vec::new(), None).is_err());

        // Read from a file, the bodies stay in it, and come back the same.
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&bytes).unwrap();
        let mut input = io::BufReader::new(&file);
        io::Seek::rewind(&mut input).unwrap();
        let (kept, kept_words) = read(&mut input, &dir, Vec::new(), Some(&file)).unwrap();
        assert_eq!(kept_words, german_words);
        assert_eq!(
            serde_json::to_value(kept.entries()).unwrap(),
            serde_json::to_value(loaded.entries()).unwrap()
        );
        let texts = || kept.entries().iter().flat_map(|e| e.texts.values());
        assert!(
            texts()
                .filter(|t| t.has_body())
                .all(|t| matches!(t.body, Body::Kept { .. }))
        );
        assert!(texts().any(|t| t.has_body()));
        // And a snapshot written from them has the same bytes.
        let mut again = Vec::new();
        // (with the German words made from the bodies in the file)
        write(&kept, &words(&kept), &dir, &mut again).unwrap();
        assert!(again == bytes);
    }
}
