"""The cases-due-for-erasure dialog: the list, the warning, erasing in the worker.

The dialog reads and writes through the database worker: the tests wait for its answers
(`settle`) before they look at the dialog or the case file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.services import retention
from desktop.store.store import Store
from desktop.ui.protection.erasure_view import DueForErasureDialog
from desktop.ui.widgets.db_worker import DbWorker

TODAY = date(2026, 6, 1)


def _answer(button: QMessageBox.StandardButton) -> None:
    """Press `button` in the message box once it is shown."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, press)

    QTimer.singleShot(0, press)


def test_due_cases_are_listed_and_erased_after_yes(
    qtbot: QtBot,
    db: DbWorker,
    settle: Callable[[DbWorker], None],
    store: Store,
    add: Callable[..., Client],
) -> None:
    old = add(
        family_name="Qarib",
        given_names="Sami",
        opened_on=date(2017, 1, 1),
        closed_on=date(2019, 5, 2),
    )
    older = add(
        family_name="Ahmadi",
        given_names="Lina",
        opened_on=date(2017, 1, 1),
        closed_on=date(2018, 1, 3),
    )
    young = add(
        family_name="Neu",
        given_names="Nina",
        opened_on=date(2017, 1, 1),
        closed_on=date(2025, 1, 1),
    )
    dialog = DueForErasureDialog(db, today=TODAY)
    qtbot.addWidget(dialog)
    settle(db)
    rows = [dialog.table.topLevelItem(i).text(0) for i in range(dialog.table.topLevelItemCount())]
    assert rows == ["Ahmadi, Lina", "Qarib, Sami"]
    assert dialog.table.topLevelItem(0).text(3) == "2021-01-03"
    assert not dialog.erase_button.isEnabled()
    question = dialog.confirmation(2)
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.No)
    assert "2 case(s)" in question.text() and "cannot be undone" in question.text()
    limits = question.informativeText()
    assert "backups in the data folder" in limits and "backups kept elsewhere" in limits
    dialog.select_all_button.click()
    assert dialog.erase_button.isEnabled()
    _answer(QMessageBox.StandardButton.No)
    assert dialog.erase_selected() == 0
    settle(db)
    assert store.find(Client, old.id) is not None
    dialog.select_all_button.click()
    _answer(QMessageBox.StandardButton.Yes)
    assert dialog.erase_selected() == 2
    settle(db)
    assert store.find(Client, old.id) is None and store.find(Client, older.id) is None
    assert store.find(Client, young.id) is not None
    assert dialog.table.topLevelItemCount() == 0
    assert dialog.result_label.text() == "2 case(s) erased for good."


def test_the_retention_period_is_saved_from_the_spin_box(
    qtbot: QtBot, db: DbWorker, settle: Callable[[DbWorker], None], store: Store
) -> None:
    dialog = DueForErasureDialog(db, today=TODAY)
    qtbot.addWidget(dialog)
    settle(db)
    assert dialog.months.value() == 36
    dialog.months.setValue(60)
    settle(db)
    assert retention.retention_months(store) == 60
