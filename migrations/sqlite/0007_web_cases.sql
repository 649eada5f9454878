-- The handover on the web (twin of postgres/0007). `door` says through which door a case's
-- user came: `telegram` (their replies are copied to their chat) or `web`.
-- A web visitor has no chat to copy a reply to, so a counsellor's reply to
-- them is kept in `case_replies` for their page, on whichever replica
-- serves it: the one place Lotse keeps a message text. `body` is the
-- text sealed with XChaCha20-Poly1305 under the key that seals a case's
-- reach (derived from the pseudonym secret, outside the database); `file`
-- is 1 where the counsellor sent a file the web cannot show. The rows go
-- with their case: with /forget, or after the retention period once the
-- case is closed.

ALTER TABLE cases ADD COLUMN door TEXT NOT NULL DEFAULT 'telegram';

CREATE TABLE case_replies (
    case_id BIGINT NOT NULL,
    at      BIGINT NOT NULL,
    body    BLOB NOT NULL,
    file    BIGINT NOT NULL
);

CREATE INDEX case_replies_case ON case_replies (case_id);
