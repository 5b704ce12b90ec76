"""The confirmation after a file is saved: where it went, and a button that opens its folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.widgets import file_dialogs

OpenFolder = Callable[[Path], bool]


class SavedMessage(QMessageBox):
    """ "Saved to <path>" with "Open folder" and OK: OK is the default (Enter) and Escape closes;
    Alt+F (or Tab and Space) opens the folder in the file manager. `open_folder(folder)` does the
    opening (the system's file manager unless given; tests give their own) and says whether it
    worked; if not, the message shows again and says so. Not modal: shown with QDialog.open."""

    def __init__(
        self,
        path: str | Path,
        parent: QWidget | None = None,
        *,
        open_folder: OpenFolder | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._open_folder = open_folder
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Saved"))
        self.setText(
            self.tr("Saved to {0}").replace("{0}", QDir.toNativeSeparators(str(self.path)))
        )
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = self.addButton(
            self.tr("Open &folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.ok_button = self.addButton(QMessageBox.StandardButton.Ok)
        self.setDefaultButton(self.ok_button)
        self.setEscapeButton(self.ok_button)
        self.folder_button.clicked.connect(self.open_folder)

    def open_folder(self) -> bool:
        """Open the folder the file was saved in; False (and the message again) if that failed."""
        opened = (self._open_folder or file_dialogs.show_folder)(self.path.parent)
        if not opened:
            self.setInformativeText(self.tr("The folder could not be opened."))
            self.open()
        return bool(opened)
