"""Every fixed text of the prints, in German and the print languages, from the phrase catalogue.

The texts live in resources/phrases/ (gettext, see report/phrasebook.py and docs/phrases.md):
`frame.<key>` for the prints' sentences and headings, `label.<Class>.<value>` for the print
labels of the domain's catalogues. A text not yet translated into a print language prints in
German (phrasebook.frame / phrasebook.label say None instead, for who must know).
"""

from __future__ import annotations

from datetime import date

from desktop.domain.catalogues import Catalogue
from desktop.domain.errors import InvalidInput
from desktop.domain.places import check_language
from desktop.report import phrasebook

LANGS = phrasebook.LANGS
ALIASES = phrasebook.ALIASES  # Dari is printed with the Persian texts
SUPPORTED = frozenset(LANGS) | frozenset(ALIASES)
RTL = frozenset({"ar", "fa", "ps", "ckb"})


def normalise(lang: str | None) -> str | None:
    """The print language for a code ("prs" → "fa"); None or "de" means German only."""
    if lang is None:
        return None
    code = ALIASES.get(lang.strip().lower(), lang.strip().lower())
    return None if code == "de" else code


def is_rtl(lang: str | None) -> bool:
    """Whether `lang` is written right to left."""
    return normalise(lang) in RTL


def text(key: str, lang: str) -> str:
    """The fixed text `key` in `lang` (a code of LANGS or ALIASES), German if not translated."""
    return phrasebook.frame(key, lang) or phrasebook.frame(key, "de") or ""


def weekday(day: date, lang: str) -> str:
    """The name of the weekday of `day` in `lang`."""
    names = text("weekdays", lang).split("|")
    if len(names) != 7:  # a translation that lost a "|" must not cost the print
        names = text("weekdays", "de").split("|")
    return names[day.weekday()]


def label(member: Catalogue, lang: str) -> str:
    """A catalogue member's label for the print in `lang`, German if not translated."""
    return phrasebook.label(member, lang) or phrasebook.label(member, "de") or ""


def language(code: str, lang: str) -> str:
    """The name of the language `code` (e.g. an interpreter language, "ar") in the print
    language `lang` (`language.<code>` in the catalogue), German if not translated; a code the
    app does not know prints as it is."""
    try:
        canonical = check_language(code.strip())
    except InvalidInput:
        return code
    key = f"language.{canonical}"
    if key not in phrasebook.entries():
        return code
    return phrasebook.text(key, lang) or phrasebook.text(key, "de") or code
