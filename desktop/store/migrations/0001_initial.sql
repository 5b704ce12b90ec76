-- Schema 1: the case file, the change log that sync builds on, and the name search index.
-- Every entity row is keyed by a UUID (id); `num` is a local integer handle for the search index.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- This installation (is_self = 1) and every origin device seen through sync. `num` is the compact
-- local number used in change rows; last_seq is the highest origin sequence held from that device
-- (together: the version vector).
CREATE TABLE device (
    num       INTEGER PRIMARY KEY,
    device_id TEXT NOT NULL UNIQUE,
    is_self   INTEGER NOT NULL DEFAULT 0,
    last_seq  INTEGER NOT NULL DEFAULT 0
);

-- One row per changed field group, written in the same transaction as the change itself.
-- field_group '_exists' carries the causal length (odd: exists, even: deleted);
-- '_erased' is a data-protection erasure tombstone and carries no personal data.
-- hlc = wall-clock milliseconds << 16 | counter; ties are broken by the origin's device_id.
CREATE TABLE change (
    seq         INTEGER PRIMARY KEY,
    entity      TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    field_group TEXT NOT NULL,
    value       TEXT,
    hlc         INTEGER NOT NULL,
    origin      INTEGER NOT NULL REFERENCES device (num),
    origin_seq  INTEGER NOT NULL,
    UNIQUE (origin, origin_seq)
);
CREATE INDEX change_by_row ON change (row_id, field_group);

CREATE TABLE household (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE organisation (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    contact_person TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE client (
    num                  INTEGER PRIMARY KEY,
    id                   TEXT NOT NULL UNIQUE,
    family_name          TEXT NOT NULL,
    given_names          TEXT NOT NULL,
    other_names          TEXT,
    file_number          TEXT NOT NULL DEFAULT '',
    sex                  TEXT,
    birth_date           TEXT,
    birth_place          TEXT NOT NULL DEFAULT '',
    nationality          TEXT NOT NULL DEFAULT '',
    languages            TEXT,
    interpreter_needed   INTEGER NOT NULL DEFAULT 0,
    interpreter_language TEXT NOT NULL DEFAULT '',
    phone                TEXT NOT NULL DEFAULT '',
    email                TEXT NOT NULL DEFAULT '',
    street               TEXT NOT NULL DEFAULT '',
    postcode             TEXT NOT NULL DEFAULT '',
    city                 TEXT NOT NULL DEFAULT '',
    household_id         TEXT,
    household_role       TEXT,
    arrival_date         TEXT,
    housing              TEXT,
    residence_status     TEXT,
    status_granted_on    TEXT,
    status_valid_until   TEXT,
    consent_given_on     TEXT,
    consent_scope        TEXT,
    consent_withdrawn_on TEXT,
    opened_on            TEXT,
    closed_on            TEXT,
    retention_until      TEXT,
    sort_key             TEXT NOT NULL DEFAULT '',  -- derived: normalised "family given"
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX client_sort ON client (sort_key);
CREATE INDEX client_file_number ON client (file_number);
CREATE INDEX client_household ON client (household_id);
CREATE INDEX client_valid_until ON client (status_valid_until);
CREATE INDEX client_closed ON client (closed_on);

-- Normalised names, other spellings, file number and birth year: trigram substring search.
-- sort_key and closed are copies from client, so that a broad search can sort, filter and count
-- inside this narrow table and touch the wide client table only for the rows shown.
CREATE VIRTUAL TABLE client_search USING fts5 (
    text,
    sort_key UNINDEXED,
    closed UNINDEXED,
    tokenize = 'trigram remove_diacritics 1'
);
-- Deleting from the index really removes the terms (erasure must leave nothing behind).
INSERT INTO client_search (client_search, rank) VALUES ('secure-delete', 1);

CREATE TABLE plan (
    id        TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    status    TEXT NOT NULL,
    agreed_on TEXT,
    review_on TEXT
) WITHOUT ROWID;
CREATE INDEX plan_client ON plan (client_id);

CREATE TABLE goal (
    id              TEXT PRIMARY KEY,
    plan_id         TEXT NOT NULL,
    field_of_action TEXT NOT NULL,
    title           TEXT NOT NULL,
    position        INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX goal_plan ON goal (plan_id);

CREATE TABLE measure (
    id              TEXT PRIMARY KEY,
    goal_id         TEXT NOT NULL,
    title           TEXT NOT NULL,
    responsible     TEXT NOT NULL,
    organisation_id TEXT,
    due_on          TEXT,
    client_text     TEXT NOT NULL DEFAULT '',
    position        INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL,
    outcome         TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX measure_goal ON measure (goal_id);

CREATE TABLE document (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,
    holder     TEXT NOT NULL DEFAULT '',
    held_since TEXT,
    expires_on TEXT
) WITHOUT ROWID;
CREATE INDEX document_client ON document (client_id);

CREATE TABLE appointment (
    id                   TEXT PRIMARY KEY,
    client_id            TEXT NOT NULL,
    starts_at            TEXT NOT NULL,
    duration_minutes     INTEGER NOT NULL,
    place                TEXT NOT NULL DEFAULT '',
    organisation_id      TEXT,
    purpose              TEXT NOT NULL DEFAULT '',
    participants         TEXT NOT NULL DEFAULT '',
    interpreter_language TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL,
    outcome              TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX appointment_client ON appointment (client_id);
CREATE INDEX appointment_start ON appointment (starts_at);

CREATE TABLE note (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL,
    written_on TEXT NOT NULL,
    text       TEXT NOT NULL,
    author     TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX note_client ON note (client_id);

CREATE TABLE support (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    purpose         TEXT NOT NULL DEFAULT '',
    since           TEXT,
    until           TEXT
) WITHOUT ROWID;
CREATE INDEX support_client ON support (client_id);
CREATE INDEX support_organisation ON support (organisation_id);
