"""Are two words, or two people's names, the same name? The one matcher of the case-list
search, the new-client warning, the import and the duplicates report.

Two words are the same name (`word_similarity` at least `SAME_NAME`) when their canonical keys
(`spellings.token_keys`) are close by Jaro-Winkler, or a word in Arabic script aligns with a
Latin spelling (`scripts.abjad_matches`), and their written consonants are at most one letter
apart (`spellings.neighbours`: what the search index and the report's blocks hold, so that
neither misses what the other finds); not when one is the other with an ending that makes
another name (Ahmad, Ahmadi; Kravchuk, Kravchenko; Hana, Hanan). Two names agree when every
word of each is the same name as a word of the other (`names_agree`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from desktop.domain.scripts import ABJAD_MARK, abjad_matches, bare, consonants, join
from desktop.domain.spellings import LOST, name_tokens, name_words, neighbours, token_keys

SAME_NAME = 0.95  # word_similarity from here on: the same name, for every consumer


def names_cover(
    wanted: tuple[str, ...], parts: Sequence[tuple[str, ...]], *, decide: bool = False
) -> float:
    """How well the name words `wanted` are names of a person whose names are `parts` (tokens
    per name), in order, each alone or a few written together as one of the person's words or
    names ("Abd al-Rahman" = "Abdulrahman", "Mohammad Reza" = "محمدرضا"): the worst word's
    similarity (below SAME_NAME: one of them is not the person's). With `decide`, only whether
    it is SAME_NAME or more is exact (the search's question): words whose written consonants
    cannot meet are not compared at all."""
    return _cover(wanted, tuple(parts), decide)


@lru_cache(maxsize=65536)
def _cover(wanted: tuple[str, ...], parts: tuple[tuple[str, ...], ...], decide: bool) -> float:
    stored = {w for part in parts for w in name_words(part)}
    worst, i = 1.0, 0
    while i < len(wanted):
        best, step = 0.0, 1
        for n in range(min(4, len(wanted) - i), 0, -1):
            run = join(wanted[i : i + n]) if n > 1 else wanted[i]
            alike = [w for w in stored if _may_meet(run, w)] if decide else stored
            sim = max((word_similarity(run, w) for w in alike), default=0.0)
            if sim >= SAME_NAME:
                best, step = sim, n
                break
            best = max(best, sim)
        if best < SAME_NAME:
            return best
        worst, i = min(worst, best), i + step
    return worst


def _may_meet(a: str, b: str) -> bool:
    """Whether two words can be the same name by their written consonants (`word_similarity`
    asks this of the same name; a word with a lost letter may be any)."""
    return LOST in a or LOST in b or bool(neighbours(a) & neighbours(b))


def may_cover(wanted: tuple[str, ...], codes: Callable[[str], bool]) -> bool:
    """Whether `names_cover` could find the words `wanted` among a person's names, by their
    written consonants alone: each word, alone or written together with up to three beside
    it, must have a code neighbour the person's words have (`codes`), as `word_similarity`
    asks of the same name; a word with a lost letter may be any. Cheap: it spares the matcher
    most candidates of a search and most pairs of the report."""
    covered = [LOST in w for w in wanted]
    for start in range(len(wanted)):
        for n in range(1, min(4, len(wanted) - start) + 1):
            run = wanted[start : start + n]
            if any(codes(c) for c in neighbours(join(run) if n > 1 else run[0])):
                covered[start : start + n] = [True] * n
    return all(covered)


@lru_cache(maxsize=65536)
def name_codes(parts: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The code neighbours of a person's name words and of each name written together: what
    `may_cover` looks for (the search index holds the same)."""
    return frozenset(c for part in parts for w in name_words(part) for c in neighbours(w))


def could_agree(x: Sequence[tuple[str, ...]], y: Sequence[tuple[str, ...]]) -> bool:
    """False when two people's names can be neither the same name nor one with a word left out
    (`parts_similarity` below SAME_NAME, certainly), by their written consonants alone."""
    xs, ys = tuple(p for p in x if p), tuple(p for p in y if p)
    if not xs or not ys:
        return False
    x_codes, y_codes = name_codes(xs), name_codes(ys)
    return all(may_cover(p, y_codes.__contains__) for p in xs) or all(
        may_cover(p, x_codes.__contains__) for p in ys
    )


def names_agree(x: Sequence[tuple[str, ...]], y: Sequence[tuple[str, ...]]) -> float:
    """How well two records' names (tokens per name) agree word by word: every word of each is
    a name of the other's, in any of its names (given and family names swapped, a name written
    as one word or two); the worst word's similarity, SAME_NAME and above the same name."""
    xs, ys = [p for p in x if p], [p for p in y if p]
    if not xs or not ys:
        return 0.0
    return min(min(names_cover(part, ys) for part in xs), min(names_cover(part, xs) for part in ys))


def parts_similarity(x: Sequence[tuple[str, ...]], y: Sequence[tuple[str, ...]]) -> float:
    """`names_agree`, or, when every word of the name with fewer words is a name of the other
    (a middle name left out), that a little less (0.92 + 0.08 · fewer / more words): for the
    duplicates report, which weighs such a pair; the search asks for every word typed."""
    agree = names_agree(x, y)
    fewer, more = sorted(([p for p in x if p], [p for p in y if p]), key=lambda n: sum(map(len, n)))
    n_fewer, n_more = sum(map(len, fewer)), sum(map(len, more))
    if agree >= SAME_NAME or not fewer or n_fewer == n_more:
        return agree
    cover = min(names_cover(part, more) for part in fewer)
    return max(agree, cover * (0.92 + 0.08 * n_fewer / n_more)) if cover >= SAME_NAME else agree


def same_name(family_a: str, given_a: str, family_b: str, given_b: str) -> bool:
    """Whether two records name one person by the one matcher (`names_agree`): what the
    search, the new-client warning, the import and the duplicates report all ask."""
    if digits(family_a + given_a) != digits(family_b + given_b):
        return False  # "Person1", "Person2": not letters of a name, but not one person
    a = [name_tokens(family_a), name_tokens(given_a)]
    b = [name_tokens(family_b), name_tokens(given_b)]
    return names_agree(a, b) >= SAME_NAME


def digits(text: str) -> str:
    """The digits in a name, which the matcher's words leave out."""
    return "".join(c for c in text if c.isdecimal())  # not ² (in mojibake: Ð²)


def word_similarity(a: str, b: str) -> float:
    """How alike two words of names are (folded tokens as `name_tokens` makes them), across
    spellings and scripts: 1.0 the same, 0.95 and above the same name."""
    return _token_sim(a, b)


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


# Endings that make another name of a name: the nisba (Ahmad, Ahmadi), the Pashto -zai
# (Ahmadzai), the Slavic -ov (Aleksandrov), the feminine -a, -ia (Karim, Karima; Yevhen,
# Yevheniia); keys as canonical.
_ENDINGS = ("zi", "av", "ava", "ia", "i", "a")
_VOWELS = frozenset("aiu")


@lru_cache(maxsize=65536)
def _stems(key: str) -> frozenset[tuple[str, str]]:
    return frozenset({(key, "")} | {(key[: -len(e)], e) for e in _ENDINGS if key.endswith(e)})


def _other_name(x: str, y: str) -> bool:
    """Keys of two names that look alike but are not spellings of one: one is the other with an
    ending (`_ENDINGS`), or with a consonant more than a spelling adds (Hana, Hanan; Yasin,
    Yasmin; not h, which spellings drop: Zabihullah, Zabiullah)."""
    short, long_ = sorted((x, y), key=len)
    if len(short) < 3:
        return False
    for stem_x, end_x in _stems(x):
        for stem_y, end_y in _stems(y):
            if stem_x == stem_y and end_x != end_y and len(stem_x) >= 3:
                return True
    if len(long_) != len(short) + 1:
        return False
    for i, letter in enumerate(long_):
        if letter not in _VOWELS and letter != "h" and long_[:i] + long_[i + 1 :] == short:
            return True
    return False


# Endings of written names that make another name (compared before canonical keys, which
# blur them): Slavic -ov, -enko, -uk, Pashto -zai, the feminine -a, -ia; spellings of one
# ending are one class (-ev is -ov, -y is -i).
_WRITTEN_ENDINGS = {
    "": "", "a": "a", "i": "i", "y": "i", "ia": "ia", "iia": "ia", "ya": "ia", "iya": "ia",
    "ov": "ov", "ev": "ov", "ow": "ov", "ova": "ova", "eva": "ova", "owa": "ova",
    "enko": "enko", "uk": "uk", "yuk": "uk", "zai": "zai", "zay": "zai", "zi": "zai",
}  # fmt: skip


@lru_cache(maxsize=65536)
def _written_endings(word: str) -> frozenset[tuple[str, str]]:
    """(stem, ending class) readings of a word; a vowel written twice is no ending (Walaa,
    Dmitriy)."""
    out = set()
    for ending, kind in _WRITTEN_ENDINGS.items():
        if not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)]
        if not (len(ending) == 1 and stem[-1:] in _SAME_VOWEL.get(kind, "")):
            out.add((stem, kind))
    return frozenset(out)


_SAME_VOWEL = {"a": "a", "i": "iy"}


def _other_written_name(a: str, b: str) -> bool:
    """Two folded words that are one stem with endings of different classes (Kravchuk,
    Kravchenko; Valentin, Valentina)."""
    ends_a, ends_b = _written_endings(a), _written_endings(b)
    return any(sa == sb and ca != cb and len(sa) >= 3 for sa, ca in ends_a for sb, cb in ends_b)


@lru_cache(maxsize=65536)
def _key_sim(x: str, y: str) -> float:
    sim = jaro_winkler(x, y)
    if min(len(x), len(y)) >= 6 and x[0] != y[0] and x[0] in "aiu" and y[0] in "aiu":
        sim = max(sim, jaro_winkler(x[1:], y[1:]) - 0.03)  # Oleksandr = Aleksandr
    if sim > 0.9 and x != y and _other_name(x, y):
        return 0.9
    return sim


@lru_cache(maxsize=262144)
def _token_sim(a: str, b: str) -> float:
    if LOST in a or LOST in b:  # found by the letters that are left (search: LIKE)
        return _script_sim(a, b) if ABJAD_MARK in a[:1] + b[:1] else _lost_sim(a, b)
    if a.startswith(ABJAD_MARK) or b.startswith(ABJAD_MARK):
        sim = _script_sim(a, b)
    elif _other_written_name(a, b):
        return 0.9
    else:
        sim = max(_key_sim(x, y) for x in token_keys(a) for y in token_keys(b))
    if sim >= SAME_NAME and not neighbours(a) & neighbours(b):
        return FAR_CODES  # written consonants two or more apart: another name
    return sim


FAR_CODES = 0.94


def _script_sim(a: str, b: str) -> float:
    """A word in Arabic script against another (skeletons) or a Latin spelling (aligned)."""
    if a.startswith(ABJAD_MARK) and b.startswith(ABJAD_MARK):
        return skeleton_similarity(a, b)
    marked, latin = (a, b) if a.startswith(ABJAD_MARK) else (b, a)
    if LOST not in latin and abjad_matches(marked, latin):
        return 1.0
    return 0.9 * skeleton_similarity(marked, ABJAD_MARK + consonants(latin.replace(LOST, "")))


def skeleton_similarity(a: str, b: str) -> float:
    """Similarity of two skeletons (both marked): 1.0 the same written letters."""
    x, y = bare(a), bare(b)
    return jaro_winkler(x, y) if x and y else 0.0


def _lost_sim(a: str, b: str) -> float:
    """Words with letters lost to an encoding: "?" stands for any one letter."""
    if LOST in a and LOST in b:
        return jaro_winkler(a, b)
    damaged, whole = (a, b) if LOST in a else (b, a)
    pattern = re.escape(damaged).replace(re.escape(LOST), "[a-z]")
    if re.fullmatch(pattern, whole):
        return 0.98
    return jaro_winkler(damaged.replace(LOST, ""), whole) - 0.05
