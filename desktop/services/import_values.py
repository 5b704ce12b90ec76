"""Values of an import that a spreadsheet program changed on the way, and checks of a row that
only an import needs.

Excel takes a postcode typed as 01067 for the number 1067 and drops the zero; a CSV saved from
that sheet holds 1067 too. German postcodes have five digits, so a postcode column whose values
are all of four or five digits is read with the lost zero put back. A client imported earlier
with such a postcode gets it corrected by a later file that has it right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client

_DIGITS = re.compile(r"\d{4,5}")
CORRECTED_FIELDS = ("postcode",)


def german_postcodes(values: Iterable[str]) -> bool:
    """Whether a postcode column holds German postcodes: every value filled has 4 or 5 digits
    (4 when Excel dropped the leading zero), and at least one is filled."""
    filled = [v.strip() for v in values if v.strip()]
    return bool(filled) and all(_DIGITS.fullmatch(v) for v in filled)


def padded_postcode(text: str) -> str:
    """A German postcode with the leading zero Excel dropped put back: 1067 -> 01067."""
    text = text.strip()
    return text.zfill(5) if _DIGITS.fullmatch(text) else text


def check_birth_date(fields: Mapping[str, Any], today: date) -> None:
    """A birth date after today is refused (a typo in the year, or a date of arrival)."""
    born = fields.get("birth_date")
    if isinstance(born, PartialDate) and born.earliest() > today:
        raise InvalidInput(
            "birth_date",
            f"the birth date {born.german()} lies in the future.",
            f"das Geburtsdatum {born.german()} liegt in der Zukunft.",
        )


def corrections(existing: Client, fields: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """Fields of a client already in the case file that the row has right and an earlier import
    had with its leading zeros lost ("1067" stored, "01067" in the file): field -> (old, new)."""
    found = {}
    for name in CORRECTED_FIELDS:
        stored, given = getattr(existing, name), fields.get(name, "")
        if (
            isinstance(given, str)
            and given.startswith("0")
            and stored
            and stored != given
            and stored == given.lstrip("0")
        ):
            found[name] = (stored, given)
    return found


def correction_lines(
    number: int, fixes: Mapping[str, tuple[str, str]], labels: Mapping[str, tuple[str, str]], lang
) -> list[str]:
    """'row 2: postcode "1067" corrected to "01067"', one line per field."""
    lines = []
    for name, (old, new) in fixes.items():
        de_label, en_label = labels[name]
        lines.append(
            f"Zeile {number}: {de_label} „{old}“ korrigiert zu „{new}“"
            if lang == "de"
            else f'row {number}: {en_label.lower()} "{old}" corrected to "{new}"'
        )
    return lines
