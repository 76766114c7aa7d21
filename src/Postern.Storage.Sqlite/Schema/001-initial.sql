-- Postern store, schema version 1. Times are Unix milliseconds (UTC). Names are stored exactly as
-- the domain services normalised them. See docs/storage.md for the design.

CREATE TABLE domains (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    settings      TEXT NOT NULL DEFAULT '{}',
    default_prefs TEXT NOT NULL DEFAULT '{}',
    created       INTEGER NOT NULL
);

CREATE TABLE domain_aliases (
    alias     TEXT PRIMARY KEY,
    domain_id INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX domain_aliases_domain ON domain_aliases(domain_id);

CREATE TABLE accounts (
    id              INTEGER PRIMARY KEY,
    domain_id       INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    real_name       TEXT NOT NULL DEFAULT '',
    password_hash   TEXT NOT NULL,
    cram_md5_secret BLOB,
    settings        TEXT NOT NULL DEFAULT '{}',
    prefs           TEXT NOT NULL DEFAULT '{}',
    created         INTEGER NOT NULL,
    UNIQUE (domain_id, name)
);

-- An alias shares the account-name space of its domain: the repository refuses an alias that is an
-- account name and an account name that is an alias.
CREATE TABLE account_aliases (
    domain_id  INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    PRIMARY KEY (domain_id, alias)
) WITHOUT ROWID;
CREATE INDEX account_aliases_account ON account_aliases(account_id);

CREATE TABLE mailboxes (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    class          TEXT NOT NULL DEFAULT '',
    uid_validity   INTEGER NOT NULL,
    uid_next       INTEGER NOT NULL DEFAULT 1,
    highest_modseq INTEGER NOT NULL DEFAULT 0,
    message_count  INTEGER NOT NULL DEFAULT 0,
    unseen_count   INTEGER NOT NULL DEFAULT 0,
    total_size     INTEGER NOT NULL DEFAULT 0,
    created        INTEGER NOT NULL,
    UNIQUE (account_id, name)
);

CREATE TABLE subscriptions (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    PRIMARY KEY (account_id, name)
) WITHOUT ROWID;

CREATE TABLE mailbox_aliases (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    target     TEXT NOT NULL,
    PRIMARY KEY (account_id, name)
) WITHOUT ROWID;

CREATE TABLE mailbox_acl (
    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
    grantee    TEXT NOT NULL,
    rights     TEXT NOT NULL,
    PRIMARY KEY (mailbox_id, grantee)
) WITHOUT ROWID;

-- Append-only blob files (blobs/NNNNNN.pack). committed_length is what the last committed
-- transaction wrote; bytes past it are an interrupted batch and are cut off when the file is next
-- claimed by a writer. AUTOINCREMENT: a compacted-away file's number is never reused.
CREATE TABLE blob_packs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    committed_length INTEGER NOT NULL DEFAULT 0,
    sealed           INTEGER NOT NULL DEFAULT 0
);

-- One row per message. Narrow on purpose (the header block lives in message_details) so that a
-- sorted listing of a large mailbox reads few pages. Within a mailbox, rowid order is UID order:
-- both only grow, so the sort indexes below break ties by UID through their implicit rowid.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    mailbox_id      INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
    uid             INTEGER NOT NULL,
    modseq          INTEGER NOT NULL,
    flags           INTEGER NOT NULL,
    keywords        TEXT NOT NULL DEFAULT '',
    internal_date   INTEGER NOT NULL,
    sent_date       INTEGER,
    size            INTEGER NOT NULL,
    pack_id         INTEGER NOT NULL,
    pack_offset     INTEGER NOT NULL,
    subject_key     TEXT NOT NULL,
    from_key        TEXT NOT NULL,
    to_key          TEXT NOT NULL,
    has_attachments INTEGER NOT NULL,
    priority        INTEGER NOT NULL,
    header_msgid    TEXT,
    UNIQUE (mailbox_id, uid)
);
CREATE INDEX messages_modseq ON messages(mailbox_id, modseq);
CREATE INDEX messages_internal_date ON messages(mailbox_id, internal_date);
CREATE INDEX messages_sent_date ON messages(mailbox_id, coalesce(sent_date, internal_date));
CREATE INDEX messages_size ON messages(mailbox_id, size);
CREATE INDEX messages_subject ON messages(mailbox_id, subject_key);
CREATE INDEX messages_from ON messages(mailbox_id, from_key);
CREATE INDEX messages_to ON messages(mailbox_id, to_key);

CREATE TABLE message_details (
    message_rowid INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    headers       BLOB NOT NULL,
    preview       TEXT NOT NULL
);

-- Tombstones of expunged UIDs, so a sync from an older modification sequence learns what went away.
CREATE TABLE expunged (
    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
    uid        INTEGER NOT NULL,
    modseq     INTEGER NOT NULL,
    PRIMARY KEY (mailbox_id, uid)
) WITHOUT ROWID;
CREATE INDEX expunged_modseq ON expunged(mailbox_id, modseq);

CREATE TABLE alerts (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    posted       INTEGER NOT NULL,
    text         TEXT NOT NULL,
    acknowledged INTEGER
);
CREATE INDEX alerts_account ON alerts(account_id, posted);

CREATE TABLE server_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The change feed. No foreign keys: entries outlive what they describe. AUTOINCREMENT keeps
-- sequences increasing even after pruning empties the table.
CREATE TABLE changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    mailbox_id INTEGER,
    time       INTEGER NOT NULL
);
CREATE INDEX changes_time ON changes(time);
