//! One query, analysed once: its words and each language's terms, shared
//! by language detection, typo correction and search.
//!
//! Detection asks which of the query's words each language's texts know;
//! search asks the same terms again to build its clauses, and both ask for
//! the query's transliterations. An [`Analysis`] runs each analyzer over
//! each text at most once per query and keeps the result for whoever asks
//! next.

use std::cell::RefCell;
use std::rc::Rc;

use super::SearchIndex;
use crate::lang::Lang;
use crate::text;

/// (word position, term) pairs, as [`super::analyzer::WordAnalyzer::terms`]
/// gives them.
pub(super) type Terms = Rc<[(usize, String)]>;

/// A text and its words for no language.
type Normalised = (String, Rc<[String]>);

/// A query's analyses so far, over one index. Made per query, by
/// [`SearchIndex::analyse`]; not shared between threads.
pub struct Analysis<'i> {
    index: &'i SearchIndex,
    query: String,
    /// (text, analyzer: a language's or the neutral one's, terms).
    terms: RefCell<Vec<(String, Option<Lang>, Terms)>>,
    /// (text, its words as [`text::words`] splits them for no language,
    /// what the analyzers read).
    words: RefCell<Vec<Normalised>>,
}

impl std::fmt::Debug for Analysis<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analysis")
            .field("query", &self.query)
            .finish_non_exhaustive()
    }
}

impl<'i> Analysis<'i> {
    pub(super) fn new(index: &'i SearchIndex, query: &str) -> Analysis<'i> {
        Analysis {
            index,
            query: query.to_string(),
            terms: RefCell::new(Vec::new()),
            words: RefCell::new(Vec::new()),
        }
    }

    /// The query as typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The terms of `text` by `lang`'s analyzer (the neutral one for
    /// `None`).
    pub(super) fn terms(&self, text: &str, lang: Option<Lang>) -> Terms {
        if let Some((_, _, terms)) = self.terms.borrow().iter().find(|(t, l, _)| *l == lang && t == text) {
            return Rc::clone(terms);
        }
        let analyzer = match lang {
            Some(lang) => &self.index.analyzers[&lang],
            None => &self.index.neutral,
        };
        let words = self.words(text);
        let terms: Terms = analyzer.terms(words.iter().map(String::as_str)).into();
        self.terms
            .borrow_mut()
            .push((text.to_string(), lang, Rc::clone(&terms)));
        terms
    }

    /// The words of `text`, normalised for no language in particular.
    pub(super) fn words(&self, text: &str) -> Rc<[String]> {
        if let Some((_, words)) = self.words.borrow().iter().find(|(t, _)| t == text) {
            return Rc::clone(words);
        }
        let words: Rc<[String]> = text::words(text, None).into();
        self.words.borrow_mut().push((text.to_string(), Rc::clone(&words)));
        words
    }

    /// For each of `langs`, how many words of `text` its texts contain or
    /// its analyzer drops as stop words.
    pub fn known_words(&self, text: &str, langs: &[Lang]) -> Vec<(Lang, usize)> {
        let words = self.words(text).len();
        langs
            .iter()
            .map(|&lang| {
                let f = self.index.fields.langs[&lang];
                let fields = [f.title, f.keywords, f.summary, f.body];
                let terms = self.terms(text, Some(lang));
                // A position without a term is a stop word of the language;
                // a compound's parts follow the whole word, which comes first.
                let mut known = words;
                let mut last = None;
                for (position, term) in terms.iter() {
                    if last == Some(*position) {
                        continue;
                    }
                    last = Some(*position);
                    if !self.index.vocabulary.holds(&fields, term) {
                        known = known.saturating_sub(1);
                    }
                }
                (lang, known)
            })
            .collect()
    }
}
