"""The case file never holds a name in plaintext: not in the database, WAL, keys.json or temp."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from desktop.domain.model import Client, Note
from desktop.services import casework
from desktop.services.clients import add_client
from desktop.store import casefile

FAMILY = "Plaintextcanary"
GIVEN = "Zzyzxwqfamily"
ALIAS = "Qwxvbarnoldalias"
PHONE = "+49 1579 8642135"
STREET = "Ungewöhnlichgasse"
OPEN_FAMILY = "Walcanaryopen"
PENDING_FAMILY = "Uncommittedcanary"
NOTE = "Vertraulicheberatungsnotiz: " + "Familie Plaintextcanary braucht Hilfe. " * 200
SECRETS = (FAMILY, GIVEN, ALIAS, PHONE, STREET, OPEN_FAMILY, PENDING_FAMILY, NOTE[:40])


class LeaveUncommitted(Exception):
    """Raised inside a transaction so that it rolls back."""


def needles() -> list[tuple[str, bytes]]:
    """Each secret in UTF-8 and UTF-16-LE, as written, lower case and upper case."""
    found = []
    for secret in SECRETS:
        for variant in {secret, secret.lower(), secret.upper()}:
            for encoding in ("utf-8", "utf-16-le"):
                found.append((f"{variant!r} in {encoding}", variant.encode(encoding)))
    return found


def leaks(files: dict[str, bytes]) -> list[str]:
    return [
        f"{label} in {name}"
        for name, data in files.items()
        for label, needle in needles()
        if needle in data
    ]


def temp_files() -> set[Path]:
    found = set()
    for folder, _, names in os.walk(tempfile.gettempdir()):
        found.update(Path(folder, name) for name in names)
    return found


def read_new(paths: set[Path]) -> dict[str, bytes]:
    files = {}
    for path in paths:
        try:
            files[str(path)] = path.read_bytes()
        except OSError:  # gone again, a socket, or not ours to read
            continue
    return files


def test_no_name_is_ever_written_in_plaintext(cli, initialised, data_dir, snapshot):
    temp_before = temp_files()
    cli.add(
        "--family-name", FAMILY, "--given-names", GIVEN, "--alias", ALIAS,
        "--phone", PHONE, "--street", STREET, "--birth-date", "1977-07-07",
    )  # fmt: skip
    assert leaks(snapshot(data_dir)) == []

    store = casefile.unlock(data_dir, passphrase=cli.passphrase)
    try:
        client = add_client(store, {"family_name": OPEN_FAMILY, "given_names": GIVEN})
        casework.add(store, Note(client.id, date(2026, 1, 15), NOTE))
        wal = data_dir / "casefile.db-wal"
        assert wal.stat().st_size > 0, "committed changes wait in the WAL while the file is open"
        assert leaks(snapshot(data_dir)) == []

        # Uncommitted pages spill into the WAL when the cache is small.
        store.conn.execute("PRAGMA cache_size = 2")
        wal_size = wal.stat().st_size
        try:
            with store.transaction() as tx:
                tx.insert(Client(PENDING_FAMILY, GIVEN, other_names=(NOTE,) * 5))
                assert wal.stat().st_size > wal_size, "the open transaction spilled to the WAL"
                assert leaks(snapshot(data_dir)) == []
                raise LeaveUncommitted
        except LeaveUncommitted:
            pass
    finally:
        store.close()

    files = snapshot(data_dir)
    # The lock of one Welcome Desk per case file stays behind empty where the OS keeps it.
    assert files.pop("casefile.lock", b"") == b""
    assert sorted(files) == ["casefile.db", "keys.json"]
    assert leaks(files) == []
    assert leaks({"keys.json": files["keys.json"]}) == []
    assert leaks(read_new(temp_files() - temp_before)) == []

    names = {c["family_name"] for c in cli.list_json()}
    assert names == {FAMILY, OPEN_FAMILY}  # the names are there, only never readable raw
