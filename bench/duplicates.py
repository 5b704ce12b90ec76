"""Duplicate persons: precision and recall on the labelled pair set, and the time of
`likely_pairs` on demo case files, against reading all clients in the same run.

    uv run python bench/duplicates.py                      # 5,000 and 20,000 clients
    uv run python bench/duplicates.py --clients 5000       # a quick look

Results are printed and written to bench/out/duplicates.json. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.domain.similarity import LIKELY_THRESHOLD, Person, person_of, score
from desktop.services.demo import fill_demo
from desktop.services.duplicates import candidate_pairs, likely_pairs
from desktop.store.database import connect, prepare
from desktop.store.store import Store

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "tests" / "fixtures" / "duplicates.json"


def _person(fields: dict[str, Any]) -> Person:
    fields = dict(fields)
    born = fields.pop("birth_date", None)
    return Person(birth_date=PartialDate.parse(born) if born else None, **fields)


def quality(threshold: float) -> dict[str, Any]:
    """Precision and recall on the labelled pairs at `threshold`, and the misses by name."""
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))["pairs"]
    tp = fp = fn = tn = 0
    wrong = []
    for r in rows:
        s = score(_person(r["a"]), _person(r["b"]))
        flagged = s >= threshold
        tp += flagged and r["same"]
        fp += flagged and not r["same"]
        fn += not flagged and r["same"]
        tn += not flagged and not r["same"]
        if flagged != r["same"]:
            wrong.append(f"{s:.3f} {'missed' if r['same'] else 'false alarm'}: {r['note']}")
    return {
        "threshold": threshold,
        "pairs": len(rows),
        "true_pairs": tp + fn,
        "look_alikes": fp + tn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "wrong": wrong,
    }


def timing(clients: int, seed: int = 1) -> dict[str, Any]:
    """Fill a demo case file and time reading all clients vs `likely_pairs`."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "casefile.db"
        conn = connect(db, os.urandom(32))
        prepare(conn, db, folder / "backups")
        store = Store(conn)
        try:
            fill_demo(store, clients, seed, date(2026, 3, 1))
            start = time.perf_counter()
            everyone = list(store.all(Client))
            read = time.perf_counter() - start
            people = {c.id: person_of(c) for c in everyone}
            start = time.perf_counter()
            candidates = len(candidate_pairs(people))
            blocking = time.perf_counter() - start
            start = time.perf_counter()
            pairs = likely_pairs(store)
            total = time.perf_counter() - start
        finally:
            store.close()
    return {
        "clients": clients,
        "read_all_clients_s": read,
        "likely_pairs_s": total,
        "ratio_to_read": total / read,
        "blocking_s": blocking,
        "candidate_pairs": candidates,
        "all_pairs": clients * (clients - 1) // 2,
        "likely_pairs_found": len(pairs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, action="append", metavar="N")
    args = parser.parse_args()
    sizes = args.clients or [5000, 20000]

    q = quality(LIKELY_THRESHOLD)
    print(
        f"labelled pairs: {q['pairs']} ({q['true_pairs']} same person, {q['look_alikes']} "
        f"look-alikes), threshold {q['threshold']}"
    )
    print(f"  precision {q['precision']:.3f}  recall {q['recall']:.3f}")
    for line in q["wrong"]:
        print("  " + line)
    for limit in (0.4, 0.5, 0.6, 0.7, 0.8):
        other = quality(limit)
        print(f"  at {limit:.1f}: precision {other['precision']:.3f}  recall {other['recall']:.3f}")

    timings: list[dict[str, Any]] = []
    for n in sizes:
        t = timing(n)
        timings.append(t)
        print(
            f"{n:>6} clients: likely_pairs {t['likely_pairs_s']:.2f} s, read all clients "
            f"{t['read_all_clients_s']:.2f} s (ratio {t['ratio_to_read']:.1f}x); "
            f"{t['candidate_pairs']} candidate pairs of {t['all_pairs']} "
            f"(blocking {t['blocking_s']:.2f} s), {t['likely_pairs_found']} likely pairs"
        )
    out = HERE / "out" / "duplicates.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"quality": q, "timing": timings}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
