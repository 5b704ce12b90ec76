-- Schema 9: compaction of the change log.
--
-- Change rows that every active colleague has acknowledged are settled: they leave `change`, and
-- per entity row only what a merge still needs stays here, per field group the winner (last
-- writer by HLC and device id; for '_exists' the largest causal length) with its clock, origin,
-- sequence and the clock it replaced. One row per entity row (and per audit event):
--   hlc, origin, origin_seq: the row's base clock, device number and sequence;
--   groups: {"group": [hlc - base hlc, origin_seq - base seq, origin (null: the base one),
--                      hlc - prev_hlc (null: prev_hlc 0), value (null: the table row holds it)]}
--   trailing nulls left out.
-- The value is kept for the small groups read by value (existence, erasure, merge, link,
-- consent, household) and wherever the table row does not hold the winner; otherwise the entity
-- row (or the audit table for an audit event) holds it.
CREATE TABLE settled (
    row_id     TEXT PRIMARY KEY,
    entity     TEXT NOT NULL,
    hlc        INTEGER NOT NULL,
    origin     INTEGER NOT NULL,
    origin_seq INTEGER NOT NULL,
    groups     TEXT NOT NULL
) WITHOUT ROWID;

-- The whole log as readers see it: the unsettled rows and the settled winners, same columns
-- (seq is NULL for a settled row).
CREATE VIEW change_log (seq, entity, row_id, field_group, value, hlc, origin, origin_seq, prev_hlc)
AS
SELECT seq, entity, row_id, field_group, value, hlc, origin, origin_seq, prev_hlc FROM change
UNION ALL
SELECT
    NULL,
    s.entity,
    s.row_id,
    g.key,
    g.value ->> 4,
    s.hlc + (g.value ->> 0),
    coalesce(g.value ->> 2, s.origin),
    s.origin_seq + (g.value ->> 1),
    CASE WHEN g.value ->> 3 IS NULL THEN 0 ELSE s.hlc + (g.value ->> 0) - (g.value ->> 3) END
FROM settled s, json_each(s.groups) g;
