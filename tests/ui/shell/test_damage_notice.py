"""A page damaged where unlocking does not look (the first page and the schema are fine): the
window checks every page behind itself, says the case file is damaged with the newest backup,
and its button opens the backups dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services import backup, casefile
from desktop.services.clients import add_client
from desktop.ui.protection.backup_dialog import BackupsDialog
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def damaged_worker(qapp: object, case_root: Path) -> Iterator[tuple[DbWorker, Path]]:
    made = casefile.init(case_root, PASSPHRASE)
    for n in range(30):
        add_client(made.store, {"family_name": f"Beispiel{n}", "given_names": "Eva"})
    (case_root / "backups").mkdir()
    newest = backup.back_up(made.store, case_root, case_root / "backups").path
    made.store.close()
    db_file = case_root / "casefile.db"
    data = bytearray(db_file.read_bytes())
    data[len(data) - 100] ^= 0x01  # the last page: not read by unlocking
    db_file.write_bytes(bytes(data))
    worker = DbWorker()
    worker.attach(casefile.unlock(case_root, passphrase=PASSPHRASE, use_keyring=False))
    try:
        yield worker, newest
    finally:
        worker.shutdown()


def notices() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_the_window_says_a_damaged_page_and_opens_the_backups(
    qtbot: QtBot, case_root: Path, damaged_worker: tuple[DbWorker, Path]
) -> None:
    worker, newest = damaged_worker
    window = MainWindow(worker, case_root)
    qtbot.addWidget(window)
    window.show()

    qtbot.waitUntil(lambda: bool(notices()), timeout=10_000)
    (box,) = notices()
    assert "damaged" in box.text() and f"the newest backup is {newest}" in box.text()
    (button,) = [b for b in box.buttons() if b.text() == "Backups and &restore…"]
    button.click()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, BackupsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, BackupsDialog | QMessageBox):
            widget.close()
    window.close()


def test_the_background_compaction_stops_quietly_on_a_damaged_file(
    qtbot: QtBot, case_root: Path, damaged_worker: tuple[DbWorker, Path]
) -> None:
    worker, _newest = damaged_worker
    window = MainWindow(worker, case_root)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.compaction.running, timeout=10_000)
    qtbot.waitUntil(lambda: bool(notices()), timeout=10_000)
    assert window.compaction.failed
    assert len(notices()) == 1  # the damage notice, and no second box from the compaction
    for box in notices():
        box.close()
