-- The searches behind paging and 👍/👎 buttons, under an id any replica can
-- resolve (twin of sqlite/0004).

CREATE TABLE searches (
    id       BIGINT PRIMARY KEY,
    user_key TEXT NOT NULL,
    text     TEXT NOT NULL,
    lang     TEXT NOT NULL,
    at       BIGINT NOT NULL
);

CREATE INDEX searches_user ON searches (user_key);
CREATE INDEX searches_at ON searches (at);
