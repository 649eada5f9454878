//! The named text analyzers: one per language, and one language-neutral.
//!
//! Each analyzer runs [`crate::text::words`] (normalisation and word
//! splitting), drops the language's function words, and reduces words to a
//! stem: tantivy's Snowball stemmer where it has one for the language,
//! frostem's Snowball stemmers for Persian, Polish and Ukrainian, and
//! truncation to the first six letters for Pashto and Kurmanji, which have
//! none. Arabic words lose their attached conjunctions, prepositions and
//! article (و ف ب ل ك ال) before the Arabic stemmer sees them. German
//! compounds are split against the knowledge's own words ([`Compounds`]):
//! their parts follow the whole word at the same position. Analyzers are
//! registered under their names once, and the schema's fields refer to them.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashSet as HashSet;
use snowball::Algorithm as Language;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::lang::Lang;
use crate::text;

/// Words longer than this many characters are cut to it where a language
/// has no Snowball stemmer.
const TRUNCATE_AT: usize = 6;
/// A compound is split only where it has this many letters or more, and
/// only at a known part of at least this many letters.
const MIN_COMPOUND: usize = 8;
const MIN_KNOWN_PART: usize = 5;
/// Neither part of a split compound is shorter than this.
const MIN_PART: usize = 4;
/// The letters German puts between the parts of a compound
/// ("Anerkennung-s-verfahren"), longest first.
const LINKING: [&str; 4] = ["es", "en", "s", "n"];

/// The name of a language's analyzer, as fields refer to it.
pub fn name(lang: Lang) -> String {
    format!("lotse_{}", lang.code())
}

/// The analyzer of ids, numbers, names and addresses: normalisation only.
pub const NEUTRAL: &str = "lotse_neutral";

/// The German words of the knowledge (normalised, unstemmed): what German
/// compounds are split against, so that "Pflegediplom" meets "Diplom" and
/// "Anerkennungsbescheid" meets "Anerkennung".
#[derive(Debug, Default)]
pub struct Compounds {
    words: HashSet<String>,
    /// Which set of words this is, among all made in this process: what
    /// an indexing thread remembers of words is remembered for the
    /// analyzers of one set ([`Remembered`]). The empty set is 0.
    id: u64,
}

impl Compounds {
    /// Collects the words of `texts` (German text).
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Compounds {
        let mut compounds = Compounds::of([]);
        texts.into_iter().for_each(|t| compounds.add(t));
        compounds
    }

    /// `words`, normalised already ([`Compounds::words`] of an earlier
    /// set), as a set of its own.
    pub fn of(words: impl IntoIterator<Item = String>) -> Compounds {
        static MADE: AtomicU64 = AtomicU64::new(1);
        Compounds {
            words: words.into_iter().collect(),
            id: MADE.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// These words as a set of its own, to add more to ([`Compounds::add`]).
    pub fn copy(&self) -> Compounds {
        Compounds::of(self.words.iter().cloned())
    }

    /// Adds the words of `text` (German text).
    pub fn add(&mut self, text: &str) {
        let words = text::words(text, Some(Lang::De)).into_iter();
        self.words.extend(words.filter(|w| w.chars().count() >= MIN_PART));
    }

    /// The words, sorted: what a snapshot keeps, and a kept start makes a
    /// set of again ([`Compounds::of`]) without normalising them anew.
    pub fn words(&self) -> Vec<&str> {
        let mut words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        words.sort_unstable();
        words
    }

    /// The parts of `word` where it is a compound of a known word and
    /// another: the split with both parts known wins, then the one with the
    /// longest known part. A linking "s", "n", "es" or "en" after the first
    /// part is dropped where the part is known without it.
    fn split(&self, word: &str) -> Option<[String; 2]> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < MIN_COMPOUND || !chars.iter().all(|(_, c)| c.is_alphabetic()) {
            return None;
        }
        let mut best: Option<((bool, usize), [String; 2])> = None;
        for cut in MIN_PART..=chars.len() - MIN_PART {
            let (head, tail) = word.split_at(chars[cut].0);
            let head = self.known_head(head);
            let tail_known = self.words.contains(tail);
            let head_len = head.as_ref().map_or(0, |h| h.chars().count());
            let tail_len = chars.len() - cut;
            let known_len = match (&head, tail_known) {
                (Some(_), true) => head_len.max(tail_len),
                (Some(_), false) => head_len,
                (None, true) => tail_len,
                (None, false) => continue,
            };
            if known_len < MIN_KNOWN_PART {
                continue;
            }
            let rank = (head.is_some() && tail_known, known_len);
            if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                let head = head.unwrap_or_else(|| word.split_at(chars[cut].0).0.to_string());
                best = Some((rank, [head, tail.to_string()]));
            }
        }
        best.map(|(_, parts)| parts)
    }

    /// `head` or `head` without a linking element, whichever is a known
    /// word.
    fn known_head(&self, head: &str) -> Option<String> {
        if self.words.contains(head) {
            return Some(head.to_string());
        }
        LINKING
            .iter()
            .filter_map(|l| head.strip_suffix(l))
            .find(|h| h.chars().count() >= MIN_PART && self.words.contains(*h))
            .map(str::to_string)
    }
}

/// Builds the analyzer of `lang`, or the neutral one for `None`; German
/// splits compounds against `compounds`. Each indexing thread keeps what
/// each distinct word became ([`Remembered`]): indexing meets the same
/// words over and over, and normalising is done per text while stop words,
/// compounds and stemming are per word.
pub fn build(lang: Option<Lang>, compounds: &Arc<Compounds>) -> TextAnalyzer {
    TextAnalyzer::from(WordTokenizer::new(lang, compounds))
}

/// The same analysis as [`build`]'s, for a query's words already
/// normalised: a query is normalised once, and each language's analyzer
/// starts from its words. Shared by all queries, never cloned.
pub struct WordAnalyzer(WordTokenizer);

impl WordAnalyzer {
    pub fn new(lang: Option<Lang>, compounds: &Arc<Compounds>) -> WordAnalyzer {
        WordAnalyzer(WordTokenizer::new(lang, compounds))
    }

    /// The (word position, term) pairs of `words`, the words of
    /// [`text::words`] for no language: what [`build`]'s analyzer makes of
    /// the text they come from. The parts of a compound share the position
    /// of the whole word and follow it.
    pub fn terms<'w>(&self, words: impl IntoIterator<Item = &'w str>) -> Vec<(usize, String)> {
        let mut terms = Vec::new();
        let mut buffer = String::new();
        for (position, word) in words.into_iter().enumerate() {
            buffer.clear();
            self.0
                .analyse_word(text::in_lang(word.to_string(), self.0.lang), &mut buffer);
            terms.extend(
                buffer
                    .split(' ')
                    .filter(|t| !t.is_empty())
                    .map(|t| (position, t.to_string())),
            );
        }
        terms
    }
}

/// Whether `word` (normalised by [`text::words`]) is a function word of
/// `lang`.
pub fn is_stop_word(lang: Lang, word: &str) -> bool {
    static SETS: OnceLock<Vec<(Lang, HashSet<String>)>> = OnceLock::new();
    let sets = SETS.get_or_init(|| Lang::ALL.into_iter().map(|l| (l, normalised_stop_words(l))).collect());
    sets.iter().any(|(l, set)| *l == lang && set.contains(word))
}

fn normalised_stop_words(lang: Lang) -> HashSet<String> {
    stop_words(lang)
        .iter()
        .flat_map(|w| text::words(w, Some(lang)))
        .collect()
}

fn snowball_algorithm(lang: Lang) -> Option<Language> {
    Some(match lang {
        Lang::De => Language::German,
        Lang::En => Language::English,
        Lang::Fr => Language::French,
        Lang::Ro => Language::Romanian,
        Lang::Ru => Language::Russian,
        Lang::Tr => Language::Turkish,
        Lang::Ar => Language::Arabic,
        Lang::Fa | Lang::Ps | Lang::Kmr | Lang::Uk | Lang::Pl => return None,
    })
}

/// How a word is reduced after normalisation, for languages tantivy has no
/// stemmer for (and Arabic's prefixes).
#[derive(Clone, Copy)]
enum Reduce {
    None,
    Truncate,
    Frostem(frostem::Stemmer),
    ArabicPrefixes,
}

/// What an indexing thread remembers holds at most this many distinct
/// words per analyzer; a language of a large knowledge rarely has more,
/// and past it words are analysed each time.
const REMEMBERED_WORDS: usize = 200_000;

/// What each word became in each analyzer of one set of [`Compounds`],
/// kept by each indexing thread for the whole build: tantivy gives every
/// field of every segment its own clone of an analyzer, and a language's
/// four fields and each new segment would otherwise learn the same words
/// again, in maps four times as many (their look-ups, missing the
/// processor's caches, were a fifth of a large build's time).
#[derive(Default)]
struct Remembered {
    /// The [`Compounds::id`] of the analyzers the maps are of.
    of: u64,
    /// Per analyzer (the neutral one, then each language's): each word's
    /// terms joined by spaces, empty for a stop word.
    words: Vec<WordMap>,
}

type WordMap = rustc_hash::FxHashMap<Short, Short>;

/// A string kept in place where it is short (most words and their terms),
/// else on the heap. Indexing looks a word up for every word of every
/// text: with both in the map's own slot, a look-up compares bytes it has
/// just read instead of following a pointer to memory the processor's
/// caches have lost (with `Box<str>`s, the comparisons alone were a tenth
/// of a large build's time).
enum Short {
    Here { len: u8, bytes: [u8; SHORT] },
    Away(Box<str>),
}

/// The longest string a [`Short`] keeps in place.
const SHORT: usize = 22;
// A map slot of two is 48 bytes, as a pair of `Box<str>`s was 32.
const _: () = assert!(std::mem::size_of::<Short>() == 24);

impl Short {
    fn new(text: &str) -> Short {
        if text.len() > SHORT {
            return Short::Away(text.into());
        }
        let mut bytes = [0; SHORT];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        Short::Here {
            len: text.len() as u8,
            bytes,
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // SAFETY: the bytes were copied whole from a `str` in `new`.
            Short::Here { len, bytes } => unsafe { std::str::from_utf8_unchecked(&bytes[..*len as usize]) },
            Short::Away(text) => text,
        }
    }
}

impl std::borrow::Borrow<str> for Short {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::hash::Hash for Short {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq for Short {
    fn eq(&self, other: &Short) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Short {}

thread_local! {
    static REMEMBERED: RefCell<Remembered> = RefCell::default();
}

impl Remembered {
    /// The map of analyzer `slot` of the set `of`; a thread that meets the
    /// analyzers of another set forgets the old ones.
    fn of(&mut self, of: u64, slot: usize) -> &mut WordMap {
        if self.of != of {
            self.words.clear();
            self.of = of;
        }
        if self.words.len() <= slot {
            self.words.resize_with(slot + 1, Default::default);
        }
        &mut self.words[slot]
    }
}

/// Splits and normalises with [`text::words`], drops stop words, splits
/// German compounds, and reduces and stems each word.
#[derive(Clone)]
struct WordTokenizer {
    lang: Option<Lang>,
    /// Shared: analyzers are cloned for every query.
    stop_words: Arc<HashSet<String>>,
    compounds: Option<Arc<Compounds>>,
    reduce: Reduce,
    /// The language's Snowball stemmer, as tantivy's `Stemmer` runs it.
    stemmer: Option<snowball::Stemmer>,
    /// Which of a thread's [`Remembered`] maps is this analyzer's: its
    /// set of compounds and its place (0 neutral, then each language's).
    /// Only indexing remembers ([`WordAnalyzer`] does not), and only an
    /// analyzer that changes words: `None` where every word is its own
    /// term (no stop words, compounds, reduction or stemming: the
    /// neutral analyzer), which is cheaper than any look-up.
    memory: Option<(u64, usize)>,
}

impl WordTokenizer {
    fn new(lang: Option<Lang>, compounds: &Arc<Compounds>) -> WordTokenizer {
        let stop_words = lang.map(normalised_stop_words).unwrap_or_default();
        let reduce = match lang {
            Some(Lang::Ps | Lang::Kmr) => Reduce::Truncate,
            Some(Lang::Fa) => Reduce::Frostem(frostem::Stemmer::new(frostem::Algorithm::Persian)),
            Some(Lang::Pl) => Reduce::Frostem(frostem::Stemmer::new(frostem::Algorithm::Polish)),
            Some(Lang::Uk) => Reduce::Frostem(frostem::Stemmer::new(frostem::Algorithm::Ukrainian)),
            Some(Lang::Ar) => Reduce::ArabicPrefixes,
            _ => Reduce::None,
        };
        let stemmer = lang.and_then(snowball_algorithm).map(snowball::Stemmer::new);
        let id = compounds.id;
        let compounds = (lang == Some(Lang::De)).then(|| Arc::clone(compounds));
        let keeps_words =
            stop_words.is_empty() && compounds.is_none() && matches!(reduce, Reduce::None) && stemmer.is_none();
        WordTokenizer {
            lang,
            stop_words: Arc::new(stop_words),
            memory: (!keeps_words).then(|| (id, lang.map_or(0, |l| 1 + l as usize))),
            compounds,
            reduce,
            stemmer,
        }
    }

    fn reduce(&self, mut word: String) -> String {
        match self.reduce {
            Reduce::None => word,
            Reduce::Truncate => {
                if let Some((cut, _)) = word.char_indices().nth(TRUNCATE_AT) {
                    word.truncate(cut);
                }
                word
            }
            Reduce::Frostem(stemmer) => stemmer.stem(&word).into_owned(),
            Reduce::ArabicPrefixes => strip_arabic_prefixes(&word).to_string(),
        }
    }

    /// One word's term: reduced, then stemmed where the language has a
    /// Snowball stemmer.
    fn term(&self, word: String) -> String {
        let word = self.reduce(word);
        match &self.stemmer {
            Some(stemmer) => match stemmer.stem(&word) {
                Cow::Owned(stem) => stem,
                Cow::Borrowed(_) => word,
            },
            None => word,
        }
    }

    /// Appends the terms of `word` (normalised for the language) to
    /// `terms`, separated by spaces: nothing for a stop word, else the
    /// whole word's term and those of its compound parts.
    fn analyse_word(&self, word: String, terms: &mut String) {
        if self.stop_words.contains(&word) {
            return;
        }
        let parts = self.compounds.as_ref().and_then(|c| c.split(&word));
        let whole = self.term(word);
        terms.push_str(&whole);
        for part in parts.into_iter().flatten() {
            terms.push(' ');
            let part = self.term(part);
            terms.push_str(&part);
        }
    }

    /// Appends the terms of `word` as [`Self::analyse_word`] does, from
    /// the thread's memory where the word was seen before.
    fn push_word(&self, word: &str, terms: &mut String) {
        let Some((of, slot)) = self.memory else {
            terms.push_str(word);
            return;
        };
        REMEMBERED.with_borrow_mut(|remembered| {
            let remembered = remembered.of(of, slot);
            if let Some(known) = remembered.get(word) {
                terms.push_str(known.as_str());
                return;
            }
            let start = terms.len();
            // Words with digits (ids, numbers, years) are mostly of one
            // entry each: remembering them would only hold memory.
            let worth = remembered.len() < REMEMBERED_WORDS && !word.bytes().any(|b| b.is_ascii_digit());
            let key = worth.then(|| Short::new(word));
            self.analyse_word(word.to_string(), terms);
            if let Some(key) = key {
                remembered.insert(key, Short::new(&terms[start..]));
            }
        });
    }
}

/// Strips what Arabic writes onto a word: a conjunction (و, ف), then a
/// preposition (ب, ل, ك), then the article (ال; after ل it is written ل).
/// A prefix is only stripped where three letters remain, so that a root
/// that merely starts with one of these letters keeps it.
fn strip_arabic_prefixes(word: &str) -> &str {
    fn strip<'a>(word: &'a str, prefixes: &[&str]) -> &'a str {
        prefixes
            .iter()
            .filter_map(|p| word.strip_prefix(p))
            .find(|rest| rest.chars().count() >= 3)
            .unwrap_or(word)
    }
    let word = strip(word, &["و", "ف"]);
    // "لل" is ل + ال with the alef dropped.
    strip(word, &["لل", "بال", "كال", "ال", "ب", "ل", "ك"])
}

/// The terms of one text, one after the other in one string, and where
/// each is: a text's tokens cost no allocation each.
struct WordStream {
    terms: String,
    /// (word position, start, end) of each term in `terms`.
    spans: std::vec::IntoIter<(usize, usize, usize)>,
    current: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        let mut terms = String::new();
        let mut spans = Vec::new();
        let mut position = 0;
        text::for_each_word(text, self.lang, &mut |word| {
            let start = terms.len();
            self.push_word(word, &mut terms);
            // A compound's parts follow the whole word at its position.
            let mut from = start;
            for term in terms.as_bytes()[start..].split(|&b| b == b' ') {
                if !term.is_empty() {
                    spans.push((position, from, from + term.len()));
                }
                from += term.len() + 1;
            }
            terms.push(' ');
            position += 1;
        });
        WordStream {
            terms,
            spans: spans.into_iter(),
            current: Token::default(),
        }
    }
}

impl TokenStream for WordStream {
    fn advance(&mut self) -> bool {
        match self.spans.next() {
            Some((position, start, end)) => {
                self.current.position = position;
                self.current.text.clear();
                self.current.text.push_str(&self.terms[start..end]);
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

/// Function words that say nothing about what a reader looks for:
/// articles, pronouns, prepositions, conjunctions, question words,
/// auxiliary and modal verbs, fillers and politeness. Nouns stay
/// searchable, however common: a word that might carry meaning is no stop
/// word.
fn stop_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &[
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "eines",
            "und",
            "oder",
            "aber",
            "doch",
            "dass",
            "ob",
            "wenn",
            "weil",
            "als",
            "so",
            "also",
            "in",
            "im",
            "ins",
            "an",
            "am",
            "auf",
            "zu",
            "zum",
            "zur",
            "von",
            "vom",
            "mit",
            "für",
            "fur",
            "bei",
            "beim",
            "nach",
            "aus",
            "über",
            "unter",
            "vor",
            "um",
            "durch",
            "gegen",
            "ohne",
            "seit",
            "bis",
            "ist",
            "sind",
            "war",
            "bin",
            "bist",
            "sein",
            "habe",
            "hat",
            "haben",
            "habt",
            "hast",
            "wird",
            "werden",
            "wurde",
            "kann",
            "kannst",
            "können",
            "könnt",
            "muss",
            "müssen",
            "soll",
            "sollte",
            "will",
            "möchte",
            "wollt",
            "wollen",
            "wie",
            "was",
            "wer",
            "wen",
            "wem",
            "wo",
            "wann",
            "warum",
            "welche",
            "welcher",
            "welches",
            "woher",
            "wohin",
            "ich",
            "du",
            "er",
            "sie",
            "wir",
            "ihr",
            "mich",
            "mir",
            "dich",
            "dir",
            "uns",
            "euch",
            "ihnen",
            "ihn",
            "ihm",
            "mein",
            "meine",
            "meinen",
            "meinem",
            "meiner",
            "dein",
            "unser",
            "unsere",
            "euer",
            "eure",
            "ihre",
            "ihren",
            "man",
            "es",
            "sich",
            "auch",
            "nicht",
            "kein",
            "keine",
            "noch",
            "schon",
            "nur",
            "sehr",
            "mal",
            "ja",
            "nein",
            "hallo",
            "bitte",
            "danke",
            "etwas",
            "sowas",
            "eigentlich",
            "denn",
            "ne",
            "hier",
            "da",
            "dort",
            "gibt",
            "geht",
            "gut",
            "mehr",
            "oft",
            "immer",
            "lassen",
        ],
        Lang::En => &[
            "the", "a", "an", "and", "or", "but", "if", "so", "of", "in", "on", "at", "to", "for", "with", "by",
            "from", "about", "into", "as", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have",
            "has", "had", "can", "could", "will", "would", "should", "may", "might", "must", "how", "what", "who",
            "whom", "where", "when", "why", "which", "whether", "i", "me", "my", "you", "your", "we", "us", "our",
            "they", "them", "their", "he", "she", "it", "its", "this", "that", "these", "those", "there", "here",
            "get", "got", "any", "some", "not", "no", "yes", "please", "hi", "hello", "just", "also", "more", "very",
            "up", "out", "yo", "wanna", "need", "want", "like",
        ],
        Lang::Fr => &[
            "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "mais", "en", "au", "aux", "à",
            "pour", "avec", "par", "sur", "dans", "chez", "sans", "est", "sont", "être", "ai", "as", "a", "avez",
            "avons", "ont", "comment", "qui", "que", "qu", "quoi", "où", "quel", "quelle", "quels", "quelles", "quand",
            "pourquoi", "je", "j", "tu", "il", "elle", "nous", "vous", "ils", "elles", "me", "m", "te", "se", "s",
            "mon", "ma", "mes", "ton", "ta", "votre", "vos", "notre", "nos", "leur", "leurs", "ce", "c", "cet",
            "cette", "ces", "ça", "puis", "peux", "peut", "pouvez", "faire", "fait", "ne", "pas", "plus", "y",
            "bonjour", "merci", "svp",
        ],
        Lang::Ro => &[
            "și", "sau", "dar", "de", "la", "în", "pe", "cu", "pentru", "din", "despre", "un", "o", "unei", "unui",
            "ce", "cum", "cine", "unde", "când", "care", "eu", "tu", "el", "ea", "noi", "voi", "ei", "meu", "mea",
            "mele", "mei", "tău", "ta", "nostru", "voastră", "vostru", "pot", "poate", "puteți", "este", "e", "sunt",
            "am", "ai", "are", "avem", "aveți", "a", "al", "ale", "ai", "să", "se", "mă", "îmi", "mi", "vă", "nu",
            "da", "asta", "acest", "această", "vreo", "vreun", "există", "face", "fac", "bună", "vă", "rog",
        ],
        Lang::Pl => &[
            "i",
            "a",
            "lub",
            "albo",
            "ale",
            "w",
            "we",
            "na",
            "z",
            "ze",
            "do",
            "dla",
            "o",
            "od",
            "po",
            "przy",
            "u",
            "jak",
            "co",
            "kto",
            "gdzie",
            "kiedy",
            "czy",
            "jaki",
            "jaka",
            "jakie",
            "jest",
            "są",
            "być",
            "mój",
            "moja",
            "moje",
            "mojego",
            "mi",
            "mnie",
            "ja",
            "ty",
            "on",
            "ona",
            "my",
            "wy",
            "oni",
            "was",
            "nas",
            "wam",
            "nam",
            "mogę",
            "może",
            "można",
            "macie",
            "mam",
            "ma",
            "się",
            "to",
            "ten",
            "ta",
            "te",
            "tego",
            "że",
            "nie",
            "tak",
            "proszę",
            "dzień",
            "dobry",
            "sobie",
            "szukam",
            "potrzebuję",
        ],
        Lang::Tr => &[
            "ve", "veya", "ya", "ama", "ile", "bir", "bu", "şu", "o", "için", "gibi", "mi", "mı", "mu", "mü", "ne",
            "neden", "nasıl", "kim", "kime", "nerede", "nereden", "hangi", "ben", "sen", "biz", "siz", "onlar",
            "benim", "bizim", "sizin", "beni", "bana", "size", "de", "da", "ki", "var", "yok", "mi", "lütfen",
            "merhaba", "abi", "bi", "olarak", "olur", "musunuz", "misiniz", "miyiz",
        ],
        Lang::Kmr => &[
            "û", "an", "ji", "bi", "li", "di", "de", "ku", "ez", "tu", "em", "hûn", "ew", "min", "te", "me", "we",
            "wan", "çawa", "çi", "kî", "ka", "ya", "yê", "yên", "jî", "xwe", "ev", "vê", "vî", "ye", "e", "heye",
            "dikarim", "divê", "bo", "derê", "heval",
        ],
        Lang::Ru => &[
            "и",
            "или",
            "но",
            "а",
            "в",
            "во",
            "на",
            "с",
            "со",
            "к",
            "ко",
            "по",
            "для",
            "о",
            "об",
            "от",
            "из",
            "у",
            "при",
            "про",
            "за",
            "как",
            "что",
            "кто",
            "где",
            "когда",
            "какой",
            "какая",
            "какие",
            "куда",
            "я",
            "ты",
            "он",
            "она",
            "мы",
            "вы",
            "они",
            "мой",
            "моя",
            "мои",
            "мне",
            "меня",
            "нам",
            "нас",
            "вас",
            "вам",
            "ваш",
            "ваши",
            "ваших",
            "наш",
            "можно",
            "ли",
            "это",
            "этот",
            "есть",
            "быть",
            "не",
            "да",
            "нет",
            "же",
            "бы",
            "пожалуйста",
            "плиз",
            "нужен",
            "нужна",
            "нужно",
            "очень",
            "также",
            "там",
            "тут",
        ],
        Lang::Uk => &[
            "і",
            "й",
            "та",
            "або",
            "але",
            "а",
            "в",
            "у",
            "на",
            "з",
            "із",
            "зі",
            "до",
            "для",
            "про",
            "від",
            "по",
            "при",
            "за",
            "як",
            "що",
            "хто",
            "де",
            "коли",
            "який",
            "яка",
            "які",
            "куди",
            "я",
            "ти",
            "він",
            "вона",
            "ми",
            "ви",
            "вони",
            "мій",
            "моя",
            "мої",
            "мою",
            "мені",
            "мене",
            "нам",
            "нас",
            "вас",
            "вам",
            "ваш",
            "наш",
            "можна",
            "чи",
            "це",
            "цей",
            "є",
            "бути",
            "не",
            "так",
            "ні",
            "же",
            "б",
            "будь",
            "ласка",
            "потрібно",
            "треба",
            "дуже",
            "там",
            "тут",
        ],
        Lang::Ar => &[
            // The article, where it stands apart (a transliteration's
            // "el", "al").
            "ال",
            "في",
            "من",
            "إلى",
            "على",
            "عن",
            "مع",
            "و",
            "أو",
            "ثم",
            "هل",
            "كيف",
            "ما",
            "ماذا",
            "متى",
            "لماذا",
            "أين",
            "وين",
            "شو",
            "مين",
            "أنا",
            "انا",
            "أنت",
            "نحن",
            "هو",
            "هي",
            "هم",
            "لي",
            "لك",
            "لكم",
            "عندي",
            "هذا",
            "هذه",
            "ذلك",
            "التي",
            "الذي",
            "أن",
            "إن",
            "لا",
            "نعم",
            "كان",
            "بدي",
            "بدنا",
            "عم",
            "تبع",
            "تبعي",
            "ممكن",
            "يا",
            "لو",
            "حتى",
        ],
        Lang::Fa => &[
            "و",
            "یا",
            "اما",
            "در",
            "به",
            "از",
            "با",
            "برای",
            "تا",
            "که",
            "را",
            "چطور",
            "چطوری",
            "چگونه",
            "چه",
            "چی",
            "کجا",
            "کی",
            "چرا",
            "من",
            "تو",
            "ما",
            "شما",
            "او",
            "آنها",
            "این",
            "آن",
            "است",
            "هست",
            "هستم",
            "هستند",
            "بود",
            "باید",
            "می",
            "میخواهم",
            "کنم",
            "کنید",
            "کند",
            "میکنید",
            "میکند",
            "میکنه",
            "شوم",
            "برم",
            "لطفا",
            "لطفاً",
            "سلام",
            "هم",
            "نه",
            "آیا",
            "تان",
            "را",
        ],
        Lang::Ps => &[
            "او",
            "یا",
            "خو",
            "په",
            "د",
            "له",
            "سره",
            "ته",
            "کې",
            "څنګه",
            "چېرته",
            "څوک",
            "څه",
            "ولې",
            "کله",
            "زه",
            "ته",
            "موږ",
            "تاسو",
            "هغه",
            "زما",
            "ستاسو",
            "زموږ",
            "دا",
            "دی",
            "ده",
            "دي",
            "وي",
            "شم",
            "کړم",
            "وکړم",
            "کولی",
            "غواړم",
            "لپاره",
            "شي",
            "نه",
            "هو",
            "کوي",
            "لاړ",
            "وروره",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs an analyzer over `text`: (word position, term) pairs. Positions
    /// count the words of [`text::words`], so the terms of different languages'
    /// analyzers for the same query line up; the parts of a compound share the
    /// position of the whole word and follow it.
    fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
        let mut stream = analyzer.token_stream(text);
        let mut terms = Vec::new();
        while stream.advance() {
            let token = stream.token();
            terms.push((token.position, token.text.clone()));
        }
        terms
    }

    fn build(lang: Option<Lang>) -> TextAnalyzer {
        let compounds = Compounds::new(["Anerkennung Diplom Ingenieur Tagung Behörden Bescheid"]);
        super::build(lang, &Arc::new(compounds))
    }

    fn terms(lang: Option<Lang>, text: &str) -> Vec<String> {
        analyze(&mut build(lang), text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn stems_and_stops() {
        assert_eq!(
            terms(Some(Lang::De), "die Anerkennung"),
            terms(Some(Lang::De), "ANERKENNUNGEN")
        );
        assert_eq!(
            terms(Some(Lang::En), "How do I get my degree recognised"),
            vec!["degre", "recognis"]
        );
        assert_eq!(
            terms(Some(Lang::Pl), "kwalifikacji"),
            terms(Some(Lang::Pl), "kwalifikacja")
        );
        assert_eq!(
            terms(Some(Lang::Uk), "кваліфікації"),
            terms(Some(Lang::Uk), "кваліфікація")
        );
        assert_eq!(terms(Some(Lang::Fa), "دوره‌های"), terms(Some(Lang::Fa), "دوره"));
    }

    #[test]
    fn arabic_prefixes_go_before_the_stemmer() {
        let plain = terms(Some(Lang::Ar), "شهادة");
        for attached in ["والشهادة", "بالشهادة", "للشهادة", "الشهادة", "وشهادة"] {
            assert_eq!(terms(Some(Lang::Ar), attached), plain, "{attached}");
        }
        // A root that starts with one of the letters keeps it.
        assert_eq!(strip_arabic_prefixes("بحث"), "بحث");
    }

    #[test]
    fn german_compounds_split_against_known_words() {
        let with_parts = |word: &str| terms(Some(Lang::De), word);
        // Both parts known; a linking "s" dropped.
        assert_eq!(
            with_parts("Anerkennungsbescheid"),
            [
                with_parts("Anerkennungsbescheid")[0].clone(),
                with_parts("Anerkennung")[0].clone(),
                with_parts("Bescheid")[0].clone()
            ]
        );
        // One part known is enough for it to be found.
        assert!(with_parts("Pflegediplom").contains(&with_parts("Diplom")[0]));
        assert!(with_parts("Ingenieurdiplom").contains(&with_parts("Ingenieur")[0]));
        assert!(with_parts("Behördentagung").contains(&with_parts("Tagung")[0]));
        // No known part of five letters or more: no split, so that
        // "Sprachkurs" or "Kindergeld" do not turn into other words.
        assert_eq!(with_parts("Kindergeld").len(), 1);
        assert_eq!(with_parts("Diplom").len(), 1);
    }

    /// The words a snapshot keeps ([`Compounds::words`]) make the same set
    /// again, and are normalised already (normalising them anew changes
    /// none): a kept start splits compounds as the build did. And a
    /// reload's set ([`Compounds::copy`], [`Compounds::add`]) holds the old
    /// words and the new.
    #[test]
    fn compound_words_make_the_same_set_again() {
        let knowledge = crate::knowledge::load(&crate::knowledge::default_dir()).knowledge;
        let words = knowledge.german_words().unwrap();
        let compounds = Compounds::new(words.iter().map(AsRef::as_ref));
        assert!(compounds.words.len() > 500, "{}", compounds.words.len());
        let kept = compounds.words().into_iter().map(String::from);
        assert_eq!(Compounds::of(kept).words, compounds.words);
        assert_eq!(Compounds::new(compounds.words()).words, compounds.words);
        let mut more = compounds.copy();
        more.add("Pflegediplom Überraschungsei");
        assert!(compounds.words.is_subset(&more.words));
        assert!(more.words.contains("pflegediplom"));
        assert_ne!(more.id, compounds.id);
    }

    #[test]
    fn positions_line_up_across_languages() {
        let de = analyze(&mut build(Some(Lang::De)), "who is Kotsina");
        let en = analyze(&mut build(Some(Lang::En)), "who is Kotsina");
        assert_eq!(de.last().map(|t| t.0), Some(2));
        assert_eq!(en, vec![(2, "kotsina".to_string())]);
    }

    /// Guards the word memory of indexing analyzers: a text analysed
    /// again by the same analyzer (its words remembered) gives the terms
    /// and positions of the first time, and those of a query's analyzer
    /// over the normalised words; stop words and compound parts included.
    #[test]
    fn remembered_words_give_the_same_terms() {
        let compounds = Arc::new(Compounds::new(["Anerkennung Diplom Bescheid"]));
        // Words and terms both short and long (kept in place and on the heap).
        let text = "Die Anerkennungsbescheide der Behörde, die ANERKENNUNGSBESCHEIDE! Pflegediplom und Diplom; \
                    Berufsanerkennungsverfahrensbescheide; \
                    подтверждение диплома в Германии, الشهادة والشهادة، recunoașterea diplomei";
        let words = text::words(text, None);
        for lang in Lang::ALL.into_iter().map(Some).chain([None]) {
            let mut indexing = super::build(lang, &compounds);
            let first = analyze(&mut indexing, text);
            assert_eq!(analyze(&mut indexing, text), first, "{lang:?}");
            let query = WordAnalyzer::new(lang, &compounds).terms(words.iter().map(String::as_str));
            assert_eq!(query, first, "{lang:?}");
        }
        let de = analyze(&mut super::build(Some(Lang::De), &compounds), text);
        // "Die" is a stop word: the first term is the compound, at 1, with its parts.
        assert_eq!(de.iter().filter(|(p, _)| *p == 1).count(), 3, "{de:?}");
        // What this thread remembered is of those compounds only: with
        // others, "Pflegediplom" is no compound (with them, it is whole
        // and its two parts).
        let others = Arc::new(Compounds::new(["Anerkennung Bescheid"]));
        let pflege = |compounds| analyze(&mut super::build(Some(Lang::De), compounds), "Pflegediplom");
        assert_eq!(pflege(&compounds).len(), 3);
        assert_eq!(pflege(&others).len(), 1);
        assert_eq!(pflege(&compounds).len(), 3);
    }
}
