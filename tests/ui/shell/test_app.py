"""Start-up paths that need no dialog, and the crash report that carries no case data."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from desktop.services import casefile
from desktop.services.clients import ClientQuery, add_client, list_clients
from desktop.store.store import Store
from desktop.ui.shell.app import (
    DEMO_CLIENTS,
    DEMO_PASSPHRASE,
    crash_report,
    fill_demo_job,
    open_case_file,
    open_demo,
)
from desktop.ui.widgets.db_worker import DbWorker

PASSPHRASE = "correct horse battery staple"


def clients_in(worker: DbWorker, qtbot: QtBot) -> int:
    """How many clients the case file open in the worker holds."""
    total: list[int] = []
    worker.run(lambda store: list_clients(store, ClientQuery()).total, total.append)
    qtbot.waitUntil(lambda: bool(total))
    return total[0]


def test_the_windows_account_unlocks_without_asking(case_root: Path, qtbot: QtBot) -> None:
    created = casefile.init(case_root, PASSPHRASE, remember_in_keyring=True)
    add_client(created.store, {"family_name": "Müller", "given_names": "Anna"})
    created.store.close()
    worker = DbWorker()
    try:
        assert open_case_file(case_root, worker)
        assert clients_in(worker, qtbot) == 1
    finally:
        worker.shutdown()


def test_the_demo_case_file_is_created_once_and_then_reopened(tmp_path: Path, qtbot: QtBot) -> None:
    root = tmp_path / "WelcomeDesk-Demo"
    for _ in range(2):
        worker = DbWorker()
        try:
            assert open_demo(root, worker)
            assert clients_in(worker, qtbot) == DEMO_CLIENTS
        finally:
            worker.shutdown()
    casefile.unlock(root, passphrase=DEMO_PASSPHRASE, use_keyring=False).close()


def test_a_crash_report_names_the_place_but_never_the_message() -> None:
    try:
        raise ValueError("Müller, Anna, geboren 17.05.1990")
    except ValueError:
        kind, _error, tb = sys.exc_info()
    assert kind is not None
    report = crash_report(kind, tb)
    assert "ValueError" in report and "test_app.py" in report
    assert "Müller" not in report and "1990" not in report


@pytest.mark.parametrize("args", [["--demo"], ["--data-dir", "x", "--demo"]])
def test_the_demo_option_is_understood(args: list[str]) -> None:
    from desktop.ui.shell.app import _parse

    options, rest = _parse(args)
    assert options.demo and rest == []


def test_the_demo_fill_runs_on_the_database_worker_behind_a_progress_dialog(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.services.demo as demo

    threads: list[int] = []
    dialogs: list[str] = []
    original = demo.fill_demo

    def recording(*args: Any, **kwargs: Any) -> int:
        threads.append(threading.get_ident())
        return original(*args, **kwargs)

    def look() -> None:
        dialogs.extend(
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        )
        if not dialogs:
            QTimer.singleShot(10, look)

    monkeypatch.setattr(demo, "fill_demo", recording)
    QTimer.singleShot(0, look)
    worker = DbWorker()
    try:
        assert open_demo(tmp_path / "WelcomeDesk-Demo", worker)
        assert threads and threads[0] != threading.get_ident()
        assert dialogs and dialogs[0] == "Creating the demo case file…"
        assert clients_in(worker, qtbot) == DEMO_CLIENTS
    finally:
        worker.shutdown()


def test_a_cancelled_demo_stops_behind_the_chunk_written(store: Store) -> None:
    reports: list[tuple[int, int]] = []
    done = fill_demo_job(store, 100, lambda d, t: reports.append((d, t)), lambda: True)
    # a chunk is about 25 clients and ends between households: the last family stays whole
    assert 25 <= done < 40 and reports == [(done, 100)]
    assert list_clients(store, ClientQuery()).total == done
    empty = store.conn.execute(
        "SELECT count(*) FROM household h"
        " WHERE NOT EXISTS (SELECT 1 FROM client c WHERE c.household_id = h.id)"
    ).fetchone()[0]
    assert empty == 0


@pytest.mark.parametrize("demo", [False, True])
def test_a_second_window_on_an_open_case_file_says_so_before_any_passphrase(
    case_root: Path, qtbot: QtBot, demo: bool
) -> None:
    # the first window has it unlocked
    first = casefile.init(case_root, DEMO_PASSPHRASE if demo else PASSPHRASE).store
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    worker = DbWorker()
    try:
        assert not (open_demo if demo else open_case_file)(case_root, worker)
        assert shown == [
            "The case file is in use by another Welcome Desk window or command: close it there "
            "first."
        ]
        assert not worker.is_open
    finally:
        worker.shutdown()
        first.close()
