"""File numbers for new clients that have none, following the scheme the office already uses.

The scheme is read from the file number of the client added last that ends in digits: its text
before the digits and how many digits ("WD-2026-00012": "WD-2026-" and five). The next number is
one more than the highest number with that prefix. A prefix holding an earlier year than today's
starts again at 1 with this year ("WD-2025-00012" in 2026: "WD-2026-00001"). Without any file
number to follow, numbers are "2026-0001", "2026-0002"…
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, ClassVar, Protocol, TypeVar

from desktop.services.import_matching import NEW, REPEAT
from desktop.store.store import Store


class _Plan(Protocol):
    """An import plan (`client_import.ImportPlan`), named here without importing it."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def rows(self) -> tuple[Any, ...]: ...


PlanT = TypeVar("PlanT", bound=_Plan)

_NUMBERED = re.compile(r"^(.*?)(\d+)$")
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


@dataclass(frozen=True, slots=True)
class FileNumberScheme:
    """A prefix, a width and the next number: "WD-2026-" + 00013."""

    prefix: str
    width: int
    next: int

    def numbers(self, taken: Iterable[str] = ()) -> Iterator[str]:
        """The scheme's numbers from `next` on, leaving out those in `taken`."""
        used = set(taken)
        number = self.next
        while True:
            text = f"{self.prefix}{number:0{self.width}d}"
            if text not in used:
                yield text
            number += 1


def scheme(existing: list[str], today: date) -> FileNumberScheme:
    """The scheme of `existing` (most recent first), moved on to today's year when its prefix
    holds an earlier year."""
    latest = next((m for m in map(_NUMBERED.match, existing) if m), None)
    if latest is None:
        return FileNumberScheme(f"{today.year}-", 4, 1)
    prefix, width = latest.group(1), len(latest.group(2))
    year = _YEAR.search(prefix)
    if year is not None and int(year.group()) < today.year:
        prefix = prefix[: year.start()] + str(today.year) + prefix[year.end() :]
    used = [
        int(m.group(2))
        for m in map(_NUMBERED.match, existing)
        if m is not None and m.group(1) == prefix
    ]
    return FileNumberScheme(prefix, width, max(used, default=0) + 1)


def number_files(store: Store, plan: PlanT, *, today: date | None = None) -> PlanT:
    """The plan with a file number for every new client that has none, following the case
    file's scheme (`file_numbers.scheme`); numbers already taken are skipped."""
    existing = store.file_numbers()
    in_file = [r.fields["file_number"] for r in plan.rows if r.fields.get("file_number")]
    chosen = scheme([*existing, *in_file], today or date.today())  # the case file's latest first
    numbers = chosen.numbers([*existing, *in_file])
    # a repeating row with a number of its own must still find the row it repeats
    repeated_with_number = {
        r.same_as_row for r in plan.rows if r.outcome == REPEAT and r.fields.get("file_number")
    }
    rows = tuple(
        replace(r, fields={**r.fields, "file_number": next(numbers)}, numbered=True)
        if r.outcome == NEW
        and not r.fields.get("file_number")
        and r.number not in repeated_with_number
        else r
        for r in plan.rows
    )
    return replace(plan, rows=rows)
