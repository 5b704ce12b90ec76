"""The SQL of backups: an encrypted copy of the open case file, and what a backup copy holds.

A copy is made only by `sqlcipher_export` into an attached, keyed database: SQLite never writes
a plaintext page of it. The copy is written under a temporary name, fsynced, then renamed.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

from desktop.fsutil import new_private_file, replace, storage_error
from desktop.store.database import Connection, schema_version, storage_errors

_PLAIN_HEADER = b"SQLite format 3\x00"
_ALIAS = "wd_backup"


def export_copy(conn: Connection, target: Path, key: bytes | None = None) -> int:
    """Write an encrypted copy of the open database to `target`; returns its schema number.

    With `key` the copy is keyed raw with it; without, SQLCipher gives the attached file the
    key of the open database (the same raw data key). Nothing is left behind on failure.
    """
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    attached = False
    try:
        new_private_file(tmp)  # SQLite would make the copy readable by everyone (0644)
        with storage_errors():
            if key is None:
                conn.execute(f"ATTACH DATABASE ? AS {_ALIAS}", (str(tmp),))
            else:
                # The text x'<hex>' makes SQLCipher take the 32 bytes as the raw key.
                conn.execute(f"ATTACH DATABASE ? AS {_ALIAS} KEY ?", (str(tmp), f"x'{key.hex()}'"))
            attached = True
            conn.execute("SELECT sqlcipher_export(?)", (_ALIAS,))
            schema = schema_version(conn)
            conn.execute(f"PRAGMA {_ALIAS}.user_version = {schema:d}")
            conn.execute(f"DETACH DATABASE {_ALIAS}")
            attached = False
        _check_encrypted(tmp)
        _fsync(tmp)
        replace(tmp, target)
    except OSError as exc:
        raise storage_error(exc) from None
    finally:
        if attached:
            with contextlib.suppress(Exception):
                conn.execute(f"DETACH DATABASE {_ALIAS}")
        with contextlib.suppress(OSError):
            tmp.unlink()
    return schema


def _check_encrypted(path: Path) -> None:
    with path.open("rb") as handle:
        if handle.read(len(_PLAIN_HEADER)) == _PLAIN_HEADER:
            raise RuntimeError("the copy is not encrypted")  # never expected: refuse loudly


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fold_wal(conn: Connection) -> None:
    """Fold the write-ahead log into the database file (before the files are copied or moved)."""
    with storage_errors():
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def forget_self_device(conn: Connection) -> None:
    """Mark this installation's device as a former one: the next open makes a new device id.

    A restored file must not reuse sequence numbers its colleagues already hold for later work.
    """
    with storage_errors():
        conn.execute("UPDATE device SET is_self = 0 WHERE is_self = 1")


def last_change_at(conn: Connection) -> datetime | None:
    """When the newest recorded change was made (from its hybrid clock), or None."""
    row = conn.execute("SELECT max(hlc) FROM change_log").fetchone()
    if row is None or row[0] is None:
        return None
    return datetime.fromtimestamp((int(row[0]) >> 16) / 1000, UTC)


def stored_case_id(conn: Connection) -> str | None:
    """The case id written into the database when it was created."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'case_id'").fetchone()
    return None if row is None else str(row[0])
