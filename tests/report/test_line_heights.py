"""Lines and table rows of the prints are as tall as their fonts: the dots of "Ü" and the marks
of Arabic and Ethiopic stay inside their line and their row, never cut or run into the next."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from desktop.report.fonts import (
    ARABIC,
    ARABIC_BOLD,
    ETHIOPIC,
    ETHIOPIC_BOLD,
    FONT_FILES,
    SANS,
    SANS_BOLD,
    hb_font,
    register_fonts,
    ttfont,
)
from desktop.report.layout import PAD, STYLES, grid, para

register_fonts()
# a text set in each font alone, and the print language it is set for
SAMPLES = {
    SANS: ("Übergang in die Regelklasse", None),
    SANS_BOLD: ("Übergang in die Regelklasse", None),
    ARABIC: ("مُتَرْجِم شفاهي", "ar"),
    ARABIC_BOLD: ("مُتَرْجِم شفاهي", "ar"),
    ETHIOPIC: ("ተርጓሚ", "ti"),
    ETHIOPIC_BOLD: ("ተርጓሚ", "ti"),
}
STYLE_NAMES = ("body", "small", "office", "title", "title_client", "heading", "heading_client",
               "subheading")  # fmt: skip
FOOTER_SIZE = 7
WIDTH = 400
EPS = 1e-9  # points: the sums of floats may differ in the last bit


def test_every_font_is_sampled() -> None:
    assert set(SAMPLES) == set(FONT_FILES)


@pytest.mark.parametrize("font", sorted(SAMPLES))
@pytest.mark.parametrize("style_name", STYLE_NAMES)
def test_the_leading_holds_the_fonts_ascent_and_descent(font: str, style_name: str) -> None:
    st = getattr(STYLES, style_name)
    text, lang = SAMPLES[font]
    block = para(text, st, lang, WIDTH, bold=font.endswith("-Bold"))
    assert {run.font for line in block.lines for run in line.runs} == {font}
    ascent, descent = pdfmetrics.getAscentDescent(font, st.fontSize)
    assert block.leading >= ascent - descent - EPS
    # the font's hhea extents too (DejaVu's typographic ascent stops below the dots of "Ü")
    extents = hb_font(font).get_font_extents("ltr")
    scale = st.fontSize / hb_font(font).face.upem
    assert block.leading >= (extents.ascender - extents.descender) * scale - EPS
    assert block.first_baseline >= extents.ascender * scale - EPS
    # and the table row around it: the line, with its padding
    table = grid([[[block]]], [WIDTH + 2 * PAD], header=False)
    table.wrap(WIDTH + 2 * PAD, 1000)
    assert table._rowHeights[0] >= block.leading + 6


@pytest.mark.parametrize("style_name", STYLE_NAMES)
def test_the_dots_of_a_capital_umlaut_stay_inside_the_line(style_name: str) -> None:
    st = getattr(STYLES, style_name)
    for font in (SANS, SANS_BOLD):
        block = para("Übergang", st, None, WIDTH, bold=font == SANS_BOLD)
        glyph = ttfont(font).face.charToGlyph[ord("Ü")]
        ink = hb_font(font).get_glyph_extents(glyph)
        top = ink.y_bearing * st.fontSize / hb_font(font).face.upem
        assert block.first_baseline >= top > 0.85 * st.fontSize, (font, style_name)


@pytest.mark.parametrize("font", sorted(SAMPLES))
def test_the_footer_lines_are_far_enough_apart_for_every_font(font: str) -> None:
    """The footer's German line is 4 mm above the client-language line (7 pt)."""
    _ascent, descent = pdfmetrics.getAscentDescent(SANS, FOOTER_SIZE)
    ascent, _descent = pdfmetrics.getAscentDescent(font, FOOTER_SIZE)
    assert 4 * mm >= ascent - descent
