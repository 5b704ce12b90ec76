"""The building blocks of a bilingual print: styles, paragraphs in either direction, the footer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.report import labels
from desktop.report.fonts import SANS, register_fonts
from desktop.report.shaping import Line, shape, shape_lines

GREY = colors.Color(0.55, 0.55, 0.55)
DARK = colors.Color(0.2, 0.2, 0.2)
MARGIN = 18 * mm
FOOTER_SPACE = 24 * mm
PAD = 4
Cell = list[Flowable]


def print_language(language: str | None) -> str | None:
    """Fonts registered, and the second language of a print checked: a code of labels.LANGS, or
    None for German only. ValueError for a language the print does not know."""
    register_fonts()
    lang = labels.normalise(language)
    if lang is not None and lang not in labels.LANGS:
        raise ValueError(f"unsupported print language {language!r}")
    return lang


def document(
    buffer: Any,
    pagesize: tuple[float, float],
    title_key: str,
    *,
    margin: float = MARGIN,
    bottom: float = FOOTER_SPACE,
) -> SimpleDocTemplate:
    """A document of our prints: embedded-font default, the German title, no personal metadata."""
    return SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=bottom,
        title=labels.text(title_key, "de"),
        author="",
        subject="",
        creator="Welcome Desk",
        initialFontName=SANS,
    )


def style(
    name: str,
    size: float,
    *,
    bold: bool = False,
    colour: Any = colors.black,
    space_before: float = 0,
    space_after: float = 0,
) -> ParagraphStyle:
    """A paragraph style in the shipped sans-serif font."""
    return ParagraphStyle(
        name,
        fontName=SANS,
        fontSize=size,
        leading=size * 1.3,
        textColor=colour,
        spaceBefore=space_before,
        spaceAfter=space_after,
    )


class Styles:
    """The print's paragraph styles: German text, and the smaller client-language line."""

    body = style("body", 9)
    small = style("small", 8, colour=DARK)
    office = style("office", 9, colour=DARK)
    title = style("title", 16, space_after=1)
    title_client = style("title_client", 12, colour=DARK, space_after=4)
    heading = style("heading", 12, space_before=10)
    heading_client = style("heading_client", 10, colour=DARK, space_after=3)
    subheading = style("subheading", 10, space_before=6)


STYLES = Styles()
BOLD_STYLES = {"title", "heading", "subheading", "title_client", "heading_client"}


class TextBlock(Flowable):
    """Shaped lines of one paragraph style, left- or right-aligned; splits between lines.

    The lines are spaced by the style's leading, or wider where the fonts of the lines reach
    further above and below the baseline (the Arabic and Ethiopic fonts do), so that no accent
    or mark of one line touches the next or leaves the block (and a table row sized by it)."""

    def __init__(self, lines: list[Line], st: ParagraphStyle, *, right: bool) -> None:
        super().__init__()
        self.lines, self.style, self.right = lines, st, right
        self.spaceBefore, self.spaceAfter = st.spaceBefore, st.spaceAfter
        self.ascent = max((line.ascent for line in lines), default=0.0)
        self.descent = max((line.descent for line in lines), default=0.0)
        self.leading = max(float(st.leading), self.ascent + self.descent)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, len(self.lines) * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fit = int(availHeight // self.leading)
        if fit <= 0 or fit >= len(self.lines):
            return []
        return [
            TextBlock(self.lines[:fit], self.style, right=self.right),
            TextBlock(self.lines[fit:], self.style, right=self.right),
        ]

    @property
    def first_baseline(self) -> float:
        """How far below the block's top its first line stands: the fonts' ascent, and half of
        the room the leading leaves beyond the glyphs' reach (the other half is below them)."""
        return (self.leading - self.ascent - self.descent) / 2 + self.ascent

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.style.textColor)
        y = self.height - self.first_baseline
        for line in self.lines:
            draw_line(canvas, self.width - line.width if self.right else 0, y, line)
            y -= self.leading


def para(
    text: str, st: ParagraphStyle, lang: str | None, avail: float, *, bold: bool | None = None
) -> TextBlock:
    """`text` as a paragraph: shaped by HarfBuzz, broken into lines, right-aligned when `lang` is
    written right to left."""
    bold = st.name in BOLD_STYLES if bold is None else bold
    lines = shape_lines(text, lang, st.fontSize, avail - 1, bold=bold)
    return TextBlock(lines, st, right=labels.is_rtl(lang))


def bilingual(
    key: str,
    lang: str | None,
    avail: float,
    st: ParagraphStyle,
    st_client: ParagraphStyle | None = None,
    suffix: str = "",
) -> list[Flowable]:
    """A fixed text in German, and below it in the client's language (when there is one)."""
    out: list[Flowable] = [para(labels.text(key, "de") + suffix, st, None, avail)]
    if lang:
        out.append(para(labels.text(key, lang) + suffix, st_client or STYLES.small, lang, avail))
    return out


class RoomFor(CondPageBreak):
    """A page break unless the page has room for a heading (`head`) and the start of what follows
    it (`follower`): the heading's lines, the spacers, and the first row (under the header row)
    of a table or the whole of another flowable; a `RoomFor` that follows counts with what it
    needs itself, so a heading over a sub-heading stays with the sub-heading's first row too.
    Made by `keep_with_next`."""

    def __init__(self, head: Sequence[Flowable], follower: Sequence[Flowable]) -> None:
        super().__init__(0)
        self.head, self.follower = list(head), list(follower)

    def needed(self, canvas: Canvas, avail_width: float) -> float:
        """The height the heading and the start of what follows it take, in points."""
        total = sum(_height(f, canvas, avail_width) for f in self.head)
        for f in self.follower:
            if isinstance(f, RoomFor):
                return total + f.needed(canvas, avail_width)
            if type(f) is Spacer:
                total += _height(f, canvas, avail_width)
                continue
            if isinstance(f, Table):
                _height(f, canvas, avail_width)
                first = f.repeatRows + 1 if isinstance(f.repeatRows, int) else 1
                return total + f.getSpaceBefore() + sum(f._rowHeights[:first])
            return total + _height(f, canvas, avail_width)
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self.needed(self.canv, availWidth)
        return super().wrap(availWidth, availHeight)

    def __repr__(self) -> str:
        return f"RoomFor({self.head!r})"


def _height(f: Flowable, canvas: Canvas, avail_width: float) -> float:
    """The height `f` takes in a frame `avail_width` wide, with the space before and after it."""
    _w, h = f.wrapOn(canvas, avail_width, 1e6)
    return float(h + f.getSpaceBefore() + f.getSpaceAfter())


def keep_with_next(head: Sequence[Flowable], follower: Sequence[Flowable]) -> list[Flowable]:
    """`head` (a heading) and `follower`, with the heading never left alone at the foot of a
    page: it moves to the next page unless the start of `follower` fits below it."""
    if not follower:
        return list(head)
    return [RoomFor(head, follower), *head, *follower]


def draw_line(canvas: Canvas, x: float, y: float, line: Line) -> None:
    """Draw one shaped line with its left end at x: HarfBuzz's glyphs at HarfBuzz's positions."""
    for run in line.runs:
        canvas.setFont(run.font, line.size)
        canvas.drawString(x, y, run.text)
        x += run.advance * line.size / 1000


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    right: bool = False,
    lang: str | None = None,
) -> None:
    """Draw `text` as one shaped line, starting at x (or ending at x when `right`)."""
    line = shape(text, lang, size)
    draw_line(canvas, x - line.width if right else x, y, line)


def footer_painter(lang: str | None) -> Callable[[Canvas, int, int], None]:
    """Draws the footer of one page: grey rule, data-protection line, "page n of m", bilingual."""

    def paint(canvas: Canvas, page: int, pages: int) -> None:
        page_w, _ = canvas._pagesize
        left, right = MARGIN, page_w - MARGIN
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.5)
        canvas.line(left, 17 * mm, right, 17 * mm)
        canvas.setFillColor(DARK)
        rows = [("de", 13 * mm)] + ([(lang, 9 * mm)] if lang else [])
        for code, y in rows:
            privacy = labels.text("privacy", code)
            number = labels.text("page", code).format(page=page, pages=pages)
            if labels.is_rtl(code):
                draw_text(canvas, right, y, privacy, 7, right=True, lang=code)
                draw_text(canvas, left, y, number, 7, lang=code)
            else:
                draw_text(canvas, left, y, privacy, 7, lang=code)
                draw_text(canvas, right, y, number, 7, right=True, lang=code)
        canvas.restoreState()

    return paint


def numbered_canvas(paint: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class that holds its pages back until the end, to print "page n of m"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # reportlab's default first font is Helvetica, a standard font that is not embedded
            kwargs["initialFontName"] = kwargs.get("initialFontName") or SANS
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                paint(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def day_text(day: date | None) -> str:
    """A date as printed (dd.mm.yyyy), or a dash."""
    return f"{day:%d.%m.%Y}" if day else "–"


def grid(rows: list[list[Cell]], widths: Sequence[float], *, header: bool = True) -> Table:
    """A table with grey rules only (reads well in black and white); the header repeats."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # tables set a (standard) font even for flowables
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GREY),
    ]
    if header:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 1.0, GREY))
    table.setStyle(TableStyle(commands))
    return table
