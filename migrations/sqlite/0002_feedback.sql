-- 👍/👎 on an answer, tied to its row in the query log.

CREATE TABLE feedback (
    id       INTEGER PRIMARY KEY,
    query_id INTEGER NOT NULL REFERENCES queries (id) ON DELETE CASCADE,
    user_key TEXT NOT NULL,
    helpful  INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    at       INTEGER NOT NULL,
    UNIQUE (query_id, user_key)
);

CREATE INDEX feedback_user ON feedback (user_key);
