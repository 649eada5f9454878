//! BM25 without tantivy's per-query machinery: the statistics a score needs
//! are fixed while an index is open, so they are computed once.
//!
//! tantivy builds a weight for every term query of every search (its
//! document frequency looked up again, the average field length summed
//! over segments, a table of 256 length factors filled), then unions of
//! scorers with buffers of 4,096 slots. Lotse's queries are a few dozen
//! terms over small knowledge, so that machinery cost more than the
//! matching. Here each field's length factors are made once, a term's
//! frequency comes from the [`Vocabulary`](super::vocabulary::Vocabulary),
//! and [`Scores`] adds each term's matches into one array per segment:
//! the same BM25 (k1 = 1.2, b = 0.75, tantivy's encoded field lengths) as
//! tantivy's term queries, summed the way a disjunction with a tie breaker
//! sums them.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, TermInfo};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED, Term};

use super::IndexError;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Each field's length factors, by field id.
pub(super) struct Norms {
    docs: u64,
    /// For each field id: k1 · (1 − b + b · length / average length), for
    /// each of the 256 encoded lengths.
    factors: Vec<Option<Box<[f32; 256]>>>,
}

impl Norms {
    /// The factors of `fields` over the index behind `searcher`.
    pub(super) fn new(searcher: &Searcher, fields: &[Field]) -> Result<Norms, IndexError> {
        let docs = searcher.num_docs();
        let mut factors: Vec<Option<Box<[f32; 256]>>> = Vec::new();
        for &field in fields {
            let mut tokens = 0u64;
            for segment in searcher.segment_readers() {
                tokens += segment.inverted_index(field)?.total_num_tokens();
            }
            let average = if docs == 0 { 1.0 } else { tokens as f32 / docs as f32 };
            let mut table = Box::new([0.0f32; 256]);
            for (id, factor) in table.iter_mut().enumerate() {
                let length = FieldNormReader::id_to_fieldnorm(id as u8) as f32;
                *factor = K1 * (1.0 - B + B * length / average.max(f32::MIN_POSITIVE));
            }
            let slot = field.field_id() as usize;
            if factors.len() <= slot {
                factors.resize_with(slot + 1, || None);
            }
            factors[slot] = Some(table);
        }
        Ok(Norms { docs, factors })
    }

    /// BM25's idf of a term in `doc_freq` documents, as tantivy computes it.
    pub(super) fn idf(&self, doc_freq: u64) -> f32 {
        let docs = self.docs.max(doc_freq);
        (1.0 + ((docs - doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5)).ln()
    }
}

/// One term to score: where, how often the index holds it, how much it
/// counts.
pub(super) struct Scored<'a> {
    pub field: Field,
    pub term: &'a str,
    pub doc_freq: u32,
    /// Where its postings are, in an index of one segment.
    pub info: Option<&'a TermInfo>,
    pub boost: f32,
}

/// The scores of one search, per segment: each group of terms (a word)
/// counts its best match fully and its other matches `tie` as much, and
/// the groups add up.
pub(super) struct Scores<'s> {
    searcher: &'s Searcher,
    norms: &'s Norms,
    tie: f32,
    /// Per segment: each document's score so far.
    total: Vec<Vec<f32>>,
    /// Per segment: the current group's best match per document.
    best: Vec<Vec<f32>>,
    /// The documents the current group matched, by segment.
    touched: Vec<(u32, u32)>,
}

impl<'s> Scores<'s> {
    pub(super) fn new(searcher: &'s Searcher, norms: &'s Norms, tie: f32) -> Scores<'s> {
        let sizes = || {
            searcher
                .segment_readers()
                .iter()
                .map(|s| vec![0.0; s.max_doc() as usize])
                .collect::<Vec<_>>()
        };
        Scores {
            searcher,
            norms,
            tie,
            total: sizes(),
            best: sizes(),
            touched: Vec::new(),
        }
    }

    /// Adds the matches of one term to the current group.
    pub(super) fn add(&mut self, term: &Scored<'_>) -> Result<(), IndexError> {
        let Some(Some(factors)) = self.norms.factors.get(term.field.field_id() as usize) else {
            return Ok(());
        };
        let weight = term.boost * self.norms.idf(u64::from(term.doc_freq)) * (1.0 + K1);
        let segments = self.searcher.segment_readers();
        for (ord, segment) in segments.iter().enumerate() {
            let inverted = segment.inverted_index(term.field)?;
            let postings = match term.info {
                Some(info) if segments.len() == 1 => {
                    Some(inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqs))
                }
                _ => {
                    let key = Term::from_field_text(term.field, term.term);
                    inverted.read_postings(&key, IndexRecordOption::WithFreqs).transpose()
                }
            };
            let Some(mut postings) = postings.transpose().map_err(tantivy::TantivyError::from)? else {
                continue;
            };
            let lengths = segment.get_fieldnorms_reader(term.field)?;
            let alive = segment.alive_bitset();
            let (total, best) = (&mut self.total[ord], &mut self.best[ord]);
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    let tf = postings.term_freq() as f32;
                    let score = weight * tf / (tf + factors[lengths.fieldnorm_id(doc) as usize]);
                    let slot = &mut best[doc as usize];
                    if *slot == 0.0 {
                        self.touched.push((ord as u32, doc));
                    }
                    *slot = slot.max(score);
                    total[doc as usize] += self.tie * score;
                }
                doc = postings.advance();
            }
        }
        Ok(())
    }

    /// Closes the current group: its best match counts fully.
    pub(super) fn end_group(&mut self) {
        for (ord, doc) in self.touched.drain(..) {
            let (ord, doc) = (ord as usize, doc as usize);
            self.total[ord][doc] += (1.0 - self.tie) * self.best[ord][doc];
            self.best[ord][doc] = 0.0;
        }
    }

    /// The best `limit` documents, best first, with every document that
    /// ties with the last of them.
    pub(super) fn top(mut self, limit: usize) -> Vec<(f32, DocAddress)> {
        self.end_group();
        let mut all: Vec<(f32, DocAddress)> = Vec::new();
        for (ord, scores) in self.total.iter().enumerate() {
            for (doc, &score) in scores.iter().enumerate() {
                if score > 0.0 {
                    all.push((score, DocAddress::new(ord as u32, doc as u32)));
                }
            }
        }
        let by_score = |a: &(f32, DocAddress), b: &(f32, DocAddress)| b.0.total_cmp(&a.0);
        if limit == 0 {
            return Vec::new();
        }
        if all.len() > limit {
            all.select_nth_unstable_by(limit - 1, by_score);
            let last = all[limit - 1].0;
            let (top, rest) = all.split_at_mut(limit);
            let mut kept = top.to_vec();
            kept.extend(rest.iter().filter(|(s, _)| *s >= last));
            all = kept;
        }
        all.sort_by(by_score);
        all
    }
}
