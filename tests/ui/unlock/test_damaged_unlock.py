"""A damaged case file at unlock: the dialog says so in one sentence with the newest backup and
offers "Restore a backup…", which restores it (key, preview, confirmation) and opens it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.services import backup, casefile
from desktop.services.clients import ClientQuery, add_client, list_clients
from desktop.ui.protection import backup_restore_flow
from desktop.ui.unlock.unlock_dialog import UnlockDialog
from desktop.ui.widgets.db_worker import DbWorker

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def newest(opened: casefile.InitResult, case_root: Path) -> Path:
    """A case file with one client, its backup in `backups`, then a byte flipped in page 1."""
    add_client(opened.store, {"family_name": "Gesichert", "given_names": "Greta"})
    (case_root / "backups").mkdir()
    info = backup.back_up(opened.store, case_root, case_root / "backups")
    opened.store.close()
    db = case_root / "casefile.db"
    data = bytearray(db.read_bytes())
    data[200] ^= 0x01
    db.write_bytes(bytes(data))
    return info.path


@pytest.fixture
def worker(qapp: object) -> Iterator[DbWorker]:
    db = DbWorker()
    yield db
    db.shutdown()


def test_a_damaged_case_file_offers_to_restore_the_newest_backup(
    qtbot: QtBot,
    case_root: Path,
    newest: Path,
    worker: DbWorker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def ask(_parent: QWidget, _error: str) -> tuple[str, bool]:
        asked.append("secret")
        return PASSPHRASE, False

    def sure(_parent: QWidget, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(backup_restore_flow, "ask_secret", ask)
    monkeypatch.setattr(backup_restore_flow, "confirm", sure)
    dialog = UnlockDialog(case_root, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restore_button.isVisible()

    dialog.field.setText(PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.waiting)

    assert "damaged" in dialog.error_text
    assert f"the newest backup is {newest}" in dialog.error_text
    assert dialog.restore_button.isVisible() and dialog.restore_button.isEnabled()
    assert not worker.is_open

    dialog.restore_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert worker.is_open
    assert "holds 1 clients" in asked[-1]
    names: list[list[str]] = []
    worker.run(
        lambda store: [c.family_name for c in list_clients(store, ClientQuery()).clients],
        names.append,
    )
    qtbot.waitUntil(lambda: bool(names))
    assert names[0] == ["Gesichert"]
    kept = [p.name for p in (case_root / "backups").iterdir()]
    assert any(name.startswith("before-restore-") for name in kept)  # the damaged file, kept


def test_a_wrong_passphrase_offers_no_restore(
    qtbot: QtBot, case_root: Path, newest: Path, worker: DbWorker
) -> None:
    dialog = UnlockDialog(case_root, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.setText("wrong horse battery staple")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.waiting)
    assert dialog.error_text == "The passphrase is not correct."
    assert not dialog.restore_button.isVisible()
