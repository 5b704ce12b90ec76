"""Folding names for search: case- and diacritic-insensitive, with German transcriptions."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into base letter + mark.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ı": "i",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "ŀ": "l",
        "ʼ": "",
        "’": "",
        "'": "",
        "`": "",
        "ʻ": "",
    }
)
_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
_SEPARATORS = re.compile(r"[\s\-_.,;:/()]+")


def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: "Şahin-Öztürk" -> "sahin ozturk"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", bare.casefold()).strip()


def fold_variants(text: str) -> list[str]:
    """`fold(text)` and, where German umlauts occur, the "ue/oe/ae" spelling too."""
    plain = fold(text)
    transcribed = fold(text.translate(_UMLAUT))
    return [plain] if transcribed == plain else [plain, transcribed]


def search_terms(query: str) -> list[str]:
    """The folded words of a query, longest first (the most selective drive the search)."""
    return sorted({w for w in fold(query).split(" ") if w}, key=len, reverse=True)
