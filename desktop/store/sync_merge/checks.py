"""What a change from a colleague must look like before the merge touches anything."""

from __future__ import annotations

import json
from typing import Any, Protocol

from desktop.store.audit import AUDIT, EVENT, check_value
from desktop.store.specs import BY_NAME, CLIENT, ERASED, EXISTS, MERGED

MAX_FIELD = 200  # entity, row id and field group names are short identifiers
_FIELDS = {
    (spec.name, group): frozenset(fields)
    for spec in BY_NAME.values()
    for group, fields in spec.groups.items()
}  # the fields of each field group's value


class MergeError(Exception):
    """A change that cannot be part of any case file (unknown entity, malformed value)."""


class ChangeLike(Protocol):
    """What the merge needs of a change, wherever it came from."""

    @property
    def entity(self) -> str: ...

    @property
    def row_id(self) -> str: ...

    @property
    def field_group(self) -> str: ...

    @property
    def value(self) -> str | None: ...

    @property
    def hlc(self) -> int: ...

    @property
    def origin(self) -> str: ...

    @property
    def origin_seq(self) -> int: ...

    @property
    def prev_hlc(self) -> int: ...


def check_change(change: ChangeLike, vector: dict[str, int]) -> dict[str, Any] | None:
    """MergeError unless the change could be part of a case file and of this bundle.

    Returns the field group's values as decoded for the check (None for a causal length, an
    erasure, a merge or an audit event), so that the merge need not decode them again.
    """
    if len(change.row_id) > MAX_FIELD or not change.row_id:
        raise MergeError("malformed row id")
    if not 0 < change.origin_seq <= vector.get(change.origin, 0):
        raise MergeError("a change outside the bundle's version vector")
    if change.entity == AUDIT:
        if change.field_group != EVENT or check_value(change.value) is None:
            raise MergeError("a malformed audit event")
        return None
    spec = BY_NAME.get(change.entity)
    if spec is None:
        raise MergeError(f"unknown entity {change.entity!r}")
    special = (EXISTS, ERASED, MERGED) if spec is CLIENT else (EXISTS, ERASED)
    if change.field_group not in spec.groups and change.field_group not in special:
        raise MergeError(f"unknown field group {change.entity}.{change.field_group}")
    if change.field_group == EXISTS:
        text = change.value or ""
        try:  # plain digits (what every sender writes) without the JSON parser
            length = (
                int(text)
                if text.isascii() and text.isdigit() and text[0] != "0"
                else json.loads(text)
            )
        except ValueError:
            raise MergeError("malformed causal length") from None
        if type(length) is not int or length < 1:
            raise MergeError("malformed causal length")
    elif change.field_group == MERGED:
        if not isinstance(_loads(change.value), str):
            raise MergeError("malformed merge")
    elif change.field_group != ERASED:
        values = decode_group(change.value)
        if values is None or values.keys() != _FIELDS[spec.name, change.field_group]:
            raise MergeError(f"malformed value for {change.entity}.{change.field_group}")
        return values
    return None


_DECODER = json.JSONDecoder()


def _loads(value: str | None) -> Any:
    """`json.loads(value)`, None if it is not JSON (a value that is one JSON document and no
    more, as every sender writes, is parsed without looking for whitespace around it)."""
    if value is None:
        return None
    try:
        decoded, end = _DECODER.raw_decode(value)
        if end == len(value):
            return decoded
    except ValueError:
        pass
    try:
        return json.loads(value)  # whitespace around it, or not JSON
    except ValueError:
        return None


def decode_group(value: str | None) -> dict[str, Any] | None:
    decoded = _loads(value)
    return decoded if isinstance(decoded, dict) else None
