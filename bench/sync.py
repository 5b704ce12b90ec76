"""Sync benchmark: export and import of ~10,000 changes, bundle sizes, a week of typical work.

    uv run python bench/sync.py

The baseline, measured in the same run, is inserting the same change rows into a plain `sqlite3`
file (standard library, WAL, synchronous=FULL, same indexes) in one transaction: what an import
cannot avoid doing. Budgets (DESIGN.md): export 10,000 changes under 1 s, import under 2 s.
Nothing is asserted; results go to stdout and bench/out/sync.json.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.domain.model import Appointment, Client, Note
from desktop.services import casework, sync
from desktop.services.demo import fill_demo
from desktop.store.changelog.reading import changes_since
from desktop.store.database import connect, prepare
from desktop.store.store import Store

TODAY = date(2026, 3, 2)
OUT = Path(__file__).parent / "out"


def open_store(folder: Path, key: bytes) -> Store:
    db = folder / "casefile.db"
    conn = connect(db, key)
    prepare(conn, db, folder / "backups")
    return Store(conn)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def plain_insert(rows: list[tuple[object, ...]], folder: Path) -> float:
    """The same change rows into plain sqlite3, one transaction (the floor of any import)."""
    path = folder / f"plain-{random.random()}.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.executescript(
        "CREATE TABLE change (seq INTEGER PRIMARY KEY, entity TEXT, row_id TEXT,"
        " field_group TEXT, value TEXT, hlc INTEGER, origin INTEGER, origin_seq INTEGER,"
        " prev_hlc INTEGER, UNIQUE (origin, origin_seq));"
        "CREATE INDEX change_by_row ON change (row_id, field_group);"
        "CREATE INDEX change_by_hlc ON change (hlc);"
    )
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO change (entity, row_id, field_group, value, hlc, origin, origin_seq,"
        " prev_hlc) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
        rows,
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def a_week(store: Store, rng: random.Random, changes: int) -> None:
    """Typical work: edits of contact and status, notes, appointments, about `changes` rows."""
    clients = list(store.all(Client))
    before = store.counts().changes
    day = datetime(2026, 3, 2, 9, 0)
    while store.counts().changes - before < changes:
        client = rng.choice(clients)
        kind = rng.random()
        if kind < 0.4:
            casework.add(store, Note(client.id, TODAY, "Gespräch zu Kurs und Wohnung. " * 3))
        elif kind < 0.7:
            starts = day + timedelta(days=rng.randrange(14), hours=rng.randrange(8))
            casework.add(store, Appointment(client.id, starts, purpose="Beratung"))
        else:
            casework.save(store, dataclasses.replace(client, phone=f"0151 {rng.randrange(10**7)}"))


def main() -> int:
    OUT.mkdir(exist_ok=True)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("anna", "bea"):
            (root / name).mkdir()
        keys = {name: os.urandom(32) for name in ("anna", "bea")}
        anna = open_store(root / "anna", keys["anna"])
        bea = open_store(root / "bea", keys["bea"])
        sync.add_colleague(anna, "Bea", sync.my_identity(bea).text)
        sync.add_colleague(bea, "Anna", sync.my_identity(anna).text)
        fill_demo(anna, 160, seed=3, today=TODAY)  # about 10,000 changes
        changes = anna.counts().changes
        bea.close()
        pristine = root / "bea-pristine"
        shutil.copytree(root / "bea", pristine)

        bundle = root / "full.wdb"
        export_times = timed(lambda: sync.export_for(anna, "Bea", bundle, full=True), 5)
        size = bundle.stat().st_size
        full = sync.export_for(anna, "Bea", bundle, full=True)
        logged, changes = changes, full.changes  # clients without consent to share stay here

        import_times = []
        for attempt in range(5):
            folder = root / f"bea-{attempt}"
            shutil.copytree(pristine, folder)
            receiver = open_store(folder, keys["bea"])
            start = time.perf_counter()
            summary = sync.import_file(receiver, bundle)
            import_times.append(time.perf_counter() - start)
            assert summary.applied == changes
            receiver.close()

        rows = [
            (c.entity, c.row_id, c.field_group, c.value, c.hlc, c.origin_seq, c.prev_hlc)
            for c in changes_since(anna.conn, {})
        ][:changes]  # the baseline inserts as many rows as the bundle carries
        plain_times = [plain_insert(rows, root) for _ in range(5)]

        # A week of typical work after the first exchange: the incremental bundle.
        bea = open_store(root / "bea-0", keys["bea"])
        sync.import_file(anna, sync.export_for(bea, "Anna", root / "ack.wdb").path)
        a_week(anna, rng, 500)
        weekly = sync.export_for(anna, "Bea", root / "week.wdb")
        week_import = timed(lambda: sync.import_file(bea, weekly.path), 1)[0]
        anna.close()
        bea.close()

    export_ms = statistics.median(export_times) * 1000
    import_ms = statistics.median(import_times) * 1000
    plain_ms = statistics.median(plain_times) * 1000
    results = {
        "changes": changes,
        "changes_in_log": logged,
        "clients_held_back": full.held_back,
        "export_ms": round(export_ms, 1),
        "import_ms": round(import_ms, 1),
        "plain_sqlite3_insert_ms": round(plain_ms, 1),
        "import_vs_plain_insert": round(import_ms / plain_ms, 2),
        "export_vs_plain_insert": round(export_ms / plain_ms, 2),
        "export_per_10k_changes_ms": round(export_ms * 10_000 / changes, 1),
        "import_per_10k_changes_ms": round(import_ms * 10_000 / changes, 1),
        "bundle_bytes": size,
        "bytes_per_change": round(size / changes, 1),
        "week_changes": weekly.changes,
        "week_bundle_kb": round(weekly.size / 1024, 1),
        "week_import_ms": round(week_import * 1000, 1),
    }
    for key, value in results.items():
        print(f"{key:28} {value}")
    (OUT / "sync.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
