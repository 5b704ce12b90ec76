"""The merge decides a batch of changes against the history of its rows held in memory; a batch
in one piece must end exactly as the same changes merged one at a time (each one then decided
against what the case file holds): the same log, rows, conflicts in the same order, and counts."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.model import Client, IntegrationPlan, Note
from desktop.store.changelog.reading import LoggedChange
from desktop.store.changelog.transaction import encode_value, group_defaults
from desktop.store.specs import BY_CLASS, CLIENT, ERASED, EXISTS
from desktop.store.store import Store
from desktop.store.sync_merge.merger import Merger, MergeResult
from tests.sync.devices import Device, make_devices, shared_client

A, B = "a" * 32, "b" * 32


class Log:
    """Changes of two colleagues' computers, numbered and timed as theirs would be."""

    def __init__(self) -> None:
        self.changes: list[LoggedChange] = []
        self.seq = {A: 0, B: 0}
        self.hlc = itertools.count(1_000_000 << 16, 7)

    def add(
        self, device: str, entity: str, row_id: str, group: str, value: Any, prev: int = 0
    ) -> int:
        self.seq[device] += 1
        hlc = next(self.hlc)
        encoded = None if value is None else encode_value(value)
        self.changes.append(
            LoggedChange(entity, row_id, group, encoded, hlc, device, self.seq[device], prev)
        )
        return hlc

    def create(self, device: str, obj: Any) -> int:
        """A new row as `Transaction.insert` records it; the HLC of its causal length."""
        spec = BY_CLASS[type(obj)]
        born = self.add(device, spec.name, obj.id, EXISTS, 1)
        for group in spec.groups:
            values = spec.group_values(obj, group)
            if values != group_defaults(spec)[group]:
                self.add(device, spec.name, obj.id, group, values)
        return born

    def edit(self, device: str, obj: Any, group: str, prev: int = 0) -> int:
        spec = BY_CLASS[type(obj)]
        return self.add(device, spec.name, obj.id, group, spec.group_values(obj, group), prev)


def a_day_of_two_colleagues() -> list[LoggedChange]:
    """Concurrent edits, a delete that overrides edits, an edit of the deleted row, an erasure
    followed by a late edit, and parts of cases that go with them."""
    log = Log()
    x = shared_client("Haddad", "Amal", phone="1")
    born = log.create(A, x)
    log.create(A, IntegrationPlan(x.id))
    seen = log.edit(A, replace(x, phone="11"), "contact")
    log.edit(B, replace(x, phone="2"), "contact")  # had not seen A's edit
    log.add(B, CLIENT.name, x.id, EXISTS, 2, prev=born)  # deleted, not seeing A's edits
    log.edit(A, replace(x, phone="3"), "contact", prev=seen)  # not seeing it
    y = shared_client("Rahimi", "Samir")
    log.create(B, y)
    log.create(A, Note(y.id, date(2026, 3, 2), "Termin beim Jobcenter"))
    log.add(B, CLIENT.name, y.id, ERASED, None)
    log.edit(A, replace(y, city="Kassel"), "address")  # arrives too late
    z = shared_client("Tesfaye", "Mulu")
    log.create(A, z)
    log.edit(B, replace(z, given_names="Mulugeta"), "name")
    log.add(A, CLIENT.name, z.id, EXISTS, 2, prev=0)
    log.add(B, CLIENT.name, z.id, EXISTS, 3, prev=0)
    return log.changes


def merge(store: Store, batches: list[list[LoggedChange]]) -> MergeResult:
    vector: dict[str, int] = {}
    for change in itertools.chain.from_iterable(batches):
        vector[change.origin] = max(vector.get(change.origin, 0), change.origin_seq)
    with store.transaction() as tx:
        merger = Merger(tx, store.device_id, vector)
        for batch in batches:
            merger.add(batch)
        return merger.finish()


def state(store: Store) -> dict[str, Any]:
    """What the merge leaves behind; changes and events of the receiving computer itself (the
    orphan sweep's) carry its own device id and clock, so only their kind is compared."""
    conn = store.conn
    tables = {
        spec.name: [
            tuple(r)[1:] if spec.table == "client" else tuple(r)
            for r in conn.execute(f"SELECT * FROM {spec.table} ORDER BY id")
        ]
        for spec in BY_CLASS.values()
    }
    return {
        "log": conn.execute(
            "SELECT c.entity, c.row_id, c.field_group, c.value, c.hlc, d.device_id,"
            " c.origin_seq, c.prev_hlc FROM change c JOIN device d ON d.num = c.origin"
            " WHERE d.is_self = 0 ORDER BY d.device_id, c.origin_seq"
        ).fetchall(),
        "own": conn.execute(
            "SELECT c.entity, c.row_id, c.field_group FROM change c"
            " JOIN device d ON d.num = c.origin WHERE d.is_self = 1 AND c.entity != 'audit'"
            " ORDER BY c.row_id, c.field_group"
        ).fetchall(),
        "conflicts": conn.execute(
            "SELECT kind, entity, row_id, field_group, lost_value, lost_hlc, lost_device,"
            " won_value, won_hlc, won_device FROM conflict ORDER BY num"
        ).fetchall(),
        "tables": tables,
        "erased": sorted(r[0] for r in conn.execute("SELECT client_id FROM erasure_ledger")),
    }


def as_rows(data: dict[str, Any]) -> dict[str, Any]:
    return {k: [tuple(r) for r in v] if isinstance(v, list) else v for k, v in data.items()}


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    whole, one_by_one = make_devices(tmp_path, ["Whole", "Single"])
    yield whole, one_by_one
    whole.store.close()
    one_by_one.store.close()


def test_a_batch_ends_as_its_changes_merged_one_at_a_time(two: tuple[Device, Device]) -> None:
    whole, one_by_one = two
    changes = a_day_of_two_colleagues()

    in_one = merge(whole.store, [changes])
    singly = merge(one_by_one.store, [[c] for c in changes])

    assert in_one == singly
    assert (in_one.conflicts, in_one.erased, in_one.dropped) == (9, 1, 1)
    assert as_rows(state(whole.store)) == as_rows(state(one_by_one.store))

    again_whole = merge(whole.store, [changes])  # all held already, the erased client's purged
    again_singly = merge(one_by_one.store, [[c] for c in changes])
    assert again_whole == again_singly
    assert again_whole.applied == 0 and again_whole.already_had > 0
    assert as_rows(state(whole.store)) == as_rows(state(one_by_one.store))


def test_write_state_makes_one_row_hold_its_values_or_go(two: tuple[Device, Device]) -> None:
    store = two[0].store
    client = shared_client("Haddad", "Amal", phone="1")
    values = {k: v for k, v in CLIENT.row(client).items() if k != "id"}
    with store.transaction() as tx:
        tx.write_state(CLIENT, client.id, values)
    assert list(store.all(Client)) == [client]
    with store.transaction() as tx:
        tx.write_state(CLIENT, client.id, {**values, "phone": "2"})
    assert list(store.all(Client)) == [replace(client, phone="2")]
    with store.transaction() as tx:
        tx.write_state(CLIENT, client.id, None)
    assert list(store.all(Client)) == []


def settle_all(store: Store) -> int:
    """Settle every change row (as if every colleague had acknowledged all): rows dropped."""
    vector = {r[0]: r[1] for r in store.conn.execute("SELECT device_id, last_seq FROM device")}
    dropped = store.settled.settle_slice(vector, 0, 1_000_000)[1]
    assert store.conn.execute("SELECT count(*) FROM change").fetchone()[0] == 0
    return dropped


def decided(store: Store) -> dict[str, Any]:
    """What a merge decided, as far as it is the same with the history settled or not."""
    return {k: v for k, v in as_rows(state(store)).items() if k not in ("log", "own")}


def test_a_batch_decides_against_settled_history_as_against_the_change_rows(
    tmp_path: Path,
) -> None:
    # Settled winners whose values the rows hold (NULL in change_log) are read with the batch's
    # history, values filled in from the rows: the row is rebuilt from them, the delete that
    # overrides their edits lists their values, and a second arrival of settled changes counts
    # as already had.
    plain, settled, singly = make_devices(tmp_path, ["Plain", "Settled", "Single"])
    try:
        changes = a_day_of_two_colleagues()
        # Amal made, with her name and first phone number (one change per group: settling
        # drops nothing the plain file would list)
        first, rest = changes[:3], changes[3:]
        for device in (plain, settled, singly):
            merge(device.store, [first])
        assert settle_all(settled.store) > 0 and settle_all(singly.store) > 0
        nulls = settled.store.conn.execute(
            "SELECT count(*) FROM change_log WHERE seq IS NULL AND value IS NULL"
        ).fetchone()[0]
        assert nulls > 0  # the rows hold the settled values

        results = [
            merge(plain.store, [rest]),
            merge(settled.store, [rest]),
            merge(singly.store, [[c] for c in rest]),
        ]
        assert results[0] == results[1] == results[2]
        assert decided(plain.store) == decided(settled.store)
        # One change at a time ends the same, conflicts and their lost values included: a
        # settled winner's value that a later change replaces moves into the settled row first
        # (`settled.keep_values`), so a later batch still reads it.
        assert decided(singly.store) == decided(settled.store)
        lost = [r[4] for r in decided(settled.store)["conflicts"] if r[2] == first[0].row_id]
        assert first[2].value in lost and None not in lost  # filled from the settled row

        again = [merge(d.store, [changes]) for d in (plain, settled)]
        assert again[0].applied == again[1].applied == 0
        assert again[1].already_had == len(changes) - again[1].dropped
        assert decided(plain.store) == decided(settled.store)
    finally:
        for device in (plain, settled, singly):
            device.store.close()
