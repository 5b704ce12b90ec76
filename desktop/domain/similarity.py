"""Are two client records the same person? Transliteration-aware names, birth dates, papers.

The same person is often written down differently: "Mohammed" / "Muhammad", "Abdulrahman" /
"Abdul Rahman" / "Abd al-Rahman", "Oleksandr" / "Aleksandr", "Gebremariam" / "Gebre-Mariam",
German transcriptions ("Dschamal", "Schewtschenko"), given and family names swapped. Names are
first reduced to a *canonical key* in which the common romanisation variants coincide (or nearly
so), then compared with Jaro-Winkler over tokens, whole fields and the whole name (swapped and
pooled). The evidence of names, birth date, nationality and file number is added up as log-odds
and turned into a score between 0 and 1 (see docs/duplicates.md).

Standard library only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.domain.names import fold, typed_name
from desktop.domain.scripts import (
    ABJAD_MARK,
    abjad_matches,
    bare,
    coarse,
    consonants,
    is_abjad,
    join,
    skeleton,
)

# A "likely" pair scores at least this (calibrated on tests/fixtures/duplicates.json).
LIKELY_THRESHOLD = 0.6

# ---------------------------------------------------------------------------------------------
# Canonical keys

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
_UMLAUT_SPELLING = re.compile(r"(?<=[a-z])[aou]e|^[aou]e(?=[a-z])")
_ARTICLES = frozenset({"al", "il", "ul", "ad", "id", "as", "ar", "at", "az"})
_PARTICLES = frozenset({"bin", "ibn", "bint"})
_ABD = re.compile(r"^abd(?:ul|il|al|u)(?=[a-z])")
_LAST_VOWEL = re.compile(r"([^aiu])[iu]([^aiu])$")
_DOUBLE = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z ?]+")


_LOST = "?"  # a letter lost to an encoding ("O?uz" for "Oğuz"): any one letter
WORD_SEPARATORS = re.compile(r"[\s\-_.,;:/()\u060c]+")  # between words (، the Arabic comma)


@lru_cache(maxsize=65536)
def _latin(text: str) -> str:
    """Folded words: Cyrillic by the table above, other alphabets by anyascii, only a-z (and
    "?" for a lost letter); an Arabic-script word becomes its marked sound skeleton."""
    words = []
    for raw in WORD_SEPARATORS.split(typed_name(text).replace("\ufffd", _LOST)):
        if is_abjad(raw):  # as written: folding would take the hamza off its seat
            words.append(skeleton(raw))
            continue
        plain = fold(raw.lower().replace("ž", "zh").translate(_CYRILLIC_TABLE))
        words.extend(_NOT_LETTER.sub("", fold(anyascii(plain))).split())
    return " ".join(w for w in words if w.strip(_LOST) and w != ABJAD_MARK)


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


@lru_cache(maxsize=65536)
def token_keys(token: str) -> tuple[str, ...]:
    """The canonical spellings of one folded token (one or a few: j as "i" and as "g"); an
    Arabic-script skeleton or a word with a lost letter is its own key."""
    if token.startswith(ABJAD_MARK) or _LOST in token:
        return (token,)
    keys = {_canon(t) for t in _rewritten(token)}
    plain = _UMLAUT_SPELLING.sub(lambda m: m.group(0)[0], token)  # Oeztuerk = Öztürk
    if plain != token:
        keys |= {_canon(t) for t in _rewritten(plain)}
    somali = _SOMALI_C.sub("", token.replace("x", "h"))  # Maxamed = Mohamed, Cabdi = Abdi
    if somali != token and len(somali) >= 2:
        keys |= {_canon(t) for t in _rewritten(somali)}
    for k in list(keys):
        if len(k) >= 6 and k.startswith(("al", "il")):  # Al-Hassan = Alhassan = Hassan
            keys.add(_ABD.sub("abd", k[2:]))
    return tuple(sorted(keys))


@lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """The folded words of a name: articles joined to the next word ("al hassan" ->
    "alhassan", as often written), "bin"/"ibn" left out."""
    words = _latin(text).split()
    kept: list[str] = []
    article = ""
    for w in words:
        keys = set(token_keys(w))
        if keys & _PARTICLES and len(words) > 1:
            continue
        if keys & _ARTICLES and len(words) > 1:
            article += w
            continue
        kept.append(article + w)
        article = ""
    if article:
        kept.append(article)
    return tuple(kept)


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


def _skeleton(key: str) -> str:
    return _DOUBLE.sub(r"\1", re.sub("[aeiou]", "", key))


@lru_cache(maxsize=65536)
def blocking_keys(text: str) -> frozenset[str]:
    """Coarse keys (the first consonants of each word's key) for finding candidate pairs; the
    written consonants in coarse classes too (`scripts.coarse`), so that a name in Arabic script
    and its Latin spelling share one."""
    out = set()
    tokens = name_tokens(text)
    for w in (*tokens, join(tokens)):
        for k in token_keys(w):
            if not k.startswith(ABJAD_MARK) and _LOST not in k:
                s = _skeleton(k)
                if s:
                    out.add(s[:3])
        for c in word_codes(w):
            out.add(c[:4])
    return frozenset(out)


def word_codes(token: str) -> set[str]:
    """The coarse written-consonant codes of a word ("~" + `scripts.coarse`), its canonical
    spellings' too: what a word in another script or spelling shares with it."""
    plain = token.replace(_LOST, "")
    codes = {coarse(plain)}
    if not token.startswith(ABJAD_MARK):
        codes |= {coarse(k) for k in token_keys(plain)} if plain else set()
    return {ABJAD_MARK + c for c in codes if c}


def search_words(text: str) -> list[str]:
    """The words of a name as the search index holds them beside the folded name: each word's
    canonical spellings and coarse codes."""
    out: list[str] = []
    tokens = name_tokens(text)
    for token in (*tokens, join(tokens)) if len(tokens) > 1 else tokens:
        if not token.startswith(ABJAD_MARK) and _LOST not in token:
            out.extend(token_keys(token))
        out.extend(sorted(c + ABJAD_MARK for c in word_codes(token)))  # "~l~": whole codes
    return list(dict.fromkeys(out))


SAME_NAME = 0.95  # word_similarity from here on: the same name, for every consumer


def names_cover(wanted: tuple[str, ...], parts: list[tuple[str, ...]]) -> float:
    """How well the name words `wanted` are names of a person whose names are `parts` (tokens
    per name), in order, each alone or a few written together as one of the person's words or
    names ("Abd al-Rahman" = "Abdulrahman", "Mohammad Reza" = "محمدرضا"): the worst word's
    similarity (below SAME_NAME: one of them is not the person's)."""
    stored = {w for part in parts for w in part}
    stored |= {join(part) for part in parts if len(part) > 1}
    worst, i = 1.0, 0
    while i < len(wanted):
        best, step = 0.0, 1
        for n in range(min(4, len(wanted) - i), 0, -1):
            run = join(wanted[i : i + n]) if n > 1 else wanted[i]
            sim = max((word_similarity(run, w) for w in stored), default=0.0)
            if sim >= SAME_NAME:
                best, step = sim, n
                break
            best = max(best, sim)
        if best < SAME_NAME:
            return best
        worst, i = min(worst, best), i + step
    return worst


def same_name(family_a: str, given_a: str, family_b: str, given_b: str) -> bool:
    """Whether two records name one person by the one matcher: every word of each name is the
    same name as a word of the other record's (either way round, given and family names
    swapped too)."""
    a = [name_tokens(family_a), name_tokens(given_a)]
    b = [name_tokens(family_b), name_tokens(given_b)]
    if not a[0] or not b[0]:
        return False

    def covers(x: list[tuple[str, ...]], y: list[tuple[str, ...]]) -> bool:
        return all(
            names_cover(part, [other]) >= SAME_NAME
            for part, other in zip(x, y, strict=True)
            if part or other
        )

    return (covers(a, b) and covers(b, a)) or (covers(a, b[::-1]) and covers(b[::-1], a))


def word_similarity(a: str, b: str) -> float:
    """How alike two words of names are (folded tokens as `name_tokens` makes them), across
    spellings and scripts: 1.0 the same, 0.95 and above the same name."""
    return _token_sim(a, b)


# ---------------------------------------------------------------------------------------------
# Jaro-Winkler


@lru_cache(maxsize=262144)
def jaro_winkler(a: str, b: str) -> float:
    """Jaro-Winkler similarity of two strings (1.0 the same, 0.0 nothing in common)."""
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if not la or not lb:
        return 0.0
    window = max(0, max(la, lb) // 2 - 1)
    used = [False] * lb
    matched_a = []
    for i, ch in enumerate(a):
        for j in range(max(0, i - window), min(lb, i + window + 1)):
            if not used[j] and b[j] == ch:
                used[j] = True
                matched_a.append(ch)
                break
    m = len(matched_a)
    if not m:
        return 0.0
    matched_b = [b[j] for j in range(lb) if used[j]]
    transpositions = sum(x != y for x, y in zip(matched_a, matched_b, strict=True)) / 2
    jaro = (m / la + m / lb + (m - transpositions) / m) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def _key_sim(x: str, y: str) -> float:
    short, long_ = sorted((x, y), key=len)
    if len(short) >= 3 and long_ in (short + "i", short + "a"):
        # two names: a name and its nisba (Ahmad, Ahmadi), a man's and a woman's (Karim, Karima)
        return 0.9
    sim = jaro_winkler(x, y)
    if min(len(x), len(y)) >= 6 and x[0] != y[0] and x[0] in "aiu" and y[0] in "aiu":
        sim = max(sim, jaro_winkler(x[1:], y[1:]) - 0.03)  # Oleksandr = Aleksandr
    return sim


@lru_cache(maxsize=262144)
def _token_sim(a: str, b: str) -> float:
    if a.startswith(ABJAD_MARK) or b.startswith(ABJAD_MARK):
        return _script_sim(a, b)
    if _LOST in a or _LOST in b:
        return _lost_sim(a, b)
    return max(_key_sim(x, y) for x in token_keys(a) for y in token_keys(b))


def _script_sim(a: str, b: str) -> float:
    """A word in Arabic script against another (skeletons) or a Latin spelling (aligned)."""
    if a.startswith(ABJAD_MARK) and b.startswith(ABJAD_MARK):
        return skeleton_similarity(a, b)
    marked, latin = (a, b) if a.startswith(ABJAD_MARK) else (b, a)
    if _LOST not in latin and abjad_matches(marked, latin):
        return 1.0
    return 0.9 * skeleton_similarity(marked, ABJAD_MARK + consonants(latin.replace(_LOST, "")))


def skeleton_similarity(a: str, b: str) -> float:
    """Similarity of two skeletons (both marked): 1.0 the same written letters."""
    x, y = bare(a), bare(b)
    return jaro_winkler(x, y) if x and y else 0.0


def _lost_sim(a: str, b: str) -> float:
    """Words with letters lost to an encoding: "?" stands for any one letter."""
    if _LOST in a and _LOST in b:
        return jaro_winkler(a, b)
    damaged, whole = (a, b) if _LOST in a else (b, a)
    pattern = re.escape(damaged).replace(re.escape(_LOST), "[a-z]")
    if re.fullmatch(pattern, whole):
        return 0.98
    return jaro_winkler(damaged.replace(_LOST, ""), whole) - 0.05


@lru_cache(maxsize=262144)
def field_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Similarity of two names given as folded tokens: whole (compounds joined) or word by word.

    Word by word, each word of the shorter name finds its best partner in the longer one; a
    missing middle name costs a little.
    """
    if not a or not b:
        return 0.0
    joined = 0.0
    if len(a) != len(b) or "".join(a) == "".join(b):  # a compound split or joined
        joined = _token_sim(join(a), join(b))
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    sims = [max(_token_sim(s, t) for t in long_) for s in short]
    best = sum(sims) / len(sims)
    if len(short) == len(long_):  # no word missing: one that differs makes another person
        best = (best + min(sims)) / 2
    coverage = 0.92 + 0.08 * len(short) / len(long_)
    return max(joined, best * coverage)


# ---------------------------------------------------------------------------------------------
# Evidence


@dataclass(frozen=True, slots=True)
class Person:
    """What the comparison needs of a client record."""

    family_name: str
    given_names: str = ""
    birth_date: PartialDate | None = None
    nationality: str = ""
    file_number: str = ""
    other_names: tuple[str, ...] = ()
    sex: str = ""  # "female", "male", another `Sex` value, or "" when unknown


def person_of(client: Client) -> Person:
    """The fields of a client record that the comparison uses."""
    return Person(
        family_name=client.family_name,
        given_names=client.given_names,
        birth_date=client.birth_date,
        nationality=client.nationality,
        file_number=client.file_number,
        other_names=client.other_names,
        sex=client.sex.value if client.sex else "",
    )


@dataclass(frozen=True, slots=True)
class Match:
    """A score between 0 and 1 and the reasons (keys, see `REASONS`) that made it."""

    score: float
    reasons: tuple[str, ...]


# Reason keys with their English and German wording, for lists and the UI.
REASONS: dict[str, tuple[str, str]] = {
    "name_same": ("same name", "gleicher Name"),
    "name_variant": ("name spelled differently", "Name anders geschrieben"),
    "names_swapped": ("given and family name swapped", "Vor- und Familienname vertauscht"),
    "name_differs": ("names differ", "Namen verschieden"),
    "birth_date_same": ("same birth date", "gleiches Geburtsdatum"),
    "birth_year_same": ("same birth year", "gleiches Geburtsjahr"),
    "birth_day_month_swapped": ("day and month swapped", "Tag und Monat vertauscht"),
    "birth_date_differs": ("birth date differs", "Geburtsdatum verschieden"),
    "birth_year_differs": ("birth year differs", "Geburtsjahr verschieden"),
    "nationality_same": ("same nationality", "gleiche Staatsangehörigkeit"),
    "nationality_differs": ("nationality differs", "Staatsangehörigkeit verschieden"),
    "file_number_same": ("same file number", "gleiches Aktenzeichen"),
    "sex_differs": ("sex differs", "Geschlecht verschieden"),
}

_BIAS = -3.5
# Below the matcher's "same name" (0.95), a name part counts this much more against: then a
# shared birth date and family name cannot outweigh it, and the report, the new-client warning
# and the case-list search (which asks the same 0.95 of every word) decide alike.
NOT_THE_SAME_NAME = 2.0
_SEXES = ("female", "male")
_UNKNOWN_NATIONALITY = frozenset({"", "XX", "XXA", "XXB", "XXC", "XXX", "UNK"})


def _name_evidence(s: float) -> float:
    """Log-odds from a name part's similarity: +2.4 the same, 0 at 0.95, steeply negative below
    (Jaro-Winkler is generous with short names: "Rana" / "Rania" is 0.93)."""
    return 48 * (s - 0.95) if s >= 0.95 else 40 * (s - 0.95) - NOT_THE_SAME_NAME


def name_evidence(a: Person, b: Person) -> tuple[float, str]:
    """Log-odds of the names and a reason key: in order, swapped, pooled, or via other names."""
    fa, ga = name_tokens(a.family_name), name_tokens(a.given_names)
    fb, gb = name_tokens(b.family_name), name_tokens(b.given_names)
    candidates: list[tuple[float, str]] = []
    if ga and gb:
        f, g = field_similarity(fa, fb), field_similarity(ga, gb)
        candidates.append((_name_evidence(f) + _name_evidence(g), _kind(f, g, "")))
        f, g = field_similarity(fa, gb), field_similarity(ga, fb)
        candidates.append((_name_evidence(f) + _name_evidence(g) - 0.3, _kind(f, g, "swapped")))
    else:  # a given name is missing: the family name alone, which proves less
        f = max(field_similarity(fa, fb), field_similarity(fa + ga, fb + gb))
        candidates.append((_name_evidence(f) + min(0.0, _name_evidence(f)) - 0.5, _kind(f, 1, "")))
    pooled_a = [fa + ga, *(name_tokens(n) for n in a.other_names)]
    pooled_b = [fb + gb, *(name_tokens(n) for n in b.other_names)]
    for x in pooled_a:
        for y in pooled_b:
            if x and y and (len(x) >= 2 or len(y) >= 2):
                s = max(
                    field_similarity(x, y), field_similarity(tuple(sorted(x)), tuple(sorted(y)))
                )
                candidates.append((2 * _name_evidence(s) - 0.6, _kind(s, s, "pooled")))
    return max(candidates)


def _kind(f: float, g: float, how: str) -> str:
    low = min(f, g)
    if low < 0.95:
        return "name_differs"
    if how == "swapped":
        return "names_swapped"
    return "name_same" if low >= 0.999 and how == "" else "name_variant"


def birth_evidence(a: PartialDate | None, b: PartialDate | None) -> tuple[float, str | None]:
    """Log-odds of two birth dates; a date known only to the year fits any date of that year."""
    if a is None or b is None:
        return 0.0, None
    if a.year != b.year:
        if (
            a.month is not None
            and a.month == b.month
            and a.day == b.day
            and abs(a.year - b.year) == 1
        ):
            return -2.5, "birth_year_differs"  # a typo in the year, perhaps
        return (-4.0 if abs(a.year - b.year) == 1 else -5.0), "birth_year_differs"
    if a.month is None or b.month is None:
        return 1.0, "birth_year_same"
    if a.day is not None and b.day is not None:
        if (a.month, a.day) == (b.month, b.day):
            return 2.5, "birth_date_same"
        if (a.month, a.day) == (b.day, b.month):
            return 1.0, "birth_day_month_swapped"
        if a.month == b.month:
            return -1.0, "birth_date_differs"
        return -2.0, "birth_date_differs"
    if a.month == b.month:
        return 1.5, "birth_year_same"
    return -2.0, "birth_date_differs"


def nationality_evidence(a: str, b: str) -> tuple[float, str | None]:
    """Log-odds of two nationality codes (unknown or unclear ones say nothing)."""
    if a.upper() in _UNKNOWN_NATIONALITY or b.upper() in _UNKNOWN_NATIONALITY:
        return 0.0, None
    return (0.5, "nationality_same") if a.upper() == b.upper() else (-2.5, "nationality_differs")


def file_key(number: str) -> str:
    """A file number without spaces, hyphens and case: "A-4711" = "a 4711"."""
    return re.sub(r"[^0-9a-z]", "", fold(number))


def file_number_evidence(a: str, b: str) -> tuple[float, str | None]:
    """Log-odds of two file (or document) numbers: the same one is strong evidence."""
    ka, kb = file_key(a), file_key(b)
    if not ka or not kb:
        return 0.0, None
    # Each registration gets its own case number, so different numbers say nothing.
    return (6.0, "file_number_same") if ka == kb else (0.0, None)


def sex_evidence(a: str, b: str) -> tuple[float, str | None]:
    """Log-odds of the recorded sex: female and male is strong evidence against."""
    if a in _SEXES and b in _SEXES and a != b:
        return -4.0, "sex_differs"
    return 0.0, None


_MAX_NAME_EVIDENCE = 2 * _name_evidence(1.0)


def match(a: Person, b: Person) -> Match:
    """How likely two records are the same person: a score 0..1 and its reasons."""
    found = _match(a, b, None)
    assert found is not None
    return found


def likely_match(a: Person, b: Person, threshold: float = LIKELY_THRESHOLD) -> Match | None:
    """`match(a, b)` if its score reaches `threshold`, else None, and then quickly: the names
    (the dearest part) are not compared when a different birth year, sex or nationality
    already rules the pair out."""
    found = _match(a, b, threshold)
    return found if found is not None and found.score >= threshold else None


def _match(a: Person, b: Person, threshold: float | None) -> Match | None:
    birth, birth_reason = birth_evidence(a.birth_date, b.birth_date)
    nat, nat_reason = nationality_evidence(a.nationality, b.nationality)
    doc, doc_reason = file_number_evidence(a.file_number, b.file_number)
    sex, sex_reason = sex_evidence(a.sex, b.sex)
    rest = _BIAS + birth + nat + doc + sex
    if (
        threshold is not None
        and threshold > 0
        and (threshold >= 1 or rest + _MAX_NAME_EVIDENCE < math.log(threshold / (1 - threshold)))
    ):
        return None
    name, name_reason = name_evidence(a, b)
    if name_reason == "name_same" and (
        _latin(a.family_name + " " + a.given_names) != _latin(b.family_name + " " + b.given_names)
    ):
        name_reason = "name_variant"
    logit = rest + name
    score = 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))
    found = (name_reason, birth_reason, nat_reason, doc_reason, sex_reason)
    return Match(score, tuple(r for r in found if r))


def score(a: Person, b: Person) -> float:
    """`match(a, b).score`."""
    return match(a, b).score
