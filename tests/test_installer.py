"""The NSIS installer (installer/windows/welcome-desk.nsi), built against a fake one-folder dist.

makensis compiles the script (Debian's `nsis` package, installed by .ci/run). Where wine is
present, the setup runs silently in a throwaway WINEPREFIX: install, upgrade in place over an
older version, refuse while the app runs, uninstall — and the user's data folder is left alone.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
HELPER = REPO_ROOT / "installer" / "windows" / "build_installer.py"
WINE_TIMEOUT = 180


def _helper() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_installer", HELPER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_installer = _helper()
MAKENSIS = build_installer.find_makensis()
needs_makensis = pytest.mark.skipif(
    MAKENSIS is None, reason="makensis (NSIS) is not installed: apt-get install nsis"
)


def make_fake_dist(root: Path, marker: str = "new") -> Path:
    """A stand-in for dist/WelcomeDesk: two exes (dummy bytes) and an _internal/ folder."""
    dist = root / "WelcomeDesk"
    (dist / "_internal" / "resources" / "fonts").mkdir(parents=True)
    (dist / "WelcomeDesk.exe").write_bytes(b"MZ fake windowed exe " + marker.encode())
    (dist / "WelcomeDesk-debug.exe").write_bytes(b"MZ fake console exe " + marker.encode())
    (dist / "_internal" / "python311.dll").write_bytes(b"MZ fake dll")
    (dist / "_internal" / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"font")
    (dist / "_internal" / f"only-in-{marker}.txt").write_text(marker)
    return dist


def test_numeric_version() -> None:
    assert build_installer.numeric_version("0.1.0") == "0.1.0.0"
    assert build_installer.numeric_version("1.2rc1") == "1.2.0.0"
    assert build_installer.numeric_version("1.2.3.4.5") == "1.2.3.4"
    assert build_installer.project_version() != ""


@needs_makensis
def test_makensis_compiles_the_installer(tmp_path: Path) -> None:
    dist = make_fake_dist(tmp_path)
    out = build_installer.build(dist, tmp_path / "WelcomeDesk-Setup-test.exe")
    assert out.is_file()
    assert out.read_bytes()[:2] == b"MZ"


@needs_makensis
def test_build_helper_prints_the_output_path(tmp_path: Path) -> None:
    dist = make_fake_dist(tmp_path)
    out = tmp_path / "out" / "Setup.exe"
    result = subprocess.run(
        [sys.executable, str(HELPER), "--dist", str(dist), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out.resolve())
    assert out.read_bytes()[:2] == b"MZ"


# ---------------------------------------------------------------------------------------- wine


# Where distributions put wine's per-architecture folders (Debian/Ubuntu, Fedora, WineHQ builds).
WINE_LIB_DIRS = (
    "/usr/lib/x86_64-linux-gnu/wine",
    "/usr/lib/i386-linux-gnu/wine",
    "/usr/lib64/wine",
    "/usr/lib/wine",
    "/opt/wine-stable/lib/wine",
    "/opt/wine-stable/lib64/wine",
)


def _wine_file(relative: str) -> Path | None:
    for folder in WINE_LIB_DIRS:
        candidate = Path(folder) / relative
        if candidate.exists():
            return candidate
    return None


def _wine_target() -> str | None:
    """The NSIS target wine here can run: x86 needs 32-bit wine, which Debian ships apart."""
    return None if _wine_file("i386-unix") else "amd64-unicode"


def _wine(prefix: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all", DISPLAY="")
    result = subprocess.run(
        ["wine", *args],
        env=env,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=WINE_TIMEOUT,
    )
    # Let wineserver flush the registry and finish file operations before looking.
    subprocess.run(["wineserver", "-w"], env=env, timeout=WINE_TIMEOUT, check=False)
    return result


def _wait_gone(path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.25)


def _builtin_cmd_exe() -> Path | None:
    return _wine_file("x86_64-windows/cmd.exe")


@pytest.mark.slow
@needs_makensis
@pytest.mark.skipif(shutil.which("wine") is None, reason="wine is not installed (optional check)")
def test_silent_install_upgrade_and_uninstall_under_wine(tmp_path: Path) -> None:
    target = _wine_target()
    old = build_installer.build(
        make_fake_dist(tmp_path / "old", "old"),
        tmp_path / "WelcomeDesk-Setup-0.0.1.exe",
        version="0.0.1",
        target=target,
    )
    new = build_installer.build(
        make_fake_dist(tmp_path / "new", "new"),
        tmp_path / "WelcomeDesk-Setup-new.exe",
        target=target,
    )
    prefix = tmp_path / "prefix"
    prefix.mkdir()

    # The older version first.
    result = _wine(prefix, str(old), "/S")
    assert result.returncode == 0, result.stderr
    users = [
        p
        for p in (prefix / "drive_c" / "users").glob("*/AppData/Local")
        if (p / "Programs" / "WelcomeDesk").is_dir()
    ]
    assert users, f"nothing installed under {prefix}/drive_c/users: {result.stderr}"
    local = users[0]
    program = local / "Programs" / "WelcomeDesk"
    assert (program / "_internal" / "only-in-old.txt").is_file()
    assert (program / "Uninstall.exe").read_bytes()[:2] == b"MZ"
    shortcut = local.parent / "Roaming/Microsoft/Windows/Start Menu/Programs/Welcome Desk.lnk"
    assert shortcut.is_file(), "no Start menu shortcut"
    registry = (prefix / "user.reg").read_text(encoding="utf-8", errors="replace")
    assert "Uninstall\\\\WelcomeDesk]" in registry
    assert '"DisplayVersion"="0.0.1"' in registry

    # The user's data folder (platformdirs: %LOCALAPPDATA%\WelcomeDesk), beside the program.
    data = local / "WelcomeDesk"
    (data / "backups").mkdir(parents=True)
    (data / "casefile.db").write_bytes(b"encrypted case file")
    (data / "keys.json").write_text("{}")
    (data / "backups" / "casefile-1.db").write_bytes(b"backup")
    # Something that was never ours inside the program folder goes with the old version.
    (program / "_internal" / "stale.pyd").write_bytes(b"old")

    # The current version over it: in place, old program files removed, data untouched.
    result = _wine(prefix, str(new), "/S")
    assert result.returncode == 0, result.stderr
    assert (program / "_internal" / "only-in-new.txt").is_file()
    assert not (program / "_internal" / "only-in-old.txt").exists()
    assert not (program / "_internal" / "stale.pyd").exists()
    assert (program / "WelcomeDesk.exe").read_bytes().endswith(b"new")
    registry = (prefix / "user.reg").read_text(encoding="utf-8", errors="replace")
    assert f'"DisplayVersion"="{build_installer.project_version()}"' in registry
    assert (data / "casefile.db").read_bytes() == b"encrypted case file"

    # Uninstall (silently, as Apps & features' QuietUninstallString does). The uninstaller copies
    # itself to %TEMP% and returns at once, so wait for the program folder to go.
    result = _wine(prefix, str(program / "Uninstall.exe"), "/S")
    assert result.returncode == 0, result.stderr
    _wait_gone(program)
    assert not program.exists(), sorted(p.name for p in program.iterdir())
    assert not shortcut.exists()
    registry = (prefix / "user.reg").read_text(encoding="utf-8", errors="replace")
    assert "Uninstall\\\\WelcomeDesk]" not in registry
    assert (data / "casefile.db").read_bytes() == b"encrypted case file"
    assert (data / "keys.json").read_text() == "{}"
    assert (data / "backups" / "casefile-1.db").read_bytes() == b"backup"


@pytest.mark.slow
@needs_makensis
@pytest.mark.skipif(shutil.which("wine") is None, reason="wine is not installed (optional check)")
def test_installer_refuses_while_the_app_runs_under_wine(tmp_path: Path) -> None:
    cmd = _builtin_cmd_exe()
    if cmd is None or _wine_target() is None:
        pytest.skip("no 64-bit wine cmd.exe to stand in for a running WelcomeDesk.exe")
    dist = make_fake_dist(tmp_path / "dist")
    shutil.copyfile(cmd, dist / "WelcomeDesk.exe")  # a real program that can keep running
    setup = build_installer.build(
        dist, tmp_path / "WelcomeDesk-Setup-run.exe", target=_wine_target()
    )
    prefix = tmp_path / "prefix"
    prefix.mkdir()
    assert _wine(prefix, str(setup), "/S").returncode == 0
    (program,) = (prefix / "drive_c" / "users").glob("*/AppData/Local/Programs/WelcomeDesk")

    env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all", DISPLAY="")
    running = subprocess.Popen(
        ["wine", str(program / "WelcomeDesk.exe"), "/c", "ping -n 60 127.0.0.1 >nul"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)
        assert running.poll() is None, "the stand-in app did not keep running"
        # Silent runs answer the Retry/Cancel question with Cancel: exit code 2, nothing changed.
        again = subprocess.run(
            ["wine", str(setup), "/S"], env=env, capture_output=True, timeout=WINE_TIMEOUT
        )
        assert again.returncode == 2
        gone = subprocess.run(
            ["wine", str(program / "Uninstall.exe"), "/S", f"_?={program}"],
            env=env,
            capture_output=True,
            timeout=WINE_TIMEOUT,
        )
        assert gone.returncode == 2
        assert (program / "WelcomeDesk.exe").is_file()
        assert (program / "_internal" / "only-in-new.txt").is_file()
    finally:
        running.kill()
        running.wait(timeout=30)
        subprocess.run(["wineserver", "-k"], env=env, timeout=WINE_TIMEOUT, check=False)
