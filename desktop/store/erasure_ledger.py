"""The erasure ledger: which clients were erased and on which day, ids only.

It lives twice: in the `erasure_ledger` table of the case file, and in `erasures.json` in the
data folder (owner-only, next to `keys.json`). A restore replaces the database with an older
one that does not know the later erasures; the file outside it does, and every erasure in it is
applied again before the restored file is shown or synced.

The file is sealed with an HMAC under a key derived from the case file's data key: someone who
can write to the data folder but does not hold the key cannot add ids to it and so make Welcome
Desk erase a person. A file that is unreadable or whose seal does not hold is ignored (and
written anew from the table): a tampered ledger can only lose erasures, never invent them.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.fsutil import atomic_write_bytes
from desktop.store.database import Connection, storage_errors
from desktop.store.specs import ERASED

FILE_NAME = "erasures.json"
FORMAT, VERSION = "welcome-desk-erasures", 1
_MAX_BYTES = 64 << 20  # ~1 million erasures; anything larger is not ours
_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_MAC_LABEL = b"welcome-desk erasure ledger v1"


@dataclass(frozen=True, order=True)
class Erasure:
    """One erased client: its random id and the day it was erased."""

    client_id: str
    erased_on: date


def mac_key(data_key: bytes) -> bytes:
    """The key that seals `erasures.json` (derived: the data key itself is never used twice)."""
    return hmac.new(data_key, _MAC_LABEL, hashlib.sha256).digest()


def add(conn: Connection, client_ids: list[str], on: date) -> None:
    """Enter these ids (inside the caller's transaction); an id already there keeps its day."""
    conn.executemany(
        "INSERT OR IGNORE INTO erasure_ledger (client_id, erased_on) VALUES (?, ?)",
        [(i, on.isoformat()) for i in client_ids],
    )


def entries(conn: Connection) -> list[Erasure]:
    """Every erasure in the table, by id."""
    rows = conn.execute("SELECT client_id, erased_on FROM erasure_ledger ORDER BY client_id")
    return [Erasure(r[0], date.fromisoformat(r[1])) for r in rows]


def not_applied(conn: Connection, client_ids: list[str]) -> list[str]:
    """Those ids of which this database still holds something: a client row or recorded values
    (a restored older copy). An id with a tombstone and nothing else is done."""
    if not client_ids:
        return []
    has_log = _has_table(conn, "change")
    log = "change_log" if _has_table(conn, "settled") else "change"  # before schema 9: no view
    held = []
    for client_id in client_ids:
        row = conn.execute("SELECT 1 FROM client WHERE id = ?", (client_id,)).fetchone()
        if row is None and has_log:
            row = conn.execute(
                f"SELECT 1 FROM {log} WHERE row_id = ? AND field_group <> ? LIMIT 1",
                (client_id, ERASED),
            ).fetchone()
        if row is not None:
            held.append(client_id)
    return held


def _has_table(conn: Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def read_file(path: Path, key: bytes) -> list[Erasure]:
    """The erasures in `erasures.json` whose seal holds; [] if the file is missing or not ours."""
    try:
        raw = path.read_bytes() if path.stat().st_size <= _MAX_BYTES else b""
        body = json.loads(raw.decode("utf-8"))
        listed = body["erasures"]
        if body.get("format") != FORMAT or body.get("version") != VERSION:
            return []
        if not hmac.compare_digest(str(body.get("mac", "")), _seal(listed, key)):
            return []
        return [_erasure(item) for item in listed]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []


def _erasure(item: object) -> Erasure:
    if not isinstance(item, list) or len(item) != 2 or not all(isinstance(v, str) for v in item):
        raise ValueError("not an erasure")
    if not _ID.match(item[0]):
        raise ValueError("not a client id")
    return Erasure(item[0], date.fromisoformat(item[1]))


def _seal(listed: object, key: bytes) -> str:
    text = json.dumps(listed, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return hmac.new(key, text, hashlib.sha256).hexdigest()


def write_file(path: Path, erasures: list[Erasure], key: bytes) -> None:
    """Write `erasures.json` whole or not at all, readable by its owner only."""
    listed = [[e.client_id, e.erased_on.isoformat()] for e in sorted(erasures)]
    body = {"format": FORMAT, "version": VERSION, "erasures": listed, "mac": _seal(listed, key)}
    atomic_write_bytes(path, json.dumps(body, indent=0).encode("utf-8"))


def reconcile(conn: Connection, path: Path, key: bytes) -> list[Erasure]:
    """Both copies of the ledger made whole: the table takes what the file knows and the file
    what the table knows. Returns the union."""
    in_table = {e.client_id: e for e in entries(conn)}
    in_file = {e.client_id: e for e in read_file(path, key)}
    missing = [e for i, e in in_file.items() if i not in in_table]
    if missing:
        with storage_errors():
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "INSERT OR IGNORE INTO erasure_ledger (client_id, erased_on) VALUES (?, ?)",
                    [(e.client_id, e.erased_on.isoformat()) for e in missing],
                )
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(Exception):
                    conn.execute("ROLLBACK")
                raise
    union = sorted({**in_table, **in_file}.values())
    if set(in_file) != {e.client_id for e in union}:
        write_file(path, union, key)
    return union
