//! Which language is this query in, and which languages could it be in?
//!
//! Short queries are hard for any statistical detector, and whatlang knows
//! neither Pashto nor Kurmanji. So detection goes in steps, each deciding
//! only what it can:
//!
//! 1. the script decides which languages are plausible at all;
//! 2. letters that only one language uses decide next (Pashto ټ ړ ښ ګ ې,
//!    Ukrainian і ї є ґ, Turkish ı ğ, Polish ą ę ł, ...);
//! 3. the knowledge's own vocabulary: the language whose texts contain the
//!    most of the query's words (and whose stop words it uses);
//! 4. whatlang, limited to the languages still in question;
//! 5. the user's own language settles what is still open.

use whatlang::{Detector, Lang as Wl};

use crate::lang::{Lang, Script};
use crate::text;

/// What detection found out about a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// The language the query is most likely in; `None` where it has no
    /// letters to tell (a number, an e-mail address) or too few.
    pub lang: Option<Lang>,
    /// The languages whose fields should be searched: those of the query's
    /// scripts, or all of them for a query without letters.
    pub plausible: Vec<Lang>,
    /// Whether the whole query is confidently in `lang`: enough of its
    /// words are that language's, not a name, a number or a word that
    /// several languages share. An answer may switch to `lang` only then.
    pub confident: bool,
    /// The query rewritten into a language's own script (or letters), where
    /// it was typed in Latin letters: Arabizi, Persian, Pashto, Russian or
    /// Ukrainian in Latin letters, Turkish without its letters. Searched at
    /// a reduced weight beside the query itself.
    pub transliterated: Vec<(Lang, String)>,
}

/// What the knowledge knows of words, per language.
pub trait Vocabulary {
    /// For each of `langs`, how many of `words` (normalised by
    /// [`text::words`]) occur in its texts or are its stop words.
    fn known_words(&self, words: &[String], langs: &[Lang]) -> Vec<(Lang, usize)>;
}

/// A vocabulary that knows no words, for detection by letters alone.
pub struct NoVocabulary;

impl Vocabulary for NoVocabulary {
    fn known_words(&self, _: &[String], langs: &[Lang]) -> Vec<(Lang, usize)> {
        langs.iter().map(|&l| (l, 0)).collect()
    }
}

/// Whatlang's confidence from which it decides alone.
const CONFIDENT: f64 = 0.5;

/// Detects the language of `query`; `hint` is the user's own language,
/// where known, which settles a query that could be in several.
pub fn detect(query: &str, hint: Option<Lang>, vocabulary: &dyn Vocabulary) -> Detection {
    let scripts = text::scripts(query);
    let plausible: Vec<Lang> = if scripts.is_empty() {
        Lang::ALL.to_vec()
    } else {
        Lang::ALL
            .into_iter()
            .filter(|l| scripts.contains(&l.script()))
            .collect()
    };
    // The script with the most letters decides, so a German name in an
    // Arabic sentence does not make it German.
    let lang = dominant_script(query).and_then(|script| {
        let hint = hint.filter(|h| h.script() == script);
        by_letters(query, script, hint).or_else(|| by_words(query, script, hint, vocabulary))
    });
    Detection {
        lang,
        plausible,
        confident: false,
        transliterated: Vec::new(),
    }
}

fn dominant_script(query: &str) -> Option<Script> {
    let mut counts = [(Script::Latin, 0), (Script::Arabic, 0), (Script::Cyrillic, 0)];
    for c in query.chars() {
        for script in text::scripts(c.encode_utf8(&mut [0; 4])) {
            if let Some(slot) = counts.iter_mut().find(|(s, _)| *s == script) {
                slot.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s)
}

/// Step 2: letters only one language of the script uses.
fn by_letters(query: &str, script: Script, hint: Option<Lang>) -> Option<Lang> {
    let lower = query.to_lowercase();
    let has = |letters: &str| lower.chars().any(|c| letters.contains(c));
    match script {
        Script::Arabic => {
            if has("ټډړږښګڼېۍځڅ") {
                Some(Lang::Ps)
            } else if has("پچژگ") {
                // Persian and Pashto share these; Pashto without its own
                // letters is rarer, so only the user's choice makes it Pashto.
                Some(if hint == Some(Lang::Ps) { Lang::Ps } else { Lang::Fa })
            } else if has("ةيىك") && !has("یک") {
                Some(Lang::Ar)
            } else {
                None
            }
        }
        Script::Cyrillic => {
            if has("іїєґ") {
                Some(Lang::Uk)
            } else if has("ыэъё") {
                Some(Lang::Ru)
            } else {
                None
            }
        }
        Script::Latin => {
            let kurmanji = has("ê") && has("şçîû") || kurmanji_words(&text::words(query, None)) > 0;
            // The combining dot is what lower-casing leaves of a Turkish İ.
            if has("ığ\u{307}") || has("ş") && !kurmanji && !has("ăâțș") {
                Some(Lang::Tr)
            } else if kurmanji && !has("éèàùôœë") {
                Some(Lang::Kmr)
            } else if has("ąćęłńśźż") {
                Some(Lang::Pl)
            } else if has("ăâțș") {
                Some(Lang::Ro)
            } else if has("äöüß") {
                Some(Lang::De)
            } else if has("éèàùâêîôûçœëï") {
                Some(Lang::Fr)
            } else {
                None
            }
        }
    }
}

/// Steps 3 to 5: the knowledge's vocabulary, whatlang, the user's choice.
fn by_words(query: &str, script: Script, hint: Option<Lang>, vocabulary: &dyn Vocabulary) -> Option<Lang> {
    let langs: Vec<Lang> = script.langs().collect();
    let words = text::words(query, None);
    let votes = vocabulary.known_words(&words, &langs);
    let best = votes.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let candidates: Vec<Lang> = if best > 0 {
        votes.iter().filter(|&&(_, n)| n == best).map(|&(l, _)| l).collect()
    } else {
        langs.clone()
    };
    if let [only] = candidates.as_slice() {
        return Some(*only);
    }
    let guess = whatlang_among(query, &candidates);
    match guess {
        Some((lang, confidence)) if confidence >= CONFIDENT => Some(lang),
        // People copy German words from letters: among the languages that
        // know all the words equally, German is the likeliest.
        _ => hint
            .filter(|h| candidates.contains(h))
            .or_else(|| (best > 0 && candidates.contains(&Lang::De)).then_some(Lang::De))
            .or(guess.map(|(l, _)| l))
            .or_else(|| (best > 0).then(|| candidates[0])),
    }
}

/// How many of the query's words are frequent Kurmanji words that the other
/// Latin-script languages do not use (in their folded form).
fn kurmanji_words(words: &[String]) -> usize {
    const FREQUENT: &[&str] = &[
        "tekili",
        "tekiliye",
        "naskirin",
        "naskirina",
        "perwerde",
        "perwerdeya",
        "agahdari",
        "hejmara",
        "telefona",
        "navnisan",
        "bawername",
        "bawernameye",
        "bawernameyen",
        "biyani",
        "ciye",
        "dikarim",
        "dixwazim",
        "heye",
        "nine",
        "cawa",
        "kengi",
        "xebat",
        "xebate",
    ];
    words.iter().filter(|w| FREQUENT.contains(&w.as_str())).count()
}

/// Whatlang's guess among `langs` (those it knows), with its confidence.
fn whatlang_among(query: &str, langs: &[Lang]) -> Option<(Lang, f64)> {
    let allow: Vec<Wl> = langs.iter().filter_map(|&l| to_whatlang(l)).collect();
    if allow.is_empty() {
        return None;
    }
    let info = Detector::with_allowlist(allow).detect(query)?;
    let lang = Lang::ALL.into_iter().find(|&l| to_whatlang(l) == Some(info.lang()))?;
    Some((lang, info.confidence()))
}

fn to_whatlang(lang: Lang) -> Option<Wl> {
    Some(match lang {
        Lang::De => Wl::Deu,
        Lang::En => Wl::Eng,
        Lang::Fr => Wl::Fra,
        Lang::Tr => Wl::Tur,
        Lang::Pl => Wl::Pol,
        Lang::Ro => Wl::Ron,
        Lang::Ru => Wl::Rus,
        Lang::Uk => Wl::Ukr,
        Lang::Ar => Wl::Ara,
        Lang::Fa => Wl::Pes,
        Lang::Ps | Lang::Kmr => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str, hint: Option<Lang>, expected: Option<Lang>) {
        assert_eq!(
            detect(query, hint, &NoVocabulary).lang,
            expected,
            "language of {query:?}"
        );
    }

    #[test]
    fn letters_that_only_one_language_uses() {
        check("اړیکه", None, Some(Lang::Ps));
        check("معلومات الاتصال", None, Some(Lang::Ar));
        check("підтвердження диплому", None, Some(Lang::Uk));
        check("подтверждение диплома", None, Some(Lang::Ru));
        check("yabancı diplomaların tanınması", None, Some(Lang::Tr));
        check("naskirina bawernameyên biyanî", None, Some(Lang::Kmr));
        check("uznawanie zagranicznych kwalifikacji", None, Some(Lang::Pl));
        check("recunoașterea calificărilor", None, Some(Lang::Ro));
    }

    #[test]
    fn no_letters_no_language() {
        check("40476", None, None);
        assert_eq!(detect("40476", None, &NoVocabulary).plausible.len(), 12);
    }

    #[test]
    fn the_users_language_settles_what_is_open() {
        assert_eq!(
            detect("контакт", None, &NoVocabulary).plausible,
            vec![Lang::Ru, Lang::Uk]
        );
        check("контакт", Some(Lang::Uk), Some(Lang::Uk));
        // A hint in another script does not apply.
        assert_ne!(detect("контакт", Some(Lang::Tr), &NoVocabulary).lang, Some(Lang::Tr));
    }

    struct Knows(Lang);

    impl Vocabulary for Knows {
        fn known_words(&self, words: &[String], langs: &[Lang]) -> Vec<(Lang, usize)> {
            langs
                .iter()
                .map(|&l| (l, if l == self.0 { words.len() } else { 0 }))
                .collect()
        }
    }

    #[test]
    fn the_knowledge_knows_its_words() {
        assert_eq!(detect("Heft 48", None, &Knows(Lang::De)).lang, Some(Lang::De));
    }
}
