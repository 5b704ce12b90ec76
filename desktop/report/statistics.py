"""The statistics as a PDF: a title, the period, and per section a table and a bar chart.

The tables arrive as text, small counts already shown as "<3"; a chart draws such a count as
an empty bar labelled "<3", so that no picture gives away what the table hides.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer

from desktop.report.fonts import SANS, width
from desktop.report.layout import (
    FOOTER_SPACE,
    MARGIN,
    STYLES,
    Cell,
    footer_painter,
    grid,
    numbered_canvas,
    para,
    print_language,
)

BAR = colors.Color(0.30, 0.45, 0.65)
AXIS = colors.Color(0.55, 0.55, 0.55)
BAR_HEIGHT = 9
BAR_GAP = 4
LABEL_SIZE = 7.5


@dataclass(frozen=True)
class Section:
    """One table of the statistics, as text, and the counts of its chart (may be empty)."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    chart: tuple[tuple[str, str, int], ...] = ()  # label, count as shown, length of the bar


def bar_chart(items: Sequence[tuple[str, str, int]], avail: float) -> Drawing:
    """Horizontal bars, one per item: label left, bar, and the count (or "<3") beside it."""
    widest = max((width(label, LABEL_SIZE) for label, _, _ in items), default=0)
    label_w = min(widest + 6, avail * 0.45)
    bar_w = avail - label_w - 30
    top = max((n for _, _, n in items), default=0) or 1
    height = len(items) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    drawing = Drawing(avail, height)
    for i, (label, value, n) in enumerate(items):
        y = height - (i + 1) * (BAR_HEIGHT + BAR_GAP)
        shown = label if width(label, LABEL_SIZE) <= label_w - 6 else _clip(label, label_w - 6)
        drawing.add(String(0, y + 2, shown, fontName=SANS, fontSize=LABEL_SIZE))
        length = bar_w * n / top
        if length > 0:
            drawing.add(Rect(label_w, y, length, BAR_HEIGHT, fillColor=BAR, strokeColor=None))
        drawing.add(String(label_w + length + 3, y + 2, value, fontName=SANS, fontSize=LABEL_SIZE))
    drawing.add(Line(label_w, 0, label_w, height, strokeColor=AXIS, strokeWidth=0.5))
    return drawing


def _clip(label: str, room: float) -> str:
    while label and width(label + "…", LABEL_SIZE) > room:
        label = label[:-1]
    return label + "…"


def _table(section: Section, avail: float) -> Flowable:
    n = len(section.headers)
    first = avail * (0.55 if n <= 2 else 0.34)
    rest = (avail - first) / max(n - 1, 1)
    widths = [first] + [rest] * (n - 1)

    def cell(value: str, w: float, bold: bool = False) -> Cell:
        return [para(value, STYLES.body, None, w - 8, bold=bold)]

    rows = [[cell(h, w, True) for h, w in zip(section.headers, widths, strict=True)]]
    rows += [[cell(v, w) for v, w in zip(row, widths, strict=True)] for row in section.rows]
    return grid(rows, widths)


def render(
    title: str,
    period: str,
    note: str,
    sections: Sequence[Section],
    lang: str = "de",
) -> bytes:
    """The PDF bytes: A4, embedded fonts, a footer with page numbers, no personal metadata."""
    second = print_language(None if lang == "de" else lang)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=FOOTER_SPACE,
        title=title,
        author="",
        subject="",
        creator="Welcome Desk",
        initialFontName=SANS,
    )
    avail = A4[0] - 2 * MARGIN
    story: list[Flowable] = [
        para(title, STYLES.title, None, avail),
        para(period, STYLES.body, None, avail),
        para(note, STYLES.small, None, avail),
    ]
    for section in sections:
        block: list[Flowable] = [para(section.title, STYLES.heading, None, avail)]
        block.append(Spacer(1, 2 * mm))
        block.append(_table(section, avail))
        if section.chart:
            block.append(Spacer(1, 3 * mm))
            block.append(bar_chart(section.chart, avail))
        story.append(KeepTogether(block))
    doc.build(story, canvasmaker=numbered_canvas(footer_painter(second)))
    return buffer.getvalue()
