"""Backups: the folder (USB stick, share), how many to keep, backing up when closing, the list,
"Back up now" and "Restore…"; and the functions the main window calls for them.

The settings are read and saved by the database worker, and a backup is written there behind a
progress dialog; the list of backup files is read from the folder itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import backup
from desktop.ui.protection.backup_restore_flow import restore_from
from desktop.ui.shell.protocol import Shell
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.formatting import format_datetime
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.progress import run_with_progress
from desktop.ui.widgets.style import button_row, error_label, labelled_form, read_only_list

if TYPE_CHECKING:
    from desktop.services.casefile import Store

T = TypeVar("T")
_PATH = Qt.ItemDataRole.UserRole


class BackupsDialog(Retranslating, QDialog):
    """Backup settings of this installation, the backups in the folder, back up and restore.

    The settings are read by the worker when the dialog is built; until they are there, they
    cannot be changed (a change would overwrite them). Each change is saved by the worker.
    """

    def __init__(
        self,
        db: DbWorker,
        root: Path,
        parent: QWidget | None = None,
        *,
        restore: Callable[[Path], object] | None = None,
    ) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self._root = Path(root)
        self._restore = restore
        self._loaded = False
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_folder)
        self.keep = QSpinBox()
        self.keep.setRange(backup.MIN_KEEP, backup.MAX_KEEP)
        self.keep.setValue(backup.DEFAULT_KEEP)
        self.keep.valueChanged.connect(self._save)
        self.on_close = QCheckBox()
        self.on_close.toggled.connect(self._save)
        self.backups = read_only_list(2)
        self.error = error_label()
        self.back_up_button = QPushButton()
        self.back_up_button.setDefault(True)
        self.back_up_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.choose_restore)
        self.restore_button.setEnabled(restore is not None)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)

        form, self._captions = labelled_form([self.folder, self.keep])
        form.addRow("", self.choose_button)
        form.addRow("", self.on_close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.backups)
        layout.addWidget(self.error)
        buttons = [self.back_up_button, self.restore_button]
        layout.addLayout(button_row(*buttons, right=[self.close_button]))
        self.retranslate()
        self._set_ready(False)
        db.run(backup.backup_settings, self._fill, self._not_read)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        for caption, text in zip(
            self._captions, (self.tr("&Folder:"), self.tr("&Keep the newest:")), strict=True
        ):
            caption.setText(text)
        self.choose_button.setText(self.tr("&Choose folder…"))
        self.keep.setSuffix(self.tr(" backups"))
        self.on_close.setText(self.tr("Back up when closing Welcome &Desk"))
        self.backups.setHeaderLabels([self.tr("Made"), self.tr("Size")])
        self.back_up_button.setText(self.tr("&Back up now"))
        self.restore_button.setText(self.tr("&Restore…"))
        self.close_button.setText(self.tr("Close"))
        self.refresh()

    def _fill(self, settings: backup.BackupSettings) -> None:
        """The settings as the worker read them; from now on they can be changed."""
        self.folder.setText(str(settings.folder) if settings.folder else "")
        self.keep.setValue(settings.keep)  # not saved back: `_save` waits for `_loaded`
        self.on_close.setChecked(settings.on_close)
        self._loaded = True
        self._set_ready(True)
        self.refresh()

    def _not_read(self, error: BaseException) -> None:
        self.error.setText(error_text(error))

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.choose_button, self.keep, self.on_close, self.back_up_button):
            widget.setEnabled(ready)

    def settings(self) -> backup.BackupSettings:
        """The settings as the dialog shows them."""
        folder = self.folder.text().strip()
        return backup.BackupSettings(
            Path(folder) if folder else None, self.keep.value(), self.on_close.isChecked()
        )

    def _save(self) -> None:
        if not self._loaded:
            return
        settings = self.settings()
        self._db.run(
            lambda store: backup.save_backup_settings(store, settings),
            lambda _done: self.error.clear(),
            self._not_saved,
        )

    def _not_saved(self, error: BaseException) -> None:
        self.error.setText(error_text(error))

    def choose_folder(self) -> None:
        """Ask for the backup folder (a USB stick, a share)."""
        name = file_dialogs.folder(self, self.tr("Backup folder"), self.folder.text())
        if name:
            self.folder.setText(name)
            self._save()
            self.refresh()

    def refresh(self) -> None:
        """List our backups in the folder, newest first."""
        self.backups.clear()
        folder = self.settings().folder
        locale = QLocale()
        for info in backup.list_backups(folder) if folder else []:
            item = QTreeWidgetItem(
                [format_datetime(info.created_at.astimezone()), locale.formattedDataSize(info.size)]
            )
            item.setData(0, _PATH, str(info.path))
            self.backups.addTopLevelItem(item)

    def back_up(self) -> backup.BackupInfo | None:
        """Write a backup into the folder now (asking for the folder if none is set)."""
        if not self._loaded:
            return None
        if self.settings().folder is None:
            self.choose_folder()
        settings = self.settings()
        if settings.folder is None:
            return None
        made = _run_backup(self, self._db, self._root, settings)
        self.refresh()
        return made

    def choose_restore(self) -> None:
        """Pick a backup file (the selected one is offered first) and hand it to the window."""
        item = self.backups.currentItem()
        start = str(item.data(0, _PATH)) if item is not None else self.folder.text()
        name = file_dialogs.open_file(
            self, self.tr("Restore backup"), self.tr("Welcome Desk backups (*.wdbackup)"), start
        )
        if name and self._restore is not None:
            self._restore(Path(name))


def _run_backup(
    parent: QWidget, db: DbWorker, root: Path, settings: backup.BackupSettings
) -> backup.BackupInfo | None:
    """Write a backup on the worker behind a progress dialog (the settings were saved first:
    the worker runs what was asked in order)."""
    folder, keep = settings.folder, settings.keep
    assert folder is not None
    return run_with_progress(
        db,
        parent,
        QCoreApplication.translate("BackupsDialog", "Backing up…"),
        lambda store, _p, _c: backup.back_up(store, root, folder, keep=keep),
    )


def back_up_now(shell: Shell) -> None:
    """ "Back up now" from the menu: into the chosen folder, or open the dialog to choose one."""
    shell.db.run(backup.backup_settings, lambda settings: _back_up_into(shell, settings))


def _back_up_into(shell: Shell, settings: backup.BackupSettings) -> None:
    if settings.folder is None:
        open_backups(shell)
        return
    made = _run_backup(shell.widget(), shell.db, shell.root, settings)
    if made is not None:
        path = str(made.path)
        shell.show_message(
            lambda: QCoreApplication.translate("BackupsDialog", "Backup written: {0}").replace(
                "{0}", path
            ),
            0,  # stays until the next message
        )


def open_backups(shell: Shell) -> BackupsDialog | None:
    """Open the backups dialog (not blocking); None while the case file is locked."""
    if not shell.db.is_open:
        return None
    dialog = BackupsDialog(
        shell.db, shell.root, shell.widget(), restore=lambda path: restore_from(shell, path)
    )
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def backup_on_close(shell: Shell) -> bool:
    """Back up when closing if chosen; False if it failed and the user chose not to close.

    Blocks until done: the settings are waited for, the backup runs behind a progress dialog.
    """
    settings = _answer_of(shell.db, backup.backup_settings)
    if settings is None:  # the file cannot be read any more: there is nothing to back up from
        return True
    if not settings.on_close or settings.folder is None:
        return True
    if _run_backup(shell.widget(), shell.db, shell.root, settings) is not None:
        return True
    answer = QMessageBox.question(
        shell.widget(),
        QCoreApplication.translate("BackupsDialog", "Backups"),
        QCoreApplication.translate(
            "BackupsDialog", "The backup could not be written. Close Welcome Desk all the same?"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _answer_of(db: DbWorker, op: Callable[[Store], T]) -> T | None:
    """Wait for the answer of a quick `op` (no user input meanwhile); None if it failed, the
    case file is locked, or it was locked while waiting."""
    if not db.is_open:
        return None
    loop = QEventLoop()
    answer: list[T] = []

    def got(value: T) -> None:
        answer.append(value)
        loop.quit()

    db.run(op, got, lambda _error: loop.quit())
    db.closed.connect(loop.quit)
    try:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        db.closed.disconnect(loop.quit)
    return answer[0] if answer else None
