"""The calendar feed: a folder where the app keeps `welcome-desk.ics` up to date, or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.services.calendar import FEED_NAME
from desktop.services.calendar_feed import FeedSettings, load_feed_settings, save_feed_settings
from desktop.services.casefile import Store
from desktop.ui.reports.calendar_dialog import fill_details
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import error_label, labelled_form


class CalendarFeedDialog(Retranslating, QDialog):
    """OK saves the folder and the detail level; the reports menu then writes the feed."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        current = load_feed_settings(store)
        self.folder: Path | None = current.folder
        self.folder_field = QLineEdit(str(current.folder) if current.folder else "")
        self.folder_field.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_folder)
        self.none_button = QPushButton()
        self.none_button.setAutoDefault(False)
        self.none_button.clicked.connect(lambda: self._set_folder(None))
        self.detail = QComboBox()
        self.detail.addItem("", current.detail)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.error = error_label()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.folder_field, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.none_button)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form, self._captions = labelled_form([holder, self.detail])
        self._captions[0].setBuddy(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons)
        self.resize(560, 0)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Calendar feed"))
        self.explanation.setText(
            self.tr(
                "Welcome Desk keeps the file {0} in this folder up to date: appointments and "
                "deadlines from a month ago to a year ahead. Outlook can subscribe to it."
            ).replace("{0}", FEED_NAME)
        )
        self._captions[0].setText(self.tr("F&older:"))
        self._captions[1].setText(self.tr("&Names:"))
        self.folder_field.setPlaceholderText(self.tr("No feed"))
        self.choose_button.setText(self.tr("&Choose…"))
        self.none_button.setText(self.tr("No &feed"))
        fill_details(self.detail)
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("OK"))
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the calendar feed"), str(self.folder or "")
        )
        if chosen:
            self._set_folder(Path(chosen))

    def _set_folder(self, folder: Path | None) -> None:
        self.folder = folder
        self.folder_field.setText(str(folder) if folder else "")

    def accept(self) -> None:
        settings = FeedSettings(self.folder, str(self.detail.currentData()))
        try:
            save_feed_settings(self._store, settings)
        except WelcomeDeskError as error:
            self.error.setText(error.text(current_language()))
            return
        super().accept()
