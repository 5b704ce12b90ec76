"""Clients from a spreadsheet: map columns to fields, plan (validate and match), then import.

Every value is read by the same text parser as the command line (`clients.fields_from_text`).
A row matches an existing client by file number, else by family and given names that are the
same name by the one name matcher (`name_match.same_name`: case, accents, other spellings and
scripts do not matter) with a compatible birth date; a row that repeats an earlier row of the
same file (by the same rules) is not added twice. The import is all or nothing: one transaction,
and rows with errors either stop it before anything is written or are skipped on request.

Names damaged by an encoding mix-up on the way ("MÃ¼ller": UTF-8 read as Windows-1252) are
repaired in the plan, each repair listed so that it can be declined (`ImportPlan.with_repair`);
names with letters lost for good ("O?uz") are imported as they are, with a warning to check them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client
from desktop.domain.names import clean_name, encoding_damage, lost_letters
from desktop.formats.spreadsheet import Cell, Sheet, read_sheet
from desktop.services import clients, retention
from desktop.services.file_numbers import number_files
from desktop.services.import_mapping import FIELDS, LIST_FIELDS, ColumnMapping, guess_mapping
from desktop.services.import_matching import EXISTING, NEW, REPEAT, RowMatcher
from desktop.services.import_values import (
    check_birth_date,
    correction_lines,
    corrections,
    german_postcodes,
    padded_postcode,
)
from desktop.store.store import Store

__all__ = [  # the spreadsheet as read too: the window never imports desktop.formats
    "BAD",
    "EXISTING",
    "FIELDS",
    "NAME_FIELDS",
    "NEW",
    "REPEAT",
    "BadRows",
    "Cell",
    "ImportPlan",
    "ImportResult",
    "PlannedRow",
    "RowProblem",
    "Sheet",
    "apply_import",
    "guess_mapping",
    "number_files",
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


BAD = "bad"

# The fields that hold names: checked for encoding damage and lost letters.
NAME_FIELDS = ("family_name", "given_names", "other_names", "birth_place")
LOST_LETTERS = (
    "letters lost in the spreadsheet's export: check the name",
    "Buchstaben beim Export der Tabelle verloren: bitte den Namen prüfen",
)


def shown_value(value: Any) -> str:
    """A name field's value as one text: other names joined by "; "."""
    return "; ".join(value) if isinstance(value, tuple) else str(value)


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """One row of the spreadsheet and what the import will do with it.

    outcome: "new" (a client will be added), "existing" (it is `existing_id`, left unchanged),
    "repeat" (the same person as the earlier row `same_as_row`) or "bad" (`problem` says why).
    `repairs`: name fields with encoding damage, field -> (value as in the file, repaired value);
    `fields` holds one or the other as the plan chose. `warning`: letters lost in a name.
    """

    number: int
    cells: tuple[Cell, ...]
    fields: dict[str, Any]
    outcome: str
    problem: RowProblem | None = None
    existing_id: str | None = None
    same_as_row: int | None = None
    repairs: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    warning: RowProblem | None = None
    corrections: dict[str, tuple[str, str]] = field(default_factory=dict)  # existing client's
    numbered: bool = False  # the file number was given by the import (`number_files`)

    def with_repair(self, repair: bool) -> PlannedRow:
        """The row with its damaged names repaired (or kept as in the file)."""
        if not self.repairs:
            return self
        chosen = {f: (fixed if repair else damaged) for f, (damaged, fixed) in self.repairs.items()}
        return replace(self, fields={**self.fields, **chosen})

    def repair_lines(self, lang: str = "en", *, applied: bool = True) -> list[str]:
        """One line per repaired name: 'row 2: family name "MÃ¼ller" repaired to "Müller"'."""
        lines = []
        for name, (damaged, fixed) in self.repairs.items():
            was, now = shown_value(damaged), shown_value(fixed)
            de_label, en_label = FIELDS[name]
            if lang == "de":
                lines.append(
                    f"Zeile {self.number}: {de_label} „{was}“ repariert zu „{now}“"
                    if applied
                    else f"Zeile {self.number}: {de_label} „{was}“ wie in der Datei behalten "
                    f"(repariert: „{now}“)"
                )
            else:
                lines.append(
                    f'row {self.number}: {en_label.lower()} "{was}" repaired to "{now}"'
                    if applied
                    else f'row {self.number}: {en_label.lower()} "{was}" kept as in the file '
                    f'(repaired: "{now}")'
                )
        return lines


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """A spreadsheet read, mapped, validated and matched; nothing written yet."""

    header: tuple[str, ...]
    mapping: ColumnMapping
    rows: tuple[PlannedRow, ...]
    path: Path | None = None
    repaired: bool = True  # damaged names in `fields` repaired (else as in the file)

    @property
    def unmapped(self) -> tuple[str, ...]:
        """The headers of the columns that are not imported (empty headers left out)."""
        return tuple(h for i, h in enumerate(self.header) if h and i not in self.mapping)

    def unmapped_line(self, lang: str = "en") -> str:
        """ "Columns not imported: Bemerkung, Notiz" or "" when every column is imported."""
        if not self.unmapped:
            return ""
        names = ", ".join(self.unmapped)
        return (
            f"Nicht importierte Spalten: {names}"
            if lang == "de"
            else f"Columns not imported: {names}"
        )

    @property
    def corrected(self) -> int:
        """How many fields of clients already in the case file the import corrects."""
        return sum(len(r.corrections) for r in self.rows if r.outcome == EXISTING)

    def correction_lines(self, lang: str = "en") -> list[str]:
        """'row 2: postcode "1067" corrected to "01067"' for each correction."""
        return [
            line
            for r in self.rows
            if r.outcome == EXISTING
            for line in correction_lines(r.number, r.corrections, FIELDS, lang)
        ]

    def numbered_lines(self, lang: str = "en") -> list[str]:
        """'row 4: file number WD-2026-00013 given' for each number the import gives."""
        return [
            f"Zeile {r.number}: Aktenzeichen {r.fields['file_number']} vergeben"
            if lang == "de"
            else f"row {r.number}: file number {r.fields['file_number']} given"
            for r in self.rows
            if r.numbered
        ]

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

    @property
    def warnings(self) -> tuple[RowProblem, ...]:
        """Rows importable but to be checked: letters lost in a name ("O?uz")."""
        return tuple(r.warning for r in self.rows if r.warning is not None)

    @property
    def damaged_names(self) -> int:
        """How many names (fields of importable rows) show encoding damage that can be repaired."""
        return sum(len(r.repairs) for r in self.rows)

    def with_repair(self, repair: bool) -> ImportPlan:
        """The plan with damaged names repaired, or kept as they are in the file. The outcomes
        stay as planned; the import matches every row again anyway."""
        if repair == self.repaired:
            return self
        rows = tuple(r.with_repair(repair) for r in self.rows)
        return replace(self, rows=rows, repaired=repair)

    def repair_lines(self, lang: str = "en") -> list[str]:
        """Each damaged name and its repair (or that it is kept), one line each."""
        return [line for r in self.rows for line in r.repair_lines(lang, applied=self.repaired)]


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
    corrected: int = 0  # fields of existing clients corrected (a postcode's lost zero)

    def text(self, lang: str = "en") -> str:
        """ "12 new, 3 already in the case file, 0 bad rows" (or German)."""
        if lang == "de":
            line = (
                f"{self.added} neu, {self.matched} schon in der Fallakte, "
                f"{self.skipped_bad} fehlerhafte Zeilen"
            )
            line += f", {self.repeated} doppelte Zeilen" if self.repeated else ""
            return line + (f", {self.corrected} korrigiert" if self.corrected else "")
        line = (
            f"{self.added} new, {self.matched} already in the case file, "
            f"{self.skipped_bad} bad rows"
        )
        line += f", {self.repeated} repeated rows" if self.repeated else ""
        return line + (f", {self.corrected} corrected" if self.corrected else "")


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


def _raw_fields(
    cells: tuple[Cell, ...], mapping: Mapping[int, str], pad_postcodes: bool = False
) -> dict[str, str | list[str]]:
    """The row's text per field; date cells as ISO text, lists split, empty cells left out;
    a German postcode that lost its leading zero gets it back."""
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
        elif name == "postcode" and pad_postcodes:
            raw[name] = padded_postcode(text)
        else:
            raw[name] = text
    return raw


def _pads_postcodes(sheet: Sheet, mapping: Mapping[int, str]) -> bool:
    """Whether the postcode column holds German postcodes (so 1067 was 01067)."""
    column = next((c for c, name in mapping.items() if name == "postcode"), None)
    if column is None:
        return False
    cells = (row.cell(column) for row in sheet.rows)
    return german_postcodes(c for c in cells if isinstance(c, str))


def _repaired(raw: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
    """The row's text with names damaged by an encoding mix-up repaired ("MÃ¼ller" -> "Müller")."""
    fixed = dict(raw)
    for name in NAME_FIELDS:
        value = raw.get(name)
        if isinstance(value, list):
            fixed[name] = [encoding_damage(v) or v for v in value]
        elif value:
            fixed[name] = encoding_damage(value) or value
    return fixed


def _as_in_file(value: str | list[str]) -> Any:
    """A name field's text as the client stores it (cleaned; other names as a tuple)."""
    if isinstance(value, list):
        return tuple(n for n in (clean_name(v) for v in value) if n)
    return clean_name(value)


def _lost_letters(number: int, fields: Mapping[str, Any]) -> RowProblem | None:
    """The warning for a row whose names lost letters ("O?uz"), naming the first such name."""
    for name in NAME_FIELDS:
        value = fields.get(name)
        values = value if isinstance(value, tuple) else (value,)
        for text in values:
            if isinstance(text, str) and lost_letters(text):
                en, de = LOST_LETTERS
                return RowProblem(number, name, f'{en} "{text}".', f"{de}: „{text}“.")
    return None


def _validated(raw: dict[str, str | list[str]], today: date) -> dict[str, Any]:
    """Typed fields that make a valid client (InvalidInput otherwise)."""
    fields = clients.fields_from_text(raw)
    fields.setdefault("given_names", "")
    fields.setdefault("opened_on", today)
    client = Client(**fields)  # the model's own checks: required name, dates in order, codes
    check_birth_date(fields, today)
    return {name: getattr(client, name) for name in fields}  # canonical: "Syrien" -> "SY"


def plan_sheet(
    store: Store,
    sheet: Sheet,
    mapping: Mapping[int, str] | None = None,
    *,
    today: date | None = None,
    path: Path | None = None,
    repair: bool = True,
) -> ImportPlan:
    """Validate and match every row of a sheet read already (see `plan_import`)."""
    chosen = dict(guess_mapping(sheet.header) if mapping is None else mapping)
    _check_mapping(sheet.header, chosen)
    today = today or date.today()
    matcher = RowMatcher(store)
    pad = _pads_postcodes(sheet, chosen)
    planned: list[PlannedRow] = []
    for row in sheet.rows:
        raw = _raw_fields(row.cells, chosen, pad)
        if not raw:  # nothing in the mapped columns (a remark, a total): not a client
            continue
        fixed = _repaired(raw)
        try:
            fields = _validated(fixed, today)
        except InvalidInput as error:
            problem = RowProblem(row.number, error.field, error.en, error.de)
            planned.append(PlannedRow(row.number, row.cells, {}, BAD, problem))
            continue
        repairs = {
            name: (_as_in_file(raw[name]), fields[name])
            for name in NAME_FIELDS
            if name in raw and fixed[name] != raw[name]
        }
        warning = _lost_letters(row.number, fields)
        planned_row = PlannedRow(row.number, row.cells, fields, NEW, repairs=repairs)
        planned_row = planned_row.with_repair(repair)
        outcome, existing_id, same = matcher.outcome(row.number, planned_row.fields)
        fixes = (
            corrections(store.get(Client, existing_id), planned_row.fields) if existing_id else {}
        )
        planned.append(
            replace(
                planned_row,
                outcome=outcome,
                existing_id=existing_id,
                same_as_row=same,
                warning=warning,
                corrections=fixes,
            )
        )
    return ImportPlan(sheet.header, chosen, tuple(planned), path, repair)


def plan_import(
    store: Store,
    path: Path | str,
    mapping: Mapping[int, str] | None = None,
    *,
    today: date | None = None,
    repair: bool = True,
) -> ImportPlan:
    """Read a CSV or XLSX file, map its columns (guessed from the header unless given), validate
    every row and match it to existing clients or earlier rows. Writes nothing.

    InvalidInput if the file cannot be read or no column holds the family name; bad rows are
    part of the plan (outcome "bad"). Names with encoding damage are repaired unless `repair` is
    False; either way each is listed in its row's `repairs`.
    """
    return plan_sheet(store, read_sheet(path), mapping, today=today, path=Path(path), repair=repair)


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
    matched = repeated = corrected = 0
    matcher = RowMatcher(store)
    with store.transaction() as tx:
        for done, row in enumerate(plan.rows, 1):
            if row.outcome != BAD:
                outcome, found, _ = matcher.outcome(row.number, row.fields)
                if outcome == NEW:
                    client = retention.closing_rule(store, None, Client(**row.fields))
                    tx.insert(client)
                    added.append(client.id)
                elif outcome == EXISTING and found is not None:
                    matched += 1
                    corrected += _correct(store, tx, found, row.fields)
                else:
                    repeated += 1
            if progress is not None and (done % 100 == 0 or done == total):
                progress(done, total)
    return ImportResult(
        len(added), matched, len(problems), problems, repeated, tuple(added), corrected
    )


def _correct(store: Store, tx: Any, client_id: str, fields: Mapping[str, Any]) -> int:
    """Correct what an earlier import stored wrong (a postcode's lost zero); how many fields."""
    existing = store.get(Client, client_id)
    fixes = corrections(existing, fields)
    if fixes:
        changes: dict[str, Any] = {name: new for name, (_, new) in fixes.items()}
        tx.update(replace(existing, **changes))
    return len(fixes)
