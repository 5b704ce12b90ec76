"""Erasure benchmark: erase one client from a demo case file, scrub included, and export a bundle.

    uv run python bench/erasure.py [--clients 2000]

An erasure is a small transaction followed by the scrub that overwrites what the person left in
the file (FTS segments merged, WAL truncated, VACUUM). Baseline, measured in the same run: the
standard library's `sqlite3` VACUUM of an unencrypted database holding the same rows (synthetic
demo data only). Also the cost of the consent rule when writing a full bundle. Nothing is
asserted; results go to stdout and bench/out/erasure.json.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.domain.model import Client
from desktop.services import casefile, casework
from desktop.services.demo import fill_demo
from desktop.store import consent

TODAY = date(2026, 3, 2)
OUT = Path(__file__).parent / "out"
PASSPHRASE = "benchmark passphrase"


def plain_vacuum(store: casefile.Store, folder: Path) -> float:
    plain = folder / "plain.db"
    store.conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    store.conn.execute("SELECT sqlcipher_export('plain')")
    store.conn.execute("DETACH DATABASE plain")
    conn = sqlite3.connect(plain)
    try:
        start = time.perf_counter()
        conn.execute("VACUUM")
        return time.perf_counter() - start
    finally:
        conn.close()
        plain.unlink()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=2000)
    count = parser.parse_args().clients
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "case"
        store = casefile.init(root, PASSPHRASE).store
        fill_demo(store, count, seed=5, today=TODAY)
        ids = [c.id for c in store.all(Client)][:3]
        erase_times = []
        for client_id in ids:
            start = time.perf_counter()
            casework.erase_client(store, client_id)
            erase_times.append(time.perf_counter() - start)
        vacuum_times = [plain_vacuum(store, Path(tmp)) for _ in range(3)]
        sharing_times = []
        for _ in range(3):
            start = time.perf_counter()
            share = consent.sharing(store.conn, TODAY)
            sharing_times.append(time.perf_counter() - start)
        size = (root / "casefile.db").stat().st_size
        store.close()
    erase_s, vacuum_s = statistics.median(erase_times), statistics.median(vacuum_times)
    results = {
        "clients": count,
        "file_mb": round(size / 1e6, 1),
        "erase_one_client_s": round(erase_s, 2),
        "plain_sqlite3_vacuum_s": round(vacuum_s, 2),
        "erase_vs_plain_vacuum": round(erase_s / vacuum_s, 2),
        "consent_rule_ms": round(statistics.median(sharing_times) * 1000, 1),
        "clients_held_back": share.held_clients,
    }
    for key, value in results.items():
        print(f"{key:26} {value}")
    (OUT / "erasure.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
