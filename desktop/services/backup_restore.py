"""Putting a backup in place of the case file: safety copy first, then a swap that can be undone.

Every step works inside the data folder (a scratch folder on the same disk), so the renames are
atomic; on any failure the old files are moved back and the case file is as it was.
"""

from __future__ import annotations

import contextlib
import shutil
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.errors import CannotUnlock, DamagedCaseFile, WrongPassphrase
from desktop.formats import backup_file
from desktop.formats.backup_file import DATABASE, KEYS, SUFFIX, Manifest
from desktop.fsutil import copy_durably, fsync_folder, private_folder, replace, storage_error
from desktop.store import backup_copy as sql
from desktop.store.casefile import DataDir
from desktop.store.database import connect
from desktop.store.keys import KeyFile


def replace_case_file(root: Path, path: Path, key: bytes) -> Path | None:
    """Swap the (closed) case file in `root` for the backup at `path`; returns the safety copy."""
    private_folder(root)
    data = DataDir(root)
    with backup_file.scratch_folder(root) as scratch:
        fresh = scratch / "new"
        fresh.mkdir()
        backup_file.unpack(path, fresh)
        _prepare_restored(fresh / DATABASE, key)
        safety = safety_copy(root, key) if data.exists() else None
        _swap(data, fresh, scratch / "old")
    return safety


def _prepare_restored(db: Path, key: bytes) -> None:
    """Check the key opens the copy, and give it a new device id on its next open."""
    try:
        conn = connect(db, key)
    except CannotUnlock:
        raise WrongPassphrase() from None
    try:
        sql.forget_self_device(conn)
    finally:
        conn.close()


def safety_copy(root: Path, key: bytes) -> Path:
    """Keep the current case file in `<root>/backups`: a backup file if `key` opens it, else
    its files as they are (still encrypted) in a folder."""
    data = DataDir(root)
    private_folder(data.backups)
    now = datetime.now(UTC).replace(microsecond=0)
    name = f"before-restore-{now:%Y-%m-%d_%H%M%S}"
    target = data.backups / (name + SUFFIX)
    try:
        keyfile = KeyFile.load(data.keys)
        conn = connect(data.database, key)
    except CannotUnlock:
        return _raw_copy(data, data.backups / name)
    try:
        try:
            with backup_file.scratch_folder(root) as scratch:
                schema = sql.export_copy(conn, scratch / DATABASE)
                manifest = Manifest(now, schema, keyfile.case_id)
                backup_file.write(target, manifest, data.keys.read_bytes(), scratch / DATABASE)
            sql.fold_wal(conn)
        finally:
            conn.close()
    except DamagedCaseFile:  # a damaged case file is kept byte for byte, as it is
        return _raw_copy(data, data.backups / name)
    return target


def _raw_copy(data: DataDir, folder: Path) -> Path:
    try:
        folder.mkdir(mode=0o700)
        for source in data.own_files():
            if source.exists():
                copy_durably(source, folder / source.name)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise storage_error(exc) from None
    return folder


def _swap(data: DataDir, fresh: Path, aside: Path) -> None:
    """Move the current files aside and the restored ones in; undo everything on failure."""
    aside.mkdir()
    moved: list[tuple[Path, Path]] = []  # (from, to), to undo in reverse
    try:
        for current in data.own_files():  # -wal and -shm first out of the way, with the rest
            if current.exists():
                replace(current, aside / current.name)
                moved.append((current, aside / current.name))
        for name, target in ((DATABASE, data.database), (KEYS, data.keys)):
            replace(fresh / name, target)
            moved.append((fresh / name, target))
        fsync_folder(data.root)
    except OSError as exc:
        for source, target in reversed(moved):
            with contextlib.suppress(OSError):
                replace(target, source)
        raise storage_error(exc) from None
