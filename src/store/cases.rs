//! The cases of the handover to counsellors in the database (`cases` and
//! `case_messages` of `0005_cases.sql`, `case_replies` of
//! `0007_web_cases.sql`), on either backend.
//!
//! A case row holds pseudonyms, numbers and times, never a text; the one
//! text kept is a counsellor's reply to a web visitor, who has no chat to
//! copy it to: sealed like the reach, and deleted with its case. The one
//! thing that identifies a person, the chat id that reaches them, is sealed
//! ([`Cipher`], a key derived from the pseudonym secret, so it lives
//! outside the database), kept only while the case is open, and deleted
//! with it. A case's number is random (five digits) and inserted only where
//! it is free, so replicas never hand out the same one. The statements are
//! portable as in `conversations.rs`.

use std::str::FromStr;

use super::inbox::Cipher;
use super::{Store, StoreError};
use crate::assistant::{
    Case, CaseId, Door, MessagePair, NewCase, QueryId, Reach, Reply, TopicId, UserKey, random_case_number,
};
use crate::lang::Lang;

/// Draws of a case number before opening a case gives up.
const ID_ATTEMPTS: usize = 16;

/// A `SELECT` of a case's columns, in [`Row`]'s order, with the rest of
/// the statement: a static string, as sqlx wants.
macro_rules! select_cases {
    ($rest:literal) => {
        concat!(
            "SELECT id, user_key, lang, category, question, topic, reach, relay, opened_at, user_wrote_at, ",
            "answered_at, closed_at, door FROM cases ",
            $rest
        )
    };
}

type Row = (
    i64,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<Vec<u8>>,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
);

/// Opens a case under a free number.
pub(super) async fn open(store: &Store, cipher: &Cipher, new: NewCase, reach: &Reach) -> Result<Case, StoreError> {
    let sealed = cipher.seal(reach.0.as_bytes())?;
    for _ in 0..ID_ATTEMPTS {
        let id = random_case_number();
        let inserted = sqlx::query(
            "INSERT INTO cases (id, user_key, lang, category, question, reach, relay, opened_at, door) \
             VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8) ON CONFLICT (id) DO NOTHING",
        )
        .bind(id.0)
        .bind(new.user.as_str())
        .bind(new.lang.code())
        .bind(new.category.as_str())
        .bind(new.question.map(|q| q.0 as i64))
        .bind(sealed.clone())
        .bind(new.at as i64)
        .bind(new.door.name())
        .execute(store.pool())
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(Case::opened(id, new, reach));
        }
    }
    Err(StoreError::NoFreeId(ID_ATTEMPTS))
}

/// The case `id`.
pub(super) async fn case(store: &Store, cipher: &Cipher, id: CaseId) -> Result<Option<Case>, StoreError> {
    let row: Option<Row> = sqlx::query_as(select_cases!("WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.and_then(|row| from_row(cipher, row)))
}

/// The user's open case.
pub(super) async fn open_of(store: &Store, cipher: &Cipher, user: &UserKey) -> Result<Option<Case>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(select_cases!(
        "WHERE user_key = $1 AND closed_at IS NULL ORDER BY opened_at"
    ))
    .bind(user.as_str())
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().find_map(|row| from_row(cipher, row)))
}

/// The case of a staff topic.
pub(super) async fn by_topic(store: &Store, cipher: &Cipher, topic: TopicId) -> Result<Option<Case>, StoreError> {
    let row: Option<Row> = sqlx::query_as(select_cases!("WHERE topic = $1"))
        .bind(topic.0)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.and_then(|row| from_row(cipher, row)))
}

/// Every open case, oldest first.
pub(super) async fn open_cases(store: &Store, cipher: &Cipher) -> Result<Vec<Case>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(select_cases!("WHERE closed_at IS NULL ORDER BY opened_at, id"))
        .fetch_all(store.pool())
        .await?;
    Ok(rows.into_iter().filter_map(|row| from_row(cipher, row)).collect())
}

/// Every case of the user.
pub(super) async fn of_user(store: &Store, cipher: &Cipher, user: &UserKey) -> Result<Vec<Case>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(select_cases!("WHERE user_key = $1 ORDER BY opened_at, id"))
        .bind(user.as_str())
        .fetch_all(store.pool())
        .await?;
    Ok(rows.into_iter().filter_map(|row| from_row(cipher, row)).collect())
}

/// Writes what may change of a case.
pub(super) async fn update(store: &Store, case: &Case) -> Result<(), StoreError> {
    sqlx::query("UPDATE cases SET topic = $2, relay = $3, user_wrote_at = $4, answered_at = $5 WHERE id = $1")
        .bind(case.id.0)
        .bind(case.topic.map(|t| t.0))
        .bind(i64::from(case.relay))
        .bind(case.user_wrote_at.map(|at| at as i64))
        .bind(case.answered_at.map(|at| at as i64))
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Closes a case and deletes its reach.
pub(super) async fn close(store: &Store, id: CaseId, at: u64) -> Result<(), StoreError> {
    sqlx::query("UPDATE cases SET closed_at = $2, reach = NULL WHERE id = $1 AND closed_at IS NULL")
        .bind(id.0)
        .bind(at as i64)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Deletes a case, its message pairs and kept replies.
pub(super) async fn delete(store: &Store, id: CaseId) -> Result<(), StoreError> {
    let statements = [
        "DELETE FROM case_messages WHERE case_id = $1",
        "DELETE FROM case_replies WHERE case_id = $1",
        "DELETE FROM cases WHERE id = $1",
    ];
    delete_in_one(store, statements, id.0).await.map(drop)
}

/// Keeps the ids of one relayed message.
pub(super) async fn relayed(store: &Store, id: CaseId, pair: MessagePair) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO case_messages (case_id, user_message, staff_message, from_staff, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id.0)
    .bind(pair.user_message)
    .bind(pair.staff_message)
    .bind(i64::from(pair.from_staff))
    .bind(pair.at as i64)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The pair of a case's message in the topic.
pub(super) async fn pair_in_topic(
    store: &Store,
    id: CaseId,
    staff_message: i64,
) -> Result<Option<MessagePair>, StoreError> {
    let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT user_message, staff_message, from_staff, at FROM case_messages \
         WHERE case_id = $1 AND staff_message = $2 LIMIT 1",
    )
    .bind(id.0)
    .bind(staff_message)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|(user_message, staff_message, from_staff, at)| MessagePair {
        user_message,
        staff_message,
        from_staff: from_staff != 0,
        at: at as u64,
    }))
}

/// Deletes every case of the user, its message pairs and kept replies
/// (`/forget`).
pub(super) async fn forget(store: &Store, user: &UserKey) -> Result<(), StoreError> {
    let statements = [
        "DELETE FROM case_messages WHERE case_id IN (SELECT id FROM cases WHERE user_key = $1)",
        "DELETE FROM case_replies WHERE case_id IN (SELECT id FROM cases WHERE user_key = $1)",
        "DELETE FROM cases WHERE user_key = $1",
    ];
    delete_in_one(store, statements, user.as_str().to_string())
        .await
        .map(drop)
}

/// Deletes the cases closed before `cutoff` (unix seconds), their pairs
/// and kept replies; returns how many cases went.
pub(super) async fn purge_closed_before(store: &Store, cutoff: u64) -> Result<u64, StoreError> {
    let statements = [
        "DELETE FROM case_messages WHERE case_id IN (SELECT id FROM cases WHERE closed_at < $1)",
        "DELETE FROM case_replies WHERE case_id IN (SELECT id FROM cases WHERE closed_at < $1)",
        "DELETE FROM cases WHERE closed_at < $1",
    ];
    delete_in_one(store, statements, cutoff as i64).await
}

/// Runs the deletes `statements`, each with `value` as `$1`, in one
/// transaction (the pairs and replies, then their cases); returns how
/// many rows the last one deleted.
async fn delete_in_one<T>(store: &Store, statements: [&'static str; 3], value: T) -> Result<u64, StoreError>
where
    T: for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Clone + Send + 'static,
{
    let mut tx = store.pool().begin().await?;
    let mut deleted = 0;
    for sql in statements {
        deleted = sqlx::query(sql)
            .bind(value.clone())
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    tx.commit().await?;
    Ok(deleted)
}

/// Keeps a counsellor's reply to a web visitor, its text sealed.
pub(super) async fn keep_reply(store: &Store, cipher: &Cipher, id: CaseId, reply: &Reply) -> Result<(), StoreError> {
    let sealed = cipher.seal(reply.text.as_bytes())?;
    sqlx::query("INSERT INTO case_replies (case_id, at, body, file) VALUES ($1, $2, $3, $4)")
        .bind(id.0)
        .bind(reply.at as i64)
        .bind(sealed)
        .bind(i64::from(reply.file))
        .execute(store.pool())
        .await?;
    Ok(())
}

/// The kept replies of a case, oldest first; one sealed under another
/// secret is left out.
pub(super) async fn replies(store: &Store, cipher: &Cipher, id: CaseId) -> Result<Vec<Reply>, StoreError> {
    let rows: Vec<(i64, Vec<u8>, i64)> =
        sqlx::query_as("SELECT at, body, file FROM case_replies WHERE case_id = $1 ORDER BY at")
            .bind(id.0)
            .fetch_all(store.pool())
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(at, body, file)| {
            let text = String::from_utf8(cipher.open(&body)?).ok()?;
            Some(Reply {
                at: at as u64,
                text,
                file: file != 0,
            })
        })
        .collect())
}

/// A case read back; `None` for a row that is no case of this Lotse (a
/// key that is no pseudonym, an unknown language).
fn from_row(cipher: &Cipher, row: Row) -> Option<Case> {
    let (id, user, lang, category, question, topic, reach, relay, opened_at, wrote, answered, closed, door) = row;
    // A reach sealed under another secret cannot be opened: the case
    // stays, but its user cannot be reached.
    let reach = reach
        .and_then(|sealed| cipher.open(&sealed))
        .and_then(|clear| String::from_utf8(clear).ok())
        .map(Reach);
    Some(Case {
        id: CaseId(id),
        user: UserKey::from_stored(&user)?,
        lang: Lang::from_str(&lang).ok()?,
        category,
        question: question.map(|q| QueryId(q as u64)),
        topic: topic.map(TopicId),
        reach,
        relay: relay != 0,
        opened_at: opened_at as u64,
        user_wrote_at: wrote.map(|at| at as u64),
        answered_at: answered.map(|at| at as u64),
        closed_at: closed.map(|at| at as u64),
        door: Door::from_name(&door)?,
    })
}
