"""The PyInstaller spec builds a Linux bundle within the size budget, and the bundle works."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_selftest import EXPECTED

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "installer" / "welcome-desk.spec"
SIZE_BUDGET = 160 * 1024 * 1024  # unpacked, as `du -sh` counts it (MiB)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (it is in the `build` dependency group: "
        "uv sync --group build)",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the budget is for Linux"),
]


def _size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def test_the_linux_bundle_fits_the_budget_and_passes_its_self_test(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-4000:]
    bundle = dist / "WelcomeDesk"
    assert (bundle / "WelcomeDesk").is_file()
    assert _size(bundle) < SIZE_BUDGET, f"{_size(bundle) / 2**20:.1f} MiB"

    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["WELCOME_DESK_HOME"] = str(tmp_path / "data")
    done = subprocess.run(
        [str(bundle / "WelcomeDesk-debug"), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.stdout.splitlines() == EXPECTED, done.stderr
    assert done.returncode == 0
    assert not (tmp_path / "data").exists()
