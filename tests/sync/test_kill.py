"""A `sync import` killed outright (as a power cut or the task manager would) leaves the case
file either exactly as before the import or exactly as after it, and it opens fine.

A child process imports a real bundle of a few thousand changes into a copy of a real case file
and stops at its Nth SQL statement (just before or just after it runs; the import's code is not
touched: only the connection class counts statements, see killed_import.py); the test then kills
it with `Process.kill()`: SIGKILL on POSIX, TerminateProcess on Windows. One run without a kill
first counts the statements and notes where the blob is stored, where the merge finishes and
where COMMIT is, so that the kill points cover the whole import, its last steps and the commit.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import shutil
import signal
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.catalogues import DocumentKind
from desktop.domain.model import Client, DocumentItem
from desktop.services import attachments, casework, sync
from desktop.services.demo import fill_demo
from desktop.services.export import case_data
from tests.sync import killed_import
from tests.sync.devices import shared_client

KILL_POINTS = 44  # spread over the import, besides the named points around blob, finish, commit
SLOW_KILL_POINTS = 200
TIMEOUT = 120


def start_method() -> str:
    """A fork server (the imports loaded once, a fork per child) where there is one; else spawn."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def killed_code() -> int:
    """The exit code of a process ended by `Process.kill()`."""
    if sys.platform == "win32":  # TerminateProcess; multiprocessing reports it as -SIGTERM
        return -signal.SIGTERM
    return -signal.SIGKILL


class Child:
    """One `sync import` in a process of its own (tests/sync/killed_import.py)."""

    def __init__(self, prepared: Prepared, folder: Path, mode: str, n: int = 0) -> None:
        context = multiprocessing.get_context(start_method())
        if start_method() == "forkserver":
            # loaded once by the server; each child also runs the parent's main script (pytest's)
            context.set_forkserver_preload([killed_import.__name__, "pytest"])
        self.pipe, theirs = context.Pipe()
        args = (theirs, str(folder), prepared.key.hex(), str(prepared.bundle), mode, n)
        self.process = context.Process(target=killed_import.run, args=args, daemon=True)
        self.process.start()
        theirs.close()

    def finish(self) -> tuple[str, Any]:
        """("killed", statement) once it stopped at its statement and was killed; ("done",
        result) if it finished; ("died", exit code) if it ended unasked."""
        if not self.pipe.poll(TIMEOUT):
            self.kill()
            pytest.fail("the import neither finished nor stopped at its statement")
        try:
            kind, value = self.pipe.recv()
        except EOFError:
            kind, value = "died", None
        if kind == "reached":
            self.kill()
        self.process.join(TIMEOUT)
        self.pipe.close()
        assert kind != "error", value
        if kind == "reached":
            assert self.process.exitcode == killed_code()
            return "killed", value
        return kind, value if kind == "done" else self.process.exitcode

    def kill(self) -> None:
        """Kill the process outright (SIGKILL on POSIX, TerminateProcess on Windows)."""
        self.process.kill()
        self.process.join(TIMEOUT)


@dataclasses.dataclass
class Prepared:
    """A receiving case file (closed, WAL folded in), a bundle for it, and both outcomes."""

    folder: Path
    key: bytes
    bundle: Path
    old: dict[str, Any]
    new: dict[str, Any]
    count: dict[str, Any]
    work: Path
    desk_class: Any

    def copy(self, name: str) -> Path:
        target = self.work / name
        shutil.copytree(self.folder, target)
        return target

    def child(self, folder: Path, mode: str, n: int = 0) -> Child:
        """A child process of its own that imports the bundle into `folder`."""
        return Child(self, folder, mode, n)

    def outcome(self, folder: Path) -> dict[str, Any]:
        """Open the case file as the app would, check it, and describe what it holds."""
        d = self.desk_class("Anna", folder, self.key)
        try:
            integrity = d.store.conn.execute("PRAGMA integrity_check").fetchall()
            assert [tuple(r) for r in integrity] == [("ok",)], integrity
            return describe(d.store)
        finally:
            d.store.close()


def describe(store) -> dict[str, Any]:
    """The case data, the size of the log, the conflict list and the bookkeeping of the import."""
    conn = store.conn
    return {
        "case_data": case_data(store),
        "changes": conn.execute("SELECT count(*) FROM change").fetchone()[0],
        "conflicts": sorted(
            (c.kind, c.entity, c.row_id, c.field_group, c.lost_value, c.won_value)
            for c in store.sync_state.conflicts(open_only=False)
        ),
        "seen": conn.execute("SELECT count(*) FROM bundle_seen").fetchone()[0],
        "vector": sorted(tuple(r) for r in conn.execute("SELECT device_id, last_seq FROM device")),
        "acked": [c.acked for c in store.sync_state.colleagues()],
    }


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, desk_class) -> Prepared:
    """Anna and Bea share some clients; both edit them; Bea adds a few thousand changes more
    (demo cases, edits, deletes, erasures, a scan); the bundle goes to a closed copy of Anna's."""
    root = tmp_path_factory.mktemp("kill")
    anna, bea = desk_class("Anna", root / "anna"), desk_class("Bea", root / "bea")
    sync.add_colleague(anna.store, "Bea", bea.identity())
    sync.add_colleague(bea.store, "Anna", anna.identity())
    shared = [shared_client(f"Shared{i:02d}", "Given", phone="+49 30 1") for i in range(30)]
    casework.add(bea.store, *shared)
    first = root / "first.wdb"
    sync.export_for(bea.store, "Anna", first)
    sync.import_file(anna.store, first)
    for c in shared[:10]:  # Anna's edits, concurrent with Bea's below
        casework.save(anna.store, dataclasses.replace(c, phone="+49 30 anna"))
    casework.add(anna.store, *(shared_client(f"Anna{i}", "Own") for i in range(5)))
    for c in shared[:20]:
        casework.save(bea.store, dataclasses.replace(c, phone="+49 30 bea"))
    for c in shared[20:23]:
        casework.remove(bea.store, Client, c.id)
    for c in shared[23:25]:
        casework.erase_client(bea.store, c.id)
    fill_demo(bea.store, 50, 11, date(2026, 3, 2))
    passport = DocumentItem(shared[25].id, DocumentKind.PASSPORT)
    casework.add(bea.store, passport)
    scan = root / "passport.jpg"
    scan.write_bytes(os.urandom(40_000))
    attachments.attach_file(bea.store, passport.id, scan)
    bundle = root / "second.wdb"
    exported = sync.export_for(bea.store, "Anna", bundle)
    assert exported.changes > 2_000 and exported.blobs == 1
    bea.close()
    anna.close()

    prepared = Prepared(anna.folder, anna.key, bundle, {}, {}, {}, root, desk_class)
    prepared.old = prepared.outcome(anna.folder)
    counted_folder = prepared.copy("counted")
    kind, prepared.count = prepared.child(counted_folder, "count").finish()
    assert kind == "done"
    prepared.new = prepared.outcome(counted_folder)
    # an in-process import reaches the same state as the child's
    reference = desk_class("Anna", prepared.copy("reference"), anna.key)
    summary = sync.import_file(reference.store, bundle)
    assert summary.conflicts > 0 and summary.applied == prepared.count["applied"] > 2_000
    assert describe(reference.store) == prepared.new
    reference.store.close()
    changed = {k for k in prepared.old if prepared.old[k] != prepared.new[k]}
    assert changed == set(prepared.old), f"the bundle must change all of these, not only {changed}"
    return prepared


def kill_points(count: dict[str, Any], spread: int) -> list[tuple[str, int]]:
    """(mode, n): `spread` points over the whole import plus the named ones."""
    total = count["calls"]
    marks = count["marks"]
    assert len(marks["commit"]) == 1 and len(marks["finish"]) == 1 and marks["put_blob"]
    commit, finish, blob = marks["commit"][0], marks["finish"][0], marks["put_blob"][0]
    points = {
        ("before" if i % 2 else "after", 1 + i * (total - 1) // (spread - 1)) for i in range(spread)
    }
    points |= {("before", 1), ("after", 1), ("before", 2)}
    points |= {("before", blob), ("after", blob), ("after", blob + 1)}
    points |= {(m, finish + i) for m in ("before", "after") for i in range(4)}
    points |= {(m, commit - i) for m in ("before", "after") for i in range(4)}
    points |= {("before", commit), ("after", commit)}
    return sorted(p for p in points if 1 <= p[1] <= total)


def run_kills(prepared: Prepared, points: list[tuple[str, int]], tag: str) -> dict[str, int]:
    """Kill an import at each point (two at a time) and check what each one left behind."""
    commit = prepared.count["marks"]["commit"][0]
    pending = list(points)
    running: list[tuple[tuple[str, int], Path, Child]] = []
    tally = {"old": 0, "new": 0}
    try:
        while pending or running:
            while pending and len(running) < 2:
                mode, n = pending.pop(0)
                folder = prepared.copy(f"{tag}-{mode}-{n}")
                running.append(((mode, n), folder, prepared.child(folder, mode, n)))
            (mode, n), folder, child = running.pop(0)
            assert child.finish() == ("killed", n), f"{mode} {n}: the import was not killed"
            state = prepared.outcome(folder)
            committed = n > commit or (n == commit and mode == "after")
            expected = "new" if committed else "old"
            if state != getattr(prepared, expected):
                other = "old" if committed else "new"
                found = f"the {other} state" if state == getattr(prepared, other) else "a mix"
                pytest.fail(f"killed {mode} statement {n} (COMMIT is {commit}): {found}")
            tally[expected] += 1
            shutil.rmtree(folder)
    finally:
        for _, _, child in running:
            child.kill()
            child.pipe.close()
    return tally


def test_the_count_run_covers_blob_merge_and_commit(prepared):
    count = prepared.count
    marks = count["marks"]
    # The merge reads and writes a batch of up to 1,000 changes at a time (one query for the
    # history of its rows, one INSERT for its change rows, one per table for its rows), so there
    # are far fewer statements than changes: still well more than the points to kill it at.
    assert count["calls"] > 2 * KILL_POINTS
    assert marks["put_blob"][0] < marks["finish"][0] < marks["commit"][0] <= count["calls"]
    # after the commit only the scrub that an erasure in the bundle asks for: no COMMIT of its own
    assert len(marks["commit"]) == 1


def test_a_killed_import_leaves_the_old_or_the_new_state(prepared):
    points = kill_points(prepared.count, KILL_POINTS)
    assert len(points) >= 50

    tally = run_kills(prepared, points, "kill")

    assert tally["old"] >= 45 and tally["new"] >= 1


def test_after_a_kill_the_import_can_simply_be_run_again(prepared):
    commit = prepared.count["marks"]["commit"][0]
    for mode, n in [("after", prepared.count["calls"] // 2), ("before", commit)]:
        folder = prepared.copy(f"again-{mode}-{n}")
        assert prepared.child(folder, mode, n).finish() == ("killed", n)
        assert prepared.outcome(folder) == prepared.old

        d = prepared.desk_class("Anna", folder, prepared.key)
        try:
            summary = sync.import_file(d.store, prepared.bundle)
            assert summary.applied == prepared.count["applied"]
            assert describe(d.store) == prepared.new
        finally:
            d.store.close()


def test_a_kill_while_the_commit_writes_the_wal_leaves_the_old_or_the_new_state(prepared):
    # Where exactly the kill lands depends on timing; either outcome is fine, a mix is not.
    full_wal = prepared.count["wal"]
    assert full_wal > 100_000
    killed = 0
    for share in (0.1, 0.5, 0.9, 1.0):
        folder = prepared.copy(f"wal-{share}")
        wal = folder / "casefile.db-wal"
        child = prepared.child(folder, "none")
        while child.process.is_alive():
            if (wal.stat().st_size if wal.exists() else 0) >= full_wal * share:
                child.kill()
                break
            time.sleep(0)
        if child.process.exitcode == killed_code():
            killed += 1
            child.pipe.close()
        else:  # it was quicker than the test
            assert child.finish()[0] == "done"
        state = prepared.outcome(folder)
        assert state in (prepared.old, prepared.new), f"a mixed state after a kill at {share}"
    assert killed >= 1, "no child was caught while writing"


@pytest.mark.slow
def test_many_more_kill_points(prepared):
    points = kill_points(prepared.count, SLOW_KILL_POINTS)

    tally = run_kills(prepared, points, "slow")

    assert tally["old"] + tally["new"] == len(points) >= SLOW_KILL_POINTS
