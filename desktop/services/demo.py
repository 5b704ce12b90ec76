"""Fill a case file with realistic synthetic cases, for trying the app and for benchmarks."""

from __future__ import annotations

import dataclasses
import itertools
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from desktop.demo import DemoCase, Phrases, generate
from desktop.report import phrasebook
from desktop.store.changelog.transaction import Transaction
from desktop.store.store import Store

Progress = Callable[[int, int], None]


class _Renamer:
    """Gives every generated object fresh ids, consistently, so demo can run twice in one file."""

    def __init__(self) -> None:
        self.run = uuid.uuid4()

    def new_id(self, old: str) -> str:
        return str(uuid.uuid5(self.run, old))

    def __call__(self, obj: Any) -> Any:
        changes = {
            f.name: self.new_id(value)
            for f in dataclasses.fields(obj)
            if (f.name == "id" or f.name.endswith("_id"))
            and isinstance(value := getattr(obj, f.name), str)
        }
        return dataclasses.replace(obj, **changes)


def demo_phrases() -> Phrases:
    """The shipped catalogue's case-work phrases as the demo generator takes them: key ->
    (field of action, kind, German). Reads the catalogue's template only, not its languages."""
    return {
        e.key: (e.field, e.kind, e.german)
        for e in phrasebook.entries().values()
        if e.field is not None and e.kind is not None
    }


def _objects(case: DemoCase) -> Iterable[Any]:
    yield case.client
    yield from case.plans
    yield from case.goals
    yield from case.measures
    yield from case.documents
    yield from case.appointments
    yield from case.notes
    yield from case.support


def fill_demo(
    store: Store,
    clients: int,
    seed: int,
    today: date,
    *,
    progress: Progress | None = None,
    chunk: int | None = None,
) -> int:
    """Add `clients` synthetic clients with their cases; the same seed gives the same content.

    Without `chunk` everything is one transaction: a failure, a full disk or a kill leaves the
    case file as it was. With `chunk` (the window, whose fill can be cancelled) every `chunk`
    clients or so are committed on their own, always whole households, so that what stays after
    a cancel, a failure or a kill is complete families; `progress` is called after each commit.
    Most goals, measures and appointment purposes are phrases of the shipped catalogue (the
    office's own phrases are left out, so that the same seed gives the same case file)."""
    data = generate(clients, seed, today, demo_phrases())
    rename = _Renamer()
    households = {h.id: h for h in data.households}
    units = _households_whole(data.cases)
    done = 0
    with store.transaction() as tx:
        for organisation in data.organisations:
            tx.insert(rename(organisation))
        if chunk is None:
            for household_id, cases in units:
                done += _write_unit(tx, rename, households.pop(household_id or "", None), cases)
                if done % _STEP < len(cases):  # bounded memory in the one long transaction
                    tx.record_audit()
                    tx.flush()
                    if progress:
                        progress(done, clients)
            _write_rest(tx, rename, households)
    if chunk is None:
        if progress:
            progress(done, clients)
        return done
    return _fill_in_chunks(store, rename, households, units, chunk, clients, progress, done)


_STEP = 500  # clients between audit flushes (and progress) inside the one transaction


def _households_whole(cases: Iterable[DemoCase]) -> Iterator[tuple[str | None, list[DemoCase]]]:
    """The cases grouped by household (the generator makes a household's members one after
    another); clients without a household come in runs of their own."""
    for household_id, members in itertools.groupby(cases, key=lambda c: c.client.household_id):
        yield household_id, list(members)


def _write_unit(tx: Transaction, rename: _Renamer, household: Any, cases: list[DemoCase]) -> int:
    if household is not None:
        tx.insert(rename(household))
    for case in cases:
        for obj in _objects(case):
            tx.insert(rename(obj))
    return len(cases)


def _write_rest(tx: Transaction, rename: _Renamer, households: dict[str, Any]) -> None:
    """Households no generated client belongs to (none expected): written as before."""
    for household in households.values():
        tx.insert(rename(household))
    households.clear()


def _fill_in_chunks(
    store: Store,
    rename: _Renamer,
    households: dict[str, Any],
    units: Iterator[tuple[str | None, list[DemoCase]]],
    chunk: int,
    clients: int,
    progress: Progress | None,
    done: int,
) -> int:
    exhausted = False
    while not exhausted:
        exhausted = True
        with store.transaction() as tx:  # one transaction per chunk keeps the WAL small
            in_chunk = 0
            for household_id, cases in units:
                in_chunk += _write_unit(tx, rename, households.pop(household_id or "", None), cases)
                if in_chunk >= chunk:
                    exhausted = False
                    break
            done += in_chunk
            if exhausted:
                _write_rest(tx, rename, households)
        if progress:
            progress(done, clients)
    return done
