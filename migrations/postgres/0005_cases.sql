-- The handover to counsellors: cases and the pairs of message ids relayed,
-- never a text; the way to reach the user sealed and only while the case
-- is open (twin of sqlite/0005).

CREATE TABLE cases (
    id            BIGINT PRIMARY KEY,
    user_key      TEXT NOT NULL,
    lang          TEXT NOT NULL,
    category      TEXT NOT NULL,
    question      BIGINT,
    topic         BIGINT,
    reach         BYTEA,
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
