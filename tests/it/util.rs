//! Helpers shared by the integration tests: paths, the shipped library
//! (built once), and running the `lotse` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use lotse::assistant::{Actor, Effect, InlineResult, Message, Role, UserKey};
use lotse::index::Location;
use lotse::privacy::Pseudonyms;
use lotse::search::Library;

/// The crate root, where `knowledge/` and `tests/` are.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    root().join("tests/fixtures")
}

/// The shipped knowledge with its index, built once for all tests.
pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let (library, loaded) = Library::open(&root().join("knowledge"), &Location::Memory).expect("index builds");
        assert!(
            !loaded.has_errors(),
            "the shipped knowledge has errors: {:?}",
            loaded.diagnostics
        );
        library
    })
}

/// A folder for the databases of the binaries the tests run, so that none
/// writes into the work tree.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
        .path()
}

/// The built `lotse` binary, run in the crate root with its database in
/// the scratch folder.
pub fn lotse_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lotse"));
    command
        .current_dir(root())
        .env("LOTSE_DATABASE_URL", scratch().join("lotse.db"));
    command
}

/// Runs the built `lotse` binary with `args`.
pub fn lotse(args: &[&str]) -> Output {
    lotse_command().args(args).output().expect("lotse runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The pseudonym of the test user `name`: keys are only ever made by the
/// core's `Pseudonyms`, from an id and a secret.
pub fn key(name: &str) -> UserKey {
    Pseudonyms::new(b"the integration tests' secret, long enough").user("test", name)
}

/// The test user `name`, an ordinary user.
pub fn actor(name: &str) -> Actor {
    Actor {
        user: key(name),
        role: Role::User,
    }
}

/// The messages the effects send or edit, in order.
pub fn messages(effects: &[Effect]) -> Vec<&Message> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Send(message) | Effect::Edit(message) => Some(message),
            _ => None,
        })
        .collect()
}

/// The inline results among the effects.
pub fn inline_results(effects: &[Effect]) -> Option<&[InlineResult]> {
    effects.iter().find_map(|effect| match effect {
        Effect::Inline(results) => Some(results.as_slice()),
        _ => None,
    })
}
