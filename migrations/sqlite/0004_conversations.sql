-- The searches behind paging and 👍/👎 buttons, so that any process over
-- this database can resolve a button pressed under another's answer. `id`
-- is the core's query id (random, 63 bits; a conflict is retried), the
-- same the query log's `query_key` names in hex. `lang` is the language
-- the search was answered in. Purged with the query log's retention and
-- deleted by /forget. Only BIGINT and TEXT, so PostgreSQL takes it alike.

CREATE TABLE searches (
    id       BIGINT PRIMARY KEY,
    user_key TEXT NOT NULL,
    text     TEXT NOT NULL,
    lang     TEXT NOT NULL,
    at       BIGINT NOT NULL
);

CREATE INDEX searches_user ON searches (user_key);
CREATE INDEX searches_at ON searches (at);
