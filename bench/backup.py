"""Backup benchmark: back up and restore a demo case file of 2,000 (and 20,000) clients.

    uv run python bench/backup.py [--clients 2000 20000]

Baselines, measured in the same run: `shutil.copy` of the same (checkpointed) database file,
and the standard library's `sqlite3` `.backup` of an unencrypted database holding the same rows
(synthetic demo data only). Nothing is asserted; results go to stdout and bench/out/backup.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.services import backup, casefile
from desktop.services.demo import fill_demo
from desktop.store.keys import KeyFile

TODAY = date(2026, 3, 2)
OUT = Path(__file__).parent / "out"
PASSPHRASE = "benchmark passphrase"


def median_time(action: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_copy_of(store: casefile.Store, folder: Path) -> Path:
    """The same rows in an unencrypted file (demo data only): the stdlib baseline's input."""
    plain = folder / "plain.db"
    store.conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    store.conn.execute("SELECT sqlcipher_export('plain')")
    store.conn.execute("DETACH DATABASE plain")
    return plain


def stdlib_backup(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    target.unlink()


def run(clients: int, work: Path) -> dict[str, float | int]:
    root, stick = work / f"data-{clients}", work / f"stick-{clients}"
    stick.mkdir()
    made = casefile.init(root, PASSPHRASE)
    store = made.store
    start = time.perf_counter()
    fill_demo(store, clients, 1, TODAY)
    filled = time.perf_counter() - start
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = root / "casefile.db"
    infos: list[backup.BackupInfo] = []
    ours = median_time(lambda: infos.append(backup.back_up(store, root, stick, keep=1)))
    copy = median_time(lambda: shutil.copy(db, work / "copy.db"))
    plain = plain_copy_of(store, work)
    stdlib = median_time(lambda: stdlib_backup(plain, work / "plain-backup.db"))
    plain.unlink()
    store.close()
    key = KeyFile.load(root / "keys.json").unlock_with_passphrase(PASSPHRASE)
    latest = infos[-1].path

    def restore_once() -> None:
        backup.restore(root, latest, key).store.close()
        shutil.rmtree(root / "backups", ignore_errors=True)

    restore = median_time(restore_once)
    return {
        "clients": clients,
        "fill_s": round(filled, 2),
        "db_bytes": db.stat().st_size,
        "backup_bytes": infos[-1].size,
        "backup_s": round(ours, 3),
        "shutil_copy_s": round(copy, 3),
        "stdlib_backup_plain_s": round(stdlib, 3),
        "backup_vs_copy": round(ours / copy, 1),
        "backup_vs_stdlib_plain": round(ours / stdlib, 1),
        "restore_s": round(restore, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="wd-bench-backup-") as tmp:
        for n in args.clients:
            result = run(n, Path(tmp))
            results.append(result)
            print(json.dumps(result))
    OUT.mkdir(exist_ok=True)
    (OUT / "backup.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
