//! Search expectations written as data (`tests/data/search.tsv`): each
//! query must put its entry among the top 3, and a few properties of the
//! ranking that no single expectation shows.

use lotse::lang::Lang;
use lotse::search::AskOptions;

use crate::util::{library, root};

#[test]
fn expectations_hold() {
    let data = std::fs::read_to_string(root().join("tests/data/search.tsv")).unwrap();
    let mut failures = Vec::new();
    for line in data.lines().skip_while(|l| l.starts_with('#')).skip(1) {
        let [query, lang, expected] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("malformed line in search.tsv: {line:?}");
        };
        let lang = (lang != "-").then(|| lang.parse::<Lang>().unwrap());
        let answer = library()
            .ask(
                query,
                AskOptions {
                    lang,
                    limit: 3,
                    ..AskOptions::default()
                },
            )
            .unwrap();
        let ids: Vec<&str> = answer.hits.iter().map(|h| h.id.as_str()).collect();
        if !ids.contains(&expected) {
            failures.push(format!("{query:?}: expected {expected} in the top 3, got {ids:?}"));
        }
        if let Some(lang) = lang {
            assert_eq!(answer.lang, lang);
            assert!(
                answer.hits.iter().all(|h| h.lang == lang),
                "{query:?} not answered in {lang}"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn exact_words_outrank_corrected_ones() {
    // "Beratung" is a word of the knowledge; "Beratng" is a typo of it.
    let exact = library().ask("Beratungskonzepte", AskOptions::default()).unwrap();
    let typo = library().ask("Beratungskonzepe", AskOptions::default()).unwrap();
    assert_eq!(exact.hits[0].id, "beratungskonzepte");
    assert_eq!(typo.hits[0].id, "beratungskonzepte");
    assert!(exact.hits[0].score > typo.hits[0].score);
    // In one query, the entry with the exact word comes before the one
    // that only has a near word.
    let mixed = library()
        .ask("Impressum Facharbeitskreiz", AskOptions::default())
        .unwrap();
    assert_eq!(mixed.hits[0].id, "impressum-herausgeber", "{:?}", mixed.hits);
}

#[test]
fn query_syntax_is_searched_as_words() {
    for query in [
        "title:(",
        "\"unclosed",
        "AND OR",
        "NOT -+*?~^",
        "()[]{}",
        "*",
        "Heft 48 AND",
    ] {
        let answer = library().ask(query, AskOptions::default());
        assert!(answer.is_ok(), "{query:?}: {answer:?}");
    }
    let answer = library().ask("\"Heft 48", AskOptions::default()).unwrap();
    assert_eq!(answer.hits[0].id, "heft-48-fit-fuer-den-verwaltungsalltag");
}

#[test]
fn answer_language_rules() {
    // --lang wins; else the query's language; else German.
    let tr = library()
        .ask(
            "Anerkennung",
            AskOptions {
                lang: Some(Lang::Tr),
                ..AskOptions::default()
            },
        )
        .unwrap();
    assert_eq!(tr.lang, Lang::Tr);
    let en = library()
        .ask("recognition of foreign qualifications", AskOptions::default())
        .unwrap();
    assert_eq!(en.lang, Lang::En);
    let number = library().ask("40476", AskOptions::default()).unwrap();
    assert_eq!((number.lang, number.detected), (Lang::De, None));
}

#[test]
fn every_language_answers_in_its_own_titles() {
    // A German query with a foreign answer language, for all twelve.
    for lang in Lang::ALL {
        let answer = library()
            .ask(
                "Kontakt Telefon",
                AskOptions {
                    lang: Some(lang),
                    ..AskOptions::default()
                },
            )
            .unwrap();
        assert_eq!(answer.lang, lang);
        let hit = &answer.hits[0];
        assert_eq!(hit.id, "maria-kotsina");
        assert_eq!(hit.lang, lang, "{lang}: {hit:?}");
        let expected = library().knowledge().get(&hit.id).unwrap().texts_in(lang).unwrap();
        assert_eq!(hit.title, expected.title);
        assert_eq!(hit.summary, expected.summary);
    }
}

#[test]
fn paging_continues_where_the_first_page_ends() {
    let first = library()
        .ask(
            "Verwaltung",
            AskOptions {
                limit: 3,
                ..AskOptions::default()
            },
        )
        .unwrap();
    let second = library()
        .ask(
            "Verwaltung",
            AskOptions {
                offset: 3,
                limit: 3,
                ..AskOptions::default()
            },
        )
        .unwrap();
    assert!(first.total > 3);
    assert!(first.hits.iter().all(|a| second.hits.iter().all(|b| a.id != b.id)));
}

#[test]
fn index_kept_on_disk_is_reused_and_rebuilt_on_change() {
    use lotse::index::Location;
    use lotse::search::Library;

    let dir = tempfile::tempdir().unwrap();
    let location = Location::Dir(dir.path().join("index"));
    let knowledge = lotse::knowledge::load(&crate::util::root().join("knowledge")).knowledge;
    let first = Library::new(knowledge.clone(), &location).unwrap();
    let stamp = std::fs::read_to_string(dir.path().join("index/lotse-knowledge.stamp")).unwrap();
    let again = Library::new(knowledge.clone(), &location).unwrap();
    for library in [&first, &again] {
        let answer = library.ask("Heft 48", AskOptions::default()).unwrap();
        assert_eq!(answer.hits[0].id, "heft-48-fit-fuer-den-verwaltungsalltag");
    }

    // Fewer entries: the kept index no longer fits and is built afresh.
    let fewer = lotse::knowledge::Knowledge::new(
        knowledge
            .entries()
            .iter()
            .filter(|e| e.id != "maria-kotsina")
            .cloned()
            .collect(),
    );
    let rebuilt = Library::new(fewer, &location).unwrap();
    let new_stamp = std::fs::read_to_string(dir.path().join("index/lotse-knowledge.stamp")).unwrap();
    assert_ne!(stamp, new_stamp);
    let answer = rebuilt.ask("Kotsina", AskOptions::default()).unwrap();
    assert!(answer.hits.iter().all(|h| h.id != "maria-kotsina"));
}
