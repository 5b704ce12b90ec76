"""Numbers for the district or the state programme: a period's cases, measures, papers, support.

Everything here is a count; no name, date of birth or id leaves this module. Counts of 1 and 2
are shown as "<3" (`display`) in every table and export, so that nobody can be recognised in a
small group. Population of each figure (see docs/calendar-and-statistics.md):

- cases open at the end of the period, new in it (opened on a day of it), closed in it;
- residence status, measures, missing papers and support: the cases open at the end of the
  period, as they stand now (measures and support links carry no history of their status);
- appointments: those that start in the period, by their status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.catalogues import (
    AppointmentStatus,
    DocumentKind,
    FieldOfAction,
    MeasureStatus,
    ResidenceStatus,
)
from desktop.domain.errors import InvalidInput
from desktop.formats.spreadsheet_writer import Table as SheetTable
from desktop.formats.spreadsheet_writer import csv_bytes
from desktop.fsutil import atomic_write_bytes
from desktop.store.store import Store

SMALL = 3  # counts from 1 to SMALL - 1 are not shown
FORMATS = ("csv", "pdf")


def display(count: int) -> str:
    """A count as published: "0", "<3" for 1 and 2, else the number."""
    return "<3" if 0 < count < SMALL else str(count)


@dataclass(frozen=True)
class MeasureCounts:
    """The measures of one field of action by status."""

    planned: int = 0
    in_progress: int = 0
    done: int = 0
    dropped: int = 0

    @property
    def total(self) -> int:
        return self.planned + self.in_progress + self.done + self.dropped


@dataclass(frozen=True)
class Statistics:
    """The figures of one period (start and end inclusive); counts only."""

    start: date
    end: date
    open_at_end: int
    new: int
    closed: int
    residence: dict[ResidenceStatus | None, int] = field(default_factory=dict)
    measures: dict[FieldOfAction, MeasureCounts] = field(default_factory=dict)
    documents_missing: dict[DocumentKind, int] = field(default_factory=dict)  # clients lacking
    clients_missing_documents: int = 0
    appointments: dict[AppointmentStatus, int] = field(default_factory=dict)
    support: dict[str, int] = field(default_factory=dict)  # "none", "one", "several"


def check_period(start: date, end: date) -> None:
    """InvalidInput when the period ends before it starts."""
    if end < start:
        raise InvalidInput(
            "to",
            f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}).",
            f"Der Zeitraum endet ({end:%d.%m.%Y}) vor seinem Anfang ({start:%d.%m.%Y}).",
        )


def compute(store: Store, start: date, end: date) -> Statistics:
    """The statistics of the period from `start` to `end` (both days included), counted in SQL
    by the store: no client is read into memory."""
    check_period(start, end)
    counts = store.period_counts(start, end)
    measures = {
        f: MeasureCounts(
            counts.measures.get((f.value, MeasureStatus.PLANNED.value), 0),
            counts.measures.get((f.value, MeasureStatus.IN_PROGRESS.value), 0),
            counts.measures.get((f.value, MeasureStatus.DONE.value), 0),
            counts.measures.get((f.value, MeasureStatus.DROPPED.value), 0),
        )
        for f in FieldOfAction
    }
    return Statistics(
        start=start,
        end=end,
        open_at_end=counts.open_at_end,
        new=counts.new,
        closed=counts.closed,
        residence={
            (ResidenceStatus(status) if status else None): n
            for status, n in counts.residence.items()
        },
        measures=measures,
        documents_missing={
            k: counts.documents_missing[k.value]
            for k in DocumentKind
            if counts.documents_missing.get(k.value)
        },
        clients_missing_documents=counts.clients_missing_documents,
        appointments={s: counts.appointments.get(s.value, 0) for s in AppointmentStatus},
        support={k: counts.support.get(n, 0) for n, k in enumerate(("none", "one", "several"))},
    )


# -- tables, as every export shows them ------------------------------------------------------

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("Statistik", "Statistics"),
    "period": ("Zeitraum", "Period"),
    "small": (
        "Zahlen von 1 und 2 werden als „<3“ angegeben.",
        "Counts of 1 and 2 are shown as “<3”.",
    ),
    "cases": ("Fälle", "Cases"),
    "open_at_end": ("offen am Ende des Zeitraums", "open at the end of the period"),
    "new": ("neu im Zeitraum", "new in the period"),
    "closed": ("abgeschlossen im Zeitraum", "closed in the period"),
    "residence": ("Aufenthaltsstatus der offenen Fälle", "Residence status of open cases"),
    "status": ("Status", "Status"),
    "no_status": ("ohne Angabe", "not stated"),
    "measures": ("Maßnahmen nach Handlungsfeld", "Measures by field of action"),
    "field": ("Handlungsfeld", "Field of action"),
    "documents": ("Fehlende Dokumente der offenen Fälle", "Documents still missing (open cases)"),
    "document": ("Dokument", "Document"),
    "clients_lacking": ("Personen, denen es fehlt", "People lacking it"),
    "incomplete": (
        "Personen mit unvollständiger Checkliste",
        "People with an incomplete checklist",
    ),
    "appointments": ("Termine im Zeitraum", "Appointments in the period"),
    "support": ("Unterstützung je offenem Fall", "Support per open case"),
    "support_kind": ("Partnerorganisationen", "Partner organisations"),
    "none": ("keine", "none"),
    "one": ("eine", "one"),
    "several": ("mehrere", "several"),
    "what": ("Merkmal", "Item"),
    "count": ("Anzahl", "Count"),
    "total": ("gesamt", "total"),
}


def text(key: str, lang: str = "de") -> str:
    """A fixed text of the statistics in German or English."""
    de, en = _TEXT[key]
    return de if lang == "de" else en


@dataclass(frozen=True)
class Table:
    """One section of the statistics: every count already shown as `display` shows it.

    `chart` holds the raw counts of a one-column table for a bar chart (a count below 3 is 0
    there and labelled "<3"), empty for tables with more columns.
    """

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    chart: tuple[tuple[str, str, int], ...] = ()  # label, count as shown, bar length


def _one_column(key: str, lang: str, first: str, items: Iterable[tuple[str, int]]) -> Table:
    items = list(items)
    rows = tuple((label, display(n)) for label, n in items)
    chart = tuple((label, display(n), n if n >= SMALL else 0) for label, n in items)
    return Table(key, text(key, lang), (first, text("count", lang)), rows, chart)


def tables(stats: Statistics, lang: str = "de") -> list[Table]:
    """The statistics as tables of text, the same for CSV, PDF and the window."""
    t = lambda key: text(key, lang)  # noqa: E731
    out = [
        _one_column(
            "cases",
            lang,
            t("what"),
            [
                (t("open_at_end"), stats.open_at_end),
                (t("new"), stats.new),
                (t("closed"), stats.closed),
            ],
        )
    ]
    residence = [(s.label(lang), stats.residence.get(s, 0)) for s in ResidenceStatus]
    residence.append((t("no_status"), stats.residence.get(None, 0)))
    out.append(_one_column("residence", lang, t("status"), [r for r in residence if r[1]]))
    headers = (
        t("field"),
        MeasureStatus.PLANNED.label(lang),
        MeasureStatus.IN_PROGRESS.label(lang),
        MeasureStatus.DONE.label(lang),
        MeasureStatus.DROPPED.label(lang),
        t("total"),
    )
    rows = tuple(
        (
            f.label(lang),
            display(c.planned),
            display(c.in_progress),
            display(c.done),
            display(c.dropped),
            display(c.total),
        )
        for f, c in stats.measures.items()
        if c.total
    )
    out.append(Table("measures", t("measures"), headers, rows))
    documents = [(k.label(lang), n) for k, n in stats.documents_missing.items()]
    documents.append((t("incomplete"), stats.clients_missing_documents))
    table = _one_column("documents", lang, t("document"), documents)
    out.append(
        Table(
            table.key, table.title, (t("document"), t("clients_lacking")), table.rows, table.chart
        )
    )
    out.append(
        _one_column(
            "appointments",
            lang,
            t("status"),
            [(s.label(lang), stats.appointments.get(s, 0)) for s in AppointmentStatus],
        )
    )
    out.append(
        _one_column(
            "support",
            lang,
            t("support_kind"),
            [(t(k), stats.support.get(k, 0)) for k in ("none", "one", "several")],
        )
    )
    return out


def period_text(stats: Statistics, lang: str = "de") -> str:
    """ "Zeitraum: 01.01.2026 – 31.12.2026"."""
    if lang == "de":
        return f"{text('period', lang)}: {stats.start:%d.%m.%Y} – {stats.end:%d.%m.%Y}"
    return f"{text('period', lang)}: {stats.start.isoformat()} – {stats.end.isoformat()}"


# -- exports ---------------------------------------------------------------------------------


def format_of(target: Path, fmt: str | None = None) -> str:
    """ "csv" or "pdf": `fmt` if given, else from the suffix; InvalidInput otherwise."""
    chosen = (fmt or Path(target).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            "format",
            f"'{chosen or target}' is not a statistics format; choose csv or pdf.",
            f"'{chosen or target}' ist kein Statistikformat; möglich sind csv und pdf.",
        )
    return chosen


def csv_export(stats: Statistics, lang: str = "de") -> bytes:
    """The statistics as one CSV file: a heading line, then one section per table."""
    head = SheetTable(text("title", lang), (period_text(stats, lang),), [(text("small", lang),)])
    sheets = [head] + [SheetTable(t.title, t.headers, list(t.rows)) for t in tables(stats, lang)]
    return csv_bytes(sheets, lang, titles=True)


def pdf_export(stats: Statistics, lang: str = "de") -> bytes:
    """The statistics as a PDF with tables and simple bar charts."""
    from desktop.report.statistics import Section, render  # reportlab loads only here

    sections = [Section(t.title, t.headers, t.rows, t.chart) for t in tables(stats, lang)]
    return render(
        text("title", lang), period_text(stats, lang), text("small", lang), sections, lang
    )


def export_statistics(
    store: Store, start: date, end: date, target: Path, fmt: str | None = None, *, lang: str = "de"
) -> Statistics:
    """Compute the period's statistics and write them to `target` (CSV or PDF) atomically."""
    fmt = format_of(target, fmt)
    stats = compute(store, start, end)
    data = csv_export(stats, lang) if fmt == "csv" else pdf_export(stats, lang)
    atomic_write_bytes(Path(target), data)
    return stats
