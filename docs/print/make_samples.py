"""Page 1 of the integration plan in German and in German beside every print language, as PNGs.

    uv run python docs/print/make_samples.py      # needs pdftoppm (Debian: poppler-utils)

Redo after a layout change and look at every picture: missing-glyph boxes, Arabic that is not
joined or runs the wrong way, clipped text.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from desktop.report.labels import LANGS  # noqa: E402
from desktop.report.plan import render_plan  # noqa: E402
from tests.report.conftest import TODAY, sample_case  # noqa: E402

OFFICE = "Welcome-Center Musterstadt"


def main() -> int:
    view = sample_case(4)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            pdf = Path(tmp) / f"plan-{lang}.pdf"
            language = None if lang == "de" else lang
            pdf.write_bytes(render_plan(view, language=language, office_name=OFFICE, today=TODAY))
            target = HERE / f"plan-{lang}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                 str(pdf), str(target)],
                check=True,
            )
            print(target.with_suffix(".png").relative_to(HERE.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
