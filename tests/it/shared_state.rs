//! The core as several processes see it (issue 14): events in, effects
//! out, and every piece of conversation state a later event depends on in
//! storage. Two `Assistant`s over one SQLite file stand for two replicas:
//! a search stored by one pages on the other, a language set on one is
//! used by the other after at most the cache's time-to-live, and 👍 pressed
//! on the other is stored. Roles are the core's: admin commands are
//! refused to everyone else, whatever the door.

use std::sync::Arc;
use std::time::Duration;

use lotse::assistant::{Action, Actor, Assistant, Channel, Effect, Event, Input, MemoryStorage, Role, Storage, Target};
use lotse::i18n::Catalog;
use lotse::index::Location;
use lotse::lang::Lang;
use lotse::search::Library;
use lotse::store::{Database, Memory, MemoryOptions};

use crate::pg::backends;
use crate::store::{TELEGRAM, copy_dir, count_with, memory_options, record, text};
use crate::util::{actor, key, library, messages, root};

/// A short time-to-live, so that the test waits little.
const TTL: Duration = Duration::from_millis(300);

fn replica(database: &Database) -> (Arc<Memory>, Assistant) {
    let memory = Memory::open(MemoryOptions {
        language_ttl: TTL,
        ..memory_options(database)
    });
    let copy = Library::new(library().knowledge().clone(), &Location::Memory).unwrap();
    let assistant = Assistant::new(Arc::new(copy), memory.clone()).with_journal(memory.clone(), 90);
    (memory, assistant)
}

fn event(user: &str, client_lang: Option<Lang>, input: Input) -> Event {
    Event {
        actor: actor(user),
        channel: TELEGRAM,
        client_lang,
        input,
    }
}

/// The action data of the first button whose label contains `label`.
fn button(effects: &[Effect], label: &str) -> String {
    messages(effects)
        .into_iter()
        .flat_map(|m| m.buttons.iter().flatten())
        .find_map(|b| match &b.target {
            Target::Action(data) if b.label.contains(label) => Some(data.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no button {label:?} in {effects:?}"))
}

/// Defect guarded: paging and 👍/👎 lived in one process's ring of recent
/// searches, so a second replica (or a restart) answered "stale button".
#[tokio::test]
async fn a_search_stored_by_one_replica_pages_and_is_rated_on_another() {
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "shared_paging") {
        let (first_memory, first) = replica(&database);
        let (second_memory, second) = replica(&database);

        let results = first
            .handle(event("p", Some(Lang::De), Input::Text("Verwaltung".into())))
            .await;
        let more = button(&results, "Weitere");
        let paged = second.handle(event("p", Some(Lang::De), Input::Button(more))).await;
        assert!(
            matches!(paged.as_slice(), [Effect::Edit(_)]),
            "the page replaces the list: {paged:?}"
        );
        assert!(text(&paged).contains("6. "), "{}", text(&paged));

        // Someone else's press on the other replica is told whose it is.
        let thumbs = button(&results, "👍");
        let foreign = second
            .handle(event("q", Some(Lang::De), Input::Button(thumbs.clone())))
            .await;
        assert_eq!(text(&foreign), Catalog::new().text(Lang::De, "not-your-button"));

        let thanks = second.handle(event("p", Some(Lang::De), Input::Button(thumbs))).await;
        assert_eq!(text(&thanks), Catalog::new().text(Lang::De, "feedback-thanks"));
        first_memory.close();
        second_memory.close();
        let rated = count_with(
            &database,
            "SELECT COUNT(*) FROM feedback f JOIN queries q ON q.id = f.query_id \
         WHERE f.helpful = 1 AND f.user_key = $1",
            &[key("p").as_str()],
        );
        assert_eq!(rated, 1, "👍 pressed on the second replica is stored");
        let searches = count_with(
            &database,
            "SELECT COUNT(*) FROM searches WHERE user_key = $1 AND text = 'Verwaltung'",
            &[key("p").as_str()],
        );
        assert_eq!(searches, 1, "paging is not a new search");
    }
}

/// Defect guarded: languages were loaded at start and kept in memory for
/// good, so a language chosen on one replica never reached another.
#[tokio::test]
async fn a_language_chosen_on_one_replica_is_used_by_the_other_after_the_ttl() {
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "shared_language") {
        let (first_memory, first) = replica(&database);
        let (second_memory, second) = replica(&database);
        let start = Input::Command {
            name: "start".into(),
            args: String::new(),
        };
        let before = second.handle(event("l", Some(Lang::De), start.clone())).await;
        assert_eq!(messages(&before)[0].lang, Some(Lang::De));

        let set = Action::SetLanguage(Lang::Fa).encode();
        let chosen = first.handle(event("l", Some(Lang::De), Input::Button(set))).await;
        assert_eq!(messages(&chosen)[0].lang, Some(Lang::Fa));
        // Stored before the answer went out: storage has it at once.
        assert_eq!(first_memory.language(&key("l")).await, Some(Lang::Fa));

        tokio::time::sleep(TTL + Duration::from_millis(100)).await;
        let after = second.handle(event("l", Some(Lang::De), start)).await;
        assert_eq!(messages(&after)[0].lang, Some(Lang::Fa), "{after:?}");
        first_memory.close();
        second_memory.close();
    }
}

/// Query ids come from storage, unique across processes: many searches on
/// two replicas at once never share one.
#[tokio::test]
async fn search_ids_of_two_replicas_never_meet() {
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "shared_ids") {
        let (first_memory, _) = replica(&database);
        let (second_memory, _) = replica(&database);
        let mut ids = std::collections::HashSet::new();
        for n in 0..50 {
            for memory in [&first_memory, &second_memory] {
                let id = memory
                    .save_search(&key("u"), &format!("frage {n}"), Lang::De)
                    .await
                    .unwrap();
                assert!(ids.insert(id), "{id:?} given twice");
                let back = memory.search(id).await.unwrap().expect("any replica resolves it");
                assert_eq!(back.user, key("u"));
            }
        }
        first_memory.close();
        second_memory.close();
        assert_eq!(count_with(&database, "SELECT COUNT(*) FROM searches", &[]), 100);
    }
}

/// Defect guarded: feedback was joined to its search's query-log row when
/// it was written, so a 👍 pressed on the second replica while the first
/// still had that row in its queue was silently lost. It now waits for
/// the row.
#[tokio::test]
async fn a_thumbs_up_that_arrives_before_its_search_row_waits_for_it() {
    use lotse::assistant::{Journal, QueryId};
    let dir = tempfile::tempdir().unwrap();
    for database in backends(&dir.path().join("lotse.db"), "shared_early_feedback") {
        let (first_memory, _) = replica(&database);
        let (second_memory, _) = replica(&database);
        second_memory.feedback(QueryId(77), &key("early"), true);
        // The first replica logs the search a moment later.
        tokio::time::sleep(Duration::from_millis(300)).await;
        first_memory.query(record(77, "early", "Kotsina", 1, lotse::store::now()));
        first_memory.close();
        tokio::time::sleep(Duration::from_millis(1500)).await;
        second_memory.close();
        let rated = count_with(
            &database,
            "SELECT COUNT(*) FROM feedback f JOIN queries q ON q.id = f.query_id \
             WHERE f.helpful = 1 AND q.user_key = $1",
            &[key("early").as_str()],
        );
        assert_eq!(rated, 1, "the early 👍 is stored on {database}");
        assert_eq!(second_memory.dropped(), 0, "nothing dropped on {database}");
    }
}

/// A copy of the shipped knowledge, served by an assistant with one admin.
fn with_admin() -> (tempfile::TempDir, Assistant) {
    let dir = tempfile::tempdir().unwrap();
    let knowledge = dir.path().join("knowledge");
    copy_dir(&root().join("knowledge"), &knowledge);
    let library = Library::new(lotse::knowledge::load(&knowledge).knowledge, &Location::Memory).unwrap();
    let assistant = Assistant::new(Arc::new(library), Arc::new(MemoryStorage::default()))
        .with_admins(vec![key("admin")])
        .with_knowledge_folder(knowledge, Location::Memory);
    (dir, assistant)
}

fn command(name: &str, args: &str) -> Input {
    Input::Command {
        name: name.into(),
        args: args.into(),
    }
}

/// Defect guarded: roles and admin commands lived in the Telegram door,
/// so another door (or a forged role) was a way around them. The core
/// gives roles and refuses `/stats` and `/reload` to anyone else; `/stats`
/// quotes users' searches, so even an admin gets it only in private.
#[tokio::test]
async fn admin_commands_are_refused_to_everyone_else_by_the_core() {
    let (_dir, assistant) = with_admin();
    let catalog = Catalog::new();
    assert_eq!(assistant.actor(key("admin")).role, Role::Admin);
    assert_eq!(assistant.actor(key("someone")).role, Role::User);

    let unknown = catalog.text(Lang::En, "unknown-command");
    for channel in [TELEGRAM, Channel::Terminal, Channel::Telegram { private: false }] {
        for name in ["stats", "reload"] {
            let event = Event {
                actor: assistant.actor(key("someone")),
                channel,
                client_lang: Some(Lang::En),
                input: command(name, "force"),
            };
            assert_eq!(text(&assistant.handle(event).await), unknown, "{name} in {channel:?}");
        }
    }
    let admin = |channel| Event {
        actor: Actor {
            user: key("admin"),
            role: Role::Admin,
        },
        channel,
        client_lang: Some(Lang::En),
        input: command("stats", ""),
    };
    let in_group = assistant.handle(admin(Channel::Telegram { private: false })).await;
    assert_eq!(text(&in_group), unknown, "no report in a group");
    let stats = assistant.handle(admin(TELEGRAM)).await;
    assert!(text(&stats).starts_with("Last 7 days"), "{stats:?}");

    let mut reload = admin(TELEGRAM);
    reload.input = command("reload", "");
    let reloaded = assistant.handle(reload).await;
    let entries = assistant.library().knowledge().len() as i64;
    let done = catalog.format(
        Lang::En,
        "admin-reload-done",
        &[("entries", lotse::i18n::Arg::Number(entries))],
    );
    assert_eq!(text(&reloaded), done);

    // The notice of a reload goes to the admin, in the language of their
    // last command.
    let notices = assistant
        .reload_notices(&lotse::reload::Outcome::Reloaded(entries as usize))
        .await;
    match notices.as_slice() {
        [Effect::NotifyAdmin { admin, message }] => {
            assert_eq!(admin, &key("admin"));
            assert_eq!(message.text(), done);
        }
        other => panic!("one notice for the one admin: {other:?}"),
    }
}
