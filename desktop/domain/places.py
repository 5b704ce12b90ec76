"""Countries (ISO 3166-1 alpha-2, plus stateless and unclear) and languages, with labels.

The tables are kept as plain text, one entry a line: a code, the German name and, after "|",
the English name where it differs. Names are matched case- and accent-insensitively, so a
coordinator may type "Syrien", "syria" or "Türkei" as well as the code.
"""

from __future__ import annotations

from desktop.domain.country_table import COUNTRY_ALIASES, COUNTRY_TABLE
from desktop.domain.errors import InvalidInput
from desktop.domain.language_table import LANGUAGE_ALIASES, LANGUAGE_TABLE, LANGUAGE_TABLE_639_3
from desktop.domain.names import fold

STATELESS = "stateless"
UNCLEAR = "unclear"


def _parse(table: str) -> dict[str, tuple[str, str]]:
    entries: dict[str, tuple[str, str]] = {}
    for line in table.strip().splitlines():
        code, _, names = line.partition(" ")
        de, _, en = names.partition(" | ")
        entries[code] = (de.strip(), (en or de).strip())
    return entries


def _index(table: dict[str, tuple[str, str]], aliases: str) -> dict[str, str]:
    """Folded name, alias or code -> canonical code; a code wins over a name that looks alike."""
    index = {fold(name): code for code, names in table.items() for name in names}
    for line in aliases.strip().splitlines():
        code, _, names = line.partition(" ")
        index.update({fold(name): code for name in names.split(";")})
    index.update({fold(code): code for code in table})
    return index


COUNTRIES: dict[str, tuple[str, str]] = {
    **_parse(COUNTRY_TABLE),
    STATELESS: ("staatenlos", "stateless"),
    UNCLEAR: ("ungeklärt", "unclear"),
}
LANGUAGES: dict[str, tuple[str, str]] = {
    **_parse(LANGUAGE_TABLE),
    **_parse(LANGUAGE_TABLE_639_3),
}
_COUNTRY_INDEX = _index(COUNTRIES, COUNTRY_ALIASES)
_LANGUAGE_INDEX = _index(LANGUAGES, LANGUAGE_ALIASES)


def check_country(code: str) -> str:
    """The canonical code for a country code or name ("sy", "Syrien", "Syria" -> "SY").

    Also "stateless" and "unclear" (or "staatenlos", "ungeklärt"); anything else raises
    InvalidInput for the field "nationality".
    """
    if code in COUNTRIES:  # already canonical: every client read from the store takes this path
        return code
    found = _COUNTRY_INDEX.get(fold(code))
    if found is None:
        raise InvalidInput(
            "nationality",
            f"'{code}' is not a known country: enter a two-letter code such as SY, the "
            "country's name, or stateless or unclear.",
            f"'{code}' ist kein bekanntes Land: bitte einen Ländercode wie SY, den Namen des "
            "Landes oder staatenlos bzw. ungeklärt eingeben.",
        )
    return found


def check_language(code: str) -> str:
    """The canonical lower-case code for a language code or name ("AR", "Arabisch" -> "ar")."""
    if code in LANGUAGES:  # already canonical
        return code
    found = _LANGUAGE_INDEX.get(fold(code))
    if found is None:
        raise InvalidInput(
            "language",
            f"'{code}' is not a known language: enter a code such as ar, prs or ti, or the "
            "language's name.",
            f"'{code}' ist keine bekannte Sprache: bitte einen Sprachcode wie ar, prs oder ti "
            "oder den Namen der Sprache eingeben.",
        )
    return found


def country_name(code: str, lang: str = "de") -> str:
    """The country's name in German ("de") or English ("en"); the code may be in any form."""
    de, en = COUNTRIES[check_country(code)]
    return de if lang == "de" else en


def language_name(code: str, lang: str = "de") -> str:
    """The language's name in German ("de") or English ("en"); the code may be in any form."""
    de, en = LANGUAGES[check_language(code)]
    return de if lang == "de" else en
