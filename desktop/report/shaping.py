"""Right-to-left text for the print: Arabic-script shaping and bidi reordering, line by line.

reportlab draws glyphs in the order it is given and knows no Arabic joining, so right-to-left
text is reshaped (arabic-reshaper) and put into visual order (python-bidi) here, after it has been
broken into lines in logical order.
"""

from __future__ import annotations

from functools import cache

import arabic_reshaper
from bidi.algorithm import get_display

from desktop.report.fonts import width
from desktop.report.labels import is_rtl


@cache
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def needs_bidi(text: str, lang: str | None) -> bool:
    """Whether `text` must be reshaped and reordered: an RTL language, or Arabic letters in it."""
    return is_rtl(lang) or any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in text)


def shape(text: str, lang: str | None) -> str:
    """`text` ready to draw: right-to-left text reshaped and in visual order."""
    if not text or not needs_bidi(text, lang):
        return text
    return str(get_display(_reshaper().reshape(text)))


def shape_lines(
    text: str, lang: str | None, size: float, max_width: float, *, bold: bool = False
) -> list[str]:
    """`text` broken into lines that fit `max_width`, each shaped for drawing.

    Right-to-left text must be broken in logical order before bidi reorders it, or a wrapped
    paragraph would print its lines in the wrong order.
    """
    if not needs_bidi(text, lang):
        return [text]
    lines: list[str] = []
    for part in text.splitlines() or [""]:
        line = ""
        for word in part.split(" "):
            candidate = f"{line} {word}" if line else word
            shaped = _reshaper().reshape(candidate)
            if line and width(shaped, size, bold=bold) > max_width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return [shape(line, lang) for line in lines]
