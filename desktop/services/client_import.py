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
from dataclasses import replace
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
from desktop.services.import_plan import (
    BAD,
    LOST_LETTERS,
    NAME_FIELDS,
    BadRows,
    ImportPlan,
    ImportResult,
    PlannedRow,
    RowProblem,
    shown_value,
)
from desktop.services.import_values import (
    check_birth_date,
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
    "ColumnMapping",
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
    "shown_value",
]

# -- planning ----------------------------------------------------------------------------------


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
