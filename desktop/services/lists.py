"""The case list and the deadline radar as a spreadsheet for a meeting: CSV or XLSX.

Which columns, in which language, and which rows; the files themselves are written by
`desktop/formats/spreadsheet_writer.py` (CSV as German Excel reads it, XLSX with date cells).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.errors import InvalidInput
from desktop.domain.places import country_name
from desktop.formats.spreadsheet_writer import FORMATS, Table, Value, write_table
from desktop.services import agenda, audit
from desktop.services.clients import all_clients
from desktop.store.search import ClientQuery
from desktop.store.store import Store

CASE_COLUMNS: dict[str, tuple[str, str]] = {
    "file_number": ("Aktenzeichen", "File number"),
    "family_name": ("Familienname", "Family name"),
    "given_names": ("Vornamen", "Given names"),
    "birth_date": ("Geburtsdatum", "Date of birth"),
    "nationality": ("Staatsangehörigkeit", "Nationality"),
    "residence_status": ("Aufenthaltsstatus", "Residence status"),
    "status_valid_until": ("Status gültig bis", "Status valid until"),
    "opened_on": ("Fall eröffnet", "Case opened"),
    "closed_on": ("Fall abgeschlossen", "Case closed"),
}
RADAR_COLUMNS: dict[str, tuple[str, str]] = {
    "due_on": ("Fällig am", "Due on"),
    "overdue": ("Überfällig", "Overdue"),
    "client": ("Klient/in", "Client"),
    "kind": ("Art", "Kind"),
    "subject": ("Betreff", "Subject"),
}
_YES_NO = {"de": ("ja", "nein"), "en": ("yes", "no")}
_SHEETS = {"cases": ("Fallliste", "Case list"), "radar": ("Fristen", "Deadlines")}


def format_of(target: Path, fmt: str | None = None) -> str:
    """ "csv" or "xlsx": `fmt` if given, else from the file's suffix; InvalidInput otherwise."""
    chosen = (fmt or Path(target).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            "format",
            f"'{chosen or target}' is not a list format; choose csv or xlsx.",
            f"'{chosen or target}' ist kein Listenformat; möglich sind csv und xlsx.",
        )
    return chosen


def _pick(labels: tuple[str, str], lang: str) -> str:
    return labels[0] if lang == "de" else labels[1]


# -- the lists -------------------------------------------------------------------------------


def case_list_sheet(store: Store, query: ClientQuery, lang: str = "de") -> Table:
    """The clients of the case list `query` (every page of it), one row each.

    No phone numbers, addresses or notes: what a case conference needs.
    """
    rows: list[tuple[Value, ...]] = []
    for c in all_clients(store, query):
        rows.append(
            (
                c.file_number,
                c.family_name,
                c.given_names,
                c.birth_date,
                country_name(c.nationality, lang) if c.nationality else "",
                c.residence_status.label(lang) if c.residence_status else "",
                c.status_valid_until,
                c.opened_on,
                c.closed_on,
            )
        )
    headers = tuple(_pick(h, lang) for h in CASE_COLUMNS.values())
    return Table(_pick(_SHEETS["cases"], lang), headers, rows)


def radar_sheet(
    store: Store, today: date, within_days: int, lang: str = "de", *, measures: bool = False
) -> Table:
    """The deadline radar (`agenda.deadline_radar`) as rows: overdue first, by date."""
    yes, no = _YES_NO[lang if lang in _YES_NO else "en"]
    rows: list[tuple[Value, ...]] = [
        (
            e.deadline.due_on,
            yes if e.deadline.overdue else no,
            e.client_name,
            e.deadline.kind.label(lang),
            e.deadline.subject_text(lang),
        )
        for e in agenda.deadline_radar(store, today, within_days, measures=measures)
    ]
    headers = tuple(_pick(h, lang) for h in RADAR_COLUMNS.values())
    return Table(_pick(_SHEETS["radar"], lang), headers, rows)


def export_case_list(
    store: Store, query: ClientQuery, target: Path, fmt: str | None = None, *, lang: str = "de"
) -> int:
    """Write the case list to `target` as CSV or XLSX (`fmt`, or the suffix); returns rows."""
    fmt = format_of(target, fmt)
    sheet = case_list_sheet(store, query, lang)
    write_table(sheet, Path(target), fmt, lang)
    audit.record(store, "exported", what="case list", count=len(sheet.rows))
    return len(sheet.rows)


def export_radar(
    store: Store,
    today: date,
    within_days: int,
    target: Path,
    fmt: str | None = None,
    *,
    lang: str = "de",
    measures: bool = False,
) -> int:
    """Write the deadline radar to `target` as CSV or XLSX; returns the number of deadlines."""
    fmt = format_of(target, fmt)
    sheet = radar_sheet(store, today, within_days, lang, measures=measures)
    write_table(sheet, Path(target), fmt, lang)
    audit.record(store, "exported", what="deadline radar", count=len(sheet.rows))
    return len(sheet.rows)
