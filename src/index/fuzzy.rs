//! Typo tolerance: correcting a word against the index's own dictionary.
//!
//! A word that no field of the index contains is looked up in the dictionary field with
//! a Levenshtein automaton (one edit for words of four to eleven letters,
//! two for longer ones; a swap of two letters is one edit). The closest
//! words found are then searched like words the user typed, with a lower
//! weight, so BM25 still ranks them and an exact word always counts more
//! than a corrected one.

use std::collections::HashMap;
use std::sync::OnceLock;

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder};
use tantivy::Searcher;
use tantivy::schema::Field;
use tantivy_fst::Automaton;

use super::IndexError;

/// At most this many corrections are tried for one word.
const MAX_CORRECTIONS: usize = 3;

/// The corrections of `word`, a word that no field of the index has:
/// the nearest dictionary words, or none where the word is too short to
/// correct.
pub(super) fn corrections(searcher: &Searcher, dictionary: Field, word: &str) -> Result<Vec<String>, IndexError> {
    match allowed_distance(word) {
        Some(distance) => closest(searcher, dictionary, word, distance),
        None => Ok(Vec::new()),
    }
}

/// How many edits a word of this length may be away from its correction:
/// none for short words and numbers, where a typo makes another word.
fn allowed_distance(word: &str) -> Option<u8> {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // Two edits only for long words: most typos are one edit, and the
    // automaton for two edits costs several times more.
    match word.chars().count() {
        0..=3 => None,
        4..=11 => Some(1),
        _ => Some(2),
    }
}

/// The dictionary words nearest to `word`, nearest first and, at the same
/// distance, the most frequent first.
fn closest(searcher: &Searcher, field: Field, word: &str, max: u8) -> Result<Vec<String>, IndexError> {
    let dfa = builder(max).build_dfa(word);
    let mut found: HashMap<String, (u8, u64)> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .search(DfaAutomaton(&dfa))
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let Distance::Exact(d) = dfa.eval(term) else {
                continue;
            };
            let docs = u64::from(stream.value().doc_freq);
            let slot = found.entry(term.to_string()).or_insert((d, 0));
            slot.1 += docs;
        }
    }
    let mut ranked: Vec<(String, (u8, u64))> = found.into_iter().collect();
    ranked.sort_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)).then(a.0.cmp(&b.0)));
    Ok(ranked.into_iter().take(MAX_CORRECTIONS).map(|(w, _)| w).collect())
}

/// Building an automaton builder is costly (it precomputes the states for
/// a distance), so each is built once.
fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.min(2), true))
}

/// The Levenshtein DFA as an automaton over the term dictionary's bytes.
struct DfaAutomaton<'a>(&'a DFA);

impl Automaton for DfaAutomaton<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != levenshtein_automata::SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_grows_with_length() {
        assert_eq!(allowed_distance("iq"), None);
        assert_eq!(allowed_distance("40476"), None);
        assert_eq!(allowed_distance("kurs"), Some(1));
        assert_eq!(allowed_distance("anerkenung"), Some(1));
        assert_eq!(allowed_distance("integrationsplan"), Some(2));
    }
}
