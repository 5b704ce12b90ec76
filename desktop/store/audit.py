"""The audit trail: who did what to which case and when, recorded with the change it describes.

Every transaction that changes case data ends with one event per case it touched (created,
changed with the field groups, deleted, erased, merged), derived from its own change rows, so no
write can forget to leave a trace. Services add events for what changes nothing (opened, printed,
exported, a backup). An event is also a change row (entity `audit`, group `event`) and travels to
colleagues with the changes; the `audit` table is its readable form and refuses updates and
deletes. Events hold ids, action names and field-group names: never a client's personal data, so
they outlive an erasure.
"""

from __future__ import annotations

import getpass
import json
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desktop.store.database import Connection
from desktop.store.specs import CLIENT, ERASED, EXISTS, MERGED

AUDIT = "audit"  # the entity name of audit change rows
EVENT = "event"  # their only field group
COORDINATOR_KEY = "audit.coordinator"
MAX_COORDINATOR = 100
MAX_DETAIL = 4096  # bytes of JSON: ids and group names, never documents

# What an event can say. The first group is derived from change rows; the rest is recorded.
DERIVED_ACTIONS = ("created", "changed", "deleted", "erased", "merged")
ACTIONS = (
    *DERIVED_ACTIONS,
    "opened",
    "printed",
    "exported",
    "access_request",
    "synced_in",
    "backup",
    "restored",
    "passphrase_changed",
    "recovery_key_renewed",
    "keyring_forgotten",
)

# Parts of a case and the link field that names their owner; the owner's entity if not a client.
_OWNER_FIELD = {
    "plan": "client_id",
    "document": "client_id",
    "appointment": "client_id",
    "note": "client_id",
    "support": "client_id",
    "deadline_mark": "client_id",
    "goal": "plan_id",
    "measure": "goal_id",
    "attachment": "document_id",
}
_OWNER_ENTITY = {"goal": "plan", "measure": "goal", "attachment": "document"}


@dataclass(frozen=True)
class StoredEvent:
    """One row of the audit table."""

    id: str
    at: datetime
    hlc: int
    device_id: str
    coordinator: str
    action: str
    client_id: str | None
    detail: dict[str, Any]


@dataclass
class _CaseSummary:
    """What one transaction did to one case."""

    created: bool = False
    deleted: bool = False
    erased: bool = False
    merged_into: str | None = None
    items: set[str] = field(default_factory=set)
    new_rows: set[str] = field(default_factory=set)

    def action(self) -> tuple[str, dict[str, Any]]:
        if self.erased:
            return "erased", {}
        if self.merged_into is not None:
            return "merged", {"into": self.merged_into}
        action = "deleted" if self.deleted else "created" if self.created else "changed"
        items = self.items
        if self.created:  # the new case's own fields are all of it: say only what came with it
            items = {i for i in items if not i.startswith("client.")}
        return action, {"items": sorted(items)} if items else {}


def derive_events(
    conn: Connection, changes: Iterable[Any]
) -> list[tuple[str, str | None, dict[str, Any]]]:
    """(action, client id, detail) for each case these change rows touched, in first-touch order."""
    changes = [c for c in changes if c.entity != AUDIT]
    links: dict[str, dict[str, Any]] = {}
    for c in changes:
        if c.field_group == "link" and c.value:
            links[c.row_id] = json.loads(c.value)
    owners: dict[str, str | None] = {}
    cases: dict[str | None, _CaseSummary] = {}
    for c in changes:
        client = owner_of(conn, c.entity, c.row_id, links, owners)
        if client is None and c.entity in _OWNER_FIELD and c.field_group == ERASED:
            continue  # a part erased with its case: the case's own event says it
        _summarise(cases.setdefault(client, _CaseSummary()), c)
    events = []
    for client, summary in cases.items():
        action, detail = summary.action()
        events.append((action, client, detail))
    return events


def _summarise(summary: _CaseSummary, c: Any) -> None:
    if c.entity == CLIENT.name:
        if c.field_group == ERASED:
            summary.erased = True
        elif c.field_group == MERGED:
            summary.merged_into = json.loads(c.value) if c.value else None
        elif c.field_group == EXISTS:
            length = int(c.value or 0)
            summary.created = summary.created or length == 1
            summary.deleted = length % 2 == 0
        else:
            summary.items.add(f"client.{c.field_group}")
        return
    if c.field_group == EXISTS:
        added = int(c.value or 0) % 2 == 1
        if added:
            summary.new_rows.add(c.row_id)
        summary.items.add(f"{c.entity}+" if added else f"{c.entity}-")
    elif c.field_group == ERASED:
        summary.items.add(f"{c.entity}-")
    elif c.row_id not in summary.new_rows:
        summary.items.add(f"{c.entity}.{c.field_group}")


def owner_of(
    conn: Connection,
    entity: str,
    row_id: str,
    links: dict[str, dict[str, Any]],
    owners: dict[str, str | None],
) -> str | None:
    """The client a row belongs to (None for organisations, households and unknown rows)."""
    if entity == CLIENT.name:
        return row_id
    owner_field = _OWNER_FIELD.get(entity)
    if owner_field is None:
        return None
    if row_id not in owners:
        link = links.get(row_id)
        if link is None:
            link = _logged_link(conn, row_id)
        parent = link.get(owner_field) if link else None
        owner_entity = _OWNER_ENTITY.get(entity, CLIENT.name)
        owners[row_id] = (
            owner_of(conn, owner_entity, parent, links, owners) if isinstance(parent, str) else None
        )
    return owners[row_id]


def logged_links(conn: Connection, row_ids: Collection[str]) -> dict[str, dict[str, Any]]:
    """The newest link of each of these rows in the change log (as `_logged_link` reads one),
    in one query per 500 rows; rows without one are left out."""
    ids = sorted(set(row_ids))
    links: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            "SELECT row_id, value FROM change_log"
            " WHERE row_id IN (SELECT value FROM json_each(?)) AND field_group = 'link'"
            " ORDER BY hlc",
            (json.dumps(ids[start : start + 500]),),
        )
        for row_id, value in rows:  # the newest comes last
            links.pop(row_id, None)
            link = json.loads(value) if value else None
            if isinstance(link, dict):
                links[row_id] = link
    return links


def _logged_link(conn: Connection, row_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT value FROM change_log WHERE row_id = ? AND field_group = 'link'"
        " ORDER BY hlc DESC LIMIT 1",
        (row_id,),
    ).fetchone()
    value = json.loads(row[0]) if row and row[0] else None
    return value if isinstance(value, dict) else None


# -- the event as a change row and as a table row ---------------------------------------------


def new_event_id() -> str:
    """A random id for an event (the row id of its change row)."""
    return uuid.uuid4().hex


def event_value(
    coordinator: str, action: str, client_id: str | None, detail: dict[str, Any]
) -> dict[str, Any]:
    """What an event's change row carries (its time, device and HLC are the change's own)."""
    return {
        "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "coordinator": coordinator,
        "action": action,
        "client": client_id,
        "detail": detail,
    }


def check_value(value: str | None) -> dict[str, Any] | None:
    """An event's change-row value if well formed (from a colleague: checked before use)."""
    try:
        decoded = json.loads(value) if value is not None and len(value) <= MAX_DETAIL else None
    except ValueError:
        return None
    if not isinstance(decoded, dict) or set(decoded) != {
        "at",
        "coordinator",
        "action",
        "client",
        "detail",
    }:
        return None
    at, who, action, client = (decoded[k] for k in ("at", "coordinator", "action", "client"))
    if not (isinstance(at, str) and isinstance(who, str) and isinstance(action, str)):
        return None
    if len(who) > MAX_COORDINATOR or len(action) > 40 or not isinstance(decoded["detail"], dict):
        return None
    if client is not None and (not isinstance(client, str) or not 0 < len(client) <= 200):
        return None
    try:
        _parse_at(at)
    except ValueError:
        return None
    return decoded


def insert_event(conn: Connection, event_id: str, hlc: int, device_id: str, value: dict) -> None:
    """Add an event to the readable table (a second arrival of it changes nothing)."""
    insert_events(conn, [(event_id, hlc, device_id, value)])


def insert_events(conn: Connection, events: list[tuple[str, int, str, dict]]) -> None:
    """Add events (id, HLC, device, value) to the readable table in one statement."""
    conn.executemany(
        "INSERT OR IGNORE INTO audit"
        " (id, at, hlc, device_id, coordinator, action, client_id, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                event_id,
                value["at"],
                hlc,
                device_id,
                value["coordinator"],
                value["action"],
                value["client"],
                json.dumps(value["detail"], ensure_ascii=False, sort_keys=True),
            )
            for event_id, hlc, device_id, value in events
        ],
    )


def device_of(conn: Connection, device_num: int) -> str:
    """The device id behind a device number."""
    row = conn.execute("SELECT device_id FROM device WHERE num = ?", (device_num,)).fetchone()
    return str(row[0])


# -- reading -----------------------------------------------------------------------------------


def read_trail(
    conn: Connection,
    *,
    client_id: str | None = None,
    actions: Collection[str] = (),
    since: date | None = None,
    until: date | None = None,
    limit: int | None = 5000,
) -> list[StoredEvent]:
    """Events, newest first, filtered by case, actions and days (UTC, both ends included);
    `limit=None` reads them all (the export)."""
    conditions, params = [], []
    if client_id is not None:
        conditions.append("client_id = ?")
        params.append(client_id)
    if actions:
        conditions.append(f"action IN ({', '.join('?' * len(actions))})")
        params.extend(actions)
    if since is not None:
        conditions.append("at >= ?")
        params.append(since.isoformat())
    if until is not None:
        conditions.append("at < ?")
        params.append((until + timedelta(days=1)).isoformat())
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = conn.execute(
        "SELECT id, at, hlc, device_id, coordinator, action, client_id, detail FROM audit"
        f"{where} ORDER BY at DESC, id DESC LIMIT ?",
        (*params, -1 if limit is None else limit),  # SQLite: a negative LIMIT is none
    )
    return [
        StoredEvent(r[0], _parse_at(r[1]), r[2], r[3], r[4], r[5], r[6], json.loads(r[7]))
        for r in rows
    ]


def _parse_at(text: str) -> datetime:
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("an event time without a time zone")
    return parsed.astimezone(UTC)


def coordinator(conn: Connection) -> str:
    """Who works at this computer: the setting, else the operating system's login name."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (COORDINATOR_KEY,)).fetchone()
    if row and row[0]:
        return str(row[0])
    try:
        return getpass.getuser()[:MAX_COORDINATOR]
    except Exception:  # no login name to be had (a service account, a container)
        return ""


class AuditTrail:
    """The audit trail of one open case file, read (`store.audit_trail`)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def read(
        self,
        *,
        client_id: str | None = None,
        actions: Collection[str] = (),
        since: date | None = None,
        until: date | None = None,
        limit: int | None = 5000,
    ) -> list[StoredEvent]:
        """Events, newest first, filtered by case, actions and days (all of them: limit=None)."""
        return read_trail(
            self._conn, client_id=client_id, actions=actions, since=since, until=until, limit=limit
        )

    def coordinator(self) -> str:
        """Who works at this computer."""
        return coordinator(self._conn)

    def owner_of(self, entity: str, row_id: str, owners: dict[str, str | None]) -> str | None:
        """The client a row belongs to (`owners` caches what was found)."""
        return owner_of(self._conn, entity, row_id, {}, owners)

    def clients_of(self, rows: Collection[tuple[str, str]]) -> list[str]:
        """The clients these (entity, row id)s belong to, sorted; their links read at once."""
        links = logged_links(self._conn, [r for e, r in rows if e in _OWNER_FIELD])
        owners: dict[str, str | None] = {}
        found = {owner_of(self._conn, e, r, links, owners) for e, r in rows}
        return sorted(c for c in found if c is not None)
