//! From a user's words to one lean tantivy query, and back from the hits
//! to the evidence they rest on.
//!
//! A query is analysed once: its words are split and normalised, function
//! words of the searched languages are dropped, and each language's
//! analyzer runs once over the whole text. Only terms the index holds
//! become term queries; typos are corrected only for words that no field
//! of the index has. Each word becomes one disjunction of its term queries
//! (its best field counts fully, the others a little) and the words are
//! summed: one level of unions, no more.
//!
//! Scores alone cannot tell an answer from a chance match, so for the best
//! entries [`evidence`] looks up which of the query's words each one
//! contains, and where: the share of the query it covers is what the
//! answer's confidence is judged on (see `src/search.rs`).

use std::collections::HashMap;

use tantivy::postings::TermInfo;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Searcher, Term};

use super::bm25::{Norms, Scored, Scoring, Spare};
use super::{Evidence, IndexError, Request, SearchIndex, analyzer};
use crate::lang::Lang;
use crate::text;

/// How much a field counts: titles over keywords over summaries over bodies.
const TITLE_WEIGHT: f32 = 4.0;
const KEYWORDS_WEIGHT: f32 = 3.0;
const SUMMARY_WEIGHT: f32 = 2.0;
const BODY_WEIGHT: f32 = 1.0;
/// Ids, numbers, names and addresses: an exact "40476" is a strong signal.
const NEUTRAL_WEIGHT: f32 = 6.0;
/// The fields of the languages the query was detected in, or the user
/// chose, count a bit more.
const PREFERRED_LANG_BOOST: f32 = 1.25;
/// A word corrected from a typo counts this much of an exact word, so that
/// fuzzy matches never outrank exact ones of the same strength.
const CORRECTED_WEIGHT: f32 = 0.35;
/// A part of a split compound counts this much of the whole word.
const PART_WEIGHT: f32 = 0.5;
/// A transliteration of the query counts this much of what was typed.
const TRANSLITERATED_WEIGHT: f32 = 0.7;
/// A word in another script than the rest of the query ("нужен
/// Ansprechpartner по ...") is usually the very term the reader copied
/// from a letter or a website: it counts this much more.
const OTHER_SCRIPT_BOOST: f32 = 2.0;
/// Among the fields one word matches, the best counts fully and the others
/// this much.
const TIE_BREAKER: f32 = 0.2;
/// As evidence for an answer, a match in a body counts this much of one in
/// a title, keywords, summary or the neutral field, and a corrected word
/// this much of an exact one.
const BODY_EVIDENCE: f32 = 0.6;
const CORRECTED_EVIDENCE: f32 = 0.8;

/// One term query of the plan, and what a match of it proves.
struct Clause {
    /// 0 for the query as typed, `k` for its `k`th transliteration: the
    /// query sums the words of each reading.
    reading: usize,
    /// The word's index in its reading.
    word: usize,
    /// The evidence group and the word in it that a match counts for: a
    /// transliteration made word by word counts for the words as typed.
    target: (usize, usize),
    /// For a part of a compound: which part, of how many.
    part: Option<(usize, usize)>,
    field: Field,
    term: String,
    /// In how many entries `field` holds `term`.
    doc_freq: u32,
    /// Where its postings are, in an index of one segment.
    info: Option<TermInfo>,
    boost: f32,
    /// How much a match counts as evidence, 0..=1.
    strength: f32,
}

/// One way of reading the query whose evidence is judged on its own: as
/// typed (with the transliterations that align with it word by word), or a
/// transliteration that does not align.
struct Group {
    /// How rare each content word is (inverse document frequency, 0 to 1);
    /// a word no entry has is as rare as can be. A function word of an
    /// aligned transliteration ("fi", "pro" read as Arabic or Ukrainian)
    /// has 0: it is no content word of the query.
    idf: Vec<f32>,
    weight: f32,
}

/// A group while its readings are planned: the document frequency of each
/// content word, and the words' positions.
struct Planned {
    /// The content word at each word position, if any.
    content: Vec<Option<usize>>,
    df: Vec<u64>,
    /// Content words that an aligned reading shows to be function words.
    function: Vec<bool>,
    weight: f32,
}

/// How well one entry matches one word: as a whole, and per part of a
/// compound.
type WordMatch = (f32, Vec<f32>);

/// The analysed query: its term queries and its words.
pub(super) struct Plan {
    clauses: Vec<Clause>,
    groups: Vec<Group>,
}

/// How a reading's words count as evidence: as a group of their own, or at
/// the positions of the words as typed.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    Own,
    Typed,
}

impl Plan {
    /// Analyses `request` against the index behind `searcher`.
    pub(super) fn new(index: &SearchIndex, searcher: &Searcher, request: &Request<'_>) -> Result<Plan, IndexError> {
        let mut plan = Plan {
            clauses: Vec::new(),
            groups: Vec::new(),
        };
        let docs = searcher.num_docs().max(1) as f32;
        let mut planner = Planner {
            index,
            request,
            plan: &mut plan,
            planned: Vec::new(),
            readings: 0,
        };
        let query = request.analysis.query();
        planner.reading(query, request.langs, true, 1.0, Target::Own)?;
        let typed = request.analysis.words(query).len();
        for (lang, text) in request.variants {
            // A transliteration is made word by word: where it has as many
            // words as the query, each word's evidence is the best of its
            // readings, so that "telefon" matched as typed and a word
            // matched only in Arabic letters add up.
            let target = if request.analysis.words(text).len() == typed {
                Target::Typed
            } else {
                Target::Own
            };
            planner.reading(text, std::slice::from_ref(lang), false, TRANSLITERATED_WEIGHT, target)?;
        }
        let planned = std::mem::take(&mut planner.planned);
        // BM25's idf, in units of the idf of a word no entry has, so that
        // the evidence reads the same for knowledge of any size: 1 for
        // such a word, about 0.7 for a word of one entry in 24.
        let idf = |df: f32| (1.0 + (docs - df + 0.5) / (df + 0.5)).ln();
        let unknown = idf(0.0);
        plan.groups = planned
            .into_iter()
            .map(|g| Group {
                idf: g
                    .df
                    .iter()
                    .zip(&g.function)
                    .map(|(&df, &function)| if function { 0.0 } else { idf(df as f32) / unknown })
                    .collect(),
                weight: g.weight,
            })
            .collect();
        Ok(plan)
    }

    /// The best `limit` entries (and those that tie with the last) by
    /// BM25: per word, its best-matching term counts fully and its other
    /// terms a little; the words add up.
    pub(super) fn top(
        &self,
        searcher: &Searcher,
        norms: &Norms,
        spare: &Spare,
        limit: usize,
    ) -> Result<Vec<(f32, DocAddress)>, IndexError> {
        // By (reading, word), in the order planned, so that the sums are
        // the same every time.
        let mut order: Vec<&Clause> = self.clauses.iter().collect();
        order.sort_by_key(|c| (c.reading, c.word));
        let mut group = 0;
        let terms: Vec<Scored<'_>> = order
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i > 0 && (order[i - 1].reading, order[i - 1].word) != (c.reading, c.word) {
                    group += 1;
                }
                Scored {
                    field: c.field,
                    term: &c.term,
                    doc_freq: c.doc_freq,
                    info: c.info.as_ref(),
                    boost: c.boost,
                    group,
                }
            })
            .collect();
        let scoring = Scoring {
            searcher,
            norms,
            spare,
            tie: TIE_BREAKER,
        };
        scoring.top(&terms, limit)
    }

    /// The evidence for each of `docs`: which content words each contains,
    /// weighted by their rarity and where they occur.
    pub(super) fn evidence(&self, searcher: &Searcher, docs: &[DocAddress]) -> Result<Vec<Evidence>, IndexError> {
        // best[doc][group][word]: how well the doc matches the word.
        let mut best: Vec<Vec<Vec<WordMatch>>> = docs
            .iter()
            .map(|_| {
                self.groups
                    .iter()
                    .map(|g| vec![(0.0, Vec::new()); g.idf.len()])
                    .collect()
            })
            .collect();
        let mut by_segment: HashMap<u32, Vec<(u32, usize)>> = HashMap::new();
        for (i, address) in docs.iter().enumerate() {
            by_segment
                .entry(address.segment_ord)
                .or_default()
                .push((address.doc_id, i));
        }
        for (segment, mut in_segment) in by_segment {
            in_segment.sort_unstable();
            let reader = searcher.segment_reader(segment);
            for clause in &self.clauses {
                let inverted = reader.inverted_index(clause.field)?;
                let postings = match &clause.info {
                    Some(info) => Some(inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)),
                    None => {
                        let term = Term::from_field_text(clause.field, &clause.term);
                        inverted.read_postings(&term, IndexRecordOption::Basic).transpose()
                    }
                };
                let Some(mut postings) = postings.transpose().map_err(tantivy::TantivyError::from)? else {
                    continue;
                };
                for &(doc, i) in &in_segment {
                    if postings.doc() < doc {
                        postings.seek(doc);
                    }
                    if postings.doc() != doc {
                        continue;
                    }
                    let (group, word) = clause.target;
                    let slot = &mut best[i][group][word];
                    match clause.part {
                        None => slot.0 = slot.0.max(clause.strength),
                        Some((part, parts)) => {
                            slot.1.resize(parts, 0.0);
                            slot.1[part] = slot.1[part].max(clause.strength);
                        }
                    }
                }
            }
        }
        Ok(best
            .into_iter()
            .map(|groups| {
                let mut evidence = Evidence::default();
                for (group, words) in self.groups.iter().zip(groups) {
                    let possible: f32 = group.idf.iter().sum();
                    if possible <= 0.0 {
                        continue;
                    }
                    let matched: f32 = words
                        .iter()
                        .zip(&group.idf)
                        .map(|((whole, parts), idf)| {
                            let parts = if parts.is_empty() {
                                0.0
                            } else {
                                parts.iter().sum::<f32>() / parts.len() as f32
                            };
                            idf * whole.max(parts)
                        })
                        .sum();
                    let coverage = group.weight * matched / possible;
                    if coverage > evidence.coverage {
                        evidence = Evidence {
                            coverage,
                            matched: group.weight * matched,
                            words: group.idf.iter().filter(|&&idf| idf > 0.0).count(),
                        };
                    }
                }
                evidence
            })
            .collect())
    }
}

/// How the words of one text become clauses.
#[derive(Clone, Copy)]
struct Reading<'r> {
    /// The reading's index, by which the query sums its words.
    reading: usize,
    /// The evidence group its matches count for.
    group: usize,
    langs: &'r [Lang],
    /// Whether the neutral field is searched too.
    neutral: bool,
    /// Each word position's content word, if it is one (not a stop word).
    content: &'r [Option<usize>],
    /// Each content word's word in the evidence group.
    targets: &'r [usize],
    script_boost: &'r [f32],
    weight: f32,
    /// How much a match counts as evidence, before the field's share.
    strength: f32,
}

/// Builds a [`Plan`], one reading of the query at a time.
struct Planner<'a, 'p> {
    index: &'a SearchIndex,
    request: &'a Request<'a>,
    plan: &'p mut Plan,
    planned: Vec<Planned>,
    /// How many readings are planned.
    readings: usize,
}

impl Planner<'_, '_> {
    /// Adds the clauses of `text` read in `langs` (and in the neutral field
    /// where `neutral`), counting `weight` of the query as typed; its
    /// evidence is a group of its own, or that of the query as typed at
    /// the same word positions.
    fn reading(
        &mut self,
        text: &str,
        langs: &[Lang],
        neutral: bool,
        weight: f32,
        target: Target,
    ) -> Result<(), IndexError> {
        let reading = self.readings;
        self.readings += 1;
        let words = self.request.analysis.words(text);
        // A function word of any searched language never matches on its
        // own, in no field: "in", "der", "de", Romanian "în". A query of
        // function words alone, of whichever languages ("in der für de"
        // asked in English), has no content word at all.
        let function_word = |word: &str| Lang::ALL.into_iter().any(|l| analyzer::is_stop_word(l, word));
        let only_function_words = words.iter().all(|w| function_word(w));
        let stop = |word: &str| {
            only_function_words
                || langs
                    .iter()
                    .chain(self.request.preferred)
                    .any(|&l| analyzer::is_stop_word(l, word))
        };
        let own: Vec<Option<usize>> = {
            let mut next = 0;
            words
                .iter()
                .map(|w| {
                    (!stop(w)).then(|| {
                        next += 1;
                        next - 1
                    })
                })
                .collect()
        };
        let aligned = target == Target::Typed && !self.planned.is_empty();
        let (group, content, targets) = match (target, self.planned.first_mut()) {
            (Target::Typed, Some(typed)) => {
                // A position counts where both readings have a content
                // word; a function word of this reading is none of the
                // query's ("fi" is Arabic for "in").
                let mut content = Vec::with_capacity(own.len());
                let mut targets = Vec::new();
                for (position, word) in own.iter().enumerate() {
                    let typed_word = typed.content.get(position).copied().flatten();
                    match (word, typed_word) {
                        (Some(_), Some(t)) => {
                            content.push(Some(targets.len()));
                            targets.push(t);
                        }
                        (None, Some(t)) => {
                            typed.function[t] = true;
                            content.push(None);
                        }
                        _ => content.push(None),
                    }
                }
                (0, content, targets)
            }
            _ => {
                let count = own.iter().flatten().count();
                self.planned.push(Planned {
                    content: own.clone(),
                    df: vec![0; count],
                    function: vec![false; count],
                    weight,
                });
                (self.planned.len() - 1, own, (0..count).collect())
            }
        };
        let dominant = dominant_script(&words);
        let script_boost: Vec<f32> = words
            .iter()
            .map(|w| {
                let script = text::scripts(w).first().copied();
                if dominant.is_some() && script.is_some() && script != dominant {
                    OTHER_SCRIPT_BOOST
                } else {
                    1.0
                }
            })
            .collect();
        // A transliteration aligned with the query keeps its reduced
        // strength as evidence; one judged on its own is weighed as a group.
        let strength = if aligned { weight } else { 1.0 };
        let start = self.plan.clauses.len();
        let base = Reading {
            reading,
            group,
            langs,
            neutral,
            content: &content,
            targets: &targets,
            script_boost: &script_boost,
            weight,
            strength,
        };
        self.add_text(&base, text, None)?;
        // Typos: only words that no field of the index has.
        let mut matched = vec![false; targets.len()];
        for clause in &self.plan.clauses[start..] {
            matched[clause.word] = true;
        }
        let corrected = Reading {
            weight: weight * CORRECTED_WEIGHT,
            strength: strength * CORRECTED_EVIDENCE,
            ..base
        };
        for (position, (spelled, word)) in words.iter().zip(&content).enumerate() {
            if word.is_none_or(|w| matched[w]) {
                continue;
            }
            let index = self.index;
            for correction in index.corrector.corrections(spelled) {
                // The correction stands at the typo's position.
                self.add_text(&corrected, correction, Some(position))?;
            }
        }
        Ok(())
    }

    /// Adds the term queries of `text` read as `reading` says; `at` puts
    /// all its terms at one word position (a correction's).
    fn add_text(&mut self, reading: &Reading<'_>, text: &str, at: Option<usize>) -> Result<(), IndexError> {
        let place = |terms: &[(usize, String)]| -> Vec<(usize, String)> {
            match at {
                Some(position) => terms.iter().map(|(_, t)| (position, t.clone())).collect(),
                None => terms.to_vec(),
            }
        };
        for &lang in reading.langs {
            let boost = if self.request.preferred.contains(&lang) {
                reading.weight * PREFERRED_LANG_BOOST
            } else {
                reading.weight
            };
            let terms = place(&self.request.analysis.terms(text, Some(lang)));
            self.add_terms(reading, lang, &terms, boost)?;
        }
        if reading.neutral {
            let terms = place(&self.request.analysis.terms(text, None));
            self.add_neutral(reading, &terms)?;
        }
        Ok(())
    }

    /// Adds the term queries of one language's `terms` (by word position;
    /// a compound's parts follow the whole word at its position) in the
    /// fields that hold them.
    fn add_terms(
        &mut self,
        reading: &Reading<'_>,
        lang: Lang,
        terms: &[(usize, String)],
        boost: f32,
    ) -> Result<(), IndexError> {
        let Reading {
            reading: index,
            group,
            content,
            targets,
            script_boost,
            strength,
            ..
        } = *reading;
        let f = self.index.fields.langs[&lang];
        let fields = [
            (f.title, TITLE_WEIGHT, 1.0),
            (f.keywords, KEYWORDS_WEIGHT, 1.0),
            (f.summary, SUMMARY_WEIGHT, 1.0),
            (f.body, BODY_WEIGHT, BODY_EVIDENCE),
        ];
        let mut i = 0;
        while i < terms.len() {
            let position = terms[i].0;
            let run = terms[i..].iter().take_while(|(p, _)| *p == position).count();
            let Some(word) = content.get(position).copied().flatten() else {
                i += run;
                continue;
            };
            let word_boost = boost * script_boost.get(position).copied().unwrap_or(1.0);
            for (k, (_, term)) in terms[i..i + run].iter().enumerate() {
                let part = (k > 0).then(|| (k - 1, run - 1));
                let part_weight = if part.is_some() { PART_WEIGHT } else { 1.0 };
                // One look-up for all fields: most terms are in none.
                let holders = self.index.vocabulary.fields(term);
                if holders.is_empty() {
                    continue;
                }
                for (field, field_weight, evidence) in fields {
                    let Some(holder) = holders.iter().find(|h| h.field == field) else {
                        continue;
                    };
                    let n = holder.docs;
                    let target = targets[word];
                    if part.is_none() {
                        let df = &mut self.planned[group].df[target];
                        *df = (*df).max(u64::from(n));
                    }
                    self.plan.clauses.push(Clause {
                        reading: index,
                        word,
                        target: (group, target),
                        part,
                        field,
                        term: term.clone(),
                        doc_freq: n,
                        info: self.index.vocabulary.info(holder).cloned(),
                        boost: word_boost * field_weight * part_weight,
                        strength: strength * evidence,
                    });
                }
            }
            i += run;
        }
        Ok(())
    }

    /// Adds the term queries of the neutral field.
    fn add_neutral(&mut self, reading: &Reading<'_>, terms: &[(usize, String)]) -> Result<(), IndexError> {
        let Reading {
            reading: index,
            group,
            content,
            targets,
            script_boost,
            weight: boost,
            strength,
            ..
        } = *reading;
        let field = self.index.fields.neutral;
        for (position, term) in terms {
            let Some(word) = content.get(*position).copied().flatten() else {
                continue;
            };
            let Some(holder) = self.index.vocabulary.holder(field, term) else {
                continue;
            };
            let n = holder.docs;
            let target = targets[word];
            let df = &mut self.planned[group].df[target];
            *df = (*df).max(u64::from(n));
            self.plan.clauses.push(Clause {
                reading: index,
                word,
                target: (group, target),
                part: None,
                field,
                term: term.clone(),
                doc_freq: n,
                info: self.index.vocabulary.info(&holder).cloned(),
                boost: boost * NEUTRAL_WEIGHT * script_boost.get(*position).copied().unwrap_or(1.0),
                strength,
            });
        }
        Ok(())
    }
}

/// The script most of `words`' letters are in.
fn dominant_script(words: &[String]) -> Option<crate::lang::Script> {
    let mut counts: Vec<(crate::lang::Script, usize)> = Vec::new();
    for word in words {
        for script in text::scripts(word) {
            match counts.iter_mut().find(|(s, _)| *s == script) {
                Some(slot) => slot.1 += word.chars().count(),
                None => counts.push((script, word.chars().count())),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(s, _)| s)
}
