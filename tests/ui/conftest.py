"""Real case files for the window tests: created with the services, closed after each test.

Widgets reach the case file only through a database worker (`db`): it owns the store on its own
thread. A test may read or write `store` itself only while the worker is idle: call
`settle(db)` (it waits until every answer has been delivered) after anything that queued work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.model import Client
from desktop.services import casefile
from desktop.services.clients import add_client
from desktop.store.store import Store
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.gui_gc import GuiThreadGc

PASSPHRASE = "correct horse battery staple"
UI_TESTS = Path(__file__).resolve().parent

# The offscreen platform plugin warns whenever a shown top-level window gets size constraints
# (every QMainWindow and QDialog does), is raised, or a popup (a completer's list) grabs the
# keyboard; it is the test platform talking, not the app.
OFFSCREEN_ONLY = (
    r"^This plugin does not support "
    r"(propagateSizeHints\(\)|raise\(\)|grabbing the keyboard|grabbing the mouse)$"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_ONLY))


@pytest.fixture
def case_root(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def opened(case_root: Path) -> Iterator[casefile.InitResult]:
    """A fresh case file, open; its store is closed afterwards (closing twice is harmless)."""
    result = casefile.init(case_root, PASSPHRASE)
    try:
        yield result
    finally:
        result.store.close()


@pytest.fixture
def store(opened: casefile.InitResult) -> Store:
    return opened.store


@pytest.fixture
def add(store: Store) -> Callable[..., Client]:
    """`add(family_name="Müller", given_names="Anna", ...)` with typed values."""

    def _add(**fields: Any) -> Client:
        return add_client(store, fields)

    return _add


@pytest.fixture(scope="session", autouse=True)
def _cycles_collected_on_the_gui_thread(qapp: object) -> Iterator[None]:
    """As in the app: the database worker never runs Python's cycle collector."""
    collector = GuiThreadGc()
    yield
    collector.stop()


@pytest.fixture
def db(qapp: object, store: Store) -> Iterator[DbWorker]:
    """A database worker that owns the test's store (closed with it at the end)."""
    worker = DbWorker()
    worker.attach(store)
    try:
        yield worker
    finally:
        worker.shutdown()


@pytest.fixture
def settle(qtbot: Any) -> Callable[[DbWorker], None]:
    """`settle(db)`: wait until the worker has run everything and its answers were shown."""

    def wait(worker: DbWorker) -> None:
        qtbot.waitUntil(worker.is_idle, timeout=10_000)

    return wait


@pytest.fixture(autouse=True)
def _english(qapp: object) -> Iterator[None]:
    """Every window test starts in English (the source language); German is asked for."""
    from desktop.ui.widgets.i18n import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def _no_last_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """File dialogs start in Documents, not in the folder an earlier test chose."""
    from desktop.ui.widgets import file_dialogs

    monkeypatch.setattr(file_dialogs, "_last", None)


@pytest.fixture(autouse=True)
def opened_folders(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """No test starts the real file manager: the folders "Open folder" would open, in order."""
    from desktop.ui.widgets import file_dialogs

    opened: list[Path] = []

    def show_folder(folder: str | Path) -> bool:
        opened.append(Path(folder))
        return True

    monkeypatch.setattr(file_dialogs, "show_folder", show_folder)
    return opened
