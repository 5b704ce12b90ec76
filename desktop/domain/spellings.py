"""How a name is written: its folded words, their canonical keys, and their written consonants.

The same name reaches the office in many spellings: "Mohammed" / "Muhammad", "Abdulrahman" /
"Abdul Rahman" / "Abd al-Rahman", "Oleksandr" / "Aleksandr", German transcriptions ("Dschamal",
"Schewtschenko"), Somali ("Maxamed"), Arabic, Cyrillic or Ethiopic script. A name is folded to
Latin words (`name_tokens`: Cyrillic by a table, other alphabets by anyascii, Arabic script as a
sound skeleton, `scripts`), each word to a few *canonical keys* in which the common romanisation
variants coincide (`token_keys`), and to the *codes* of its written consonants in coarse classes,
which every spelling and script of the word shares or nearly so (`word_codes`). The codes'
neighbours (one letter left out) are what the search index and the duplicates report's blocks
hold (`search_words`, `blocking_keys`); `name_match` compares the words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from desktop.domain.names import fold, typed_name
from desktop.domain.scripts import ABJAD_MARK, coarse, is_abjad, join, skeleton

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)

# Ordered rewrites of a folded token: longest sequences first. Upper-case letters mark a sound
# whose romanisations disagree; each becomes every value in `_AMBIGUOUS`, as variants.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("rh", "rg"),  # Ukrainian h = Russian g: Serhii = Sergei, Yevhen = Jewgen
    ("vh", "vg"),
    ("ddsch", "dsch"),  # Naddschar = Najjar
    ("dsch", "g"),
    ("tsch", "h"),  # German tsch = English ch, which becomes h below
    ("dzh", "g"),
    ("sch", "sh"),
    ("dj", "g"),
    ("zh", "sh"),  # Zhuk = Schuk = Žuk
    ("sh", "s"),
    ("kh", "h"),
    ("ch", "C"),  # German/English kh (Chalid), French sh (Cherif, Aicha)
    ("gh", "g"),
    ("ph", "f"),
    ("th", "T"),
    ("dh", "z"),
    ("ck", "k"),
    ("q", "Q"),
    ("c", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("j", "J"),
)
# j: English "dj" (Jamal = Djamal) or German/Slavic "y" (Julija); th: t or s (Othman = Osman);
# q: k (Arabic Qasem = Kassem) or g (Persian Qasem = Ghasem).
_AMBIGUOUS = {"J": ("i", "g"), "T": ("t", "s"), "Q": ("k", "g"), "C": ("h", "s")}
# Somali spelling: x is ḥ (h), c is ʿayn (not written in other romanisations)
_SOMALI_C = re.compile(r"c(?=[aeiou])|(?<=[aeiou])c(?![hk])")
_SOMALI_MO = re.compile(r"(?<=m)o$")
_UMLAUT_SPELLING = re.compile(r"(?<=[a-z])[aou]e|^[aou]e(?=[a-z])")
_ARTICLES = frozenset({"al", "il", "ul", "ad", "id", "as", "ar", "at", "az"})
_SUN_ARTICLES = frozenset({"ad", "id", "as", "ar", "at", "az"})
_PARTICLES = frozenset({"bin", "ibn", "bint"})
# Abd al-X (Abdulrahman = Abdelrahman = Abd al-Rahman, Abdullah = Abdallah), not Abdulle
_ABD = re.compile(r"^abd(?:ul|il|al|u)(?=[a-z]{3}|a$)")
_LAST_VOWEL = re.compile(r"([^aiu])[iu]([^aiu])$")
_DOUBLE = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z ?]+")


LOST = "?"  # a letter lost to an encoding ("O?uz" for "Oğuz"): any one letter
WORD_SEPARATORS = re.compile(r"[\s\-_.,;:/()\u060c]+")  # between words (، the Arabic comma)


@lru_cache(maxsize=65536)
def latin(text: str) -> str:
    """Folded words: Cyrillic by the table above, other alphabets by anyascii, only a-z (and
    "?" for a lost letter); an Arabic-script word becomes its marked sound skeleton."""
    words = []
    for raw in WORD_SEPARATORS.split(typed_name(text).replace("\ufffd", LOST)):
        if is_abjad(raw):  # as written: folding would take the hamza off its seat
            words.append(skeleton(raw))
            continue
        plain = fold(raw.lower().replace("ž", "zh").translate(_CYRILLIC_TABLE))
        words.extend(_NOT_LETTER.sub("", fold(anyascii(plain))).split())
    return " ".join(w for w in words if w.strip(LOST) and w != ABJAD_MARK)


def _rewritten(token: str) -> list[str]:
    t = token
    for old, new in _REWRITES:
        t = t.replace(old, new)
    forms = [t]
    for mark, values in _AMBIGUOUS.items():
        if mark in t:
            forms = [f.replace(mark, v) for f in forms for v in values]
    return forms


def _canon(t: str) -> str:
    if t.endswith("ed") and len(t) > 4:
        t = t[:-2] + "ad"  # Mohammed = Mohammad, Ahmed = Ahmad
    if t.endswith(("ah", "eh", "ih", "uh", "oh")) and len(t) > 3:
        t = t[:-2] + ("a" if t[-2] in "ae" else t[-2])  # Fatimah, Zadeh
    t = t.replace("y", "i").replace("e", "i").replace("o", "u")
    t = _DOUBLE.sub(r"\1", t)
    t = t.replace("ai", "i")
    if len(t) >= 5:  # the short vowel of the last syllable: Yusuf = Youssef, Khalid = Khaled
        t = _LAST_VOWEL.sub(r"\1a\2", t)
    t = _ABD.sub("abd", t)
    return _DOUBLE.sub(r"\1", t)


def _spellings(token: str) -> set[str]:
    """A folded token and what it may be in another romanisation's letters."""
    out = {token}
    plain = _UMLAUT_SPELLING.sub(lambda m: m.group(0)[0], token)  # Oeztuerk = Öztürk
    somali = _SOMALI_C.sub("", token.replace("x", "h"))  # Maxamed = Mohamed, Cabdi = Abdi
    out |= {t for t in (plain, somali) if len(t) >= 2}
    # Persian -ow is -o (Khosrow = Khosro); German -ow, Russian -ov, stays too
    out |= {t[:-2] + "o" for t in out if t.endswith("ow")}
    # e for a short a (Persian Mehdi = Mahdi, Kurdish Berzan = Barzan, Turkish Ahmet), and
    # Somali -e and -mo for -a (Muuse = Musa, Xaliimo = Halima)
    out |= {_SOMALI_MO.sub("a", t.replace("e", "a")) for t in out if "e" in t or t[-2:] == "mo"}
    return out


@lru_cache(maxsize=65536)
def token_keys(token: str) -> tuple[str, ...]:
    """The canonical spellings of one folded token (one or a few: j as "i" and as "g"); an
    Arabic-script skeleton or a word with a lost letter is its own key."""
    if token.startswith(ABJAD_MARK) or LOST in token:
        return (token,)
    keys = {_canon(t) for spelling in _spellings(token) for t in _rewritten(spelling)}
    keys |= {k.replace("z", "s") for k in keys if "z" in k}  # German s is z: Resa, Karsai
    for k in list(keys):
        if len(k) >= 6 and k.startswith(("al", "il")):  # Al-Hassan = Alhassan = Hassan
            keys.add(_ABD.sub("abd", k[2:]))
    return tuple(sorted(keys))


@lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """The folded words of a name: articles joined to the next word ("al hassan" ->
    "alhassan", as often written), "bin"/"ibn" left out."""
    words = latin(text).split()
    kept: list[str] = []
    article = ""
    for w in words:
        keys = set(token_keys(w))
        if keys & _PARTICLES and len(words) > 1:
            continue
        if keys & _ARTICLES and len(words) > 1:
            # before a "sun letter" al- is spoken and often written ar-, as-, ad-: Ar-Rashid
            article += "al" if keys & _SUN_ARTICLES else w
            continue
        kept.append(article + w)
        article = ""
    if article:
        kept.append(article)
    return tuple(kept)


def is_particle(word: str) -> bool:
    """Whether a word is "bin", "ibn" or "bint", which names leave out."""
    words = latin(word).split()
    return len(words) == 1 and bool(set(token_keys(words[0])) & _PARTICLES)


def name_keys(text: str) -> set[str]:
    """The transliteration-aware keys of a whole name, words joined: "Abd al-Rahman" and
    "Abdulrahman" share one, so do "Jamal" and "Dschamal" or "Julija" and "Yuliia"."""
    keys = {""}
    for w in name_tokens(text):
        keys = {k + v for k in keys for v in token_keys(w)}
    return {_ABD.sub("abd", k) for k in keys} - {""}


def name_key(text: str) -> str:
    """One key of a name (the first of `name_keys`), for display and sorting."""
    return min(name_keys(text), default="")


def name_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words and, when it has several, all of them written together (Abdul Rahman,
    "abdulrahman"): what another record's words are compared with, looked up and blocked by."""
    return (*tokens, join(tokens)) if len(tokens) > 1 else tokens


@lru_cache(maxsize=65536)
def blocking_keys(text: str) -> frozenset[str]:
    """Keys for finding candidate pairs: the neighbours (`code_neighbours`) of the written-
    consonant codes of each word and of the words written together. The matcher takes two
    words for the same name only when their neighbours meet, so two records that it takes for
    the same name share a key. A letter lost to an encoding ("O?uz") is each letter in turn."""
    out: set[str] = set()
    for w in name_words(name_tokens(text)):
        for filled in _fillings(w) if w.count(LOST) <= 2 else ():
            out |= neighbours(filled)
    return frozenset(out)


_FILL = "abdfghklmnprstvz"  # a vowel and a letter of each consonant class


def _fillings(word: str) -> list[str]:
    if LOST not in word or word.startswith(ABJAD_MARK):
        return [word.replace(LOST, "")]
    head, _, tail = word.partition(LOST)
    return [f for c in _FILL for f in _fillings(head + c + tail)]


def word_codes(token: str) -> set[str]:
    """The coarse written-consonant codes of a word ("~" + `scripts.coarse`), its canonical
    spellings' too: what a word in another script or spelling shares with it."""
    plain = token.replace(LOST, "")
    codes = {coarse(plain)}
    if not token.startswith(ABJAD_MARK):
        codes |= {coarse(k) for k in token_keys(plain)} if plain else set()
    else:  # a first و or ي a Latin key may write as a vowel (يوسف = Jusuf, key "iusaf")
        codes |= {c[1:] for c in codes if c[:1] in "wy"}
    return {ABJAD_MARK + c for c in codes if c}


def code_neighbours(code: str) -> frozenset[str]:
    """A marked written-consonant code and, from four letters on, the code with any one letter
    left out: two words whose neighbours meet differ in one written consonant at most (one
    more, one less or another), which is how far the matcher lets a name's spellings go and
    what the search index holds so that it finds them all."""
    letters = code.removeprefix(ABJAD_MARK)
    out = {code}
    if len(letters) >= 4:
        out |= {ABJAD_MARK + letters[:i] + letters[i + 1 :] for i in range(len(letters))}
    return frozenset(out)


@lru_cache(maxsize=65536)
def neighbours(token: str) -> frozenset[str]:
    return frozenset(n for c in word_codes(token) for n in code_neighbours(c))


def search_words(text: str) -> list[str]:
    """The words of a name as the search index holds them beside the folded name: the
    neighbours of each word's written-consonant codes ("~l~", whole codes), and of the words
    written together. The matcher takes two words for one name only when their neighbours
    meet, so a search by them finds every name the matcher would take."""
    return sorted({c + ABJAD_MARK for w in name_words(name_tokens(text)) for c in neighbours(w)})
