"""The backup file: one ZIP (stored, not compressed) with a manifest, the key file and the database.

`backup.json` names the format, its version, when it was made, the schema number and the case
id: nothing personal and no counts. `keys.json` is the case file's key file as it was, and
`casefile.db` the encrypted `sqlcipher_export` copy. Reading checks everything strictly; whatever
does not fit is "not a Welcome Desk backup".
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from desktop.domain.errors import InvalidInput
from desktop.fsutil import new_scratch_folder, private_folder, replace, storage_error

FORMAT = "welcome-desk-backup"
VERSION = 1
SUFFIX = ".wdbackup"
MANIFEST, KEYS, DATABASE = "backup.json", "keys.json", "casefile.db"
NAME_PATTERN = re.compile(r"^WelcomeDesk-(\d{4}-\d{2}-\d{2}_\d{6})\.wdbackup$")
_LIMITS = {MANIFEST: 4096, KEYS: 64 * 1024, DATABASE: 1 << 40}
_MANIFEST_TYPES = {"format": str, "version": int, "created_at": str, "schema": int, "case_id": str}
_CHUNK = 1 << 20
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Manifest:
    """What `backup.json` says about a backup."""

    created_at: datetime
    schema: int
    case_id: str


def file_name(moment: datetime) -> str:
    """`WelcomeDesk-<YYYY-MM-DD_HHMMSS>.wdbackup` for a moment (in UTC)."""
    return f"WelcomeDesk-{moment.astimezone(UTC):%Y-%m-%d_%H%M%S}{SUFFIX}"


def not_a_backup(path: Path) -> InvalidInput:
    """The error for a file that is not (or no longer) a readable Welcome Desk backup."""
    return InvalidInput(
        "backup",
        f"{path.name} is not a Welcome Desk backup.",
        f"{path.name} ist keine Sicherung von Welcome Desk.",
    )


def write(target: Path, manifest: Manifest, keys: bytes, database: Path) -> int:
    """Write the backup file under a temporary name, fsync, rename; returns its size.

    Nothing is left behind if the disk refuses (StorageFailed).
    """
    body = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": manifest.created_at.astimezone(UTC).isoformat(timespec="seconds"),
        "schema": manifest.schema,
        "case_id": manifest.case_id,
    }
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with _new_private(tmp) as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
                zf.writestr(_entry(MANIFEST), json.dumps(body, sort_keys=True).encode("utf-8"))
                zf.writestr(_entry(KEYS), keys)
                with (
                    database.open("rb") as src,
                    zf.open(_entry(DATABASE), "w", force_zip64=True) as dst,
                ):
                    shutil.copyfileobj(src, dst, _CHUNK)
            raw.flush()
            os.fsync(raw.fileno())
        replace(tmp, target)
        return target.stat().st_size
    except OSError as exc:
        raise storage_error(exc) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _new_private(path: Path) -> BinaryIO:
    """A new file only its owner can read (as keys.json is)."""
    return os.fdopen(os.open(path, _NEW_FILE, 0o600), "wb")


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    return info


def read_manifest(path: Path) -> Manifest:
    """The manifest of a backup file, after checking the file's layout strictly."""
    with _open_zip(path) as zf:
        return _manifest(path, zf)


def unpack(path: Path, folder: Path) -> Manifest:
    """Check the backup and write its key file and database into `folder` (which exists)."""
    with _open_zip(path) as zf:
        manifest = _manifest(path, zf)
        for name in (KEYS, DATABASE):
            try:
                with zf.open(name) as src, _new_private(folder / name) as dst:
                    shutil.copyfileobj(src, dst, _CHUNK)
            except (zipfile.BadZipFile, EOFError):  # a CRC mismatch or a truncated member
                raise not_a_backup(path) from None
            except OSError as exc:
                raise storage_error(exc) from None
    return manifest


@contextlib.contextmanager
def _open_zip(path: Path) -> Any:
    try:
        zf = zipfile.ZipFile(path, "r")
    except FileNotFoundError:
        raise InvalidInput(
            "backup", f"There is no file {path}.", f"Die Datei {path} gibt es nicht."
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise not_a_backup(path) from None
    with zf:
        _check_layout(path, zf)
        yield zf


def _check_layout(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if sorted(i.filename for i in infos) != sorted(_LIMITS):
        raise not_a_backup(path)
    for info in infos:
        if (
            info.compress_type != zipfile.ZIP_STORED
            or info.flag_bits & 0x1  # encrypted by ZIP itself: not ours
            or info.is_dir()
            or not 0 < info.file_size <= _LIMITS[info.filename]
        ):
            raise not_a_backup(path)


def _manifest(path: Path, zf: zipfile.ZipFile) -> Manifest:
    try:
        body = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except (ValueError, zipfile.BadZipFile, EOFError):
        raise not_a_backup(path) from None
    if not isinstance(body, dict) or set(body) != set(_MANIFEST_TYPES):
        raise not_a_backup(path)
    if any(type(body[k]) is not t for k, t in _MANIFEST_TYPES.items()):
        raise not_a_backup(path)
    if body["format"] != FORMAT or body["version"] != VERSION or body["schema"] < 1:
        raise not_a_backup(path)
    try:
        created = datetime.fromisoformat(body["created_at"])
        case_id = str(uuid.UUID(body["case_id"]))
    except ValueError:
        raise not_a_backup(path) from None
    if created.tzinfo is None:
        raise not_a_backup(path)
    return Manifest(created.astimezone(UTC), body["schema"], case_id)


@contextlib.contextmanager
def scratch_folder(root: Path) -> Any:
    """A temporary folder inside the data folder (same disk as the case file), removed after."""
    try:
        private_folder(root)  # a new computer: the data folder comes first
        folder = new_scratch_folder(root, ".backup-")
    except OSError as exc:
        raise storage_error(exc) from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
