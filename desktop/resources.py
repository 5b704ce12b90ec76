"""The one way to find shipped files (fonts, translations, icons): checkout or frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """`resources/` beside the package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under resources/, e.g. resource_path("i18n", "welcome_desk_de.qm")."""
    return resource_root().joinpath(*parts)
