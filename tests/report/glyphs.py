"""Which texts would print a missing glyph: a character outside the font its run is set in, or a
glyph HarfBuzz did not find (glyph 0)."""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.pdfbase.ttfonts import TTFontFile

from desktop.report.fonts import FONT_FILES, runs
from desktop.report.shaping import shape
from desktop.resources import resource_path

INVISIBLE = "\u200c\u200d\u200f"  # joiners and the right-to-left mark have no glyph of their own


def outside_fonts(texts: Iterable[str], lang: str) -> set[tuple[str, str]]:
    """(text, character) for every character without a glyph, (text, "notdef") for a text
    HarfBuzz shaped with a missing glyph; empty if everything prints."""
    cmaps = {
        name: TTFontFile(str(resource_path("fonts", file))).charToGlyph
        for name, file in FONT_FILES.items()
    }
    texts = list(texts)
    return {
        (text, char)
        for text in texts
        for bold in (False, True)
        for run in runs(text, bold=bold)
        for char in run.text
        if ord(char) not in cmaps[run.font] and char not in INVISIBLE
    } | {
        (text, "notdef")
        for text in texts
        for bold in (False, True)
        for run in shape(text, lang, bold=bold).runs
        if 0 in run.glyphs
    }
