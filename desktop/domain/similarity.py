"""Are two client records the same person? Names, birth dates, nationality, papers.

Whether the names are the same name is decided word by word by the one matcher
(`name_match.names_agree`); how much that counts, and the evidence of birth date, nationality,
file number and sex, is added up as log-odds and turned into a score between 0 and 1 (see
docs/duplicates.md).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.domain.name_match import (
    SAME_NAME,
    could_agree,
    digits,
    names_agree,
    parts_similarity,
)
from desktop.domain.names import fold
from desktop.domain.spellings import latin, name_tokens

# A "likely" pair scores at least this (calibrated on tests/fixtures/duplicates.json).
LIKELY_THRESHOLD = 0.6


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


# The names the same name (`names_agree`) count at least this much: with the same birth date
# and nationality that makes a likely pair, as the search and the warning find it.
SAME_NAME_EVIDENCE = 1.0
# ... and names that are not the same name never count for a pair.
OTHER_NAME_EVIDENCE = -0.5


@dataclass(frozen=True, slots=True)
class _Pooled:
    """The names of two records with all their words pooled (and through other names): the
    same name (`names_agree`), or one with a word left out; the evidence of each pooling."""

    same: bool
    near: bool
    candidates: tuple[tuple[float, str], ...]


def _pooled(a: Person, b: Person) -> _Pooled:
    names_a, names_b = _name_sets(a), _name_sets(b)
    same = near = False
    if digits(a.family_name + a.given_names) != digits(b.family_name + b.given_names):
        names_b = []  # "Person1", "Person2": not one name
    candidates = []
    for x in names_a:
        for y in names_b:
            s = parts_similarity(x, y)
            same = same or names_agree(x, y) >= SAME_NAME
            near = near or s >= SAME_NAME
            if sum(map(len, x)) >= 2 or sum(map(len, y)) >= 2:
                candidates.append((2 * _name_evidence(s) - 0.6, _kind(s, s, "pooled")))
    return _Pooled(same, near, tuple(candidates))


def _could_agree(a: Person, b: Person) -> bool:
    """False when no name of the one can be a name of the other (`name_match.could_agree`)."""
    return any(could_agree(x, y) for x in _name_sets(a) for y in _name_sets(b))


def _name_sets(p: Person) -> list[tuple[tuple[str, ...], ...]]:
    """A person's name (family and given names) and each of their other names, as tokens."""
    main = (name_tokens(p.family_name), name_tokens(p.given_names))
    return [main, *((name_tokens(n),) for n in p.other_names)]


def name_evidence(a: Person, b: Person, pooled: _Pooled | None = None) -> tuple[float, str]:
    """Log-odds of the names and a reason key. Whether they are the same name is decided word
    by word (`names_agree`, as the search decides); how much that counts, by the name parts:
    in order, swapped, pooled, or via other names."""
    pooled = pooled or _pooled(a, b)
    fa, ga = name_tokens(a.family_name), name_tokens(a.given_names)
    fb, gb = name_tokens(b.family_name), name_tokens(b.given_names)
    candidates = list(pooled.candidates)
    if ga and gb:
        f, g = parts_similarity([fa], [fb]), parts_similarity([ga], [gb])
        candidates.append((_name_evidence(f) + _name_evidence(g), _kind(f, g, "")))
        f, g = parts_similarity([fa], [gb]), parts_similarity([ga], [fb])
        candidates.append((_name_evidence(f) + _name_evidence(g) - 0.3, _kind(f, g, "swapped")))
    else:  # a given name is missing: the family name alone, which proves less
        f = parts_similarity([fa, ga], [fb, gb])
        candidates.append((_name_evidence(f) + min(0.0, _name_evidence(f)) - 0.5, _kind(f, 1, "")))
    evidence, reason = max(candidates)
    if pooled.same:
        return max(evidence, SAME_NAME_EVIDENCE), reason.replace("name_differs", "name_variant")
    if pooled.near:  # a word left out: weighed as it is
        return evidence, reason
    return min(evidence, OTHER_NAME_EVIDENCE), "name_differs"


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
    needed = -math.inf if threshold is None else _logit(threshold)
    if rest + _MAX_NAME_EVIDENCE < needed:
        return None
    if rest + OTHER_NAME_EVIDENCE < needed and not _could_agree(a, b):
        return None  # names of written consonants too far apart: most pairs end here, cheaply
    pooled = _pooled(a, b)  # whether the names are one name
    if not (pooled.same or pooled.near) and rest + OTHER_NAME_EVIDENCE < needed:
        return None
    name, name_reason = name_evidence(a, b, pooled)
    if name_reason == "name_same" and (
        latin(a.family_name + " " + a.given_names) != latin(b.family_name + " " + b.given_names)
    ):
        name_reason = "name_variant"
    logit = rest + name
    score = 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))
    found = (name_reason, birth_reason, nat_reason, doc_reason, sex_reason)
    return Match(score, tuple(r for r in found if r))


def _logit(threshold: float) -> float:
    """The log-odds a pair needs to reach `threshold` (none is needed at 0 or below)."""
    if threshold <= 0:
        return -math.inf
    return math.inf if threshold >= 1 else math.log(threshold / (1 - threshold))


def score(a: Person, b: Person) -> float:
    """`match(a, b).score`."""
    return match(a, b).score
