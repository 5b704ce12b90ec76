-- Schema 7: deadlines of the radar marked done or snoozed (synced like every part of a case).

-- A mark names its deadline by client, kind, the row it is about and the day it is due; when
-- that day changes, the mark no longer applies. Erased and deleted with the client's case.
CREATE TABLE deadline_mark (
    id            TEXT PRIMARY KEY,
    client_id     TEXT NOT NULL,
    kind          TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    due_on        TEXT NOT NULL,
    status        TEXT NOT NULL,
    snoozed_until TEXT,
    marked_on     TEXT
) WITHOUT ROWID;
CREATE INDEX deadline_mark_client ON deadline_mark (client_id);
