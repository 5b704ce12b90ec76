"""The import's mapping step: one line per spreadsheet column, its first values and its field."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.services.client_import import FIELDS, Cell, ColumnMapping, Sheet
from desktop.ui.widgets.formatting import format_date
from desktop.ui.widgets.i18n import Retranslating, current_language

SAMPLES = 3  # how many first values of a column are shown
IGNORE = ""  # the combo's data for "(ignore)"


def cell_display(cell: Cell) -> str:
    """A cell as the window shows it (dates in the UI language's way)."""
    return format_date(cell) if isinstance(cell, date) else cell


def samples(sheet: Sheet, column: int) -> str:
    """The first non-empty values of a column, joined."""
    found = [cell_display(c) for row in sheet.rows if (c := row.cell(column)) != ""]
    return " · ".join(found[:SAMPLES])


class MappingPage(Retranslating, QWidget):
    """Which field each column fills; `set_sheet` shows a sheet with a (guessed) mapping.

    The combo boxes come in column order, so Tab goes down the list; each column's header is
    the buddy of its combo box.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.column_caption = QLabel()
        self.sample_caption = QLabel()
        self.field_caption = QLabel()
        self.combos: list[QComboBox] = []
        self._headers: list[QLabel] = []
        self._samples: list[QLabel] = []
        self._sheet: Sheet | None = None
        self._grid_widget = QWidget()
        self._grid = QGridLayout(self._grid_widget)
        self._grid.setColumnStretch(1, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self._grid_widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.scroll_area, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Choose the field each column of the spreadsheet fills. The guess comes from "
                "the column headers; columns set to (ignore) are not imported."
            )
        )
        self.column_caption.setText(self.tr("Column"))
        self.sample_caption.setText(self.tr("First values"))
        self.field_caption.setText(self.tr("Field"))
        lang = 0 if current_language() == "de" else 1
        for combo in self.combos:
            combo.setItemText(0, self.tr("(ignore)"))
            for index, labels in enumerate(FIELDS.values(), 1):
                combo.setItemText(index, labels[lang])
        if self._sheet is not None:  # dates in the samples follow the language
            for column, (_header, sample, _combo) in enumerate(self._rows()):
                sample.setText(samples(self._sheet, column))

    def set_sheet(self, sheet: Sheet, mapping: ColumnMapping) -> None:
        """Show the sheet's columns, each combo set to the mapping's field or (ignore)."""
        self._clear()
        self._sheet = sheet
        captions = (self.column_caption, self.sample_caption, self.field_caption)
        for place, caption in enumerate(captions):
            self._grid.addWidget(caption, 0, place)
        for column, text in enumerate(sheet.header):
            header = QLabel(
                text.replace("&", "&&")
                if text
                else self.tr("Column {0}").replace("{0}", str(column + 1))
            )
            sample = QLabel(samples(sheet, column))
            sample.setWordWrap(True)
            combo = QComboBox()
            combo.addItem("", IGNORE)
            for name in FIELDS:
                combo.addItem("", name)
            combo.setCurrentIndex(max(combo.findData(mapping.get(column, IGNORE)), 0))
            header.setBuddy(combo)
            self._grid.addWidget(header, column + 1, 0)
            self._grid.addWidget(sample, column + 1, 1)
            self._grid.addWidget(combo, column + 1, 2)
            self.combos.append(combo)
            self._headers.append(header)
            self._samples.append(sample)
        self._grid.setRowStretch(len(sheet.header) + 1, 1)
        for before, after in zip(self.combos, self.combos[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.retranslate()

    def mapping(self) -> ColumnMapping:
        """The chosen field of every column that is not ignored."""
        return {
            column: name
            for column, combo in enumerate(self.combos)
            if (name := combo.currentData()) != IGNORE
        }

    def field_of(self, column: int) -> str:
        """The field a column fills, "" when it is ignored."""
        return str(self.combos[column].currentData())

    def set_field(self, column: int, name: str) -> None:
        """Map a column to a field (IGNORE for none)."""
        self.combos[column].setCurrentIndex(self.combos[column].findData(name))

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """(header, first values, field label) of every column, as shown."""
        return [(h.text(), s.text(), c.currentText()) for h, s, c in self._rows()]

    def _rows(self) -> list[tuple[QLabel, QLabel, QComboBox]]:
        return list(zip(self._headers, self._samples, self.combos, strict=True))

    def _clear(self) -> None:
        for header, sample, combo in self._rows():
            for widget in (header, sample, combo):
                widget.setParent(None)
                widget.deleteLater()
        self.combos, self._headers, self._samples = [], [], []
        for caption in (self.column_caption, self.sample_caption, self.field_caption):
            self._grid.removeWidget(caption)
