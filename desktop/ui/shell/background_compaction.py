"""Compaction in the window: once a session after unlocking, the history every colleague has
acknowledged is settled on the database worker, one slice of a few thousand change rows per
operation. Each slice is its own short transaction and its own operation, so whatever the
coordinator does meanwhile (a search, opening a case, saving) is queued between two slices and
never waits for the whole run. Locking the file drops the rest; the next session goes on where
this one stopped (the compaction cursor is kept in the case file)."""

from __future__ import annotations

from collections.abc import Callable

from desktop.services import compaction
from desktop.services.compaction import CompactReport
from desktop.ui.widgets.db_worker import DbWorker

SLICE_ROWS = 500  # change rows per worker operation (about 50 ms: a search waits at most that)
MAX_SLICES = 10_000  # a session settles at most this many slices (5 million change rows)


class BackgroundCompaction:
    """Runs `compaction.compact` slice by slice on the worker; `finished(report)` at the end."""

    def __init__(self, db: DbWorker, finished: Callable[[CompactReport], None] | None = None):
        self._db = db
        self._finished = finished
        self._total = CompactReport()
        self._slices = 0
        self.running = False
        self.failed = False  # the last run stopped on an error

    def start(self) -> None:
        """Begin a run (the window does once a session, after the first unlock)."""
        self.running = True
        self._total, self._slices = CompactReport(), 0
        self._next()

    def _next(self) -> None:
        self._db.run(
            lambda store: compaction.compact(store, limit=SLICE_ROWS),
            self._sliced,
            self._failed,
        )

    def _sliced(self, report: CompactReport) -> None:
        total = self._total
        total.settled_rows += report.settled_rows
        total.dropped_rows += report.dropped_rows
        total.waiting_for = report.waiting_for
        total.stopped_waiting_for = report.stopped_waiting_for
        self._slices += 1
        if report.done or self._slices >= MAX_SLICES or not self._db.is_open:
            total.done = report.done
            self.running = False
            if self._finished is not None:
                self._finished(total)
            return
        self._next()

    def _failed(self, error: BaseException) -> None:
        """Stop quietly: compaction is upkeep, not the coordinator's work. A full disk or a
        damaged file is said by what the coordinator does next (or by the page check, which ran
        before), never by a box from the background; the case file is as it was after the last
        whole slice, and the next session tries again."""
        del error
        self.running = False
        self.failed = True
