"""Build the Windows installer with NSIS (makensis) from a PyInstaller one-folder build.

    python installer/windows/build_installer.py [--dist dist/WelcomeDesk] [--out FILE]

Reads the version from pyproject.toml, runs makensis on installer/windows/welcome-desk.nsi and
prints the path of the setup .exe. Standard library only; runs on Windows and Linux (Debian's
`nsis` package).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).resolve().with_name("welcome-desk.nsi")
# Where the NSIS installer (and `choco install nsis`) puts makensis on Windows.
WINDOWS_NSIS_DIRS = (
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "NSIS",
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "NSIS",
)


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    with pyproject.open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def numeric_version(version: str) -> str:
    """'0.1.0' -> '0.1.0.0', '1.2rc1' -> '1.2.0.0': the a.b.c.d a Windows version resource needs."""
    m = re.match(r"\d+(?:\.\d+)*", version)
    parts = [int(p) for p in m.group(0).split(".")][:4] if m else []
    return ".".join(str(p) for p in [*parts, 0, 0, 0, 0][:4])


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    if sys.platform == "win32":
        for folder in WINDOWS_NSIS_DIRS:
            candidate = folder / "makensis.exe"
            if candidate.is_file():
                return str(candidate)
    return None


def default_icon() -> Path | None:
    icons = sorted((ROOT / "resources").rglob("*.ico"))
    return icons[0] if icons else None


def build(
    dist: Path,
    out: Path | None = None,
    version: str | None = None,
    icon: Path | None = None,
    target: str | None = None,
    makensis: str | None = None,
) -> Path:
    """Compile the installer; returns the setup .exe. Raises RuntimeError on failure."""
    version = version or project_version()
    dist = dist.resolve()
    if not (dist / "WelcomeDesk.exe").is_file():
        raise RuntimeError(
            f"{dist} has no WelcomeDesk.exe: build the bundle with PyInstaller first"
        )
    out = (out or ROOT / "dist" / f"WelcomeDesk-Setup-{version}.exe").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    makensis = makensis or find_makensis()
    if makensis is None:
        raise RuntimeError(
            "makensis not found: install NSIS (Debian: apt-get install nsis; "
            "Windows: choco install nsis)"
        )
    command = [
        makensis,
        "-V2",
        f"-DVERSION={version}",
        f"-DVIVERSION={numeric_version(version)}",
        f"-DDIST={dist}",
        f"-DOUTFILE={out}",
    ]
    if icon is not None:
        command.append(f"-DICON={icon.resolve()}")
    if target:
        command.append(f"-DTARGET={target}")
    command.append(str(SCRIPT))
    result = subprocess.run(command, capture_output=True, text=True, errors="replace")
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(
            f"makensis failed ({result.returncode}):\n{result.stdout}\n{result.stderr}".rstrip()
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist",
        type=Path,
        default=ROOT / "dist" / "WelcomeDesk",
        help="the PyInstaller one-folder build (default: dist/WelcomeDesk)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="setup .exe to write (default: dist/WelcomeDesk-Setup-VERSION.exe)",
    )
    parser.add_argument(
        "--version", default=None, help="override the version read from pyproject.toml"
    )
    parser.add_argument(
        "--icon",
        type=Path,
        default=None,
        help="installer icon (default: the first .ico under resources/, if any)",
    )
    parser.add_argument(
        "--target", default=None, help="NSIS target, e.g. amd64-unicode (default: x86-unicode)"
    )
    args = parser.parse_args(argv)
    try:
        out = build(args.dist, args.out, args.version, args.icon or default_icon(), args.target)
    except RuntimeError as exc:
        print(f"build_installer: {exc}", file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
