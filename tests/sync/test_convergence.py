"""Any order of bundles, with duplicates, drops and skewed clocks, ends in the same case file."""

from __future__ import annotations

import dataclasses
import tempfile
import time
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.model import Client, Goal, IntegrationPlan, Note
from desktop.services import casework
from desktop.services.duplicate_merge import merge_clients
from tests.sync.devices import Device, exchange_all, make_devices, shared_client

NAMES = ["Anna", "Bea", "Cem", "Dora", "Emil"]
HOUR_MS = 3600 * 1000

device_index = st.integers(0, 4)
client_index = st.integers(0, 3)
operation = st.one_of(
    st.tuples(
        st.just("add"), device_index, st.just(0), st.sampled_from(["Haddad", "Rahimi", "Tesfaye"])
    ),
    st.tuples(st.just("name"), device_index, client_index, st.sampled_from(["Amal", "Samir"])),
    st.tuples(st.just("phone"), device_index, client_index, st.sampled_from(["1", "2", "3"])),
    st.tuples(st.just("address"), device_index, client_index, st.sampled_from(["Kassel", "Hof"])),
    st.tuples(st.just("note"), device_index, client_index, st.sampled_from(["a", "b"])),
    st.tuples(st.just("plan"), device_index, client_index, st.just("")),
    st.tuples(st.just("delete"), device_index, client_index, st.just("")),
    st.tuples(st.just("erase"), device_index, client_index, st.just("")),
    st.tuples(st.just("merge"), device_index, client_index, client_index),
    st.tuples(st.just("consent"), device_index, client_index, st.booleans()),
    st.tuples(st.just("send"), device_index, device_index, st.booleans()),
    st.tuples(st.just("deliver"), device_index, st.integers(0, 30), st.just("")),
)


def with_consent(client: Client, share: bool) -> Client:
    """The client with consent to share given (as in `shared_client`) or withdrawn."""
    if share:
        shared = shared_client("Any")
        return dataclasses.replace(
            client,
            consent_given_on=shared.consent_given_on,
            consent_scope=shared.consent_scope,
            consent_withdrawn_on=None,
        )
    return dataclasses.replace(client, consent_withdrawn_on=date(2026, 2, 1))


class World:
    """Devices, the clients created so far, and the bundles lying around on sticks."""

    def __init__(self, root: Path, count: int, skews: list[int]) -> None:
        self.devices = make_devices(root, NAMES[:count])
        self.clients: list[str] = []
        self.bundles: list[tuple[Path, Device]] = []
        self.delivered: list[tuple[Path, Device]] = []
        start = time.time_ns() // 1_000_000
        self.ticks = 0
        for device, skew in zip(self.devices, skews, strict=False):
            device.store.clock._wall_ms = self._wall(start + skew)
        for family in ("Haddad", "Rahimi"):  # cases everyone knows, to edit concurrently
            client = shared_client(family, "Amal")
            casework.add(self.devices[0].store, client)
            self.clients.append(client.id)
        exchange_all(self.devices, rounds=1)

    def _wall(self, base: int):  # type: ignore[no-untyped-def]
        return lambda: base + self.ticks * 1000

    def device(self, index: int) -> Device:
        return self.devices[index % len(self.devices)]

    def client(self, device: Device, index: int) -> Client | None:
        if not self.clients:
            return None
        return device.store.find(Client, self.clients[index % len(self.clients)])

    def run(self, op: tuple[str, int, object, object]) -> None:
        self.ticks += 1
        kind, who, arg, extra = op
        device = self.device(who)
        if kind == "add":
            client = shared_client(str(extra), "Amal")
            casework.add(device.store, client)
            self.clients.append(client.id)
        elif kind == "send":
            other = self.device(int(arg))  # type: ignore[call-overload]
            if other is not device:
                self.bundles.append((device.export_to(other, full=bool(extra)), other))
        elif kind == "deliver":
            if self.bundles:
                path, receiver = self.bundles[int(arg) % len(self.bundles)]  # type: ignore[call-overload]
                receiver.import_(path)  # duplicates and any order; some are never delivered
                self.delivered.append((path, receiver))
        else:
            client = self.client(device, int(arg))  # type: ignore[call-overload]
            if client is not None:
                self._edit(device, kind, client, str(extra))

    def _edit(self, device: Device, kind: str, client: Client, value: str) -> None:
        store = device.store
        if kind == "name":
            casework.save(store, dataclasses.replace(client, given_names=value))
        elif kind == "phone":
            casework.save(store, dataclasses.replace(client, phone=value))
        elif kind == "address":
            casework.save(store, dataclasses.replace(client, city=value, postcode="34117"))
        elif kind == "note":
            casework.add(store, Note(client.id, date(2026, 1, 5), value))
        elif kind == "plan":
            plan = IntegrationPlan(client.id)
            casework.add(store, plan, Goal(plan.id, FieldOfAction.WORK, "Praktikum"))
        elif kind == "delete":
            casework.remove(store, Client, client.id)
        elif kind == "erase":
            casework.erase_client(store, client.id)
        elif kind == "consent":  # withdrawn: held back from colleagues until given again
            casework.save(store, with_consent(client, value == "True"))
        elif kind == "merge":
            other = self.client(device, int(value))
            if other is not None and other.id != client.id:
                merge_clients(store, client.id, other.id)

    def consent_everywhere(self) -> None:
        """Every client held anywhere without consent to share gets it (where held)."""
        for device in self.devices:
            for client_id in self.clients:
                client = device.store.find(Client, client_id)
                if client is not None and client != with_consent(client, True):
                    casework.save(device.store, with_consent(client, True))

    def close(self) -> None:
        for device in self.devices:
            device.store.close()


def assert_no_orphans(data: dict[str, list[dict[str, object]]]) -> None:
    """Nothing is left of a deleted or erased case: no note, plan or goal without its owner."""
    clients = {c["id"] for c in data["clients"]}
    plans = {p["id"] for p in data["plans"]}
    for section in ("plans", "notes", "documents", "appointments", "support"):
        assert {r["client_id"] for r in data[section]} <= clients, section
    assert {g["plan_id"] for g in data["goals"]} <= plans


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    count=st.integers(3, 5),
    skews=st.lists(st.integers(-3 * HOUR_MS, 3 * HOUR_MS), min_size=5, max_size=5),
    ops=st.lists(operation, min_size=10, max_size=50),
)
def test_every_device_ends_with_the_same_case_file(
    count: int, skews: list[int], ops: list[tuple[str, int, object, object]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        world = World(Path(folder), count, skews)
        try:
            for op in ops:
                world.run(op)
            exchange_all(world.devices, rounds=1)
            world.consent_everywhere()  # what was held back must now reach everyone
            exchange_all(world.devices, rounds=3)
            first = world.devices[0].case_data()
            for device in world.devices[1:]:
                assert device.case_data() == first, device.name
            assert_no_orphans(first)
            for path, receiver in world.bundles:  # importing any bundle again changes nothing
                before = receiver.case_data()
                receiver.import_(path)  # it may bring history of a client still held back
                assert receiver.case_data() == before
            for client_id in world.clients:
                erased = [d.store.is_erased(client_id) for d in world.devices]
                assert all(erased) or not any(erased)
        finally:
            world.close()
