"""Dates as coordinators meet them: ISO or German input, and partial birth dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.errors import InvalidInput

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# German authorities write an unknown day or month as 00 or XX: "00.00.1990", "XX.05.1990".
_PART = r"(\d{1,2}|[xX]{1,2})"
_GERMAN = re.compile(rf"^(?:(?:{_PART}\.)?{_PART}\.)?(\d{{4}})$")


def _known(part: str | None) -> int | None:
    """A day or month as a number; None when not given or written unknown (0, 00, X, XX)."""
    if part is None or part.lower().strip("x") == "" or int(part) == 0:
        return None
    return int(part)


def _invalid(field: str, text: str) -> InvalidInput:
    return InvalidInput(
        field,
        f"'{text}' is not a valid date for {field}: use 1990-05-17, 17.05.1990, 1990-05 or 1990.",
        f"'{text}' ist kein gültiges Datum für {field}: bitte 17.05.1990, 1990-05-17, 05.1990 "
        "oder 1990 eingeben.",
    )


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date that may be known only to the year or the month, as on many refugees' papers."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1800 <= self.year <= 2200:
            raise ValueError("year out of range")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError("month out of range")
        if self.day is not None:
            date(self.year, self.month or 1, self.day)  # raises ValueError if impossible

    @classmethod
    def parse(cls, text: str, field: str = "birth_date") -> PartialDate:
        """Read "1990", "1990-05", "1990-05-17", "05.1990" or "17.05.1990"; an unknown day or
        month written 00 or XX is left out ("00.00.1990" and "XX.XX.1990" are 1990,
        "00.05.1990" is 1990-05); a known day with an unknown month is refused."""
        raw = text.strip()
        try:
            if m := _ISO_PARTIAL.match(raw):
                year, month, day = (int(p) if p else None for p in m.groups())
            elif m := _GERMAN.match(raw):
                day, month, year = _known(m.group(1)), _known(m.group(2)), int(m.group(3))
            else:
                raise _invalid(field, text)
            return cls(year, month, day)  # type: ignore[arg-type]
        except (ValueError, TypeError):
            raise _invalid(field, text) from None

    def iso(self) -> str:
        """ISO 8601 with reduced precision: 1990, 1990-05 or 1990-05-17."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def german(self) -> str:
        """As printed in the German UI: 1990, 05.1990 or 17.05.1990."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.month:02d}.{self.year:04d}"
        return f"{self.day:02d}.{self.month:02d}.{self.year:04d}"

    def earliest(self) -> date:
        """The first day this partial date could mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def age_on(self, today: date) -> int:
        """Age in whole years on `today`, counting an unknown day or month as early as possible."""
        born = self.earliest()
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    def sort_key(self) -> tuple[int, int, int]:
        """Orders "1990" before "1990-01" before "1990-01-01"."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return self.iso()


def parse_date(text: str, field: str) -> date:
    """A full calendar date from "2026-03-31" or "31.03.2026"."""
    pd = PartialDate.parse(text, field)
    if pd.day is None or pd.month is None:
        raise _invalid(field, text)
    return date(pd.year, pd.month, pd.day)


def parse_datetime(text: str, field: str) -> datetime:
    """A local date and time from "2026-03-31T09:30", "2026-03-31 09:30" or "31.03.2026 09:30"."""
    raw = text.strip().replace("T", " ")
    day, _, clock = raw.partition(" ")
    try:
        hh, mm = (int(x) for x in clock.split(":")[:2])
        return datetime.combine(parse_date(day, field), datetime.min.time()).replace(
            hour=hh, minute=mm
        )
    except (ValueError, InvalidInput):
        raise InvalidInput(
            field,
            f"'{text}' is not a valid date and time for {field}: use 2026-03-31 09:30.",
            f"'{text}' ist kein gültiger Zeitpunkt für {field}: bitte 31.03.2026 09:30 eingeben.",
        ) from None


def add_months(d: date, months: int) -> date:
    """`d` plus whole months, clamped to the month's last day (31 Aug + 18 months = 28/29 Feb)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, min(d.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def german_date(d: date | None) -> str:
    """31.12.2026, or an empty string."""
    return d.strftime("%d.%m.%Y") if d else ""
