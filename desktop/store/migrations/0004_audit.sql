-- Schema 4: the audit trail, and which rows were held back from which colleague.

-- Who (device, coordinator) did what (action) to which case (client_id, NULL for the case file
-- as a whole) and when. Each event is also a change row (entity 'audit', field group 'event') so
-- that it travels by sync; this table is its readable form. Events carry ids and names of field
-- groups, never personal data of a client, so they outlive an erasure. Nothing may change them.
CREATE TABLE audit (
    id          TEXT PRIMARY KEY,
    at          TEXT NOT NULL,
    hlc         INTEGER NOT NULL,
    device_id   TEXT NOT NULL,
    coordinator TEXT NOT NULL,
    action      TEXT NOT NULL,
    client_id   TEXT,
    detail      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX audit_by_client ON audit (client_id, at);
CREATE INDEX audit_by_time ON audit (at);
CREATE TRIGGER audit_is_not_updated BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
CREATE TRIGGER audit_is_not_deleted BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;

-- Rows (clients without consent to share, and what belongs to them) left out of a colleague's
-- bundles. Once a client may be shared, every change of these rows goes in each bundle, however
-- old (the colleague's acknowledgement never covered them), until the colleague acknowledges a
-- bundle written after that: one holding a change of this device newer than released_seq.
CREATE TABLE held_back (
    colleague       TEXT NOT NULL,
    row_id          TEXT NOT NULL,
    released_device TEXT,
    released_seq    INTEGER,
    PRIMARY KEY (colleague, row_id)
) WITHOUT ROWID;
