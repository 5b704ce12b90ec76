"""Numbers for the district or the state programme: a period's cases, measures, papers, support.

Everything here is a count; no name, date of birth or id leaves this module. Counts of 1 and 2
are shown as "<3" in every table and export, so that nobody can be recognised in a small group,
and counts that would let a "<3" be worked out from a total (the measures' total column, the
open cases that the residence and support columns add up to) are shown as "x" (secondary
suppression, `desktop/services/suppression.py`). Population of each figure (see
docs/calendar-and-statistics.md):

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
from desktop.formats.spreadsheet_writer import Value, csv_bytes, workbook_bytes
from desktop.fsutil import atomic_write_bytes
from desktop.services.suppression import SMALL, Hidden, Line, suppress
from desktop.store.store import Store

FORMATS = ("csv", "xlsx", "pdf")
SECONDARY_MARK = "x"  # a count hidden so that a "<3" beside it cannot be worked out


def display(count: int) -> str:
    """A count as published on its own: "0", "<3" for 1 and 2, else the number."""
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
        "Zahlen von 1 und 2 werden als „<3“ angegeben; „x“ ist eine Zahl, die verborgen bleibt, "
        "damit sich kein „<3“ aus einer Summe errechnen lässt.",
        "Counts of 1 and 2 are shown as “<3”; “x” is a count left out so that no “<3” can be "
        "worked out from a total.",
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
    "from": ("von", "from"),
    "to": ("bis", "to"),
    "note": ("Hinweis", "Note"),
    "table": ("Tabelle", "table"),
    "row": ("Zeile", "row"),
    "column": ("Spalte", "column"),
    "value": ("Wert", "value"),
}

# short sheet names (Excel allows 31 characters)
_SHEETS: dict[str, tuple[str, str]] = {
    "cases": ("Fälle", "Cases"),
    "residence": ("Aufenthaltsstatus", "Residence status"),
    "measures": ("Maßnahmen", "Measures"),
    "documents": ("Fehlende Dokumente", "Missing documents"),
    "appointments": ("Termine", "Appointments"),
    "support": ("Unterstützung", "Support"),
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


Key = tuple[str, ...]


class Published:
    """Every count of the statistics by key, with the ones to hide (primary and secondary)."""

    def __init__(self, stats: Statistics) -> None:
        counts: dict[Key, int] = {
            ("cases", "open_at_end"): stats.open_at_end,
            ("cases", "new"): stats.new,
            ("cases", "closed"): stats.closed,
        }
        counts.update({("residence", str(s)): n for s, n in stats.residence.items()})
        for f, c in stats.measures.items():
            for status, n in (*zip(_STATUSES, _measure_counts(c), strict=True), ("total", c.total)):
                counts[("measures", f.value, status)] = n
        counts.update({("documents", k.value): n for k, n in stats.documents_missing.items()})
        counts[("documents", "incomplete")] = stats.clients_missing_documents
        counts.update({("appointments", s.value): n for s, n in stats.appointments.items()})
        counts.update({("support", k): n for k, n in stats.support.items()})
        keys = list(counts)
        index = {key: i for i, key in enumerate(keys)}
        open_cases = index[("cases", "open_at_end")]
        lines = [
            # the residence statuses and the support column each add up to the open cases
            Line(tuple(i for key, i in index.items() if key[0] == table), open_cases)
            for table in ("residence", "support")
        ]
        lines += [
            Line(
                tuple(index[("measures", f.value, s)] for s in _STATUSES),
                index[("measures", f.value, "total")],
            )
            for f in stats.measures
        ]
        hidden = suppress([counts[k] for k in keys], lines)
        self.counts = counts
        self.hidden = {keys[i]: why for i, why in hidden.items()}

    def shown(self, key: Key) -> str:
        """The count as published: the number, "<3", or "x" (hidden so as not to give a "<3"
        away)."""
        why = self.hidden.get(key)
        if why is Hidden.PRIMARY:
            return "<3"
        return SECONDARY_MARK if why is Hidden.SECONDARY else str(self.counts.get(key, 0))

    def bar(self, key: Key) -> int:
        """The length of a count's bar: 0 when it is hidden, so no picture gives it away."""
        return 0 if key in self.hidden else self.counts.get(key, 0)


_STATUSES = ("planned", "in_progress", "done", "dropped")


def _measure_counts(c: MeasureCounts) -> tuple[int, int, int, int]:
    return (c.planned, c.in_progress, c.done, c.dropped)


def _one_column(
    key: str, lang: str, first: str, items: Iterable[tuple[str, Key]], published: Published
) -> Table:
    items = list(items)
    rows = tuple((label, published.shown(k)) for label, k in items)
    chart = tuple((label, published.shown(k), published.bar(k)) for label, k in items)
    return Table(key, text(key, lang), (first, text("count", lang)), rows, chart)


def tables(stats: Statistics, lang: str = "de") -> list[Table]:
    """The statistics as tables of text, the same for CSV, XLSX, PDF and the window."""
    t = lambda key: text(key, lang)  # noqa: E731
    p = Published(stats)
    out = [
        _one_column(
            "cases",
            lang,
            t("what"),
            [(t(k), ("cases", k)) for k in ("open_at_end", "new", "closed")],
            p,
        )
    ]
    statuses: list[ResidenceStatus | None] = [*ResidenceStatus, None]
    residence = [
        (s.label(lang) if s else t("no_status"), ("residence", str(s)))
        for s in statuses
        if stats.residence.get(s, 0)
    ]
    out.append(_one_column("residence", lang, t("status"), residence, p))
    headers = (
        t("field"),
        *(MeasureStatus(s).label(lang) for s in _STATUSES),
        t("total"),
    )
    rows = tuple(
        (f.label(lang), *(p.shown(("measures", f.value, s)) for s in (*_STATUSES, "total")))
        for f, c in stats.measures.items()
        if c.total
    )
    out.append(Table("measures", t("measures"), headers, rows))
    documents = [(k.label(lang), ("documents", k.value)) for k in stats.documents_missing]
    documents.append((t("incomplete"), ("documents", "incomplete")))
    table = _one_column("documents", lang, t("document"), documents, p)
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
            [(s.label(lang), ("appointments", s.value)) for s in AppointmentStatus],
            p,
        )
    )
    out.append(
        _one_column(
            "support",
            lang,
            t("support_kind"),
            [(t(k), ("support", k)) for k in ("none", "one", "several")],
            p,
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
    """ "csv", "xlsx" or "pdf": `fmt` if given, else from the suffix; InvalidInput otherwise."""
    chosen = (fmt or Path(target).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            "format",
            f"'{chosen or target}' is not a statistics format; choose csv, xlsx or pdf.",
            f"'{chosen or target}' ist kein Statistikformat; möglich sind csv, xlsx und pdf.",
        )
    return chosen


def _cell(shown: str) -> Value:
    """A published count as a spreadsheet value: a number, or the text "<3" or "x"."""
    return int(shown) if shown.isdigit() else shown


def _period_ends(stats: Statistics, lang: str) -> tuple[str, str]:
    if lang == "de":
        return f"{stats.start:%d.%m.%Y}", f"{stats.end:%d.%m.%Y}"
    return stats.start.isoformat(), stats.end.isoformat()


def long_rows(stats: Statistics, lang: str = "de") -> list[tuple[str, str, str, Value]]:
    """Every published count as (table, row, column, value), after the period and the note.

    One rectangular table that a spreadsheet reads as it is and that a pivot table turns back
    into the tables of the statistics.
    """
    about, first, last = text("title", lang), *_period_ends(stats, lang)
    out: list[tuple[str, str, str, Value]] = [
        (about, text("period", lang), text("from", lang), first),
        (about, text("period", lang), text("to", lang), last),
        (about, text("note", lang), "", text("small", lang)),
    ]
    for table in tables(stats, lang):
        for row in table.rows:
            for header, shown in zip(table.headers[1:], row[1:], strict=True):
                out.append((table.title, row[0], header, _cell(shown)))
    return out


def csv_export(stats: Statistics, lang: str = "de") -> bytes:
    """The statistics as one CSV table in long format: table; row; column; value (German
    Excel's dialect: UTF-8 with BOM, ";", CRLF)."""
    headers = tuple(text(k, lang) for k in ("table", "row", "column", "value"))
    rows: list[tuple[Value, ...]] = list(long_rows(stats, lang))
    return csv_bytes([SheetTable(text("title", lang), headers, rows)], lang)


def xlsx_export(stats: Statistics, lang: str = "de") -> bytes:
    """The statistics as a workbook: a first sheet with the period and the note, then one sheet
    per table, counts as numbers and hidden ones as the text "<3" or "x"."""
    first, last = _period_ends(stats, lang)
    about = SheetTable(
        text("title", lang),
        (text("title", lang), ""),
        [
            (text("period", lang), f"{first} – {last}"),
            (text("note", lang), text("small", lang)),
        ],
    )
    sheets = [about] + [
        SheetTable(
            _SHEETS[t.key][0 if lang == "de" else 1],
            t.headers,
            [(row[0], *(_cell(v) for v in row[1:])) for row in t.rows],
        )
        for t in tables(stats, lang)
    ]
    return workbook_bytes(sheets)


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
    """Compute the period's statistics and write them to `target` (CSV, XLSX or PDF)
    atomically."""
    fmt = format_of(target, fmt)
    stats = compute(store, start, end)
    exports = {"csv": csv_export, "xlsx": xlsx_export, "pdf": pdf_export}
    data = exports[fmt](stats, lang)
    atomic_write_bytes(Path(target), data)
    return stats
