"""Clients from a spreadsheet: map columns to fields, plan (validate and match), then import.

Every value is read by the same text parser as the command line (`clients.fields_from_text`).
A row matches an existing client by file number, else by family and given names (folded: case,
accents and umlaut spellings do not matter) with a compatible birth date; a row that repeats an
earlier row of the same file is not added twice. The import is all or nothing: one transaction,
and rows with errors either stop it before anything is written or are skipped on request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client
from desktop.domain.names import fold_variants
from desktop.formats.spreadsheet import Cell, Sheet, read_sheet
from desktop.services import clients, retention
from desktop.services.import_mapping import FIELDS, LIST_FIELDS, ColumnMapping, guess_mapping
from desktop.store.store import Store

__all__ = [  # the spreadsheet as read too: the window never imports desktop.formats
    "FIELDS",
    "BadRows",
    "Cell",
    "ImportPlan",
    "ImportResult",
    "PlannedRow",
    "RowProblem",
    "Sheet",
    "apply_import",
    "guess_mapping",
    "plan_import",
    "plan_sheet",
    "read_sheet",
]

# -- the plan ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a row cannot be imported: its number, the field and one sentence."""

    row: int
    field: str
    en: str
    de: str

    def text(self, lang: str = "en") -> str:
        """ "row 17: …" (or "Zeile 17: …")."""
        return f"Zeile {self.row}: {self.de}" if lang == "de" else f"row {self.row}: {self.en}"


NEW, EXISTING, REPEAT, BAD = "new", "existing", "repeat", "bad"


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """One row of the spreadsheet and what the import will do with it.

    outcome: "new" (a client will be added), "existing" (it is `existing_id`, left unchanged),
    "repeat" (the same person as the earlier row `same_as_row`) or "bad" (`problem` says why).
    """

    number: int
    cells: tuple[Cell, ...]
    fields: dict[str, Any]
    outcome: str
    problem: RowProblem | None = None
    existing_id: str | None = None
    same_as_row: int | None = None


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """A spreadsheet read, mapped, validated and matched; nothing written yet."""

    header: tuple[str, ...]
    mapping: ColumnMapping
    rows: tuple[PlannedRow, ...]
    path: Path | None = None

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def new(self) -> int:
        return self.count(NEW)

    @property
    def matched(self) -> int:
        return self.count(EXISTING)

    @property
    def repeated(self) -> int:
        return self.count(REPEAT)

    @property
    def problems(self) -> tuple[RowProblem, ...]:
        return tuple(r.problem for r in self.rows if r.problem is not None)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: clients added, rows matched to existing clients (or repeating an
    earlier row), bad rows skipped and why."""

    added: int
    matched: int
    skipped_bad: int
    errors: tuple[RowProblem, ...] = ()
    repeated: int = 0
    added_ids: tuple[str, ...] = field(default=())

    def text(self, lang: str = "en") -> str:
        """ "12 new, 3 already in the case file, 0 bad rows" (or German)."""
        if lang == "de":
            line = (
                f"{self.added} neu, {self.matched} schon in der Fallakte, "
                f"{self.skipped_bad} fehlerhafte Zeilen"
            )
            return line + (f", {self.repeated} doppelte Zeilen" if self.repeated else "")
        line = (
            f"{self.added} new, {self.matched} already in the case file, "
            f"{self.skipped_bad} bad rows"
        )
        return line + (f", {self.repeated} repeated rows" if self.repeated else "")


class BadRows(InvalidInput):
    """Rows of the spreadsheet cannot be imported, so nothing was imported."""

    def __init__(self, problems: tuple[RowProblem, ...], shown: int = 3) -> None:
        n = len(problems)
        self.summary_en = (
            f"{n} row{'s' if n != 1 else ''} of the spreadsheet cannot be imported, so nothing "
            "was imported: correct them or skip the bad rows."
        )
        self.summary_de = (
            f"{n} Zeile{'n' if n != 1 else ''} der Tabelle {'können' if n != 1 else 'kann'} "
            "nicht importiert werden, daher wurde nichts importiert: bitte korrigieren oder "
            "fehlerhafte Zeilen überspringen."
        )
        first_en = "; ".join(p.text("en") for p in problems[:shown])
        first_de = "; ".join(p.text("de") for p in problems[:shown])
        super().__init__(
            problems[0].field if problems else "row",
            f"{self.summary_en[:-1]} (first: {first_en}).",
            f"{self.summary_de[:-1]} (zuerst: {first_de}).",
            row=problems[0].row if problems else None,
        )
        self.problems = problems

    def summary(self, lang: str = "en") -> str:
        """The one-sentence summary without the rows."""
        return self.summary_de if lang == "de" else self.summary_en


def _check_mapping(header: tuple[str, ...], mapping: Mapping[int, str]) -> None:
    seen: set[str] = set()
    for column, name in mapping.items():
        if name not in FIELDS:
            raise InvalidInput(
                name, f"'{name}' is not a field to import.", f"'{name}' ist kein Importfeld."
            )
        if name in seen and name not in LIST_FIELDS:
            raise InvalidInput(
                name,
                f"Two columns are mapped to {FIELDS[name][1]}; choose one.",
                f"Zwei Spalten sind {FIELDS[name][0]} zugeordnet; bitte eine wählen.",
            )
        seen.add(name)
        if column < 0:
            raise InvalidInput("column", "A column number is negative.", "Negative Spalte.")
    if "family_name" not in seen:
        found = ", ".join(f"'{h}'" for h in header if h) or "-"
        raise InvalidInput(
            "family_name",
            f"No column holds the family name (the headers found are {found}); name it "
            "'Nachname' or 'Family name', or map the columns yourself.",
            f"Keine Spalte enthält den Familiennamen (gefundene Überschriften: {found}); "
            "nennen Sie sie 'Nachname' oder ordnen Sie die Spalten selbst zu.",
        )


def _raw_fields(cells: tuple[Cell, ...], mapping: Mapping[int, str]) -> dict[str, str | list[str]]:
    """The row's text per field; date cells as ISO text, lists split, empty cells left out."""
    raw: dict[str, str | list[str]] = {}
    for column, name in sorted(mapping.items()):
        cell = cells[column] if column < len(cells) else ""
        text = cell.isoformat() if isinstance(cell, date) else cell
        if not text.strip():
            continue
        if name in LIST_FIELDS:
            values = [v.strip() for v in LIST_FIELDS[name].split(text) if v.strip()]
            existing = raw.setdefault(name, [])
            assert isinstance(existing, list)
            existing.extend(values)
        else:
            raw[name] = text
    return raw


def _validated(raw: dict[str, str | list[str]], today: date) -> dict[str, Any]:
    """Typed fields that make a valid client (InvalidInput otherwise)."""
    fields = clients.fields_from_text(raw)
    fields.setdefault("given_names", "")
    fields.setdefault("opened_on", today)
    client = Client(**fields)  # the model's own checks: required name, dates in order, codes
    return {name: getattr(client, name) for name in fields}  # canonical: "Syrien" -> "SY"


def _loose(name: str) -> str:
    """A folded name that "Müller", "Mueller" and "Muller" share."""
    transcribed = fold_variants(name)[-1]
    return transcribed.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _birth_compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Both unknown, or both known and equal as far as both go (1990 fits 1990-05-17)."""
    if a is None or b is None:
        return a is None and b is None
    if a.year != b.year:
        return False
    if a.month is not None and b.month is not None and a.month != b.month:
        return False
    return a.day is None or b.day is None or a.day == b.day


def _person_key(fields: Mapping[str, Any]) -> tuple[str, str]:
    return _loose(fields["family_name"]), _loose(fields.get("given_names", ""))


class _Matcher:
    """Finds the existing client or the earlier row a row stands for."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_file_number: dict[str, int] = {}
        self.by_person: dict[tuple[str, str], list[tuple[PartialDate | None, str, int]]] = {}

    def existing(self, fields: Mapping[str, Any]) -> str | None:
        number = fields.get("file_number", "")
        if number:
            found = self.store.client_by_file_number(number)
            if found is not None:
                return found.id
        family, given = _person_key(fields)
        birth = fields.get("birth_date")
        candidates = clients.likely_existing(
            self.store, fields["family_name"], fields.get("given_names", ""), birth
        )
        for c in candidates:
            if (
                (_loose(c.family_name), _loose(c.given_names)) == (family, given)
                and _birth_compatible(c.birth_date, birth)
                and (not number or not c.file_number)  # another file number: another case
            ):
                return c.id
        return None

    def earlier(self, fields: Mapping[str, Any]) -> int | None:
        number = fields.get("file_number", "")
        if number and number in self.by_file_number:
            return self.by_file_number[number]
        birth = fields.get("birth_date")
        for other_birth, other_number, row in self.by_person.get(_person_key(fields), []):
            if _birth_compatible(other_birth, birth) and not (
                number and other_number and number != other_number
            ):
                return row
        return None

    def remember(self, fields: Mapping[str, Any], row: int) -> None:
        number = fields.get("file_number", "")
        if number:
            self.by_file_number.setdefault(number, row)
        self.by_person.setdefault(_person_key(fields), []).append(
            (fields.get("birth_date"), number, row)
        )

    def outcome(self, number: int, fields: Mapping[str, Any]) -> tuple[str, str | None, int | None]:
        same = self.earlier(fields)
        if same is not None:
            return REPEAT, None, same
        self.remember(fields, number)
        found = self.existing(fields)
        return (EXISTING, found, None) if found else (NEW, None, None)


def plan_sheet(
    store: Store,
    sheet: Sheet,
    mapping: Mapping[int, str] | None = None,
    *,
    today: date | None = None,
    path: Path | None = None,
) -> ImportPlan:
    """Validate and match every row of a sheet read already (see `plan_import`)."""
    chosen = dict(guess_mapping(sheet.header) if mapping is None else mapping)
    _check_mapping(sheet.header, chosen)
    today = today or date.today()
    matcher = _Matcher(store)
    planned: list[PlannedRow] = []
    for row in sheet.rows:
        raw = _raw_fields(row.cells, chosen)
        if not raw:  # nothing in the mapped columns (a remark, a total): not a client
            continue
        try:
            fields = _validated(raw, today)
        except InvalidInput as error:
            problem = RowProblem(row.number, error.field, error.en, error.de)
            planned.append(PlannedRow(row.number, row.cells, {}, BAD, problem))
            continue
        outcome, existing_id, same = matcher.outcome(row.number, fields)
        planned.append(PlannedRow(row.number, row.cells, fields, outcome, None, existing_id, same))
    return ImportPlan(sheet.header, chosen, tuple(planned), path)


def plan_import(
    store: Store,
    path: Path | str,
    mapping: Mapping[int, str] | None = None,
    *,
    today: date | None = None,
) -> ImportPlan:
    """Read a CSV or XLSX file, map its columns (guessed from the header unless given), validate
    every row and match it to existing clients or earlier rows. Writes nothing.

    InvalidInput if the file cannot be read or no column holds the family name; bad rows are
    part of the plan (outcome "bad").
    """
    return plan_sheet(store, read_sheet(path), mapping, today=today, path=Path(path))


def apply_import(
    store: Store,
    plan: ImportPlan,
    *,
    skip_bad_rows: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Add the plan's new clients in one transaction: all of them or none.

    With bad rows and not `skip_bad_rows`, raises BadRows (an InvalidInput naming the first rows
    and reasons) and changes nothing. Matching is checked again when writing, so a plan made
    before a sync still adds no one twice. Existing clients are left unchanged.
    """
    problems = plan.problems
    if problems and not skip_bad_rows:
        raise BadRows(problems)
    total = len(plan.rows)
    added: list[str] = []
    matched = repeated = 0
    matcher = _Matcher(store)
    with store.transaction() as tx:
        for done, row in enumerate(plan.rows, 1):
            if row.outcome != BAD:
                outcome, _, _ = matcher.outcome(row.number, row.fields)
                if outcome == NEW:
                    client = retention.closing_rule(store, None, Client(**row.fields))
                    tx.insert(client)
                    added.append(client.id)
                elif outcome == EXISTING:
                    matched += 1
                else:
                    repeated += 1
            if progress is not None and (done % 100 == 0 or done == total):
                progress(done, total)
    return ImportResult(len(added), matched, len(problems), problems, repeated, tuple(added))
