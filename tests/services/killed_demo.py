"""The child side of test_demo_whole.py: `fill_demo` in a process of its own that stops dead at
its Nth insert and waits there to be killed with `Process.kill()` (SIGKILL on POSIX,
TerminateProcess on Windows), so nothing after that insert ever runs.

The page cache is made small, so that the open transaction's pages already spill into the WAL
(as a demo of thousands of clients does with the normal cache).
"""

from __future__ import annotations

import os
import traceback
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop.services.demo import fill_demo
from desktop.store.changelog.transaction import Transaction
from desktop.store.database import connect, prepare
from desktop.store.store import Store

TODAY = date(2026, 11, 21)


def run(pipe: Connection, folder: str, key_hex: str, clients: int, chunk: int, n: int) -> None:
    """Fill the demo into the case file in `folder`; stop at insert `n` (the process target).

    `chunk` 0 is the command line's one transaction; otherwise the window's chunks.
    """
    try:
        calls = 0
        insert = Transaction.insert

        def counted(tx: Transaction, obj: Any, **kwargs: Any) -> None:
            nonlocal calls
            calls += 1
            if calls == n:
                pipe.send(("reached", calls))
                try:
                    pipe.recv()  # nothing is ever sent: the test kills this process now
                finally:
                    os._exit(3)
            insert(tx, obj, **kwargs)

        Transaction.insert = counted  # type: ignore[method-assign]
        db = Path(folder) / "casefile.db"
        conn = connect(db, bytes.fromhex(key_hex))
        prepare(conn, db, Path(folder) / "backups")
        conn.execute("PRAGMA cache_size = -256")
        store = Store(conn)
        fill_demo(store, clients, 1, TODAY, chunk=chunk or None)
        store.close()
        pipe.send(("done", calls))
    except BaseException:
        pipe.send(("error", traceback.format_exc()))
