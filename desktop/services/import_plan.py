"""What planning a spreadsheet import found, and what the import did: the plan with its rows,
their problems, name repairs and matches, and the one-sentence results (`client_import` makes
them)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.domain.errors import InvalidInput
from desktop.formats.spreadsheet import Cell
from desktop.services.import_mapping import FIELDS, ColumnMapping
from desktop.services.import_matching import EXISTING, NEW, REPEAT
from desktop.services.import_values import correction_lines


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
