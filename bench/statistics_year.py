"""Statistics for a year: the figures of a period counted over a real encrypted case file.

    uv run python bench/statistics_year.py --clients 20000        # builds a demo case file first
    uv run python bench/statistics_year.py --data-dir DIR --passphrase-env VAR   # an existing one

The baseline, measured in the same run, is the same computation over an unencrypted copy of the
same rows (sqlcipher_export into a database with an empty key, the same settings), so the ratio is
the price of encryption alone. Also printed: the peak memory the computation adds. Nothing is
asserted; the figures go into docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from run import export_plain, plain_store  # noqa: E402

from desktop.services import casefile  # noqa: E402
from desktop.services import statistics as figures  # noqa: E402
from desktop.services.demo import fill_demo  # noqa: E402

PASSPHRASE = "benchmark passphrase"
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def timed(store: object, repeat: int) -> list[float]:
    """Seconds per computation of a year's statistics, `repeat` times."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        figures.compute(store, *YEAR)  # type: ignore[arg-type]
        out.append(time.perf_counter() - start)
    return out


def peak_kb(store: object) -> float:
    """The Python memory one computation allocates at its peak, in KB."""
    tracemalloc.start()
    figures.compute(store, *YEAR)  # type: ignore[arg-type]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--passphrase-env", default="")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    passphrase = os.environ[args.passphrase_env] if args.passphrase_env else PASSPHRASE
    with tempfile.TemporaryDirectory(prefix="wd-stats-bench-") as work:
        root = args.data_dir
        if root is None:
            root = Path(work) / "data"
            store = casefile.init(root, passphrase).store
            start = time.perf_counter()
            fill_demo(store, args.clients, 1, date(2026, 11, 21))
            print(f"demo with {args.clients} clients: {time.perf_counter() - start:.0f} s")
            store.close()
        store = casefile.unlock(root, passphrase=passphrase, use_keyring=False)
        plain_path = Path(work) / "plain.db"
        export_plain(store, plain_path)
        plain = plain_store(plain_path)
        stats = figures.compute(store, *YEAR)
        print(
            f"statistics {YEAR[0]}..{YEAR[1]}: {stats.open_at_end} cases open at the end, "
            f"{stats.new} new, {stats.closed} closed"
        )
        timed(store, 1)  # warm both page caches alike
        timed(plain, 1)
        enc_s = statistics.median(timed(store, args.repeat))
        plain_s = statistics.median(timed(plain, args.repeat))
        print(
            f"a year's statistics: {enc_s * 1000:.0f} ms encrypted, {plain_s * 1000:.0f} ms plain "
            f"(ratio {enc_s / plain_s:.2f}x), median of {args.repeat}"
        )
        print(f"Python memory at the computation's peak: {peak_kb(store):,.0f} KB")
        plain.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
