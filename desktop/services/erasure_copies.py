"""Erasure in the copies of the case file that Welcome Desk keeps, and its scratch left-overs.

A copy that holds an erased person is rewritten without them:
- a backup file (`*.wdbackup` in `<data>/backups`, safety copies `before-restore-*` included, and
  our `WelcomeDesk-*.wdbackup` in the backup folder of the settings) is opened with the data key
  in a scratch folder, brought to the current schema, erased the same way as the case file,
  scrubbed, and written back whole under its own name (temporary name, fsync, rename);
- a copy that cannot be rewritten is removed: a database kept before a schema upgrade
  (`before-schema-*.db`: rewriting it would upgrade it, and it exists to undo an upgrade), a raw
  safety copy folder (`before-restore-*`), a backup of this case file that no longer opens.

Backups of another case file (another data key) are left as they are: they cannot be read, and
this case file's erasures are not theirs to make. Copies outside these folders (moved, exported,
printed, a colleague's case file before it syncs) are out of reach; docs/data-protection.md says so.

Scratch folders (`.backup-*`) and temporary files (`.<name>.<random>.tmp`) that a killed backup,
restore or write left behind are removed when the case file is opened (its lock is held then).
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.errors import CannotUnlock, InvalidInput
from desktop.formats import backup_file
from desktop.formats.backup_file import DATABASE, KEYS, NAME_PATTERN, SUFFIX, Manifest
from desktop.fsutil import remove
from desktop.store import backup_copy as sql
from desktop.store import erasure_ledger
from desktop.store.casefile import DataDir
from desktop.store.database import connect, prepare
from desktop.store.keys import KeyFile
from desktop.store.store import Store

_SCRATCH = re.compile(r"^\.backup-[0-9a-f]{16}$")
_TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{16,32}\.tmp$")
_HALF_BACKUP = re.compile(r"^\.WelcomeDesk-[0-9_-]+\.wdbackup\.[0-9a-f]{32}\.tmp$")


@dataclass
class CopiesSwept:
    """What erasure did to the copies: rewritten, removed, and left (another case file)."""

    rewritten: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)


def erase_in_copies(store: Store, client_ids: list[str], backup_folder: Path | None) -> CopiesSwept:
    """Rewrite (or remove) every copy in the data folder and the backup folder holding these."""
    swept = CopiesSwept()
    key, root = store.data_key, store.root
    if key is None or root is None or not client_ids:
        return swept
    case_id = _case_id(root)
    backups = DataDir(root).backups
    for path in sorted(_entries(backups)):
        if path.is_file() and path.name.endswith(SUFFIX):
            _guarded(_backup, root, path, key, case_id, client_ids, swept)
        elif path.is_file() and path.name.startswith("before-schema-"):
            _guarded(_raw, path, path, key, client_ids, swept)
        elif path.is_dir() and path.name.startswith("before-restore-"):
            if _case_id(path) == case_id:
                _guarded(_raw, path / DATABASE, path, key, client_ids, swept)
            else:
                swept.left.append(path)
    if backup_folder is not None and backup_folder.resolve() != backups.resolve():
        for path in sorted(_entries(backup_folder)):
            if NAME_PATTERN.match(path.name) and path.is_file():
                _guarded(_backup, root, path, key, case_id, client_ids, swept)
    return swept


def _guarded(step: Callable[..., None], *args: Any) -> None:
    """One copy; if it cannot be rewritten (full disk, damaged inside), it is removed instead,
    and if even that fails it is listed as left. The erasure of the case file stands either way."""
    copy: Path = args[1]
    swept: CopiesSwept = args[-1]
    try:
        step(*args)
    except Exception:
        _remove(copy, swept)


def clean_scratch(root: Path, backup_folder: Path | None = None) -> list[Path]:
    """Remove what killed backups, restores and writes left: `.backup-*` scratch folders in the
    data folder and temporary files of ours there, in `backups` and in the backup folder."""
    gone = []
    for path in _entries(root):
        if _SCRATCH.match(path.name) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            gone.append(path)
    ours = [(root, _TEMPORARY), (DataDir(root).backups, _TEMPORARY)]
    if backup_folder is not None:  # the user's folder: only our half-written backups
        ours.append((backup_folder, _HALF_BACKUP))
    for folder, pattern in ours:
        for path in _entries(folder):
            if pattern.match(path.name) and path.is_file():
                with contextlib.suppress(OSError):
                    remove(path)
                    gone.append(path)
    return gone


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _case_id(folder: Path) -> str | None:
    try:
        return KeyFile.load(DataDir(folder).keys).case_id
    except CannotUnlock:
        return None


def _backup(
    root: Path, path: Path, key: bytes, case_id: str | None, ids: list[str], swept: CopiesSwept
) -> None:
    """Rewrite one backup file without these clients (or remove it if it is ours but unreadable)."""
    with backup_file.scratch_folder(root) as scratch:
        try:
            manifest = backup_file.unpack(path, scratch)
        except InvalidInput:  # damaged or not ours: we cannot tell whose it is
            swept.left.append(path)
            return
        if manifest.case_id != case_id:
            swept.left.append(path)
            return
        clean = scratch / "clean.db"
        try:
            schema = _erased_copy(scratch / DATABASE, clean, key, ids, scratch / "migration")
        except CannotUnlock:  # ours, but it does not open with the data key (damaged)
            _remove(path, swept)
            return
        if schema is None:
            return
        made = Manifest(manifest.created_at, schema, manifest.case_id)
        backup_file.write(path, made, (scratch / KEYS).read_bytes(), clean)
        swept.rewritten.append(path)


def _erased_copy(db: Path, target: Path, key: bytes, ids: list[str], migration: Path) -> int | None:
    """Erase these clients in the database `db` (a scratch copy) and export it to `target`;
    its schema number, or None if it held none of them."""
    from desktop.services import casework

    conn = connect(db, key)
    try:
        if not erasure_ledger.not_applied(conn, ids):
            return None
        prepare(conn, db, migration)
        sql.forget_self_device(conn)  # its tombstones go under a device id of its own
        copy = Store(conn)
        casework.erase_again(copy, ids)
        return sql.export_copy(conn, target)
    finally:
        conn.close()


def _raw(db: Path, copy: Path, key: bytes, ids: list[str], swept: CopiesSwept) -> None:
    """Remove a raw copy (a database file or a folder) if it holds these clients or cannot be
    read with the data key; it is read in place and never written."""
    try:
        conn = connect(db, key)
    except CannotUnlock:
        _remove(copy, swept)
        return
    try:
        holds = bool(erasure_ledger.not_applied(conn, ids))
    except Exception:  # a damaged copy that cannot be checked: it may hold them
        holds = True
    finally:
        conn.close()
    if holds:
        _remove(copy, swept)


def _remove(path: Path, swept: CopiesSwept) -> None:
    try:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            remove(path)
    except OSError:
        swept.left.append(path)
        return
    swept.removed.append(path)
