//! Language detection over the dev sets, and the misses it once had.
//!
//! `detection_on_the_dev_sets` runs detection over `dev-hard.tsv`,
//! `dev-queries.tsv`, `own-queries.tsv` and `detect-own.tsv` (queries
//! written for detection alone, after the method was built, as a check
//! that it was not fitted to the dev sets) as `lotse ask --lang LANG` runs
//! it (the asker's language as the hint, the shipped knowledge as the
//! vocabulary), prints a table per language, per category and per file,
//! and fails under the floors. It also prints, without failing, how detection does
//! without any hint. The table-driven cases below name the defect each
//! guards against.

use std::collections::BTreeMap;

use lotse::detect::{self, Detection, NoVocabulary};
use lotse::lang::Lang;

use crate::util::{library, root};

/// Floors with the asker's language as the hint, per file.
const MIN_DETECTION: f64 = 0.95;
/// Without a hint, over the rows that do not need one (see `needs_hint`).
const MIN_DETECTION_UNHINTED: f64 = 0.95;

struct Row {
    file: &'static str,
    lang: Lang,
    query: String,
    category: String,
}

fn read(file: &'static str) -> Vec<Row> {
    let data = std::fs::read_to_string(root().join("tests/data").join(file)).unwrap();
    let mut lines = data.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let category = header.iter().position(|&h| h == "category");
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            Row {
                file,
                lang: cells[0].parse().unwrap(),
                query: cells[1].to_string(),
                category: category.and_then(|c| cells.get(c)).unwrap_or(&"-").to_string(),
            }
        })
        .collect()
}

fn rows() -> Vec<Row> {
    let mut rows = read("dev-hard.tsv");
    rows.extend(read("dev-queries.tsv"));
    rows.extend(read("own-queries.tsv"));
    rows.extend(read("detect-own.tsv"));
    rows
}

#[derive(Default)]
struct Tally {
    rows: usize,
    right: usize,
    unhinted: usize,
}

impl Tally {
    fn share(&self) -> f64 {
        self.right as f64 / self.rows.max(1) as f64
    }
}

fn print_table(title: &str, tallies: &BTreeMap<String, Tally>) {
    println!("{title:<12} {:>5} {:>8} {:>9}", "rows", "hinted", "unhinted");
    for (key, t) in tallies {
        println!(
            "{key:<12} {:>5} {:>8.3} {:>9.3}",
            t.rows,
            t.share(),
            t.unhinted as f64 / t.rows.max(1) as f64
        );
    }
}

#[test]
fn detection_on_the_dev_sets() {
    let mut per_lang: BTreeMap<String, Tally> = BTreeMap::new();
    let mut per_category: BTreeMap<String, Tally> = BTreeMap::new();
    let mut per_file: BTreeMap<String, Tally> = BTreeMap::new();
    let mut per_length: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let (mut plain_rows, mut plain_right) = (0, 0);
    for row in rows() {
        let hinted = detect::detect(&row.query, Some(row.lang), library().index());
        let unhinted = detect::detect(&row.query, None, library().index());
        let right = hinted.lang == Some(row.lang);
        let right_unhinted = unhinted.lang == Some(row.lang);
        for (table, key) in [
            (&mut per_lang, row.lang.code().to_string()),
            (&mut per_category, row.category.clone()),
            (&mut per_file, row.file.to_string()),
            (&mut per_length, length(&row.query).to_string()),
        ] {
            let t = table.entry(key).or_default();
            t.rows += 1;
            t.right += usize::from(right);
            t.unhinted += usize::from(right_unhinted);
        }
        if !right {
            misses.push(format!("{} {:?} detected as {:?}", row.lang, row.query, hinted.lang));
        }
        if !needs_hint(&row.query) {
            plain_rows += 1;
            plain_right += usize::from(right_unhinted);
            if !right_unhinted {
                println!(
                    "without hint: {} {:?} detected as {:?}",
                    row.lang, row.query, unhinted.lang
                );
            }
        }
    }
    print_table("language", &per_lang);
    print_table("category", &per_category);
    print_table("file", &per_file);
    print_table("length", &per_length);
    let plain = plain_right as f64 / plain_rows as f64;
    println!("without hint, rows that need none: {plain_right}/{plain_rows} = {plain:.3}");
    for miss in &misses {
        println!("miss: {miss}");
    }
    let weak: Vec<String> = per_file
        .iter()
        .filter(|(_, t)| t.share() < MIN_DETECTION)
        .map(|(file, t)| format!("{file}: {:.3}", t.share()))
        .collect();
    assert!(weak.is_empty(), "detection under {MIN_DETECTION}: {weak:?}");
    assert!(
        plain >= MIN_DETECTION_UNHINTED,
        "detection without hint {plain:.3} < {MIN_DETECTION_UNHINTED}"
    );
}

/// The row's length class: short queries are the hard ones.
fn length(query: &str) -> &'static str {
    match lotse::text::words(query, None).len() {
        0..=1 => "1 word",
        2..=3 => "2-3 words",
        _ => "4+ words",
    }
}

/// Rows no detector can get right without knowing the asker: one word
/// that several languages write alike ("kontakt", "telefon") or a German
/// word asked by someone else. Judged by the row's shape alone.
fn needs_hint(query: &str) -> bool {
    lotse::text::words(query, None).len() <= 1
}

fn check(query: &str, hint: Option<Lang>, expected: Lang, defect: &str) {
    let found = detect::detect(query, hint, library().index());
    assert_eq!(found.lang, Some(expected), "{defect}: {query:?} with hint {hint:?}");
}

#[test]
fn known_misses_stay_fixed() {
    use Lang::*;
    let cases: &[(&str, Option<Lang>, Lang, &str)] = &[
        (
            "Anerkennungsbescheid",
            None,
            De,
            "short German words were taken for Polish",
        ),
        ("Sprachkurs", None, De, "short German words were taken for Polish"),
        ("Deutschkurs", None, De, "short German words were taken for Polish"),
        ("Telefonnumer", None, De, "short German words were taken for Polish"),
        (
            "номер телефону",
            Some(Uk),
            Uk,
            "Ukrainian 'номер телефону' was answered in Russian",
        ),
        ("شماره تلفن دفتر شما چیست", None, Fa, "Persian was taken for Arabic"),
        (
            "مدرك تحصيلي من كجا بايد ارزشيابي كنم",
            None,
            Fa,
            "Persian typed with Arabic ي/ك was taken for Arabic",
        ),
        (
            "Чи можна отримати консультацію щодо Anerkennung мого диплома",
            None,
            Uk,
            "one German word made a Ukrainian sentence German",
        ),
        (
            "زه د خپل سند لپاره Anerkennung غواړم",
            None,
            Ps,
            "one German word made a Pashto sentence Persian",
        ),
        (
            "unde pot să îmi recunosc diploma de asistentă medicală",
            None,
            Ro,
            "Romanian was taken for French",
        ),
        (
            "Ez dixwazim bizanim ka ez dikarim li vir kar bikim",
            None,
            Kmr,
            "Kurmanji was taken for French",
        ),
        (
            "wie lange dauert die Anerkennung meines Abschlusses",
            Some(Fa),
            De,
            "a whole German sentence stays German whatever the hint",
        ),
        ("ana bdi a3ref wen el maktab", None, Ar, "Arabizi was not recognised"),
        (
            "man mikham ba moshaver sohbat konam",
            None,
            Fa,
            "Persian in Latin letters was not recognised",
        ),
        (
            "za ghwaram che pa kabul ke kar wakram",
            None,
            Ps,
            "Pashto in Latin letters was not recognised",
        ),
        (
            "gde mozhno nayti kurs nemetskogo yazyka",
            None,
            Ru,
            "Russian in Latin letters was not recognised",
        ),
        (
            "de mozhna znayty kurs nimetskoyi movy",
            None,
            Uk,
            "Ukrainian in Latin letters was not recognised",
        ),
        (
            "Anerkennung",
            Some(En),
            En,
            "a single German word switched an English asker",
        ),
        (
            "Anerkennung",
            Some(Ru),
            Ru,
            "a single German word switched a Russian asker",
        ),
    ];
    let mut failures = Vec::new();
    for &(query, hint, expected, defect) in cases {
        let found = detect::detect(query, hint, library().index());
        if found.lang != Some(expected) {
            failures.push(format!("{defect}: {query:?} with hint {hint:?} gave {:?}", found.lang));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    check("контакт", Some(Uk), Uk, "the hint settles a word both languages share");
    let long = "How can I get my foreign nursing degree recognised in Germany? ".repeat(40);
    check(
        &long,
        Some(Ru),
        En,
        "a long message is judged by as many letters as the model read",
    );
}

#[test]
fn confident_only_for_a_whole_message_in_one_language() {
    let confident = |query: &str| detect::detect(query, None, &NoVocabulary).confident;
    for query in [
        "Wie kann ich meinen ausländischen Abschluss anerkennen lassen?",
        "How do I get my foreign degree recognised?",
        "Как подтвердить мой иностранный диплом?",
        "چطور می‌توانم مدرک خارجی‌ام را ارزشیابی کنم؟",
        "mo3adalat shahadti fi almanya kif ba3mel",
    ] {
        assert!(confident(query), "{query:?} is a whole sentence in one language");
    }
    for query in [
        "Anerkennung",
        "kontakt",
        "telefon",
        "Maria Kotsina",
        "40476",
        "info@example.org",
        "IQ",
        "",
    ] {
        assert!(!confident(query), "{query:?} is a word, a name or a number");
    }
}

#[test]
fn romanized_queries_get_native_candidates() {
    let cases: &[(&str, Lang, &str)] = &[
        ("mo3adalat shahada fi almanya", Lang::Ar, "في"),
        ("chetor madrakam ro moadel konam", Lang::Fa, "مدرکم"),
        ("pa alman ke da sanad pezhandana", Lang::Ps, "په"),
        ("nostrifikatsiya diploma", Lang::Ru, "диплома"),
        ("yabanci diplomalarin taninmasi", Lang::Tr, "tanınması"),
    ];
    for &(query, lang, word) in cases {
        let Detection { transliterated, .. } = detect::detect(query, Some(lang), &NoVocabulary);
        assert!(
            transliterated
                .iter()
                .any(|(l, text)| *l == lang && text.split(' ').any(|w| w == word)),
            "{query:?}: expected {word:?} in a {lang:?} candidate, got {transliterated:?}"
        );
        assert!(
            transliterated.len() <= 6,
            "{query:?}: few candidates, got {transliterated:?}"
        );
    }
}

/// Prints detection time per dev row (the fastest of 40 rounds, which
/// filters out a busy machine), with the shipped knowledge as vocabulary
/// and without. A measurement, not a gate:
/// `cargo test --release --test it detect::speed -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement for docs/BENCHMARKS.md; run in release"]
fn speed() {
    let rows = rows();
    for (name, vocabulary) in [
        ("knowledge", library().index() as &dyn detect::Vocabulary),
        ("no vocabulary", &NoVocabulary),
    ] {
        let mut fastest = vec![u128::MAX; rows.len()];
        for _ in 0..40 {
            for (row, best) in rows.iter().zip(fastest.iter_mut()) {
                let start = std::time::Instant::now();
                std::hint::black_box(detect::detect(&row.query, Some(row.lang), vocabulary));
                *best = (*best).min(start.elapsed().as_nanos());
            }
        }
        fastest.sort_unstable();
        let at = |q: f64| fastest[((fastest.len() - 1) as f64 * q) as usize] as f64 / 1000.0;
        println!(
            "{name}: {} rows, p50 {:.1} µs, p90 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
            fastest.len(),
            at(0.5),
            at(0.9),
            at(0.99),
            at(1.0)
        );
    }
}
