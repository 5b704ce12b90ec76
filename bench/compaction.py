"""Compaction benchmark: a demo case file against its own JSON export, before and after compact.

    uv run python bench/compaction.py --clients 2000
    uv run python bench/compaction.py --clients 20000

A fresh demo file (one coordinator, no colleagues: all history is settled), its `export-json`
bytes, the file's size before and after compaction and VACUUM, the ratio against the budget
(a compacted case file at most 2x its own export) and the time compaction takes. The baseline
column, measured in the same run, is the same data in a plain `sqlite3` file (the encrypted file
copied out with `sqlcipher_export`, then VACUUMed): what the rows take without encryption.
Nothing is asserted; results go to stdout and bench/out/compaction.json (one entry per size).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.services import compaction, export
from desktop.services.demo import fill_demo
from desktop.store.database import connect, prepare
from desktop.store.store import Store

TODAY = date(2026, 3, 2)
OUT = Path(__file__).parent / "out"
BUDGET = 2.0


def open_store(folder: Path, key: bytes) -> Store:
    db = folder / "casefile.db"
    conn = connect(db, key)
    prepare(conn, db, folder / "backups")
    return Store(conn)


def plain_copy(store: Store, target: Path) -> tuple[int, float]:
    """The same rows in a plain sqlite3 file: (bytes after VACUUM, seconds VACUUM took)."""
    store.conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    store.conn.execute("SELECT sqlcipher_export('plain')")
    store.conn.execute("DETACH DATABASE plain")
    conn = sqlite3.connect(target, isolation_level=None)
    start = time.perf_counter()
    conn.execute("VACUUM")
    elapsed = time.perf_counter() - start
    conn.close()
    return target.stat().st_size, elapsed


def run(clients: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "desk"
        folder.mkdir()
        store = open_store(folder, os.urandom(32))
        start = time.perf_counter()
        fill_demo(store, clients, 1, TODAY)
        fill_s = time.perf_counter() - start
        store.scrub()  # the fill's free pages go, so that "before" is the rows themselves
        changes = store.counts().changes
        before = store.file_size()
        export_bytes = len(export.export_json_text(store).encode("utf-8"))
        plain_before, _ = plain_copy(store, Path(tmp) / "plain-before.db")
        start = time.perf_counter()
        report = compaction.compact(store)
        compact_s = time.perf_counter() - start
        start = time.perf_counter()
        store.scrub()
        vacuum_s = time.perf_counter() - start
        after = store.file_size()
        plain_after, plain_vacuum_s = plain_copy(store, Path(tmp) / "plain-after.db")
        left = store.counts().changes
        store.close()
    return {
        "clients": clients,
        "change_rows_before": changes,
        "change_rows_after": left,
        "settled_rows": report.settled_rows,
        "export_json_bytes": export_bytes,
        "file_bytes_before": before,
        "file_bytes_after": after,
        "ratio_before": round(before / export_bytes, 2),
        "ratio_after": round(after / export_bytes, 2),
        "budget_ratio": BUDGET,
        "within_budget": after <= BUDGET * export_bytes,
        "plain_bytes_before": plain_before,
        "plain_bytes_after": plain_after,
        "plain_ratio_after": round(plain_after / export_bytes, 2),
        "fill_s": round(fill_s, 2),
        "compact_s": round(compact_s, 2),
        "vacuum_s": round(vacuum_s, 2),
        "plain_vacuum_s": round(plain_vacuum_s, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    result = run(args.clients)
    for key, value in result.items():
        print(f"{key:>20}: {value}")
    target = OUT / "compaction.json"
    results = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    results[str(args.clients)] = result
    target.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
