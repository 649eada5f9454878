-- The handover to counsellors: one row per case, and the pairs of message
-- ids of what was relayed. Only pseudonyms, numbers and times: never a
-- message text. `id` is the case's short number (five digits, random, drawn
-- again where taken). `question` is the id of the search (in `searches`)
-- the user asked about, if any. `reach` is how to reach the user (their
-- chat id), sealed with XChaCha20-Poly1305 under a key derived from the
-- pseudonym secret, which lives outside the database; it is NULLed when
-- the case closes, and the row goes with /forget or after the retention
-- period. `relay` is 1 while the user's text goes to the counsellor.

CREATE TABLE cases (
    id            BIGINT PRIMARY KEY,
    user_key      TEXT NOT NULL,
    lang          TEXT NOT NULL,
    category      TEXT NOT NULL,
    question      BIGINT,
    topic         BIGINT,
    reach         BLOB,
    relay         BIGINT NOT NULL,
    opened_at     BIGINT NOT NULL,
    user_wrote_at BIGINT,
    answered_at   BIGINT,
    closed_at     BIGINT,
    CHECK (closed_at IS NULL OR reach IS NULL)
);

CREATE INDEX cases_user ON cases (user_key);
CREATE INDEX cases_topic ON cases (topic);
CREATE INDEX cases_closed ON cases (closed_at);

CREATE TABLE case_messages (
    case_id       BIGINT NOT NULL,
    user_message  BIGINT NOT NULL,
    staff_message BIGINT NOT NULL,
    from_staff    BIGINT NOT NULL,
    at            BIGINT NOT NULL
);

CREATE INDEX case_messages_case ON case_messages (case_id);
