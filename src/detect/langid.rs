//! A statistical language identifier: py3langid's naive Bayes model over
//! byte n-grams, restricted to Lotse's twelve languages.
//!
//! The model file (`models/langid/langid.bin`, BSD-3, see the README there)
//! is embedded in the binary; its weights are read in place, and its n-gram
//! keys go into one hash map on first use (about 80,000 entries, a few
//! milliseconds once). `tools/convert_langid.py` made it from
//! py3langid 0.4.0; its docstring describes the layout.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::lang::Lang;

/// The converted model.
static MODEL: &[u8] = include_bytes!("../../models/langid/langid.bin");

/// The model's classes, in the order of its columns: Lotse's order, which
/// `tools/convert_langid.py` follows (then a background column, the mean
/// over all of py3langid's languages).
const CLASSES: [Lang; 12] = Lang::ALL;
const COLUMNS: usize = 13;
/// The quantisation step of the weights, in nats.
const STEP: f32 = 0.06;
/// Longer texts are judged by their beginning, which bounds the time.
const MAX_BYTES: usize = 512;
const MAGIC: &[u8] = b"LOTSELID1";
const NONE: u32 = u32::MAX;

/// The model's judgement of one text.
#[derive(Debug, Clone, Copy)]
pub struct Scores {
    /// Log-likelihood per class (in [`CLASSES`] order) including the prior.
    log: [f32; 12],
    /// Log-likelihood under the background, without prior.
    background: f32,
    /// How many bytes were read.
    bytes: usize,
    /// How many letters those bytes hold.
    letters: usize,
}

impl Scores {
    /// The probability of each of `langs`, as py3langid computes it (a
    /// softmax with temperature √bytes), among `langs` only.
    pub fn probabilities(&self, langs: &[Lang]) -> Vec<(Lang, f32)> {
        let temperature = (self.bytes.max(1) as f32).sqrt();
        let scaled: Vec<(Lang, f32)> = langs.iter().map(|&l| (l, self.raw(l) / temperature)).collect();
        let max = scaled.iter().map(|&(_, s)| s).fold(f32::NEG_INFINITY, f32::max);
        let sum: f32 = scaled.iter().map(|&(_, s)| (s - max).exp()).sum();
        scaled.into_iter().map(|(l, s)| (l, (s - max).exp() / sum)).collect()
    }

    /// How much better than the background (the mean of ~140 languages)
    /// `lang` explains the text, in nats: high for text that is really in
    /// it, low for text in another language or in letters the language is
    /// not written in.
    pub fn fit(&self, lang: Lang) -> f32 {
        self.raw(lang) - self.background
    }

    /// How many letters the model read (a long text only in part).
    pub fn letters(&self) -> usize {
        self.letters
    }

    /// Takes the scores of `langs` from `other`, a rewriting of the same
    /// text (of the same length in bytes) in those languages' spelling.
    pub fn take(&mut self, other: &Scores, langs: &[Lang]) {
        for (column, lang) in CLASSES.iter().enumerate() {
            if langs.contains(lang) {
                self.log[column] = other.log[column];
            }
        }
    }

    fn raw(&self, lang: Lang) -> f32 {
        let column = CLASSES.iter().position(|&l| l == lang).unwrap_or(0);
        self.log[column]
    }
}

/// Scores `text`; `None` when it holds no feature the model knows.
pub fn score(text: &str) -> Option<Scores> {
    let model = Model::get()?;
    // py3langid lower-cases text that is all upper case and reads NFC.
    let lowered;
    let text = if is_all_upper(text) {
        lowered = text.to_lowercase();
        &lowered
    } else {
        text
    };
    let normalized;
    let text = if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        normalized = text.nfc().collect::<String>();
        &normalized
    };
    let mut bytes = text.as_bytes();
    if bytes.len() > MAX_BYTES {
        let mut end = MAX_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        bytes = &bytes[..end];
    }
    let mut features: Vec<u32> = Vec::with_capacity(bytes.len());
    // The DFA's state: the longest suffix read so far that is a node,
    // right-aligned in `state`, `len` bytes long.
    let (mut state, mut len) = (0u64, 0usize);
    for &byte in bytes {
        let (window, wlen) = ((state << 8 | u64::from(byte)), (len + 1).min(6));
        let window = window & mask(wlen);
        state = 0;
        len = 0;
        for take in (1..=wlen).rev() {
            let suffix = window & mask(take);
            if let Some(feature) = model.node(suffix, take) {
                state = suffix;
                len = take;
                if feature != NONE {
                    features.push(feature);
                }
                break;
            }
        }
    }
    if features.is_empty() {
        return None;
    }
    features.sort_unstable();
    let mut sums = [0f32; COLUMNS];
    for run in features.chunk_by(|a, b| a == b) {
        let (feature, count) = (run[0], run.len());
        let weight = (count as f32).ln_1p() * STEP;
        let row = model.row(feature);
        for (sum, &q) in sums.iter_mut().zip(row) {
            *sum -= weight * f32::from(q);
        }
    }
    let mut raw = [0f32; 12];
    for (column, slot) in raw.iter_mut().enumerate() {
        *slot = sums[column] + model.prior(column);
    }
    Some(Scores {
        log: raw,
        background: sums[12],
        bytes: bytes.len(),
        letters: text[..bytes.len()]
            .chars()
            .filter(|&c| crate::text::is_letter(c))
            .count(),
    })
}

/// A multiplicative hash for the model's keys, which are already spread
/// bytes: far cheaper than SipHash, and no input reaches the map but the
/// model's own keys and lookups of them.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
}

fn mask(len: usize) -> u64 {
    if len >= 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 }
}

fn is_all_upper(text: &str) -> bool {
    let mut cased = false;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// The model file, read in place, with its keys in a hash map.
struct Model {
    /// Node key (bytes packed with their length) to feature, or [`NONE`].
    nodes: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    priors: &'static [u8],
    weights: &'static [u8],
}

impl Model {
    /// The embedded model, or `None` if the file is damaged (then detection
    /// works by letters and vocabulary alone).
    fn get() -> Option<&'static Model> {
        static MODEL_ONCE: OnceLock<Option<Model>> = OnceLock::new();
        MODEL_ONCE.get_or_init(Model::read).as_ref()
    }

    fn read() -> Option<Model> {
        let rest = MODEL.strip_prefix(MAGIC)?;
        let count = u32::from_le_bytes(rest.get(0..4)?.try_into().ok()?) as usize;
        let features = u32::from_le_bytes(rest.get(4..8)?.try_into().ok()?) as usize;
        let rest = rest.get(8..)?;
        let (priors, rest) = rest.split_at_checked(4 * COLUMNS)?;
        let (keys, rest) = rest.split_at_checked(8 * count)?;
        let (targets, weights) = rest.split_at_checked(4 * count)?;
        if weights.len() != COLUMNS * features {
            return None;
        }
        let mut nodes = HashMap::with_capacity_and_hasher(count, BuildHasherDefault::default());
        for (key, target) in keys.chunks_exact(8).zip(targets.chunks_exact(4)) {
            let key = u64::from_le_bytes(key.try_into().ok()?);
            let target = u32::from_le_bytes(target.try_into().ok()?);
            nodes.insert(key, if (target as usize) < features { target } else { NONE });
        }
        Some(Model { nodes, priors, weights })
    }

    /// Looks up the node of `len` bytes held right-aligned in `bytes`:
    /// `None` if it is no node, else its feature (or [`NONE`]).
    fn node(&self, bytes: u64, len: usize) -> Option<u32> {
        let key = (len as u64) << 56 | bytes << (8 * (7 - len));
        self.nodes.get(&key).copied()
    }

    fn row(&self, feature: u32) -> &'static [u8] {
        let start = feature as usize * COLUMNS;
        &self.weights[start..start + COLUMNS]
    }

    fn prior(&self, column: usize) -> f32 {
        let at = 4 * column;
        f32::from_le_bytes([
            self.priors[at],
            self.priors[at + 1],
            self.priors[at + 2],
            self.priors[at + 3],
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(text: &str, langs: &[Lang]) -> Lang {
        let probabilities = score(text).expect("features").probabilities(langs);
        probabilities
            .into_iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(l, _)| l)
            .expect("a language")
    }

    #[test]
    fn the_model_reads_and_tells_languages_apart() {
        assert!(Model::get().is_some(), "the embedded model is damaged");
        let all = &Lang::ALL;
        assert_eq!(best("Wie kann ich meinen Abschluss anerkennen lassen", all), Lang::De);
        assert_eq!(best("How do I get my degree recognised", all), Lang::En);
        assert_eq!(best("comment faire reconnaître mon diplôme", all), Lang::Fr);
        assert_eq!(best("підтвердження диплому", all), Lang::Uk);
        assert_eq!(best("د ټیلیفون شمیره", all), Lang::Ps);
    }

    /// Prints how well two to four words of each language's interface
    /// texts fit the model, the figures `detect::typical_fit` holds. Run
    /// it after replacing the model: `cargo test --lib typical_fits --
    /// --ignored --nocapture`.
    #[test]
    #[ignore = "prints figures to copy, checks nothing"]
    fn typical_fits() {
        for lang in Lang::ALL {
            let path = format!("{}/locales/{}/lotse.ftl", env!("CARGO_MANIFEST_DIR"), lang.code());
            let text = std::fs::read_to_string(path).expect("locale file");
            let mut fits = Vec::new();
            for line in text.lines() {
                let Some((_, value)) = line.split_once(" = ") else {
                    continue;
                };
                let value: String = value.chars().filter(|c| c.is_alphabetic() || *c == ' ').collect();
                let words: Vec<&str> = value.split_whitespace().take(4).collect();
                if words.len() < 2 {
                    continue;
                }
                let piece = words.join(" ");
                let letters = piece.chars().filter(|c| c.is_alphabetic()).count() as f32;
                if let Some(s) = score(&piece) {
                    fits.push(s.fit(lang) / letters);
                }
            }
            fits.sort_by(|a, b| a.total_cmp(b));
            println!("{lang:?}: median {:.2} over {}", fits[fits.len() / 2], fits.len());
        }
    }

    #[test]
    fn text_without_known_features_has_no_scores() {
        assert!(score("").is_none());
    }
}
