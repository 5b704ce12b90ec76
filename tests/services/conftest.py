"""A real SQLCipher case file per test, opened with a random raw key (no KDF: fast)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.database import connect, prepare
from desktop.store.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "casefile.db"
    conn = connect(db, os.urandom(32))
    prepare(conn, db, folder / "backups")
    s = Store(conn)
    yield s
    s.close()
