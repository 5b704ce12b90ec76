"""All case data as deterministic JSON: a person's access request, a diff between devices."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.domain.catalogues import Catalogue
from desktop.domain.dates import PartialDate
from desktop.domain.model import (
    Appointment,
    Client,
    DeadlineMark,
    DocumentItem,
    Household,
    IntegrationPlan,
    LanguageSkill,
    Note,
    OfficePhrase,
    Organisation,
    SupportLink,
)
from desktop.domain.texts import Texts
from desktop.fsutil import atomic_write_text
from desktop.services import audit
from desktop.store.store import Store

FORMAT = "welcome-desk-export"
VERSION = 1
# The export's sections, in the order a reader meets them.
SECTIONS = (
    "clients",
    "households",
    "plans",
    "goals",
    "measures",
    "documents",
    "attachments",
    "appointments",
    "notes",
    "organisations",
    "support",
    "deadline_marks",
    "phrases",
)


def to_json_value(value: Any) -> Any:
    """A model value as JSON: ISO dates (reduced precision when partial), codes, lists."""
    if isinstance(value, Catalogue):
        return value.value
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, LanguageSkill):
        return {"code": value.code, "level": value.level}
    if isinstance(value, tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, Texts):
        return dict(value)
    return value


def to_json_object(obj: Any) -> dict[str, Any]:
    """An entity as a JSON object with every field."""
    return {f.name: to_json_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _sorted(objects: list[Any]) -> list[dict[str, Any]]:
    return [to_json_object(o) for o in sorted(objects, key=lambda o: o.id)]


def case_data(store: Store, client_id: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every entity (or one client's), each section sorted by id."""
    if client_id is None:
        clients = list(store.all(Client))
        plans = list(store.all(IntegrationPlan))
        sections: dict[str, list[Any]] = {
            "households": list(store.all(Household)),
            "organisations": list(store.all(Organisation)),
            "documents": list(store.all(DocumentItem)),
            "appointments": list(store.all(Appointment)),
            "notes": list(store.all(Note)),
            "support": list(store.all(SupportLink)),
            "deadline_marks": list(store.all(DeadlineMark)),
            "phrases": list(store.all(OfficePhrase)),  # the office's phrase book, not a person's
        }
    else:
        client = store.get(Client, client_id)
        clients = [client]
        plans = store.of_client(IntegrationPlan, client_id)
        sections = {
            cls_name: store.of_client(cls, client_id)
            for cls_name, cls in (
                ("documents", DocumentItem),
                ("appointments", Appointment),
                ("notes", Note),
                ("support", SupportLink),
                ("deadline_marks", DeadlineMark),
            )
        }
        sections["phrases"] = []
        household = store.find(Household, client.household_id) if client.household_id else None
        sections["households"] = [household] if household else []
    goals = store.goals_of([p.id for p in plans])
    measures = store.measures_of([g.id for g in goals])
    if client_id is not None:
        org_ids = (
            {m.organisation_id for m in measures}
            | {a.organisation_id for a in sections["appointments"]}
            | {s.organisation_id for s in sections["support"]}
        )
        sections["organisations"] = [
            o for o in (store.find(Organisation, i) for i in org_ids if i) if o
        ]
    # Scans: what is attached (name, type, size, hash); the bytes stay in the encrypted file.
    sections["attachments"] = store.attachments_of([d.id for d in sections["documents"]])
    sections.update(clients=clients, plans=plans, goals=goals, measures=measures)
    return {name: _sorted(sections[name]) for name in SECTIONS}


def audit_entries(store: Store, client_id: str | None = None) -> list[dict[str, Any]]:
    """The audit trail (one client's, or all of it) as stored, oldest first (by time, then id):
    ids, action names and field-group names, who and which computer; no personal data."""
    stored = store.audit_trail.read(client_id=client_id, limit=None)
    events = sorted(stored, key=lambda e: (e.at, e.id))
    return [
        {
            "id": e.id,
            "at": e.at.isoformat(timespec="seconds"),
            "action": e.action,
            "client": e.client_id,
            "who": e.coordinator,
            "device": e.device_id,
            "detail": {k: to_json_value(v) for k, v in sorted(e.detail.items())},
        }
        for e in events
    ]


def export_document(store: Store, client_id: str | None = None) -> dict[str, Any]:
    """The whole export: a `meta` object (installation-local facts) beside the case data and
    the audit trail ("audit": one client's, or all of it).

    The audit trail is the one section that grows between two exports (each export is recorded
    in it); two computers that exchanged everything produce the same case data."""
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "device": store.device_id,
        "scope": "client" if client_id else "all",
    }
    document: dict[str, Any] = {"meta": meta, **case_data(store, client_id)}
    document["audit"] = audit_entries(store, client_id)
    return document


def export_json_text(store: Store, client_id: str | None = None) -> str:
    """The export as JSON text: keys sorted, UTF-8 as written, one trailing newline."""
    return (
        json.dumps(export_document(store, client_id), ensure_ascii=False, sort_keys=True, indent=1)
        + "\n"
    )


def export_json(store: Store, client_id: str | None = None, target: Path | None = None) -> str:
    """The export as JSON text, also written to `target` atomically if given; the audit trail
    records that it was handed out."""
    text = export_json_text(store, client_id)
    if target is not None:
        atomic_write_text(target, text)
    audit.record(store, "exported", client_id, what="json")
    return text
