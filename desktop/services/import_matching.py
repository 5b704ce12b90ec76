"""Which rows of an import are clients already in the case file, which repeat an earlier row
of the same file, and which are new.

A row is a client already there when the file number is the same, or when the names are the
same name by the one name matcher (`name_match.same_name`: case, accents, other spellings and
scripts do not matter) and the birth dates are compatible, unless both have different file
numbers; it repeats an earlier row by the same rules. Earlier rows are found by the duplicates
report's blocks, existing clients through the case list's search.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain.dates import PartialDate
from desktop.domain.name_match import same_name
from desktop.domain.spellings import blocking_keys
from desktop.services import clients
from desktop.store.search import ClientQuery
from desktop.store.store import Store

NEW, EXISTING, REPEAT = "new", "existing", "repeat"


def _birth_compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Both unknown, or both known and equal as far as both go (1990 fits 1990-05-17)."""
    if a is None or b is None:
        return a is None and b is None
    if a.year != b.year:
        return False
    if a.month is not None and b.month is not None and a.month != b.month:
        return False
    return a.day is None or b.day is None or a.day == b.day


def _blocks(fields: Mapping[str, Any]) -> frozenset[str]:
    """The duplicates report's blocks of a row's names: a row the matcher takes for the same
    person as an earlier row shares one with it."""
    return blocking_keys(fields["family_name"]) | blocking_keys(fields.get("given_names", ""))


class RowMatcher:
    """Finds the existing client or the earlier row a row of one import stands for (in row
    order: `outcome` remembers each row it is asked about)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_file_number: dict[str, int] = {}
        self.by_block: dict[str, list[tuple[Mapping[str, Any], int]]] = {}

    def existing(self, fields: Mapping[str, Any]) -> str | None:
        number = fields.get("file_number", "")
        if number:
            found = self.store.client_by_file_number(number)
            if found is not None:
                return found.id
        family, given = fields["family_name"], fields.get("given_names", "")
        birth = fields.get("birth_date")
        # by the one name matcher: the same name in another spelling or script is the same
        # person too (the case list's search reads the candidates)
        candidates = {c.id: c for c in clients.likely_existing(self.store, family, given, birth)}
        spelled = self.store.clients(ClientQuery(text=f"{family} {given}", limit=50)).clients
        candidates.update((c.id, c) for c in spelled)
        for c in candidates.values():
            if (
                same_name(family, given, c.family_name, c.given_names)
                and _birth_compatible(c.birth_date, birth)
                and (not number or not c.file_number)  # another file number: another case
            ):
                return c.id
        return None

    def earlier(self, fields: Mapping[str, Any]) -> int | None:
        number = fields.get("file_number", "")
        if number and number in self.by_file_number:
            return self.by_file_number[number]
        birth = fields.get("birth_date")
        family, given = fields["family_name"], fields.get("given_names", "")
        earlier = {
            row: other for key in _blocks(fields) for other, row in self.by_block.get(key, [])
        }
        for row, other in sorted(earlier.items()):
            other_number = other.get("file_number", "")
            if (
                _birth_compatible(other.get("birth_date"), birth)
                and not (number and other_number and number != other_number)
                and same_name(family, given, other["family_name"], other.get("given_names", ""))
            ):
                return row
        return None

    def remember(self, fields: Mapping[str, Any], row: int) -> None:
        number = fields.get("file_number", "")
        if number:
            self.by_file_number.setdefault(number, row)
        for key in _blocks(fields):
            self.by_block.setdefault(key, []).append((fields, row))

    def outcome(self, number: int, fields: Mapping[str, Any]) -> tuple[str, str | None, int | None]:
        same = self.earlier(fields)
        if same is not None:
            return REPEAT, None, same
        self.remember(fields, number)
        found = self.existing(fields)
        return (EXISTING, found, None) if found else (NEW, None, None)
