"""Names in other scripts, compared with their Latin spellings.

Cyrillic, Ethiopic, Greek and the rest are alphabets or syllabaries: `similarity` writes them
in Latin letters (anyascii; Cyrillic by the project's own table), and they are then
compared like any Latin spelling. The Arabic script (Arabic, Persian, Pashto, Kurdish Sorani,
Urdu) is an abjad: short vowels are not written, and و / ي stand for w / y or for a long u / i.
A name in it becomes a *sound skeleton* — one class letter per written consonant, with `w` and
`y` kept — and `abjad_matches` aligns that skeleton with a Latin spelling: every written letter
needs a Latin partner, Latin short vowels are free, and a Latin long vowel (ee, ei, ou, oo, ...)
needs a written و or ي. So محمد = Mohammed = Muhammad, but not Mahmoud (محمود), and حسين =
Hussein = Husayn, but not Hassan (حسن).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from anyascii import anyascii

from desktop.domain.names import ARABIC_BLOCKS

ABJAD_MARK = "~"  # the first character of a token that is an abjad skeleton
ARTICLE = "L"  # the article ال in a skeleton: optional (al-Hassan = Hassan)
FINAL_H = "H"  # ة or a final ه: optional (Fatimah = Fatima)
ALIF = "A"
FIRST_VOWEL = "V"  # an alif that begins a word: it carries a, i or u (Ahmad, Ibrahim, Umar)
# Arabic d and Persian z (anyascii: "d"); alif, which anyascii leaves out
_OVERRIDE = {"ض": "D", "ا": ALIF, "أ": "", "إ": "", "ٱ": ""}

# anyascii's Latin for one Arabic-script letter → its class letter ("" for none).
_CLASS = {
    "th": "T",  # ث: t or s (Othman, Osman)
    "dh": "D",  # ذ ظ: z or d
    "sh": "S",  # ش ښ
    "kh": "K",  # خ
    "ch": "C",  # چ
    "gh": "G",  # غ
    "zh": "Z",  # ژ ږ
    "ts": "X",  # څ
    "dz": "z",  # ځ
    "`": "",  # ع
    "'": "",  # ء and hamza seats
    "a": "A",  # ا ى آ: a long a, written; a Latin "a" must stand for it
    "e": "",
    "i": "",
    "o": "",
    "u": "",
}
# Latin spellings → the classes they may write; longest first.
_SPELLINGS = (
    ("shch", "S"),
    ("dsch", "j"),
    ("tsch", "C"),
    ("sch", "S"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "Zj"),
    ("sh", "S"),
    ("kh", "Kh"),
    ("ch", "CKS"),
    ("gh", "Gg"),
    ("th", "Tts"),
    ("dh", "Dzd"),
    ("ph", "f"),
    ("ts", "X"),
    ("tz", "X"),
    ("ck", "k"),
    ("q", "qkg"),
    ("k", "kq"),
    ("g", "gGqj"),
    ("c", "ks"),
    ("x", "K"),
    ("j", "jy"),
    ("y", "y"),
    ("w", "w"),
    ("v", "vw"),
    ("s", "sT"),
    ("z", "zDZ"),
    ("t", "tT"),
    ("d", "dD"),
    ("h", "hK"),
)
_LATIN_UNITS = tuple((latin, frozenset(classes)) for latin, classes in _SPELLINGS)
# The class each spelling stands for first (`consonants` writes one class per unit).
_PRIMARY = {frozenset(classes): classes[0] for _latin, classes in _SPELLINGS}
_LONG_Y = ("ee", "ei", "ey", "ie", "ii", "iy", "ay", "ai")
_LONG_W = ("ou", "oo", "uu", "ow", "aw")
_ARTICLE = re.compile(r"^(?:al|el|ul|il|ad|ar|as|at|az|an|ash)(?=[a-z]{3})")


def is_abjad(text: str) -> bool:
    """Whether `text` has letters of the Arabic script."""
    return _ARABIC.search(text) is not None


_ARABIC = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ARABIC_BLOCKS) + "]")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The sound skeleton of one word in Arabic script, marked: "محمد" → "~mhmd"."""
    word = unicodedata.normalize("NFC", word)
    classes: list[str] = []
    letters = [ch for ch in word if unicodedata.category(ch).startswith("L")]
    if len(letters) > 3 and letters[0] == "ا" and letters[1] == "ل":
        classes.append(ARTICLE)
        letters = letters[2:]
    elif len(letters) > 6 and "".join(letters[:5]) == "عبدال":  # عبدالله, عبدالرحمن
        classes += ["b", "d", ARTICLE]
        letters = letters[5:]
    for index, ch in enumerate(letters):
        if index == 0 and not classes and ch in "أإئؤآ":  # a seat of the first vowel
            classes.append(FIRST_VOWEL)
            continue
        if ch in "ةۀ" or (ch == "ه" and index == len(letters) - 1 and index > 1):
            classes.append(FINAL_H)
            continue
        latin = anyascii(ch).lower()
        cls = _OVERRIDE.get(ch) or _CLASS.get(
            latin, latin if len(latin) == 1 and latin.isalpha() else ""
        )
        if cls and not (classes and classes[-1] == cls and cls not in "wyA"):
            classes.append(cls)
    if classes[:2] == [FIRST_VOWEL, ALIF]:  # ئا: one vowel
        del classes[1]
    if classes[:1] == [ALIF]:  # the seat of a first vowel (أحمد, إبراهيم, أمينة): any or none
        classes[0] = FIRST_VOWEL
    return ABJAD_MARK + "".join(classes)


@lru_cache(maxsize=512)
def _unit_of(text: str) -> tuple[str, frozenset[str]]:
    if text in _LONG_Y or text in _LONG_W or text == "aa":
        return "l", frozenset("y" if text in _LONG_Y else "w" if text in _LONG_W else "A")
    if text in "aeiou":
        return "v", frozenset("y" if text in "ie" else "w" if text in "ou" else "A")
    return "c", _UNIT_CLASSES.get(text, frozenset(text))


_UNIT_CLASSES = dict(_LATIN_UNITS)
# One unit at a time, in the order the units are tried: long vowels, vowels, the consonant
# spellings longest first (as `_SPELLINGS` lists them), any other letter.
_UNIT = re.compile(
    "|".join(re.escape(u) for u in (*_LONG_Y, *_LONG_W, "aa"))
    + "|[aeiou]|"
    + "|".join(re.escape(spelling) for spelling, _ in _LATIN_UNITS)
    + "|."
)


@lru_cache(maxsize=65536)
def _units(latin: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """A folded Latin word as units: ("c", classes) a consonant, ("v", "y"/"w"/"") a short vowel
    that may write a long one, ("l", "y"/"w") a long vowel that must be written."""
    out: list[tuple[str, frozenset[str]]] = []
    for found in _UNIT.finditer(latin):
        unit = _unit_of(found.group())
        if not (unit[0] == "c" and out and out[-1] == unit):  # doubled: one written letter
            out.append(unit)
    return tuple(out)


@lru_cache(maxsize=262144)
def abjad_matches(marked: str, latin: str) -> bool:
    """Whether the Latin word (folded, a-z) can write the skeleton `marked` (see module doc)."""
    wanted = marked.removeprefix(ABJAD_MARK)
    forms = [latin]
    if _ARTICLE.match(latin):
        forms.append(_ARTICLE.sub("", latin))
    return any(_align(wanted, _units(form)) for form in forms)


def _align(wanted: str, units: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    @cache
    def ok(i: int, j: int) -> bool:
        if i == len(wanted):  # a final vowel is written (ا ى ي و ة): Amin is not Amina
            return j == len(units)
        cls = wanted[i]
        if cls == FINAL_H:  # written: a final vowel, -ah or -eh, or h
            rest = units[j:]
            vowels = [k for k, _ in rest if k == "v"]
            tail_h = rest[-1:] == (("c", frozenset("hK")),)
            return (
                i == len(wanted) - 1
                and bool(rest)
                and (len(vowels) == len(rest) or (tail_h and len(vowels) == len(rest) - 1))
            )
        if cls in (ARTICLE, FIRST_VOWEL) and ok(i + 1, j):
            return True
        if j < len(units):
            kind, can = units[j]
            if kind == "v" and ok(i, j + 1):  # a short vowel is not written
                return True
            if cls == ARTICLE and kind == "c" and "l" in can:
                return ok(i + 1, j + 1)
            if cls == FIRST_VOWEL:
                return kind in ("v", "l") and ok(i + 1, j + 1)
            if kind == "l" and "A" in can and ok(i, j + 1):  # "aa" for a and ʿayn: Saad
                return True
            if cls in "ywA":  # written as a consonant, a long vowel or a short one
                return cls in can and ok(i + 1, j + 1)
            if kind == "c" and cls in can:
                return ok(i + 1, j + 1)
        return False

    return ok(0, 0)


_MARKERS = str.maketrans(dict.fromkeys((ARTICLE, FINAL_H, ALIF, FIRST_VOWEL)))


def bare(marked: str) -> str:
    """A skeleton's written letters only (no mark, article, final h, alif)."""
    return marked.removeprefix(ABJAD_MARK).translate(_MARKERS)


# Written classes folded further, for blocking and the search index: the classes a Latin
# spelling may stand for fall together, so both scripts give the same letters.
_COARSE = str.maketrans(
    {"K": "h", "C": "h", "S": "s", "X": "s", "T": "t", "D": "d", "Z": "z", "j": "g", "G": "g",
     "q": "k", "v": "w", "w": None, "y": None, ALIF: None, ARTICLE: None, FINAL_H: None,
     FIRST_VOWEL: None}
)  # fmt: skip


def coarse(token: str) -> str:
    """The written consonants of a word in coarse classes: "~mhmd" and "mohammed" → "mhmd",
    "~KAld" and "khalid" → "hld"."""
    letters = token.removeprefix(ABJAD_MARK) if token.startswith(ABJAD_MARK) else consonants(token)
    letters = letters.lstrip(ARTICLE) if token.startswith(ABJAD_MARK) else letters
    head = letters[:1] if letters[:1] in ("w", "y") else ""  # Walid, Yusuf: consonants here
    return head + letters[len(head) :].translate(_COARSE)


def join(tokens: tuple[str, ...] | list[str]) -> str:
    """Words written together: skeletons stay one skeleton ("~bd" "~Lrhmn" → "~bdLrhmn")."""
    if tokens and all(t.startswith(ABJAD_MARK) for t in tokens):
        return ABJAD_MARK + "".join(t.removeprefix(ABJAD_MARK) for t in tokens)
    return "".join(t.removeprefix(ABJAD_MARK) for t in tokens)


@lru_cache(maxsize=65536)
def consonants(latin: str) -> str:
    """A Latin word's written-letter classes without vowels, for the search index: what an
    Arabic-script query can be looked up by ("mohammed" → "mhmd")."""
    out = []
    for kind, can in _units(latin):
        if kind == "c":
            out.append(_PRIMARY.get(can, min(can)))
    return "".join(out)
