"""Folding names for search: case- and diacritic-insensitive, with German transcriptions.

Also the hygiene of names as typed or imported: `clean_name` (NFC, no invisible characters,
single spaces), `encoding_damage` (mojibake such as "MÃ¼ller" repaired) and `lost_letters`
("O?uz": a letter the spreadsheet's export could not write).
"""

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
        "\u200c": "",  # the zero-width non-joiner Persian names keep: search does not see it
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


# -- hygiene -----------------------------------------------------------------------------------

ZWNJ = "\u200c"
_LOST = "\ufffd"  # the replacement character: what a decoder writes for a byte it cannot read
_WHITESPACE = re.compile(r"\s+")
# The blocks of the Arabic script (Arabic, Supplement, Extended-A/B, Presentation Forms A/B).
ARABIC_BLOCKS = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


def _arabic_letter(ch: str) -> bool:
    code = ord(ch)
    return ch.isalpha() and any(lo <= code <= hi for lo, hi in ARABIC_BLOCKS)


def _invisible(ch: str) -> bool:
    """A format (Cf) or control (Cc) character: nothing a name shows."""
    return unicodedata.category(ch) in ("Cf", "Cc")


def _arabic_neighbour(chars: list[str] | str, start: int, step: int) -> bool:
    """Whether the first character from `start` in direction `step` that is neither a mark nor
    invisible is a letter of the Arabic script (a ZWNJ in between: no)."""
    i = start
    while 0 <= i < len(chars):
        ch = chars[i]
        if ch == ZWNJ:
            return False
        if not (_invisible(ch) or unicodedata.category(ch).startswith("M")):
            return _arabic_letter(ch)
        i += step
    return False


def clean_name(text: str) -> str:
    """A name as it is stored: NFC, without zero-width, bidi-control and other invisible format
    or control characters, whitespace runs (tabs, no-break spaces) as one space, stripped.

    The zero-width non-joiner (U+200C) stays where Persian writing needs it, between two letters
    of the Arabic script; `fold` ignores it.
    """
    if text.isprintable():  # the usual case: nothing invisible, at most spaces to tidy
        return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    spaced = _WHITESPACE.sub(" ", text)
    kept: list[str] = []
    for i, ch in enumerate(spaced):
        if ch == ZWNJ:
            if _arabic_neighbour(kept, len(kept) - 1, -1) and _arabic_neighbour(spaced, i + 1, 1):
                kept.append(ch)
        elif not _invisible(ch):
            kept.append(ch)
    joined = _WHITESPACE.sub(" ", "".join(kept))  # "a \u200b b" -> "a  b" -> "a b"
    return unicodedata.normalize("NFC", joined).strip()


# Mojibake is what UTF-8 bytes look like when read as Windows-1252 or Latin-1.
_MISREAD_AS = ("sloppy-windows-1252", "latin-1")
# Words split at ASCII spaces only: "à" misread is "Ã" and a no-break space.
_WORD_PARTS = re.compile(r"([ \t\r\n]+)")


def _reread(word: str, misread_as: tuple[str, ...] = _MISREAD_AS) -> str:
    """The word's characters as the bytes they stood for, read again as UTF-8 (strictly), as
    long as that succeeds; the word itself if it never does. (The sloppy codec is ftfy's: it
    exists once ftfy is imported.)"""
    if _LOST in word:  # a byte was lost already: no reading gets the letter back
        return word
    for _ in range(3):  # mojibake of mojibake
        for encoding in misread_as:
            try:
                again = word.encode(encoding).decode("utf-8")
            except UnicodeError:
                continue
            if again != word and not any(_invisible(ch) for ch in again):
                word = again
                break
        else:
            return word
    return word


def encoding_damage(text: str) -> str | None:
    """The repaired name if `text` shows mojibake ("MÃ¼ller" -> "Müller", "Ã–zdemir" ->
    "Özdemir", "OÄŸuz" -> "Oğuz"), else None.

    ftfy's `fix_encoding` first; then, word by word, what it leaves as too short to judge: a word
    that is entirely UTF-8 bytes misread as Windows-1252 or Latin-1. A good name practically never
    is one (it would need a letter such as "Ã" or "Ä" right before a symbol or "Ÿ", "ž").
    A repair that would leave a replacement character (a lost byte) is not offered.
    """
    if text.isascii():
        return None
    import ftfy  # here: only imports need it, and it takes a tenth of a second to load

    fixed = ftfy.fix_encoding(text)
    if _LOST in fixed and _LOST not in text:  # ftfy found a letter with a byte lost
        return None
    fixed = "".join(_reread(part) for part in _WORD_PARTS.split(fixed))
    fixed, before = clean_name(fixed), clean_name(text)
    return fixed if fixed != before else None


def lost_letters(text: str) -> bool:
    """Whether letters of the name were lost on the way ("O?uz", "Ay?e", "?ahin", "????"): a
    replacement character, or a "?" next to a letter or to another "?". A "?" standing alone
    ("unknown") is not a lost letter."""
    if _LOST in text:
        return True
    for i, ch in enumerate(text):
        if ch != "?":
            continue
        neighbours = text[i - 1 : i] + text[i + 1 : i + 2]
        if any(n.isalpha() or n == "?" for n in neighbours):
            return True
    return False


_MOJIBAKE_LEAD = frozenset("ÃÂÄÅÐÑØÙ")


def typed_name(text: str) -> str:
    """A name as typed or pasted, made comparable at once: invisible characters out
    (`clean_name`), and a word whose UTF-8 was read as Windows-1252 ("Ã–zdemir") read again
    strictly (no ftfy here: it is for the import, too slow to load while typing)."""
    text = clean_name(text)
    if not any(ch in _MOJIBAKE_LEAD for ch in text):
        return text
    return " ".join(_reread(word, ("cp1252",)) for word in text.split(" "))
