"""HarfBuzz shaping in the print: the glyphs drawn in the PDF are the ones HarfBuzz picks from the
shipped fonts, for every script of the print languages; every letter has a glyph in its font."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import pytest
import uharfbuzz as hb
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase.ttfonts import TTFontFile
from reportlab.pdfgen.canvas import Canvas

from desktop.report.fonts import FONT_FILES, runs
from desktop.report.layout import draw_text, print_language
from desktop.report.shaping import shape
from desktop.resources import resource_path

# words of each script of the print languages; Pashto and Sorani letters without Unicode
# presentation forms (ټ ړ ګ ښ ځ, ڵ ڕ ۆ ێ) must join like the others
WORDS = {
    "ps": ["نېټه", "تړون", "ګامونه", "ښځه", "پېژندپاڼه"],
    "ckb": ["ڕێگا", "کۆمەڵ", "ڤیان", "بەڵگەنامە"],
    "ar": ["الاندماج", "خطة", "لا"],
    "fa": ["برنامه", "می‌خواهم", "گواهینامه"],
    "ti": ["ምውህሃድ", "ስምምዕ", "ዕለት"],
    "uk": ["Інтеграція", "їжа"],
    "ru": ["Интеграция", "объяснение"],
    "kmr": ["Pêşveçûn", "hînbûn", "çareserî"],
    "so": ["Qorshaha", "dhexdhexaad", "ka'a"],
    "de": ["Maßnahme", "Pflegefachkraft", "Überprüfung"],
    "tr": ["Hedefler", "ağırlık"],
    "fr": ["Intégration", "œuvre"],
}

# a sentence of every print language, its own letters included (until the phrase catalogue)
SENTENCES = {
    "de": "Integrationsplan und Vereinbarung: Überprüfung, Maßnahmen",
    "en": "Integration plan and agreement",
    "ar": "خطة الاندماج والاتفاق، التسجيل في دورة الاندماج ١٢٣",
    "fa": "برنامه ادغام و توافق‌نامه، گواهی‌نامه ۱۲۳",
    "ps": "د ادغام پلان او تړون، نېټه، ګامونه، ښځه، ځای، ړوند، ډېر، ڼ، ۍ، ئ",
    "ti": "መደብ ምውህሃድን ስምምዕን፡ ዕለት፣ ቁጽሪ ፋይል።",
    "uk": "План інтеграції та угода: ґанок, їжа, є",
    "ru": "План интеграции и соглашение: объяснение, съезд, ёлка",
    "tr": "Entegrasyon planı ve anlaşma: ğ ş ı İ ç ö ü",
    "fr": "Plan d'intégration et accord : œuvre, à, ç, é, è, ê, ë, î, ï, ô, ù, û, ÿ",
    "kmr": "Plana entegrasyonê û peyman: Pêşveçûn, hînbûn, çareserî, ş ç ê î û",
    "ckb": "پلانی تێکەڵبوون و ڕێککەوتن: ڕێگا، کۆمەڵ، ڤیان، ئێوە، ڵ ڕ ۆ ێ ڤ ە",
    "so": "Qorshaha is-dhexgalka iyo heshiiska: dhexdhexaad, ka'a",
}


class _Outline:
    """A fontTools-style pen that records a glyph's outline."""

    def __init__(self) -> None:
        self.path: list[tuple[Any, ...]] = []

    def moveTo(self, *p: Any) -> None:
        self.path.append(("M", *p))

    def lineTo(self, *p: Any) -> None:
        self.path.append(("L", *p))

    def curveTo(self, *p: Any) -> None:
        self.path.append(("C", *p))

    def qCurveTo(self, *p: Any) -> None:
        self.path.append(("Q", *p))

    def closePath(self) -> None:
        self.path.append(("Z",))


def outline(font: hb.Font, gid: int) -> tuple[Any, ...]:
    pen = _Outline()
    font.draw_glyph_with_pen(gid, pen)
    return (font.get_glyph_h_advance(gid), *pen.path)


@cache
def shipped(file: str) -> hb.Font:
    return hb.Font(hb.Face(hb.Blob.from_file_path(str(resource_path("fonts", file)))))


def harfbuzz_glyphs(word: str, lang: str) -> list[int]:
    """The glyph ids HarfBuzz picks for `word` from the shipped font, straight from uharfbuzz."""
    buf = hb.Buffer()
    buf.add_str(word)
    buf.guess_segment_properties()
    hb.shape(shipped(file_of(lang)), buf, {})
    return [info.codepoint for info in buf.glyph_infos]


def file_of(lang: str) -> str:
    if lang == "ti":
        return "NotoSansEthiopic-Regular.ttf"
    return "NotoSansArabic-Regular.ttf" if lang in ("ar", "fa", "ps", "ckb") else "DejaVuSans.ttf"


def drawn_outlines(data: bytes) -> list[tuple[Any, ...]]:
    """The outline of every glyph the PDF's page 1 draws, in drawing order, read from the
    embedded font subsets (their own glyph ids differ from the shipped font's)."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    subsets = {}
    for name, font in page["/Resources"]["/Font"].items():
        font = font.get_object()
        if "/FontDescriptor" in font:
            blob = hb.Blob(font["/FontDescriptor"]["/FontFile2"].get_data())
            subsets[name] = hb.Font(hb.Face(blob))
    out: list[tuple[Any, ...]] = []
    current = None
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"Tf":
            current = subsets.get(operands[0])
            continue
        if operator == b"Tj":
            strings = [operands[0]]
        elif operator == b"TJ":
            strings = [s for s in operands[0] if isinstance(s, str | bytes)]
        else:
            continue
        assert current is not None, "text drawn in a font that is not embedded"
        for string in strings:
            codes = string if isinstance(string, bytes) else string.encode("latin-1")
            for code in codes:
                gid = current.get_nominal_glyph(code)
                assert gid is not None
                out.append(outline(current, gid))
    return out


def pdf_of(word: str, lang: str) -> bytes:
    print_language(None)  # registers the fonts
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    draw_text(canvas, 72, 700, word, 12, lang=lang)
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize(("lang", "word"), [(k, w) for k, words in WORDS.items() for w in words])
def test_the_pdf_draws_the_glyphs_harfbuzz_picks(lang: str, word: str) -> None:
    font = shipped(file_of(lang))
    expected = [outline(font, gid) for gid in harfbuzz_glyphs(word, lang)]

    assert drawn_outlines(pdf_of(word, lang)) == expected


@pytest.mark.parametrize(
    ("word", "letter"),
    [
        ("نېټه", "ټ"),
        ("تړون", "ړ"),
        ("ګامونه", "ګ"),
        ("ښځه", "ښ"),
        ("ښځه", "ځ"),
        ("ڕێگا", "ێ"),
        ("کۆمەڵ", "ۆ"),
        ("کەڵەک", "ڵ"),
    ],
)
def test_pashto_and_sorani_letters_are_drawn_joined_not_isolated(word: str, letter: str) -> None:
    font = shipped("NotoSansArabic-Regular.ttf")
    isolated = outline(font, font.get_nominal_glyph(ord(letter)))

    drawn = drawn_outlines(pdf_of(word, "ps"))

    assert len(drawn) == len(word)
    assert isolated not in drawn  # the old presentation-form path drew exactly this glyph


def test_a_mixed_line_keeps_its_words_in_reading_order() -> None:
    line = shape("نېټه 12.03.2026 (B1)", "ps", 10)
    order = [run.glyphs for run in line.runs]
    digits = shape("12.03.2026", None, 10).runs[0].glyphs

    assert len(order) == 1 or digits in order
    flat = [g for run in order for g in run]
    word = harfbuzz_glyphs("نېټه", "ps")
    # right to left: the Pashto word is rightmost, the date left of it, "(B1)" leftmost
    assert flat[-len(word) :] == word
    assert flat[: len(shape("(B1)", None, 10).runs[0].glyphs)] == list(
        shape("(B1)", None, 10).runs[0].glyphs
    )
    text = "".join(run.text for run in line.runs)
    assert text.index("12.03.2026") > text.index("B1")


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_every_letter_of_every_print_language_has_a_glyph_in_its_font(lang: str) -> None:
    cmaps = {
        name: TTFontFile(str(resource_path("fonts", file))).charToGlyph
        for name, file in FONT_FILES.items()
    }
    text = SENTENCES[lang]
    missing = {
        (run.font, char)
        for bold in (False, True)
        for run in runs(text, bold=bold)
        for char in run.text
        if ord(char) not in cmaps[run.font] and char not in "\u200c\u200d\u200f"
    }
    notdef = [
        run.font for b in (False, True) for run in shape(text, lang, bold=b).runs if 0 in run.glyphs
    ]

    assert missing == set()
    assert notdef == []


def test_extracted_text_keeps_the_letters_of_joined_forms() -> None:
    text = PdfReader(io.BytesIO(pdf_of("نېټه تړون", "ps"))).pages[0].extract_text()

    assert {"ټ", "ړ", "ې"} <= set(text)
