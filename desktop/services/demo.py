"""Fill a case file with realistic synthetic cases, for trying the app and for benchmarks."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from desktop.demo import DemoCase, Phrases, generate
from desktop.report import phrasebook
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
    chunk: int = 500,
) -> int:
    """Add `clients` synthetic clients with their cases; the same seed gives the same content.

    Most goals, measures and appointment purposes are phrases of the shipped catalogue (the
    office's own phrases are left out, so that the same seed gives the same case file)."""
    data = generate(clients, seed, today, demo_phrases())
    rename = _Renamer()
    with store.transaction() as tx:
        for obj in (*data.organisations, *data.households):
            tx.insert(rename(obj))
    done = 0
    cases = iter(data.cases)
    exhausted = False
    while not exhausted:
        exhausted = True
        with store.transaction() as tx:  # one transaction per chunk keeps the WAL small
            for case in cases:
                for obj in _objects(case):
                    tx.insert(rename(obj))
                done += 1
                if done % chunk == 0:
                    exhausted = False
                    break
        if progress:
            progress(done, clients)
    return done
