//! `src/index/`: which entries match these words?
//!
//! The only module that knows tantivy. It builds an index of the knowledge
//! (in memory, or in a folder for large knowledge) with one group of fields
//! per language, each analysed by that language's named analyzer, a
//! language-neutral field for ids, numbers, names, e-mails and urls, and a
//! dictionary field used to correct typos. [`SearchIndex::search`] takes
//! plain words and languages and returns entry positions with scores and
//! the [`Evidence`] that confidence is judged on (`query.rs`).
//!
//! A user's text is never parsed as query syntax: it is split into words
//! and each word becomes term queries, so `title:(` or `AND OR` are words.

mod analysis;
mod analyzer;
mod bm25;
mod fuzzy;
mod query;
mod stamp;
mod update;
mod vocabulary;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, STRING, Schema, SchemaBuilder, TextFieldIndexing, TextOptions};
use tantivy::{DocSet, Index, IndexReader, ReloadPolicy, TERMINATED, TantivyDocument, Term};

pub use analysis::Analysis;
pub use update::{Pending, Refresh};

use crate::knowledge::{self, Details, Entry, Knowledge, Loaded};
use crate::lang::Lang;

/// Memory for the index writer, per thread.
const WRITER_MEMORY: usize = 50_000_000;
/// Knowledge up to this many entries is indexed by one thread into one
/// segment: faster to search, and the same order of equal scores every time.
const ONE_SEGMENT_UP_TO: usize = 10_000;

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
    /// The query, analysed once for detection and search.
    pub analysis: &'a Analysis<'a>,
    /// The languages whose fields are searched.
    pub langs: &'a [Lang],
    /// The languages whose fields count a bit more: the detected one and
    /// the user's.
    pub preferred: &'a [Lang],
    /// The query rewritten into a language's script, searched in that
    /// language's fields at a reduced weight.
    pub variants: &'a [(Lang, String)],
    /// How many of the best entries to return.
    pub limit: usize,
}

/// One matching entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The position of the entry in [`Knowledge::entries`].
    pub position: usize,
    pub score: f32,
    pub evidence: Evidence,
}

/// What a hit rests on, beyond its score: how much of the query it
/// covers. The same for an entry whatever else the knowledge holds, so that
/// it can be judged against a fixed bar.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evidence {
    /// The share of the query's content words (function words dropped)
    /// that the entry contains, each weighted by its rarity in the
    /// knowledge and by where it occurs (a body counts less than a title,
    /// keywords or summary; a corrected word less than an exact one; a
    /// compound whose parts only partly match partly): 0 to 1.
    pub coverage: f32,
    /// The same sum, not divided by the query's: how much evidence in all,
    /// in units of one word that only this entry has (about; a word of
    /// one entry in 24 is worth 0.72).
    pub matched: f32,
    /// How many content words the query has.
    pub words: usize,
}

/// The error of building or opening an index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("search index: reading the bodies the knowledge keeps in a file: {0}")]
    Bodies(#[source] std::io::Error),
    #[error("search index folder {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(
        "search index folder {path} holds `{file}`, which Lotse did not put there, and Lotse empties the folder it \
         keeps an index in; give --index-dir (or index_dir) a new or empty folder"
    )]
    Foreign { path: PathBuf, file: String },
    #[error("search index: it does not hold each entry of the knowledge once")]
    Mismatch,
}

/// The search index over one [`Knowledge`].
pub struct SearchIndex {
    reader: IndexReader,
    fields: Fields,
    /// The analyzers of a query's normalised words, by language.
    analyzers: HashMap<Lang, analyzer::WordAnalyzer>,
    neutral: analyzer::WordAnalyzer,
    /// Each document's entry position, by segment and document.
    positions: Vec<Vec<u32>>,
    /// Each entry's place in the order of ids, by position: equal scores
    /// are settled by id (a number each, not a copy of every id).
    id_order: Vec<u32>,
    /// Which terms the searched fields hold.
    vocabulary: vocabulary::Vocabulary,
    /// The dictionary's words, by what deleting letters leaves of them.
    corrector: fuzzy::Corrector,
    norms: bm25::Norms,
    spare: bm25::Spare,
    /// The German words compounds are split against.
    compounds: Arc<analyzer::Compounds>,
    /// What a kept index was built from, as its stamp said then: a reload
    /// changes the index in place only while the stamp still says so.
    stamp: Option<String>,
}

#[derive(Clone, Copy)]
struct LangFields {
    title: Field,
    keywords: Field,
    summary: Field,
    body: Field,
}

struct Fields {
    /// The entry's id, one term: what finds a document's entry, and what
    /// a reload deletes a changed entry's document by.
    id: Field,
    neutral: Field,
    /// Every word of titles, keywords and summaries, normalised but not
    /// stemmed: the dictionary typos are corrected against.
    dictionary: Field,
    langs: HashMap<Lang, LangFields>,
}

impl Fields {
    /// The fields a query searches: every language's and the neutral one.
    fn searched(&self) -> Vec<Field> {
        let mut fields = vec![self.neutral];
        for lang in Lang::ALL {
            let f = self.langs[&lang];
            fields.extend([f.title, f.keywords, f.summary, f.body]);
        }
        fields
    }
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
        let compounds = compounds(knowledge)?;
        // A kept index's folder stays locked until its reader holds the
        // files, so that another build cannot clear them in between.
        let (index, stamp, _folder) = match location {
            Location::Memory => {
                let index = Index::create_in_ram(schema);
                register_analyzers(&index, &compounds);
                fill(&index, &fields, knowledge, progress)?;
                (index, None, None)
            }
            Location::Dir(dir) => {
                let folder = stamp::Folder::claim(dir)?;
                let (index, stamp) =
                    open_or_fill(&folder, dir, schema, &fields, knowledge, &compounds, None, progress)?;
                (index, Some(stamp), Some(folder))
            }
        };
        SearchIndex::ready(index, fields, knowledge, &compounds, stamp)
    }

    /// Loads the knowledge folder `dir` as a server does
    /// ([`knowledge::load_for_serving`]) and builds its index at
    /// `location`. An index kept in a folder is reused while the files are
    /// unchanged, and then the knowledge is not loaded either: the files are
    /// only looked at (size and time of change; a file whose differ is hashed
    /// again) and the checked entries are read from the snapshot kept beside
    /// the index ([`stamp::Folder::kept`]). Such a start's [`Loaded`] has no
    /// diagnostics: a folder with errors gets no snapshot, so it is loaded,
    /// and its errors reported, at every start. The knowledge comes without
    /// its file records ([`Knowledge::forget_sources`]).
    pub fn open(
        dir: &Path,
        location: &Location,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(Loaded, SearchIndex), IndexError> {
        let Location::Dir(index_dir) = location else {
            let mut loaded = knowledge::load_for_serving(dir);
            let entries = loaded.knowledge.len();
            if entries > ONE_SEGMENT_UP_TO {
                log::warn!(
                    "{entries} entries with the index in memory: every reload loads and builds them all again beside \
                     the serving index, about twice the memory; keep the index in a folder (--index-dir), where a \
                     reload reads only what changed"
                );
            }
            let index = SearchIndex::build_served(&mut loaded, dir, location, progress)?;
            return Ok((loaded, index));
        };
        let folder = stamp::Folder::claim(index_dir)?;
        let (schema, fields) = schema();
        if let Ok(index) = Index::open_in_dir(index_dir)
            && index.schema() == schema
        {
            // What the index gives its search is read while the files are
            // looked at and the snapshot read (two threads of their own). A
            // start where the files changed throws the index's part away.
            let (kept, read) = std::thread::scope(|scope| {
                let read = scope.spawn(|| Read::new(&index, &fields));
                (folder.kept(dir), read.join())
            });
            if let (Some((knowledge, german_words, stamp)), Ok(Ok(read))) = (kept, read) {
                // Normalised when they were written.
                let compounds = Arc::new(analyzer::Compounds::of(german_words));
                register_analyzers(&index, &compounds);
                // An index that does not fit its snapshot is built afresh.
                if let Ok(index) = SearchIndex::assemble(read, fields, &knowledge, &compounds, Some(stamp)) {
                    let loaded = Loaded {
                        knowledge,
                        diagnostics: Vec::new(),
                    };
                    return Ok((loaded, index));
                }
            }
        }
        let mut loaded = knowledge::load_for_serving(dir);
        let index = SearchIndex::build_kept(&folder, &mut loaded, dir, index_dir, progress)?;
        Ok((loaded, index))
    }

    /// Builds the index of what a server loaded from the folder `dir`
    /// ([`knowledge::load_for_serving`]) at `location`: a kept index is
    /// reused where its stamp names the same files, and is stamped with a
    /// snapshot of the knowledge where the load had no errors. The
    /// knowledge's file records are dropped.
    pub fn build_served(
        loaded: &mut Loaded,
        dir: &Path,
        location: &Location,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<SearchIndex, IndexError> {
        let Location::Dir(index_dir) = location else {
            // An index in memory is not stamped.
            loaded.knowledge.forget_sources();
            return SearchIndex::build_with_progress(&loaded.knowledge, location, progress);
        };
        let folder = stamp::Folder::claim(index_dir)?;
        SearchIndex::build_kept(&folder, loaded, dir, index_dir, progress)
    }

    /// [`SearchIndex::build_served`] in the claimed `folder` at `index_dir`.
    fn build_kept(
        folder: &stamp::Folder,
        loaded: &mut Loaded,
        dir: &Path,
        index_dir: &Path,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<SearchIndex, IndexError> {
        let (schema, fields) = schema();
        let compounds = compounds(&loaded.knowledge)?;
        // The snapshot keeps what the compounds are split against.
        let words = compounds.words();
        let snapshot = (!loaded.has_errors()).then_some((dir, words.as_slice()));
        let (index, stamp) = open_or_fill(
            folder,
            index_dir,
            schema,
            &fields,
            &loaded.knowledge,
            &compounds,
            snapshot,
            progress,
        )?;
        drop(words);
        loaded.knowledge.forget_sources();
        SearchIndex::ready(index, fields, &loaded.knowledge, &compounds, Some(stamp))
    }

    /// The search index over `index`, built from `knowledge` (and kept
    /// under a stamp naming `stamp`).
    fn ready(
        index: Index,
        fields: Fields,
        knowledge: &Knowledge,
        compounds: &Arc<analyzer::Compounds>,
        stamp: Option<String>,
    ) -> Result<SearchIndex, IndexError> {
        let read = Read::new(&index, &fields)?;
        SearchIndex::assemble(read, fields, knowledge, compounds, stamp)
    }

    /// The search index of what was read from an index (`read`) and the
    /// knowledge it was built from; [`IndexError::Mismatch`] where the
    /// index does not hold exactly the knowledge's entries.
    fn assemble(
        read: Read,
        fields: Fields,
        knowledge: &Knowledge,
        compounds: &Arc<analyzer::Compounds>,
        stamp: Option<String>,
    ) -> Result<SearchIndex, IndexError> {
        let Read {
            reader,
            vocabulary,
            corrector,
            norms,
            spare,
        } = read;
        let positions = positions(&reader.searcher(), fields.id, knowledge)?.ok_or(IndexError::Mismatch)?;
        let analyzers = Lang::ALL
            .into_iter()
            .map(|l| (l, analyzer::WordAnalyzer::new(Some(l), compounds)))
            .collect();
        Ok(SearchIndex {
            reader,
            fields,
            analyzers,
            neutral: analyzer::WordAnalyzer::new(None, compounds),
            id_order: id_order(knowledge),
            vocabulary,
            corrector,
            norms,
            spare,
            positions,
            compounds: Arc::clone(compounds),
            stamp,
        })
    }

    /// Searches the index: the best entries, best first, with the
    /// evidence each rests on; equal scores in the order of entry ids.
    /// Errors of the index itself (a broken folder on disk) are returned; no
    /// user text can cause one.
    pub fn search(&self, request: &Request<'_>) -> Result<Vec<Hit>, IndexError> {
        if request.limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let plan = query::Plan::new(self, &searcher, request)?;
        // With the entries that tie with the last, so that a tie at the
        // end of the page is settled by id, not by where the index keeps
        // the entries.
        let top = plan.top(&searcher, &self.norms, &self.spare, request.limit)?;
        let addresses: Vec<_> = top.iter().map(|(_, address)| *address).collect();
        let evidence = plan.evidence(&searcher, &addresses)?;
        let mut hits = Vec::with_capacity(top.len());
        for ((score, address), evidence) in top.into_iter().zip(evidence) {
            let position = self.positions[address.segment_ord as usize][address.doc_id as usize];
            if position != u32::MAX {
                hits.push(Hit {
                    position: position as usize,
                    score,
                    evidence,
                });
            }
        }
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| self.id_order[a.position].cmp(&self.id_order[b.position]))
        });
        hits.truncate(request.limit);
        Ok(hits)
    }

    /// The floor a search cannot beat: one raw tantivy term query for the
    /// first word of `text` (analysed as German) on the German titles, with
    /// no detection, no other fields, no typo correction. For benchmarks.
    pub fn raw_term_query(&self, text: &str, limit: usize) -> Result<usize, IndexError> {
        let words = crate::text::words(text, None);
        let terms = self.analyzers[&Lang::De].terms(words.iter().map(String::as_str));
        let Some((_, term)) = terms.into_iter().next() else {
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

    /// How many segments the index has: one for small knowledge, which is
    /// faster to search.
    pub fn segments(&self) -> usize {
        self.positions.len()
    }

    /// Begins the analysis of `query`, which detection and search share.
    pub fn analyse(&self, query: &str) -> Analysis<'_> {
        Analysis::new(self, query)
    }

    /// How many of the words of `text` each language's fields contain or
    /// drop as stop words: a strong hint at the language of a query too
    /// short for a statistical detector.
    pub fn known_words(&self, text: &str, langs: &[Lang]) -> Vec<(Lang, usize)> {
        self.analyse(text).known_words(text, langs)
    }
}

/// What a search index reads from the index itself, without the
/// knowledge: its reader, the terms of its fields, the typo dictionary,
/// the field norms and each document's entry.
struct Read {
    reader: IndexReader,
    vocabulary: vocabulary::Vocabulary,
    corrector: fuzzy::Corrector,
    norms: bm25::Norms,
    spare: bm25::Spare,
}

impl Read {
    fn new(index: &Index, fields: &Fields) -> Result<Read, IndexError> {
        let reader: IndexReader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let searcher = reader.searcher();
        let searched = fields.searched();
        let vocabulary = vocabulary::Vocabulary::read(&searcher, &searched)?;
        let corrector = fuzzy::Corrector::new(vocabulary::field_terms(&searcher, fields.dictionary)?);
        let norms = bm25::Norms::new(&searcher, &searched)?;
        let spare = bm25::Spare::new(&searcher);
        Ok(Read {
            reader,
            vocabulary,
            corrector,
            norms,
            spare,
        })
    }
}

/// Each document's entry position in `knowledge`, by segment and
/// document (`u32::MAX` for one deleted); `None` unless the index holds
/// every entry exactly once and nothing else. A segment's id terms come in
/// the order of ids, and are walked beside the knowledge's ids in that
/// order.
fn positions(
    searcher: &tantivy::Searcher,
    field: Field,
    knowledge: &Knowledge,
) -> Result<Option<Vec<Vec<u32>>>, IndexError> {
    let by_id = knowledge.positions_by_id();
    let ids: Vec<&[u8]> = by_id
        .iter()
        .map(|&p| knowledge.entries()[p as usize].id.as_bytes())
        .collect();
    let mut found = vec![false; ids.len()];
    let mut positions = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let alive = segment.alive_bitset();
        let mut of = vec![u32::MAX; segment.max_doc() as usize];
        let mut at = 0;
        let mut stream = inverted.terms().stream().map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            let mut postings = inverted
                .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    while ids.get(at).is_some_and(|id| *id < stream.key()) {
                        at += 1;
                    }
                    if ids.get(at) != Some(&stream.key()) || found[at] {
                        return Ok(None);
                    }
                    found[at] = true;
                    of[doc as usize] = by_id[at];
                }
                doc = postings.advance();
            }
        }
        positions.push(of);
    }
    Ok(found.iter().all(|&f| f).then_some(positions))
}

/// Each entry's place in the order of ids, by position.
fn id_order(knowledge: &Knowledge) -> Vec<u32> {
    let mut order = vec![0; knowledge.len()];
    for (place, &position) in knowledge.positions_by_id().iter().enumerate() {
        order[position as usize] = place as u32;
    }
    order
}

fn schema() -> (Schema, Fields) {
    let mut builder = SchemaBuilder::new();
    let text_field = |builder: &mut SchemaBuilder, name: &str, analyzer: &str| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqs);
        builder.add_text_field(name, TextOptions::default().set_indexing_options(indexing))
    };
    let id = builder.add_text_field("id", STRING);
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
        id,
        neutral,
        dictionary,
        langs,
    };
    (builder.build(), fields)
}

fn register_analyzers(index: &Index, compounds: &Arc<analyzer::Compounds>) {
    let manager = index.tokenizers();
    manager.register(analyzer::NEUTRAL, analyzer::build(None, compounds));
    for lang in Lang::ALL {
        manager.register(&analyzer::name(lang), analyzer::build(Some(lang), compounds));
    }
}

fn fill(
    index: &Index,
    fields: &Fields,
    knowledge: &Knowledge,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), IndexError> {
    let threads = if knowledge.len() <= ONE_SEGMENT_UP_TO {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get()).min(4)
    };
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(threads, threads * WRITER_MEMORY)?;
    let total = knowledge.len();
    for (position, entry) in knowledge.entries().iter().enumerate() {
        writer.add_document(document(fields, entry).map_err(IndexError::Bodies)?)?;
        if position % 1000 == 0 || position + 1 == total {
            progress(position + 1, total);
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    // The writer's threads are gone, and about 30 MiB of their buffers
    // (at 100,000 entries) would stay resident on top of the index and
    // what the reader then builds.
    crate::memory::give_back_freed();
    Ok(())
}

/// The document of `entry`; its bodies are read where they are kept in a
/// file, which may fail.
fn document(fields: &Fields, entry: &Entry) -> std::io::Result<TantivyDocument> {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &entry.id);
    for (lang, texts) in &entry.texts {
        let f = fields.langs[lang];
        doc.add_text(f.title, texts.title());
        doc.add_text(f.summary, texts.summary());
        doc.add_text(f.body, texts.body()?);
        for keyword in texts.keywords() {
            doc.add_text(f.keywords, keyword);
        }
        doc.add_text(fields.dictionary, texts.title());
        doc.add_text(fields.dictionary, texts.summary());
        for keyword in texts.keywords() {
            doc.add_text(fields.dictionary, keyword);
        }
    }
    for value in neutral_values(entry) {
        doc.add_text(fields.neutral, &value);
    }
    Ok(doc)
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

/// The German words compounds are split against: those of the knowledge.
/// Each distinct whitespace-separated token ([`Knowledge::german_words`])
/// is normalised once: a word never spans whitespace (`text::words`), so
/// the words are the same, and a large folder repeats its tokens many
/// times over.
fn compounds(knowledge: &Knowledge) -> Result<Arc<analyzer::Compounds>, IndexError> {
    let tokens = knowledge.german_words().map_err(IndexError::Bodies)?;
    Ok(Arc::new(analyzer::Compounds::new(tokens.iter().map(AsRef::as_ref))))
}

/// Opens the index kept in `dir` (claimed as `folder`) when it was built
/// from the same knowledge, and builds it afresh otherwise (see [`stamp`]).
/// With `snapshot` (the folder the knowledge was loaded from, and its
/// German words), the stamp also names a snapshot of the knowledge,
/// written now. Returns the index with the fingerprint its stamp names.
#[allow(clippy::too_many_arguments)]
fn open_or_fill(
    folder: &stamp::Folder,
    dir: &Path,
    schema: Schema,
    fields: &Fields,
    knowledge: &Knowledge,
    compounds: &Arc<analyzer::Compounds>,
    snapshot: Option<(&Path, &[&str])>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(Index, String), IndexError> {
    let fingerprint = stamp::fingerprint(knowledge);
    if folder.holds(&fingerprint)
        && let Ok(index) = Index::open_in_dir(dir)
        && index.schema() == schema
    {
        register_analyzers(&index, compounds);
        if snapshot.is_some() {
            folder.seal(&fingerprint, knowledge, snapshot)?;
        }
        return Ok((index, fingerprint));
    }
    folder.clear()?;
    let index = Index::create_in_dir(dir, schema)?;
    register_analyzers(&index, compounds);
    fill(&index, fields, knowledge, progress)?;
    folder.seal(&fingerprint, knowledge, snapshot)?;
    Ok((index, fingerprint))
}
