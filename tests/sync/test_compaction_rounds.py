"""Compaction runs by itself: after every exchange round (a few slices) and, limited, where the
last limited run stopped, so that short runs sweep a large file's history in turn."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.services import compaction
from desktop.services.sync_folder import exchange_round
from desktop.store.search import ClientQuery
from desktop.store.store import Store

if TYPE_CHECKING:
    from tests.sync.conftest import Desk

MakeDesk = Callable[[str], "Desk"]
Trust = Callable[["Desk", "Desk"], None]
AddClients = Callable[..., list]
LIMIT = 1_000  # change rows per limited run


def names(store: Store) -> list[str]:
    return sorted(c.family_name for c in store.clients(ClientQuery(limit=100)).clients)


def count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_limited_runs_go_on_where_the_last_one_stopped(
    desk: MakeDesk, add_clients: AddClients
) -> None:
    anna = desk("Anna")
    add_clients(anna, 700)  # a few thousand change rows, nobody to wait for
    store = anna.store
    before = count(store, "change")
    assert before > 3 * LIMIT
    runs, left = [], before
    while True:
        report = compaction.compact(store, limit=LIMIT)
        runs.append(report)
        now = count(store, "change")
        assert now < left or report.done  # every limited run settles new rows
        left = now
        if report.done:
            break
    assert len(runs) >= 3
    assert count(store, "change") == 0
    assert sum(r.dropped_rows for r in runs) == before
    assert store.meta(compaction.CURSOR) == ""  # the sweep ended: the next one starts afresh


def test_a_limited_run_after_the_end_starts_from_the_beginning(
    desk: MakeDesk, add_clients: AddClients
) -> None:
    anna = desk("Anna")
    add_clients(anna, 5)
    compaction.compact(anna.store)
    add_clients(anna, 5, prefix="Later")  # new history below the old cursor's end
    report = compaction.compact(anna.store, limit=compaction.SLICE)
    assert report.done and report.dropped_rows > 0
    assert count(anna.store, "change") == 0


def test_every_exchange_round_compacts_what_both_have_acknowledged(
    desk: MakeDesk, trust: Trust, add_clients: AddClients, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    anna, bea = desk("Anna"), desk("Bea")
    trust(anna, bea)
    trust(bea, anna)
    add_clients(anna, 20)
    first = exchange_round(anna.store, folder)
    assert first.compacted is not None
    # Bea has not acknowledged anything yet, but has never sent a bundle either: she is
    # onboarded by a snapshot and does not hold the history back.
    assert first.compacted.dropped_rows > 0 and count(anna.store, "change") == 0
    exchange_round(bea.store, folder)  # Bea merges Anna's snapshot, answers with her vector
    add_clients(bea, 3, prefix="Bea")
    third = exchange_round(bea.store, folder)
    assert third.compacted is not None and third.compacted.waiting_for == ["Anna"]
    assert count(bea.store, "change") > 0  # Bea's new clients wait for Anna's acknowledgement
    exchange_round(anna.store, folder)  # Anna merges Bea's clients and acknowledges them
    last = exchange_round(bea.store, folder)
    assert last.compacted is not None and last.compacted.waiting_for == []
    assert count(bea.store, "change") == 0
    assert names(anna.store) == names(bea.store) and len(names(anna.store)) == 23
