"""Compaction keeps the merge's results: settled history, snapshots, late and repeated changes.

The convergence scenarios run here with every case file compacted after each import and export;
`WD_FORCE_COMPACTION=1 pytest tests/sync` runs every sync test that way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.catalogues import ConsentScope
from desktop.domain.model import Client, Note
from desktop.services import casework, compaction, erasure, sync
from desktop.store.specs import ERASED
from desktop.sync.bundle import read_header
from tests.sync import test_convergence
from tests.sync.devices import Device, exchange_all, make_devices, shared_client


def rows_in(device: Device, sql: str, *args: object) -> list[tuple[object, ...]]:
    return [tuple(r) for r in device.store.conn.execute(sql, args).fetchall()]


def change_rows(device: Device) -> int:
    return int(device.store.conn.execute("SELECT count(*) FROM change").fetchone()[0])


def settled_pair(tmp_path: Path) -> tuple[Device, Device, Client]:
    """Anna and Bea holding one shared client, acknowledged both ways, then compacted."""
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    client = shared_client("Haddad", "Amal", phone="1")
    casework.add(anna.store, client)
    exchange_all([anna, bea], rounds=2)
    for device in (anna, bea):
        compaction.compact(device.store)  # (WD_FORCE_COMPACTION: done already)
        assert rows_in(device, "SELECT 1 FROM change WHERE row_id = ?", client.id) == []
        assert rows_in(device, "SELECT 1 FROM settled WHERE row_id = ?", client.id) != []
    return anna, bea, client


def test_the_convergence_scenarios_hold_with_compaction_after_every_import_and_export(
    compacting: Callable[[pytest.MonkeyPatch], None],
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        compacting(patch)
        test_convergence.test_every_device_ends_with_the_same_case_file()


def test_a_single_coordinator_settles_everything_and_reads_the_same(tmp_path: Path) -> None:
    (anna,) = make_devices(tmp_path, ["Anna"])
    client = shared_client("Rahimi", "Samir", phone="2")
    casework.add(anna.store, client, Note(client.id, date(2026, 3, 2), "Kurs"))
    casework.save(anna.store, dataclasses.replace(client, phone="3"))
    before = anna.case_data()
    report = compaction.compact(anna.store)
    assert report.dropped_rows > 0 and not report.waiting_for
    assert change_rows(anna) == 0
    anna.reopen()
    assert anna.case_data() == before
    casework.save(anna.store, dataclasses.replace(client, phone="4"))  # prev_hlc from settled
    assert anna.store.get(Client, client.id).phone == "4"


def test_lookups_by_row_use_the_settled_primary_key(tmp_path: Path) -> None:
    (anna,) = make_devices(tmp_path, ["Anna"])
    plan = rows_in(
        anna,
        "EXPLAIN QUERY PLAN SELECT * FROM change_log WHERE row_id = ? AND field_group = ?",
        "x",
        "main",
    )
    details = " ".join(str(r[-1]) for r in plan)
    assert "SEARCH s USING PRIMARY KEY (row_id=?)" in details, details
    assert "change_by_row" in details, details


def test_a_concurrent_edit_against_a_settled_winner_gives_the_same_winner_and_conflict(
    tmp_path: Path,
) -> None:
    anna, bea, client = settled_pair(tmp_path)
    casework.save(anna.store, dataclasses.replace(client, phone="anna"))
    casework.save(bea.store, dataclasses.replace(client, phone="bea"))
    exchange_all([anna, bea], rounds=2)
    phones = {d.store.get(Client, client.id).phone for d in (anna, bea)}
    assert len(phones) == 1
    assert anna.case_data() == bea.case_data()
    for device in (anna, bea):
        conflicts = sync.conflicts(device.store)
        assert [(c.row_id, c.field_group) for c in conflicts] == [(client.id, "contact")]


def test_an_erasure_after_compaction_leaves_nothing_but_the_tombstone(tmp_path: Path) -> None:
    anna, bea, client = settled_pair(tmp_path)
    erasure.erase_clients(anna.store, [client.id])
    for device in (anna, bea):
        if device is bea:
            bea.import_(anna.export_to(bea))
        assert device.store.find(Client, client.id) is None
        logged = rows_in(
            device, "SELECT field_group, value FROM change_log WHERE row_id = ?", client.id
        )
        assert logged == [(ERASED, None)]
        assert device.store.is_erased(client.id)
        compaction.compact(device.store)
        assert device.store.is_erased(client.id)  # the tombstone is findable when settled
        groups = rows_in(device, "SELECT groups FROM settled WHERE row_id = ?", client.id)
        assert "Haddad" not in str(groups)


def test_a_new_colleague_is_onboarded_from_a_snapshot(tmp_path: Path) -> None:
    anna, cem = make_devices(tmp_path, ["Anna", "Cem"])
    sync.remove_colleague(anna.store, "Cem")
    clients = [shared_client("Tesfaye", f"G{i}", phone=str(i)) for i in range(3)]
    casework.add(anna.store, *clients)
    casework.save(anna.store, dataclasses.replace(clients[0], phone="new"))
    compaction.compact(anna.store)
    assert change_rows(anna) == 0
    sync.add_colleague(anna.store, "Cem", sync.my_identity(cem.store).text)
    path = anna.export_to(cem)
    assert read_header(path).kind == "snapshot"
    summary = cem.import_(path)
    assert summary.applied > 0
    assert cem.case_data() == anna.case_data()
    # A snapshot into a file that already has everything changes nothing.
    before, count = cem.case_data(), change_rows(cem)
    again = cem.import_(anna.export_to(cem, full=True))
    assert again.applied == 0 and again.conflicts == 0
    assert cem.case_data() == before and change_rows(cem) == count
    # Acknowledged: the next bundle is an incremental one again.
    anna.import_(cem.export_to(anna))
    assert read_header(anna.export_to(cem)).kind == "incremental"


def test_a_resend_of_settled_changes_is_already_had_and_adds_nothing(tmp_path: Path) -> None:
    anna, bea, client = settled_pair(tmp_path)
    casework.save(anna.store, dataclasses.replace(client, phone="9"))
    old = anna.export_to(bea, full=True)  # Anna's history, all of it, as a relay would resend
    bea.import_(anna.export_to(bea))
    compaction.compact(bea.store)
    count, conflicts = change_rows(bea), sync.conflicts(bea.store, include_resolved=True)
    state = bea.case_data()
    summary = bea.import_(old)
    assert summary.applied == 0 and summary.conflicts == 0 and summary.already_had > 0
    assert change_rows(bea) == count
    assert sync.conflicts(bea.store, include_resolved=True) == conflicts
    assert bea.case_data() == state


def test_a_colleague_silent_past_the_wait_stops_holding_back_and_returns_by_snapshot(
    tmp_path: Path,
) -> None:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    casework.add(anna.store, shared_client("Haddad", "Amal"))
    exchange_all([anna, bea], rounds=2)
    casework.add(anna.store, shared_client("Rahimi", "Samir"))  # Bea has not acknowledged it
    report = compaction.compact(anna.store)
    assert report.waiting_for == ["Bea"] and report.warning() == ""
    assert change_rows(anna) > 0  # the new client waits for Bea
    later = datetime.now(UTC) + timedelta(days=91)
    report = compaction.compact(anna.store, now=later)
    assert report.stopped_waiting_for == ["Bea"] and "Bea" in report.warning()
    assert "Bea" in report.warning("de")
    assert change_rows(anna) == 0
    path = anna.export_to(bea)
    assert read_header(path).kind == "snapshot"
    bea.import_(path)
    anna.import_(bea.export_to(anna))
    assert anna.case_data() == bea.case_data()


def test_consent_released_after_compaction_still_delivers_the_client(tmp_path: Path) -> None:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    private = Client(
        "Zorbakowitsch",
        "Ilona",
        phone="5",
        consent_given_on=date(2026, 1, 5),
        consent_scope=(ConsentScope.STORE,),
    )
    casework.add(anna.store, private, Note(private.id, date(2026, 3, 2), "Kurs"))
    exchange_all([anna, bea], rounds=2)  # Bea acknowledges the numbers, without the client
    compaction.compact(anna.store)
    compaction.compact(bea.store)
    assert rows_in(anna, "SELECT 1 FROM change WHERE row_id = ?", private.id) == []
    shared = dataclasses.replace(
        private, consent_scope=(ConsentScope.STORE, ConsentScope.SHARE_COLLEAGUES)
    )
    casework.save(anna.store, shared)
    bea.import_(anna.export_to(bea))
    assert bea.store.get(Client, private.id) == shared
    assert len(bea.store.of_client(Note, private.id)) == 1
    anna.import_(bea.export_to(anna))
    assert anna.case_data() == bea.case_data()


def test_compaction_runs_in_slices(tmp_path: Path) -> None:
    (anna,) = make_devices(tmp_path, ["Anna"])
    casework.add(anna.store, *[shared_client("Haddad", f"G{i}") for i in range(20)])
    before = anna.case_data()
    first = compaction.compact(anna.store, limit=10)
    assert not first.done and change_rows(anna) > 0
    rest = compaction.compact(anna.store)
    assert rest.done and change_rows(anna) == 0
    assert anna.case_data() == before


def test_the_compact_command_reports_rows_and_sizes(tmp_path: Path) -> None:
    (anna,) = make_devices(tmp_path, ["Anna"])
    casework.add(anna.store, *[shared_client("Haddad", f"G{i}") for i in range(50)])
    done = compaction.compact_file(anna.store)
    assert done.report.dropped_rows > 0
    assert 0 < done.size_after <= done.size_before
