"""Backups: the folder (USB stick, share), how many to keep, backing up when closing, the list,
"Back up now" and "Restore…"; and the functions the main window calls for them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.services import backup
from desktop.services.casefile import Store
from desktop.ui.protection.backup_restore_flow import restore_from
from desktop.ui.widgets.formatting import format_datetime
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import button_row, error_label, labelled_form, read_only_list
from desktop.ui.widgets.worker import run_with_progress

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow


_PATH = Qt.ItemDataRole.UserRole


class BackupsDialog(Retranslating, QDialog):
    """Backup settings of this installation, the backups in the folder, back up and restore."""

    def __init__(
        self,
        store: Store,
        root: Path,
        parent: QWidget | None = None,
        *,
        restore: Callable[[Path], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._root = Path(root)
        self._restore = restore
        settings = backup.backup_settings(store)
        self.folder = QLineEdit(str(settings.folder) if settings.folder else "")
        self.folder.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_folder)
        self.keep = QSpinBox()
        self.keep.setRange(backup.MIN_KEEP, backup.MAX_KEEP)
        self.keep.setValue(settings.keep)
        self.keep.valueChanged.connect(self._save)
        self.on_close = QCheckBox()
        self.on_close.setChecked(settings.on_close)
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
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        for caption, text in zip(
            self._captions, (self.tr("&Folder:"), self.tr("&Keep the newest:")), strict=True
        ):
            caption.setText(text)
        self.choose_button.setText(self.tr("&Choose folder…"))
        self.keep.setSuffix(self.tr(" backups"))
        self.on_close.setText(self.tr("Back up when &closing Welcome Desk"))
        self.backups.setHeaderLabels([self.tr("Made"), self.tr("Size")])
        self.back_up_button.setText(self.tr("&Back up now"))
        self.restore_button.setText(self.tr("&Restore…"))
        self.close_button.setText(self.tr("Close"))
        self.refresh()

    def settings(self) -> backup.BackupSettings:
        """The settings as the dialog shows them."""
        folder = self.folder.text().strip()
        return backup.BackupSettings(
            Path(folder) if folder else None, self.keep.value(), self.on_close.isChecked()
        )

    def _save(self) -> None:
        try:
            backup.save_backup_settings(self._store, self.settings())
            self.error.clear()
        except WelcomeDeskError as error:
            self.error.setText(error.text(current_language()))

    def choose_folder(self) -> None:
        """Ask for the backup folder (a USB stick, a share)."""
        name = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text())
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
        if self.settings().folder is None:
            self.choose_folder()
        settings = self.settings()
        if settings.folder is None:
            return None
        made = _run_backup(self, self._store, self._root, settings)
        self.refresh()
        return made

    def choose_restore(self) -> None:
        """Pick a backup file (the selected one is offered first) and hand it to the window."""
        item = self.backups.currentItem()
        start = str(item.data(0, _PATH)) if item is not None else self.folder.text()
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore backup"), start, self.tr("Welcome Desk backups (*.wdbackup)")
        )
        if name and self._restore is not None:
            self._restore(Path(name))


def _run_backup(
    parent: QWidget, store: Store, root: Path, settings: backup.BackupSettings
) -> backup.BackupInfo | None:
    folder, keep = settings.folder, settings.keep
    assert folder is not None
    return run_with_progress(
        parent,
        QCoreApplication.translate("BackupsDialog", "Backing up…"),
        lambda _p, _c: backup.back_up(store, root, folder, keep=keep),
    )


def back_up_now(window: MainWindow) -> None:
    """ "Back up now" from the menu: into the chosen folder, or open the dialog to choose one."""
    if window.store is None:
        return
    settings = backup.backup_settings(window.store)
    if settings.folder is None:
        open_backups(window)
        return
    made = _run_backup(window, window.store, window.root, settings)
    if made is not None:
        window.statusBar().showMessage(
            QCoreApplication.translate("BackupsDialog", "Backup written: {0}").replace(
                "{0}", str(made.path)
            )
        )


def open_backups(window: MainWindow) -> BackupsDialog | None:
    """Open the backups dialog (not blocking); None while the case file is locked."""
    if window.store is None:
        return None
    dialog = BackupsDialog(
        window.store, window.root, window, restore=lambda path: restore_from(window, path)
    )
    dialog.open()
    return dialog


def backup_on_close(window: MainWindow) -> bool:
    """Back up when closing if chosen; False if it failed and the user chose not to close."""
    if window.store is None:
        return True
    try:
        settings = backup.backup_settings(window.store)
    except Exception:  # the file cannot be read any more: there is nothing to back up from
        return True
    if not settings.on_close or settings.folder is None:
        return True
    if _run_backup(window, window.store, window.root, settings) is not None:
        return True
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("BackupsDialog", "Backups"),
        QCoreApplication.translate(
            "BackupsDialog", "The backup could not be written. Close Welcome Desk all the same?"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
