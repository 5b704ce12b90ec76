"""The print's fonts: the shipped TrueType fonts embedded as subsets, and runs of text set in the
font that has their glyphs.

DejaVu Sans sets Latin (Kurmanji and Somali letters included) and Cyrillic; Noto Sans Arabic
sets the Arabic script (DejaVu Sans lacks Pashto ۍ), Noto Sans Ethiopic sets Tigrinya. Neither Noto
font has Latin letters, so every paragraph is split into runs, each set in the font that has its
glyphs.

HarfBuzz (report.shaping) picks glyphs by id; reportlab draws characters. `glyph_char` gives the
character the font maps to a glyph, or registers a private-use character for a glyph the font's
cmap does not reach (joined forms such as Pashto ټ in the middle of a word). The PDF's ToUnicode
map of such a character names the letters it was shaped from, so copied or extracted text keeps
the letter (see _to_unicode_cmap).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

SANS, SANS_BOLD = "WDSans", "WDSans-Bold"
ETHIOPIC, ETHIOPIC_BOLD = "WDEthiopic", "WDEthiopic-Bold"
ARABIC, ARABIC_BOLD = "WDArabic", "WDArabic-Bold"
FONT_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    ETHIOPIC: "NotoSansEthiopic-Regular.ttf",
    ETHIOPIC_BOLD: "NotoSansEthiopic-Bold.ttf",
}
_lock = threading.Lock()
_registered = False
_PRIVATE_FIRST, _PRIVATE_LAST = 0xE000, 0xF8FF
# per font face: private-use character -> the text its glyph was shaped from
_private_text: dict[str, dict[int, str]] = {}
_private_char: dict[tuple[str, int], int] = {}  # (font, glyph id) -> its private-use character


def register_fonts() -> None:
    """Register the shipped fonts with reportlab (embedded as subsets), once per process."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD)
        pdfmetrics.registerFontFamily(ETHIOPIC, normal=ETHIOPIC, bold=ETHIOPIC_BOLD)
        pdfmetrics.registerFontFamily(ARABIC, normal=ARABIC, bold=ARABIC_BOLD)
        _registered = True


def font_for(lang: str | None, *, bold: bool = False) -> str:
    """The main font of a language's text ("ti" needs the Ethiopic font, "ar", "fa", "ps" and
    "ckb" the Arabic one)."""
    if lang == "ti":
        return ETHIOPIC_BOLD if bold else ETHIOPIC
    if lang in ARABIC_SCRIPT:
        return ARABIC_BOLD if bold else ARABIC
    return SANS_BOLD if bold else SANS


ARABIC_SCRIPT = frozenset({"ar", "fa", "prs", "ps", "ckb"})
JOINERS = " \u200c\u200d\u200e\u200f"  # spaces, ZWNJ, ZWJ and marks stay in the current run


def is_ethiopic(char: str) -> bool:
    """Whether `char` is an Ethiopic letter or punctuation mark."""
    code = ord(char)
    return 0x1200 <= code <= 0x139F or 0x2D80 <= code <= 0x2DDF or 0xAB00 <= code <= 0xAB2F


def is_arabic(char: str) -> bool:
    """Whether `char` is a letter, digit or mark of the Arabic script (presentation forms too)."""
    code = ord(char)
    return (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    )


@dataclass(frozen=True)
class Run:
    """A stretch of text set in one font."""

    text: str
    font: str


def runs(text: str, *, bold: bool = False) -> list[Run]:
    """Split `text` into runs by the font that has its glyphs (spaces join the current run)."""
    out: list[Run] = []
    for char in text:
        if char in JOINERS and out:
            font = out[-1].font
        elif is_ethiopic(char):
            font = font_for("ti", bold=bold)
        else:
            font = font_for("ar" if is_arabic(char) else None, bold=bold)
        if out and out[-1].font == font:
            out[-1] = Run(out[-1].text + char, font)
        else:
            out.append(Run(char, font))
    return out


def width(text: str, size: float, *, bold: bool = False) -> float:
    """The printed width of `text` at `size` points."""
    register_fonts()
    return sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs(text, bold=bold))


def ttfont(name: str) -> TTFont:
    """The registered reportlab font `name`."""
    register_fonts()
    font = pdfmetrics.getFont(name)
    assert isinstance(font, TTFont)
    return font


@cache
def hb_font(name: str) -> hb.Font:
    """The HarfBuzz font of the shipped font `name` (sizes in font units)."""
    return hb.Font(hb.Face(hb.Blob(ttfont(name).face._ttf_data)))


@cache
def vertical_metrics(name: str) -> tuple[float, float]:
    """How far the glyphs of font `name` reach above and below the baseline, in thousandths of
    the font size (the descent negative): the larger of the font's typographic extents (what
    reportlab's getAscentDescent reads) and its hhea extents (what HarfBuzz, and Qt, read).

    DejaVu's typographic ascent is 760 while the dots of Ü reach 913: lines spaced and placed by
    the typographic ascent alone cut them off; its hhea ascent (928) holds them.
    """
    ascent, descent = pdfmetrics.getAscentDescent(ttfont(name).fontName)
    font = hb_font(name)
    extents = font.get_font_extents("ltr")
    scale = 1000 / font.face.upem
    return max(ascent, extents.ascender * scale), min(descent, extents.descender * scale)


def glyph_char(name: str, gid: int, source: str) -> tuple[str, float]:
    """The character that draws glyph `gid` of font `name` in reportlab, and the glyph's width
    in thousandths of the font size.

    That is `source` itself (the text HarfBuzz shaped the glyph from) where the font maps it to
    this glyph; any other glyph (a joined form, a ligature) gets a private-use character whose
    ToUnicode entry is `source`, so that text extracted from the PDF has the letters, not
    presentation forms or private-use code points.
    """
    face = ttfont(name).face
    if len(source) == 1 and face.charToGlyph.get(ord(source)) == gid:
        return source, face.charWidths.get(ord(source), 0)
    key = (name, gid)
    code = _private_char.get(key)
    if code is None:
        with _lock:
            code = _private_char.get(key)
            if code is None:
                used = face.charToGlyph
                start = max(_private_char.values(), default=_PRIVATE_FIRST - 1) + 1
                code = next(c for c in range(start, _PRIVATE_LAST + 1) if c not in used)
                used[code] = gid
                face.glyphToChar.setdefault(gid, []).append(code)
                advance = hb_font(name).get_glyph_h_advance(gid)
                face.charWidths[code] = face._pdfScale(advance)
                _private_text.setdefault(face.name.decode("latin-1"), {})[code] = source
                _private_char[key] = code
    return chr(code), face.charWidths[code]


_reportlab_to_unicode = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map of a font subset, with the shaped-from text of our private-use
    characters instead of the private-use code points."""
    cmap = _reportlab_to_unicode(fontname, subset)
    face = fontname.split("+", 1)[-1]
    names = [n for n in _private_text if face.startswith(n)]
    texts = _private_text[max(names, key=len)] if names else None
    if not texts:
        return cmap
    for index, code in enumerate(subset):
        if code in texts:
            utf16 = texts[code].encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{utf16}>", 1)
    return cmap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap
