-- Schema 5: an item's wording in every client language, and the office's phrase book.

-- The phrase an item was chosen from (its texts print in every language) and the item's own
-- texts by language ({"ar": "..."}; NULL for none). measure.client_text moves into measure.texts
-- in the data step that follows this script (desktop/store/upgrades.py), which also drops it.
ALTER TABLE goal ADD COLUMN phrase_key TEXT NOT NULL DEFAULT '';
ALTER TABLE goal ADD COLUMN texts TEXT;
ALTER TABLE measure ADD COLUMN phrase_key TEXT NOT NULL DEFAULT '';
ALTER TABLE measure ADD COLUMN texts TEXT;
ALTER TABLE appointment ADD COLUMN purpose_key TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN purpose_texts TEXT;

-- The office's own phrases and its corrections of shipped ones (id = the phrase key); synced.
CREATE TABLE office_phrase (
    id              TEXT PRIMARY KEY,
    field_of_action TEXT NOT NULL,
    kind            TEXT NOT NULL,
    german          TEXT NOT NULL,
    texts           TEXT
) WITHOUT ROWID;
