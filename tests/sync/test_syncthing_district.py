"""A district folder kept in step by real Syncthing: three colleagues, each with a case file, a
Syncthing node on 127.0.0.1 and its own replica of the shared folder, running exchange rounds.

Nothing here is mocked: the nodes are `syncthing serve` processes (tests/sync/syncthing.py), the
bundles are real signed, encrypted files, the case files real SQLCipher databases. The tests wait
for Syncthing by polling its REST API and the replicas, never by fixed sleeps.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.model import Appointment, Client, Goal, IntegrationPlan, Note
from desktop.services import casework, sync
from desktop.services.export import case_data
from desktop.services.sync_folder import exchange_round
from tests.sync import syncthing as st
from tests.sync.devices import shared_client

pytestmark = pytest.mark.slow  # about a minute: real processes, real waits on the network

NAMES = ["Anna", "Bea", "Cem"]
DAY0 = date(2026, 3, 2)


@dataclasses.dataclass
class Colleague:
    """A colleague's case file, Syncthing node, and the bundle ids their rounds imported."""

    desk: Any  # tests.sync.conftest.Desk
    node: st.Node
    imported: list[str] = dataclasses.field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.desk.name)

    @property
    def store(self) -> Any:
        return self.desk.store

    def round(self) -> Any:
        """One exchange round through the replica; every file in it handled without error."""
        result = exchange_round(self.store, self.node.replica)
        errors = [(r.path.name, r.error) for r in [*result.refused, *result.held]]
        assert not errors, f"{self.name}: {errors}"
        for item in result.imports:
            assert not item.summary.already_imported, (self.name, item.path.name)
            self.imported.append(item.summary.bundle_id)
        return result

    def seen(self) -> list[str]:
        rows = self.store.conn.execute("SELECT bundle_id FROM bundle_seen").fetchall()
        return [r[0] for r in rows]

    def data(self) -> dict[str, list[dict[str, Any]]]:
        return case_data(self.store)


@pytest.fixture
def district(
    tmp_path: Path, desk: Callable[[str], Any], trust: Callable[[Any, Any], None]
) -> Iterator[list[Colleague]]:
    """Anna, Bea and Cem, everybody trusting everybody, each with a running Syncthing node."""
    if shutil.which("syncthing") is None:
        pytest.skip("syncthing is not installed: apt-get install syncthing")
    desks = [desk(n) for n in NAMES]
    for a in desks:
        for b in desks:
            if a is not b:
                trust(a, b)
    nodes = st.start_nodes(tmp_path / "syncthing", NAMES)
    try:
        yield [Colleague(d, n) for d, n in zip(desks, nodes, strict=True)]
    finally:
        st.stop_nodes(nodes)


def running(people: list[Colleague]) -> list[st.Node]:
    return [p.node for p in people if p.node.process is not None]


def rounds(people: list[Colleague], everyone: list[Colleague], *, wait: bool = True) -> None:
    """Each of `people` runs a round, one after the other (Syncthing busy in between); then,
    with `wait`, until the running nodes of `everyone` hold the same files."""
    for person in people:
        person.round()
    if wait:
        st.wait_until_in_sync(running(everyone))


def assert_converged(people: list[Colleague]) -> dict[str, list[dict[str, Any]]]:
    first = people[0].data()
    for person in people[1:]:
        assert person.data() == first, f"{person.name} differs from {people[0].name}"
    return first


def assert_nothing_twice(people: list[Colleague], checked: list[Colleague] | None = None) -> None:
    """No bundle id was imported twice by any round, and each one imported is recorded as seen.
    Once converged, the next round of each of `checked` (default: everyone) applies nothing,
    and a second round straight after it imports nothing at all."""
    for person in checked or people:
        st.wait_until_in_sync(running(people))  # the others' latest bundles are all here
        again = person.round()
        assert not [i.summary.applied for i in again.imports if i.summary.applied], person.name
        assert person.round().imports == [], person.name
    for person in people:
        twice = [b for b, n in Counter(person.imported).items() if n > 1]
        assert not twice, (person.name, twice)
        assert set(person.imported) <= set(person.seen()), person.name


def work_a_day(person: Colleague, day: int, written: dict[str, set[str]]) -> None:
    """A day of a colleague: a new client, an edit of one of their clients, a note, an
    appointment and a plan with a goal for clients this case file holds."""
    store = person.store
    new = shared_client(f"{person.name}-{day}", "Amal", phone=f"+49 30 {day:04d}")
    casework.add(store, new)
    written["clients"].add(new.id)
    own = [c for c in store.all(Client) if c.family_name.startswith(f"{person.name}-")]
    edited = own[day % len(own)]
    casework.save(store, dataclasses.replace(edited, city=f"Kassel {day}", postcode="34117"))
    known = sorted(c.id for c in store.all(Client))
    target = known[(day * 7 + len(person.name)) % len(known)]
    text = f"{person.name} on day {day}: called about the course"
    casework.add(store, Note(target, DAY0 + timedelta(days=day), text))
    written["notes"].add(text)
    when = datetime(2026, 3, 2, 9) + timedelta(days=day + 7, hours=len(person.name))
    casework.add(store, Appointment(target, when, purpose=f"{person.name} {day}"))
    plan = IntegrationPlan(new.id)
    casework.add(store, plan, Goal(plan.id, FieldOfAction.WORK, f"Praktikum {day}"))


def assert_nothing_lost(data: dict[str, list[dict[str, Any]]], written: dict[str, set[str]]):
    assert written["clients"] <= {c["id"] for c in data["clients"]}
    assert written["notes"] <= {n["text"] for n in data["notes"]}


def test_a_week_of_edits_converges_with_nothing_lost_or_imported_twice(
    district: list[Colleague],
) -> None:
    written: dict[str, set[str]] = {"clients": set(), "notes": set()}
    for day in range(5):
        for person in district:
            work_a_day(person, day, written)
            person.round()  # the next one's round may see this one's bundles, or not yet
        st.wait_until_in_sync(running(district))
        rounds(district, district, wait=False)  # the next day starts before Syncthing is done
    st.wait_until_in_sync(running(district))
    rounds(district, district)
    data = assert_converged(district)
    assert_nothing_lost(data, written)
    assert len(data["clients"]) == 15 and len(data["notes"]) == 15 == len(data["appointments"])
    assert_nothing_twice(district)
    for person in district:  # Syncthing's trash can held the replaced bundles, without harm
        assert list((person.node.replica / ".stversions").glob("*.wdb")), person.name
        assert (person.node.replica / ".stfolder").is_dir()


def test_concurrent_edits_of_one_field_group_converge_with_the_conflict_listed(
    district: list[Colleague],
) -> None:
    anna, bea, cem = district
    client = shared_client("Haddad", "Amal", phone="+49 30 1")
    casework.add(anna.store, client)
    for _ in range(2):
        rounds(district, district)
    assert all(p.store.find(Client, client.id) is not None for p in district)
    for person, phone in ((anna, "+49 30 2222"), (bea, "+49 30 3333")):  # before they sync
        mine = person.store.find(Client, client.id)
        casework.save(person.store, dataclasses.replace(mine, phone=phone))
    rounds([anna, bea], district)
    for _ in range(2):
        rounds(district, district)
    assert_converged(district)
    phones = {p.store.find(Client, client.id).phone for p in district}
    assert len(phones) == 1
    (winner,) = phones
    loser = ({"+49 30 2222", "+49 30 3333"} - {winner}).pop()
    for person in (anna, bea):  # as the DESIGN says: the losing concurrent edit is listed
        listed = [c for c in sync.conflicts(person.store) if c.client_id == client.id]
        assert len(listed) == 1, (person.name, listed)
        assert listed[0].field_group == "contact"
        assert (listed[0].lost, listed[0].won) == ({"phone": loser}, {"phone": winner})
    assert len([c for c in sync.conflicts(cem.store) if c.client_id == client.id]) <= 1
    assert_nothing_twice(district, [anna])


def test_a_colleague_offline_for_days_converges_within_two_rounds(
    district: list[Colleague],
) -> None:
    anna, bea, cem = district
    written: dict[str, set[str]] = {"clients": set(), "notes": set()}
    for person in district:
        work_a_day(person, 0, written)
    rounds(district, district)
    st.pause(cem.node)  # Cem's laptop is away; Cem goes on working offline
    for day in range(1, 4):
        for person in district:
            work_a_day(person, day, written)
        rounds([anna, bea, cem], district)
        rounds([anna, bea], district, wait=False)
    assert anna.data() != cem.data()
    st.resume(cem.node)
    st.wait_until_in_sync(running(district))
    for _ in range(2):
        rounds(district, district)
    data = assert_converged(district)
    assert_nothing_lost(data, written)
    assert_nothing_twice(district, [cem])


def syncthing_conflict_copies(node: st.Node) -> list[Path]:
    return sorted(node.replica.glob("*.sync-conflict-*.wdb"))


def test_a_conflict_copy_of_a_bundle_is_imported_once_without_error(
    district: list[Colleague],
) -> None:
    anna, _, cem = district
    rounds(district, district)
    scratch = anna.desk.folder / "outbox"
    scratch.mkdir()
    casework.add(anna.store, client := shared_client("Rahimi", "Samir"))
    first = sync.export_for(anna.store, "Cem", scratch / "first.wdb")
    casework.add(anna.store, Note(client.id, DAY0, "second bundle only"))
    second = sync.export_for(anna.store, "Cem", scratch / "second.wdb")
    name = sync.bundle_file_name(anna.store, "Cem")  # one name, two contents
    st.pause(cem.node)  # Cem's laptop is cut off from the others
    older = time.time() - 120
    shutil.copyfile(first.path, cem.node.replica / name)  # Cem's replica: the first bundle
    os.utime(cem.node.replica / name, (older, older))
    shutil.copyfile(second.path, anna.node.replica / name)  # Anna's and Bea's: the second
    st.wait_until_in_sync(running(district))
    st.resume(cem.node)
    st.wait_until_in_sync(running(district))
    for person in district:  # Syncthing kept both: the newer under the name, the older beside
        # (the file with the older modification time becomes the `.sync-conflict-` copy)
        copies = syncthing_conflict_copies(person.node)
        assert len(copies) == 1, (person.name, sorted(st.replica_files(person.node)))
        assert copies[0].read_bytes() == first.path.read_bytes()
        assert (person.node.replica / name).read_bytes() == second.path.read_bytes()
    # what Syncthing leaves besides: a temporary of a pull cut short, its folder marker
    partial = cem.node.replica / f".syncthing.{name}.tmp"
    partial.write_bytes(second.path.read_bytes()[:300])
    result = cem.round()
    both = {i.path.name: i.summary.bundle_id for i in result.imports}
    assert {name, copies[0].name} <= both.keys(), sorted(both)
    assert both[name] != both[copies[0].name]
    assert cem.store.find(Client, client.id) is not None
    assert "second bundle only" in {n["text"] for n in cem.data()["notes"]}
    assert cem.round().imports == []
    for _ in range(2):
        rounds(district, district)
    assert_converged(district)
    assert_nothing_twice(district, [cem])
    assert not any(syncthing_conflict_copies(p.node) for p in district)  # Anna's round tidied
