"""A tab's edits on their way to the database worker, each followed by a read of the case as it
is stored then (the documents and appointments tabs).

A tab shows an edit in its row at once, so the next edit builds on it; the worker saves it and
reads the case again. While an edit of a client is on its way, a view of that client read before
is older than the one that follows the edit: `pending(client_id)` tells the tab to wait for it,
and `latest` in an answer says that no other edit of the client is still on its way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.services.workspace import CaseView, load_case
from desktop.ui.widgets.db_worker import DbWorker

if TYPE_CHECKING:
    from desktop.services.casefile import Store

Write = Callable[["Store"], object]


class CaseEdits:
    """Counts, per client, the edits sent and not yet answered."""

    def __init__(self, db: DbWorker) -> None:
        self._db = db
        self._on_their_way: Counter[str] = Counter()

    def pending(self, client_id: str) -> bool:
        """True while an edit of this client is on its way."""
        return self._on_their_way[client_id] > 0

    def forget(self) -> None:
        """The tab forgot its client: answers still on their way are for nobody shown."""
        self._on_their_way.clear()

    def send(
        self,
        client_id: str,
        write: Write,
        done: Callable[[CaseView, bool], None],
        failed: Callable[[BaseException, bool], None],
    ) -> None:
        """`write(store)`, then the client's case read on the worker; `done(view, latest)` or
        `failed(error, latest)` follows on this thread."""
        self._on_their_way[client_id] += 1

        def answered() -> bool:
            if self._on_their_way[client_id]:
                self._on_their_way[client_id] -= 1
            return not self._on_their_way[client_id]

        self._db.run(
            lambda store: _write_and_read(store, write, client_id),
            lambda view: done(view, answered()),
            lambda error: failed(error, answered()),
        )


def _write_and_read(store: Store, write: Write, client_id: str) -> CaseView:
    """On the worker: one edit, then the case as now stored."""
    write(store)
    return load_case(store, client_id)
