-- Schema 3: sync between colleagues.

-- The HLC of the value a change replaced (0 for a new row): when two edits of one field group
-- meet, the one that loses is a conflict only if the winner's editor had not seen it.
ALTER TABLE change ADD COLUMN prev_hlc INTEGER NOT NULL DEFAULT 0;
CREATE INDEX change_by_hlc ON change (hlc);

-- Colleagues this installation trusts (installation-local: never synced, never exported).
-- acked is their version vector as of their last bundle ({device_id: seq}): what they hold.
-- A bundle signed by another key is refused, even if it names their device, until the
-- coordinator compares fingerprints and adds the new identity under their name.
CREATE TABLE colleague (
    name                 TEXT PRIMARY KEY,
    signing_key          TEXT NOT NULL UNIQUE,
    exchange_key         TEXT NOT NULL,
    device_id            TEXT,
    acked                TEXT NOT NULL DEFAULT '{}',
    added_at             TEXT NOT NULL,
    last_import_at       TEXT,
    last_export_at       TEXT
) WITHOUT ROWID;

-- Bundles already imported (by id): a watched folder imports each file once.
CREATE TABLE bundle_seen (
    bundle_id   TEXT PRIMARY KEY,
    sender      TEXT NOT NULL,
    imported_at TEXT NOT NULL
) WITHOUT ROWID;

-- Edits that lost a merge without their editor having seen the winner, and edits a delete
-- overrode: for the coordinator to review. kind: 'edit' or 'deleted'.
CREATE TABLE conflict (
    num         INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    entity      TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    field_group TEXT NOT NULL,
    lost_value  TEXT,
    lost_hlc    INTEGER NOT NULL,
    lost_device TEXT NOT NULL,
    won_value   TEXT,
    won_hlc     INTEGER NOT NULL,
    won_device  TEXT NOT NULL,
    found_at    TEXT NOT NULL,
    resolved_at TEXT,
    resolution  TEXT
);
CREATE INDEX conflict_open ON conflict (resolved_at, num);
CREATE INDEX conflict_row ON conflict (row_id);
