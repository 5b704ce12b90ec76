"""The import's preview (a dry run): counts, the bad rows and why, every row and its outcome;
names with damaged letters to repair (or keep), names with lost letters to check, the columns
that are not imported, postcodes of existing clients corrected."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.client_import import (
    BAD,
    EXISTING,
    NEW,
    ImportPlan,
    PlannedRow,
    shown_value,
)
from desktop.ui.client_import.import_mapping import cell_display
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import ERROR_STYLE, fit_rows

ModelIndex = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


def ordered(plan: ImportPlan) -> list[PlannedRow]:
    """The plan's rows, bad rows first, each group in spreadsheet order."""
    return sorted(plan.rows, key=lambda r: (r.outcome != BAD, r.number))


class PreviewModel(QAbstractTableModel):
    """Row number, outcome, name and a note for every planned row."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlannedRow] = []
        self._name_columns: tuple[int, ...] = ()
        self.repair = True  # damaged names shown repaired (the import repairs them)

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self._rows = ordered(plan) if plan else []
        mapping = plan.mapping if plan else {}
        self._name_columns = tuple(
            c
            for wanted in ("family_name", "given_names")
            for c, name in sorted(mapping.items())
            if name == wanted
        )
        self.endResetModel()

    def refresh(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, self.COLUMNS - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def outcome_text(self, row: PlannedRow) -> str:
        if row.outcome == NEW:
            return self.tr("New")
        if row.outcome == EXISTING:
            return self.tr("Already in the case file")
        if row.outcome == BAD:
            return self.tr("Bad row")
        return self.tr("Repeated row")

    def note(self, row: PlannedRow) -> str:
        lang = current_language()
        if row.problem is not None:
            return row.problem.de if lang == "de" else row.problem.en
        notes = []
        if row.same_as_row is not None:
            notes.append(self.tr("The same person as row {0}").replace("{0}", str(row.same_as_row)))
        for damaged, fixed in row.repairs.values():
            was, now = shown_value(damaged), shown_value(fixed)
            notes.append(
                self.tr("Name repaired: {0}").replace("{0}", f"{was} → {now}")
                if self.repair
                else self.tr("Name kept with damaged letters: {0}").replace("{0}", was)
            )
        if row.warning is not None:
            notes.append(row.warning.de if lang == "de" else row.warning.en)
        if row.outcome == EXISTING and "postcode" in row.corrections:
            was, now = row.corrections["postcode"]
            notes.append(self.tr("Postcode corrected: {0}").replace("{0}", f"{was} → {now}"))
        return "; ".join(notes)

    def name(self, row: PlannedRow) -> str:
        if self.repair and ({"family_name", "given_names"} & row.repairs.keys()):
            parts = [str(row.fields.get(f, "")) for f in ("family_name", "given_names")]
        else:
            parts = [cell_display(row.cells[c]) for c in self._name_columns if c < len(row.cells)]
        return ", ".join(p for p in parts if p)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Role.DisplayRole:
            column = index.column()
            if column == 0:
                return str(row.number)
            if column == 1:
                return self.outcome_text(row)
            return self.name(row) if column == 2 else self.note(row)
        if role == Role.ForegroundRole and row.outcome == BAD:
            return Qt.GlobalColor.darkRed
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        return (self.tr("Row"), self.tr("Outcome"), self.tr("Name"), self.tr("Note"))[section]

    def shown_rows(self) -> list[list[str]]:
        return [
            [str(self.data(self.index(r, c))) for c in range(self.COLUMNS)]
            for r in range(self.rowCount())
        ]


class PreviewPage(Retranslating, QWidget):
    """The dry run's result; `ready_changed(bool)` when the import may (or may not) start:
    no bad rows, or the user chose to skip them."""

    ready_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.problems_caption = QLabel()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems_caption.setBuddy(self.problems)
        self.skip = QCheckBox()
        self.skip.toggled.connect(lambda _on: self.ready_changed.emit(self.ready()))
        self.repair = QCheckBox()
        self.repair.setChecked(True)
        self.repair.toggled.connect(self._repair_toggled)
        self.lost = QLabel()
        self.lost.setWordWrap(True)
        self.unmapped = QLabel()
        self.unmapped.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_rows(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTabKeyNavigation(False)
        self.table_caption = QLabel()
        self.table_caption.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.unmapped)
        layout.addWidget(self.problems_caption)
        layout.addWidget(self.problems)
        layout.addWidget(self.skip)
        layout.addWidget(self.repair)
        layout.addWidget(self.lost)
        layout.addWidget(self.table_caption)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.problems, self.skip)
        QWidget.setTabOrder(self.skip, self.repair)
        QWidget.setTabOrder(self.repair, self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.problems_caption.setText(self.tr("Bad ro&ws (nothing is imported from them):"))
        self.skip.setText(self.tr("&Skip bad rows and import the others"))
        self.table_caption.setText(self.tr("&Rows and what the import does with them:"))
        self.model.refresh()
        self._show_counts()
        self._show_problems()
        self._show_damage()

    def set_plan(self, plan: ImportPlan) -> None:
        """Show a dry run's plan; "skip bad rows" starts off, "repair damaged names" on."""
        self.plan = plan
        self.skip.setChecked(False)
        self.repair.setChecked(True)
        self.model.repair = True
        self.model.set_plan(plan)
        bad = bool(plan.problems)
        for widget in (self.problems_caption, self.problems, self.skip):
            widget.setVisible(bad)
        self.repair.setVisible(plan.damaged_names > 0)
        self.lost.setVisible(bool(plan.warnings))
        self.unmapped.setVisible(bool(plan.unmapped))
        self._show_counts()
        self._show_problems()
        self._show_damage()
        self.ready_changed.emit(self.ready())

    def chosen_plan(self) -> ImportPlan | None:
        """The plan to import: damaged names repaired or kept, as the check box says."""
        return None if self.plan is None else self.plan.with_repair(self.repair.isChecked())

    def ready(self) -> bool:
        """Whether the import may start: no bad rows, or they are to be skipped."""
        return self.plan is not None and (not self.plan.problems or self.skip.isChecked())

    def problem_lines(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]

    def _show_counts(self) -> None:
        plan = self.plan
        if plan is None:
            self.counts.clear()
            self.unmapped.clear()
            return
        self.counts.setText(
            self.tr(
                "A dry run of {0} rows, nothing written yet: {1} new, {2} already in the case "
                "file, {3} repeated rows, {4} bad rows."
            )
            .replace("{0}", str(len(plan.rows)))
            .replace("{1}", str(plan.new))
            .replace("{2}", str(plan.matched))
            .replace("{3}", str(plan.repeated))
            .replace("{4}", str(len(plan.problems)))
        )
        self.unmapped.setText(
            self.tr("Columns not imported: {0}").replace("{0}", ", ".join(plan.unmapped))
        )

    def _repair_toggled(self, on: bool) -> None:
        self.model.repair = on
        self.model.refresh()

    def _show_damage(self) -> None:
        plan = self.plan
        damaged = plan.damaged_names if plan else 0
        lost = len(plan.warnings) if plan else 0
        self.repair.setText(
            self.tr("Re&pair 1 name with damaged letters (Ã¼ → ü)")
            if damaged == 1
            else self.tr("Re&pair {0} names with damaged letters (Ã¼ → ü)").replace(
                "{0}", str(damaged)
            )
        )
        self.lost.setText(
            self.tr(
                'Letters were lost in the spreadsheet\'s export ("?") in 1 row: check that name '
                "in the case file after the import."
            )
            if lost == 1
            else self.tr(
                'Letters were lost in the spreadsheet\'s export ("?") in {0} rows: check these '
                "names in the case file after the import."
            ).replace("{0}", str(lost))
        )

    def _show_problems(self) -> None:
        self.problems.clear()
        if self.plan is not None:
            lang = current_language()
            self.problems.addItems([p.text(lang) for p in self.plan.problems])
