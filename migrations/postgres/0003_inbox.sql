-- The durable inbox of Telegram updates (twin of sqlite/0003), shared by
-- every replica: `update_id` is the key, so a duplicate delivered to any of
-- them is taken once. The payload is sealed with a key kept outside the
-- database (derived from the pseudonym secret every replica reads from
-- LOTSE_SECRET_FILE); it is NULLed when the update is handled. A replica
-- handles an update under `pg_advisory_xact_lock` on a hash of `chat_key`,
-- so one chat's updates are handled in order across replicas.

CREATE TABLE inbox (
    update_id   BIGINT PRIMARY KEY,
    chat_key    TEXT NOT NULL,
    -- new: to be handled; done: answered; dropped: over a rate limit.
    state       TEXT NOT NULL CHECK (state IN ('new', 'done', 'dropped')),
    received_at BIGINT NOT NULL,
    handled_at  BIGINT,
    payload     BYTEA,
    CHECK (state = 'new' OR payload IS NULL)
);

CREATE INDEX inbox_pending ON inbox (state, update_id);
CREATE INDEX inbox_chat ON inbox (chat_key, update_id);

-- Messages dropped over the per-user and per-group limits, per day (UTC,
-- `YYYY-MM-DD`).
CREATE TABLE rate_limited (
    day     TEXT PRIMARY KEY,
    dropped BIGINT NOT NULL
);
