"""A case file as `casefile.create` makes it (keys.json and all), with cheap Argon2id."""

from __future__ import annotations

from pathlib import Path

from desktop.store.database import connect, prepare
from desktop.store.keys import KdfParams, KeyFile
from desktop.store.store import Store

FAST = KdfParams(memory_kib=1024, iterations=1, lanes=1)  # Argon2id, cheap for tests
PASSPHRASE = "Grüße aus dem Büro 2026"


def keyed_case(tmp_path: Path) -> tuple[Path, Store, str]:
    """(root, open store, recovery key) of a new case file in `tmp_path / "data"`."""
    root = tmp_path / "data"
    root.mkdir()
    keyfile, key, recovery = KeyFile.create(root / "keys.json", PASSPHRASE, kdf=FAST)
    conn = connect(root / "casefile.db", key)
    prepare(conn, root / "casefile.db", root / "backups")
    store = Store(conn)
    store.set_meta("case_id", keyfile.case_id)
    return root, store, recovery
