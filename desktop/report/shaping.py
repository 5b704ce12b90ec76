"""Text for the print shaped with HarfBuzz: glyphs chosen by the font's own rules, lines in
visual order.

reportlab draws the glyphs it is given and knows no joining, so every printed line is shaped here:
HarfBuzz (uharfbuzz) picks each letter's joined form from the font's OpenType tables, which works
for every letter the font knows (Pashto ټ ړ ګ ښ ځ and Sorani ڵ ڕ ۆ ێ have no Unicode
presentation forms, so the old presentation-form reshaping left them unjoined). The bidi levels
come from python-bidi's Unicode algorithm; each stretch of one level and one font is shaped in
logical order and the stretches are put into visual order (rule L2). Text is broken into lines in
logical order before, or a wrapped paragraph would print its lines in the wrong order.

A shaped run is a reportlab `ShapedStr`: one character per glyph (the character the font maps to
that glyph, or a private-use one registered for it) with HarfBuzz's advances and offsets, which
reportlab's canvas draws glyph by glyph (see fonts.glyph_char).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from bidi import algorithm as _bidi
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from desktop.report.fonts import SANS, glyph_char, hb_font, runs, ttfont, vertical_metrics
from desktop.report.labels import is_rtl, normalise

# HarfBuzz language tags of the print languages whose shaping may depend on the language
_HB_LANGUAGE = {"ar": "ar", "fa": "fa", "ps": "ps", "ckb": "ckb", "ti": "ti", "kmr": "ku"}


def needs_bidi(text: str, lang: str | None) -> bool:
    """Whether `text` may need reordering: an RTL language, or right-to-left letters in it."""
    return is_rtl(lang) or any(_is_rtl_char(c) for c in text)


def _is_rtl_char(char: str) -> bool:
    return "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufefc" or char == "\u200f"


@dataclass(frozen=True)
class GlyphRun:
    """Glyphs of one font, in visual order: `glyphs` are HarfBuzz's glyph ids, `text` the
    characters that stand for them in reportlab, with HarfBuzz's positions."""

    font: str
    glyphs: tuple[int, ...]
    text: ShapedStr
    advance: float  # in thousandths of the font size


@dataclass(frozen=True)
class Line:
    """One shaped line: its runs from left to right."""

    runs: tuple[GlyphRun, ...]
    size: float

    @property
    def width(self) -> float:
        """The printed width in points."""
        return sum(r.advance for r in self.runs) * self.size / 1000

    @property
    def ascent(self) -> float:
        """How far the line's glyphs may reach above its baseline, in points (the tallest of
        its fonts; see fonts.vertical_metrics)."""
        return max(vertical_metrics(f)[0] for f in self.fonts) * self.size / 1000

    @property
    def descent(self) -> float:
        """How far the line's glyphs may reach below its baseline, in points (positive)."""
        return -min(vertical_metrics(f)[1] for f in self.fonts) * self.size / 1000

    @property
    def fonts(self) -> set[str]:
        """The fonts the line is set in (an empty line: the sans-serif font)."""
        return {r.font for r in self.runs} or {SANS}


@lru_cache(maxsize=8192)
def _shape_run(text: str, font: str, rtl: bool, language: str | None) -> GlyphRun:
    """One stretch of text in one font and one direction, shaped by HarfBuzz (cached)."""
    hb_f = hb_font(font)
    ttf = ttfont(font)
    buf = hb.Buffer()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    if language:
        buf.language = language
    hb.shape(hb_f, buf, {"kern": True, "liga": True})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    # the text of each glyph's cluster, for the PDF's ToUnicode map of glyphs the cmap lacks
    starts = [*sorted({i.cluster for i in infos}), len(text)]
    ends = {s: starts[n + 1] for n, s in enumerate(starts[:-1])}
    chars, data, glyphs = [], [], []
    advance = 0.0
    for info, pos in zip(infos, positions, strict=True):
        gid = info.codepoint
        char, width = glyph_char(font, gid, text[info.cluster : ends[info.cluster]])
        chars.append(char)
        glyphs.append(gid)
        x_advance = ttf.pdfScale(pos.x_advance)
        advance += x_advance
        data.append(
            ShapeData(
                info.cluster,
                x_advance,
                ttf.pdfScale(pos.y_advance),
                ttf.pdfScale(pos.x_offset),
                ttf.pdfScale(pos.y_offset),
                width,
            )
        )
    return GlyphRun(font, tuple(glyphs), ShapedStr("".join(chars), shapeData=data), advance)


def _levels(text: str, base: int) -> list[int]:
    """The resolved bidi level of every character of `text` (rules W1–I2 of UAX #9)."""
    storage = _bidi.get_empty_storage()
    storage["base_level"], storage["base_dir"] = base, ("L", "R")[base]
    _bidi.get_embedding_levels(text, storage)
    for index, ch in enumerate(storage["chars"]):
        ch["index"] = index
    _bidi.explicit_embed_and_overrides(storage)
    _bidi.resolve_weak_types(storage)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    levels: list[int | None] = [None] * len(text)
    for ch in storage["chars"]:
        levels[ch["index"]] = ch["level"]
    out: list[int] = []
    for level in levels:  # characters removed by rule X9 (ZWNJ, ZWJ) keep their neighbour's level
        out.append(level if level is not None else (out[-1] if out else base))
    for i in range(len(text) - 1, -1, -1):  # rule L1: trailing white space at the base level
        if not text[i].isspace():
            break
        out[i] = base
    return out


def _base_level(text: str, lang: str | None) -> int:
    """The paragraph direction: the first strong letter's, else the language's."""
    for char in text:
        kind = _bidi.bidirectional(char)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return 1 if is_rtl(lang) else 0


def _segments(text: str, lang: str | None, bold: bool) -> list[tuple[str, str, int]]:
    """`text` cut into (text, font, level) stretches in logical order."""
    if not needs_bidi(text, lang):
        return [(r.text, r.font, 0) for r in runs(text, bold=bold)]
    levels = _levels(text, _base_level(text, lang))
    out: list[tuple[str, str, int]] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or levels[end] != levels[start]:
            out += [(r.text, r.font, levels[start]) for r in runs(text[start:end], bold=bold)]
            start = end
    return out


def _visual_order(levels: list[int]) -> list[int]:
    """Indexes of the stretches in visual order (rule L2: reverse from the highest level down)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def shape(text: str, lang: str | None, size: float = 10, *, bold: bool = False) -> Line:
    """One line of `text` shaped by HarfBuzz, its runs in visual order."""
    lang = normalise(lang)
    language = _HB_LANGUAGE.get(lang or "")
    segments = _segments(text, lang, bold)
    order = _visual_order([level for _, _, level in segments])
    shaped = (
        _shape_run(segments[i][0], segments[i][1], segments[i][2] % 2 == 1, language) for i in order
    )
    return Line(tuple(shaped), size)


def measure(text: str, lang: str | None, size: float, *, bold: bool = False) -> float:
    """The printed width of `text` in points, as shaped."""
    return shape(text, lang, size, bold=bold).width


def shape_lines(
    text: str, lang: str | None, size: float, max_width: float, *, bold: bool = False
) -> list[Line]:
    """`text` broken into lines that fit `max_width` (in logical order), each shaped.

    A word longer than the line stays whole and overflows, as in reportlab's paragraphs.
    """
    lines: list[Line] = []
    for part in text.splitlines() or [""]:
        lines += (
            shape(line, lang, size, bold=bold) for line in _break(part, lang, size, max_width, bold)
        )
    return lines


def _break(part: str, lang: str | None, size: float, max_width: float, bold: bool) -> Iterable[str]:
    space = measure(" ", lang, size, bold=bold)
    line, line_width, first = "", 0.0, True
    for word in part.split(" "):
        word_width = measure(word, lang, size, bold=bold)
        if first:
            line, line_width, first = word, word_width, False
        elif line_width + space + word_width > max_width:
            yield line
            line, line_width = word, word_width
        else:
            line, line_width = f"{line} {word}", line_width + space + word_width
    yield line
