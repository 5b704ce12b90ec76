"""How values look in the window, in the current UI language."""

from __future__ import annotations

from datetime import date, datetime

from desktop.domain.catalogues import Catalogue
from desktop.domain.dates import PartialDate
from desktop.domain.model import LanguageSkill, level_label
from desktop.domain.places import country_name, language_name
from desktop.ui.widgets.i18n import current_language


def format_date(value: date | PartialDate | None) -> str:
    """31.12.2026 in German, 2026-12-31 in English; partial dates keep their precision."""
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return value.german() if current_language() == "de" else value.iso()
    return value.strftime("%d.%m.%Y") if current_language() == "de" else value.isoformat()


def format_datetime(value: datetime | None) -> str:
    """31.12.2026 09:30 in German, 2026-12-31 09:30 in English."""
    if value is None:
        return ""
    return f"{format_date(value.date())} {value:%H:%M}"


def label(member: Catalogue | None) -> str:
    """A catalogue value's label in the current language (empty for none)."""
    return member.label(current_language()) if member is not None else ""


def country(code: str) -> str:
    """A country's name in the current language ("SY" -> "Syrien")."""
    return country_name(code, current_language()) if code else ""


def language(code: str) -> str:
    """A language's name in the current language ("ar" -> "Arabisch")."""
    return language_name(code, current_language()) if code else ""


def language_skill(skill: LanguageSkill) -> str:
    """A language with its level in the current language ("Arabisch (Muttersprache)")."""
    return skill.label(current_language())


def language_level(level: str) -> str:
    """A language level in the current language ("native" -> "Muttersprache"; A1-C2 stay)."""
    return level_label(level, current_language())
