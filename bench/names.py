"""Names across spellings and scripts: precision and recall of the case-list search, the
new-client warning and the duplicates report on the labelled set tests/fixtures/names_eval.json,
and whether the three agree on each pair.

    uv run python bench/names.py            # all pairs (about a minute)
    uv run python bench/names.py --show 20  # and list 20 pairs each consumer gets wrong

Each pair is judged on a real encrypted case file that holds the stored name alone (so that the
decision, not the ranking among look-alikes, is measured): the search is asked for the typed
name, the warning is asked about a new person with the typed name, and the report scores the two
records. Both records have the same birth date and nationality, so the names decide. Results are
printed and written to bench/out/names.json. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.domain.similarity import person_of
from desktop.services import casework
from desktop.services.duplicates import likely_existing_matches, score_people
from desktop.store.database import connect, prepare
from desktop.store.search import ClientQuery
from desktop.store.store import Store

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "tests" / "fixtures" / "names_eval.json"
BORN = PartialDate(1990, 5, 17)
FILLER = "Qzxv"  # the other name part of a pair that names one part only


@dataclass(frozen=True)
class Verdicts:
    search: bool
    warning: bool
    report: bool


def pairs() -> list[dict[str, Any]]:
    return list(json.loads(FIXTURE.read_text(encoding="utf-8"))["pairs"])


def record(name: str, part: str) -> Client:
    """A client record carrying `name` as the pair's part says."""
    if part == "given":
        return Client(FILLER, name, birth_date=BORN, nationality="SY")
    if part == "family":
        return Client(name, FILLER, birth_date=BORN, nationality="SY")
    family, comma, given = name.partition(",")
    if not comma:  # "Given Family"
        *given_words, family = name.split() or [name]
        given = " ".join(given_words)
    return Client(family.strip() or name, given.strip(), birth_date=BORN, nationality="SY")


def search_text(query: str, part: str) -> str:
    return f"{query} {FILLER}" if part in ("given", "family") else query


def verdicts(store: Store, pair: dict[str, Any]) -> Verdicts:
    stored = record(pair["name"], pair["part"])
    typed = record(pair["query"], pair["part"])
    casework.add(store, stored)
    try:
        page = store.clients(ClientQuery(text=search_text(pair["query"], pair["part"])))
        found = stored.id in {c.id for c in page.clients} - page.partial  # found as a name
        warned = stored.id in {c.id for c, _ in likely_existing_matches(store, typed)}
        # the report's own path: its blocks, then the scorer
        pair = {stored.id: person_of(stored), typed.id: person_of(typed)}
        reported = bool(score_people(pair))
    finally:
        casework.remove(store, Client, stored.id)
    return Verdicts(found, warned, reported)


def open_store(folder: Path) -> Store:
    db = folder / "casefile.db"
    conn = connect(db, os.urandom(32))
    prepare(conn, db, folder / "backups")
    return Store(conn)


def figures(judged: list[tuple[dict[str, Any], Verdicts]], consumer: str) -> dict[str, float]:
    tp = sum(p["same"] and getattr(v, consumer) for p, v in judged)
    fp = sum(not p["same"] and getattr(v, consumer) for p, v in judged)
    fn = sum(p["same"] and not getattr(v, consumer) for p, v in judged)
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "false_positives": fp,
        "false_negatives": fn,
    }


def judge_all(folder: Path) -> Iterator[tuple[dict[str, Any], Verdicts]]:
    store = open_store(folder)
    try:
        for pair in pairs():
            yield pair, verdicts(store, pair)
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        judged = list(judge_all(Path(tmp)))
    seconds = time.perf_counter() - start
    same = sum(p["same"] for p, _ in judged)
    print(f"{len(judged)} pairs ({same} same, {len(judged) - same} different), {seconds:.0f} s")
    out: dict[str, Any] = {"pairs": len(judged), "same": same}
    for consumer in ("search", "warning", "report"):
        f = figures(judged, consumer)
        out[consumer] = f
        print(
            f"  {consumer:8} precision {f['precision']:.3f}  recall {f['recall']:.3f}"
            f"  (false positives {f['false_positives']}, false negatives {f['false_negatives']})"
        )
    by_origin: dict[str, Counter[str]] = {}
    for p, v in judged:
        c = by_origin.setdefault(p["origin"], Counter())
        c["pairs"] += 1
        c["right"] += v.report == p["same"]
        c["search_right"] += v.search == p["same"]
    for origin, c in sorted(by_origin.items()):
        print(
            f"  {origin:17} {c['pairs']:4} pairs: report right {c['right'] / c['pairs']:.2f},"
            f" search right {c['search_right'] / c['pairs']:.2f}"
        )
    disagree = [(p, v) for p, v in judged if len({v.search, v.warning, v.report}) > 1]
    out["disagreements"] = len(disagree)
    print(f"  the three disagree on {len(disagree)} of {len(judged)} pairs")
    for consumer in ("search", "warning", "report") if args.show else ():
        wrong = [(p, v) for p, v in judged if getattr(v, consumer) != p["same"]][: args.show]
        print(f"  {consumer} gets wrong:")
        for p, v in wrong:
            print(f"    {p['query']!r} ~ {p['name']!r} same={p['same']} {v}")
    if args.show:
        for p, v in disagree[: args.show]:
            print(f"    disagree: {p['query']!r} ~ {p['name']!r} same={p['same']} {v}")
    target = HERE / "out" / "names.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
