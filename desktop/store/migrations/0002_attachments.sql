-- Schema 2: scans attached to checklist items, and indexes for the deadline filters and radar.

-- An attachment's metadata is case data like any other (its change rows carry the file name,
-- media type, size and the SHA-256 of the bytes, never the bytes themselves).
CREATE TABLE attachment (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX attachment_document ON attachment (document_id);
CREATE INDEX attachment_sha256 ON attachment (sha256);

-- The bytes, content-addressed: two attachments of the same file share one row, and sync ships
-- blobs by hash. A blob no attachment references any more is deleted with its last attachment.
CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY,
    data   BLOB NOT NULL
);

-- What the deadline filter of the case list and the deadline radar look up by date. Each index
-- covers its rule (date, status, owner), so that the candidates are found without reading rows.
CREATE INDEX plan_review ON plan (review_on, status, client_id);
CREATE INDEX document_expires ON document (expires_on, status, client_id);
CREATE INDEX document_held ON document (held_since, status, client_id);
CREATE INDEX measure_due ON measure (due_on, status, goal_id, title);  -- the radar's due measures
CREATE INDEX measure_status ON measure (status, goal_id);
CREATE INDEX client_granted ON client (status_granted_on, residence_status, id);
DROP INDEX client_valid_until;
CREATE INDEX client_valid_until ON client (status_valid_until, residence_status, id);
-- "Open cases among these ids" without reading the wide client rows.
DROP INDEX client_closed;
CREATE INDEX client_closed ON client (closed_on, id);
