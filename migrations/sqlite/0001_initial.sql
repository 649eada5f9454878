-- Preferences and the query log. User keys are HMAC-SHA-256 pseudonyms
-- (hex); no clear Telegram id is ever stored. Times are unix seconds.

CREATE TABLE preferences (
    user_key   TEXT PRIMARY KEY,
    lang       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE queries (
    id            INTEGER PRIMARY KEY,
    -- The conversation core's id of the search, which feedback refers to.
    query_key     TEXT NOT NULL UNIQUE,
    at            INTEGER NOT NULL,
    -- telegram, inline, chat or cli
    channel       TEXT NOT NULL,
    user_key      TEXT NOT NULL,
    answer_lang   TEXT NOT NULL,
    detected_lang TEXT,
    query         TEXT NOT NULL,
    -- The query's words, normalised (case, spacing), to count alike queries.
    normalized    TEXT NOT NULL,
    hits          INTEGER NOT NULL,
    -- The ids of the best entries, best first, separated by spaces.
    top_ids       TEXT NOT NULL,
    latency_us    INTEGER NOT NULL
);

CREATE INDEX queries_at ON queries (at);
CREATE INDEX queries_user ON queries (user_key);
