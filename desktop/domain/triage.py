"""Monday triage: the radar's deadlines by urgency, legal ones first, and what marks set aside.

Pure functions over deadlines and marks; `today` is always passed in, never read from the clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Generic, TypeVar

from desktop.domain.catalogues import LABELS, Catalogue, DeadlineKind, MarkStatus, label_key
from desktop.domain.model import DeadlineMark
from desktop.domain.rules import Deadline

T = TypeVar("T")


class Urgency(Catalogue):
    """Where a deadline stands on the radar: by when it is due, or set aside by a mark."""

    OVERDUE = "overdue"
    THIS_WEEK = "this_week"  # from today to Sunday
    NEXT_WEEKS = "next_weeks"  # after Sunday, up to the radar's horizon
    SET_ASIDE = "set_aside"  # done, or snoozed until a later day


LABELS.update({
    label_key(Urgency.OVERDUE): ("Überfällig", "Overdue"),
    label_key(Urgency.THIS_WEEK): ("Diese Woche", "This week"),
    label_key(Urgency.NEXT_WEEKS): ("Nächste Wochen", "Next weeks"),
    label_key(Urgency.SET_ASIDE): ("Erledigt oder zurückgestellt", "Done or snoozed"),
})  # fmt: skip

# The kinds as a group heading counts them: "3 Aufenthalt, 1 § 104c, 8 Planüberprüfung".
SHORT_LABELS: dict[DeadlineKind, tuple[str, str]] = {
    DeadlineKind.RESIDENCE_EXPIRY: ("Aufenthalt", "residence"),
    DeadlineKind.CHANCENAUFENTHALT_END: ("§ 104c", "§ 104c"),
    DeadlineKind.DOCUMENT_EXPIRY: ("Dokumentablauf", "document expiry"),
    DeadlineKind.CUSTODY_TOO_LONG: ("Verwahrung", "custody"),
    DeadlineKind.PLAN_REVIEW: ("Planüberprüfung", "plan review"),
    DeadlineKind.MEASURE_DUE: ("Maßnahme", "measure"),
}

# Legal deadlines first: a residence status that runs out (a Duldung, too) or the end of the
# § 104c stay cannot be made good afterwards; papers and originals held come next; plan reviews
# and measures are the office's own dates.
WEIGHT: dict[DeadlineKind, int] = {
    DeadlineKind.RESIDENCE_EXPIRY: 0,
    DeadlineKind.CHANCENAUFENTHALT_END: 0,
    DeadlineKind.DOCUMENT_EXPIRY: 1,
    DeadlineKind.CUSTODY_TOO_LONG: 1,
    DeadlineKind.PLAN_REVIEW: 2,
    DeadlineKind.MEASURE_DUE: 2,
}
_KIND_ORDER = {kind: i for i, kind in enumerate(sorted(DeadlineKind, key=WEIGHT.__getitem__))}

DeadlineKey = tuple[str, DeadlineKind, str, date]  # client, kind, row it is about, due on


def short_label(kind: DeadlineKind, lang: str = "de") -> str:
    """The kind as a group heading counts it ("Aufenthalt", "plan review")."""
    de, en = SHORT_LABELS[kind]
    return de if lang == "de" else en


def week_end(today: date) -> date:
    """The Sunday of today's week (today itself on a Sunday)."""
    return today + timedelta(days=6 - today.weekday())


def urgency(due_on: date, today: date) -> Urgency:
    """Overdue before today, this week up to Sunday, next weeks after that."""
    if due_on < today:
        return Urgency.OVERDUE
    return Urgency.THIS_WEEK if due_on <= week_end(today) else Urgency.NEXT_WEEKS


def triage_key(deadline: Deadline) -> tuple[int, date, int]:
    """The order within a group: legal deadlines, then papers, then plans; each by date."""
    return WEIGHT[deadline.kind], deadline.due_on, _KIND_ORDER[deadline.kind]


@dataclass(frozen=True)
class DeadlineGroup(Generic[T]):
    """One group of the radar: its items in triage order and how many of each kind."""

    urgency: Urgency
    items: tuple[T, ...]
    counts: tuple[tuple[DeadlineKind, int], ...]  # legal kinds first, only kinds present

    def heading(self, lang: str = "de") -> str:
        """ "Überfällig (12) — 3 Aufenthalt, 1 § 104c, 8 Planüberprüfung"."""
        kinds = ", ".join(f"{n} {short_label(kind, lang)}" for kind, n in self.counts)
        return f"{self.urgency.label(lang)} ({len(self.items)}) — {kinds}"


def group_by_urgency(
    items: Iterable[T],
    today: date,
    deadline_of: Callable[[T], Deadline],
    set_aside: Callable[[T], bool] = lambda _item: False,
) -> list[DeadlineGroup[T]]:
    """The items in groups (overdue, this week, next weeks, set aside), empty ones left out.

    Within a group legal deadlines come first, then papers and originals, then plans and
    measures, each by date; items equal in that keep the order they were given in.
    """
    grouped: dict[Urgency, list[T]] = {u: [] for u in Urgency}
    for item in items:
        due_on = deadline_of(item).due_on
        grouped[Urgency.SET_ASIDE if set_aside(item) else urgency(due_on, today)].append(item)
    groups = []
    for group_urgency, members in grouped.items():
        if not members:
            continue
        members.sort(key=lambda item: triage_key(deadline_of(item)))
        counted = Counter(deadline_of(item).kind for item in members)
        counts = tuple((k, counted[k]) for k in sorted(counted, key=_KIND_ORDER.__getitem__))
        groups.append(DeadlineGroup(group_urgency, tuple(members), counts))
    return groups


def deadline_key(deadline: Deadline) -> DeadlineKey:
    """What a mark names a deadline by: client, kind, the row it is about, the day it is due."""
    return deadline.client_id, deadline.kind, deadline.entity_id, deadline.due_on


def mark_key(mark: DeadlineMark) -> DeadlineKey:
    """The deadline a mark names (see `deadline_key`)."""
    return mark.client_id, mark.kind, mark.entity_id, mark.due_on


def marks_by_deadline(marks: Iterable[DeadlineMark]) -> dict[DeadlineKey, DeadlineMark]:
    """The mark that counts for each deadline marked.

    Two colleagues may mark the same deadline before they have seen each other's mark: then
    done beats snoozed, and of two snoozes the later day counts, on every computer alike.
    """
    found: dict[DeadlineKey, DeadlineMark] = {}
    for mark in marks:
        key = mark_key(mark)
        if key not in found or _stronger(mark, found[key]):
            found[key] = mark
    return found


def _stronger(mark: DeadlineMark, other: DeadlineMark) -> bool:
    def rank(m: DeadlineMark) -> tuple[bool, date, str]:
        return m.status is MarkStatus.DONE, m.snoozed_until or date.min, m.id

    return rank(mark) > rank(other)
