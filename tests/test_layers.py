"""The architecture's rules: a core without Qt, SQL only in the store."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORE = ["domain", "store", "sync", "services", "report", "cli"]


def test_the_core_never_imports_qt() -> None:
    modules = [
        ".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        for package in CORE
        for p in (REPO / "desktop" / package).rglob("*.py")
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "[]"
    assert len(modules) > 20


def test_the_domain_imports_only_the_standard_library_and_itself() -> None:
    allowed = re.compile(r"^\s*(from|import) (desktop\.domain|__future__|[a-z_]+\b)")
    third_party = {"sqlcipher3", "PySide6", "reportlab", "keyring", "cryptography", "platformdirs"}
    for path in (REPO / "desktop" / "domain").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(from|import) ", line):
                assert allowed.match(line), (path, line)
                assert not any(re.match(rf"^\s*(from|import) {t}\b", line) for t in third_party)
                assert "desktop." not in line or "desktop.domain" in line, (path, line)


def test_sql_lives_only_in_the_store() -> None:
    sql = re.compile(r"\b(SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA )")
    outside = [
        str(p.relative_to(REPO))
        for p in (REPO / "desktop").rglob("*.py")
        if "store" not in p.relative_to(REPO).parts and sql.search(p.read_text(encoding="utf-8"))
    ]
    assert outside == []


def test_the_window_reaches_the_store_only_through_services() -> None:
    imports = re.compile(r"^\s*(from|import) desktop\.(store|sync)\b", re.M)
    assert [
        p.name
        for p in (REPO / "desktop" / "ui").rglob("*.py")
        if imports.search(p.read_text(encoding="utf-8"))
    ] == []


def test_nothing_outside_the_store_touches_the_connection() -> None:
    conn = re.compile(r"\.conn\b")
    assert [
        str(p.relative_to(REPO))
        for p in (REPO / "desktop").rglob("*.py")
        if "store" not in p.relative_to(REPO).parts and conn.search(p.read_text(encoding="utf-8"))
    ] == []
