"""Typed values from text, as typed on the command line or found in a spreadsheet cell."""

from __future__ import annotations

import dataclasses
import typing
from datetime import date, datetime
from typing import Any

from desktop.domain.catalogues import Catalogue
from desktop.domain.dates import PartialDate, parse_date, parse_datetime
from desktop.domain.errors import InvalidInput
from desktop.domain.model import LanguageSkill

_TRUE = {"1", "yes", "ja", "true", "y", "j", "x"}
_FALSE = {"0", "no", "nein", "false", "n", ""}


def _parse(hint: Any, text: str, field: str) -> Any:
    args = typing.get_args(hint)
    if type(None) in args:
        if not text.strip():
            return None
        (hint,) = (a for a in args if a is not type(None))
    if hint is str:
        return text.strip()
    if hint is bool:
        lowered = text.strip().casefold()
        if lowered in _TRUE | _FALSE:
            return lowered in _TRUE
        raise InvalidInput(
            field, f"'{text}' is not yes or no.", f"'{text}' ist nicht ja oder nein."
        )
    if hint is int:
        try:
            return int(text)
        except ValueError:
            raise InvalidInput(
                field, f"'{text}' is not a whole number.", f"'{text}' ist keine ganze Zahl."
            ) from None
    if hint is PartialDate:
        return PartialDate.parse(text, field)
    if hint is date:
        return parse_date(text, field)
    if hint is datetime:
        return parse_datetime(text, field)
    if isinstance(hint, type) and issubclass(hint, Catalogue):
        return hint.parse(text, field)
    raise TypeError(f"no text parser for {field}: {hint!r}")


def parse_fields(cls: type, raw: dict[str, str | list[str]]) -> dict[str, Any]:
    """Typed keyword arguments for `cls` from text values; lists for tuple fields."""
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    typed: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in known:
            raise InvalidInput(name, f"'{name}' is not a field.", f"'{name}' ist kein Feld.")
        hint = hints[name]
        if typing.get_origin(hint) is tuple:
            item = typing.get_args(hint)[0]
            values = [value] if isinstance(value, str) else value
            values = [v for v in values if v.strip()]
            if item is LanguageSkill:
                typed[name] = tuple(LanguageSkill.parse(v) for v in values)
            else:
                typed[name] = tuple(_parse(item, v, name) for v in values)
        else:
            if not isinstance(value, str):
                raise InvalidInput(name, f"{name} takes one value.", f"{name} hat nur einen Wert.")
            typed[name] = _parse(hint, value, name)
    return typed
