-- Schema 8: the erasure ledger. The ids of clients erased for data protection and the day, and
-- nothing else (the ids are random; no name, no date of birth, no file number). It is mirrored
-- in erasures.json outside the database: a restored older copy gets every erasure applied again.
-- Installation-local like meta: not synced (the tombstones of the change log travel instead).
CREATE TABLE erasure_ledger (
    client_id TEXT PRIMARY KEY,
    erased_on TEXT NOT NULL
) WITHOUT ROWID;
