"""The audit trail for the coordinator: record what changes nothing, read and describe events.

Changes to case data record their events themselves (see `desktop.store.audit`); this module adds
the events of reading and handing out (opened, printed, exported, a backup) and shows the trail.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from desktop.domain.errors import InvalidInput
from desktop.store import audit as stored
from desktop.store.audit import ACTIONS, MAX_COORDINATOR
from desktop.store.search import ClientQuery
from desktop.store.store import Store

__all__ = [
    "ACTIONS",
    "TRAIL_FILTERS",
    "AuditEvent",
    "TrailQuery",
    "TrailRows",
    "coordinator_name",
    "describe",
    "opened",
    "record",
    "set_coordinator_name",
    "trail",
    "trail_rows",
]

_OPENED_KEY = "_audit_opened"  # per open store: the cases whose opening is already recorded


@dataclass(frozen=True)
class AuditEvent:
    """One event of the trail, ready to show."""

    id: str
    at: datetime  # aware, UTC
    device_id: str
    coordinator: str
    action: str
    client_id: str | None
    detail: dict[str, Any]
    who: str  # "Anna (this computer)", "Bea (Bea's computer)" — English; see `who_text`
    own_device: bool
    colleague: str | None  # the colleague whose computer it was, if known


def record(
    store: Store, action: str, client_id: str | None = None, **detail: str | int | list[str]
) -> None:
    """Add one event in its own transaction (for what changes no case data)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    with store.transaction() as tx:
        tx.audit(action, client_id, dict(detail))


def opened(store: Store, client_id: str) -> None:
    """Record that a case was opened: once per case while the case file stays unlocked."""
    seen: set[str] = store.__dict__.setdefault(_OPENED_KEY, set())
    if client_id in seen:
        return
    record(store, "opened", client_id)
    seen.add(client_id)


def trail(
    store: Store,
    *,
    client_id: str | None = None,
    actions: Collection[str] = (),
    since: date | None = None,
    until: date | None = None,
    limit: int = 5000,
) -> list[AuditEvent]:
    """Events, newest first: of one case or all, of some actions, between two days (UTC)."""
    events = store.audit_trail.read(
        client_id=client_id, actions=actions, since=since, until=until, limit=limit
    )
    names = {c.device_id: c.name for c in store.sync_state.colleagues() if c.device_id}
    return [_event(store, e, names) for e in events]


def _event(store: Store, e: stored.StoredEvent, names: dict[str, str]) -> AuditEvent:
    own = e.device_id == store.device_id
    colleague = None if own else names.get(e.device_id)
    return AuditEvent(
        e.id,
        e.at,
        e.device_id,
        e.coordinator,
        e.action,
        e.client_id,
        e.detail,
        who_text(e.coordinator, own, colleague, e.device_id, "en"),
        own,
        colleague,
    )


def who_text(coordinator: str, own: bool, colleague: str | None, device: str, lang: str) -> str:
    """Who did it, as a reader wants it: the coordinator and which computer."""
    de = lang == "de"
    if own:
        where = "dieser Computer" if de else "this computer"
    elif colleague:
        where = f"Computer von {colleague}" if de else f"{colleague}'s computer"
    else:
        where = f"Computer {device[:8]}" if de else f"computer {device[:8]}"
    return f"{coordinator} ({where})" if coordinator else where


def coordinator_name(store: Store) -> str:
    """Who works at this computer (the setting; else the operating system's login name)."""
    return store.audit_trail.coordinator()


def set_coordinator_name(store: Store, name: str) -> None:
    """Save who works at this computer; InvalidInput if longer than 100 characters."""
    name = " ".join(name.split())
    if len(name) > MAX_COORDINATOR:
        raise InvalidInput(
            "coordinator",
            f"The name may have at most {MAX_COORDINATOR} characters.",
            f"Der Name darf höchstens {MAX_COORDINATOR} Zeichen haben.",
        )
    store.set_meta(stored.COORDINATOR_KEY, name)


# -- describing --------------------------------------------------------------------------------

_ACTION_TEXT = {
    "created": ("Case created", "Fall angelegt"),
    "changed": ("Changed", "Geändert"),
    "deleted": ("Case deleted", "Fall gelöscht"),
    "erased": ("Erased (data protection)", "Gelöscht nach Datenschutzrecht"),
    "merged": ("Merged into another record", "Mit einem anderen Eintrag zusammengeführt"),
    "opened": ("Opened", "Geöffnet"),
    "printed": ("Plan printed", "Plan gedruckt"),
    "exported": ("Exported", "Exportiert"),
    "access_request": ("Data access request answered", "Auskunft erteilt"),
    "synced_in": ("Received from a colleague", "Per Abgleich erhalten"),
    "backup": ("Backup written", "Sicherung geschrieben"),
    "restored": ("Restored from a backup", "Aus einer Sicherung wiederhergestellt"),
    "passphrase_changed": ("Passphrase changed", "Passphrase geändert"),
    "recovery_key_renewed": ("New recovery key", "Neuer Wiederherstellungsschlüssel"),
    "keyring_forgotten": (
        "Key removed from the Windows credential store",
        "Schlüssel aus der Windows-Anmeldeinformationsverwaltung entfernt",
    ),
}

_ITEM_TEXT = {
    "client.name": ("name", "Name"),
    "client.file": ("file number", "Aktenzeichen"),
    "client.person": ("personal details", "Angaben zur Person"),
    "client.languages": ("languages", "Sprachen"),
    "client.contact": ("contact", "Kontakt"),
    "client.address": ("address", "Anschrift"),
    "client.household": ("household", "Haushalt"),
    "client.arrival": ("arrival and housing", "Ankunft und Wohnen"),
    "client.residence": ("residence status", "Aufenthaltsstatus"),
    "client.consent": ("consent", "Einwilligung"),
    "client.case": ("case dates", "Falldaten"),
}
_ENTITY_TEXT = {
    "plan": ("integration plan", "Integrationsplan"),
    "goal": ("goal", "Ziel"),
    "measure": ("measure", "Maßnahme"),
    "document": ("document", "Dokument"),
    "attachment": ("scan", "Scan"),
    "appointment": ("appointment", "Termin"),
    "note": ("note", "Notiz"),
    "support": ("support", "Unterstützung"),
    "deadline_mark": ("deadline mark", "Fristvermerk"),
    "organisation": ("organisation", "Organisation"),
    "household": ("household", "Haushalt"),
}


def item_text(item: str, lang: str) -> str:
    """One changed item in words: "residence status", "note added", "appointment changed"."""
    de = lang == "de"
    if item in _ITEM_TEXT:
        return _ITEM_TEXT[item][de]
    entity, sign = item.rstrip("+-").split(".")[0], item[-1]
    noun = _ENTITY_TEXT.get(entity, (entity, entity))[de]
    if sign == "+":
        return f"{noun} hinzugefügt" if de else f"{noun} added"
    if sign == "-":
        return f"{noun} entfernt" if de else f"{noun} removed"
    return f"{noun} geändert" if de else f"{noun} changed"


def describe(event: AuditEvent, lang: str = "en") -> str:
    """The event in one line, e.g. "Changed: residence status, note added"."""
    de = lang == "de"
    text = _ACTION_TEXT.get(event.action, (event.action, event.action))[de]
    detail = event.detail
    parts: list[str] = []
    items = detail.get("items")
    if isinstance(items, list):
        parts = list(dict.fromkeys(item_text(str(i), lang) for i in items))
    colleague = detail.get("colleague")
    if isinstance(colleague, str) and colleague:
        parts.append(f"von {colleague}" if de and event.action == "synced_in" else colleague)
    for key in ("what", "path"):
        if isinstance(detail.get(key), str) and detail[key]:
            parts.append(str(detail[key]))
    if isinstance(detail.get("count"), int):
        parts.append(f"{detail['count']} " + ("Einträge" if de else "records"))
    return f"{text}: {', '.join(parts)}" if parts else text


# -- the trail as the audit window filters it --------------------------------------------------

TRAIL_LIMIT = 5000  # events shown at most; a narrower filter shows older events
NAME_MATCHES = 200  # cases a name filter looks at, at most

# Filter key -> the actions it shows (empty: all).
TRAIL_FILTERS: dict[str, tuple[str, ...]] = {
    "all": (),
    "changes": ("created", "changed", "deleted", "merged"),
    "opened": ("opened",),
    "handed_out": ("printed", "exported", "access_request"),
    "sync": ("synced_in",),
    "erasures": ("erased",),
    "security": (
        "backup",
        "restored",
        "passphrase_changed",
        "recovery_key_renewed",
        "keyring_forgotten",
    ),
}


@dataclass(frozen=True)
class TrailQuery:
    """What the audit window asks for: one case or all, a filter key, local days, a name."""

    client_id: str | None = None
    kind: str = "all"
    start: date | None = None
    end: date | None = None
    name: str = ""


@dataclass(frozen=True)
class TrailRows:
    """The events found, the names of their cases still there, and the erased case ids."""

    events: list[AuditEvent]
    names: dict[str, str]
    erased: set[str]
    capped: bool  # more events match than are shown


def trail_rows(store: Store, query: TrailQuery, limit: int = TRAIL_LIMIT) -> TrailRows:
    """The events of the query, newest first, filtered in SQL (days in the computer's time)."""
    # Days are stored in UTC: ask for a day more on each side, then keep the local days asked.
    since = query.start - timedelta(days=1) if query.start else None
    until = query.end + timedelta(days=1) if query.end else None
    actions = TRAIL_FILTERS[query.kind]
    if query.client_id is not None:
        cases: list[str | None] = [query.client_id]
    elif query.name.strip():
        page = store.clients(ClientQuery(text=query.name, state="all", limit=NAME_MATCHES))
        cases = [c.id for c in page.clients]
    else:
        cases = [None]
    events: list[AuditEvent] = []
    for case in cases:
        events += trail(
            store, client_id=case, actions=actions, since=since, until=until, limit=limit + 1
        )
    if len(cases) > 1:
        events.sort(key=lambda e: (e.at, e.id), reverse=True)
    events = [e for e in events if _within(e, query.start, query.end)]
    capped = len(events) > limit
    events = events[:limit]
    ids = sorted({e.client_id for e in events if e.client_id})
    names = store.display_names(ids)
    erased = {i for i in ids if i not in names and store.is_erased(i)}
    return TrailRows(events, names, erased, capped)


def _within(event: AuditEvent, start: date | None, end: date | None) -> bool:
    day = event.at.astimezone().date()
    return (start is None or day >= start) and (end is None or day <= end)
