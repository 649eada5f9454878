//! Text typed in Latin letters, rewritten into a language's own letters.
//!
//! People type Arabic as Arabizi ("mo3adala", with digits for the letters
//! Latin lacks), Persian and Pashto as "Finglish", Russian and Ukrainian in
//! Latin letters, and Turkish without ı ğ ş ç ö ü on a foreign keyboard.
//! [`candidates`] turns such text back into one or two spellings in the
//! language's own script, so that detection can judge them and search can
//! look them up. It is table-driven and guesses: Arabic-script spellings
//! leave short vowels out, which Latin spellings write, so one candidate
//! keeps a medial "a" as alef and one drops it.

use crate::lang::Lang;

/// One spelling rule: Latin letters and what they become at the start of a
/// word, inside it (spelled short and spelled long), and at its end.
struct Rule {
    latin: &'static str,
    initial: &'static str,
    medial: &'static str,
    long: &'static str,
    last: &'static str,
    /// The end of a word, spelled long.
    last_long: &'static str,
}

/// A letter that is written the same wherever it stands.
const fn same(latin: &'static str, native: &'static str) -> Rule {
    Rule {
        latin,
        initial: native,
        medial: native,
        long: native,
        last: native,
        last_long: native,
    }
}

const fn vowel(
    latin: &'static str,
    initial: &'static str,
    medial: &'static str,
    long: &'static str,
    last: &'static str,
) -> Rule {
    Rule {
        latin,
        initial,
        medial,
        long,
        last,
        last_long: last,
    }
}

/// A vowel whose end-of-word spelling also differs between the short and
/// the long candidate.
const fn final_vowel(
    latin: &'static str,
    initial: &'static str,
    medial: &'static str,
    long: &'static str,
    last: [&'static str; 2],
) -> Rule {
    Rule {
        latin,
        initial,
        medial,
        long,
        last: last[0],
        last_long: last[1],
    }
}

/// Arabizi. Longer patterns come first; the digits stand for the letters
/// whose shape they resemble.
const ARABIC: &[Rule] = &[
    same("3'", "غ"),
    same("7'", "خ"),
    same("sh", "ش"),
    same("ch", "ش"),
    same("kh", "خ"),
    same("gh", "غ"),
    same("th", "ث"),
    same("dh", "ذ"),
    vowel("aa", "ا", "ا", "ا", "ا"),
    vowel("ee", "اي", "ي", "ي", "ي"),
    vowel("ii", "اي", "ي", "ي", "ي"),
    vowel("oo", "او", "و", "و", "و"),
    vowel("ou", "او", "و", "و", "و"),
    vowel("ei", "اي", "ي", "ي", "ي"),
    vowel("ai", "اي", "ي", "ي", "ي"),
    vowel("ay", "اي", "ي", "ي", "ي"),
    same("2", "ء"),
    same("3", "ع"),
    same("5", "خ"),
    same("6", "ط"),
    same("7", "ح"),
    same("8", "ق"),
    same("9", "ص"),
    // A feminine noun before another ("madraset el balad") ends in -et
    // spoken and in teh marbuta written; the long candidate keeps the teh
    // of a verb ("katbet").
    Rule {
        latin: "et",
        initial: "ات",
        medial: "ت",
        long: "ت",
        last: "ة",
        last_long: "ت",
    },
    final_vowel("a", "ا", "", "ا", ["ة", "ا"]),
    vowel("e", "ا", "", "", "ة"),
    vowel("i", "ا", "", "ي", "ي"),
    vowel("o", "ا", "", "و", "و"),
    vowel("u", "ا", "و", "و", "و"),
    same("b", "ب"),
    same("p", "ب"),
    same("t", "ت"),
    same("j", "ج"),
    same("g", "ج"),
    same("h", "ه"),
    same("d", "د"),
    same("r", "ر"),
    same("z", "ز"),
    same("s", "س"),
    same("f", "ف"),
    same("v", "ف"),
    same("q", "ق"),
    same("k", "ك"),
    same("c", "ك"),
    same("x", "كس"),
    same("l", "ل"),
    same("m", "م"),
    same("n", "ن"),
    same("w", "و"),
    same("y", "ي"),
];

/// Persian in Latin letters ("Finglish").
const PERSIAN: &[Rule] = &[
    same("kh", "خ"),
    same("gh", "ق"),
    same("sh", "ش"),
    same("ch", "چ"),
    same("zh", "ژ"),
    vowel("aa", "آ", "ا", "ا", "ا"),
    vowel("ee", "ای", "ی", "ی", "ی"),
    vowel("oo", "او", "و", "و", "و"),
    vowel("ou", "او", "و", "و", "و"),
    vowel("ei", "ای", "ی", "ی", "ی"),
    vowel("ey", "ای", "ی", "ی", "ی"),
    vowel("ay", "ای", "ی", "ی", "ی"),
    same("2", "ء"),
    same("3", "ع"),
    vowel("a", "ا", "", "ا", "ا"),
    vowel("e", "ا", "", "", "ه"),
    vowel("i", "ای", "ی", "ی", "ی"),
    vowel("o", "ا", "", "و", "و"),
    vowel("u", "او", "و", "و", "و"),
    same("b", "ب"),
    same("p", "پ"),
    same("t", "ت"),
    same("j", "ج"),
    same("h", "ه"),
    same("d", "د"),
    same("r", "ر"),
    same("z", "ز"),
    same("s", "س"),
    same("f", "ف"),
    same("q", "ق"),
    same("k", "ک"),
    same("c", "ک"),
    same("g", "گ"),
    same("l", "ل"),
    same("m", "م"),
    same("n", "ن"),
    same("v", "و"),
    same("w", "و"),
    same("x", "خ"),
    same("y", "ی"),
];

/// Pashto in Latin letters: where its spelling differs from Persian's
/// (ګ, ښ, څ, ځ, ې, and a final "a" written ه); the rest as [`PERSIAN`].
const PASHTO: &[Rule] = &[
    same("gh", "غ"),
    same("ts", "څ"),
    same("dz", "ځ"),
    vowel("ey", "ای", "ې", "ې", "ې"),
    vowel("a", "ا", "", "ا", "ه"),
    vowel("e", "ا", "ې", "ې", "ې"),
    same("g", "ګ"),
    same("x", "ښ"),
];

/// Russian in Latin letters (the common informal spellings).
const RUSSIAN: &[Rule] = &[
    same("shch", "щ"),
    same("sch", "щ"),
    same("zh", "ж"),
    same("kh", "х"),
    same("ts", "ц"),
    same("tz", "ц"),
    same("ch", "ч"),
    same("sh", "ш"),
    same("ya", "я"),
    same("ja", "я"),
    same("yu", "ю"),
    same("ju", "ю"),
    same("yo", "ё"),
    same("jo", "ё"),
    same("ye", "е"),
    same("je", "е"),
    vowel("yy", "ы", "ый", "ый", "ый"),
    vowel("iy", "ий", "ий", "ий", "ий"),
    vowel("e", "э", "е", "е", "е"),
    vowel("y", "й", "ы", "ы", "ы"),
    same("'", "ь"),
    same("a", "а"),
    same("b", "б"),
    same("v", "в"),
    same("w", "в"),
    same("g", "г"),
    same("d", "д"),
    same("z", "з"),
    same("i", "и"),
    same("j", "й"),
    same("k", "к"),
    same("l", "л"),
    same("m", "м"),
    same("n", "н"),
    same("o", "о"),
    same("p", "п"),
    same("r", "р"),
    same("s", "с"),
    same("t", "т"),
    same("u", "у"),
    same("f", "ф"),
    same("h", "х"),
    same("c", "к"),
    same("x", "кс"),
    same("q", "к"),
];

/// Ukrainian in Latin letters (the official and the informal spellings):
/// where they differ from Russian's; the rest as [`RUSSIAN`].
const UKRAINIAN: &[Rule] = &[
    same("ye", "є"),
    same("je", "є"),
    same("yi", "ї"),
    same("ji", "ї"),
    same("yo", "йо"),
    same("jo", "йо"),
    same("yy", "ий"),
    same("iy", "ій"),
    vowel("y", "й", "и", "и", "и"),
    same("e", "е"),
    same("h", "г"),
    same("i", "і"),
    same("c", "ц"),
];

/// Words whose spelling no letter rule gives: particles written as one
/// letter, and the Arabic article, which joins the next word.
const WORDS: &[(Lang, &str, &str)] = &[
    (Lang::Ar, "w", "و"),
    (Lang::Ar, "wa", "و"),
    (Lang::Ar, "al", "ال"),
    (Lang::Ar, "el", "ال"),
    (Lang::Ar, "il", "ال"),
    (Lang::Fa, "va", "و"),
    (Lang::Ps, "da", "د"),
    (Lang::Ps, "aw", "او"),
];

/// The languages [`candidates`] can write.
pub const LANGS: [Lang; 6] = [Lang::Ar, Lang::Fa, Lang::Ps, Lang::Ru, Lang::Uk, Lang::Tr];

/// Whether `query` is typed in Latin letters that could be a
/// transliteration: it has ASCII letters and no letters of another script
/// or diacritics (which a real Latin-script text would show).
pub fn is_romanized(query: &str) -> bool {
    let mut letters = false;
    for c in query.chars() {
        if c.is_ascii_alphabetic() {
            letters = true;
        } else if crate::text::is_letter(c) {
            return false;
        }
    }
    letters
}

/// Whether `query` has Arabizi: a word that mixes Latin letters with the
/// digits 2, 3, 5, 7 or 9 (for ء ع خ ح ص), as in "mo3adala".
pub fn has_arabizi_digits(query: &str) -> bool {
    query
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .any(|word| {
            word.chars().any(|c| c.is_ascii_alphabetic())
                && word.chars().any(|c| matches!(c, '2' | '3' | '5' | '7' | '9'))
        })
}

/// One or two spellings of `query` in `lang`'s own letters; empty where
/// `lang` is not one [`LANGS`] names or the query is not [`is_romanized`].
pub fn candidates(query: &str, lang: Lang) -> Vec<String> {
    if !is_romanized(query) {
        return Vec::new();
    }
    let query = head(query, MAX_BYTES);
    let rules: &[&[Rule]] = match lang {
        Lang::Ar => &[ARABIC],
        Lang::Fa => &[PERSIAN],
        Lang::Ps => &[PASHTO, PERSIAN],
        Lang::Ru => &[RUSSIAN],
        Lang::Uk => &[UKRAINIAN, RUSSIAN],
        Lang::Tr => return turkish(query).into_iter().collect(),
        _ => return Vec::new(),
    };
    let short = rewrite(query, lang, rules, false);
    let long = rewrite(query, lang, rules, true);
    if short == long { vec![short] } else { vec![short, long] }
}

/// The longest text rewritten, in bytes: a long message is judged and
/// searched by its beginning, which bounds the time any input costs.
const MAX_BYTES: usize = 512;

/// The beginning of `query` up to `max` bytes, cut between words.
pub fn head(query: &str, max: usize) -> &str {
    if query.len() <= max {
        return query;
    }
    let mut end = max;
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &query[..end];
    cut.rfind(char::is_whitespace).map_or(cut, |space| &cut[..space])
}

/// Rewrites each word of `query` by `rules` (layers: at each letter the
/// longest pattern wins, the earlier layer among equals); `long` spells
/// medial vowels out.
fn rewrite(query: &str, lang: Lang, rules: &[&[Rule]], long: bool) -> String {
    let lower = query.to_ascii_lowercase();
    let mut out = String::with_capacity(lower.len() * 2);
    let mut rest = lower.as_str();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .unwrap_or(rest.len());
        if end == 0 {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let word = &rest[..end];
        rest = &rest[end..];
        if let Some((_, _, native)) = WORDS.iter().find(|(l, w, _)| *l == lang && *w == word) {
            // The Arabic article stays a word of its own ("el madrasa" is
            // "ال مدرسة"), so that the candidate has the query's words,
            // one for one, and search can judge them together.
            out.push_str(native);
            continue;
        }
        rewrite_word(word, rules, long, &mut out);
    }
    out
}

fn rewrite_word(word: &str, rules: &[&[Rule]], long: bool, out: &mut String) {
    let cyrillic = rules
        .first()
        .and_then(|layer| layer.first())
        .is_some_and(|r| r.medial.chars().all(is_cyrillic));
    let mut at = 0;
    let mut last_vowel = false;
    while at < word.len() {
        let rest = &word[at..];
        let rule = rules
            .iter()
            .filter_map(|layer| layer.iter().find(|r| rest.starts_with(r.latin)))
            .reduce(|best, r| if r.latin.len() > best.latin.len() { r } else { best });
        let Some(rule) = rule else {
            // A digit or letter no rule knows stays as it is.
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            at += c.len_utf8();
            last_vowel = false;
            continue;
        };
        let end = at + rule.latin.len();
        let native = if at == 0 {
            rule.initial
        } else if end == word.len() {
            if long { rule.last_long } else { rule.last }
        } else if long {
            rule.long
        } else {
            rule.medial
        };
        // In Cyrillic, "y" after a vowel is й, not ы or и.
        if cyrillic && rule.latin == "y" && last_vowel {
            out.push('й');
        } else {
            out.push_str(native);
        }
        last_vowel = rule.latin.chars().all(|c| "aeiou".contains(c));
        at = end;
    }
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// Turkish typed without its letters: vowel harmony brings back ı (an "i"
/// after a back vowel) and ğ (a "g" between vowels). Only where that
/// changes a word; ş, ç, ö and ü are too ambiguous to guess.
fn turkish(query: &str) -> Option<String> {
    let mut out = String::with_capacity(query.len() + 8);
    let mut changed = false;
    for (i, word) in query.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let chars: Vec<char> = word.chars().collect();
        let mut previous_vowel: Option<char> = None;
        for (k, &c) in chars.iter().enumerate() {
            let lower = c.to_ascii_lowercase();
            let mapped = match lower {
                'i' if matches!(previous_vowel, Some('a' | 'o' | 'u' | 'ı')) => 'ı',
                'g' if k > 0 && is_vowel(chars[k - 1]) && chars.get(k + 1).is_some_and(|&n| is_vowel(n)) => 'ğ',
                _ => lower,
            };
            changed |= mapped != lower;
            out.push(if c.is_ascii_uppercase() {
                mapped.to_uppercase().next().unwrap_or(mapped)
            } else {
                mapped
            });
            if is_vowel(mapped) && mapped != 'i' || mapped == 'i' && previous_vowel.is_some() {
                previous_vowel = Some(mapped);
            }
        }
    }
    changed.then_some(out)
}

fn is_vowel(c: char) -> bool {
    "aeiouıAEIOU".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str, lang: Lang, expected: &str) {
        let found = candidates(query, lang);
        assert!(
            found.iter().any(|c| c == expected),
            "{query:?} in {lang:?}: expected {expected:?} among {found:?}"
        );
    }

    #[test]
    fn latin_letters_become_the_languages_own() {
        check(
            "podtverzhdenie diploma v germanii",
            Lang::Ru,
            "подтверждение диплома в германии",
        );
        check(
            "pidtverdzhennya dyplomu v nimechchyni",
            Lang::Uk,
            "підтвердження диплому в німеччині",
        );
        check("almanya", Lang::Ar, "المانيا");
        check("7ob", Lang::Ar, "حب");
        check("madraset", Lang::Ar, "مدرسة");
        check("fi el madrasa", Lang::Ar, "في ال مدرسة");
        check("madrak", Lang::Fa, "مدرک");
        check("khane", Lang::Fa, "خانه");
        check("pa alman ke", Lang::Ps, "په المن کې");
        check(
            "yabanci diplomalarin taninmasi",
            Lang::Tr,
            "yabancı diplomaların tanınması",
        );
        check("egitim", Lang::Tr, "eğitim");
    }

    #[test]
    fn nothing_to_rewrite() {
        assert!(candidates("Anerkennung", Lang::De).is_empty());
        assert!(candidates("контакт", Lang::Ru).is_empty());
        assert!(
            candidates("iletişim", Lang::Tr).is_empty(),
            "already has Turkish letters"
        );
        assert!(candidates("kitap", Lang::Tr).is_empty(), "no back vowel before the i");
    }

    #[test]
    fn long_input_is_cut_between_words() {
        let long = "salam ".repeat(500);
        for lang in LANGS {
            for candidate in candidates(&long, lang) {
                assert!(candidate.chars().count() <= MAX_BYTES, "{lang:?}");
            }
        }
        assert_eq!(head(&"a".repeat(600), MAX_BYTES).len(), MAX_BYTES);
        assert_eq!(head("ab cd ef", 6), "ab cd");
    }

    #[test]
    fn arabizi_digits_are_inside_words() {
        assert!(has_arabizi_digits("mo3adala"));
        assert!(has_arabizi_digits("ra2am el telefon"));
        assert!(!has_arabizi_digits("Heft 48"));
        assert!(!has_arabizi_digits("40476 Düsseldorf"));
    }
}
