"""The test suite collects where POSIX-only modules do not exist (Windows): every test module
imports `resource`, `fcntl`, `os.fork`, `signal.SIGKILL` and the like only inside the test that
needs them, behind a skip or with a Windows path.

Collection runs twice in subprocesses: once as it is, and once with a `sitecustomize` (loaded
before pytest and every library) under which the project's own code (desktop/, tests/, bench/)
cannot import `resource`, `fcntl`, `termios`, `pwd`, `grp` and finds no `os.fork`,
`os.geteuid`, `os.getuid`, `signal.SIGKILL`. Both must collect the same tests without an error.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

# The project's own code (the folders in IMITATE_WINDOWS_FOR) is made to lack exactly what a
# Windows Python lacks. Libraries and the standard library keep what they have: on Windows they
# take their own Windows branches, which no imitation on Linux could take for them (platformdirs
# imports os.getuid on Linux).
SITECUSTOMIZE = '''
"""Our code sees a Python without the POSIX-only modules and functions (the collection test)."""
import builtins
import importlib
import os
import signal
import sys
import types

MISSING_MODULES = {"resource", "fcntl", "termios", "pwd", "grp"}
MISSING_ATTRIBUTES = {"os": {"fork", "geteuid", "getuid"}, "signal": {"SIGKILL"}}
ROOTS = tuple(
    os.path.join(os.path.normcase(os.path.abspath(root)), "")
    for root in os.environ["IMITATE_WINDOWS_FOR"].split(os.pathsep)
)
# frames that import on someone else's behalf: the caller is the one above them
HELPERS = (
    "<frozen importlib",
    os.path.join("", "importlib", "__init__.py"),
    os.path.join("_pytest", "outcomes.py"),
    __file__,
)


def ours(filename):
    return os.path.normcase(os.path.abspath(filename)).startswith(ROOTS)


def importer(globals_, depth):
    """The file that asks for an import (its module's globals, else the first caller frame)."""
    if globals_ and globals_.get("__file__"):
        return globals_["__file__"]
    frame = sys._getframe(depth + 1)
    while frame is not None and any(h in frame.f_code.co_filename for h in HELPERS):
        frame = frame.f_back
    return frame.f_code.co_filename if frame is not None else ""


_import = builtins.__import__


def refuse(name, globals_=None):
    if name.partition(".")[0] in MISSING_MODULES and ours(importer(globals_, 2)):
        raise ModuleNotFoundError(f"No module named {name!r} (imitating Windows)", name=name)


def windows_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0:
        refuse(name, globals)
    return _import(name, globals, locals, fromlist, level)


_import_module = importlib.import_module


def windows_import_module(name, package=None):
    if not name.startswith("."):
        refuse(name)
    return _import_module(name, package)


class WindowsModule(types.ModuleType):
    def __getattribute__(self, name):
        missing = MISSING_ATTRIBUTES.get(types.ModuleType.__getattribute__(self, "__name__"))
        if missing and name in missing and ours(sys._getframe(1).f_code.co_filename):
            raise AttributeError(f"module has no attribute {name!r} (imitating Windows)")
        return types.ModuleType.__getattribute__(self, name)


builtins.__import__ = windows_import
importlib.import_module = windows_import_module
os.__class__ = WindowsModule
signal.__class__ = WindowsModule
'''

PROBE = """
import os, signal, sys

for name in ("resource", "fcntl", "termios", "pwd", "grp"):
    try:
        __import__(name)
    except ImportError:
        pass
    else:
        sys.exit(f"{name} could be imported")
for module, name in ((os, "fork"), (os, "geteuid"), (os, "getuid"), (signal, "SIGKILL")):
    if hasattr(module, name):
        sys.exit(f"{module.__name__}.{name} is still there")
try:
    from os import fork
except ImportError:
    pass
else:
    sys.exit("from os import fork worked")
# what exists on Windows still imports; libraries keep their own platform's branches
import getpass, importlib, shutil, subprocess, tempfile, keyring, platformdirs, pytest
assert signal.SIGINT and os.getpid()
for name in ("fcntl", "resource"):
    try:
        importlib.import_module(name)
    except ImportError:
        pass
    else:
        sys.exit(f"importlib.import_module({name!r}) worked")
try:
    pytest.importorskip("fcntl")
except pytest.skip.Exception:
    print("imitating Windows")
"""

SUMMARY = re.compile(r"^(\d+) tests? collected(?:, (\d+) errors?)? in ", re.MULTILINE)


def windows_like_env(folder: Path, *ours: Path) -> dict[str, str]:
    """The environment of a Python whose code in `ours` (and the project's) imitates Windows."""
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    path = [str(folder), str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]
    roots = [REPO_ROOT / "desktop", REPO_ROOT / "tests", REPO_ROOT / "bench", *ours]
    return dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(p for p in path if p),
        IMITATE_WINDOWS_FOR=os.pathsep.join(map(str, roots)),
    )


def collect(env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`pytest --collect-only` over the whole suite, started (both runs go side by side)."""
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=REPO_ROOT,
        env={**(env or os.environ), "PYTHONIOENCODING": "utf-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        encoding="utf-8",
    )


def collected(process: subprocess.Popen[str]) -> tuple[int, str]:
    """The number of tests collected; fails on an error of collection."""
    try:
        output, _ = process.communicate(timeout=300)
    finally:
        process.kill()
    found = SUMMARY.search(output)
    problems = "\n".join(line for line in output.splitlines() if "::" not in line)
    assert process.returncode == 0 and found and not found.group(2), problems[-5000:]
    return int(found.group(1)), problems


def test_the_imitation_lacks_what_windows_lacks(tmp_path):
    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / "probe.py").write_text(PROBE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(probe / "probe.py")],
        cwd=REPO_ROOT,
        env=windows_like_env(tmp_path, probe),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and "imitating Windows" in done.stdout, done.stderr


@pytest.mark.slow
def test_the_suite_collects_without_posix_only_modules(tmp_path):
    normal = collect()
    windows_like = collect(windows_like_env(tmp_path))

    expected, _ = collected(normal)
    count, output = collected(windows_like)

    assert count == expected > 1000, output[-5000:]
