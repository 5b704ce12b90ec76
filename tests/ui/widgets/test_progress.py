"""Long work behind a progress dialog: the job runs on the database worker, its result comes back,
Cancel and Escape reach it, and errors reach the user in one sentence without case data."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.errors import WrongPassphrase
from desktop.store.store import Store
from desktop.ui.widgets.db_worker import Cancelled, DbWorker, Progress
from desktop.ui.widgets.i18n import set_language
from desktop.ui.widgets.progress import run_with_progress


def test_the_result_comes_back_from_the_worker(qtbot: QtBot, db: DbWorker) -> None:
    seen: list[tuple[int, int]] = []

    def job(_store: Store, progress: Progress, cancelled: Cancelled) -> str:
        for step in range(1, 4):
            progress(step, 3)
            seen.append((step, 3))
        elsewhere = threading.current_thread() is not threading.main_thread()
        return "ran in another thread" if elsewhere else "ran in the main thread"

    assert run_with_progress(db, None, "Working", job) == "ran in another thread"
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert not db.running_job


@pytest.mark.parametrize("how", ["button", "escape"])
def test_cancel_reaches_the_job(qtbot: QtBot, db: DbWorker, how: str) -> None:
    started = threading.Event()

    def job(_store: Store, progress: Progress, cancelled: Cancelled) -> str:
        started.set()
        for _ in range(500):
            if cancelled():
                return "stopped"
            time.sleep(0.01)
        return "ran to the end"

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        if started.is_set() and dialogs and dialogs[0].isVisible():
            assert db.running_job
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
    assert run_with_progress(db, None, "Working", job) == "stopped"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_errors_reach_the_user_in_one_sentence(
    qtbot: QtBot,
    db: DbWorker,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    set_language(lang)

    def refused(_store: Store, _progress: object, _cancelled: object) -> None:
        raise WrongPassphrase()

    def broken(_store: Store, _progress: object, _cancelled: object) -> None:
        raise ValueError("Müller, Anna")

    assert run_with_progress(db, None, "Working", refused) is None
    assert run_with_progress(db, None, "Working", broken) is None
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
