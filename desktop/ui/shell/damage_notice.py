"""After unlocking, every page of the case file is checked against its HMAC on the database
worker, behind the window (a whole-file read: 0.11 s for 2,000 clients, too slow for the
unlock itself). A damaged page is said at once, with the newest backup and a button that opens
the backups dialog, before the coordinator works on in a file that may lose what is typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop.domain.errors import DamagedCaseFile
from desktop.services import casefile
from desktop.ui.protection.backup_dialog import open_backups
from desktop.ui.shell.protocol import Shell
from desktop.ui.widgets.errors import show_error
from desktop.ui.widgets.i18n import current_language


def check_in_background(shell: Shell) -> None:
    """Queue the check of every page; a damaged one is said by `say_damaged`."""
    root = shell.root

    def failed(error: BaseException) -> None:
        say_damaged(shell, error)

    shell.db.run(lambda store: casefile.check(store, root), None, failed)


def say_damaged(shell: Shell, error: BaseException) -> QMessageBox | None:
    """The damage sentence with a button to the backups dialog (not blocking); other errors
    as usual."""
    if not isinstance(error, DamagedCaseFile):
        show_error(shell.widget(), error)
        return None
    box = QMessageBox(shell.widget())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("DamageNotice", "The case file is damaged"))
    box.setText(error.text(current_language()))
    backups = box.addButton(
        QCoreApplication.translate("DamageNotice", "Backups and &restore…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    backups.clicked.connect(lambda: open_backups(shell))
    box.finished.connect(box.deleteLater)
    box.open()
    return box
