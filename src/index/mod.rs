//! `src/index/`: which entries match these words?
//!
//! The only module that knows tantivy. It builds an index of the knowledge
//! (in memory, or in a folder for large knowledge) with one group of fields
//! per language, each analysed by that language's named analyzer, a
//! language-neutral field for ids, numbers, names, e-mails and urls, and a
//! dictionary field used to correct typos. [`SearchIndex::search`] takes
//! plain words and languages and returns entry positions with scores.
//!
//! A user's text is never parsed as query syntax: it is split into words
//! and each word becomes term queries, so `title:(` or `AND OR` are words.

mod analyzer;
mod fuzzy;
mod stamp;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, Query, TermQuery};
use tantivy::schema::{FAST, Field, IndexRecordOption, STRING, Schema, SchemaBuilder, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::knowledge::{Details, Entry, Knowledge};
use crate::lang::Lang;
use crate::text;

/// How much a field counts: titles over keywords over summaries over bodies.
const TITLE_WEIGHT: f32 = 4.0;
const KEYWORDS_WEIGHT: f32 = 3.0;
const SUMMARY_WEIGHT: f32 = 2.0;
const BODY_WEIGHT: f32 = 1.0;
/// Ids, numbers, names and addresses: an exact "40476" is a strong signal.
const NEUTRAL_WEIGHT: f32 = 6.0;
/// The fields of the language the query was detected in count a bit more.
const PREFERRED_LANG_BOOST: f32 = 1.25;
/// A word corrected from a typo counts this much of an exact word, so that
/// fuzzy matches never outrank exact ones of the same strength.
const CORRECTED_WEIGHT: f32 = 0.35;
/// Among the fields one word matches, the best counts fully and the others
/// this much.
const TIE_BREAKER: f32 = 0.2;
/// Memory for the index writer, per thread.
const WRITER_MEMORY: usize = 50_000_000;

/// Where the index lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// Built in memory at start-up; right for the shipped knowledge.
    Memory,
    /// Kept in a folder and reused while the knowledge is unchanged.
    Dir(PathBuf),
}

/// What to search for.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub text: &'a str,
    /// The languages whose fields are searched.
    pub langs: &'a [Lang],
    /// The language whose fields count a bit more, if any.
    pub preferred: Option<Lang>,
    pub offset: usize,
    pub limit: usize,
}

/// One matching entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The position of the entry in [`Knowledge::entries`].
    pub position: usize,
    pub score: f32,
}

/// Matches of a search: one page of hits, and how many matched in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// The error of building or opening an index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("search index folder {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(
        "search index folder {path} holds `{file}`, which Lotse did not put there, and Lotse empties the folder it \
         keeps an index in; give --index-dir (or index_dir) a new or empty folder"
    )]
    Foreign { path: PathBuf, file: String },
}

/// The search index over one [`Knowledge`].
pub struct SearchIndex {
    reader: IndexReader,
    fields: Fields,
    analyzers: HashMap<Lang, TextAnalyzer>,
    neutral: TextAnalyzer,
}

#[derive(Clone, Copy)]
struct LangFields {
    title: Field,
    keywords: Field,
    summary: Field,
    body: Field,
}

struct Fields {
    position: Field,
    neutral: Field,
    /// Every word of titles, keywords and summaries, normalised but not
    /// stemmed: the dictionary typos are corrected against.
    dictionary: Field,
    langs: HashMap<Lang, LangFields>,
}

impl SearchIndex {
    /// Builds the index of `knowledge` at `location`.
    pub fn build(knowledge: &Knowledge, location: &Location) -> Result<SearchIndex, IndexError> {
        Self::build_with_progress(knowledge, location, &mut |_, _| {})
    }

    /// Like [`SearchIndex::build`], calling `progress(done, total)` while
    /// adding entries, so a terminal can show a progress bar.
    pub fn build_with_progress(
        knowledge: &Knowledge,
        location: &Location,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<SearchIndex, IndexError> {
        let (schema, fields) = schema();
        let index = match location {
            Location::Memory => {
                let index = Index::create_in_ram(schema);
                register_analyzers(&index);
                fill(&index, &fields, knowledge, progress)?;
                index
            }
            Location::Dir(dir) => open_or_fill(dir, schema, &fields, knowledge, progress)?,
        };
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let analyzers = Lang::ALL.into_iter().map(|l| (l, analyzer::build(Some(l)))).collect();
        Ok(SearchIndex {
            reader,
            fields,
            analyzers,
            neutral: analyzer::build(None),
        })
    }

    /// Searches the index. Errors of the index itself (a broken folder on
    /// disk) are returned; no user text can cause one.
    pub fn search(&self, request: &Request<'_>) -> Result<Hits, IndexError> {
        let searcher = self.reader.searcher();
        let words = text::words(request.text, None);
        if words.is_empty() || request.limit == 0 {
            return Ok(Hits::default());
        }
        let corrections = fuzzy::corrections(&searcher, self.fields.dictionary, &words)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (position, word) in words.iter().enumerate() {
            if let Some(q) = self.word_query(request, word, 1.0) {
                clauses.push((Occur::Should, q));
            }
            for corrected in corrections.get(&position).into_iter().flatten() {
                if let Some(q) = self.word_query(request, corrected, CORRECTED_WEIGHT) {
                    clauses.push((Occur::Should, q));
                }
            }
        }
        if clauses.is_empty() {
            return Ok(Hits::default());
        }
        let query = BooleanQuery::new(clauses);
        let collector = (
            TopDocs::with_limit(request.limit)
                .and_offset(request.offset)
                .order_by_score(),
            Count,
        );
        let (top, total) = searcher.search(&query, &collector)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let column = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("position")?;
            if let Some(position) = column.first(address.doc_id) {
                hits.push(Hit {
                    position: position as usize,
                    score,
                });
            }
        }
        Ok(Hits { hits, total })
    }

    /// The floor a search cannot beat: one raw tantivy term query for the
    /// first word of `text` (analysed as German) on the German titles, with
    /// no detection, no other fields, no typo correction. For benchmarks.
    pub fn raw_term_query(&self, text: &str, limit: usize) -> Result<usize, IndexError> {
        let mut analyzer = self.analyzers[&Lang::De].clone();
        let Some((_, term)) = analyzer::analyze(&mut analyzer, text).into_iter().next() else {
            return Ok(0);
        };
        let query = TermQuery::new(
            Term::from_field_text(self.fields.langs[&Lang::De].title, &term),
            IndexRecordOption::WithFreqs,
        );
        let top = self
            .reader
            .searcher()
            .search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        Ok(top.len())
    }

    /// How many of `words` each language's fields contain or drop as stop
    /// words: a strong hint at the language of a query too short for a
    /// statistical detector.
    pub fn known_words(&self, words: &[String], langs: &[Lang]) -> Result<Vec<(Lang, usize)>, IndexError> {
        let searcher = self.reader.searcher();
        let mut counts = Vec::with_capacity(langs.len());
        for &lang in langs {
            let f = self.fields.langs[&lang];
            let mut analyzer = self.analyzers[&lang].clone();
            let mut known = 0;
            for word in words {
                let Some((_, term)) = analyzer::analyze(&mut analyzer, word).into_iter().next() else {
                    // The language's analyzer drops its own stop words.
                    known += 1;
                    continue;
                };
                for field in [f.title, f.keywords, f.summary, f.body] {
                    if searcher.doc_freq(&Term::from_field_text(field, &term))? > 0 {
                        known += 1;
                        break;
                    }
                }
            }
            counts.push((lang, known));
        }
        Ok(counts)
    }

    /// The query for one word of the user's text: its stem in every
    /// requested language's fields and the word itself in the neutral
    /// field. Within a language the best field counts fully and the others
    /// a little; across languages only the best counts, so an entry is not
    /// favoured for having been translated more often.
    ///
    /// `word` is already normalised by [`text::words`]; each language's
    /// analyzer gives the same terms for it as for the original spelling,
    /// and drops it where it is one of that language's stop words.
    fn word_query(&self, request: &Request<'_>, word: &str, weight: f32) -> Option<Box<dyn Query>> {
        let mut per_lang: Vec<Box<dyn Query>> = Vec::new();
        for &lang in request.langs {
            let mut analyzer = self.analyzers[&lang].clone();
            let terms = analyzer::analyze(&mut analyzer, word);
            let Some((_, stem)) = terms.first() else {
                continue;
            };
            let boost = if request.preferred == Some(lang) {
                weight * PREFERRED_LANG_BOOST
            } else {
                weight
            };
            let f = self.fields.langs[&lang];
            let fields = [
                (f.title, TITLE_WEIGHT),
                (f.keywords, KEYWORDS_WEIGHT),
                (f.summary, SUMMARY_WEIGHT),
                (f.body, BODY_WEIGHT),
            ]
            .into_iter()
            .map(|(field, field_weight)| term_query(field, stem, boost * field_weight))
            .collect();
            per_lang.push(Box::new(DisjunctionMaxQuery::with_tie_breaker(fields, TIE_BREAKER)));
        }
        let mut neutral = self.neutral.clone();
        if let Some((_, term)) = analyzer::analyze(&mut neutral, word).first() {
            per_lang.push(term_query(self.fields.neutral, term, weight * NEUTRAL_WEIGHT));
        }
        if per_lang.is_empty() {
            return None;
        }
        Some(Box::new(DisjunctionMaxQuery::new(per_lang)))
    }
}

fn term_query(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    let query = TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs);
    Box::new(BoostQuery::new(Box::new(query), boost))
}

fn schema() -> (Schema, Fields) {
    let mut builder = SchemaBuilder::new();
    let text_field = |builder: &mut SchemaBuilder, name: &str, analyzer: &str| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqs);
        builder.add_text_field(name, TextOptions::default().set_indexing_options(indexing))
    };
    let position = builder.add_u64_field("position", FAST);
    builder.add_text_field("id", STRING);
    let neutral = text_field(&mut builder, "neutral", analyzer::NEUTRAL);
    let dictionary = text_field(&mut builder, "dictionary", analyzer::NEUTRAL);
    let langs = Lang::ALL
        .into_iter()
        .map(|lang| {
            let name = analyzer::name(lang);
            let fields = LangFields {
                title: text_field(&mut builder, &format!("title_{lang}"), &name),
                keywords: text_field(&mut builder, &format!("keywords_{lang}"), &name),
                summary: text_field(&mut builder, &format!("summary_{lang}"), &name),
                body: text_field(&mut builder, &format!("body_{lang}"), &name),
            };
            (lang, fields)
        })
        .collect();
    let fields = Fields {
        position,
        neutral,
        dictionary,
        langs,
    };
    (builder.build(), fields)
}

fn register_analyzers(index: &Index) {
    let manager = index.tokenizers();
    manager.register(analyzer::NEUTRAL, analyzer::build(None));
    for lang in Lang::ALL {
        manager.register(&analyzer::name(lang), analyzer::build(Some(lang)));
    }
}

fn fill(
    index: &Index,
    fields: &Fields,
    knowledge: &Knowledge,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), IndexError> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(threads, threads * WRITER_MEMORY)?;
    let total = knowledge.len();
    for (position, entry) in knowledge.entries().iter().enumerate() {
        writer.add_document(document(fields, position, entry))?;
        if position % 1000 == 0 || position + 1 == total {
            progress(position + 1, total);
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

fn document(fields: &Fields, position: usize, entry: &Entry) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_u64(fields.position, position as u64);
    for (lang, texts) in &entry.texts {
        let f = fields.langs[lang];
        doc.add_text(f.title, &texts.title);
        doc.add_text(f.summary, &texts.summary);
        doc.add_text(f.body, &texts.body);
        for keyword in &texts.keywords {
            doc.add_text(f.keywords, keyword);
        }
        doc.add_text(fields.dictionary, &texts.title);
        doc.add_text(fields.dictionary, &texts.summary);
        for keyword in &texts.keywords {
            doc.add_text(fields.dictionary, keyword);
        }
    }
    for value in neutral_values(entry) {
        doc.add_text(fields.neutral, &value);
    }
    doc
}

/// The language-neutral facts of an entry: id, numbers, names, addresses.
/// Phone numbers are added once more as digits only (national and
/// international), so "02114301182" finds them as well as "4301-182".
fn neutral_values(entry: &Entry) -> Vec<String> {
    let mut values = vec![entry.id.clone()];
    let mut push = |v: &Option<String>| values.extend(v.iter().cloned());
    match &entry.details {
        Details::Publication(p) => {
            push(&p.issue.map(|i| i.to_string()));
            push(&p.year.map(|y| y.to_string()));
            push(&p.series);
            push(&p.publisher);
            push(&p.place);
            push(&p.date);
        }
        Details::Contact(c) => {
            for v in [
                &c.person,
                &c.organisation,
                &c.street,
                &c.postcode,
                &c.city,
                &c.email,
                &c.website,
            ] {
                push(v);
            }
            for number in c.phone.iter().chain(&c.fax) {
                let digits: String = number.chars().filter(char::is_ascii_digit).collect();
                let national = digits.strip_prefix("49").map(|rest| format!("0{rest}"));
                values.push(number.clone());
                values.push(digits.clone());
                values.extend(national);
            }
        }
        Details::Offer { target_groups, .. } => values.extend(target_groups.iter().cloned()),
        Details::Organisation { url } => push(url),
        Details::Link { url } => values.push(url.clone()),
    }
    values
}

/// Opens the index kept in `dir` when it was built from the same
/// knowledge, and builds it afresh otherwise (see [`stamp`]).
fn open_or_fill(
    dir: &Path,
    schema: Schema,
    fields: &Fields,
    knowledge: &Knowledge,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Index, IndexError> {
    let folder = stamp::Folder::claim(dir)?;
    let fingerprint = stamp::fingerprint(knowledge);
    if folder.holds(&fingerprint)
        && let Ok(index) = Index::open_in_dir(dir)
        && index.schema() == schema
    {
        register_analyzers(&index);
        return Ok(index);
    }
    folder.clear()?;
    let index = Index::create_in_dir(dir, schema)?;
    register_analyzers(&index);
    fill(&index, fields, knowledge, progress)?;
    folder.seal(&fingerprint, knowledge)?;
    Ok(index)
}
