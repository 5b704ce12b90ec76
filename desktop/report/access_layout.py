"""The building blocks of the access request (report/access_request.py): values, headings,
label-and-value tables and the footer, in the statement's language.

The frame (headings, field labels, explanatory paragraphs, footer) is in German, English or any
print language (report/access_texts.py). The translations other than English are drafts, so in
those each heading and the footer carry the German too; in a language written right to left the
frame texts are shaped and aligned right to left and the label stands right of its value, as on
the plan. Values print as stored: German dates and catalogue labels (English ones in English).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import TypeVar

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from desktop.domain.catalogues import Catalogue
from desktop.domain.dates import PartialDate
from desktop.domain.model import Organisation
from desktop.domain.texts import Texts
from desktop.report.access_texts import text as _t
from desktop.report.labels import is_rtl
from desktop.report.layout import (
    DARK,
    GREY,
    MARGIN,
    PAD,
    STYLES,
    TextBlock,
    draw_text,
    grid,
    para,
)

WIDTH = A4[0] - 2 * MARGIN
LONG_VALUE = 400  # characters: a longer value flows below its table, free to break across pages
Fact = tuple[str, str]
T = TypeVar("T")


class AccessBlocks:
    """Values and blocks in `lang`: German ("de"), English ("en") or a print language.

    The statement's sections (access_request.AccessLayout) are built from them."""

    def __init__(self, lang: str, orgs: Mapping[str, Organisation]) -> None:
        self.lang, self.orgs = lang, orgs
        self.values = "en" if lang == "en" else "de"  # the language of dates and catalogue labels
        self.draft = lang not in ("de", "en")  # a draft translation: German beside each heading
        self.rtl = is_rtl(lang)

    # -- values ------------------------------------------------------------------------------

    def day(self, value: date | PartialDate | None) -> str:
        if value is None:
            return "–"
        if isinstance(value, PartialDate):
            return value.german() if self.values == "de" else value.iso()
        return f"{value:%d.%m.%Y}" if self.values == "de" else value.isoformat()

    def moment(self, value: datetime) -> str:
        local = value.astimezone() if value.tzinfo else value
        return f"{self.day(local.date())} {local:%H:%M}"

    def label(self, member: Catalogue | None) -> str:
        return member.label(self.values) if member is not None else "–"

    def org(self, organisation_id: str | None) -> str:
        found = self.orgs.get(organisation_id or "")
        return found.name if found else "–"

    @staticmethod
    def texts(texts: Texts) -> str:
        """An item's own client-language texts, one "code: text" line each."""
        return "; ".join(f"{lang}: {text}" for lang, text in texts.items())

    # -- blocks ------------------------------------------------------------------------------

    def heading(
        self,
        key: str,
        st: ParagraphStyle = STYLES.heading,
        st_draft: ParagraphStyle = STYLES.heading_client,
        suffix: str = "",
    ) -> list[Flowable]:
        """A heading in the statement's language; in a draft language the German above it."""
        out: list[Flowable] = []
        if self.draft:
            out.append(para(_t(key, "de") + suffix, st, None, WIDTH, bold=True))
            st = st_draft
        return [*out, para(_t(key, self.lang) + suffix, st, self.lang, WIDTH, bold=True)]

    def fixed(self, key: str, avail: float = WIDTH, *, bold: bool = False) -> TextBlock:
        """A fixed text (a label or a paragraph) in the statement's language."""
        return para(_t(key, self.lang), STYLES.body, self.lang, avail, bold=bold)

    def value(self, value: str, avail: float) -> TextBlock:
        """A stored value as it is, beside its label (on the right in a right-to-left page)."""
        block = para(value or "–", STYLES.body, None, avail)
        block.right = self.rtl
        return block

    def row(self, cells: list[T]) -> list[T]:
        """Table cells in reading order: right to left in a right-to-left page."""
        return cells[::-1] if self.rtl else cells

    def body(self, value: str) -> list[Flowable]:
        """A stored text as paragraphs, one per line of it."""
        return [para(line, STYLES.body, None, WIDTH) for line in value.splitlines() or [""]]

    def facts(self, rows: Sequence[Fact]) -> list[Flowable]:
        """Label and value side by side; a long value follows the table as flowing text."""
        widths = (0.32 * WIDTH, 0.68 * WIDTH)
        inner = (widths[0] - 2 * PAD, widths[1] - 2 * PAD)
        short: list[Fact] = []
        long: list[Fact] = []
        for key, value in rows:
            (long if len(value) > LONG_VALUE else short).append((key, value))
        out: list[Flowable] = []
        if short:
            cells = [
                self.row([[self.fixed(key, inner[0], bold=True)], [self.value(value, inner[1])]])
                for key, value in short
            ]
            out.append(grid(cells, self.row(list(widths)), header=False))
        for key, value in long:
            out.append(self.fixed(key, bold=True))
            out += self.body(value)
        return out

    def table(
        self, keys: Sequence[str], rows: list[list[str]], shares: Sequence[float]
    ) -> Flowable:
        widths = [s * WIDTH for s in shares]
        head = [[self.fixed(k, w - 2 * PAD, bold=True)] for k, w in zip(keys, widths, strict=True)]
        body = [
            self.row([[self.value(v, w - 2 * PAD)] for v, w in zip(r, widths, strict=True)])
            for r in rows
        ]
        return grid([self.row(head), *body], self.row(widths))

    def none(self) -> list[Flowable]:
        return [self.fixed("none")]


def footer(lang: str) -> Callable[[Canvas, int, int], None]:
    """Draws one page's footer: grey rule, confidentiality line, "Seite n von m"; in a draft
    language German above it, mirrored in a language written right to left."""
    rows = [(lang, 12 * mm)] if lang in ("de", "en") else [("de", 13 * mm), (lang, 9 * mm)]

    def paint(canvas: Canvas, page: int, pages: int) -> None:
        page_w, _ = canvas._pagesize
        left, right = MARGIN, page_w - MARGIN
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.5)
        canvas.line(left, 17 * mm, right, 17 * mm)
        canvas.setFillColor(DARK)
        for code, y in rows:
            number = _t("page", code).format(page=page, pages=pages)
            start, end = (
                (number, _t("footer", code)) if is_rtl(code) else (_t("footer", code), number)
            )
            draw_text(canvas, left, y, start, 7, lang=code)
            draw_text(canvas, right, y, end, 7, right=True, lang=code)
        canvas.restoreState()

    return paint
