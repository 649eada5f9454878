-- The durable inbox of Telegram updates: each is stored here before it is
-- confirmed to Telegram, handled from here, and marked done once its answer
-- is delivered. `update_id` is the key, so a redelivered or concurrent
-- duplicate is taken once. The payload is the update encrypted with a key
-- kept outside the database (derived from the pseudonym secret); it is
-- NULLed when the update is handled, and the row itself goes after
-- Telegram's 24 h redelivery window. `chat_key` is a pseudonym of the chat,
-- so several processes can later take one chat's updates in order (on
-- PostgreSQL under an advisory lock on it); no clear id is stored.

CREATE TABLE inbox (
    update_id   INTEGER PRIMARY KEY,
    chat_key    TEXT NOT NULL,
    -- new: to be handled; done: answered; dropped: over a rate limit.
    state       TEXT NOT NULL CHECK (state IN ('new', 'done', 'dropped')),
    received_at INTEGER NOT NULL,
    handled_at  INTEGER,
    payload     BLOB,
    CHECK (state = 'new' OR payload IS NULL)
);

CREATE INDEX inbox_pending ON inbox (state, update_id);
CREATE INDEX inbox_chat ON inbox (chat_key, update_id);

-- Messages dropped over the per-user and per-group limits, per day (UTC).
CREATE TABLE rate_limited (
    day     TEXT PRIMARY KEY,
    dropped INTEGER NOT NULL
);
