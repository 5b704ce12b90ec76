"""Page 1 of the integration plan in German and in German beside every print language, and a page
of sample words of every print language's script, as PNGs at 150 dpi (joining can be seen).

    uv run python docs/print/make_samples.py      # needs pdftoppm (Debian: poppler-utils)

Redo after a layout or shaping change and look at every picture: missing-glyph boxes, Arabic-script
letters that are not joined (Pashto ټ ړ ګ ښ ځ, Sorani ڵ ڕ ۆ ێ) or run the wrong way, clipped text.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from reportlab.lib.pagesizes import A4  # noqa: E402

from desktop.report.labels import LANGS  # noqa: E402
from desktop.report.layout import STYLES, document, para, print_language, style  # noqa: E402
from desktop.report.phrasebook import shipped_book  # noqa: E402
from desktop.report.plan import render_plan  # noqa: E402
from tests.report.conftest import TODAY, phrase_case, sample_case  # noqa: E402
from tests.report.test_progress_and_slip import dated_case, progress, slip  # noqa: E402
from tests.report.test_shaping import SENTENCES, WORDS  # noqa: E402

OFFICE = "Welcome-Center Musterstadt"
RESOLUTION = "150"


def png(pdf: Path, target: Path) -> None:
    """Page 1 of `pdf` as a greyscale PNG `target`.png."""
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-gray",
            "-r",
            RESOLUTION,
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(target),
        ],
        check=True,
    )
    print(target.with_suffix(".png").relative_to(HERE.parents[1]))


def scripts_pdf() -> bytes:
    """One A4 page: a sentence and sample words of every print language, shaped as printed."""
    print_language(None)
    big = style("sample", 14)
    width = A4[0] - 2 * 18 * 72 / 25.4 - 12
    story = []
    for lang, sentence in SENTENCES.items():
        story.append(para(lang, STYLES.subheading, None, width, bold=True))
        story.append(para(sentence, big, lang, width))
        if lang in WORDS:
            story.append(para("  ".join(WORDS[lang]), big, lang, width))
    buffer = io.BytesIO()
    document(buffer, A4, "title").build(story)
    return buffer.getvalue()


def main() -> int:
    view = phrase_case()
    book = shipped_book()
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            pdf = Path(tmp) / f"plan-{lang}.pdf"
            language = None if lang == "de" else lang
            pdf.write_bytes(
                render_plan(view, language=language, office_name=OFFICE, today=TODAY, book=book)
            )
            png(pdf, HERE / f"plan-{lang}")
        pdf = Path(tmp) / "progress-ar.pdf"
        pdf.write_bytes(progress(dated_case(sample_case), "ar", TODAY))
        png(pdf, HERE / "progress-ar")
        pdf = Path(tmp) / "slip-ti.pdf"
        pdf.write_bytes(slip("ti", interpreter="ti"))
        png(pdf, HERE / "slip-ti")
        pdf = Path(tmp) / "scripts.pdf"
        pdf.write_bytes(scripts_pdf())
        png(pdf, HERE / "scripts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
