//! What terms the index holds, and where: made once when an index is
//! built or opened, so that a query asks a hash map, not the index.
//!
//! Every term of every searched field maps to the fields that hold it with
//! its document frequency there. Planning a query keeps only terms that
//! exist (most of a query's terms in the other languages' fields do not),
//! BM25 takes their frequencies from here, and detection's "words the
//! knowledge knows" is the same lookup. The dictionary field's words (with
//! their frequencies) are kept apart: typos are corrected against them
//! (`typo.rs`).

use rustc_hash::FxHashMap as HashMap;

use tantivy::Searcher;
use tantivy::schema::Field;

use super::IndexError;

/// The terms of an index's fields.
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    /// Term → (field, documents with the term in that field), over all
    /// segments.
    terms: HashMap<Box<str>, Vec<(Field, u32)>>,
}

impl Vocabulary {
    /// Reads the term dictionaries of `fields` in every segment of `searcher`.
    pub(super) fn read(searcher: &Searcher, fields: &[Field]) -> Result<Vocabulary, IndexError> {
        let mut terms: HashMap<Box<str>, Vec<(Field, u32)>> = HashMap::default();
        for &field in fields {
            for (term, docs) in field_terms(searcher, field)? {
                let slots = terms.entry(term).or_default();
                match slots.iter_mut().find(|(f, _)| *f == field) {
                    Some(slot) => slot.1 += docs,
                    None => slots.push((field, docs)),
                }
            }
        }
        terms.values_mut().for_each(|slots| slots.shrink_to_fit());
        Ok(Vocabulary { terms })
    }

    /// The fields that hold `term`, with its document frequency in each.
    pub(super) fn fields(&self, term: &str) -> &[(Field, u32)] {
        self.terms.get(term).map_or(&[], Vec::as_slice)
    }

    /// In how many documents `field` holds `term`.
    pub(super) fn doc_freq(&self, field: Field, term: &str) -> u32 {
        self.fields(term)
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(0, |&(_, n)| n)
    }

    /// Whether any of `fields` holds `term`.
    pub(super) fn holds(&self, fields: &[Field], term: &str) -> bool {
        self.fields(term).iter().any(|(f, _)| fields.contains(f))
    }
}

/// The terms of one field (valid UTF-8 only) with their document
/// frequencies, summed over segments.
pub(super) fn field_terms(searcher: &Searcher, field: Field) -> Result<HashMap<Box<str>, u32>, IndexError> {
    let mut terms: HashMap<Box<str>, u32> = HashMap::default();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().stream().map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            *terms.entry(term.into()).or_default() += stream.value().doc_freq;
        }
    }
    Ok(terms)
}
