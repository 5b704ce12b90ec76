"""`demo` is all or nothing, and the window's demo (committed in chunks so that it can be
cancelled) commits whole households: a kill, a full disk or a cancel never leaves a household
without its clients.

Kills are real: `fill_demo` runs in a child process (tests/services/killed_demo.py) that is
killed with `Process.kill()` at a random insert, then the case file is opened again.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.errors import StorageFailed
from desktop.services.demo import fill_demo
from desktop.store.database import connect, prepare
from desktop.store.store import Store
from tests.services import killed_demo

TODAY = date(2026, 11, 21)
TIMEOUT = 120
CLIENTS = 120


def open_store(folder: Path, key: bytes) -> Store:
    db = folder / "casefile.db"
    conn = connect(db, key)
    prepare(conn, db, folder / "backups")
    return Store(conn)


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Path, bytes]]:
    folder = tmp_path / "data"
    folder.mkdir()
    key = os.urandom(32)
    open_store(folder, key).close()
    yield folder, key


def census(folder: Path, key: bytes) -> dict[str, int]:
    """Clients, households, and households that no client belongs to."""
    store = open_store(folder, key)
    try:
        one = lambda sql: int(store.conn.execute(sql).fetchone()[0])  # noqa: E731
        return {
            "clients": one("SELECT count(*) FROM client"),
            "households": one("SELECT count(*) FROM household"),
            "empty_households": one(
                "SELECT count(*) FROM household h"
                " WHERE NOT EXISTS (SELECT 1 FROM client c WHERE c.household_id = h.id)"
            ),
            "clients_in_missing_households": one(
                "SELECT count(*) FROM client c WHERE c.household_id IS NOT NULL"
                " AND NOT EXISTS (SELECT 1 FROM household h WHERE h.id = c.household_id)"
            ),
        }
    finally:
        store.close()


def start_method() -> str:
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def killed_at(folder: Path, key: bytes, n: int, chunk: int) -> str:
    """Run the demo in a child and kill it at insert `n`; "killed" or "done"."""
    context = multiprocessing.get_context(start_method())
    if start_method() == "forkserver":
        context.set_forkserver_preload([killed_demo.__name__, "pytest"])
    pipe, theirs = context.Pipe()
    args = (theirs, str(folder), key.hex(), CLIENTS, chunk, n)
    process = context.Process(target=killed_demo.run, args=args, daemon=True)
    process.start()
    theirs.close()
    try:
        assert pipe.poll(TIMEOUT), "the demo neither finished nor stopped at its insert"
        kind, value = pipe.recv()
        assert kind != "error", value
        if kind == "reached":
            process.kill()
        process.join(TIMEOUT)
        if kind == "reached":
            expected = -signal.SIGTERM if sys.platform == "win32" else -signal.SIGKILL
            assert process.exitcode == expected
            return "killed"
        return "done"
    finally:
        pipe.close()


@pytest.mark.parametrize("chunk", [0, 25], ids=["one transaction", "window chunks"])
def test_a_demo_killed_at_random_points_leaves_no_half_household(
    case: tuple[Path, bytes], tmp_path: Path, chunk: int
) -> None:
    rng = random.Random()
    folder, key = case
    # 120 clients make about 1,750 inserts (organisations, households, the cases' objects)
    for n in sorted(rng.sample(range(2, 1_700), 4)):
        work = tmp_path / f"kill-{chunk}-{n}"
        work.mkdir()
        (work / "casefile.db").write_bytes((folder / "casefile.db").read_bytes())
        assert killed_at(work, key, n, chunk) == "killed"
        found = census(work, key)
        assert found["empty_households"] == 0, (n, found)
        assert found["clients_in_missing_households"] == 0, (n, found)
        if chunk == 0:  # the command line: nothing at all
            assert found == dict.fromkeys(found, 0), (n, found)
        else:  # the window: what was committed stays, whole households
            assert found["clients"] < CLIENTS, (n, found)


def test_a_full_disk_during_the_demo_leaves_the_case_file_as_it_was(
    case: tuple[Path, bytes],
) -> None:
    folder, key = case
    store = open_store(folder, key)
    try:
        fill_demo(store, 5, 2, TODAY)
        before = census_of(store)
        pages = int(store.conn.execute("PRAGMA page_count").fetchone()[0])
        store.conn.execute(f"PRAGMA max_page_count = {pages + 40}")  # room for a few clients
        with pytest.raises(StorageFailed) as caught:
            fill_demo(store, CLIENTS, 1, TODAY)
        assert caught.value.reason == "full"
        assert census_of(store) == before
    finally:
        store.close()
    assert census(folder, key)["clients"] == 5


def test_a_full_disk_during_the_windows_demo_keeps_whole_households(
    case: tuple[Path, bytes],
) -> None:
    folder, key = case
    store = open_store(folder, key)
    try:
        pages = int(store.conn.execute("PRAGMA page_count").fetchone()[0])
        store.conn.execute(f"PRAGMA max_page_count = {pages + 150}")
        with pytest.raises(StorageFailed):
            fill_demo(store, CLIENTS, 1, TODAY, chunk=10)
    finally:
        store.close()
    found = census(folder, key)
    assert 0 < found["clients"] < CLIENTS  # some chunks went in before the disk was full
    assert found["empty_households"] == 0 and found["clients_in_missing_households"] == 0


def census_of(store: Store) -> tuple[Any, ...]:
    return tuple(
        store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("client", "household", "organisation", "plan", "note", "change", "audit")
    )


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="a full disk is imitated with a file-size limit (RLIMIT_FSIZE), which Windows lacks; "
    "the max_page_count tests above are the Windows case",
)
def test_the_demo_command_on_a_full_disk_changes_nothing(
    cli, initialised: str, data_dir: Path, snapshot
) -> None:
    before = snapshot(data_dir)
    limit = (data_dir / "casefile.db").stat().st_size * 4

    def limit_file_size() -> None:  # Python ignores SIGXFSZ: writes past it fail with EFBIG
        import resource  # POSIX only

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = cli("demo", "--clients", "300", preexec_fn=limit_file_size)
    assert result.returncode == 1, result
    assert "nothing was saved" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(data_dir) == before
