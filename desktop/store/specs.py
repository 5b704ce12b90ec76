"""How each entity maps to a table, and which fields form a field group.

A field group is the unit of change and of merge: fields that must change together (a residence
status with its valid-until date, an address) share one, so that a merge never mixes the halves of
two edits. Every field of every entity belongs to exactly one group (a test checks this).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.domain.catalogues import Catalogue
from desktop.domain.dates import PartialDate
from desktop.domain.model import (
    Appointment,
    Attachment,
    Client,
    DeadlineMark,
    DocumentItem,
    Goal,
    Household,
    IntegrationPlan,
    LanguageSkill,
    Measure,
    Note,
    OfficePhrase,
    Organisation,
    SupportLink,
)
from desktop.domain.texts import Texts

SqlValue = str | int | None


@dataclass(frozen=True)
class Codec:
    """Turns one field's Python value into its column value and back."""

    encode: Callable[[Any], SqlValue]
    decode: Callable[[SqlValue], Any]


def _optional(inner: Codec) -> Codec:
    return Codec(
        lambda v: None if v is None else inner.encode(v),
        lambda v: None if v is None else inner.decode(v),
    )


_STR = Codec(str, lambda v: "" if v is None else str(v))
_INT = Codec(int, lambda v: int(v or 0))
_BOOL = Codec(lambda v: 1 if v else 0, bool)
_DATE = Codec(lambda v: v.isoformat(), lambda v: date.fromisoformat(str(v)))
_DATETIME = Codec(
    lambda v: v.isoformat(timespec="minutes"), lambda v: datetime.fromisoformat(str(v))
)
_PARTIAL = Codec(lambda v: v.iso(), lambda v: PartialDate.parse(str(v)))
_TEXTS = Codec(lambda v: v.to_json(), lambda v: Texts.from_json(None if v is None else str(v)))


def _enum(cls: type[Catalogue]) -> Codec:
    members = {m.value: m for m in cls}  # a dict look-up: calling the enum class is slow

    def decode(v: SqlValue) -> Catalogue:
        return members[v] if isinstance(v, str) and v in members else cls(str(v))

    return Codec(lambda v: v.value, decode)


def _json_tuple(item_encode: Callable[[Any], str], item_decode: Callable[[str], Any]) -> Codec:
    def enc(values: tuple[Any, ...]) -> SqlValue:
        return json.dumps([item_encode(x) for x in values], ensure_ascii=False) if values else None

    def dec(raw: SqlValue) -> tuple[Any, ...]:
        return tuple(item_decode(x) for x in json.loads(str(raw))) if raw else ()

    return Codec(enc, dec)


def codec_for(hint: Any) -> Codec:
    """The codec for a resolved type hint of a model field."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        return _optional(codec_for(inner))
    if typing.get_origin(hint) is tuple:
        item = args[0]
        if item is LanguageSkill:
            return _json_tuple(str, LanguageSkill.parse)
        if isinstance(item, type) and issubclass(item, Catalogue):
            return _json_tuple(lambda v: v.value, item)
        return _json_tuple(str, str)
    simple: dict[Any, Codec] = {
        str: _STR,
        int: _INT,
        bool: _BOOL,
        date: _DATE,
        datetime: _DATETIME,
        PartialDate: _PARTIAL,
        Texts: _TEXTS,
    }
    if hint in simple:
        return simple[hint]
    if isinstance(hint, type) and issubclass(hint, Catalogue):
        return _enum(hint)
    raise TypeError(f"no codec for {hint!r}")


@dataclass(frozen=True)
class EntitySpec:
    """One entity's table, its field groups and the codecs of its fields."""

    name: str  # the entity name in change rows and bundles
    cls: type
    table: str
    groups: dict[str, tuple[str, ...]]
    parent: str | None = None  # the field naming the owning client, if any

    @functools.cached_property
    def fields(self) -> tuple[str, ...]:
        return tuple(f for group in self.groups.values() for f in group)

    @functools.cached_property
    def _decoders(self) -> tuple[tuple[str, Callable[[SqlValue], Any]], ...]:
        codecs = self.codecs
        return tuple((f, codecs[f].decode) for f in self.fields)

    @property
    def codecs(self) -> dict[str, Codec]:
        return _codecs(self.cls)

    def group_values(self, obj: Any, group: str) -> dict[str, SqlValue]:
        """The column values of one field group of `obj`."""
        codecs = self.codecs
        return {f: codecs[f].encode(getattr(obj, f)) for f in self.groups[group]}

    def row(self, obj: Any) -> dict[str, SqlValue]:
        """All column values of `obj`, id included."""
        codecs = self.codecs
        return {"id": obj.id, **{f: codecs[f].encode(getattr(obj, f)) for f in self.fields}}

    def from_row(self, row: typing.Mapping[str, SqlValue]) -> Any:
        """The domain object for a table row."""
        return self.cls(id=row["id"], **{f: decode(row[f]) for f, decode in self._decoders})


_CODEC_CACHE: dict[type, dict[str, Codec]] = {}


def _codecs(cls: type) -> dict[str, Codec]:
    if cls not in _CODEC_CACHE:
        hints = typing.get_type_hints(cls)
        _CODEC_CACHE[cls] = {
            f.name: codec_for(hints[f.name]) for f in dataclasses.fields(cls) if f.name != "id"
        }
    return _CODEC_CACHE[cls]


CLIENT = EntitySpec(
    "client",
    Client,
    "client",
    {
        "name": ("family_name", "given_names", "other_names"),
        "file": ("file_number",),
        "person": ("sex", "birth_date", "birth_place", "nationality"),
        "languages": ("languages", "interpreter_needed", "interpreter_language"),
        "contact": ("phone", "email"),
        "address": ("street", "postcode", "city"),
        "household": ("household_id", "household_role"),
        "arrival": ("arrival_date", "housing"),
        "residence": ("residence_status", "status_granted_on", "status_valid_until"),
        "consent": ("consent_given_on", "consent_scope", "consent_withdrawn_on"),
        "case": ("opened_on", "closed_on", "retention_until"),
    },
    parent="id",
)
HOUSEHOLD = EntitySpec("household", Household, "household", {"main": ("name",)})
PLAN = EntitySpec(
    "plan",
    IntegrationPlan,
    "plan",
    {
        "link": ("client_id",),
        "main": ("status", "agreed_on", "review_on"),
    },
    parent="client_id",
)
GOAL = EntitySpec(
    "goal",
    Goal,
    "goal",
    {
        "link": ("plan_id",),
        "main": ("field_of_action", "title", "phrase_key", "texts", "position"),
        "status": ("status",),
    },
)
MEASURE = EntitySpec(
    "measure",
    Measure,
    "measure",
    {
        "link": ("goal_id",),
        "main": (
            "title",
            "phrase_key",
            "texts",
            "responsible",
            "organisation_id",
            "due_on",
            "position",
        ),
        "status": ("status", "outcome"),
    },
)
DOCUMENT = EntitySpec(
    "document",
    DocumentItem,
    "document",
    {
        "link": ("client_id",),
        "main": ("kind", "note"),
        "status": ("status", "holder", "held_since"),
        "expiry": ("expires_on",),
    },
    parent="client_id",
)
APPOINTMENT = EntitySpec(
    "appointment",
    Appointment,
    "appointment",
    {
        "link": ("client_id",),
        "when": ("starts_at", "duration_minutes"),
        "details": (
            "place",
            "organisation_id",
            "purpose",
            "purpose_key",
            "purpose_texts",
            "participants",
            "interpreter_language",
        ),
        "status": ("status", "outcome"),
    },
    parent="client_id",
)
NOTE = EntitySpec(
    "note",
    Note,
    "note",
    {
        "link": ("client_id",),
        "main": ("written_on", "text", "author"),
    },
    parent="client_id",
)
ORGANISATION = EntitySpec(
    "organisation",
    Organisation,
    "organisation",
    {
        "main": ("name", "kind"),
        "contact": ("contact_person", "phone", "email", "address"),
    },
)
SUPPORT = EntitySpec(
    "support",
    SupportLink,
    "support",
    {
        "link": ("client_id", "organisation_id"),
        "main": ("purpose", "since", "until"),
    },
    parent="client_id",
)
# Change rows of an attachment carry its metadata and the SHA-256 of its bytes, never the bytes:
# those live in the content-addressed `blob` table and travel by hash.
ATTACHMENT = EntitySpec(
    "attachment",
    Attachment,
    "attachment",
    {
        "link": ("document_id",),
        "main": ("file_name", "media_type", "size", "sha256"),
    },
)

# A deadline of the radar marked done or snoozed: a part of the client's case, erased with it.
DEADLINE_MARK = EntitySpec(
    "deadline_mark",
    DeadlineMark,
    "deadline_mark",
    {
        "link": ("client_id",),
        "main": ("kind", "entity_id", "due_on"),
        "status": ("status", "snoozed_until", "marked_on"),
    },
    parent="client_id",
)

# The office's phrase book: not personal data, shared with every colleague.
PHRASE = EntitySpec(
    "phrase",
    OfficePhrase,
    "office_phrase",
    {
        "main": ("field_of_action", "kind", "german"),
        "texts": ("texts",),
    },
)

SPECS: tuple[EntitySpec, ...] = (
    HOUSEHOLD,
    ORGANISATION,
    CLIENT,
    PLAN,
    GOAL,
    MEASURE,
    DOCUMENT,
    APPOINTMENT,
    NOTE,
    SUPPORT,
    ATTACHMENT,
    PHRASE,
    DEADLINE_MARK,
)
BY_NAME = {s.name: s for s in SPECS}
BY_CLASS: dict[type, EntitySpec] = {s.cls: s for s in SPECS}
EXISTS = "_exists"  # the field group that carries a row's causal length (odd: exists)
ERASED = "_erased"  # the field group of an erasure tombstone (no personal data)
MERGED = "_merged"  # a client merged into another: the value is the id of the one kept
