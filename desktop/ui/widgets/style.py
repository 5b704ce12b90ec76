"""The few visual constants the window shares, so that one red means one thing everywhere."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QWidget,
)

# Errors, overdue dates and warnings: a red that stays readable printed in greyscale.
ALERT = "#b3261e"
ALERT_BACKGROUND = "#fde7e9"
ERROR_STYLE = f"color: {ALERT};"
WARNING_STYLE = f"color: {ALERT}; font-weight: bold;"


def error_label() -> QLabel:
    """The one-sentence error line under a form: red, wrapping, empty until needed."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label


def labelled_form(fields: Sequence[QWidget]) -> tuple[QFormLayout, list[QLabel]]:
    """A form with one row per field; the captions (set in retranslate) are their buddies."""
    form = QFormLayout()
    captions = [QLabel() for _ in fields]
    for caption, field in zip(captions, fields, strict=True):
        caption.setBuddy(field)
        form.addRow(caption, field)
    return form, captions


def button_row(*left: QWidget, right: Sequence[QWidget] = ()) -> QHBoxLayout:
    """Buttons in a row: `left` at the start, `right` at the end, space between."""
    row = QHBoxLayout()
    for widget in left:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in right:
        row.addWidget(widget)
    return row


def read_only_list(columns: int) -> QTreeWidget:
    """A flat, read-only list with columns: one row selected at a time, sized to its contents."""
    table = QTreeWidget()
    table.setColumnCount(columns)
    table.setRootIsDecorated(False)
    table.setUniformRowHeights(True)
    table.setAlternatingRowColors(True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table
