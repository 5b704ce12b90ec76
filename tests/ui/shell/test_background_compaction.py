"""The window settles acknowledged history behind itself, one slice per worker operation, and
what the coordinator asks for meanwhile is answered between two slices."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.services import casework
from desktop.store.store import Store
from desktop.ui.shell import background_compaction
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker


def count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_the_window_compacts_in_slices_with_other_work_between(
    qtbot: QtBot,
    case_root: Path,
    store: Store,
    db: DbWorker,
    settle: Callable[[DbWorker], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clients = [Client(family_name=f"Beispiel{n:03d}", given_names="Eva") for n in range(400)]
    casework.add(store, *clients)
    assert count(store, "change") > 1_000
    # Small slices, so that the run takes several operations.
    monkeypatch.setattr(background_compaction, "SLICE_ROWS", 300)
    order: list[str] = []
    original = background_compaction.compaction.compact

    def compact(s: Store, **kwargs: Any) -> Any:
        order.append("slice")
        return original(s, **kwargs)

    monkeypatch.setattr(background_compaction.compaction, "compact", compact)
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(order) >= 1, timeout=10_000)
    db.run(lambda _s: order.append("search"))  # the coordinator's own query, queued meanwhile
    qtbot.waitUntil(lambda: not window.compaction.running, timeout=30_000)
    settle(db)
    assert order.count("slice") >= 4
    assert order.index("search") < len(order) - 1  # answered before the last slice, not after
    assert count(store, "change") == 0 and count(store, "settled") >= 400
