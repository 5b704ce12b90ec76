"""Encrypted backups of the whole case file, kept N at a time, and restoring one.

A backup is a complete encrypted case file (see `backup_file`): it opens with the passphrase or
the recovery key it had when it was made, or with today's if it is a copy of the same case file
(the data key never changes). Restoring first keeps a safety copy of the current file, and the
restored file gets a new sync device id so that colleagues' sync keeps working.
"""

from __future__ import annotations

import contextlib
import importlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.errors import CannotUnlock, InvalidInput, WrongPassphrase, WrongRecoveryKey
from desktop.formats import backup_file
from desktop.formats.backup_file import DATABASE, KEYS, NAME_PATTERN, Manifest
from desktop.fsutil import private_folder, storage_error
from desktop.store import backup_copy as sql
from desktop.store import instance_lock
from desktop.store.casefile import DataDir, open_with_key
from desktop.store.database import Connection, connect, prepare
from desktop.store.keys import KeyFile
from desktop.store.store import Store

DEFAULT_KEEP, MIN_KEEP, MAX_KEEP = 10, 1, 100


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, how big, when it was made."""

    path: Path
    size: int
    created_at: datetime


@dataclass(frozen=True)
class BackupSettings:
    """Where automatic backups go, how many are kept, and whether closing makes one."""

    folder: Path | None = None
    keep: int = DEFAULT_KEEP
    on_close: bool = False


@dataclass(frozen=True)
class BackupPreview:
    """What a backup holds, shown before restoring it."""

    created_at: datetime
    schema: int
    clients: int
    open_clients: int
    notes: int
    appointments: int
    last_change_at: datetime | None
    same_case_file: bool


@dataclass(frozen=True)
class Restored:
    """The restored case file, open, and where the safety copy of the replaced one went."""

    store: Store
    preview: BackupPreview
    safety_copy: Path | None


# -- settings ----------------------------------------------------------------------------------


def backup_settings(store: Store) -> BackupSettings:
    """The backup settings of this installation (meta table)."""
    folder = store.meta("backup.folder")
    try:
        keep = int(store.meta("backup.keep") or DEFAULT_KEEP)
    except ValueError:
        keep = DEFAULT_KEEP
    return BackupSettings(
        Path(folder) if folder else None,
        min(max(keep, MIN_KEEP), MAX_KEEP),
        store.meta("backup.on_close") == "1",
    )


def save_backup_settings(store: Store, settings: BackupSettings) -> None:
    """Keep the backup settings; InvalidInput if `keep` is outside 1..100."""
    if not MIN_KEEP <= settings.keep <= MAX_KEEP:
        raise InvalidInput(
            "backup.keep",
            f"Keep between {MIN_KEEP} and {MAX_KEEP} backups.",
            f"Behalten Sie zwischen {MIN_KEEP} und {MAX_KEEP} Sicherungen.",
        )
    store.set_meta("backup.folder", str(settings.folder) if settings.folder else "")
    store.set_meta("backup.keep", str(settings.keep))
    store.set_meta("backup.on_close", "1" if settings.on_close else "0")


# -- backing up --------------------------------------------------------------------------------


def back_up(
    store: Store, root: Path, out: Path, *, keep: int | None = None, now: datetime | None = None
) -> BackupInfo:
    """Write a backup of the open case file to `out` (a file, or a folder for our file name).

    With `keep`, `out` is the backup folder, and only the newest `keep` backups of our name
    pattern stay in it.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    target = out / backup_file.file_name(moment) if out.is_dir() else out
    if not target.parent.is_dir() or (keep is not None and target.parent != out):
        raise storage_error(FileNotFoundError(2, "missing", str(target.parent)))
    keyfile = KeyFile.load(DataDir(root).keys)
    keys = DataDir(root).keys.read_bytes()
    with backup_file.scratch_folder(root) as scratch:
        copy = scratch / DATABASE
        schema = store.export_copy(copy)
        size = backup_file.write(target, Manifest(moment, schema, keyfile.case_id), keys, copy)
    _audit(store, "backup", path=target.name)
    if keep is not None:
        prune(target.parent, keep)
    return BackupInfo(target, size, moment)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Our backup files in `folder`, newest first (others are ignored)."""
    found = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = NAME_PATTERN.match(path.name)
            if match and path.is_file():
                made = datetime.strptime(match[1], "%Y-%m-%d_%H%M%S").replace(tzinfo=UTC)
                found.append(BackupInfo(path, path.stat().st_size, made))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups of our name pattern; returns what went."""
    gone = []
    for old in list_backups(folder)[max(keep, MIN_KEEP) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            gone.append(old.path)
    return gone


# -- opening a backup --------------------------------------------------------------------------


def read_manifest(path: Path) -> Manifest:
    """The backup's manifest (InvalidInput if the file is not a Welcome Desk backup)."""
    return backup_file.read_manifest(path)


def unlock_backup(
    root: Path,
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    use_keyring: bool = False,
) -> bytes:
    """The backup's data key, from its own key file or (same case file) today's one.

    WrongPassphrase / WrongRecoveryKey if neither opens it; nothing is changed.
    """
    with backup_file.scratch_folder(root) as scratch:
        manifest = backup_file.unpack(path, scratch)
        own = _keyfile(scratch / KEYS, path, manifest)
        candidates = [own]
        current = _current_keyfile(root)
        if current is not None and current.case_id == manifest.case_id:
            candidates.append(current)
        return _first_key(candidates, passphrase, recovery_key, use_keyring)


def _keyfile(keys: Path, path: Path, manifest: Manifest) -> KeyFile:
    try:
        keyfile = KeyFile.load(keys)
    except CannotUnlock:
        raise backup_file.not_a_backup(path) from None
    if keyfile.case_id != manifest.case_id:
        raise backup_file.not_a_backup(path)
    return keyfile


def _current_keyfile(root: Path) -> KeyFile | None:
    try:
        return KeyFile.load(DataDir(root).keys)
    except CannotUnlock:
        return None


def _first_key(
    candidates: list[KeyFile], passphrase: str | None, recovery_key: str | None, keyring: bool
) -> bytes:
    error: CannotUnlock = WrongRecoveryKey() if recovery_key is not None else WrongPassphrase()
    for keyfile in candidates:
        key = keyfile.unlock_with_keyring() if keyring else None
        if key is not None:
            return key
        if recovery_key is None and passphrase is None:
            continue
        try:
            if recovery_key is not None:
                return keyfile.unlock_with_recovery_key(recovery_key)
            return keyfile.unlock_with_passphrase(passphrase or "")
        except (WrongPassphrase, WrongRecoveryKey) as wrong:
            error = wrong
    raise error


def preview(root: Path, path: Path, key: bytes) -> BackupPreview:
    """Counts, times and schema of what the backup holds (read from a temporary copy)."""
    with backup_file.scratch_folder(root) as scratch:
        manifest = backup_file.unpack(path, scratch)
        conn = _connect(scratch / DATABASE, key)
        try:
            prepare(conn, scratch / DATABASE, scratch / "migration")
            store = Store(conn)
            counts = store.counts()
            last = sql.last_change_at(conn)
        finally:
            conn.close()
    current = _current_keyfile(root)
    return BackupPreview(
        manifest.created_at,
        manifest.schema,
        counts.clients,
        counts.open_clients,
        counts.by_entity.get("note", 0),
        counts.by_entity.get("appointment", 0),
        last,
        current is not None and current.case_id == manifest.case_id,
    )


def _connect(db: Path, key: bytes) -> Connection:
    try:
        return connect(db, key)
    except CannotUnlock:  # the key does not decrypt this database
        raise WrongPassphrase() from None


# -- restoring ---------------------------------------------------------------------------------


def restore(root: Path, path: Path, key: bytes) -> Restored:
    """Replace the case file in `root` by the backup; the current one is kept as a safety copy.

    The case file in `root` must be closed (CaseFileInUse if another Welcome Desk has it open).
    Returns the restored case file, open.
    """
    from desktop.services.backup_restore import replace_case_file  # keeps this module small

    summary = preview(root, path, key)
    private_folder(root)
    held = instance_lock.hold(root)  # nobody opens it while it is swapped
    try:
        safety = replace_case_file(root, path, key)
        store = open_with_key(root, key, held)
    except BaseException:
        held.release()
        raise
    from desktop.services.erasure import opened  # erasures of the ledger applied again

    store = opened(store)
    _audit(store, "restored", path=path.name)
    return Restored(store, summary, safety)


def _audit(store: Store, action: str, **detail: str) -> None:
    """Record an audit event if the audit trail exists in this version."""
    try:
        audit = importlib.import_module("desktop.services.audit")
    except ImportError:
        return
    audit.record(store, action, **detail)
