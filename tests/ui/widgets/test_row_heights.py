"""Table rows in the window are as tall as their font needs: the dots of "Ü" and the marks of
Arabic are never cut off, whatever the font size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.ui.widgets.style import fit_rows, read_only_list, text_height

UI = Path(__file__).resolve().parents[3] / "desktop" / "ui"
TEXTS = ["Übergang in die Regelklasse", "مُتَرْجِم شفاهي", "ተርጓሚ", "Перекладач"]


def table(qtbot: QtBot, points: float) -> QTableView:
    model = QStandardItemModel()
    for text in TEXTS:
        model.appendRow(QStandardItem(text))
    view = QTableView()
    font = QFont(view.font())
    font.setPointSizeF(points)
    view.setFont(font)
    view.setModel(model)
    view.model_ = model  # kept alive with the view
    qtbot.addWidget(view)
    fit_rows(view)
    view.show()
    return view


@pytest.mark.parametrize("points", [7, 9, 14, 24])
def test_every_row_holds_a_line_of_its_font_with_room_around_it(qtbot: QtBot, points) -> None:
    view = table(qtbot, points)
    metrics = view.fontMetrics()
    for row, text in enumerate(TEXTS):
        height = view.rowHeight(row)
        assert height >= metrics.height() + 2, (points, text)
        assert height >= metrics.boundingRect(text).height() + 2, (points, text)
    assert text_height(view) >= metrics.height()


def test_rows_grow_with_a_larger_font(qtbot: QtBot) -> None:
    view = table(qtbot, 9)
    small = view.rowHeight(0)
    font = QFont(view.font())
    font.setPointSizeF(24)
    view.setFont(font)
    view.model().appendRow(QStandardItem("Ärztin"))
    assert view.verticalHeader().defaultSectionSize() >= view.fontMetrics().height()
    assert view.rowHeight(len(TEXTS)) > small
    assert view.rowHeight(len(TEXTS)) >= view.fontMetrics().height()


def test_a_read_only_list_sizes_its_rows_by_its_font(qtbot: QtBot) -> None:
    tree = read_only_list(1)
    qtbot.addWidget(tree)
    font = QFont(tree.font())
    font.setPointSizeF(20)
    tree.setFont(font)
    for text in TEXTS:
        tree.addTopLevelItem(QTreeWidgetItem([text]))
    tree.show()
    for row in range(len(TEXTS)):
        rect = tree.visualItemRect(tree.topLevelItem(row))
        assert rect.height() >= tree.fontMetrics().height(), TEXTS[row]


def test_every_table_in_the_window_sizes_its_rows_by_its_font() -> None:
    """A table made with the style's fixed row height (30 px whatever the font) clips a larger
    font: every module that makes a table hands it to fit_rows, none sets a row height itself."""
    made = 0
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        tables = len(re.findall(r"\bQTable(?:View|Widget)\(", source))
        made += tables
        assert len(re.findall(r"\bfit_rows\(", source)) >= tables, path.name
        assert "setDefaultSectionSize" not in source or path.name == "style.py", path.name
        assert not re.search(r"setRowHeight\(\s*\w+\s*,\s*\d", source), path.name
    assert made >= 9
