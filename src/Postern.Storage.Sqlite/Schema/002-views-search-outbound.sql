-- Postern store, schema version 2: covering sort indexes for folder views, the full-text index, and
-- the outbound queue. See docs/storage.md.

-- Full-text search. A message's words are one row of message_text; text_id names it, and copies of a
-- message share it as they share the bytes. NULL: not indexed yet (messages stored before this
-- version), caught up by the mail layer before it searches. Contentless: the words are indexed, not
-- stored a second time; contentless_delete lets expunge remove them (SQLite 3.43).
ALTER TABLE messages ADD COLUMN text_id INTEGER;
-- Finding whether words are still referenced (expunge), and the unindexed messages of a mailbox.
CREATE INDEX messages_text ON messages(text_id, mailbox_id, uid);
CREATE VIRTUAL TABLE message_text USING fts5(
    subject, from_text, to_text, cc_text, bcc_text, headers, body,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');

-- A folder view lists (uid, flags, modseq) of every message in sort order. With those columns in the
-- sort index itself, the listing reads the index alone: no lookup of each row in the table, which
-- for a key unrelated to arrival order (subject, sender) is a random page read per message. Within
-- one mailbox uid order is rowid order, so (key, uid) breaks ties the way (key, rowid) did. The
-- UID-order index also carries text_id, so a search walks it without row lookups.
DROP INDEX messages_internal_date;
DROP INDEX messages_sent_date;
DROP INDEX messages_size;
DROP INDEX messages_subject;
DROP INDEX messages_from;
DROP INDEX messages_to;
CREATE INDEX messages_view_uid ON messages(mailbox_id, uid, flags, modseq, text_id);
CREATE INDEX messages_internal_date ON messages(mailbox_id, internal_date, uid, flags, modseq);
CREATE INDEX messages_sent_date ON messages(mailbox_id, coalesce(sent_date, internal_date), uid, flags, modseq);
CREATE INDEX messages_size ON messages(mailbox_id, size, uid, flags, modseq);
CREATE INDEX messages_subject ON messages(mailbox_id, subject_key, uid, flags, modseq);
CREATE INDEX messages_from ON messages(mailbox_id, from_key, uid, flags, modseq);
CREATE INDEX messages_to ON messages(mailbox_id, to_key, uid, flags, modseq);
CREATE INDEX messages_priority ON messages(mailbox_id, priority, uid, flags, modseq);

-- Listing the mailboxes shared with a user looks ACL entries up by grantee.
CREATE INDEX mailbox_acl_grantee ON mailbox_acl(grantee);

-- Messages for recipients on other servers, kept with their bytes until sent or removed.
CREATE TABLE outbound_queue (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    sender      TEXT NOT NULL,
    recipients  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    request_dsn INTEGER NOT NULL,
    status      TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    queued      INTEGER NOT NULL,
    content     BLOB NOT NULL
);
