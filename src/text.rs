//! Normalising text into the words search compares.
//!
//! Readers type the same word many ways: with or without diacritics, with
//! the Arabic or the Persian form of yeh and kaf, with a zero-width
//! non-joiner or without, `Straße` or `Strasse`. Both the indexed text and
//! the query go through [`words`], so these variants meet. This module knows
//! nothing of tantivy; `src/index/` wraps it in a tokenizer.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use crate::lang::{Lang, Script};

/// The longest word kept, in characters; longer runs are cut.
const MAX_WORD_CHARS: usize = 40;

/// Splits `text` into normalised words, for the language `lang` (or for no
/// language in particular, as the language-neutral fields use).
///
/// Normalisation: NFKC; lower case; Latin letters lose their diacritics
/// (`ß` becomes `ss`; for German, `ae`, `oe`, `ue` become the plain vowel as
/// `ä`, `ö`, `ü` do;
/// Turkish dotless `ı` becomes `i`); Arabic-script letters are unified
/// (yeh and kaf forms, alef with hamza or madda, teh marbuta, tatweel,
/// harakat, zero-width non-joiner) and Eastern Arabic digits become ASCII;
/// Cyrillic `ё` becomes `е` but Cyrillic is never folded to Latin, except
/// that a word mostly in one of the two scripts has its few look-alike
/// letters of the other folded to its own (`конференцiю` with a Latin `i`).
/// Words are runs of letters and digits, but not single letters; an
/// apostrophe joins a Cyrillic word (`м'ясо`) and splits a Latin one
/// (`l'équivalence`).
pub fn words(text: &str, lang: Option<Lang>) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, lang, &mut |word| out.push(word.to_string()));
    out
}

/// Calls `f` with each word of `text`, as [`words`] gives them, all in one
/// buffer: what indexing a large folder's millions of words takes, with
/// no allocation per word.
pub fn for_each_word(text: &str, lang: Option<Lang>, f: &mut dyn FnMut(&str)) {
    // Most text is in NFKC already, which a quick check tells without
    // composing anything. Most letters are starters that NFKC keeps and
    // need no look-up in its tables: leaving them out can only make the
    // check say "no" or "maybe" where the whole text would pass (without
    // a starter between them, two runs of marks become one, which may be
    // out of order), never "yes" where it would not.
    if is_nfkc_quick(text.chars().filter(|&c| !is_stable_starter(c))) == IsNormalized::Yes {
        split(text.chars(), lang, f)
    } else {
        split(text.nfkc(), lang, f)
    }
}

/// The words of `chars`, which are in NFKC, as [`words`] gives them.
fn split(chars: impl Iterator<Item = char>, lang: Option<Lang>, f: &mut dyn FnMut(&str)) {
    let mut word = String::new();
    let mut word_chars = 0;
    let mut last_cyrillic = false;
    let mut flush = |word: &mut String, word_chars: &mut usize| {
        // A lone letter is an initial or an abbreviation's part ("V.i.S.d.P."),
        // which would match everywhere; a lone digit stays.
        let lone_letter = *word_chars == 1 && !word.starts_with(|c: char| c.is_ascii_digit());
        if !word.is_empty() && !lone_letter {
            // Folding returns the same string where there is nothing to
            // fold, so the buffer stays.
            *word = in_lang(fold_homoglyphs(std::mem::take(word)), lang);
            f(word);
        }
        word.clear();
        *word_chars = 0;
    };
    for c in chars {
        if let Some(lower) = plain_letter(c) {
            // The letters of most text, without the look-ups below.
            last_cyrillic = is_cyrillic(c);
            if word_chars < MAX_WORD_CHARS {
                let folded = if is_arabic(lower) { fold_arabic(lower) } else { None };
                word.push(folded.unwrap_or(lower));
                word_chars += 1;
            }
            continue;
        }
        if is_joiner(c) {
            continue;
        }
        if is_apostrophe(c) {
            if !last_cyrillic {
                flush(&mut word, &mut word_chars);
            }
            continue;
        }
        if !c.is_ascii() && is_combining_mark(c) {
            // Diacritics that NFKC could not compose (Arabic harakat, stress
            // marks, the dot of a lower-cased Turkish İ) carry no meaning
            // for search.
            continue;
        }
        if !is_letter(c) && !c.is_numeric() {
            flush(&mut word, &mut word_chars);
            last_cyrillic = false;
            continue;
        }
        last_cyrillic = is_cyrillic(c);
        for lower in c.to_lowercase() {
            if word_chars < MAX_WORD_CHARS {
                word_chars += push_folded(&mut word, lower);
            }
        }
    }
    flush(&mut word, &mut word_chars);
}

/// The lower case of `c` where it is an ASCII letter or digit, a basic
/// Cyrillic letter (а to я) or a basic Arabic letter: one character that
/// no rule of [`push_folded`] but Arabic's own folding changes.
fn plain_letter(c: char) -> Option<char> {
    match c {
        'a'..='z' | '0'..='9' | '\u{0430}'..='\u{044F}' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => Some(c),
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        '\u{0410}'..='\u{042F}' => char::from_u32(c as u32 + 0x20),
        _ => None,
    }
}

/// Whether `c` is a character that NFKC leaves as it is and that is a
/// starter (combining class 0): ASCII, Latin-1's letters (with `×` and
/// `÷`), basic Cyrillic and basic Arabic letters. A test checks each
/// against Unicode's tables.
fn is_stable_starter(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{7F}'
            | '\u{C0}'..='\u{FF}'
            | '\u{0410}'..='\u{044F}'
            | '\u{0621}'..='\u{063A}'
            | '\u{0641}'..='\u{064A}'
    )
}

/// Whether `c` is a letter (`char::is_alphabetic`), answered without
/// Unicode's tables for the letters of Lotse's scripts (ASCII, Latin-1 and
/// Latin Extended, Cyrillic, basic Arabic), which nearly all text is.
pub fn is_letter(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphabetic(),
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}'
        | '\u{400}'..='\u{481}'
        | '\u{48A}'..='\u{52F}'
        | '\u{621}'..='\u{63A}'
        | '\u{641}'..='\u{64A}' => true,
        _ => c.is_alphabetic(),
    }
}

/// The script of the first letter of `text` in a script Lotse knows.
pub fn scripts(text: &str) -> Vec<Script> {
    let mut found = Vec::new();
    for c in text.chars() {
        let script = if c.is_ascii() {
            if !c.is_ascii_alphabetic() {
                continue;
            }
            Script::Latin
        } else if !is_letter(c) {
            continue;
        } else if is_arabic(c) {
            Script::Arabic
        } else if is_cyrillic(c) {
            Script::Cyrillic
        } else if c.is_ascii_alphabetic() || is_latin_extended(c) {
            Script::Latin
        } else {
            continue;
        };
        if !found.contains(&script) {
            found.push(script);
        }
    }
    found
}

/// Normalises a whole query for counting: its words joined by single
/// spaces, so that "Heft  48" and "heft 48" count as one query.
pub fn normalized_query(text: &str) -> String {
    words(text, None).join(" ")
}

/// Appends the folded form of one lower-case character; returns how many
/// characters it added.
fn push_folded(word: &mut String, c: char) -> usize {
    if is_combining_mark(c) {
        // Lower-casing a Turkish İ leaves a combining dot.
        return 0;
    }
    if let Some(mapped) = fold_arabic(c) {
        word.push(mapped);
        return 1;
    }
    if c == 'ё' {
        word.push('е');
        return 1;
    }
    let special = match c {
        'ß' => Some("ss"),
        'ł' => Some("l"),
        'ı' => Some("i"),
        'đ' => Some("d"),
        'ø' => Some("o"),
        'æ' => Some("ae"),
        'œ' => Some("oe"),
        'þ' => Some("th"),
        _ => None,
    };
    if let Some(s) = special {
        word.push_str(s);
        return s.chars().count();
    }
    if is_latin_extended(c) {
        let mut n = 0;
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                word.push(d);
                n += 1;
            }
        });
        return n;
    }
    word.push(c);
    1
}

/// A word of [`words`] for no language as [`words`] gives it for `lang`:
/// only German folds more. So a text is normalised once and each
/// language's analyzer takes the words from there.
pub fn in_lang(word: String, lang: Option<Lang>) -> String {
    if lang == Some(Lang::De) {
        fold_german_digraphs(word)
    } else {
        word
    }
}

/// German writes `ä`, `ö`, `ü` as `ae`, `oe`, `ue` where a keyboard lacks
/// them; both become the plain vowel, as the umlauts already have.
fn fold_german_digraphs(word: String) -> String {
    // A look at each pair of bytes: three substring searches per word
    // cost more than the rest of its normalisation.
    let digraph = |pair: &[u8]| matches!(pair, [b'a' | b'o' | b'u', b'e']);
    if !word.as_bytes().windows(2).any(digraph) {
        return word;
    }
    word.replace("ae", "a").replace("oe", "o").replace("ue", "u")
}

/// Lower-case letters that look alike in Latin and Cyrillic, as keyboards
/// mix them up: a Latin `i` typed inside a Ukrainian word, a Cyrillic `о`
/// inside a German one.
const HOMOGLYPHS: [(char, char); 14] = [
    ('a', 'а'),
    ('b', 'в'),
    ('c', 'с'),
    ('e', 'е'),
    ('h', 'н'),
    ('i', 'і'),
    ('j', 'ј'),
    ('k', 'к'),
    ('m', 'м'),
    ('o', 'о'),
    ('p', 'р'),
    ('t', 'т'),
    ('x', 'х'),
    ('y', 'у'),
];

/// Folds a word mostly in Cyrillic letters with a few Latin look-alikes
/// (or the reverse) to its dominant script, so that "конференцiю" typed
/// with a Latin `i` is the Ukrainian word. A word with as many letters of
/// each script, or with a letter of the other script that has no
/// look-alike, stays as it is.
fn fold_homoglyphs(word: String) -> String {
    if word.is_ascii() {
        return word;
    }
    let (mut cyrillic, mut latin) = (0, 0);
    for c in word.chars() {
        cyrillic += usize::from(is_cyrillic(c));
        latin += usize::from(c.is_ascii_alphabetic());
    }
    if cyrillic == 0 || latin == 0 || cyrillic == latin {
        return word;
    }
    let to_cyrillic = cyrillic > latin;
    let fold = |c: char| {
        HOMOGLYPHS
            .iter()
            .find(|&&(l, k)| if to_cyrillic { l == c } else { k == c })
            .map(|&(l, k)| if to_cyrillic { k } else { l })
    };
    let minority = |c: &char| {
        if to_cyrillic {
            c.is_ascii_alphabetic()
        } else {
            is_cyrillic(*c)
        }
    };
    if word.chars().filter(minority).any(|c| fold(c).is_none()) {
        return word;
    }
    word.chars()
        .map(|c| if minority(&c) { fold(c).unwrap_or(c) } else { c })
        .collect()
}

/// Unifies the Arabic-script letters that readers of Arabic, Persian and
/// Pashto type interchangeably, and maps Eastern Arabic digits to ASCII.
fn fold_arabic(c: char) -> Option<char> {
    Some(match c {
        // Yeh: Arabic yeh, alef maksura, yeh with hamza, Pashto yehs.
        'ي' | 'ى' | 'ئ' | 'ې' | 'ۍ' | 'ێ' => 'ی',
        // Kaf and gaf: Arabic kaf, Pashto kaf/gaf.
        'ك' | 'ڪ' => 'ک',
        'ګ' => 'گ',
        // Alef with hamza or madda, and wasla.
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ؤ' => 'و',
        // Teh marbuta and heh with yeh are read as heh at a word's end.
        'ة' | 'ۀ' | 'ە' => 'ه',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => return None,
    })
}

/// Characters that join or shape but carry no letter: zero-width
/// non-joiner and joiner, soft hyphen, tatweel, and direction marks.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{0640}' | '\u{200E}' | '\u{200F}' | '\u{202A}'
            ..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}')
}

/// Whether `c` belongs to the Arabic script (Arabic, Persian, Pashto).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

fn is_latin_extended(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the quick check's shortcut: every character it leaves out
    /// is one NFKC keeps and a starter, so leaving it out cannot hide text
    /// that needs normalising.
    #[test]
    fn the_letters_the_quick_check_leaves_out_are_stable_starters() {
        let left_out: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_stable_starter(c))
            .collect();
        assert_eq!(left_out.len(), 0x80 + 0x40 + 0x40 + 26 + 10);
        for c in left_out {
            assert_eq!(
                is_nfkc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "{c:?} U+{:04X}",
                c as u32
            );
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(std::iter::once(c).nfkc().collect::<String>(), c.to_string(), "{c:?}");
        }
        // Text that is not in NFKC is still normalised, wherever the
        // letters left out stand.
        check("ﬁnanzierung", None, &["finanzierung"]);
        check("Schu\u{308}ler", None, &["schuler"]);
        check("e\u{301}\u{327}a", None, &["ea"]);
        check("ﻣﺮﺣﺒﺎ", None, &["مرحبا"]);
    }

    fn check(text: &str, lang: Option<Lang>, expected: &[&str]) {
        assert_eq!(words(text, lang), expected, "words of {text:?}");
    }

    #[test]
    fn latin_folding() {
        check("Straße", None, &["strasse"]);
        check("ANERKENNUNG", None, &["anerkennung"]);
        check("Öffnung Oeffnung", Some(Lang::De), &["offnung", "offnung"]);
        check("Öffnung", None, &["offnung"]);
        check("İletişim IŞIK", Some(Lang::Tr), &["iletisim", "isik"]);
        check(
            "recunoașterea recunoaşterea",
            Some(Lang::Ro),
            &["recunoasterea", "recunoasterea"],
        );
        check("Łódź", Some(Lang::Pl), &["lodz"]);
        check("têkilî", Some(Lang::Kmr), &["tekili"]);
        check("l'équivalence", Some(Lang::Fr), &["equivalence"]);
        check("V.i.S.d.P. 5", None, &["5"]);
    }

    #[test]
    fn arabic_script_folding() {
        // Arabic yeh and kaf against their Persian forms.
        assert_eq!(words("كيف", None), words("کیف", None));
        // Zero-width non-joiner joins, harakat go.
        check("می\u{200C}خواهم", Some(Lang::Fa), &["میخواهم"]);
        assert_eq!(words("مُعَادَلَة", None), words("معادله", None));
        check("۴۸ ٤٨", None, &["48", "48"]);
    }

    #[test]
    fn cyrillic_stays_cyrillic() {
        check("Подтверждение ДИПЛОМА", Some(Lang::Ru), &["подтверждение", "диплома"]);
        check("ёлка", None, &["елка"]);
        check("м'ясо й", Some(Lang::Uk), &["мясо"]);
    }

    /// Regression: a Latin `i` inside a Ukrainian word ("конференцiю") made
    /// a word no entry has, and the typo path could not mend it.
    #[test]
    fn look_alike_letters_fold_to_the_words_script() {
        assert_eq!(words("конференц\u{69}ю", None), words("конференц\u{456}ю", None));
        // A Cyrillic е and В inside German words.
        check(
            "Anerkennung d\u{0435}r \u{0412}erufe",
            None,
            &["anerkennung", "der", "berufe"],
        );
        check("\u{410}nerkennung", None, &["anerkennung"]);
        // Mixed words without a majority, or with a letter that has no
        // look-alike, stay as typed.
        check("abвг", None, &["abвг"]);
        check("конференцqю", None, &["конференцqю"]);
    }

    #[test]
    fn splits_on_everything_else() {
        check("title:( \"unclosed AND OR", None, &["title", "unclosed", "and", "or"]);
        check(
            "Maria.Kotsina@dgb-bildungswerk.de",
            None,
            &["maria", "kotsina", "dgb", "bildungswerk", "de"],
        );
        check("\u{202E}abc\u{202C} 🙂 ...", None, &["abc"]);
        check("", None, &[]);
    }

    #[test]
    fn finds_scripts() {
        assert_eq!(scripts("Heft 48"), vec![Script::Latin]);
        assert_eq!(scripts("контакт Kotsina"), vec![Script::Cyrillic, Script::Latin]);
        assert_eq!(scripts("اړیکه"), vec![Script::Arabic]);
        assert!(scripts("40476").is_empty());
    }

    /// The quick answers of `is_letter` are Unicode's.
    #[test]
    fn letters_are_what_unicode_says() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        }
    }

    /// The quick path for plain letters changes nothing: each such letter
    /// is what the full path makes of it.
    #[test]
    fn plain_letters_are_what_the_full_path_makes_of_them() {
        let mut plain = 0;
        for c in (0..0x2000).filter_map(char::from_u32) {
            let Some(lower) = plain_letter(c) else {
                continue;
            };
            plain += 1;
            assert!(
                c.is_alphanumeric() && !is_joiner(c) && !is_apostrophe(c) && !is_combining_mark(c),
                "{c:?}"
            );
            assert_eq!(c.to_lowercase().collect::<Vec<_>>(), [lower], "{c:?}");
            let mut folded = String::new();
            assert_eq!(push_folded(&mut folded, lower), 1, "{c:?}");
            assert_eq!(folded, fold_arabic(lower).unwrap_or(lower).to_string(), "{c:?}");
        }
        assert_eq!(plain, 26 * 2 + 10 + 64 + 26 + 10);
        // Text not in NFKC takes the full path.
        check("ﬁle Ｆｉｌｅ", None, &["file", "file"]);
    }
}
