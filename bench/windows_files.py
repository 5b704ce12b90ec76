"""What Windows' file rules cost when nothing is held: writing a file whole (our temporary name,
the replace that would be retried) against the plain tempfile.mkstemp + os.replace baseline in the
same run, and opening the case file with its one-instance lock against opening it without.

    uv run python bench/windows_files.py [--rounds 200]

Prints absolute times and ratios; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from run import timed  # noqa: E402

from desktop.fsutil import atomic_write_bytes  # noqa: E402
from desktop.services import casefile  # noqa: E402
from desktop.store import instance_lock  # noqa: E402
from desktop.store.casefile import DataDir, load_keyfile, open_with_key  # noqa: E402
from desktop.store.database import connect, prepare  # noqa: E402
from desktop.store.store import Store  # noqa: E402

PASSPHRASE = "benchmark passphrase for windows files"


def baseline_write(target: Path, data: bytes) -> None:
    """What the code did before: tempfile.mkstemp, fsync, os.replace, fsync of the folder."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(name, target)
    if os.name == "posix":
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def compare_writes(target: Path, data: bytes, rounds: int) -> tuple[list[float], list[float]]:
    ours: list[float] = []
    base: list[float] = []
    for _ in range(2):  # alternate, so a noisy moment hits both
        ours += timed(lambda: atomic_write_bytes(target, data), rounds // 2)
        base += timed(lambda: baseline_write(target, data), rounds // 2)
    return ours, base


def report(what: str, ours: list[float], base: list[float]) -> None:
    a, b = statistics.median(ours), statistics.median(base)
    print(f"{what:<44} ours {a * 1000:8.3f} ms   baseline {b * 1000:8.3f} ms   ratio {a / b:5.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for size in (10_000, 1_000_000):
            ours, base = compare_writes(folder / f"file-{size}.bin", os.urandom(size), rounds)
            report(f"write a file whole, {size:,} bytes", ours, base)

        root = folder / "data"
        casefile.init(root, PASSPHRASE).store.close()
        key = load_keyfile(root).unlock_with_passphrase(PASSPHRASE)
        database = DataDir(root).database

        def open_with_lock() -> None:
            open_with_key(root, key).close()

        def open_without_lock() -> None:
            conn = connect(database, key)
            prepare(conn, database, DataDir(root).backups)
            Store(conn).close()

        ours, base = [], []
        for _ in range(2):
            ours += timed(open_with_lock, rounds // 2)
            base += timed(open_without_lock, rounds // 2)
        report("open and close the case file (raw key)", ours, base)
        probe = timed(lambda: instance_lock.in_use(root), rounds)
        what = "is the case file in use? (before the prompt)"
        print(f"{what:<44} {statistics.median(probe) * 1000:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
