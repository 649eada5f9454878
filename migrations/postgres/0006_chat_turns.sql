-- Which replica is answering a chat (twin of sqlite/0006): a lease taken
-- under the chat's advisory lock in a short transaction and given back
-- with the update marked done, so that no connection is held while the
-- answer goes out. `chat_key` is the inbox's pseudonymous chat key,
-- `holder` a random name of the replica, `until` when the lease lapses
-- (unix seconds) should the replica stop mid-answer.

CREATE TABLE chat_turns (
    chat_key TEXT PRIMARY KEY,
    holder   TEXT NOT NULL,
    until    BIGINT NOT NULL
);
