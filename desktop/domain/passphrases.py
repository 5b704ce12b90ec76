"""How hard a passphrase is to guess (zxcvbn), and the refusal of weak ones with a hint.

zxcvbn estimates the guesses an attacker needs from dictionaries (common passwords, words, names),
keyboard rows, repeats, sequences and dates; its score runs from 0 (guessed at once) to 4. A new
passphrase needs a score of at least 3. Besides zxcvbn's own lists it is checked against the
words of an integration office and the names of this installation (the office, the coordinator,
the login name), which a colleague or a visitor would try first.

zxcvbn's own feedback is English; the hint shown is one of our own sentences in German or English,
chosen from the kind of weakness zxcvbn found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop.domain.errors import InvalidInput

MIN_SCORE = 3
MIN_LENGTH = 8  # characters (NFC); shorter ones are refused before their strength is asked
# zxcvbn refuses longer input (its matching grows quadratically); the first 72 characters of a
# longer passphrase are strong enough or the whole is judged weak.
_MAX_CHECKED = 72

# What a guesser tries first in a German integration office: zxcvbn knows the English password
# lists, not the German ones, and not the office.
GERMAN_COMMON = (
    "passwort",
    "kennwort",
    "geheim",
    "hallo",
    "moin",
    "servus",
    "sommer",
    "winter",
    "herbst",
    "frühling",
    "fruehling",
    "deutschland",
    "schatz",
)
OFFICE_WORDS = (
    "welcome",
    "willkommen",
    "welcomedesk",
    "integration",
    "integrationsbüro",
    "integrationsbuero",
    "integrationsbeauftragte",
    "integrationsmanagement",
    "büro",
    "buero",
    "office",
    "migration",
    "migrationsberatung",
    "beratung",
    "asyl",
    "flüchtling",
    "fluechtling",
    "geflüchtete",
    "zuwanderung",
    "ausländerbehörde",
    "auslaenderbehoerde",
    "jobcenter",
    "sozialamt",
    "rathaus",
    "landkreis",
    "kreis",
    "stadt",
    "gemeinde",
    "kommune",
    "verwaltung",
    "team",
    *GERMAN_COMMON,
)

# (English, German) reasons, by the kind of weakness zxcvbn found.
_REASONS = {
    "common": (
        "it is one of the most common passwords",
        "sie gehört zu den häufigsten Passwörtern",
    ),
    "personal": (
        "it contains the office's name, your name or a word of the office",
        "sie enthält den Namen der Stelle, Ihren Namen oder ein Wort aus dem Büroalltag",
    ),
    "word": (
        "a single well-known word or name is easy to guess",
        "ein einzelnes bekanntes Wort oder ein Name ist leicht zu erraten",
    ),
    "keyboard": (
        "rows of keys like qwertz are easy to guess",
        "Tastenfolgen wie qwertz sind leicht zu erraten",
    ),
    "repeat": (
        "repeats like aaa or abcabc are easy to guess",
        "Wiederholungen wie aaa oder abcabc sind leicht zu erraten",
    ),
    "sequence": (
        "sequences like abc or 6543 are easy to guess",
        "Folgen wie abc oder 6543 sind leicht zu erraten",
    ),
    "date": (
        "years and dates are easy to guess",
        "Jahreszahlen und Daten sind leicht zu erraten",
    ),
    "short": (
        "it is too short for its kind of characters",
        "sie ist für ihre Art von Zeichen zu kurz",
    ),
}
_PATTERN_REASON = {
    "spatial": "keyboard",
    "repeat": "repeat",
    "sequence": "sequence",
    "regex": "date",
    "date": "date",
    "bruteforce": "short",
}


@dataclass(frozen=True)
class Strength:
    """zxcvbn's score (0 to 4) and, below MIN_SCORE, why: a key of the reasons above."""

    score: int
    reason: str = ""

    @property
    def acceptable(self) -> bool:
        """True if a new passphrase this strong is accepted."""
        return self.score >= MIN_SCORE

    def hint(self, lang: str) -> str:
        """Why it is weak, in `lang` ("de" or "en"); "" for an acceptable passphrase."""
        if not self.reason:
            return ""
        en, de = _REASONS[self.reason]
        return de if lang == "de" else en


class WeakPassphrase(InvalidInput):
    """A new passphrase that is too easy to guess (CLI exit code 5); the sentence says why."""

    def __init__(self, strength: Strength) -> None:
        super().__init__(
            "passphrase",
            f"This passphrase is too easy to guess ({strength.hint('en')}): add two or three "
            "uncommon words.",
            f"Diese Passphrase ist zu leicht zu erraten ({strength.hint('de')}): fügen Sie zwei "
            "oder drei ungewöhnliche Wörter hinzu.",
        )
        self.strength = strength


def personal_words(*names: str) -> list[str]:
    """The office words and each of `names` (office, coordinator, login) whole and in words."""
    words: list[str] = []  # first: zxcvbn ranks a word by its place, the first guessed first
    for name in names:
        name = unicodedata.normalize("NFC", name or "").strip().casefold()
        if name:
            words += [name, re.sub(r"[\W_]+", "", name)]
            words += [part for part in re.split(r"[\W_]+", name) if len(part) >= 3]
    return words + list(OFFICE_WORDS)


def assess(passphrase: str, personal: Iterable[str] = ()) -> Strength:
    """zxcvbn's score of `passphrase`, with `personal` words (see `personal_words`) as guesses."""
    from zxcvbn import zxcvbn  # its word lists load only when a passphrase is chosen

    text = unicodedata.normalize("NFC", passphrase)
    if len(text) < MIN_LENGTH:
        return Strength(0, "short")
    text = text[:_MAX_CHECKED]
    words = list(personal) or list(OFFICE_WORDS)
    result = zxcvbn(text, user_inputs=words, max_length=_MAX_CHECKED)
    score = int(result["score"])
    if score >= MIN_SCORE:
        return Strength(score)
    return Strength(score, _reason(result["sequence"]))


def _reason(sequence: list[dict[str, Any]]) -> str:
    words = [m for m in sequence if m["pattern"] == "dictionary"]
    dictionaries = {m.get("dictionary_name") for m in words}
    if "passwords" in dictionaries or any(m.get("matched_word") in GERMAN_COMMON for m in words):
        return "common"
    if "user_inputs" in dictionaries:
        return "personal"
    if not sequence:
        return "short"
    longest = max(sequence, key=lambda m: len(m["token"]))
    return _PATTERN_REASON.get(longest["pattern"], "word")


def require_strong(passphrase: str, personal: Iterable[str] = ()) -> None:
    """Raise WeakPassphrase if `passphrase` scores below MIN_SCORE."""
    strength = assess(passphrase, personal)
    if not strength.acceptable:
        raise WeakPassphrase(strength)
