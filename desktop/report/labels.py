"""Every fixed text of the printed plan, in German and the client languages of the print.

Each entry is a tuple in the order of LANGS. The domain's catalogues know only German and
English; the print needs their labels in the client's language too, so they are kept here.
"""

from __future__ import annotations

from datetime import date

from desktop.domain.catalogues import (
    Catalogue,
    label_key,
)

LANGS = ("de", "en", "ar", "fa", "uk", "tr", "fr", "ps", "ti")
ALIASES = {"prs": "fa"}  # Dari is printed with the Persian texts
SUPPORTED = frozenset(LANGS) | frozenset(ALIASES)
RTL = frozenset({"ar", "fa", "ps"})


from desktop.report.catalogue_phrases import CATALOGUE_TEXTS  # noqa: E402
from desktop.report.phrases import TEXTS  # noqa: E402


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
    """The fixed text `key` in `lang` (a code of LANGS or ALIASES)."""
    return TEXTS[key][LANGS.index(ALIASES.get(lang, lang))]


def weekday(day: date, lang: str) -> str:
    """The name of the weekday of `day` in `lang`."""
    return text("weekdays", lang).split("|")[day.weekday()]


def label(member: Catalogue, lang: str) -> str:
    """A catalogue member's label for the print in `lang`."""
    return CATALOGUE_TEXTS[label_key(member)][LANGS.index(ALIASES.get(lang, lang))]
