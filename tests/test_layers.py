"""The architecture's rules (docs/architecture.md): layers that point only downwards, a core
without Qt, SQL and the connection only in the store, a window that reaches the data only through
the services and its database worker, and no import cycle anywhere, lazy imports included.

Imports are read from the source (ast), so an import inside a function or under TYPE_CHECKING
counts as much as one at the top; every module is also imported for real.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "desktop"

# Which layers each layer may import (besides itself). See DESIGN.md and docs/architecture.md.
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "demo": {"domain"},
    "fsutil": {"domain"},
    "resources": set(),
    "formats": {"domain", "fsutil"},
    "store": {"domain", "fsutil"},
    "sync": {"domain", "store", "fsutil"},
    "report": {"domain", "resources"},
    "services": {"domain", "store", "sync", "report", "formats", "demo", "fsutil", "resources"},
    "cli": {"services", "domain"},
    "ui": {"services", "domain", "resources"},
    # app level: the entry point and the self-test start whatever they need
    "__main__": {"cli", "ui", "selftest"},
    "selftest": {"domain", "services", "resources", "report", "ui"},
}
QT_FREE = ["domain", "demo", "fsutil", "formats", "store", "sync", "report", "services", "cli"]


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (packages by their own name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


MODULES = modules()


def layer(module: str) -> str:
    """The layer of a module: the first part below `desktop` ("desktop" itself: its package)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "desktop"


def imported(module: str) -> Iterator[str]:
    """The package's modules that `module` imports anywhere in its source."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from a.b import c`: the module a.b.c if there is one, else a name from a.b
            names = [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name.startswith("desktop") and name != module and name != "desktop":
                yield name


def test_every_module_imports_and_the_core_never_imports_qt() -> None:
    core = [m for m in MODULES if layer(m) in QT_FREE]
    code = (
        "import importlib, sys\n"
        f"for m in {core!r}: importlib.import_module(m)\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6')))\n"
        f"for m in {sorted(MODULES)!r}: importlib.import_module(m)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "[]"
    assert len(core) > 100 and any(layer(m) == "cli" for m in core)


def test_every_layer_imports_only_the_layers_below_it() -> None:
    wrong = [
        f"{module} imports {target}"
        for module in MODULES
        if layer(module) != "desktop"
        for target in imported(module)
        if layer(target) != layer(module) and layer(target) not in ALLOWED[layer(module)]
    ]
    assert wrong == []
    assert set(ALLOWED) >= {layer(m) for m in MODULES} - {"desktop"}


def test_there_is_no_import_cycle_lazy_imports_included() -> None:
    graph = {m: set(imported(m)) - {m} for m in MODULES}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert cycles == []


def test_the_domain_imports_only_the_standard_library_and_itself() -> None:
    allowed = re.compile(r"^\s*(from|import) (desktop\.domain|__future__|[a-z_]+\b)")
    third_party = {"sqlcipher3", "PySide6", "reportlab", "keyring", "cryptography", "platformdirs"}
    for path in (PACKAGE / "domain").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(from|import) ", line):
                assert allowed.match(line), (path, line)
                assert not any(re.match(rf"^\s*(from|import) {t}\b", line) for t in third_party)
                assert "desktop." not in line or "desktop.domain" in line, (path, line)


def test_sql_lives_only_in_the_store() -> None:
    sql = re.compile(r"\b(SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA )")
    outside = [
        str(p.relative_to(REPO))
        for p in PACKAGE.rglob("*.py")
        if "store" not in p.relative_to(REPO).parts and sql.search(p.read_text(encoding="utf-8"))
    ]
    assert outside == []


def test_nothing_outside_the_store_touches_the_connection() -> None:
    conn = re.compile(r"\.conn\b")
    assert [
        str(p.relative_to(REPO))
        for p in PACKAGE.rglob("*.py")
        if "store" not in p.relative_to(REPO).parts and conn.search(p.read_text(encoding="utf-8"))
    ] == []


STORE_NAMES = {"store", "_store"}


def test_the_window_never_calls_the_store_itself() -> None:
    """In desktop/ui the store is only ever handed to a service inside a worker operation:
    no attribute of it is read, no method of it is called."""
    touched = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute):
                continue
            owner = node.value
            if (isinstance(owner, ast.Name) and owner.id in STORE_NAMES) or (
                isinstance(owner, ast.Attribute) and owner.attr in STORE_NAMES
            ):
                touched.append(f"{path.relative_to(REPO)}:{node.lineno} .{node.attr}")
    assert touched == []


def test_no_menu_or_dialog_reaches_into_the_main_window() -> None:
    """They get a Shell (ui/shell/protocol.py); only the start-up opens the main window."""
    users = sorted(
        module
        for module in MODULES
        if "desktop.ui.shell.main_window" in set(imported(module))
        and module not in ("desktop.ui.shell.app", "desktop.selftest")
    )
    assert users == []


def test_every_path_the_architecture_page_names_exists() -> None:
    """A newcomer follows docs/architecture.md by file names: they must all be there."""
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:[a-z_]+/)+[a-z_]+(?:\.py|\.md|/))`", text))
    assert len(named) > 30
    missing = [
        name
        for name in sorted(named)
        if not any((base / name).exists() for base in (PACKAGE, REPO, REPO / "docs"))
    ]
    assert missing == []
