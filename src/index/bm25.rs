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
//! and [`Scoring::top`] adds each term's matches into one array per
//! segment (kept from one search for the next in [`Spare`]): the same BM25
//! (k1 = 1.2, b = 0.75, tantivy's encoded field lengths) as tantivy's term
//! queries, summed the way a disjunction with a tie breaker sums them.
//! Over a large knowledge it reads the postings of common words only for
//! the entries that can still make the top, with the same result.

use std::sync::Mutex;

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
                tokens += field_tokens(segment, field)?;
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

    /// What a match of `term` adds to a document's score at most: BM25
    /// saturates below it, however often the term occurs.
    fn weight(&self, term: &Scored<'_>) -> f32 {
        let doc_freq = u64::from(term.doc_freq);
        let docs = self.docs.max(doc_freq);
        let idf = (1.0 + ((docs - doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5)).ln();
        term.boost * idf * (1.0 + K1)
    }
}

/// How many tokens the documents alive in `segment` hold in `field`,
/// counted from their encoded lengths, as tantivy counts them for a merge
/// of segments with deleted documents: so the count is the same whether
/// an index was built at once or changed in place by a reload.
fn field_tokens(segment: &tantivy::SegmentReader, field: Field) -> Result<u64, IndexError> {
    let Some(lengths) = segment.fieldnorms_readers().get_field(field)? else {
        return Ok(segment.inverted_index(field)?.total_num_tokens());
    };
    let mut count = [0u64; 256];
    for doc in segment.doc_ids_alive() {
        count[lengths.fieldnorm_id(doc) as usize] += 1;
    }
    let encoded = (0..=255u8).map(|id| u64::from(FieldNormReader::id_to_fieldnorm(id)));
    Ok(count.iter().zip(encoded).map(|(n, length)| n * length).sum())
}

/// One term to score: where, how often the index holds it, how much it
/// counts, and the group (the word) it is one of.
pub(super) struct Scored<'a> {
    pub field: Field,
    pub term: &'a str,
    pub doc_freq: u32,
    /// Where its postings are, in an index of one segment.
    pub info: Option<&'a TermInfo>,
    pub boost: f32,
    /// The terms of a group follow each other.
    pub group: usize,
}

/// What a search scores with: the index, its statistics, and how much a
/// word's other matches count beside its best (the tie breaker).
pub(super) struct Scoring<'s> {
    pub searcher: &'s Searcher,
    pub norms: &'s Norms,
    pub spare: &'s Spare,
    pub tie: f32,
}

/// Below this many postings in all, a search reads them all: leaving terms
/// out would save less than the second pass costs.
const LEAVE_OUT_FROM: u64 = 20_000;

/// What the first pass leaves out may add at most this share of the floor
/// it expects (at first, half the strongest term's weight). Less leaves more
/// postings to read; more leaves more entries to score in the second pass.
/// Measured on the 100,000-entry folder of the benchmarks (BENCHMARKS §24).
const LEAVE_OUT_SHARE: f32 = 0.3;

/// How much the two passes of a search may differ by rounding, as a share
/// of a score: their sums are made of different terms.
const ROUNDING: f32 = 1e-4;

impl Scoring<'_> {
    /// The best `limit` documents for `terms`, best first, with every
    /// document that ties with the last of them: each group of terms (a
    /// word) counts its best match fully and its other matches `tie` as
    /// much, and the groups add up.
    ///
    /// A large knowledge has words in tens of thousands of entries, mostly
    /// in bodies and as parts of compounds, where a match counts little. A
    /// first pass leaves out the weakest terms, as many as can add only a
    /// small part of the score the `limit`th entry is expected to have. If
    /// the `limit`th entry of that pass scores more than all they can add,
    /// an entry that only they match cannot make it, and the entries worth
    /// scoring are those of the first pass that come near enough. The
    /// second pass scores only these, with every term, looking each of
    /// them up in the postings instead of reading them all. The result is
    /// the same as reading every posting, to the bit: each of these entries
    /// gets the same sums in the same order.
    pub(super) fn top(&self, terms: &[Scored<'_>], limit: usize) -> Result<Vec<(f32, DocAddress)>, IndexError> {
        Ok(self.top_leaving_out_from(terms, limit, LEAVE_OUT_FROM)?.0)
    }

    /// [`Scoring::top`], leaving terms out from `postings` postings in all;
    /// and whether it did.
    fn top_leaving_out_from(
        &self,
        terms: &[Scored<'_>],
        limit: usize,
        postings: u64,
    ) -> Result<(Vec<(f32, DocAddress)>, bool), IndexError> {
        if limit == 0 {
            return Ok((Vec::new(), false));
        }
        let every = || Ok((self.pass(terms, &[], None)?.top(limit), false));
        if terms.iter().map(|t| u64::from(t.doc_freq)).sum::<u64>() < postings {
            return every();
        }
        let most: Vec<f32> = terms.iter().map(|t| self.norms.weight(t)).collect();
        let mut weakest: Vec<usize> = (0..terms.len()).collect();
        weakest.sort_by(|&a, &b| most[a].total_cmp(&most[b]));
        let mut expected = most.iter().copied().fold(0.0, f32::max) / 2.0;
        // A first guess, and if the first pass finds the floor lower, a
        // second that leaves out only what that floor allows: it holds,
        // since more terms only raise the scores.
        for _ in 0..2 {
            let (n, most_left_out) = self.weakest(terms, &most, &weakest, expected * LEAVE_OUT_SHARE);
            if n == 0 {
                break;
            }
            let mut left_out = vec![false; terms.len()];
            for &i in &weakest[..n] {
                left_out[i] = true;
            }
            let first = self.pass(terms, &left_out, None)?;
            let floor = first.floor(limit) * (1.0 - ROUNDING);
            if most_left_out < floor {
                let near = first.near(floor - most_left_out);
                drop(first);
                return Ok((self.pass(terms, &[], Some(&near))?.top(limit), true));
            }
            expected = floor;
        }
        every()
    }

    /// How many of the `weakest` terms (their indices, weakest first) can
    /// add less than `allowed` to any document's score, and how much they
    /// can add at most: in each group, the `most` of its best term fully
    /// and that of the others `tie` as much.
    fn weakest(&self, terms: &[Scored<'_>], most: &[f32], weakest: &[usize], allowed: f32) -> (usize, f32) {
        let tie = self.tie;
        let groups = terms.iter().map(|t| t.group + 1).max().unwrap_or(0);
        let (mut sum, mut max) = (vec![0.0f32; groups], vec![0.0f32; groups]);
        let mut adds = 0.0f32;
        for (n, &i) in weakest.iter().enumerate() {
            let g = terms[i].group;
            let before = tie * sum[g] + (1.0 - tie) * max[g];
            let after = tie * (sum[g] + most[i]) + (1.0 - tie) * max[g].max(most[i]);
            if (adds - before + after) * (1.0 + ROUNDING) >= allowed {
                return (n, adds * (1.0 + ROUNDING));
            }
            adds += after - before;
            sum[g] += most[i];
            max[g] = max[g].max(most[i]);
        }
        (weakest.len(), adds * (1.0 + ROUNDING))
    }

    /// The scores of `terms`, except those `left_out` says, of the
    /// documents `only` lists (per segment, in order) or of all.
    fn pass<'p>(
        &'p self,
        terms: &[Scored<'_>],
        left_out: &[bool],
        only: Option<&'p [Vec<u32>]>,
    ) -> Result<Scores<'p>, IndexError> {
        let mut scores = Scores {
            scoring: self,
            arrays: self.spare.take(),
            touched: Vec::new(),
            only,
        };
        let mut group = None;
        for (i, term) in terms.iter().enumerate() {
            if left_out.get(i).copied().unwrap_or(false) {
                continue;
            }
            if group.is_some_and(|g| g != term.group) {
                scores.end_group();
            }
            group = Some(term.group);
            scores.add(term)?;
        }
        scores.end_group();
        Ok(scores)
    }
}

/// Score arrays kept from one search for the next: at 100,000 entries each
/// is 400 KB, which a search would otherwise allocate and zero twice.
pub(super) struct Spare {
    /// Each segment's number of documents.
    sizes: Vec<usize>,
    free: Mutex<Vec<Arrays>>,
}

/// One search's arrays: a slot per document, per segment, all zeros when
/// not in use.
#[derive(Default)]
struct Arrays {
    slots: Vec<Vec<Slot>>,
    /// The documents with a score, by segment: most searches match few of
    /// a large knowledge's entries, and only these are read and zeroed.
    hits: Vec<(u32, u32)>,
}

/// A document's score so far, and its best match in the current group:
/// side by side, so that a match reads one cache line.
#[derive(Clone, Copy, Default)]
struct Slot {
    total: f32,
    best: f32,
}

impl Spare {
    pub(super) fn new(searcher: &Searcher) -> Spare {
        Spare {
            sizes: searcher
                .segment_readers()
                .iter()
                .map(|s| s.max_doc() as usize)
                .collect(),
            free: Mutex::new(Vec::new()),
        }
    }

    fn take(&self) -> Arrays {
        let kept = self.free.lock().unwrap_or_else(|e| e.into_inner()).pop();
        kept.unwrap_or_else(|| Arrays {
            slots: self.sizes.iter().map(|&n| vec![Slot::default(); n]).collect(),
            hits: Vec::new(),
        })
    }

    fn give(&self, arrays: Arrays) {
        self.free.lock().unwrap_or_else(|e| e.into_inner()).push(arrays);
    }
}

/// The scores of one pass of a search, per segment.
struct Scores<'p> {
    scoring: &'p Scoring<'p>,
    arrays: Arrays,
    /// The documents the current group matched, by segment.
    touched: Vec<(u32, u32)>,
    /// Per segment, in order: the only documents to score, where not all.
    only: Option<&'p [Vec<u32>]>,
}

impl Scores<'_> {
    /// Adds the matches of one term to the current group.
    fn add(&mut self, term: &Scored<'_>) -> Result<(), IndexError> {
        let Scoring {
            searcher, norms, tie, ..
        } = *self.scoring;
        let Some(Some(factors)) = norms.factors.get(term.field.field_id() as usize) else {
            return Ok(());
        };
        let weight = norms.weight(term);
        let segments = searcher.segment_readers();
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
            let Arrays { slots, hits } = &mut self.arrays;
            let slots = &mut slots[ord];
            let touched = &mut self.touched;
            let mut note = |doc: u32, tf: u32| {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    return;
                }
                let tf = tf as f32;
                let score = weight * tf / (tf + factors[lengths.fieldnorm_id(doc) as usize]);
                // A slot of 0 is one not yet marked: a match must add to it.
                if score <= 0.0 {
                    return;
                }
                let slot = &mut slots[doc as usize];
                if slot.best == 0.0 {
                    touched.push((ord as u32, doc));
                    if slot.total == 0.0 {
                        hits.push((ord as u32, doc));
                    }
                }
                slot.best = slot.best.max(score);
                slot.total += tie * score;
            };
            match self.only {
                None => {
                    let mut doc = postings.doc();
                    while doc != TERMINATED {
                        note(doc, postings.term_freq());
                        doc = postings.advance();
                    }
                }
                Some(only) => {
                    for &doc in &only[ord] {
                        if postings.doc() < doc && postings.seek(doc) == TERMINATED {
                            break;
                        }
                        if postings.doc() == doc {
                            note(doc, postings.term_freq());
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Closes the current group: its best match counts fully.
    fn end_group(&mut self) {
        for (ord, doc) in self.touched.drain(..) {
            let slot = &mut self.arrays.slots[ord as usize][doc as usize];
            slot.total += (1.0 - self.scoring.tie) * slot.best;
            slot.best = 0.0;
        }
    }

    fn score(&self, (ord, doc): (u32, u32)) -> f32 {
        self.arrays.slots[ord as usize][doc as usize].total
    }

    /// The `limit`th best score, or 0 if fewer documents have one.
    fn floor(&self, limit: usize) -> f32 {
        // The best scores so far, best first: after the first few, a score
        // seldom beats the last of them, so one pass finds it with nothing
        // else kept.
        let mut best: Vec<f32> = Vec::with_capacity(limit + 1);
        let mut floor = 0.0f32;
        for &hit in &self.arrays.hits {
            let score = self.score(hit);
            if score > floor {
                let at = best.partition_point(|&b| b >= score);
                best.insert(at, score);
                best.truncate(limit);
                if best.len() == limit {
                    floor = best[limit - 1];
                }
            }
        }
        floor
    }

    /// The documents that score at least `floor`, per segment, in order.
    fn near(&self, floor: f32) -> Vec<Vec<u32>> {
        let mut near = vec![Vec::new(); self.arrays.slots.len()];
        for &hit in &self.arrays.hits {
            if self.score(hit) >= floor {
                near[hit.0 as usize].push(hit.1);
            }
        }
        for docs in &mut near {
            docs.sort_unstable();
        }
        near
    }

    /// The best `limit` documents, best first, with every document that
    /// ties with the last of them.
    fn top(&self, limit: usize) -> Vec<(f32, DocAddress)> {
        let floor = self.floor(limit);
        let mut top: Vec<(f32, DocAddress)> = self
            .arrays
            .hits
            .iter()
            .filter(|&&hit| self.score(hit) >= floor)
            .map(|&hit| (self.score(hit), DocAddress::new(hit.0, hit.1)))
            .collect();
        top.sort_by(|a, b| b.0.total_cmp(&a.0));
        top
    }
}

impl Drop for Scores<'_> {
    /// Zeroes the arrays and keeps them for the next search.
    fn drop(&mut self) {
        self.end_group();
        let mut arrays = std::mem::take(&mut self.arrays);
        for (ord, doc) in arrays.hits.drain(..) {
            arrays.slots[ord as usize][doc as usize] = Slot::default();
        }
        self.scoring.spare.give(arrays);
    }
}

#[cfg(test)]
mod tests {
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{Index, IndexWriter, doc};

    use super::*;

    /// SplitMix64: the same documents and queries every run.
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// One of `n` words, the first ones far more often than the last.
    fn word(state: &mut u64, n: u64) -> String {
        let (a, b) = (next(state) % n, next(state) % n);
        format!("w{}", a * b / n)
    }

    #[test]
    fn leaving_terms_out_finds_the_same_top_to_the_bit() -> Result<(), IndexError> {
        // Three fields of different lengths over 6,000 documents in two
        // segments, some deleted: words in thousands of documents, as at
        // 100,000 entries, with every kind of frequency and length.
        let mut schema = Schema::builder();
        let fields: Vec<Field> = ["title", "summary", "body"]
            .into_iter()
            .map(|name| schema.add_text_field(name, TEXT))
            .collect();
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 20_000_000)?;
        let mut state = 7;
        let text = |state: &mut u64, most: u64| {
            let length = 1 + next(state) % most;
            (0..length).map(|_| word(state, 80)).collect::<Vec<_>>().join(" ")
        };
        for n in 0..6_000 {
            writer.add_document(doc!(
                fields[0] => text(&mut state, 6),
                fields[1] => text(&mut state, 20),
                fields[2] => text(&mut state, 80),
            ))?;
            if n == 3_000 {
                writer.commit()?;
            }
        }
        // A title word of about one document in a hundred.
        writer.delete_term(Term::from_field_text(fields[0], "w60"));
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        assert!(searcher.segment_readers().iter().any(|s| s.alive_bitset().is_some()));
        let norms = Norms::new(&searcher, &fields)?;
        let spare = Spare::new(&searcher);
        let scoring = Scoring {
            searcher: &searcher,
            norms: &norms,
            spare: &spare,
            tie: 0.2,
        };
        let mut left_out = 0;
        for query in 0..300 {
            let words: Vec<String> = (0..1 + query % 6).map(|_| word(&mut state, 80)).collect();
            let mut terms = Vec::new();
            for (group, word) in words.iter().enumerate() {
                for (&field, boost) in fields.iter().zip([4.0, 2.0, 1.0]) {
                    let doc_freq = searcher.doc_freq(&Term::from_field_text(field, word))? as u32;
                    terms.push(Scored {
                        field,
                        term: word,
                        doc_freq,
                        info: None,
                        boost: boost * (1.0 + (group % 3) as f32 / 2.0),
                        group,
                    });
                }
            }
            let limit = [1, 5, 20][query % 3];
            let sorted = |(mut top, left): (Vec<(f32, DocAddress)>, bool)| {
                top.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                (top.into_iter().map(|(s, d)| (s.to_bits(), d)).collect::<Vec<_>>(), left)
            };
            let (every, read_all) = sorted(scoring.top_leaving_out_from(&terms, limit, u64::MAX)?);
            let (top, left) = sorted(scoring.top_leaving_out_from(&terms, limit, 0)?);
            assert!(!read_all);
            assert!(!every.is_empty(), "{words:?}");
            assert_eq!(top, every, "{words:?}, limit {limit}");
            left_out += usize::from(left);
        }
        // Most queries leave terms out: the test is not passed by reading
        // every posting.
        assert!(left_out > 200, "{left_out} of 300 queries left terms out");
        Ok(())
    }
}
