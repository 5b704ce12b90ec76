"""The name column of the case list: the name, and in grey after it the words that another
spelling or script found ("Haddad, Mohammed  ≈ Mohammed" for "mohamad").

The suffix is painted, not part of the cell's text: the name stays what the model says it is,
and the column keeps its width (the suffix takes at most half of it, the name is elided first).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.case_list.case_list_model import FOUND_AS_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex
SUFFIX_MARK = "≈"  # "about equal": a name found as another spelling of it


def found_as_suffix(index: ModelIndex) -> str:
    """What the cell shows after the name: "≈ Mohammed", or "" if found as typed."""
    words = index.data(FOUND_AS_ROLE)
    return f"{SUFFIX_MARK} {words}" if words else ""


class FoundAsDelegate(QStyledItemDelegate):
    """Paints the name column: the name elided to leave room for the grey found-as suffix."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        suffix = found_as_suffix(index)
        if not suffix:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        name = opt.text
        opt.text = ""  # background, selection, focus only
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = area.adjusted(margin, 0, -margin, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        grey = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        start = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        painter.save()
        painter.setFont(opt.font)
        for part, rect, is_name in _parts(opt.fontMetrics, area, name, suffix):
            painter.setPen(text if is_name else grey)
            painter.drawText(
                QStyle.visualRect(opt.direction, area, rect),
                start | Qt.AlignmentFlag.AlignVCenter,
                part,
            )
        painter.restore()


def _parts(
    metrics: QFontMetrics, area: QRect, name: str, suffix: str
) -> list[tuple[str, QRect, bool]]:
    """(text, rectangle left to right, is the name) of the name, the mark and the found words;
    the name elided first, the suffix given at most half of the cell. The mark and the words are
    drawn apart so that words in another script cannot move the mark."""
    gap = metrics.horizontalAdvance("  ")
    mark = SUFFIX_MARK  # its rectangle holds the space after it, in either direction
    mark_width = metrics.horizontalAdvance(mark + " ")
    # a few pixels of slack: elidedText cuts complex scripts at their exact width
    suffix_width = min(metrics.horizontalAdvance(suffix) + 4, area.width() // 2)
    name = metrics.elidedText(
        name, Qt.TextElideMode.ElideRight, max(area.width() - suffix_width - gap, 0)
    )
    name_width = metrics.horizontalAdvance(name) + 2
    words_width = max(suffix_width - mark_width, 0)
    words = metrics.elidedText(suffix[len(mark) + 1 :], Qt.TextElideMode.ElideRight, words_width)
    left, top, height = area.left(), area.top(), area.height()
    mark_rect = QRect(left + name_width + gap, top, mark_width, height)
    return [
        (name, QRect(left, top, name_width, height), True),
        (mark, mark_rect, False),
        (words, QRect(mark_rect.right() + 1, top, words_width, height), False),
    ]
