"""Case files for sync tests: fast SQLCipher stores (random raw key, no KDF) that can be reopened.

Test modules cannot import a conftest (--import-mode=importlib), so everything here is a fixture:
`desk(name)` makes a case file, `pair` two that trust each other, `case_state(desk)` captures all
a rejected import must leave alone, `add_clients` adds a few.

With WD_FORCE_COMPACTION=1 in the environment every test here runs with the case file compacted
after each import and each export (tests/sync/test_compaction.py runs the convergence scenarios
that way too).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.model import Client
from desktop.services import casework, compaction, sync
from desktop.services.export import case_data
from desktop.store.database import connect, prepare
from desktop.store.store import Store
from tests.sync.devices import shared_client

DB = "casefile.db"


class Desk:
    """One colleague's installation: a case file in `folder` opened with the raw `key`."""

    def __init__(self, name: str, folder: Path, key: bytes | None = None) -> None:
        self.name = name
        self.folder = folder
        self.key = key or os.urandom(32)
        folder.mkdir(parents=True, exist_ok=True)
        self.store = self._open()

    @property
    def db(self) -> Path:
        return self.folder / DB

    def _open(self) -> Store:
        conn = connect(self.db, self.key)
        prepare(conn, self.db, self.folder / "backups")
        return Store(conn)

    def close(self) -> None:
        """Close the case file, its WAL folded into the database file."""
        if self.store is not None:
            self.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.store.close()
            self.store = None  # type: ignore[assignment]

    def reopen(self) -> Store:
        self.close()
        self.store = self._open()
        return self.store

    def copy_to(self, folder: Path) -> Desk:
        """A closed copy of this case file (this one is closed and reopened around it)."""
        self.close()
        shutil.copytree(self.folder, folder)
        self.store = self._open()
        copy = Desk.__new__(Desk)
        copy.name, copy.folder, copy.key, copy.store = self.name, folder, self.key, None
        return copy

    def restore_from(self, folder: Path) -> Store:
        """Replace this case file by an older copy of it (as a restored backup would)."""
        self.close()
        shutil.rmtree(self.folder)
        shutil.copytree(folder, self.folder)
        self.store = self._open()
        return self.store

    def identity(self) -> str:
        return sync.my_identity(self.store).text


def _closing(made: list[Desk]) -> None:
    for d in made:
        if d.store is not None:
            d.store.close()


def compacting(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, compact a case file after every import into it and export from it."""
    import_file, export_for = sync.import_file, sync.export_for

    def import_then_compact(store: Store, path: Path) -> sync.ImportSummary:
        try:
            return import_file(store, path)
        finally:
            compaction.compact(store)

    def export_then_compact(store: Store, name: str, target: Path, *, full: bool = False) -> Any:
        summary = export_for(store, name, target, full=full)
        compaction.compact(store)
        return summary

    monkeypatch.setattr(sync, "import_file", import_then_compact)
    monkeypatch.setattr(sync, "export_for", export_then_compact)


@pytest.fixture(autouse=os.environ.get("WD_FORCE_COMPACTION") == "1")
def forced_compaction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every import and export followed by a compaction (see the module's docstring)."""
    compacting(monkeypatch)


@pytest.fixture(name="compacting")
def compacting_fixture() -> Callable[[pytest.MonkeyPatch], None]:
    return compacting


@pytest.fixture(name="desk_class", scope="session")
def desk_class_fixture() -> type[Desk]:
    """The Desk class, for module-scoped case files."""
    return Desk


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Callable[[str], Desk]]:
    """`desk(name)`: a new, empty case file in tmp_path/name."""
    made: list[Desk] = []

    def make(name: str) -> Desk:
        d = Desk(name, tmp_path / name.lower())
        made.append(d)
        return d

    yield make
    _closing(made)


def trust(a: Desk, b: Desk) -> None:
    """`a` trusts `b` under b's name."""
    sync.add_colleague(a.store, b.name, b.identity())


@pytest.fixture(name="trust")
def trust_fixture() -> Callable[[Desk, Desk], None]:
    return trust


@pytest.fixture
def pair(desk: Callable[[str], Desk]) -> tuple[Desk, Desk]:
    """Anna and Bea, each trusting the other ("Bea" on Anna's side, "Anna" on Bea's)."""
    anna, bea = desk("Anna"), desk("Bea")
    trust(anna, bea)
    trust(bea, anna)
    return anna, bea


def add_clients(d: Desk, count: int, prefix: str = "Client") -> list[Client]:
    """`count` new clients in one transaction."""
    clients = [
        shared_client(f"{prefix}{i:04d}", f"Given {i}", nationality="SY", phone=f"+49 30 {i:06d}")
        for i in range(count)
    ]
    casework.add(d.store, *clients)
    return clients


@pytest.fixture(name="add_clients")
def add_clients_fixture() -> Callable[..., list[Client]]:
    return add_clients


def state(d: Desk) -> dict[str, Any]:
    """Everything a refused bundle must leave as it was, down to the bytes of the files."""
    s = d.store
    conn = s.conn
    wal = d.db.with_name(DB + "-wal")
    return {
        "case_data": case_data(s),
        "colleagues": s.sync_state.colleagues(),
        "conflicts": s.sync_state.conflicts(open_only=False),
        "changes": conn.execute("SELECT count(*) FROM change").fetchone()[0],
        "log": conn.execute("SELECT * FROM change ORDER BY seq").fetchall(),
        "seen": conn.execute("SELECT * FROM bundle_seen ORDER BY bundle_id").fetchall(),
        "devices": conn.execute("SELECT * FROM device ORDER BY num").fetchall(),
        "meta": conn.execute("SELECT * FROM meta ORDER BY key").fetchall(),
        "db_bytes": d.db.read_bytes(),
        "wal_bytes": wal.read_bytes() if wal.exists() else b"",
    }


def comparable(captured: dict[str, Any]) -> dict[str, Any]:
    """sqlcipher3.Row objects compare by identity; tuples compare by value."""
    return {
        k: [tuple(r) for r in v] if k in ("log", "seen", "devices", "meta") else v
        for k, v in captured.items()
    }


@pytest.fixture(name="case_state")
def case_state_fixture() -> Callable[[Desk], dict[str, Any]]:
    """`case_state(desk)`: case data, sync bookkeeping, log, and the raw db and WAL bytes."""
    return lambda d: comparable(state(d))
