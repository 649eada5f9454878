//! Typo tolerance: correcting a word against the index's own dictionary.
//!
//! Only a word that no field of the index contains is corrected: one edit
//! for words of four to eleven letters, two for longer ones; a swap of two
//! neighbouring letters is one edit. The corrections are the nearest
//! dictionary words, and are searched like words the user typed, with a
//! lower weight, so BM25 still ranks them and an exact word always counts
//! more than a corrected one.
//!
//! The work is done when the index is made, not per query (SymSpell): every
//! dictionary word is stored under each string that deleting one letter
//! (two, for long words) leaves. A typed word meets its corrections under a
//! deletion of its own, so a typo costs a few hash look-ups and one edit
//! distance per candidate, about as much as an exact word.

use std::hash::Hasher as _;

use rustc_hash::FxHashMap as HashMap;

/// At most this many corrections are tried for one word.
const MAX_CORRECTIONS: usize = 3;
/// A typed word may be corrected to a dictionary word this many letters
/// shorter at most; shorter dictionary words are not stored.
const MIN_WORD: usize = 3;
/// Typed words of this many letters or more may be two edits away from
/// their correction (see [`allowed_distance`]).
const TWO_EDITS_FROM: usize = 12;

/// The dictionary words under the strings their deletions leave.
#[derive(Debug, Default)]
pub(super) struct Corrector {
    /// Each dictionary word with its document frequency.
    words: Vec<(Box<str>, u32)>,
    /// The hash of a word itself, or of what deleting one or two of its
    /// letters leaves → the words (indices into `words`) that leave it.
    deletions: HashMap<u64, Vec<u32>>,
}

impl Corrector {
    /// Indexes the dictionary `words` (with their document frequencies).
    pub(super) fn new(words: impl IntoIterator<Item = (Box<str>, u32)>) -> Corrector {
        let mut words: Vec<(Box<str>, u32)> = words
            .into_iter()
            .filter(|(w, _)| w.chars().count() >= MIN_WORD && !is_number(w))
            .collect();
        // The same index for the same dictionary, whatever order it came in.
        words.sort_unstable();
        let mut deletions: HashMap<u64, Vec<u32>> = HashMap::default();
        let mut keys = Vec::new();
        for (id, (word, _)) in words.iter().enumerate() {
            let chars: Vec<char> = word.chars().collect();
            // A word may be reached from typed words up to two letters
            // longer; two deletions are needed only where such a typed word
            // is long enough to be two edits away.
            let depth = if chars.len() + 2 >= TWO_EDITS_FROM { 2 } else { 1 };
            deletes(&chars, depth, &mut keys);
            for key in keys.drain(..) {
                let ids = deletions.entry(key).or_default();
                if ids.last() != Some(&(id as u32)) {
                    ids.push(id as u32);
                }
            }
        }
        deletions.values_mut().for_each(|ids| ids.shrink_to_fit());
        Corrector { words, deletions }
    }

    /// The corrections of `word`: the nearest dictionary words, nearest
    /// first and, at the same distance, the most frequent first; none where
    /// the word is too short or a number.
    pub(super) fn corrections(&self, word: &str) -> Vec<&str> {
        let Some(max) = allowed_distance(word) else {
            return Vec::new();
        };
        let chars: Vec<char> = word.chars().collect();
        let mut keys = Vec::new();
        deletes(&chars, max, &mut keys);
        let mut found: Vec<(usize, u32)> = Vec::new();
        for key in &keys {
            for &id in self.deletions.get(key).map_or(&[][..], Vec::as_slice) {
                if found.iter().any(|&(_, seen)| seen == id) {
                    continue;
                }
                let candidate: Vec<char> = self.words[id as usize].0.chars().collect();
                if let Some(d) = distance(&chars, &candidate, max) {
                    found.push((d, id));
                }
            }
        }
        found.sort_by(|&(da, a), &(db, b)| {
            let (wa, na) = &self.words[a as usize];
            let (wb, nb) = &self.words[b as usize];
            da.cmp(&db).then(nb.cmp(na)).then(wa.cmp(wb))
        });
        found
            .into_iter()
            .take(MAX_CORRECTIONS)
            .map(|(_, id)| &*self.words[id as usize].0)
            .collect()
    }
}

fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
}

/// How many edits a word of this length may be away from its correction:
/// none for short words and numbers, where a typo makes another word.
fn allowed_distance(word: &str) -> Option<usize> {
    if is_number(word) {
        return None;
    }
    // Two edits only for long words: most typos are one edit.
    match word.chars().count() {
        0..=3 => None,
        n if n < TWO_EDITS_FROM => Some(1),
        _ => Some(2),
    }
}

/// The hashes of `word` and of every string that deleting one or two
/// (`depth`) of its letters leaves, into `out` (which is cleared first),
/// sorted and distinct. Hashes, not strings: a word of twelve letters
/// leaves 79 strings, and making them cost more than looking them up. Two
/// strings of one hash only bring a candidate more, which the edit
/// distance then judges.
fn deletes(word: &[char], depth: usize, out: &mut Vec<u64>) {
    out.clear();
    let hash = |skip: [usize; 2]| {
        let mut hasher = rustc_hash::FxHasher::default();
        for (i, c) in word.iter().enumerate() {
            if !skip.contains(&i) {
                hasher.write_u32(u32::from(*c));
            }
        }
        hasher.write_usize(word.len() - skip.iter().filter(|&&i| i < word.len()).count());
        hasher.finish()
    };
    let none = usize::MAX;
    out.push(hash([none, none]));
    if depth >= 1 {
        out.extend((0..word.len()).map(|i| hash([i, none])));
    }
    if depth >= 2 {
        for i in 0..word.len() {
            out.extend((i + 1..word.len()).map(|j| hash([i, j])));
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// The edit distance of `a` and `b` where it is at most `max`: insertions,
/// deletions, substitutions and swaps of neighbouring letters count one
/// each (optimal string alignment).
fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; 3 * width];
    for (j, cell) in rows[..width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, before) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur * width] = i;
        let mut best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev * width + j] + 1)
                .min(rows[cur * width + j - 1] + 1)
                .min(rows[prev * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[before * width + j - 2] + 1);
            }
            rows[cur * width + j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
    }
    let d = rows[(a.len() % 3) * width + b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corrector(words: &[(&str, u32)]) -> Corrector {
        Corrector::new(words.iter().map(|&(w, n)| (w.into(), n)))
    }

    #[test]
    fn distance_grows_with_length() {
        assert_eq!(allowed_distance("iq"), None);
        assert_eq!(allowed_distance("40476"), None);
        assert_eq!(allowed_distance("kurs"), Some(1));
        assert_eq!(allowed_distance("anerkenung"), Some(1));
        assert_eq!(allowed_distance("integrationsplan"), Some(2));
    }

    #[test]
    fn every_kind_of_edit_is_found() {
        let c = corrector(&[("anerkennung", 5), ("beratung", 3), ("integrationsplan", 1)]);
        // A letter missing, one too many, one wrong, two swapped.
        assert_eq!(c.corrections("anerkenung"), ["anerkennung"]);
        assert_eq!(c.corrections("berattung"), ["beratung"]);
        assert_eq!(c.corrections("beratunk"), ["beratung"]);
        assert_eq!(c.corrections("bertaung"), ["beratung"]);
        // Two edits in a long word.
        assert_eq!(c.corrections("integraionsplna"), ["integrationsplan"]);
        // Too far, too short, a number.
        assert!(c.corrections("bratunk").is_empty());
        assert!(c.corrections("bera").is_empty());
        assert!(c.corrections("12345").is_empty());
    }

    #[test]
    fn nearest_then_most_frequent_then_alphabetical() {
        let c = corrector(&[("kurse", 1), ("kurs", 2), ("kursa", 9), ("kursb", 9)]);
        assert_eq!(c.corrections("kurs"), ["kurs", "kursa", "kursb"]);
    }

    #[test]
    fn distance_counts_swaps_once() {
        let d = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            distance(&a, &b, 3)
        };
        assert_eq!(d("abcd", "abcd"), Some(0));
        assert_eq!(d("abcd", "bacd"), Some(1));
        assert_eq!(d("abcd", "abd"), Some(1));
        assert_eq!(d("абвг", "абвгд"), Some(1));
        assert_eq!(d("abcd", "wxyz"), None);
    }
}
