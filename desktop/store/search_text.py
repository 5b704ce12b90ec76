"""What the name search index holds of a client (the `client_search` table's text and sort key).

Folded names, other names, file number and birth year as written (umlauts either way), and after
SPELLINGS the names' canonical spellings and coarse written consonants
(`spellings.search_words`), which other spellings and scripts of the same name share.
"""

from __future__ import annotations

from desktop.domain.model import Client
from desktop.domain.names import fold, fold_variants
from desktop.domain.scripts import is_abjad
from desktop.domain.spellings import search_words

SPELLINGS = "\t"  # in the search text: the spellings follow, not what was written
# Raised whenever what `search_text` writes changes: a case file's index is then written again
# when it is opened (`upgrades.rebuild_search_index`).
INDEX_VERSION = "4"


def search_text(client: Client) -> str:
    """The client's text in the name search index."""
    parts = [*fold_variants(client.family_name), *fold_variants(client.given_names)]
    for other in client.other_names:
        parts.extend(fold_variants(other))
    # Arabic script also as written: folding takes a hamza off its seat (ئاراس), and the
    # matcher reads the seat as the first vowel
    names = (client.family_name, client.given_names, *client.other_names)
    parts += [n.lower() for n in names if is_abjad(n) and n.lower() not in parts]
    if client.file_number:
        parts.append(fold(client.file_number))
    if client.birth_date:
        parts.append(str(client.birth_date.year))
    words = dict.fromkeys(w for name in names for w in search_words(name))
    return " | ".join(parts) + SPELLINGS + " ".join(words)


def sort_key(client: Client) -> str:
    """The key the case list sorts names by."""
    return f"{fold(client.family_name)}\x1f{fold(client.given_names)}"
