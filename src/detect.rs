//! Which language is this query in, and which languages could it be in?
//!
//! Short queries are hard for any statistical detector, and people type
//! their language in Latin letters, quote German terms in their own
//! sentences and use Arabic keyboards for Persian. So detection weighs
//! several kinds of evidence, each where it is strong:
//!
//! 1. the script of the message decides which languages are plausible at
//!    all (two words in Arabic or Cyrillic letters make the message theirs,
//!    whatever German it quotes);
//! 2. a statistical model (py3langid's naive Bayes over byte n-grams, in
//!    [`langid`]) judges the whole message among that script's languages;
//! 3. letters that only one language uses weigh heavily (Pashto ټ ړ ښ ګ ې,
//!    Ukrainian і ї є ґ, Turkish ı ğ, Polish ą ę ł, ...), and Persian letters
//!    rule Arabic out;
//! 4. the knowledge's own vocabulary: each word a language's texts know
//!    counts;
//! 5. a query in plain Latin letters that fits no Latin language is read as
//!    Arabizi, Finglish or Latin Russian/Ukrainian ([`translit`]);
//! 6. the user's own language settles what is not confidently decided: a
//!    single word, a name, a number.

mod langid;
pub mod translit;

use crate::lang::{Lang, Script};
use crate::text;

/// What detection found out about a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// The language the query is most likely in; `None` where it has no
    /// letters to tell (a number, an e-mail address) or too few.
    pub lang: Option<Lang>,
    /// The languages whose fields should be searched: those of the query's
    /// scripts, or all of them for a query without letters, and `lang`
    /// where it was typed in another script's letters.
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
    /// For each of `langs`, how many of the words of `text` (as
    /// [`text::words`] splits them) occur in its texts or are its stop
    /// words.
    fn known_words(&self, text: &str, langs: &[Lang]) -> Vec<(Lang, usize)>;
}

/// A vocabulary that knows no words, for detection by letters alone.
pub struct NoVocabulary;

impl Vocabulary for NoVocabulary {
    fn known_words(&self, _: &str, langs: &[Lang]) -> Vec<(Lang, usize)> {
        langs.iter().map(|&l| (l, 0)).collect()
    }
}

/// How much letters only one language uses weigh against the model: a
/// German word with "ü" in a French sentence leaves it French.
const LETTER_WEIGHT: f32 = 50.0;
/// How much each word the knowledge knows in a language weighs.
const WORD_WEIGHT: f32 = 2.0;
/// The probability from which the whole query counts as in one language.
const CONFIDENT: f32 = 0.9;

/// Detects the language of `query`; `hint` is the user's own language,
/// where known, which settles a query that could be in several.
pub fn detect(query: &str, hint: Option<Lang>, vocabulary: &dyn Vocabulary) -> Detection {
    let scripts = text::scripts(query);
    let mut plausible: Vec<Lang> = if scripts.is_empty() {
        Lang::ALL.to_vec()
    } else {
        Lang::ALL
            .into_iter()
            .filter(|l| scripts.contains(&l.script()))
            .collect()
    };
    let Some(script) = dominant_script(query) else {
        return Detection {
            lang: None,
            plausible,
            confident: false,
            transliterated: Vec::new(),
        };
    };
    let words = text::words(query, None);
    let Judged {
        judged,
        scores,
        german_known_most,
    } = judge(query, script, &words, vocabulary);
    let romanized = script == Script::Latin && translit::is_romanized(query);
    let roman = if romanized {
        judge_romanized(query, judged[0].0, scores.as_ref(), vocabulary, hint)
    } else {
        None
    };
    let (best, probability) = roman.as_ref().map_or(judged[0], |r| (r.lang, r.probability));
    let confident = evidence_words(query, script) >= 2 && probability >= CONFIDENT;
    // A hint applies to the query's script, and to Latin letters where the
    // user's language can be typed in them.
    let hint = hint.filter(|h| h.script() == script || romanized && translit::LANGS.contains(h));
    let lang = match hint {
        Some(h) if !confident => h,
        // Without the user's language, an open Latin-letter query whose
        // words the German knowledge knows as well as any other is most
        // likely German: people copy terms from German letters and sites.
        None if !confident && roman.is_none() && script == Script::Latin && german_known_most => Lang::De,
        _ => best,
    };
    let mut transliterated: Vec<(Lang, String)> = Vec::new();
    if let Some(r) = roman {
        transliterated.extend(r.candidates.into_iter().map(|c| (r.lang, c)));
    }
    if romanized && !transliterated.iter().any(|(l, _)| *l == lang) {
        transliterated.extend(translit::candidates(query, lang).into_iter().map(|c| (lang, c)));
    }
    if !plausible.contains(&lang) {
        plausible.push(lang);
    }
    Detection {
        lang: Some(lang),
        plausible,
        confident,
        transliterated,
    }
}

/// How many words of the query can speak for its language: words of two
/// letters or more in the message's script, not e-mail addresses or links.
fn evidence_words(query: &str, script: Script) -> usize {
    query
        .split_whitespace()
        .filter(|token| !token.contains(['@', '/']) && !token.trim_end_matches(['.', '?', '!']).contains('.'))
        .filter(|token| {
            let letters = token.chars().filter(|&c| text::is_letter(c)).count();
            letters >= 2 && text::scripts(token).contains(&script)
        })
        .count()
}

/// The languages of `script` with their probability, best first: the
/// model's, weighed by letters only one language uses and by the words the
/// knowledge knows.
/// What [`judge`] found.
struct Judged {
    /// The languages of the script with their probability, best first.
    judged: Vec<(Lang, f32)>,
    /// The model's scores of the query itself.
    scores: Option<langid::Scores>,
    /// Whether the German knowledge knows at least one of the query's
    /// words, and as many as any other language's.
    german_known_most: bool,
}

fn judge(query: &str, script: Script, words: &[String], vocabulary: &dyn Vocabulary) -> Judged {
    let langs: Vec<Lang> = script.langs().collect();
    let mut scores = langid::score(query);
    if script == Script::Arabic && query.contains(['ي', 'ك', 'ى']) {
        // Persian typed on an Arabic keyboard has ي and ك where Persian
        // writes ی and ک; the model knows Persian only with its own forms.
        let persian: String = query
            .chars()
            .map(|c| match c {
                'ي' | 'ى' => 'ی',
                'ك' => 'ک',
                c => c,
            })
            .collect();
        if let (Some(scores), Some(as_persian)) = (scores.as_mut(), langid::score(&persian)) {
            scores.take(&as_persian, &[Lang::Fa, Lang::Ps]);
        }
    }
    let mut judged: Vec<(Lang, f32)> = match &scores {
        Some(scores) => scores.probabilities(&langs),
        None => langs.iter().map(|&l| (l, 1.0)).collect(),
    };
    for (lang, factor) in letters(query, script, words) {
        if let Some(slot) = judged.iter_mut().find(|(l, _)| *l == lang) {
            slot.1 *= factor;
        }
    }
    let known = vocabulary.known_words(query, &langs);
    let most = known.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let german_known_most = most > 0 && known.iter().any(|&(l, n)| l == Lang::De && n == most);
    for (lang, n) in known {
        if let Some(slot) = judged.iter_mut().find(|(l, _)| *l == lang) {
            slot.1 *= WORD_WEIGHT.powi(n as i32 - most as i32);
        }
    }
    let sum: f32 = judged.iter().map(|&(_, p)| p).sum();
    for slot in &mut judged {
        slot.1 /= sum.max(f32::MIN_POSITIVE);
    }
    // Stable: equal probabilities keep Lotse's order of languages.
    judged.sort_by(|a, b| b.1.total_cmp(&a.1));
    Judged {
        judged,
        scores,
        german_known_most,
    }
}

/// What the transliterations of a Latin-letter query say.
#[derive(Debug, Clone)]
struct Romanized {
    /// The language whose own letters explain the query best.
    lang: Lang,
    /// How sure that is, as a probability.
    probability: f32,
    /// The query in that language's letters.
    candidates: Vec<String>,
}

/// Judges a query in plain Latin letters as a transliteration of Arabic,
/// Persian, Pashto, Russian or Ukrainian, when it has Arabizi digits or the
/// best Latin language fits it worse than [`ROMAN_FIT`] of how well that
/// language's own text fits the model. The model then reads each
/// language's rewriting, and the one it fits best (relative to that
/// language's typical fit, and with the words the knowledge knows) wins.
/// A user whose own language is one of these is read that way up to the
/// higher bar [`ROMAN_FIT_HINTED`], and in that language only.
fn judge_romanized(
    query: &str,
    latin: Lang,
    scores: Option<&langid::Scores>,
    vocabulary: &dyn Vocabulary,
    hint: Option<Lang>,
) -> Option<Romanized> {
    const ROMANIZED: [Lang; 5] = [Lang::Ar, Lang::Fa, Lang::Ps, Lang::Ru, Lang::Uk];
    // Fits are per letter of a few words, as `typical_fit` measured them: a
    // long text's repeated n-grams count less (log1p), so it is judged by
    // its beginning.
    let sample = translit::head(query, SAMPLE_BYTES);
    let sampled = (sample.len() < query.len()).then(|| langid::score(sample)).flatten();
    let latin_fit = sampled
        .as_ref()
        .or(scores)
        .map_or(0.0, |s| s.fit(latin) / s.letters().max(1) as f32)
        / typical_fit(latin);
    let arabizi = translit::has_arabizi_digits(query);
    let hinted = hint.filter(|h| ROMANIZED.contains(h));
    let bar = if hinted.is_some() { ROMAN_FIT_HINTED } else { ROMAN_FIT };
    if !arabizi && latin_fit >= bar {
        return None;
    }
    let langs: &[Lang] = match hinted {
        Some(ref h) => std::slice::from_ref(h),
        None if arabizi => &[Lang::Ar],
        None => &ROMANIZED,
    };
    let letters = sample.chars().filter(|&c| text::is_letter(c)).count().max(1) as f32;
    let mut best: Option<(Lang, f32)> = None;
    for &lang in langs {
        if langs.len() == 1 {
            best = Some((lang, 0.0));
            break;
        }
        let fit = translit::candidates(sample, lang)
            .iter()
            .map(|c| {
                let model = langid::score(c).map_or(0.0, |s| s.fit(lang)) / letters / typical_fit(lang);
                // Words of the candidate that the knowledge knows in that
                // language are evidence the model cannot see.
                let words = text::words(c, None).len();
                let known = vocabulary.known_words(c, &[lang]).first().map_or(0, |&(_, n)| n);
                model + KNOWN_CANDIDATE_WORD * known as f32 / words.max(1) as f32
            })
            .fold(f32::NEG_INFINITY, f32::max);
        if best.is_none_or(|(_, f)| fit > f) {
            best = Some((lang, fit));
        }
    }
    let (lang, _) = best?;
    let candidates = translit::candidates(query, lang);
    let probability = if arabizi {
        ARABIZI
    } else {
        1.0 / (1.0 + ((latin_fit - ROMAN_FIT) * ROMAN_SLOPE).exp())
    };
    Some(Romanized {
        lang,
        probability,
        candidates,
    })
}

/// Below this share of its language's typical fit, a Latin-letter query is
/// read as a transliteration; the certainty of that grows with
/// [`ROMAN_SLOPE`] per unit below it. Genuine text, even two misspelt
/// words, mostly stays above (measured on the dev sets and
/// tests/data/detect-own.tsv: transliterations fit their best Latin
/// language at −0.24 to 0.38, Latin queries at 0.15 and more, two thirds of
/// them above 0.5). Only the user's own language lifts the bar to 0.45.
const ROMAN_FIT: f32 = 0.12;
const ROMAN_FIT_HINTED: f32 = 0.45;
const ROMAN_SLOPE: f32 = 4.0;
/// How much of a Latin-letter query the transliteration judgement reads,
/// in bytes: a few words, cut between words.
const SAMPLE_BYTES: usize = 120;
/// How much a transliteration gains, relative to its fit, when all its
/// words are known to the knowledge in its language.
const KNOWN_CANDIDATE_WORD: f32 = 0.3;
/// How sure digits for Arabic letters inside words make a query Arabic.
const ARABIZI: f32 = 0.95;

/// How well genuine text in each language fits the model, in nats per
/// letter above the background (the median over short pieces of Lotse's
/// own interface texts): text in Arabic letters stands out more from the
/// background than text in Latin letters, so fits are compared relative
/// to these.
fn typical_fit(lang: Lang) -> f32 {
    match lang {
        Lang::De => 1.92,
        Lang::En => 1.59,
        Lang::Ar => 5.54,
        Lang::Fa => 4.87,
        Lang::Ps => 5.46,
        Lang::Tr => 1.71,
        Lang::Kmr => 2.42,
        Lang::Ru => 4.20,
        Lang::Uk => 4.23,
        Lang::Pl => 2.21,
        Lang::Ro => 2.12,
        Lang::Fr => 1.62,
    }
}

/// The script of the query's message. People quote German terms, names
/// and titles in a sentence of their own language far more often than the
/// other way round, so two words in Arabic or Cyrillic letters make the
/// message theirs; otherwise the script with the most letters wins.
fn dominant_script(query: &str) -> Option<Script> {
    // (script, letters, words)
    let mut counts = [(Script::Latin, 0, 0), (Script::Arabic, 0, 0), (Script::Cyrillic, 0, 0)];
    for word in query.split(|c: char| !text::is_letter(c)).filter(|w| !w.is_empty()) {
        let letters = word.chars().count();
        for script in text::scripts(word) {
            if let Some(slot) = counts.iter_mut().find(|(s, _, _)| *s == script) {
                slot.1 += letters;
                slot.2 += usize::from(letters >= 2);
            }
        }
    }
    let own = counts
        .iter()
        .filter(|(s, _, words)| *s != Script::Latin && *words >= 2)
        .max_by_key(|(_, letters, _)| *letters);
    if let Some((script, _, _)) = own {
        return Some(*script);
    }
    counts
        .into_iter()
        .filter(|(_, n, _)| *n > 0)
        .max_by_key(|(_, n, _)| *n)
        .map(|(s, _, _)| s)
}

/// Letters that tell languages of `script` apart, as factors on their
/// probability.
fn letters(query: &str, script: Script, words: &[String]) -> Vec<(Lang, f32)> {
    let lower = query.to_lowercase();
    let has = |letters: &str| lower.chars().any(|c| letters.contains(c));
    let mut factors = Vec::new();
    if script == Script::Arabic && has("پچژگیکۀ") {
        // Letters of Persian and Pashto keyboards that Arabic does not use.
        factors.push((Lang::Ar, 1.0 / LETTER_WEIGHT));
    }
    if let Some(lang) = by_letters(&lower, script, words) {
        factors.push((lang, LETTER_WEIGHT));
    }
    factors
}

/// Step 2: letters only one language of the script uses.
/// `lower` is the query in lower case, `words` its words.
fn by_letters(lower: &str, script: Script, words: &[String]) -> Option<Lang> {
    let has = |letters: &str| lower.chars().any(|c| letters.contains(c));
    match script {
        Script::Arabic => {
            if has("ټډړږښګڼېۍځڅ") {
                Some(Lang::Ps)
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
            let kurmanji = has("ê") && has("şçîû") || kurmanji_words(words) > 0;
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
        fn known_words(&self, text: &str, langs: &[Lang]) -> Vec<(Lang, usize)> {
            let words = text::words(text, None).len();
            langs
                .iter()
                .map(|&l| (l, if l == self.0 { words } else { 0 }))
                .collect()
        }
    }

    #[test]
    fn the_knowledge_knows_its_words() {
        assert_eq!(detect("Heft 48", None, &Knows(Lang::De)).lang, Some(Lang::De));
    }
}
