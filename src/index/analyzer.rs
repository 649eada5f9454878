//! The named text analyzers: one per language, and one language-neutral.
//!
//! Each analyzer runs [`crate::text::words`] (normalisation and word
//! splitting), drops the language's function words, and reduces words to a
//! stem: tantivy's Snowball stemmer where one exists for the language, and
//! otherwise truncation to the first six letters, a simple stemmer that
//! works well for Polish, Ukrainian and Kurmanji. Analyzers are registered
//! under their names once, and the schema's fields refer to them.

use tantivy::tokenizer::{Language, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::lang::Lang;
use crate::text;

/// Words longer than this many characters are cut to it where a language
/// has no Snowball stemmer.
const TRUNCATE_AT: usize = 6;

/// The name of a language's analyzer, as fields refer to it.
pub fn name(lang: Lang) -> String {
    format!("lotse_{}", lang.code())
}

/// The analyzer of ids, numbers, names and addresses: normalisation only.
pub const NEUTRAL: &str = "lotse_neutral";

/// Builds the analyzer of `lang`, or the neutral one for `None`.
pub fn build(lang: Option<Lang>) -> TextAnalyzer {
    let tokenizer = WordTokenizer::new(lang);
    match lang.and_then(snowball) {
        Some(language) => TextAnalyzer::builder(tokenizer).filter(Stemmer::new(language)).build(),
        None => TextAnalyzer::builder(tokenizer).build(),
    }
}

/// Runs an analyzer over `text`: (word position, term) pairs. Positions
/// count the words of [`text::words`], so the terms of different languages'
/// analyzers for the same query line up.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        let token = stream.token();
        terms.push((token.position, token.text.clone()));
    }
    terms
}

fn snowball(lang: Lang) -> Option<Language> {
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

/// Splits and normalises with [`text::words`], drops stop words and, for
/// languages without a Snowball stemmer, truncates long words.
#[derive(Clone)]
struct WordTokenizer {
    lang: Option<Lang>,
    /// Shared: analyzers are cloned for every query.
    stop_words: std::sync::Arc<[String]>,
    truncate: bool,
}

impl WordTokenizer {
    fn new(lang: Option<Lang>) -> WordTokenizer {
        let mut stop_words: Vec<String> = lang
            .map(stop_words)
            .unwrap_or_default()
            .iter()
            .flat_map(|w| text::words(w, lang))
            .collect();
        stop_words.sort();
        stop_words.dedup();
        let truncate = matches!(lang, Some(Lang::Pl | Lang::Uk | Lang::Kmr));
        WordTokenizer {
            lang,
            stop_words: stop_words.into(),
            truncate,
        }
    }
}

struct WordStream {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        let tokens: Vec<Token> = text::words(text, self.lang)
            .into_iter()
            .enumerate()
            .filter(|(_, w)| self.stop_words.binary_search(w).is_err())
            .map(|(position, mut word)| {
                if self.truncate
                    && let Some((cut, _)) = word.char_indices().nth(TRUNCATE_AT)
                {
                    word.truncate(cut);
                }
                Token {
                    position,
                    text: word,
                    ..Token::default()
                }
            })
            .collect();
        WordStream {
            tokens: tokens.into_iter(),
            current: Token::default(),
        }
    }
}

impl TokenStream for WordStream {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.current = token;
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

/// Function words that say nothing about what a reader looks for. Kept short
/// on purpose: a word that might carry meaning stays searchable.
fn stop_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &[
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "in",
            "im", "an", "am", "auf", "zu", "zum", "zur", "von", "vom", "mit", "für", "ist", "sind", "wie", "was",
            "wer", "wo", "ich", "mein", "meine", "kann", "man", "es", "sich", "bei", "nach", "aus", "auch", "nicht",
        ],
        Lang::En => &[
            "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "is", "are", "how",
            "what", "who", "where", "do", "does", "i", "my", "me", "can", "get", "about", "from", "it", "be",
        ],
        Lang::Fr => &[
            "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "en", "au", "aux", "à", "pour",
            "avec", "par", "sur", "est", "comment", "qui", "que", "quoi", "où", "je", "j", "mon", "ma", "mes", "puis",
            "peux", "faire",
        ],
        Lang::Ro => &[
            "și", "sau", "de", "la", "în", "pe", "cu", "pentru", "din", "un", "o", "ce", "cum", "cine", "unde", "eu",
            "meu", "mea", "mele", "pot", "este", "sunt", "a", "al", "ale",
        ],
        Lang::Pl => &[
            "i", "lub", "w", "we", "na", "z", "ze", "do", "dla", "o", "od", "jak", "co", "kto", "gdzie", "czy", "jest",
            "są", "mój", "moja", "moje", "mogę", "się", "to",
        ],
        Lang::Tr => &[
            "ve", "veya", "ile", "bir", "bu", "şu", "için", "mi", "mı", "mu", "mü", "ne", "nasıl", "kim", "nerede",
            "ben", "benim", "de", "da",
        ],
        Lang::Kmr => &[
            "û", "an", "ji", "bi", "li", "di", "de", "ku", "ez", "min", "çawa", "çi", "kî", "ka", "ya", "yê", "yên",
            "jî",
        ],
        Lang::Ru => &[
            "и",
            "или",
            "в",
            "во",
            "на",
            "с",
            "со",
            "к",
            "по",
            "для",
            "о",
            "об",
            "от",
            "из",
            "как",
            "что",
            "кто",
            "где",
            "я",
            "мой",
            "моя",
            "мои",
            "мне",
            "можно",
            "ли",
            "это",
        ],
        Lang::Uk => &[
            "і",
            "й",
            "та",
            "або",
            "в",
            "у",
            "на",
            "з",
            "із",
            "до",
            "для",
            "про",
            "від",
            "як",
            "що",
            "хто",
            "де",
            "я",
            "мій",
            "моя",
            "мої",
            "мені",
            "можна",
            "чи",
            "це",
        ],
        Lang::Ar => &[
            "في", "من", "إلى", "على", "عن", "مع", "و", "أو", "هل", "كيف", "ما", "ماذا", "من", "أين", "أنا", "لي",
            "هذا", "هذه",
        ],
        Lang::Fa => &[
            "و",
            "یا",
            "در",
            "به",
            "از",
            "با",
            "برای",
            "که",
            "را",
            "چطور",
            "چگونه",
            "چه",
            "کجا",
            "کی",
            "من",
            "این",
            "آن",
            "است",
        ],
        Lang::Ps => &[
            "او",
            "یا",
            "په",
            "د",
            "له",
            "سره",
            "ته",
            "څنګه",
            "چېرته",
            "څوک",
            "زه",
            "زما",
            "دا",
            "دی",
            "ده",
            "کې",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(terms(Some(Lang::Pl), "kwalifikacji"), vec!["kwalif"]);
    }

    #[test]
    fn positions_line_up_across_languages() {
        let de = analyze(&mut build(Some(Lang::De)), "who is Kotsina");
        let en = analyze(&mut build(Some(Lang::En)), "who is Kotsina");
        assert_eq!(de.last().map(|t| t.0), Some(2));
        assert_eq!(en, vec![(2, "kotsina".to_string())]);
    }
}
