"""A real SQLCipher case file per test, opened with a random raw key (no KDF: fast)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.database import connect, prepare
from desktop.store.store import Store


def open_store(folder: Path, key: bytes) -> Store:
    db = folder / "casefile.db"
    conn = connect(db, key)
    prepare(conn, db, folder / "backups")
    return Store(conn)


@pytest.fixture
def store_key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def store(tmp_path: Path, store_key: bytes) -> Iterator[Store]:
    s = open_store(tmp_path, store_key)
    yield s
    s.close()
