"""The print's fonts: the shipped TrueType fonts embedded as subsets, and runs of text set in the
font that has their glyphs.

Ethiopic letters are not in DejaVu Sans, and Noto Sans Ethiopic has no Latin letters or digits,
so every paragraph is split into runs, each set in the font that has its glyphs.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

SANS, SANS_BOLD = "WDSans", "WDSans-Bold"
ETHIOPIC, ETHIOPIC_BOLD = "WDEthiopic", "WDEthiopic-Bold"
FONT_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    ETHIOPIC: "NotoSansEthiopic-Regular.ttf",
    ETHIOPIC_BOLD: "NotoSansEthiopic-Bold.ttf",
}
_lock = threading.Lock()
_registered = False


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
        _registered = True


def font_for(lang: str | None, *, bold: bool = False) -> str:
    """The main font of a language's text ("ti" needs the Ethiopic font)."""
    if lang == "ti":
        return ETHIOPIC_BOLD if bold else ETHIOPIC
    return SANS_BOLD if bold else SANS


def is_ethiopic(char: str) -> bool:
    """Whether `char` is an Ethiopic letter or punctuation mark."""
    code = ord(char)
    return 0x1200 <= code <= 0x139F or 0x2D80 <= code <= 0x2DDF or 0xAB00 <= code <= 0xAB2F


@dataclass(frozen=True)
class Run:
    """A stretch of text set in one font."""

    text: str
    font: str


def runs(text: str, *, bold: bool = False) -> list[Run]:
    """Split `text` into runs by the font that has its glyphs (spaces join the current run)."""
    out: list[Run] = []
    for char in text:
        if char == " " and out:
            font = out[-1].font
        else:
            font = font_for("ti" if is_ethiopic(char) else None, bold=bold)
        if out and out[-1].font == font:
            out[-1] = Run(out[-1].text + char, font)
        else:
            out.append(Run(char, font))
    return out


def width(text: str, size: float, *, bold: bool = False) -> float:
    """The printed width of `text` at `size` points."""
    register_fonts()
    return sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs(text, bold=bold))
