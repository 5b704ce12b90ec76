"""Build the Windows installer with NSIS (makensis) from a PyInstaller one-folder build.

    python installer/windows/build_installer.py [--dist dist/WelcomeDesk] [--out FILE]
        [--sign-pfx FILE [--sign-timestamp-url URL] [--sign-tool PATH]]

Reads the version from pyproject.toml, runs makensis on installer/windows/welcome-desk.nsi for the
NSIS target amd64-unicode (the bundle is 64-bit) and prints the path of the setup .exe.

With --sign-pfx (the certificate's password comes from WELCOME_DESK_SIGN_PASSWORD, never from the
command line) it signs, Authenticode SHA-256: WelcomeDesk.exe and WelcomeDesk-debug.exe in the
bundle before they are packed, the uninstaller before it is packed (NSIS !uninstfinalize) and the
setup (!finalize). signtool on Windows, osslsigncode elsewhere. Without a certificate it says
"unsigned build: ..." on stderr and builds anyway.

Standard library only; runs on Windows and Linux. Debian's and Ubuntu's `nsis` package (>= 3.08)
have the amd64-unicode stubs; the official Windows build of NSIS (and `choco install nsis`) has
x86 stubs only, so on Windows this needs an NSIS built with TARGET_ARCH=amd64 (or --target
x86-unicode, a setup that is not the one the tests check).
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).resolve().with_name("welcome-desk.nsi")
TARGET = "amd64-unicode"  # the shipped setup; tests build exactly this
PROGRAMS = ("WelcomeDesk.exe", "WelcomeDesk-debug.exe")  # signed in the bundle before packing
SIGN_DESCRIPTION = "Welcome Desk"
PASSWORD_VAR = "WELCOME_DESK_SIGN_PASSWORD"
# Handed from the build to the signing command that makensis runs (!finalize, !uninstfinalize).
_PFX_VAR = "WELCOME_DESK_SIGN_PFX"
_TIMESTAMP_VAR = "WELCOME_DESK_SIGN_TIMESTAMP_URL"
_TOOL_VAR = "WELCOME_DESK_SIGN_TOOL"
# Where the NSIS installer (and `choco install nsis`) puts makensis on Windows.
WINDOWS_NSIS_DIRS = (
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "NSIS",
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "NSIS",
)
# Where the Windows SDK puts signtool (newest version last when sorted).
WINDOWS_KITS = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Windows Kits"


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


def nsis_dir(makensis: str) -> Path | None:
    """NSIS's data folder (Stubs/, Plugins/, Include/), as makensis reports it."""
    try:
        done = subprocess.run(
            [makensis, "-HDRINFO"], capture_output=True, text=True, errors="replace", timeout=60
        )
    except OSError:
        return None
    m = re.search(r"(?:^|[,\s])NSISDIR=([^,\r\n]+)", done.stdout)
    if m:
        return Path(m.group(1).strip())
    return Path(makensis).resolve().parent if sys.platform == "win32" else None


def missing_target(makensis: str, target: str = TARGET) -> str | None:
    """Why makensis cannot build `target` (its stubs are missing), or None if it can."""
    folder = nsis_dir(makensis)
    if folder is None or not (folder / "Stubs").is_dir():
        return None  # unknown layout: let makensis itself say what is wrong
    if any((folder / "Stubs").glob(f"*-{target}")):
        return None
    return (
        f"this NSIS ({folder}) has no {target} stubs. Debian/Ubuntu: apt-get install nsis "
        "(>= 3.08); the official Windows build of NSIS ships x86 stubs only"
    )


def default_icon() -> Path | None:
    icons = sorted((ROOT / "resources").rglob("*.ico"))
    return icons[0] if icons else None


# ------------------------------------------------------------------------------------ signing


@dataclass(frozen=True)
class Signer:
    """An Authenticode certificate (.pfx) and the tool that signs with it."""

    pfx: Path
    password: str
    timestamp_url: str | None = None
    tool: str | None = None  # signtool(.exe) or osslsigncode; found on PATH when None

    def sign(self, path: Path) -> None:
        """Sign `path` in place (SHA-256); RuntimeError with the tool's output on failure."""
        tool = self.tool or find_sign_tool()
        if tool is None:
            raise RuntimeError(
                "no signing tool: install osslsigncode (apt-get install osslsigncode) or, on "
                "Windows, the Windows SDK's signtool"
            )
        path = Path(path)
        if Path(tool).name.lower().startswith("signtool"):
            self._run([tool, *signtool_arguments(self, path)])
            return
        with tempfile.TemporaryDirectory(prefix="welcome-desk-sign-") as folder:
            secret = Path(folder) / "password"
            secret.write_text(self.password, encoding="utf-8")
            signed = Path(folder) / path.name
            self._run([tool, *osslsigncode_arguments(self, path, signed, secret)])
            shutil.copyfile(signed, path)

    @staticmethod
    def _run(command: list[str]) -> None:
        done = subprocess.run(command, capture_output=True, text=True, errors="replace")
        if done.returncode != 0:
            raise RuntimeError(
                f"signing failed ({Path(command[0]).name}, {done.returncode}):\n"
                f"{done.stdout}\n{done.stderr}".rstrip()
            )

    def environment(self) -> dict[str, str]:
        """What the signing command run by makensis needs (the password is in it already)."""
        env = {_PFX_VAR: str(self.pfx.resolve()), PASSWORD_VAR: self.password}
        if self.timestamp_url:
            env[_TIMESTAMP_VAR] = self.timestamp_url
        if self.tool:
            env[_TOOL_VAR] = self.tool
        return env

    @classmethod
    def from_environment(cls) -> Signer:
        """The signer that build() handed to makensis's signing command."""
        if _PFX_VAR not in os.environ:
            raise RuntimeError(f"--sign-file needs {_PFX_VAR} (build() sets it for makensis)")
        return cls(
            Path(os.environ[_PFX_VAR]),
            os.environ.get(PASSWORD_VAR, ""),
            os.environ.get(_TIMESTAMP_VAR) or None,
            os.environ.get(_TOOL_VAR) or None,
        )


def signtool_arguments(signer: Signer, path: Path) -> list[str]:
    """signtool (Windows SDK) signs in place."""
    args = ["sign", "/fd", "sha256", "/f", str(signer.pfx), "/p", signer.password]
    args += ["/d", SIGN_DESCRIPTION]
    if signer.timestamp_url:
        args += ["/tr", signer.timestamp_url, "/td", "sha256"]
    return [*args, str(path)]


def osslsigncode_arguments(signer: Signer, path: Path, out: Path, password_file: Path) -> list[str]:
    """osslsigncode writes a signed copy; the password is read from a file, not the command."""
    args = ["sign", "-pkcs12", str(signer.pfx), "-readpass", str(password_file), "-h", "sha256"]
    args += ["-n", SIGN_DESCRIPTION]
    if signer.timestamp_url:
        args += ["-ts", signer.timestamp_url]
    return [*args, "-in", str(path), "-out", str(out)]


def find_sign_tool() -> str | None:
    """signtool on Windows (PATH, then the newest Windows SDK), else osslsigncode."""
    if sys.platform == "win32":
        found = shutil.which("signtool")
        if found:
            return found
        kits = sorted(glob.glob(str(WINDOWS_KITS / "10" / "bin" / "10.*" / "x64" / "signtool.exe")))
        if kits:
            return kits[-1]
    return shutil.which("osslsigncode")


def _sign_command(signer: Signer | None) -> str | None:
    """The command makensis runs on the uninstaller and on the setup (%1: the file)."""
    if signer is None:
        return None
    parts = [sys.executable, str(Path(__file__).resolve())]
    if any(c in p for p in parts for c in "'\"`$%"):
        raise RuntimeError(f"cannot hand these paths to makensis for signing: {parts}")
    command = f'"{parts[0]}" "{parts[1]}" --sign-file "%1"'
    # makensis runs it with system(): cmd.exe on Windows strips one outer pair of quotes.
    return f'"{command}"' if sys.platform == "win32" else command


# -------------------------------------------------------------------------------------- build


def build(
    dist: Path,
    out: Path | None = None,
    version: str | None = None,
    icon: Path | None = None,
    target: str | None = None,
    makensis: str | None = None,
    signer: Signer | None = None,
    defines: Sequence[str] = (),
) -> Path:
    """Compile the installer (signed when `signer` is given); returns the setup .exe.

    Raises RuntimeError on failure. `defines` are extra NAME[=VALUE] for makensis (tests).
    """
    version = version or project_version()
    target = target or TARGET
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
            "Windows: see the module's docstring)"
        )
    reason = missing_target(makensis, target)
    if reason:
        raise RuntimeError(reason)
    if signer is not None:
        for name in PROGRAMS:
            if (dist / name).is_file():
                signer.sign(dist / name)
    command = [
        makensis,
        "-V2",
        f"-DVERSION={version}",
        f"-DVIVERSION={numeric_version(version)}",
        f"-DDIST={dist}",
        f"-DOUTFILE={out}",
        f"-DTARGET={target}",
    ]
    if icon is not None:
        command.append(f"-DICON={icon.resolve()}")
    sign_command = _sign_command(signer)
    if sign_command:
        command.append(f"-DSIGN_COMMAND={sign_command}")
    command += [f"-D{d}" for d in defines]
    command.append(str(SCRIPT))
    out.unlink(missing_ok=True)  # a failed build must not leave an older setup behind
    env = dict(os.environ, **(signer.environment() if signer else {}))
    result = subprocess.run(command, capture_output=True, text=True, errors="replace", env=env)
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(
            f"makensis failed ({result.returncode}):\n{result.stdout}\n{result.stderr}".rstrip()
        )
    return out


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    p.add_argument(
        "--dist",
        type=Path,
        default=ROOT / "dist" / "WelcomeDesk",
        help="the PyInstaller one-folder build (default: dist/WelcomeDesk)",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=None,
        help="setup .exe to write (default: dist/WelcomeDesk-Setup-VERSION.exe)",
    )
    p.add_argument("--version", default=None, help="override the version read from pyproject.toml")
    p.add_argument(
        "--icon",
        type=Path,
        default=None,
        help="installer icon (default: the first .ico under resources/, if any)",
    )
    p.add_argument(
        "--target",
        default=None,
        help=f"NSIS target (default: {TARGET}, the shipped setup; x86-unicode only where NSIS "
        "has no amd64 stubs)",
    )
    p.add_argument(
        "--sign-pfx",
        type=Path,
        default=None,
        metavar="FILE",
        help=f"sign with this certificate (.pfx); its password from {PASSWORD_VAR}",
    )
    p.add_argument(
        "--sign-timestamp-url",
        default=None,
        metavar="URL",
        help="RFC 3161 timestamp server, e.g. http://timestamp.digicert.com",
    )
    p.add_argument(
        "--sign-tool",
        default=None,
        metavar="PATH",
        help="signtool.exe or osslsigncode (default: signtool on Windows, else osslsigncode)",
    )
    # Used by makensis itself (!finalize, !uninstfinalize), with the signer in the environment.
    p.add_argument("--sign-file", type=Path, default=None, help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.sign_file is not None:
            Signer.from_environment().sign(args.sign_file)
            return 0
        signer = None
        if args.sign_pfx is not None:
            if not args.sign_pfx.is_file():
                raise RuntimeError(f"the certificate {args.sign_pfx} does not exist")
            signer = Signer(
                args.sign_pfx,
                os.environ.get(PASSWORD_VAR, ""),
                args.sign_timestamp_url,
                args.sign_tool,
            )
        else:
            print(
                "unsigned build: no certificate given (--sign-pfx), Windows will warn "
                "about an unknown publisher",
                file=sys.stderr,
            )
        out = build(
            args.dist,
            args.out,
            args.version,
            args.icon or default_icon(),
            args.target,
            signer=signer,
        )
    except RuntimeError as exc:
        print(f"build_installer: {exc}", file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
