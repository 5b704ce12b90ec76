"""The SQLCipher connection: raw key, the settings that matter, and numbered migrations."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from desktop.domain.errors import DamagedCaseFile, NewerSchema, StorageFailed
from desktop.fsutil import copy_durably, private_folder
from desktop.store.upgrades import DATA_STEPS, rebuild_search_index, search_index_current

if TYPE_CHECKING:  # sqlcipher3 mirrors the standard library's DB-API classes
    from sqlite3 import Connection
else:
    Connection = sqlcipher3.Connection


def migrations() -> list[tuple[int, str]]:
    """The numbered migration scripts shipped with the package, in order."""
    found = []
    for entry in resources.files("desktop.store.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


LATEST_SCHEMA = max(n for n, _ in migrations())
# Decrypted pages stay in SQLite's page cache: with the default 2 MB, broad searches over 50,000
# clients decrypt the same pages again and again (p95 158 ms instead of ~35 ms).
CACHE_KIB = 32 * 1024


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Turn SQLite's disk failures into StorageFailed; everything else passes through."""
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name.startswith("SQLITE_FULL"):
            raise StorageFailed("full") from None
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
            raise StorageFailed("readonly") from None
        if name.startswith("SQLITE_IOERR"):
            raise StorageFailed("io") from None
        if is_damage(exc):
            raise DamagedCaseFile() from None
        raise


def is_damage(error: BaseException) -> bool:
    """True for SQLite's and SQLCipher's ways of saying that the file's bytes are not what was
    written: "file is not a database" (a page's HMAC or page 1 does not check out), "database
    disk image is malformed" (a cut file, a broken b-tree). Only asked once the key is known
    to be right: the key file decides that, so a wrong key never gets here as damage."""
    if not isinstance(error, sqlcipher3.DatabaseError):
        return False
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return True
    text = str(error).lower()
    return "malformed" in text or "not a database" in text or "hmac" in text


def check_pages(conn: Connection) -> None:
    """Check every page of the file against its HMAC (SQLCipher's `cipher_integrity_check`):
    DamagedCaseFile if one fails or is cut short. It reads the whole file (about 2.5 ms a MB,
    0.11 s for 2,000 demo clients), so the window runs it after the case file is shown.

    SQLite's `quick_check` is not run: it took longer (0.19 s for 2,000 clients) and finds only
    what the page HMACs already catch, apart from a b-tree that SQLite itself wrote wrongly.
    A file cut at a page boundary passes this check, but SQLite refuses it on the first read,
    as `connect` does one (the header counts more pages than the file has)."""
    with storage_errors():
        failed = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    if failed:
        raise DamagedCaseFile()


def backup_folder_setting(conn: Connection) -> str | None:
    """The backup folder the settings name, if the damaged file still lets it be read."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'backup.folder'").fetchone()
    except sqlcipher3.Error:
        return None
    return str(row[0]) if row and row[0] else None


def connect(path: Path, key: bytes) -> Connection:
    """Open (or create) the encrypted database with a raw 32-byte key; settings applied."""
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    with storage_errors():
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            # PRAGMA key cannot take a bound parameter; the value is hex of our own random bytes.
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB:d}")
        except BaseException:
            conn.close()
            raise
    conn.row_factory = sqlcipher3.Row
    return conn


def schema_version(conn: Connection) -> int:
    """The schema number stored in the file (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def prepare(conn: Connection, path: Path, backup_dir: Path) -> None:
    """Refuse a newer file, back it up before migrating, migrate, then set WAL and FULL sync."""
    found = schema_version(conn)
    if found > LATEST_SCHEMA:
        raise NewerSchema(found, LATEST_SCHEMA)
    with storage_errors():
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if 0 < found < LATEST_SCHEMA:
            backup_before_migration(conn, path, backup_dir, found)
        for number, script in migrations():
            if number > found:
                _apply(conn, number, script)
        if not search_index_current(conn):  # the name rules changed: the index follows them
            with _committed(conn):
                conn.execute("BEGIN IMMEDIATE")
                rebuild_search_index(conn)


@contextlib.contextmanager
def _committed(conn: Connection) -> Iterator[None]:
    """Commit the transaction the block opened, or roll it back if the block fails."""
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _apply(conn: Connection, number: int, script: str) -> None:
    # executescript commits first; the script opens the transaction that the data step (if any)
    # and the new version number join, so a step is atomic.
    with _committed(conn):
        conn.executescript(f"BEGIN IMMEDIATE;\n{script}")
        step = DATA_STEPS.get(number)
        if step is not None:
            step(conn)
        conn.execute(f"PRAGMA user_version = {number:d}")


def backup_before_migration(conn: Connection, path: Path, backup_dir: Path, version: int) -> Path:
    """Copy the (still encrypted) file aside before a migration touches it."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    private_folder(backup_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"before-schema-{LATEST_SCHEMA}-from-{version}-{stamp}.db"
    copy_durably(path, target)
    return target
