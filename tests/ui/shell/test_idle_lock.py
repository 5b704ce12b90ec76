"""Locking after idle time: pending edits saved, the store closed by its worker, not one name left
on screen; a job behind a progress dialog holds the lock off until it ends."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.services import casefile
from desktop.services.settings import Settings, save_settings
from desktop.store.store import Store
from desktop.ui.case_list.new_client_dialog import NewClientDialog
from desktop.ui.shell.idle_lock import IdleLock
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker

PASSPHRASE = "correct horse battery staple"
SECRETS = ("Müller", "Mueller", "Anna", "Haddad", "Layla", "A-1", "0151", "Okafor")


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    texts = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            texts.append(str(index.data() or ""))
            texts += model_texts(model, index)
    return texts


def all_texts(root: QWidget) -> str:
    """Every text a person could read anywhere in the window, shown or hidden."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += model_texts(widget.model())
        texts.append(widget.windowTitle())
    return "\n".join(texts)


@pytest.fixture
def window(qtbot: QtBot, db: DbWorker, case_root: Path, add: Callable[..., Client]) -> MainWindow:
    add(family_name="Müller", given_names="Anna", other_names=("Mueller",), file_number="A-1")
    add(family_name="Haddad", given_names="Layla")
    window = MainWindow(db, case_root, idle_lock_ms=60_000)  # 100 ms once the test is set
    qtbot.addWidget(window)
    window.show()
    settled(window, qtbot)
    return window


def settled(window: MainWindow, qtbot: QtBot) -> None:
    """Wait until the window's worker has answered everything asked of it."""
    qtbot.waitUntil(window.db.is_idle, timeout=10_000)


def test_the_idle_lock_fires_only_after_quiet_time(qtbot: QtBot) -> None:
    lock = IdleLock(100)
    fired: list[bool] = []
    lock.idle.connect(lambda: fired.append(True))
    lock.start()
    with qtbot.waitSignal(lock.idle, timeout=2000):
        pass
    assert fired == [True] and not lock.is_active()


def test_input_postpones_the_idle_lock(qtbot: QtBot) -> None:
    lock = IdleLock(150)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    fired: list[bool] = []
    lock.idle.connect(lambda: fired.append(True))
    lock.start()
    for _ in range(6):  # 300 ms of typing, a key every 50 ms
        qtbot.wait(50)
        qtbot.keyClick(field, Qt.Key.Key_A)
    assert fired == []
    qtbot.waitUntil(lambda: fired == [True], timeout=2000)
    lock.stop()


def test_no_lock_while_a_job_behind_a_progress_dialog_runs(qtbot: QtBot, db: DbWorker) -> None:
    gate = threading.Event()
    db.run_job(lambda _store, _progress, _cancelled: gate.wait(10), modal=True)
    lock = IdleLock(50, busy=lambda: db.running_job)
    fired: list[bool] = []
    lock.idle.connect(lambda: fired.append(True))
    lock.start()
    qtbot.wait(250)
    assert fired == []
    gate.set()  # the job ends
    qtbot.waitUntil(lambda: fired == [True], timeout=2000)


def test_idle_lock_saves_closes_and_hides_every_name(
    window: MainWindow, store: Store, case_root: Path, qtbot: QtBot
) -> None:
    window.case_list.state_filter.setCurrentIndex(window.case_list.state_filter.findData("all"))
    settled(window, qtbot)
    names = [c.display_name for c in map(window.case_list.model.client_at, range(2))]
    window.case_list.table.selectRow(names.index("Müller, Anna"))
    settled(window, qtbot)
    anna = window.workspace.view
    assert anna is not None
    phone = window.workspace.tabs[0].editors["phone"].widget
    phone.setFocus()
    qtbot.keyClicks(phone, "0151 999")  # typed, never confirmed
    window.case_list.search.setText("Haddad")
    dialog = window.new_client()
    assert dialog is not None
    dialog.family_name.setText("Okafor")
    before = all_texts(window)
    assert "Müller, Anna" in before and "0151 999" in before and "Okafor" in before

    window.idle_lock.set_timeout_ms(100)
    qtbot.waitUntil(lambda: not window.db.is_open, timeout=3000)

    with pytest.raises(Exception):  # noqa: B017 - any error: the connection is gone
        store.conn.execute("SELECT 1")
    assert window.findChildren(NewClientDialog) == []  # its typed name went with it
    after = all_texts(window)
    for secret in SECRETS:
        assert secret not in after
    assert window.unlock_button.isVisible() and window.unlock_button.text() == "Unlock…"
    assert not window.lock_action.isEnabled() and not window.new_client_action.isEnabled()
    reopened = casefile.unlock(case_root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        assert reopened.get(Client, anna.client.id).phone == "0151 999"  # nothing typed is lost
    finally:
        reopened.close()


def test_unlocking_arms_the_idle_lock_again(window: MainWindow, qtbot: QtBot) -> None:
    window.idle_lock.set_timeout_ms(100)
    qtbot.waitUntil(lambda: not window.db.is_open, timeout=3000)
    assert not window.idle_lock.is_active()
    window.idle_lock.set_timeout_ms(5_000)  # a slow machine must not lock again before we look
    dialog = window.request_unlock()
    dialog.field.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):  # the case file is open in the worker
        dialog.ok_button.click()
    assert window.db.is_open
    assert window.idle_lock.is_active()
    window.idle_lock.set_timeout_ms(100)
    qtbot.waitUntil(lambda: not window.db.is_open, timeout=3000)


def test_the_idle_time_comes_from_the_settings(qtbot: QtBot, store: Store, case_root: Path) -> None:
    save_settings(store, Settings(language="en", idle_lock_minutes=3, office_name=""))
    worker = DbWorker()
    worker.attach(store)
    window = MainWindow(worker, case_root)
    qtbot.addWidget(window)
    settled(window, qtbot)
    assert window.idle_lock.timeout_ms == 3 * 60_000 and window.idle_lock.is_active()
    window.close()
    assert not window.idle_lock.is_active()
