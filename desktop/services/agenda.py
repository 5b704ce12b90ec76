"""Monday morning: the appointments of the week, and the deadlines coming up for every client.

The radar's deadlines can be marked done or snoozed until a day (`mark_done`, `snooze`,
`reopen`); the marks are part of the client's case and travel to colleagues. `triage` puts the
deadlines read into groups by urgency for the window, without reading again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TypeVar

from desktop.domain.catalogues import MarkStatus
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Appointment, DeadlineMark
from desktop.domain.rules import Deadline, DeadlineKind, deadlines_for
from desktop.domain.triage import (
    DeadlineGroup,
    deadline_key,
    group_by_urgency,
    mark_key,
    marks_by_deadline,
)
from desktop.store.specs import DEADLINE_MARK
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
    """One deadline on the radar, with whose it is, and the mark that sets it aside if any."""

    deadline: Deadline
    client_id: str
    client_name: str  # Client.display_name
    mark: DeadlineMark | None = None  # done, or snoozed past the day the radar was read for


@dataclass(frozen=True)
class Triage:
    """The radar in groups by urgency, and how many deadlines are set aside by a mark."""

    groups: list[DeadlineGroup[RadarEntry]]
    set_aside: int  # done or snoozed; in the last group only when asked for


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


def radar_entries(
    store: Store, today: date, within_days: int = 42, *, measures: bool = False
) -> list[RadarEntry]:
    """`deadline_radar` with each deadline's mark where one sets it aside today."""
    entries = deadline_radar(store, today, within_days, measures=measures)
    clients = sorted({e.client_id for e in entries})
    marks = marks_by_deadline(store.of_clients(DeadlineMark, clients))
    marked = []
    for entry in entries:
        mark = marks.get(deadline_key(entry.deadline))
        marked.append(replace(entry, mark=mark) if mark and mark.hides(today) else entry)
    return marked


def triage(
    entries: list[RadarEntry],
    today: date,
    *,
    kind: DeadlineKind | None = None,
    set_aside: bool = False,
) -> Triage:
    """The entries of one kind (every kind if None) in groups: overdue, this week, next weeks.

    Within a group legal deadlines come first, then papers, then plans, each by date. Entries
    set aside by a mark are left out, or shown in a last group of their own with `set_aside`.
    """
    chosen = [e for e in entries if kind is None or e.deadline.kind is kind]
    aside = sum(e.mark is not None for e in chosen)
    if not set_aside:
        chosen = [e for e in chosen if e.mark is None]
    groups = group_by_urgency(
        chosen, today, lambda e: e.deadline, set_aside=lambda e: e.mark is not None
    )
    return Triage(groups, aside)


def mark_done(store: Store, deadline: Deadline, today: date) -> DeadlineMark:
    """Mark a deadline done: it leaves the radar until its due day changes."""
    return _mark(store, deadline, MarkStatus.DONE, None, today)


def snooze(store: Store, deadline: Deadline, until: date, today: date) -> DeadlineMark:
    """Put a deadline off the radar until `until` (a day after today); it is back on that day."""
    if until <= today:
        raise InvalidInput(
            "snoozed_until",
            "A deadline can be snoozed until a day after today only.",
            "Eine Frist kann nur bis zu einem Tag nach heute zurückgestellt werden.",
        )
    return _mark(store, deadline, MarkStatus.SNOOZED, until, today)


def reopen(store: Store, deadline: Deadline) -> int:
    """Take every mark off a deadline: it is back on the radar. Returns the marks removed."""
    marks = _marks_of(store, deadline)
    with store.transaction() as tx:
        for mark in marks:
            tx.delete(DEADLINE_MARK, mark.id)
    return len(marks)


def _marks_of(store: Store, deadline: Deadline) -> list[DeadlineMark]:
    """The client's marks of this deadline, the same row's marks of other due days included."""
    return [
        m
        for m in store.of_client(DeadlineMark, deadline.client_id)
        if (m.kind, m.entity_id) == (deadline.kind, deadline.entity_id)
    ]


def _mark(
    store: Store, deadline: Deadline, status: MarkStatus, until: date | None, today: date
) -> DeadlineMark:
    """One mark per deadline: the one there is changed, marks of older due days go."""
    existing = _marks_of(store, deadline)
    key = deadline_key(deadline)
    current = next((m for m in existing if mark_key(m) == key), None)
    with store.transaction() as tx:
        for stale in existing:
            if stale is not current:
                tx.delete(DEADLINE_MARK, stale.id)
        if current is None:
            client, kind, entity_id, due_on = key
            mark = DeadlineMark(
                client, kind, entity_id, due_on, status=status, snoozed_until=until, marked_on=today
            )
            tx.insert(mark)
        else:
            mark = replace(current, status=status, snoozed_until=until, marked_on=today)
            tx.update(mark)
    return mark
