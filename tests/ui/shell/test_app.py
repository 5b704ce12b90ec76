"""Start-up paths that need no dialog, and the crash report that carries no case data."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.errors import WrongPassphrase
from desktop.services import casefile
from desktop.services.clients import add_client
from desktop.store.search import ClientQuery
from desktop.store.store import Store
from desktop.ui.shell.app import (
    DEMO_CLIENTS,
    DEMO_PASSPHRASE,
    crash_report,
    fill_demo_job,
    open_case_file,
    open_demo,
)
from desktop.ui.widgets.i18n import set_language
from desktop.ui.widgets.worker import busy, run_with_progress

PASSPHRASE = "correct horse battery staple"


def test_the_windows_account_unlocks_without_asking(case_root: Path, qapp: object) -> None:
    created = casefile.init(case_root, PASSPHRASE, remember_in_keyring=True)
    add_client(created.store, {"family_name": "Müller", "given_names": "Anna"})
    created.store.close()
    store = open_case_file(case_root)
    assert store is not None
    try:
        assert store.clients(ClientQuery()).total == 1
    finally:
        store.close()


def test_the_demo_case_file_is_created_once_and_then_reopened(tmp_path: Path, qapp: object) -> None:
    root = tmp_path / "WelcomeDesk-Demo"
    store = open_demo(root)
    try:
        assert store.clients(ClientQuery()).total == DEMO_CLIENTS
    finally:
        store.close()
    store = open_demo(root)
    try:
        assert store.clients(ClientQuery()).total == DEMO_CLIENTS
    finally:
        store.close()
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


def test_the_demo_fill_runs_in_a_worker_thread_behind_a_progress_dialog(
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
    store = open_demo(tmp_path / "WelcomeDesk-Demo")
    try:
        assert threads and threads[0] != threading.get_ident()
        assert dialogs and dialogs[0] == "Creating the demo case file…"
        assert store.clients(ClientQuery()).total == DEMO_CLIENTS
    finally:
        store.close()


def test_a_cancelled_demo_stops_behind_the_chunk_written(store: Store) -> None:
    reports: list[tuple[int, int]] = []
    done = fill_demo_job(store, 100, lambda d, t: reports.append((d, t)), lambda: True)
    assert done == 25 and reports == [(25, 100)]
    assert store.clients(ClientQuery()).total == 25


def test_the_result_comes_back_from_the_worker(qtbot: QtBot) -> None:
    seen: list[tuple[int, int]] = []

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
        for step in range(1, 4):
            progress(step, 3)
            seen.append((step, 3))
        elsewhere = threading.current_thread() is not threading.main_thread()
        return "ran in another thread" if elsewhere else "ran in the main thread"

    assert run_with_progress(None, "Working", job) == "ran in another thread"
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert not busy()


@pytest.mark.parametrize("how", ["button", "escape"])
def test_cancel_reaches_the_job(qtbot: QtBot, how: str) -> None:
    started = threading.Event()

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
        started.set()
        for _ in range(500):
            if cancelled():
                return "stopped"
            time.sleep(0.01)
        return "ran to the end"

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        if started.is_set() and dialogs and dialogs[0].isVisible():
            assert busy()
            button = dialogs[0].findChild(QPushButton)
            assert button is not None and button.text() == "Cancel"
            if how == "button":
                button.click()
            else:
                qtbot.keyClick(dialogs[0], Qt.Key.Key_Escape)
                assert dialogs[0].isVisible()  # until the job has stopped
        else:
            QTimer.singleShot(10, press_cancel)

    QTimer.singleShot(0, press_cancel)
    assert run_with_progress(None, "Working", job) == "stopped"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_errors_reach_the_user_in_one_sentence(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    set_language(lang)

    def refused(_progress: object, _cancelled: object) -> None:
        raise WrongPassphrase()

    def broken(_progress: object, _cancelled: object) -> None:
        raise ValueError("Müller, Anna")

    assert run_with_progress(None, "Working", refused) is None
    assert run_with_progress(None, "Working", broken) is None
    assert shown[0] == WrongPassphrase().text(lang)
    assert (
        shown[1]
        == {
            "en": "The work could not be finished because of an unexpected error.",
            "de": "Der Vorgang konnte wegen eines unerwarteten Fehlers nicht abgeschlossen werden.",
        }[lang]
    )
    log = capsys.readouterr().err
    assert "ValueError" in log and "Müller" not in log
