//! A synthetic knowledge folder of any size, for the scale benchmarks.
//!
//! Deterministic for a seed: the same `N` gives the same files. The text is
//! realistic in that it is made of the real knowledge's own words in each
//! language (so the analyzers, the dictionary and the language fields see
//! the vocabulary they will see in production), arranged at random. Every
//! entry is German and two other languages, in the real file format, so the
//! loader and validator are part of what is measured. The entries are made
//! up and never shipped: they live only in the folder given.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use crate::knowledge::{Kind, Knowledge};
use crate::lang::Lang;
use crate::text;

/// A small, fast, deterministic random source (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
}

/// Writes `entries` synthetic entries below `dir`, calling
/// `progress(done, total)` now and then.
pub fn generate(
    source: &Knowledge,
    dir: &Path,
    entries: usize,
    seed: u64,
    progress: &mut dyn FnMut(usize, usize),
) -> io::Result<()> {
    let words = vocabulary(source);
    let mut rng = Rng(seed);
    for kind in Kind::ALL {
        fs::create_dir_all(dir.join(kind.folder()))?;
    }
    let others: Vec<Lang> = Lang::ALL.into_iter().filter(|&l| l != Lang::CANONICAL).collect();
    for i in 0..entries {
        let kind = Kind::ALL[i % Kind::ALL.len()];
        let id = format!("{}-{i:06}", kind.name());
        let folder = dir.join(kind.folder());
        let (title, summary, keywords, body) = texts(&mut rng, &words[&Lang::De], i);
        let mut file = String::with_capacity(2048);
        let _ = write!(
            file,
            "+++\nid = \"{id}\"\nkind = \"{}\"\naudience = \"{}\"\ntitle = {}\nsummary = {}\nkeywords = {}\nsource = \"synthetic, seed {seed}\"\n",
            kind.name(),
            ["migrants", "administration", "both"][i % 3],
            quote(&title),
            quote(&summary),
            list(&keywords)
        );
        file.push_str(&details(kind, i));
        let _ = write!(file, "+++\n{body}\n");
        fs::write(folder.join(format!("{id}.md")), file)?;
        let first = rng.below(others.len());
        let second = (first + 1 + rng.below(others.len() - 1)) % others.len();
        for lang in [others[first], others[second]] {
            let (title, summary, keywords, body) = texts(&mut rng, &words[&lang], i);
            let translation = format!(
                "+++\ntitle = {}\nsummary = {}\nkeywords = {}\n+++\n{body}\n",
                quote(&title),
                quote(&summary),
                list(&keywords)
            );
            fs::write(folder.join(format!("{id}.{lang}.md")), translation)?;
        }
        if i % 1000 == 0 || i + 1 == entries {
            progress(i + 1, entries);
        }
    }
    Ok(())
}

/// The words of each language's texts in `source`.
fn vocabulary(source: &Knowledge) -> BTreeMap<Lang, Vec<String>> {
    let mut words: BTreeMap<Lang, Vec<String>> = BTreeMap::new();
    for entry in source.entries() {
        for (lang, t) in &entry.texts {
            // Loaded with `load`: the bodies are in memory.
            let body = t.body().unwrap_or_default();
            let all = format!("{} {} {} {body}", t.title(), t.summary(), t.keywords().join(" "));
            words.entry(*lang).or_default().extend(
                all.split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                    .filter(|w| text::words(w, None).len() == 1),
            );
        }
    }
    for lang in Lang::ALL {
        let list = words.entry(lang).or_default();
        list.sort();
        list.dedup();
        if list.is_empty() {
            list.push("Lotse".to_string());
        }
    }
    words
}

type Texts = (String, String, Vec<String>, String);

fn texts(rng: &mut Rng, words: &[String], i: usize) -> Texts {
    let mut sentence = |low: usize, high: usize| -> String {
        let n = rng.between(low, high);
        (0..n)
            .map(|_| words[rng.below(words.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let title = format!("{} {i}", sentence(3, 6));
    let summary = format!("{}.", sentence(10, 18));
    let body = format!("{}.\n\n{}.", sentence(20, 35), sentence(15, 30));
    let keywords = (0..rng.between(4, 8))
        .map(|_| words[rng.below(words.len())].clone())
        .collect();
    (title, summary, keywords, body)
}

fn details(kind: Kind, i: usize) -> String {
    match kind {
        Kind::Offer => "\n[offer]\ntarget_groups = [\"Personalräte\"]\n".to_string(),
        Kind::Publication => format!(
            "\n[publication]\nseries = \"Synthetische Reihe\"\nissue = {}\nyear = {}\n",
            i % 500 + 1,
            1990 + i % 35
        ),
        Kind::Contact => format!(
            "\n[contact]\nperson = \"Person {i}\"\norganisation = \"Organisation {}\"\npostcode = \"{:05}\"\nemail = \"person{i}@example.org\"\n",
            i % 97,
            10_000 + i % 89_999
        ),
        Kind::Organisation => format!("\n[organisation]\nurl = \"https://example.org/organisation/{i}\"\n"),
        Kind::Link => format!("\n[link]\nurl = \"https://example.org/link/{i}\"\n"),
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| quote(s)).collect::<Vec<_>>().join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_folder_and_it_loads_cleanly() {
        let source = crate::knowledge::load(&crate::knowledge::default_dir()).knowledge;
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        generate(&source, a.path(), 30, 7, &mut |_, _| {}).unwrap();
        generate(&source, b.path(), 30, 7, &mut |_, _| {}).unwrap();
        let file = "publications/publication-000001.md";
        assert_eq!(
            fs::read(a.path().join(file)).unwrap(),
            fs::read(b.path().join(file)).unwrap()
        );
        let loaded = crate::knowledge::load(a.path());
        assert!(
            !loaded.has_errors(),
            "{:?}",
            loaded
                .diagnostics
                .iter()
                .find(|d| d.severity == crate::knowledge::Severity::Error)
        );
        assert_eq!(loaded.knowledge.len(), 30);
        let entry = loaded.knowledge.get("contact-000002").unwrap();
        assert_eq!(entry.texts.len(), 3);
    }
}
