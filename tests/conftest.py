"""Shared test set-up: offscreen Qt, an in-memory OS keyring, the command line in a subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import keyring
import keyring.backend
import keyring.errors
import pytest

from tests.windows_files import WindowsFiles

REPO_ROOT = Path(__file__).resolve().parent.parent
# Qt tests run without a display unless one is asked for, on the two screens of the offices'
# laptops (the areas Windows leaves beside a 48-px taskbar): 1366x768 at 100 % and, primary,
# 1920x1080 at 150 % as its 1280x720 logical pixels (the scaling itself is tested with
# QT_SCALE_FACTOR=1.5 in tests/ui/shell/test_screen_fit.py).
SCREENS = REPO_ROOT / "tests" / "fixtures" / "screens.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"
# Window sizes and splitters are remembered in the user's settings: never the developer's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="wd-test-config-")
# Should anything initialise keyring before the fixture below (or in a CLI subprocess), it must
# find the failing backend, never the developer's real credential store.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

PASSPHRASE = "correct horse battery staple"
RECOVERY_KEY_LINE = re.compile(r"^[A-Z0-9]{4,}(-[A-Z0-9]{4,})+$")
CLI_TIMEOUT = 60


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An OS credential store that lives in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture(autouse=True)
def windows_files(monkeypatch: pytest.MonkeyPatch) -> WindowsFiles:
    """Every test runs with Windows' rule for open files: what is open, or held by another
    program (`windows_files.hold(path)`), cannot be replaced, renamed or deleted."""
    files = WindowsFiles()
    files.patch(monkeypatch.setattr)  # without /proc (Windows itself) only hold() and deny_writes()
    return files


@pytest.fixture(autouse=True)
def _isolated_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring; the real one is never touched."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (relative path -> bytes), for byte-for-byte comparisons."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(name="snapshot")
def snapshot_fixture() -> Callable[[Path], dict[str, bytes]]:
    """`snapshot(folder)` for tests (conftest is not importable under --import-mode=importlib)."""
    return snapshot


class CliResult(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


class Cli:
    """Runs `python -m desktop --data-dir DIR ...` in a subprocess, as a user would."""

    passphrase = PASSPHRASE

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)

    def env(self, overrides: Mapping[str, str | None] | None = None) -> dict[str, str]:
        """The subprocess environment; an override of None removes the variable."""
        env = dict(os.environ)
        env.pop("WELCOME_DESK_HOME", None)
        env["WELCOME_DESK_PASSPHRASE"] = PASSPHRASE
        env["WELCOME_DESK_LANG"] = "en"
        for name, value in (overrides or {}).items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        return env

    def __call__(
        self,
        *args: str,
        env: Mapping[str, str | None] | None = None,
        data_dir: Path | None = None,
        preexec_fn: Callable[[], Any] | None = None,
        stdin: Any = subprocess.DEVNULL,
    ) -> CliResult:
        folder = self.data_dir if data_dir is None else Path(data_dir)
        # `preexec_fn` runs in the child before the CLI starts: POSIX only (a test that passes one
        # skips on Windows or has a Windows case of its own).
        posix_only = {} if preexec_fn is None else {"preexec_fn": preexec_fn}
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(folder), *args],
            cwd=REPO_ROOT,
            env=self.env(env),
            stdin=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=CLI_TIMEOUT,
            check=False,
            **posix_only,
        )
        return CliResult(done.returncode, done.stdout, done.stderr)

    def init(self) -> str:
        """Create the case file; returns the recovery key printed on stdout."""
        code, out, err = self("init")
        assert code == 0, err
        lines = [line for line in out.splitlines() if line.strip()]
        assert len(lines) == 1 and RECOVERY_KEY_LINE.match(lines[0]), out
        return lines[0]

    def add(self, *options: str) -> str:
        """`client add ...`; returns the new client's id."""
        code, out, err = self("client", "add", *options)
        assert code == 0, err
        return out.strip()

    def list_json(self, *options: str) -> list[dict[str, Any]]:
        """`client list --json ...` parsed."""
        code, out, err = self("client", "list", "--json", *options)
        assert code == 0, err
        return json.loads(out)


@pytest.fixture(name="make_cli", scope="session")
def make_cli_fixture() -> type[Cli]:
    """The Cli class, for module-scoped case files."""
    return Cli


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cli(data_dir: Path) -> Cli:
    return Cli(data_dir)


@pytest.fixture(scope="session")
def template_case(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One case file made by `init` (folder, recovery key); tests get copies of it."""
    folder = tmp_path_factory.mktemp("template") / "data"
    return folder, Cli(folder).init()


@pytest.fixture
def initialised(data_dir: Path, template_case: tuple[Path, str]) -> str:
    """A fresh, empty case file in `data_dir`; returns its recovery key.

    `init` runs once per session (its Argon2id costs a subprocess); each test gets its own copy.
    """
    folder, recovery_key = template_case
    shutil.copytree(folder, data_dir)
    return recovery_key
