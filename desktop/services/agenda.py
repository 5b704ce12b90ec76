"""Monday morning: the appointments of the week, and the deadlines coming up for every client."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from desktop.domain.model import Appointment
from desktop.domain.rules import Deadline, DeadlineKind, deadlines_for
from desktop.store.store import Store

T = TypeVar("T")


@dataclass(frozen=True)
class AgendaEntry:
    """One appointment in the agenda, with whose it is."""

    appointment: Appointment
    client_id: str
    client_name: str  # Client.display_name


@dataclass(frozen=True)
class RadarEntry:
    """One deadline on the radar, with whose it is."""

    deadline: Deadline
    client_id: str
    client_name: str  # Client.display_name


def appointments_between(store: Store, start: datetime, end: datetime) -> list[AgendaEntry]:
    """Every client's appointments from `start` (inclusive) to `end` (exclusive), by start time.

    Times are local and to the minute, as appointments are stored.
    """
    appointments = store.appointments_between(start, end)
    names = store.display_names(sorted({a.client_id for a in appointments}))
    return [
        AgendaEntry(a, a.client_id, names.get(a.client_id, ""))
        for a in appointments
        if a.client_id in names  # an appointment whose client is gone is nobody's business
    ]


def _grouped(objects: list[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = defaultdict(list)
    for obj in objects:
        grouped[key(obj)].append(obj)
    return grouped


def deadline_radar(
    store: Store, today: date, within_days: int = 42, *, measures: bool = False
) -> list[RadarEntry]:
    """Every open client's deadlines due by today + `within_days`, overdue ones first, by date.

    Residence status, § 104c end, plan reviews, document expiry and originals in custody; measures
    due only with `measures` (they have the open-measures filter and the plan tab otherwise).
    The store picks, by date in SQL, the open clients with a deadline and only their rows that
    fall due (with measures: the goals and plans a due measure hangs on); `rules.deadlines_for`
    decides.
    """
    found = store.deadline_sources(today, within_days, measures=measures)
    owner = {p.id: p.client_id for p in found.plans}
    owner.update({g.id: owner.get(g.plan_id, "") for g in found.goals})
    plans_of = _grouped(found.plans, lambda p: p.client_id)
    goals_of = _grouped(found.goals, lambda g: owner[g.id])
    measures_of = _grouped(found.measures, lambda m: owner.get(m.goal_id, ""))
    documents_of = _grouped(found.documents, lambda d: d.client_id)
    entries: list[RadarEntry] = []
    for client in found.clients:
        deadlines = deadlines_for(
            client,
            plans=plans_of.get(client.id, ()),
            goals=goals_of.get(client.id, ()),
            measures=measures_of.get(client.id, ()),
            documents=documents_of.get(client.id, ()),
            today=today,
            within_days=within_days,
        )
        name = client.display_name
        entries.extend(
            RadarEntry(d, client.id, name)
            for d in deadlines
            if measures or d.kind is not DeadlineKind.MEASURE_DUE
        )
    entries.sort(key=lambda e: (e.deadline.due_on, e.client_name, e.deadline.entity_id))
    return entries
