"""Welcome Desk case-file benchmark: absolute times and ratios against plain SQLite in one run.

    uv run python bench/run.py                 # 50,000 clients (a few minutes)
    uv run python bench/run.py --clients 5000  # a quick look

The plain baseline is the same SQLite library (sqlcipher3) without a key, holding the same rows
(copied with sqlcipher_export), so the ratio is the price of encryption alone. Results are printed
and written to bench/out/results.json. Nothing here is asserted: budgets are in DESIGN.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlcipher3

from desktop.domain.model import Client
from desktop.domain.names import fold
from desktop.services.demo import fill_demo
from desktop.store import casefile
from desktop.store.database import CACHE_KIB, connect, prepare
from desktop.store.search import ClientQuery
from desktop.store.store import Store

PASSPHRASE = "benchmark passphrase"
HERE = Path(__file__).resolve().parent


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Seconds per call, `repeat` calls."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def plain_store(path: Path) -> Store:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlcipher3.Row
    conn.execute("PRAGMA temp_store = MEMORY")  # the same settings as the case file, no key
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    prepare(conn, path, path.parent / "backups")
    return Store(conn)


def export_plain(store: Store, target: Path) -> None:
    """Copy every row into an unencrypted database with sqlcipher_export."""
    store.conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    store.conn.execute("SELECT sqlcipher_export('plain')")
    version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    store.conn.execute(f"PRAGMA plain.user_version = {int(version)}")
    store.conn.execute("DETACH DATABASE plain")


def queries(store: Store, n: int, seed: int) -> list[str]:
    """What a coordinator types: 2-6 letters of a name, sometimes two words, folded or not."""
    rng = random.Random(seed)
    sample = store.clients(ClientQuery(limit=5000, offset=0)).clients
    out = []
    for _ in range(n):
        c = rng.choice(sample)
        name = rng.choice([c.family_name, c.given_names or c.family_name])
        start = rng.randrange(max(1, len(name) - 3))
        piece = name[start : start + rng.randint(2, 6)]
        if rng.random() < 0.3:
            piece = fold(piece)
        if rng.random() < 0.15 and c.given_names:
            piece = f"{c.given_names.split()[0][:4]} {c.family_name[:4]}"
        out.append(piece)
    return out


def cold_matcher() -> None:
    """Empty the name matcher's caches (desktop.domain.spellings, .name_match, .scripts)."""
    from desktop.domain import name_match, scripts, similarity, spellings

    for module in (spellings, name_match, similarity, scripts):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def search_latency(store: Store, texts: list[str]) -> list[float]:
    out = []
    for text in texts:
        start = time.perf_counter()
        store.clients(ClientQuery(text=text, limit=50))
        out.append(time.perf_counter() - start)
    return out


def open_case(store: Store, client_id: str) -> None:
    """Everything the case workspace shows."""
    from desktop.domain.model import (
        Appointment,
        DocumentItem,
        IntegrationPlan,
        Note,
        SupportLink,
    )

    store.get(Client, client_id)
    plans = store.of_client(IntegrationPlan, client_id)
    goals = store.goals_of([p.id for p in plans])
    store.measures_of([g.id for g in goals])
    for cls in (DocumentItem, Appointment, Note, SupportLink):
        store.of_client(cls, client_id)


def mixed_workload(store: Store, seed: int) -> float:
    """Inserts, point lookups, edits, searches and case openings: seconds in all."""
    import dataclasses

    rng = random.Random(seed)
    start = time.perf_counter()
    fill_demo(store, 400, seed, date(2026, 11, 21))
    ids = [c.id for c in store.clients(ClientQuery(limit=400)).clients]
    for _ in range(2000):
        store.get(Client, rng.choice(ids))
    for i in range(300):
        client = store.get(Client, rng.choice(ids))
        with store.transaction() as tx:
            tx.update(dataclasses.replace(client, phone=f"+49 151 {i:06d}"))
    for text in ("mo", "ahm", "kov", "sahin", "ali", "ukr", "ann", "hus"):
        store.clients(ClientQuery(text=text, limit=50))
    for client_id in ids[:200]:
        open_case(store, client_id)
    return time.perf_counter() - start


def memory_probe(data_dir: Path, texts: list[str]) -> float:
    """Peak resident memory (MB) of a fresh process that unlocks, searches and opens cases."""
    code = f"""
import resource, sys
sys.path.insert(0, {str(HERE.parent)!r})
sys.path.insert(0, {str(HERE)!r})
from pathlib import Path
from desktop.store import casefile
from desktop.store.search import ClientQuery
from run import open_case
store = casefile.unlock(Path({str(data_dir)!r}), passphrase={PASSPHRASE!r})
page = store.clients(ClientQuery(limit=200))
for t in {texts!r}:
    store.clients(ClientQuery(text=t, limit=50))
for c in page.clients:
    open_case(store, c.id)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, encoding="utf-8", check=True
    )
    return int(out.stdout.strip()) / 1024


WINDOW_PROBE = """
import sys, time
start = time.perf_counter()
sys.path.insert(0, {repo!r})
from desktop.__main__ import main
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow

times = {{}}


class Watch(QObject):
    # Sees every event of the app: no polling timer competes with the app's own threads.
    def eventFilter(self, obj, event):
        kind = event.type()
        if kind == QEvent.Type.Show and "prompt" not in times and isinstance(obj, QDialog):
            times["prompt"] = time.perf_counter() - start
            field = next(
                f for f in obj.findChildren(QLineEdit)
                if f.echoMode() == QLineEdit.EchoMode.Password
            )
            field.setText({passphrase!r})

            def enter():
                times["unlock"] = time.perf_counter()
                obj.accept()

            QTimer.singleShot({typing_ms}, enter)
        elif kind == QEvent.Type.Paint and "unlock" in times and "window" not in times:
            window = obj.window() if hasattr(obj, "window") else None
            if isinstance(window, QMainWindow) and window.isVisible():
                if window.case_list.model.rowCount() > 0:
                    times["window"] = time.perf_counter() - times["unlock"]
                    print(times["prompt"], times["window"], flush=True)
                    QTimer.singleShot(0, window.close)
                    QTimer.singleShot(0, QApplication.instance().quit)
        return False


app = QApplication([sys.argv[0]])
watch = Watch()
app.installEventFilter(watch)
main(["--data-dir", {root!r}])
"""


def window_times(data_dir: Path, typing_ms: int = 0) -> tuple[float, float]:
    """(process start to unlock prompt, unlock to main window with the case list) in seconds.

    The real start of the app (`desktop.__main__.main`, as `main.py` runs it) in a fresh
    process, watched by an event filter: the first is measured from the interpreter running the
    probe's first line (its own start, about 20 ms here, is left out), the second from Enter in
    the unlock dialog to the window painted with the first page of the case list. `typing_ms`:
    how long after the prompt appeared the passphrase is entered (the window's modules load in
    the background meanwhile; 0 is a passphrase pasted at once).
    """
    code = WINDOW_PROBE.format(
        repo=str(HERE.parent), root=str(data_dir), passphrase=PASSPHRASE, typing_ms=typing_ms
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, encoding="utf-8", check=True, env=env
    )
    prompt, window = out.stdout.split()
    return float(prompt), float(window)


def start_time() -> float:
    """Seconds to import the CLI and print help: the cost of starting from a source checkout."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop", "--help"],
        capture_output=True,
        check=True,
        cwd=HERE.parent,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the generated case files")
    args = parser.parse_args()
    results: dict[str, object] = {"clients": args.clients}
    work = Path(tempfile.mkdtemp(prefix="wd-bench-"))
    enc_dir, plain_path = work / "encrypted", work / "plain.db"
    try:
        print(f"Welcome Desk bench: {args.clients} clients, {args.queries} queries, in {work}")
        store, _kf, _rk = casefile.create(enc_dir, PASSPHRASE)

        start = time.perf_counter()
        fill_demo(store, args.clients, args.seed, date(2026, 11, 21))
        demo_s = time.perf_counter() - start
        counts = store.counts()
        rows = sum(counts.by_entity.values())
        results.update(demo_seconds=demo_s, rows=rows, changes=counts.changes)
        print(
            f"demo --clients {args.clients}: {demo_s:.1f} s ({rows} rows, "
            f"{counts.changes} change rows, {rows / demo_s:,.0f} rows/s)"
        )
        export_plain(store, plain_path)
        store.close()
        db_mb = (enc_dir / "casefile.db").stat().st_size / 1e6
        results["db_mb"] = db_mb
        print(f"case file size: {db_mb:.0f} MB")

        unlock = timed(lambda: casefile.unlock(enc_dir, passphrase=PASSPHRASE).close(), 5)
        key = casefile.load_keyfile(enc_dir).unlock_with_passphrase(PASSPHRASE)
        raw = timed(lambda: Store(_prepared(enc_dir, key)).close(), 20)
        plain_open = timed(lambda: plain_store(plain_path).close(), 20)
        ready = timed(lambda: _unlock_to_first_page(enc_dir), 5)
        results.update(
            unlock_passphrase=statistics.median(unlock),
            open_raw_key=statistics.median(raw),
            open_plain=statistics.median(plain_open),
            unlock_to_first_page=statistics.median(ready),
        )
        print(f"unlock with passphrase (Argon2id + open): {ms(statistics.median(unlock))}")
        print(
            f"open with raw key: {ms(statistics.median(raw))}   plain open: "
            f"{ms(statistics.median(plain_open))}"
        )
        print(f"unlock to first page of the case list: {ms(statistics.median(ready))}")

        enc = casefile.unlock(enc_dir, passphrase=PASSPHRASE)
        plain = plain_store(plain_path)
        texts = queries(enc, args.queries, args.seed)
        search_latency(enc, texts[:20])  # warm both caches alike
        search_latency(plain, texts[:20])
        # The name matcher caches words it has seen (issue 16): each run starts with it cold,
        # else the second would find every word of the first in the cache.
        cold_matcher()
        s_enc = search_latency(enc, texts)
        cold_matcher()
        s_plain = search_latency(plain, texts)
        results.update(
            search_p50=pct(s_enc, 50),
            search_p95=pct(s_enc, 95),
            plain_search_p50=pct(s_plain, 50),
            plain_search_p95=pct(s_plain, 95),
            search_ratio_p95=pct(s_enc, 95) / pct(s_plain, 95),
        )
        print(f"search p50 {ms(pct(s_enc, 50))}  p95 {ms(pct(s_enc, 95))}  max {ms(max(s_enc))}")
        print(
            f"plain  p50 {ms(pct(s_plain, 50))}  p95 {ms(pct(s_plain, 95))}  "
            f"ratio p95 {pct(s_enc, 95) / pct(s_plain, 95):.2f}x"
        )
        ids = [c.id for c in enc.clients(ClientQuery(limit=200, offset=1000)).clients]
        case_enc = [t for i in ids for t in timed(lambda i=i: open_case(enc, i), 1)]
        case_plain = [t for i in ids for t in timed(lambda i=i: open_case(plain, i), 1)]
        results.update(open_case_p95=pct(case_enc, 95), plain_open_case_p95=pct(case_plain, 95))
        print(
            f"open a case (all tabs) p95 {ms(pct(case_enc, 95))}  plain {ms(pct(case_plain, 95))}"
        )
        enc.close()
        plain.close()

        mixed_enc_dir, mixed_plain = work / "mixed-enc", work / "mixed-plain" / "p.db"
        mixed_enc_dir.mkdir()
        mixed_plain.parent.mkdir()
        cold_matcher()  # both runs start with the name matcher's caches empty
        t_enc = mixed_workload(_fresh_encrypted(mixed_enc_dir), args.seed)
        cold_matcher()
        t_plain = mixed_workload(plain_store(mixed_plain), args.seed)
        results.update(mixed_encrypted=t_enc, mixed_plain=t_plain, mixed_ratio=t_enc / t_plain)
        print(
            f"mixed workload: encrypted {t_enc:.2f} s, plain {t_plain:.2f} s, "
            f"ratio {t_enc / t_plain:.2f}x"
        )

        windows = [window_times(enc_dir, typing_ms=1500) for _ in range(3)]
        prompt_s = statistics.median(w[0] for w in windows)
        window_s = statistics.median(w[1] for w in windows)
        results.update(start_to_unlock_prompt=prompt_s, unlock_to_main_window=window_s)
        print(
            f"window: start to unlock prompt {ms(prompt_s)}, unlock to main window with "
            f"the case list {ms(window_s)}"
        )
        mem = memory_probe(enc_dir, texts)
        results["peak_memory_mb"] = mem
        print(f"peak memory, unlocked with {args.clients} clients, searching: {mem:.0f} MB")
        results["start_seconds"] = statistics.median(timed(start_time, 3))
        print(f"start (python -m desktop --help): {ms(results['start_seconds'])}")  # type: ignore[arg-type]
        results["bench_peak_memory_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"results written to {out / 'results.json'}")
    return 0


def _prepared(folder: Path, key: bytes) -> sqlcipher3.Connection:
    conn = connect(folder / "casefile.db", key)
    prepare(conn, folder / "casefile.db", folder / "backups")
    return conn


def _fresh_encrypted(folder: Path) -> Store:
    return Store(_prepared(folder, os.urandom(32)))


def _unlock_to_first_page(folder: Path) -> None:
    store = casefile.unlock(folder, passphrase=PASSPHRASE)
    store.clients(ClientQuery(limit=100))
    store.close()


if __name__ == "__main__":
    sys.exit(main())
