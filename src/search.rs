//! `src/search.rs`: what are the best entries for this question, in the
//! reader's language?
//!
//! Joins language detection, the index and the knowledge into one answer
//! of plain data. `lotse ask`, the conversation core and the benchmarks all
//! search through [`Library::ask`]; its [`Answer`] serialises to the JSON
//! contract of `lotse ask --json`.

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::detect::{self, Detection};
use crate::index::{self, Evidence, Hit, IndexError, SearchIndex};
use crate::knowledge::{self, Entry, Kind, Knowledge, Loaded};
use crate::lang::Lang;
use crate::memory::GiveBackOnDrop;

/// How many of the best-scored entries are judged for confidence: the
/// answers of all pages come from these.
pub const CANDIDATES: usize = 20;
/// At most this many weak matches are offered as related.
const RELATED: usize = 3;

/// The bar an entry's [`Evidence`] must pass to be presented as an answer:
/// it covers at least `coverage` of the query's content words (weighted by
/// rarity and field), or it matches at least `matched` worth of rare words
/// in all, as long questions that say much more than the knowledge do. A
/// word found in one entry of the shipped knowledge is worth about 0.72,
/// so the chosen 0.74 asks for two matched words. Once one entry passes, the
/// query has an answer, and entries with at least `relative` of the best
/// passing entry's coverage are answers too.
/// Calibrated on the development sets (`docs/BENCHMARKS.md`, "Confidence").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub coverage: f32,
    pub matched: f32,
    pub relative: f32,
}

impl Bar {
    /// The operating point chosen on the calibration curve.
    pub const CHOSEN: Bar = Bar {
        coverage: 0.36,
        matched: 0.74,
        relative: 0.5,
    };

    /// Which of the entries with this evidence (best-scored first) are
    /// answers.
    pub fn answers<'a>(&self, evidence: impl Iterator<Item = &'a Evidence> + Clone) -> Vec<bool> {
        let passes = |e: &Evidence| e.coverage >= self.coverage || e.matched >= self.matched;
        let best = evidence
            .clone()
            .filter(|e| passes(e))
            .map(|e| e.coverage)
            .fold(None, |best: Option<f32>, c| Some(best.map_or(c, |b| b.max(c))));
        evidence
            .map(|e| passes(e) || best.is_some_and(|b| e.coverage >= self.relative * b))
            .collect()
    }
}

/// One judged candidate, for calibrating the [`Bar`].
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub hit: AnswerHit,
    pub evidence: Evidence,
}

/// The knowledge with its search index: everything needed to answer.
pub struct Library {
    knowledge: Knowledge,
    index: SearchIndex,
    /// Last, so that what the knowledge and the index held is given back
    /// once they are dropped: a library a reload replaced would otherwise
    /// stay resident as freed memory (160–280 MiB at 100,000 entries).
    _give_back: GiveBackOnDrop,
}

/// How to answer a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AskOptions {
    /// The language to answer in; when `None`, the query's language where
    /// the whole query is confidently in it, else German.
    pub lang: Option<Lang>,
    /// The user's own language, which settles a query that could be in
    /// several languages (but does not force the answer language).
    pub hint: Option<Lang>,
    pub offset: usize,
    pub limit: usize,
}

/// The answer to one question: the `lotse ask --json` contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub query: String,
    /// The answer language.
    pub lang: Lang,
    /// The detected language of the query, if any.
    pub detected: Option<Lang>,
    /// Whether the whole query is confidently in `detected` (see
    /// [`Detection::confident`]).
    pub detected_confident: bool,
    pub took_us: u64,
    /// The entries Lotse presents as answers: only those it is confident of.
    pub hits: Vec<AnswerHit>,
    /// Weaker matches, which may be shown as possibly related, never as
    /// found. Only on the first page.
    pub related: Vec<AnswerHit>,
    /// How many entries are presented as answers in all, beyond this page
    /// (counted among the best [`CANDIDATES`]).
    #[serde(skip)]
    pub total: usize,
}

/// One entry of an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerHit {
    pub id: String,
    pub kind: Kind,
    /// The title in the answer language, or in German where the entry has
    /// no translation.
    pub title: String,
    pub title_de: String,
    /// The language the title and summary are in.
    pub lang: Lang,
    pub summary: String,
    pub url: Option<String>,
    pub score: f32,
}

impl Default for AskOptions {
    fn default() -> AskOptions {
        AskOptions {
            lang: None,
            hint: None,
            offset: 0,
            limit: 5,
        }
    }
}

impl Library {
    /// Loads the knowledge folder and builds its index. Errors in the
    /// folder are the caller's to judge: the returned [`Loaded`] lists them,
    /// and the library holds the entries that are sound.
    pub fn open(dir: &Path, location: &index::Location) -> Result<(Library, Loaded), IndexError> {
        let mut loaded = knowledge::load(dir);
        let knowledge = std::mem::take(&mut loaded.knowledge);
        let library = Library::new(knowledge, location)?;
        Ok((library, loaded))
    }

    /// Builds the index of `knowledge`.
    pub fn new(mut knowledge: Knowledge, location: &index::Location) -> Result<Library, IndexError> {
        if *location == index::Location::Memory {
            // Only a kept index is stamped with them.
            knowledge.forget_sources();
        }
        let index = SearchIndex::build(&knowledge, location)?;
        Ok(Library::from_parts(knowledge, index))
    }

    /// Wraps an index already built over `knowledge`, and warms it up.
    /// The knowledge's file records are dropped: the index is built.
    pub fn from_parts(mut knowledge: Knowledge, index: SearchIndex) -> Library {
        knowledge.forget_sources();
        let library = Library {
            knowledge,
            index,
            _give_back: GiveBackOnDrop,
        };
        library.warm_up();
        library
    }

    /// Asks a few questions in each language before the first user does:
    /// the first title the knowledge has in it, and that title without its
    /// vowels (words no field has, so typo correction runs too), so the
    /// first real answer does not pay for cold caches and first uses of
    /// stemmers and the model.
    fn warm_up(&self) {
        for lang in Lang::ALL {
            let Some(texts) = self.knowledge.entries().iter().find_map(|e| e.texts.get(&lang)) else {
                continue;
            };
            let title = texts.title();
            let typo: String = title.chars().filter(|c| !"aeiouаеиоуاوي".contains(*c)).collect();
            for query in [title, typo.as_str()] {
                let options = AskOptions {
                    lang: Some(lang),
                    ..AskOptions::default()
                };
                // Only warming: an error here would show on the first question.
                let _ = self.ask(query, options);
            }
        }
    }

    /// The search index, for benchmarks that measure it alone.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// Answers `query`: detects its language, searches the languages that
    /// matter, and presents the entries it is confident of as hits, in the
    /// answer language; weaker matches become related (first page only).
    pub fn ask(&self, query: &str, options: AskOptions) -> Result<Answer, IndexError> {
        let start = Instant::now();
        let (detection, answer_lang, candidates) = self.judge(query, &options)?;
        let judged = Bar::CHOSEN.answers(candidates.iter().map(|h| &h.evidence));
        let mut answers: Vec<Hit> = Vec::new();
        let mut weak: Vec<Hit> = Vec::new();
        for (hit, answer) in candidates.into_iter().zip(judged) {
            if answer { answers.push(hit) } else { weak.push(hit) }
        }
        let present_all = |hits: &mut dyn Iterator<Item = Hit>| -> Vec<AnswerHit> {
            hits.map(|hit| present(&self.knowledge.entries()[hit.position], answer_lang, hit.score))
                .collect()
        };
        let hits = present_all(&mut answers.iter().copied().skip(options.offset).take(options.limit));
        let related = if options.offset == 0 {
            present_all(&mut weak.into_iter().take(RELATED.min(options.limit)))
        } else {
            Vec::new()
        };
        Ok(Answer {
            query: query.to_string(),
            lang: answer_lang,
            detected: detection.lang,
            detected_confident: detection.confident,
            took_us: start.elapsed().as_micros() as u64,
            hits,
            related,
            total: answers.len(),
        })
    }

    /// The best entries for `query` with the evidence each rests on, before
    /// the [`Bar`] divides them into answers and related ones: what the bar
    /// is calibrated on.
    pub fn candidates(&self, query: &str, options: AskOptions) -> Result<Vec<Candidate>, IndexError> {
        let (_, answer_lang, candidates) = self.judge(query, &options)?;
        Ok(candidates
            .into_iter()
            .map(|hit| Candidate {
                hit: present(&self.knowledge.entries()[hit.position], answer_lang, hit.score),
                evidence: hit.evidence,
            })
            .collect())
    }

    /// Detects the query's language and searches: the detected language,
    /// the user's, German and the neutral field where detection is sure of
    /// the whole query; else every language of its scripts and the user's.
    fn judge(&self, query: &str, options: &AskOptions) -> Result<(Detection, Lang, Vec<Hit>), IndexError> {
        // Analysed once: detection's known words and search's terms are the same.
        let analysis = self.index.analyse(query);
        let detection = detect::detect(query, options.hint.or(options.lang), &analysis);
        // Only a query confidently in one language is answered in it;
        // gibberish, a name or a shared word gets German, as documented.
        let answer_lang = options
            .lang
            .or(detection.lang.filter(|_| detection.confident))
            .unwrap_or(Lang::CANONICAL);
        let mut preferred: Vec<Lang> = detection
            .lang
            .into_iter()
            .chain(options.lang)
            .chain(options.hint)
            .collect();
        preferred.dedup();
        let mut langs: Vec<Lang> = if detection.confident {
            preferred.iter().copied().chain([Lang::CANONICAL]).collect()
        } else {
            detection
                .plausible
                .iter()
                .copied()
                .chain(preferred.iter().copied())
                .collect()
        };
        langs.sort();
        langs.dedup();
        let hits = self.index.search(&index::Request {
            analysis: &analysis,
            langs: &langs,
            preferred: &preferred,
            variants: &detection.transliterated,
            limit: CANDIDATES.max(options.offset + options.limit),
        })?;
        Ok((detection, answer_lang, hits))
    }
}

impl detect::Vocabulary for SearchIndex {
    fn known_words(&self, text: &str, langs: &[Lang]) -> Vec<(Lang, usize)> {
        SearchIndex::known_words(self, text, langs)
    }
}

impl detect::Vocabulary for index::Analysis<'_> {
    fn known_words(&self, text: &str, langs: &[Lang]) -> Vec<(Lang, usize)> {
        index::Analysis::known_words(self, text, langs)
    }
}

/// An entry as one line of an answer, in `lang` where it has that language.
pub fn present(entry: &Entry, lang: Lang, score: f32) -> AnswerHit {
    let (shown, texts) = entry.texts_for(lang);
    AnswerHit {
        id: entry.id.clone(),
        kind: entry.kind,
        title: texts.title().to_string(),
        title_de: entry.german().title().to_string(),
        lang: shown,
        summary: texts.summary().to_string(),
        url: entry.url().map(str::to_string),
        score,
    }
}
