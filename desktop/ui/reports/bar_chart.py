"""A small horizontal bar chart drawn with QPainter (QtCharts would add 160 MB to the app)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

Bar = tuple[str, str, int]  # label, count as shown ("<3" for 1 and 2), bar length (0 if hidden)
SMALL_BAR = 2  # a hidden count is drawn as the outline of a bar this long
ROW_GAP = 6
MARGIN = 4


class BarChart(QWidget):
    """Labelled horizontal bars; a count shown as "<3" is an empty outline, never its size."""

    def __init__(self, bars: Sequence[Bar] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_bars(bars)

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Show these bars (the labels come translated from the statistics service)."""
        self._bars = list(bars)
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + ROW_GAP

    def sizeHint(self) -> QSize:
        return QSize(420, MARGIN * 2 + self._row_height() * len(self._bars))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _s, _n in self._bars) + 8,
            self.width() // 2,
        )
        value_width = max(metrics.horizontalAdvance(shown) for _l, shown, _n in self._bars) + 8
        area = max(self.width() - label_width - value_width - 2 * MARGIN, 10)
        largest = max([n for _l, _s, n in self._bars] + [SMALL_BAR * 4])
        row = self._row_height()
        palette = self.palette()
        fill = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.WindowText)
        for i, (label, shown, length) in enumerate(self._bars):
            top = MARGIN + i * row
            painter.setPen(text)
            label_box = QRectF(MARGIN, top, label_width - 8, row)
            painter.drawText(
                label_box,
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8),
            )
            hidden = length == 0 and shown != "0"
            width = area * (SMALL_BAR if hidden else length) / largest
            bar = QRectF(MARGIN + label_width, top + ROW_GAP / 2, width, row - ROW_GAP)
            if hidden:
                painter.setPen(QPen(fill, 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(bar)
            elif length:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRect(bar)
            painter.setPen(text)
            painter.drawText(
                QRectF(bar.right() + 4, top, value_width, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                shown,
            )
        painter.end()
