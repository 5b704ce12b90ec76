"""The phrase catalogue for the case work: goals, measures, appointment purposes and requests,
in German and the print languages (shipped in resources/phrases/, see docs/phrases.md)."""

from __future__ import annotations

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.errors import InvalidInput
from desktop.report import phrasebook
from desktop.report.phrasebook import KINDS, Phrase

__all__ = ["KINDS", "Phrase", "field_of_action", "list_phrases", "print_languages"]


def field_of_action(value: str) -> FieldOfAction:
    """The field of action whose value is `value` (as on the command line); else InvalidInput."""
    try:
        return FieldOfAction(value.strip().lower())
    except ValueError:
        choices = ", ".join(f.value for f in FieldOfAction)
        raise InvalidInput(
            "field",
            f"'{value}' is not a field of action; choose one of: {choices}.",
            f"'{value}' ist kein Handlungsfeld; möglich sind: {choices}.",
        ) from None


def list_phrases(field: FieldOfAction | str | None = None) -> list[Phrase]:
    """The catalogue's phrases (of one field of action), each with its texts by language code
    ("de" included) and which of them are drafts (`Phrase.reviewed(lang)`)."""
    wanted = field_of_action(field) if isinstance(field, str) else field
    return phrasebook.phrases(wanted)


def print_languages() -> tuple[str, ...]:
    """The languages of the catalogue: German first, then the print languages."""
    return phrasebook.LANGS
