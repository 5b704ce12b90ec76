"""The child side of test_kill.py: a `sync import` in a process of its own that stops dead at
its Nth SQL statement (just before or just after it runs) and waits there to be killed.

The import's code is not touched: only the connection class counts statements. At the chosen
statement the child tells the test and blocks; the test then kills it with `Process.kill()`
(SIGKILL on POSIX, TerminateProcess on Windows), so nothing after that statement ever runs.
The count run ("count") notes, without changing anything, where the blob is stored, where the
merge finishes and where COMMIT is. Imported by the test and, for a quick start, by the
processes that run the imports; the counting is only switched on inside `run`.
"""

from __future__ import annotations

import os
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import sqlcipher3

from desktop.services import sync
from desktop.store.changelog.transaction import Transaction
from desktop.store.database import connect, prepare
from desktop.store.store import Store
from desktop.store.sync_merge.merger import Merger


class Job:
    """What one child does: count statements and stop at statement `n` ("before"/"after")."""

    def __init__(self, pipe: Connection, mode: str, n: int) -> None:
        self.pipe, self.mode, self.n = pipe, mode, n
        self.calls = 0
        self.armed = False
        self.marks: dict[str, list[int]] = {"put_blob": [], "finish": [], "commit": []}
        self.wal: int | None = None

    def counted(self, sql: str) -> bool:
        """Count a statement; stop here if it is the one "before"; True: stop right after it."""
        if not self.armed:
            return False
        self.calls += 1
        if sql.strip().upper() == "COMMIT":
            self.marks["commit"].append(self.calls)
        if self.mode == "before" and self.calls == self.n:
            self.wait_to_be_killed()
        return self.mode == "after" and self.calls == self.n

    def wait_to_be_killed(self) -> None:
        self.pipe.send(("reached", self.calls))
        try:
            self.pipe.recv()  # nothing is ever sent: the test kills this process now
        finally:
            os._exit(3)  # the test went away: still never run another statement


JOB: Job | None = None


class Counting(sqlcipher3.Connection):
    def execute(self, sql: str, *args: Any) -> Any:
        assert JOB is not None
        stop = JOB.counted(sql)
        result = super().execute(sql, *args)
        if stop:
            JOB.wait_to_be_killed()
        return result

    def executemany(self, sql: str, *args: Any) -> Any:
        assert JOB is not None
        stop = JOB.counted(sql)
        result = super().executemany(sql, *args)
        if stop:
            JOB.wait_to_be_killed()
        return result


def observe(job: Job, db: Path) -> None:
    """The count run only: note (never change) where the blob goes and the merge ends."""

    def noting(name: str, original: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            job.marks[name].append(job.calls + 1)
            return original(*args, **kwargs)

        return wrapper

    Transaction.put_blob = noting("put_blob", Transaction.put_blob)  # type: ignore[method-assign]
    Merger.finish = noting("finish", Merger.finish)  # type: ignore[method-assign]
    scrub = Store.scrub

    def noting_the_wal(store: Store) -> Any:  # after an erasure the import scrubs: WAL first
        job.wal = wal_size(db)
        return scrub(store)

    Store.scrub = noting_the_wal  # type: ignore[method-assign]


def wal_size(db: Path) -> int:
    wal = Path(str(db) + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def run(pipe: Connection, folder: str, key_hex: str, bundle: str, mode: str, n: int) -> None:
    """Import `bundle` into the case file in `folder`; answer on `pipe` (the process target)."""
    global JOB
    try:
        JOB = job = Job(pipe, mode, n)
        original = sqlcipher3.connect
        sqlcipher3.connect = lambda *a, **k: original(*a, factory=Counting, **k)
        db = Path(folder) / "casefile.db"
        if mode == "count":
            observe(job, db)
        conn = connect(db, bytes.fromhex(key_hex))
        prepare(conn, db, Path(folder) / "backups")
        store = Store(conn)
        job.armed = True
        summary = sync.import_file(store, Path(bundle))
        job.armed = False
        wal = job.wal if job.wal is not None else wal_size(db)
        store.close()
        result = {"calls": job.calls, "marks": job.marks, "applied": summary.applied, "wal": wal}
        pipe.send(("done", result))
    except BaseException:
        pipe.send(("error", traceback.format_exc()))
