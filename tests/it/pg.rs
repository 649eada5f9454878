//! The PostgreSQL the tests share: `.ci/run` starts a throw-away server
//! and names it in `LOTSE_TEST_POSTGRES_URL`; each test takes a fresh
//! database of its own there. Without the variable the PostgreSQL half of
//! a test is skipped with a note on stderr, except under
//! `CI_REQUIRE_POSTGRES=1` (set by `.ci/run`), where it fails.

use lotse::store::Database;
use sqlx::Connection as _;

/// The test server's url, or None (with a note) when there is none.
pub fn server() -> Option<String> {
    match std::env::var("LOTSE_TEST_POSTGRES_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("CI_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                "CI_REQUIRE_POSTGRES=1 but LOTSE_TEST_POSTGRES_URL is unset: start PostgreSQL as .ci/run does"
            );
            eprintln!("note: LOTSE_TEST_POSTGRES_URL is unset; the PostgreSQL half of this test is skipped");
            None
        }
    }
}

/// A fresh, empty database named after `test` on the test server, or None
/// when there is no server.
pub fn fresh(test: &str) -> Option<Database> {
    let server = server()?;
    let name = format!("lotse_{test}");
    assert!(
        name.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    );
    let (admin_url, made) = (server.clone(), name.clone());
    // On a thread of its own, so that a test on a runtime may call it.
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let mut admin = sqlx::PgConnection::connect(&admin_url)
                .await
                .expect("the test server answers");
            // The name is checked above: lower-case letters, digits and `_`.
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {made} WITH (FORCE)"
            )))
            .execute(&mut admin)
            .await
            .unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {made}")))
                .execute(&mut admin)
                .await
                .unwrap();
            admin.close().await.unwrap();
        });
    })
    .join()
    .unwrap();
    let mut url = url::Url::parse(&server).unwrap();
    url.set_path(&format!("/{name}"));
    Some(Database::Postgres(url.to_string()))
}

/// A fresh database for a test that needs PostgreSQL: such tests are
/// `#[ignore]`d, and `.ci/run` runs them with `--ignored` beside its
/// server; asked for without one, they fail saying what is missing.
pub fn required(test: &str) -> Database {
    assert!(
        std::env::var("LOTSE_TEST_POSTGRES_URL").is_ok_and(|url| !url.trim().is_empty()),
        "this test needs PostgreSQL: set LOTSE_TEST_POSTGRES_URL (.ci/run starts one, see .ci/postgres)"
    );
    fresh(test).expect("the test server")
}

/// The backends a store test runs on: the SQLite file `file`, and a fresh
/// PostgreSQL database named after `test` where the tests have a server.
pub fn backends(file: &std::path::Path, test: &str) -> Vec<Database> {
    let mut all = vec![Database::Sqlite(file.to_path_buf())];
    all.extend(fresh(test));
    all
}

/// `lotse` with `database` selected as an operator would: the SQLite file
/// by `--database`, PostgreSQL by `LOTSE_DATABASE_URL` with the secret in
/// `LOTSE_SECRET_FILE` (beside `dir`).
pub fn lotse_on(database: &Database, dir: &std::path::Path) -> std::process::Command {
    let mut command = crate::util::lotse_command();
    command.env_remove("LOTSE_DATABASE_URL").env_remove("LOTSE_SECRET_FILE");
    match database {
        Database::Sqlite(_) => {}
        Database::Postgres(url) => {
            // Replicas on PostgreSQL read a secret the operator made.
            let secret = dir.join("shared-secret");
            if !secret.exists() {
                std::fs::write(&secret, "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e7").unwrap();
            }
            command.env("LOTSE_DATABASE_URL", url).env("LOTSE_SECRET_FILE", secret);
        }
    }
    command
}

/// `--database FILE` for SQLite; nothing for PostgreSQL (see [`lotse_on`]).
pub fn database_args(database: &Database) -> Vec<String> {
    match database {
        Database::Sqlite(path) => vec!["--database".into(), path.display().to_string()],
        Database::Postgres(_) => Vec::new(),
    }
}
