"""Sync between colleagues as the window and the command line use it.

Colleagues are trusted by their identity string (compared by fingerprint), bundles go out per
colleague and come in from a file (a shared folder's exchange round is in `sync_folder`), and the
conflict list can be reviewed and resolved.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.domain.errors import BundleRejected, InvalidInput
from desktop.domain.model import Client
from desktop.services import casework, erasure
from desktop.store.consent import Sharing
from desktop.store.specs import BY_NAME
from desktop.store.store import Store
from desktop.store.sync_state import ConflictRecord
from desktop.sync import exchange
from desktop.sync.bundle import key_id
from desktop.sync.exchange import ExportSummary, ImportSummary
from desktop.sync.identity import PublicIdentity, ensure_identity, rotate_identity
from desktop.sync.messages import held_back_text

__all__ = [
    "BundleRejected",
    "Colleague",
    "ConflictView",
    "ExportSummary",
    "ImportSummary",
    "held_back_text",
]

SUFFIX = ".wdb"
MAX_NAME = 80


@dataclass(frozen=True)
class Identity:
    """This installation's public identity, to give to colleagues."""

    text: str
    fingerprint: str


@dataclass(frozen=True)
class Colleague:
    """A trusted colleague as the Sync page shows them."""

    name: str
    identity: str
    fingerprint: str
    last_import_at: datetime | None
    last_export_at: datetime | None
    waiting: int  # changes they have not acknowledged yet


@dataclass(frozen=True)
class ConflictView:
    """One entry of the conflict list, readable."""

    num: int
    kind: str  # "edit": a concurrent edit lost; "deleted": a delete overrode an edit
    entity: str
    row_id: str
    field_group: str
    client_id: str | None
    client_name: str
    lost: dict[str, Any]  # the losing edit's values of the fields that differ
    won: dict[str, Any]
    lost_by: str  # who made the losing edit ("" for this computer)
    won_by: str
    lost_at: datetime
    won_at: datetime
    resolved: bool


# -- identity and colleagues -----------------------------------------------------------------


def my_identity(store: Store) -> Identity:
    """The identity string and fingerprint to give to colleagues."""
    me = ensure_identity(store)
    return Identity(me.text(), me.fingerprint())


def rotate_my_identity(store: Store) -> Identity:
    """New keys for this installation (a lost laptop held the old ones): the new identity,
    which every colleague must add again under this installation's name."""
    me = rotate_identity(store)
    return Identity(me.text(), me.fingerprint())


def fingerprint_of(identity_text: str) -> str:
    """The fingerprint of an identity string (InvalidInput if it is not one)."""
    return PublicIdentity.parse(identity_text).fingerprint()


def add_colleague(store: Store, name: str, identity_text: str) -> Colleague:
    """Trust a colleague; adding a known name again confirms their new key."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise InvalidInput(
            "name",
            f"A colleague needs a name of 1 to {MAX_NAME} characters.",
            f"Bitte einen Namen mit 1 bis {MAX_NAME} Zeichen angeben.",
        )
    identity = PublicIdentity.parse(identity_text)
    if identity.signing_key == ensure_identity(store).signing_key:
        raise InvalidInput(
            "identity",
            "This is the identity of this computer, not of a colleague.",
            "Das ist die Identität dieses Computers, nicht die einer Kollegin oder eines Kollegen.",
        )
    other = store.sync_state.colleague_by_key(identity.signing_key)
    if other is not None and other.name != name:
        raise InvalidInput(
            "identity",
            f"This identity is already trusted as {other.name}.",
            f"Diese Identität ist schon als {other.name} eingetragen.",
        )
    store.sync_state.save_colleague(name, identity.signing_key, identity.exchange_key)
    return next(c for c in colleagues(store) if c.name == name)


def remove_colleague(store: Store, name: str) -> None:
    """Stop trusting a colleague (their changes already merged stay)."""
    store.sync_state.remove_colleague(name)


def colleagues(store: Store) -> list[Colleague]:
    """Every trusted colleague, with their last sync and what waits for them."""
    found = []
    for record in store.sync_state.colleagues():
        identity = PublicIdentity(record.signing_key, record.exchange_key)
        found.append(
            Colleague(
                record.name,
                identity.text(),
                identity.fingerprint(),
                _time(record.last_import_at),
                _time(record.last_export_at),
                store.log.count_since(record.acked),
            )
        )
    return found


# -- bundles ---------------------------------------------------------------------------------


def export_for(
    store: Store, name: str, target: Path, *, full: bool = False, share: Sharing | None = None
) -> ExportSummary:
    """Write a bundle for a colleague; a folder as target gets a file named for both sides
    (`share`: see `exchange.export_bundle`)."""
    if target.is_dir():
        target = target / bundle_file_name(store, name)
    return exchange.export_bundle(store, name, target, full=full, share=share)


def import_file(store: Store, path: Path) -> ImportSummary:
    """Verify, decrypt and merge a bundle (BundleRejected, nothing changed, if it is not fit)."""
    before = {e.client_id for e in store.erasure_ledger()}
    summary = exchange.import_bundle(store, path)
    erasure.after_merge(store, before)
    return summary


def bundle_file_name(store: Store, name: str) -> str:
    """`wd-<from>-to-<to>-<UTC time>.wdb`: sortable, and says who it is for without names."""
    record = exchange.colleague_record(store, name)
    mine = key_id(ensure_identity(store).exchange_key)[:8]
    theirs = key_id(record.exchange_key)[:8]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"wd-{mine}-to-{theirs}-{stamp}{SUFFIX}"


def sync_folder(store: Store) -> Path | None:
    """The watched folder, if one is set."""
    value = store.meta("sync_folder")
    return Path(value) if value else None


def set_sync_folder(store: Store, folder: Path | None) -> None:
    """Watch this folder (None: no folder)."""
    store.set_meta("sync_folder", str(folder) if folder else "")


# -- conflicts -------------------------------------------------------------------------------


def conflicts(store: Store, *, include_resolved: bool = False) -> list[ConflictView]:
    """The conflict list, newest first."""
    records = store.sync_state.conflicts(open_only=not include_resolved)
    return [_view(store, r) for r in records]


def open_conflict_count(store: Store) -> int:
    """How many conflicts wait for review."""
    return store.sync_state.open_conflict_count()


def resolve_conflict(store: Store, num: int, *, restore: bool = False) -> None:
    """Close a conflict; with `restore` the lost values become a new edit that wins from now on."""
    record = store.sync_state.conflict(num)
    if record is None:
        raise InvalidInput("conflict", f"There is no conflict {num}.", f"Konflikt {num} fehlt.")
    if restore:
        _restore(store, record)
    store.sync_state.resolve(num, "restored" if restore else "kept")


def _restore(store: Store, record: ConflictRecord) -> None:
    spec = BY_NAME[record.entity]
    current = store.find(spec.cls, record.row_id)
    values = _values(record.lost_value)
    if current is None or not values or record.field_group not in spec.groups:
        raise InvalidInput(
            "conflict",
            "The record no longer exists, so the lost values cannot be restored.",
            "Der Eintrag existiert nicht mehr; die unterlegenen Werte lassen sich nicht "
            "wiederherstellen.",
        )
    codecs = spec.codecs
    changes = {f: codecs[f].decode(values[f]) for f in spec.groups[record.field_group]}
    restored = type(current)(**{**_fields(current), **changes})
    casework.save(store, restored)


def _fields(obj: Any) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in obj.__dataclass_fields__}


def _view(store: Store, record: ConflictRecord) -> ConflictView:
    lost, won = _values(record.lost_value) or {}, _values(record.won_value) or {}
    differing = sorted(k for k in lost.keys() | won.keys() if lost.get(k) != won.get(k))
    client_id = _owner_client(store, record.entity, record.row_id)
    names = store.display_names([client_id]) if client_id else {}
    return ConflictView(
        record.num,
        record.kind,
        record.entity,
        record.row_id,
        record.field_group,
        client_id,
        names.get(client_id or "", ""),
        {k: lost.get(k) for k in differing},
        {k: won.get(k) for k in differing},
        _who(store, record.lost_device),
        _who(store, record.won_device),
        _hlc_time(record.lost_hlc),
        _hlc_time(record.won_hlc),
        record.resolved_at is not None,
    )


def _owner_client(store: Store, entity: str, row_id: str) -> str | None:
    """The client a row belongs to (following plan, goal and document links)."""
    spec = BY_NAME[entity]
    obj = store.find(spec.cls, row_id)
    if obj is None:
        return None
    if isinstance(obj, Client):
        return obj.id
    for link, parent in (("client_id", None), ("plan_id", "plan"), ("goal_id", "goal")):
        if hasattr(obj, link):
            value = getattr(obj, link)
            return value if parent is None else _owner_client(store, parent, value)
    if hasattr(obj, "document_id"):
        return _owner_client(store, "document", obj.document_id)
    return None


def _who(store: Store, device: str) -> str:
    if device == store.device_id:
        return ""
    colleague = store.sync_state.colleague_by_device(device)
    return colleague.name if colleague else "?"


def _values(raw: str | None) -> dict[str, Any] | None:
    with contextlib.suppress(ValueError):
        value = json.loads(raw) if raw else None
        return value if isinstance(value, dict) else None
    return None


def _hlc_time(hlc: int) -> datetime:
    return datetime.fromtimestamp((hlc >> 16) / 1000, UTC)


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


# -- for the Sync window ----------------------------------------------------------------------


def bundle_name_prefixes(store: Store) -> dict[str, str]:
    """Per colleague, the start of the bundle file names for them (`wd-<from>-to-<to>`):
    read with the colleague list, completed by `stamped_bundle_name` when a bundle is saved."""
    return {
        record.name: bundle_file_name(store, record.name).rsplit("-", 1)[0]
        for record in store.sync_state.colleagues()
    }


def stamped_bundle_name(prefix: str) -> str:
    """A prefix of `bundle_name_prefixes` with the UTC time now: as `bundle_file_name` names it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{prefix}-{stamp}{SUFFIX}"
