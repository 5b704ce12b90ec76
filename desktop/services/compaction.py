"""Compaction: change history that every active colleague has acknowledged is settled.

The horizon per origin device is what this file holds of it, lowered to what each active trusted
colleague has acknowledged. Active: the colleague sent a bundle at least once, and within
`compaction_wait_days` (a meta setting, 90 by default). A colleague who never sent one does not
hold compaction back (their first bundle from here is a snapshot); one silent for longer stops
holding it back, with a warning, and gets a snapshot when they return. With no colleagues all
history is settled. Settled rows keep per field group only what a merge compares with (see
`desktop/store/changelog/settled.py`); the merge and the bundles read them through `change_log`.

It runs in slices, each its own short transaction, so that the window's worker can run it
between other work; `compact` on the command line runs it and then VACUUMs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from desktop.domain.errors import InvalidInput
from desktop.store.store import Store

WAIT_DAYS = "compaction_wait_days"  # meta setting
DEFAULT_WAIT_DAYS = 90
MAX_WAIT_DAYS = 3650
SLICE = 2_000  # change rows looked at per transaction
CURSOR = "compaction_cursor"  # meta: where a limited run stopped (the change table's seq)


@dataclass
class CompactReport:
    """What one compaction did."""

    settled_rows: int = 0  # entity rows (and audit events) whose history was settled
    dropped_rows: int = 0  # change rows that left the change table
    waiting_for: list[str] = field(default_factory=list)  # colleagues holding compaction back
    stopped_waiting_for: list[str] = field(default_factory=list)  # silent past the wait
    horizon: dict[str, int] = field(default_factory=dict)  # per device, settled up to
    done: bool = True  # False: `limit` was reached before the end of the change table

    def warning(self, lang: str = "en") -> str:
        """One sentence about colleagues no longer waited for ("" if none)."""
        if not self.stopped_waiting_for:
            return ""
        names = ", ".join(self.stopped_waiting_for)
        if lang == "de":
            return (
                f"Auf {names} wird beim Verdichten nicht mehr gewartet (zu lange kein Paket"
                " erhalten); bei der Rückkehr bekommen sie einen vollständigen Stand."
            )
        return (
            f"Compaction no longer waits for {names} (no bundle from them for too long);"
            " they get a full snapshot when they return."
        )


def wait_days(store: Store) -> int:
    """How long a silent colleague holds compaction back (days)."""
    value = store.meta(WAIT_DAYS)
    try:
        days = int(value) if value else DEFAULT_WAIT_DAYS
    except ValueError:
        days = DEFAULT_WAIT_DAYS
    return max(days, 0)


def set_wait_days(store: Store, days: int) -> None:
    """Set how long a silent colleague holds compaction back."""
    if not 0 <= days <= MAX_WAIT_DAYS:
        raise InvalidInput(
            "days",
            "The wait must be between 0 and 3650 days.",
            "Die Wartezeit muss zwischen 0 und 3650 Tagen liegen.",
        )
    store.set_meta(WAIT_DAYS, str(days))


def horizon(
    store: Store, now: datetime | None = None
) -> tuple[dict[str, int], list[str], list[str]]:
    """(per device the sequence settled up to, colleagues holding it back, those past the wait)."""
    now = now or datetime.now(UTC)
    limit = now - timedelta(days=wait_days(store))
    held = store.log.version_vector()
    found = dict(held)
    waiting, stopped = [], []
    for record in store.sync_state.colleagues():
        if record.last_import_at is None:
            continue  # never acknowledged anything: onboarded by a snapshot
        last = datetime.fromisoformat(record.last_import_at.replace("Z", "+00:00"))
        if last < limit:
            stopped.append(record.name)
            continue
        behind = False
        for device, seq in found.items():
            acked = record.acked.get(device, 0)
            if acked < seq:
                found[device] = acked
                behind = True
        if behind:
            waiting.append(record.name)
    return {d: s for d, s in found.items() if s > 0}, waiting, stopped


def compact(
    store: Store, *, limit: int | None = None, now: datetime | None = None
) -> CompactReport:
    """Settle the acknowledged history; `limit` caps the change rows looked at (None: all)."""
    by_device, waiting, stopped = horizon(store, now)
    report = CompactReport(waiting_for=waiting, stopped_waiting_for=stopped, horizon=by_device)
    if not by_device:
        return report
    # A limited run goes on where the last one stopped, so that runs of a few slices each (after
    # every exchange round, between the window's other work) sweep the whole table in turn.
    cursor = _cursor(store) if limit is not None else 0
    looked = 0
    while limit is None or looked < limit:
        size = SLICE if limit is None else min(SLICE, limit - looked)
        rows, dropped, cursor, seen = store.settled.settle_slice(by_device, cursor, size)
        report.settled_rows += rows
        report.dropped_rows += dropped
        looked += seen
        if seen < size:
            store.set_meta(CURSOR, "")
            return report
    store.set_meta(CURSOR, str(cursor))
    report.done = False
    return report


def _cursor(store: Store) -> int:
    value = store.meta(CURSOR)
    return int(value) if value and value.isdigit() else 0


@dataclass(frozen=True)
class CompactedFile:
    """`compact_file`: what compaction did and the file's size before and after."""

    report: CompactReport
    size_before: int
    size_after: int


def compact_file(store: Store, *, now: datetime | None = None) -> CompactedFile:
    """Compact all that is settled, then give the freed pages back (VACUUM; outside a
    transaction, so not in the middle of the window's work): `compact` on the command line."""
    before = store.file_size()
    report = compact(store, now=now)
    if report.dropped_rows:
        store.scrub()
    return CompactedFile(report, before, store.file_size())
