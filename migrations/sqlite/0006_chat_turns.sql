-- Which replica is answering a chat (twin of postgres/0006). One process
-- on SQLite needs no lease; the table is here so that both backends have
-- the same schema versions. `chat_key` is the inbox's pseudonymous chat
-- key, `holder` a random name of the process, `until` when the lease
-- lapses (unix seconds).

CREATE TABLE chat_turns (
    chat_key TEXT PRIMARY KEY,
    holder   TEXT NOT NULL,
    until    BIGINT NOT NULL
);
