"""Restoring a backup from the window: key, preview, confirmation (default No), then the swap.

The current key is tried first (the OS credential store), the passphrase or recovery key asked
only if needed. For the swap the window is locked (its case file closed in the database worker);
the worker then restores the backup and opens the restored case file, behind a progress dialog,
and the window shows it as after unlocking.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CannotUnlock, WelcomeDeskError
from desktop.services import backup
from desktop.ui.shell.protocol import Shell
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import show_error
from desktop.ui.widgets.formatting import format_datetime
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.progress import run_with_progress
from desktop.ui.widgets.style import error_label

if TYPE_CHECKING:
    from desktop.services.casefile import Store

AskSecret = Callable[[QWidget, str], tuple[str, bool] | None]  # (text, is_recovery_key)
Confirm = Callable[[QWidget, str], bool]


class SecretDialog(Retranslating, QDialog):
    """Asks for the passphrase, or the recovery key, that opens a backup."""

    def __init__(self, parent: QWidget | None, error: str = "") -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.recovery = QCheckBox()
        self.recovery.toggled.connect(self._echo)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.error = error_label()
        self.error.setText(error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.secret, self.recovery, self.error, self.buttons):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open the backup"))
        self.message.setText(
            self.tr("Enter the passphrase that opened this case file when the backup was made.")
        )
        self.recovery.setText(self.tr("This is the &recovery key"))

    def _echo(self, recovery: bool) -> None:
        # Typed from paper, the recovery key must be visible; the passphrase never is.
        mode = QLineEdit.EchoMode.Normal if recovery else QLineEdit.EchoMode.Password
        self.secret.setEchoMode(mode)


def ask_secret(parent: QWidget, error: str) -> tuple[str, bool] | None:
    """The typed secret and whether it is the recovery key; None if cancelled."""
    dialog = SecretDialog(parent, error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.secret.text(), dialog.recovery.isChecked()


def confirm(parent: QWidget, text: str) -> bool:
    """Yes/No question about replacing the case file; No is the default."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("BackupsDialog", "Restore backup"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def preview_text(p: backup.BackupPreview) -> str:
    """What the confirmation says about the backup."""
    when = format_datetime(p.created_at.astimezone())
    text = (
        QCoreApplication.translate(
            "BackupsDialog",
            "The backup of {0} holds {1} clients ({2} open), {3} notes and {4} appointments.",
        )
        .replace("{0}", when)
        .replace("{1}", str(p.clients))
        .replace("{2}", str(p.open_clients))
        .replace("{3}", str(p.notes))
        .replace("{4}", str(p.appointments))
    )
    if not p.same_case_file:
        text += " " + QCoreApplication.translate(
            "BackupsDialog", "It is a different case file from the one open now."
        )
    return (
        text
        + " "
        + QCoreApplication.translate(
            "BackupsDialog",
            "Restoring replaces the case file on this computer; a safety copy of it is kept. "
            "Restore it?",
        )
    )


def _unlock(parent: QWidget, root: Path, path: Path, ask: AskSecret) -> bytes | None:
    try:
        return backup.unlock_backup(root, path, use_keyring=True)
    except CannotUnlock:
        pass
    error = ""
    while (answer := ask(parent, error)) is not None:
        text, is_recovery = answer
        try:
            if is_recovery:
                return backup.unlock_backup(root, path, recovery_key=text)
            return backup.unlock_backup(root, path, passphrase=text)
        except CannotUnlock as wrong:
            error = wrong.text(current_language())
    return None


def restore_from(
    shell: Shell, path: Path, *, ask: AskSecret = ask_secret, sure: Confirm = confirm
) -> bool:
    """Restore the backup at `path` into the window's data folder; True if it was restored."""
    window, root = shell.widget(), shell.root
    try:
        backup.read_manifest(path)
        key = _unlock(window, root, path, ask)
    except WelcomeDeskError as error:
        show_error(window, error)
        return False
    if key is None:
        return False
    summary = run_with_progress(
        shell.db,
        window,
        QCoreApplication.translate("BackupsDialog", "Reading the backup…"),
        lambda _store, _p, _c: backup.preview(root, path, key),
    )
    if summary is None or not sure(window, preview_text(summary)):
        return False
    shell.lock()  # typed text saved, the case file closed in the worker, nothing shown
    restored = _restore_into(
        shell.db,
        window,
        QCoreApplication.translate("BackupsDialog", "Restoring…"),
        lambda: backup.restore(root, path, key),
    )
    if restored is None:
        return False  # the old case file is unchanged; the window asks to unlock it again
    shell.case_file_opened()
    safety_copy = restored.safety_copy

    def note() -> str:
        text = QCoreApplication.translate("BackupsDialog", "The backup was restored.")
        if safety_copy is not None:
            text += " " + QCoreApplication.translate("BackupsDialog", "Safety copy: {0}").replace(
                "{0}", str(safety_copy)
            )
        return text

    shell.show_message(note, 0)  # stays until the next message
    return True


def restore_at_unlock(
    parent: QWidget,
    db: DbWorker,
    root: Path,
    path: Path,
    *,
    ask: AskSecret | None = None,
    sure: Confirm | None = None,
) -> bool:
    """Restore the backup at `path` in place of a case file that cannot be opened (damaged):
    key, preview, confirmation (default No), then the swap; True if the restored case file is
    now open in `db`. The damaged file is kept in `backups` as it was."""
    try:
        backup.read_manifest(path)
        key = _unlock(parent, root, path, ask or ask_secret)
        if key is None:
            return False
        summary = backup.preview(root, path, key)
    except WelcomeDeskError as error:
        show_error(parent, error)
        return False
    if not (sure or confirm)(parent, preview_text(summary)):
        return False
    restored = _restore_into(
        db,
        parent,
        QCoreApplication.translate("BackupsDialog", "Restoring…"),
        lambda: backup.restore(root, path, key),
    )
    return restored is not None


class _Waiting(QProgressDialog):
    """A busy indicator that the user cannot close: a restore cannot stop halfway."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        fit_to_screen(self)

    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


def _restore_into(
    db: DbWorker, parent: QWidget, title: str, restore: Callable[[], backup.Restored]
) -> backup.Restored | None:
    """Run `restore()` on the worker as the opening of its case file (the worker must be
    closed), behind a modal busy dialog; None if it failed (the error is shown)."""
    if db.is_open:
        return None
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def opener() -> Store:  # on the worker thread
        restored = restore()
        outcome["restored"] = restored
        return restored.store

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    dialog = _Waiting(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setCancelButton(None)
    dialog.setRange(0, 0)
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    db.open(opener, loop.quit, failed)
    db.closed.connect(loop.quit)  # locked while waiting (the window is going away)
    try:
        dialog.show()
        loop.exec()
    finally:
        db.closed.disconnect(loop.quit)
        dialog.hide()
        dialog.deleteLater()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        show_error(parent, error)
        return None
    restored = outcome.get("restored")
    return restored if isinstance(restored, backup.Restored) and db.is_open else None
