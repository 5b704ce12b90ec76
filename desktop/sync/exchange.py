"""Writing a bundle for a colleague and importing one from a colleague.

An import checks, in this order, before anything is applied: the file is a bundle of a known
version; its signer is a trusted colleague; the signature holds; it is not dated more than a day
ahead; this case file holds the base the bundle builds on; it is addressed to this installation.
Then it is decrypted and merged in one transaction: a failure anywhere leaves the case file as it
was.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.domain.errors import InvalidInput
from desktop.store import consent
from desktop.store.changelog.clock import unpack_hlc
from desktop.store.changelog.reading import LoggedChange
from desktop.store.specs import ERASED
from desktop.store.store import Store
from desktop.store.sync_merge.checks import MergeError
from desktop.store.sync_merge.merger import Merger, RolledBack
from desktop.store.sync_state import ColleagueRecord
from desktop.sync import messages
from desktop.sync.bundle import (
    BundleError,
    Header,
    decrypt_payload,
    read_header,
    verify_signature,
    write_bundle,
)
from desktop.sync.identity import PublicIdentity, ensure_identity, private_keys
from desktop.sync.payload import Blob, Devices, decode_payload, encode_payload

FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000  # a bundle dated further ahead is held back


@dataclass(frozen=True)
class ExportSummary:
    """What `export_bundle` wrote."""

    colleague: str
    path: Path
    changes: int
    blobs: int
    size: int
    full: bool
    held_back: int = 0  # clients left out: no consent to share with colleagues


@dataclass(frozen=True)
class ImportSummary:
    """What `import_bundle` merged."""

    sender: str
    bundle_id: str
    created_at: datetime
    applied: int
    already_had: int
    dropped: int
    conflicts: int
    rows_changed: int
    already_imported: bool = False
    new_clients: tuple[str, ...] = ()  # clients new to this case file: check them for doubles

    def text(self, lang: str = "en") -> str:
        """One sentence for the coordinator."""
        return messages.import_summary(self, lang)


# -- export ----------------------------------------------------------------------------------


def export_bundle(
    store: Store,
    colleague: str,
    target: Path,
    *,
    full: bool = False,
    share: consent.Sharing | None = None,
) -> ExportSummary:
    """Write every change `colleague` has not acknowledged (all of them with `full`).

    `share`: who may travel today (`store.consent.sharing`), when the caller already knows it —
    an exchange round writes for every colleague and reads the consents once.

    If history they lack was compacted here (a new colleague, one back after a long silence)
    or with `full`, the bundle is a snapshot: the whole current state, built on nothing.
    Clients without consent to share with colleagues, and what belongs to them, are left out
    (see `desktop.store.consent`); the summary says how many.
    """
    record = colleague_record(store, colleague)
    me = ensure_identity(store)
    keys = private_keys(store)
    compacted = store.settled.compacted_vector()
    snapshot = full or any(record.acked.get(d, 0) < s for d, s in compacted.items())
    base = {} if snapshot else dict(record.acked)
    counted = {"changes": 0, "blobs": 0}
    wanted: dict[str, None] = {}

    def blobs() -> Iterator[tuple[str, bytes]]:
        for sha in wanted:
            if store.has_blob(sha):
                counted["blobs"] += 1
                yield sha, store.blob(sha)

    with store.snapshot():
        vector = store.log.version_vector()
        share = share or store.consent.sharing(date.today())
        before = store.consent.held_back(colleague)
        # A release is acknowledged once the colleague holds a change of the releasing
        # computer newer than it: that change went in a bundle written after it.
        released = {
            row: (device, seq)
            for row, (device, seq) in before.released.items()
            if record.acked.get(device, 0) <= seq
        }
        mine = (store.device_id, vector.get(store.device_id, 0))
        released.update({r: mine for r in before.held - share.held})
        late = store.consent.changes_of_rows(set(released) - share.held, base)
        history: list[Iterable[LoggedChange]] = [late, store.log.changes_since(base)]
        if snapshot:
            history.insert(0, store.settled.changes())
        changes = _counted(_shareable(share, history), counted, wanted)
        devices = sorted(set(vector) | set(base) | {store.device_id})
        names = {
            c.device_id: c.name for c in store.sync_state.colleagues() if c.device_id in devices
        }
        size = write_bundle(
            target,
            bundle_id=uuid.uuid4().hex,
            kind="snapshot" if snapshot else "incremental",
            created_hlc=store.clock.wall(),  # skew is judged by the sender's own clock
            sender_device=store.device_id,
            signing_private_key=keys.signing,
            exchange_public_key=me.exchange_key,
            base=base,
            vector=vector,
            recipients=[record.exchange_key],
            payload=encode_payload(sorted(vector | {store.device_id: 0}), names, changes, blobs()),
        )
    store.consent.record_held_back(colleague, share.held, released)
    store.sync_state.record_export(colleague)
    return ExportSummary(
        colleague,
        target,
        counted["changes"],
        counted["blobs"],
        size,
        snapshot,
        share.held_clients,
    )


def _shareable(
    share: consent.Sharing, sources: list[Iterable[LoggedChange]]
) -> Iterator[LoggedChange]:
    """The changes that may go to colleagues: nothing of a client held back, but the tombstone
    of an erasure and the consent record of a withdrawal."""
    for source in sources:
        for change in source:
            if (
                change.row_id not in share.held
                or change.field_group == ERASED
                or (change.field_group == consent.CONSENT and change.row_id in share.withdrawn)
            ):
                yield change


def _counted(
    changes: Iterator[LoggedChange], counted: dict[str, int], wanted: dict[str, None]
) -> Iterator[LoggedChange]:
    for change in changes:
        counted["changes"] += 1
        if change.entity == "attachment" and change.field_group == "main" and change.value:
            sha = _sha_of(change)
            if sha:
                wanted[sha] = None
        yield change


def colleague_record(store: Store, name: str) -> ColleagueRecord:
    """The trusted colleague of this name, or InvalidInput."""
    record = store.sync_state.colleague(name)
    if record is None:
        raise InvalidInput(
            "colleague",
            f"There is no colleague called {name}: add them under Colleagues first.",
            f"Es gibt keine Kollegin und keinen Kollegen namens {name}: bitte zuerst unter"
            " Kolleginnen und Kollegen hinzufügen.",
        )
    return record


def _sha_of(change: LoggedChange) -> str | None:
    value = json.loads(change.value or "{}")
    sha = value.get("sha256") if isinstance(value, dict) else None
    return sha if isinstance(sha, str) else None


# -- import ----------------------------------------------------------------------------------


def import_bundle(store: Store, path: Path) -> ImportSummary:
    """Verify, decrypt and merge a bundle; BundleRejected (nothing applied) if it is not fit."""
    header = _read(path)
    sender = _trusted_sender(store, header)
    try:
        digest = verify_signature(path, header)
    except BundleError as error:
        raise messages.rejected(error.reason, sender) from None
    except OSError:
        raise messages.rejected("missing", str(path)) from None
    created = _created(header)
    if store.sync_state.seen(header.bundle_id):
        return ImportSummary(sender, header.bundle_id, created, 0, 0, 0, 0, 0, True)
    _check_not_from_the_future(header, sender)
    _check_base(store, header, sender)
    keys = private_keys(store)
    try:
        with store.transaction() as tx:
            merger = Merger(tx, store.device_id, dict(header.vector))
            received: list[str] = []
            pieces = decrypt_payload(path, header, keys.exchange, digest)
            for item in decode_payload(pieces):
                if isinstance(item, Blob):
                    tx.put_blob(item.sha256, item.data)
                    received.append(item.sha256)
                elif not isinstance(item, Devices):
                    merger.add(item)
            result = merger.finish()
            for client_id in _clients_touched(store, result.changed_rows):
                tx.audit("synced_in", client_id, {"colleague": sender}, travels=False)
            tx.drop_unused_blobs(received)
            store.sync_state.record_import(
                sender, header.sender_device, dict(header.vector), header.bundle_id
            )
    except BundleError as error:
        raise messages.rejected(error.reason, sender) from None
    except MergeError:
        raise messages.rejected("damaged", sender) from None
    except RolledBack as error:
        owner = _device_name(store, error.device_id, header, sender)
        # Our next bundle to them must carry their old changes again, so that their computer
        # sees which of its change numbers were used twice and moves its new work aside.
        colleague = store.sync_state.colleague_by_device(error.device_id)
        if colleague is None and error.device_id == header.sender_device:
            colleague = store.sync_state.colleague(sender)
        if colleague is not None:
            store.sync_state.forget_acknowledgement(colleague.name, error.device_id)
        raise messages.rolled_back(owner or sender, sender) from None
    except OSError:
        raise messages.rejected("missing", str(path)) from None
    if result.erased:  # a colleague erased someone: overwrite what their data left in the file
        store.scrub()
    return ImportSummary(
        sender,
        header.bundle_id,
        created,
        result.applied,
        result.already_had,
        result.dropped,
        result.conflicts,
        len(result.changed_rows),
        new_clients=tuple(sorted(result.new_clients)),
    )


def _clients_touched(store: Store, rows: set[tuple[str, str]]) -> list[str]:
    """The cases a merge changed something of, for the audit trail."""
    return store.audit_trail.clients_of(rows)


def peek(path: Path) -> Header:
    """The header of a bundle file (for a watched folder: is it for me?); BundleRejected if not."""
    return _read(path)


def _read(path: Path) -> Header:
    try:
        return read_header(path)
    except BundleError as error:
        raise messages.rejected(error.reason, "") from None
    except OSError:
        raise messages.rejected("missing", str(path)) from None


def _trusted_sender(store: Store, header: Header) -> str:
    me = ensure_identity(store)
    if header.sender_signing_key == me.signing_key:
        raise messages.rejected("own_bundle", "")
    colleague = store.sync_state.colleague_by_key(header.sender_signing_key)
    if colleague is not None:
        return colleague.name
    claimed = PublicIdentity(header.sender_signing_key, header.sender_exchange_key)
    known = store.sync_state.colleague_by_device(header.sender_device)
    if known is not None:
        raise messages.key_changed(known.name, claimed)
    raise messages.untrusted(claimed)


def _created(header: Header) -> datetime:
    wall_ms, _ = unpack_hlc(header.created_hlc)
    return datetime.fromtimestamp(min(wall_ms, 253402300799000) / 1000, UTC)


def _check_not_from_the_future(header: Header, sender: str) -> None:
    wall_ms, _ = unpack_hlc(header.created_hlc)
    now_ms = int(datetime.now(UTC).timestamp() * 1000)
    if wall_ms > now_ms + FUTURE_TOLERANCE_MS:
        raise messages.from_the_future(sender, _created(header))


def _check_base(store: Store, header: Header, sender: str) -> None:
    """The bundle builds on changes this case file must already hold."""
    have = store.log.version_vector()
    for device, needed in sorted(header.base.items()):
        if have.get(device, 0) < needed:
            held = have.get(device, 0)
            since = store.log.change_time(device, held) if held else None
            when = None if since is None else _created_at(since)
            raise messages.gap(_device_name(store, device, header, sender), sender, when)


def _created_at(hlc: int) -> datetime:
    return datetime.fromtimestamp(unpack_hlc(hlc)[0] / 1000, UTC)


def _device_name(store: Store, device: str, header: Header, sender: str) -> str | None:
    """The colleague a device belongs to; "" for this computer; None if unknown."""
    if device == store.device_id:
        return ""
    if device == header.sender_device:
        return sender
    colleague = store.sync_state.colleague_by_device(device)
    return colleague.name if colleague else None
