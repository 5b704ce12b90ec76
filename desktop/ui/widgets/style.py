"""The few visual constants the window shares, so that one red means one thing everywhere."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTreeWidget,
    QWidget,
)

# Errors, overdue dates and warnings: a red that stays readable printed in greyscale.
ALERT = "#b3261e"
ALERT_BACKGROUND = "#fde7e9"
ERROR_STYLE = f"color: {ALERT};"
WARNING_STYLE = f"color: {ALERT}; font-weight: bold;"


# Capitals with marks above them and letters with marks below, and the scripts whose (fallback)
# fonts reach furthest above and below the line: Cyrillic, Arabic with vowel marks, Ethiopic.
TALL_TEXT = "ÜÅÇŞ Йў مُتَرْجِم ሰላም"
ROW_MARGIN = 10  # pixels around a table row's text, above and below together


def text_height(widget: QWidget) -> int:
    """The height of a line of text in `widget`'s font, in pixels: the font's own line, or
    taller where a fallback font for another script reaches further (QFontMetrics.boundingRect
    measures every font the text is set in)."""
    metrics = widget.fontMetrics()
    return max(metrics.height(), metrics.boundingRect(TALL_TEXT).height())


def fit_rows(table: QTableView) -> None:
    """Rows of `table` as tall as its font needs, and again after the font changes (a larger
    system font, another screen): never the style's fixed default height, which cut the dots
    off "Ü" where the font was larger than the style assumed."""
    _size_rows(table)
    table.installEventFilter(_RowFitter(table))


def _size_rows(table: QTableView) -> None:
    rows = table.verticalHeader()
    height = text_height(table) + ROW_MARGIN
    rows.setDefaultSectionSize(height)  # the rows to come
    for row in range(rows.count()):  # and those there already
        rows.resizeSection(row, height)


class _RowFitter(QObject):
    """Sizes its table's rows again when the table's font changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and isinstance(watched, QTableView):
            _size_rows(watched)
        return False


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
