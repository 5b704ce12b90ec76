-- Schema 6: the name search finds other spellings and scripts of a name.

-- Nothing changes in the tables: the data step that follows (desktop/store/upgrades.py) writes
-- every client's search text again, now with the canonical spellings and written consonants of
-- its names (desktop/domain/similarity.py search_words).
SELECT 1;
