//! What terms the index holds, and where: made once when an index is
//! built or opened, so that a query asks a hash map, not the index.
//!
//! Every term of every searched field maps to the fields that hold it with
//! its document frequency there. Planning a query keeps only terms that
//! exist (most of a query's terms in the other languages' fields do not),
//! BM25 takes their frequencies from here, and detection's "words the
//! knowledge knows" is the same lookup. The dictionary field's words (with
//! their frequencies) are kept apart: typos are corrected against them
//! (`fuzzy.rs`).

use rustc_hash::FxHashMap as HashMap;

use tantivy::Searcher;
use tantivy::postings::TermInfo;
use tantivy::schema::Field;

use super::IndexError;

/// A field that holds a term.
#[derive(Debug, Clone, Copy)]
pub(super) struct Holder {
    pub field: Field,
    /// In how many documents the field holds the term, over all segments.
    pub docs: u32,
    /// Where the term's postings are, for an index of one segment: an
    /// index into [`Vocabulary::infos`], or [`NO_INFO`].
    info: u32,
}

const NO_INFO: u32 = u32::MAX;

/// The terms of an index's fields.
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    /// Term → the fields that hold it.
    terms: HashMap<Box<str>, Vec<Holder>>,
    /// For an index of one segment (small knowledge, the usual case): each
    /// holder's term info, so that a query reads postings without looking
    /// the term up in the term dictionary again. Empty for more segments,
    /// where a term has one info per segment and large knowledge would
    /// hold them all.
    infos: Vec<TermInfo>,
}

impl Vocabulary {
    /// Reads the term dictionaries of `fields` in every segment of `searcher`.
    pub(super) fn read(searcher: &Searcher, fields: &[Field]) -> Result<Vocabulary, IndexError> {
        let mut vocabulary = Vocabulary::default();
        let one_segment = searcher.segment_readers().len() == 1;
        for &field in fields {
            each_term(searcher, field, |term, value| {
                let info = if one_segment {
                    vocabulary.infos.push(value.clone());
                    (vocabulary.infos.len() - 1) as u32
                } else {
                    NO_INFO
                };
                let holders = match vocabulary.terms.get_mut(term) {
                    Some(holders) => holders,
                    None => vocabulary.terms.entry(term.into()).or_default(),
                };
                match holders.iter_mut().find(|h| h.field == field) {
                    Some(holder) => holder.docs += value.doc_freq,
                    None => holders.push(Holder {
                        field,
                        docs: value.doc_freq,
                        info,
                    }),
                }
            })?;
        }
        vocabulary
            .terms
            .values_mut()
            .for_each(|holders| holders.shrink_to_fit());
        vocabulary.infos.shrink_to_fit();
        Ok(vocabulary)
    }

    /// The fields that hold `term`.
    pub(super) fn fields(&self, term: &str) -> &[Holder] {
        self.terms.get(term).map_or(&[], Vec::as_slice)
    }

    /// Where `field` holds `term`, if it does.
    pub(super) fn holder(&self, field: Field, term: &str) -> Option<Holder> {
        self.fields(term).iter().find(|h| h.field == field).copied()
    }

    /// Whether any of `fields` holds `term`.
    pub(super) fn holds(&self, fields: &[Field], term: &str) -> bool {
        self.fields(term).iter().any(|h| fields.contains(&h.field))
    }

    /// Where the postings of `holder`'s term are, in an index of one segment.
    pub(super) fn info(&self, holder: &Holder) -> Option<&TermInfo> {
        self.infos.get(holder.info as usize)
    }
}

/// The terms of one field (valid UTF-8 only) with their document
/// frequencies, summed over segments.
pub(super) fn field_terms(searcher: &Searcher, field: Field) -> Result<HashMap<Box<str>, u32>, IndexError> {
    let mut terms: HashMap<Box<str>, u32> = HashMap::default();
    each_term(searcher, field, |term, value| {
        *terms.entry(term.into()).or_default() += value.doc_freq;
    })?;
    Ok(terms)
}

/// Calls `visit` with each term of `field` (valid UTF-8 only) and its term
/// info, segment by segment.
fn each_term(searcher: &Searcher, field: Field, mut visit: impl FnMut(&str, &TermInfo)) -> Result<(), IndexError> {
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().stream().map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                visit(term, stream.value());
            }
        }
    }
    Ok(())
}
