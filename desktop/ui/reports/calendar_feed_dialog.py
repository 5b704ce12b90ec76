"""The calendar feed: a folder where the app keeps `welcome-desk.ics` up to date, or none.

The saved settings are loaded from the database worker when the dialog is built (OK waits for
them); OK saves there and closes the dialog once they are in the case file.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.calendar import FEED_NAME
from desktop.services.calendar_feed import FeedSettings, load_feed_settings, save_feed_settings
from desktop.ui.reports.calendar_choices import CalendarChoices
from desktop.ui.reports.calendar_dialog import fill_details
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import error_label, labelled_form


class CalendarFeedDialog(Retranslating, QDialog):
    """OK saves the folder, the detail level and the parts chosen; the reports menu then writes
    the feed."""

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._waiting = True
        current = FeedSettings()  # until the saved settings arrive
        self.folder: Path | None = current.folder
        self.folder_field = QLineEdit("")
        self.folder_field.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_folder)
        self.none_button = QPushButton()
        self.none_button.setAutoDefault(False)
        self.none_button.clicked.connect(lambda: self._set_folder(None))
        self.detail = QComboBox()
        self.detail.addItem("", current.detail)
        self.choices = CalendarChoices()
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
        layout.addWidget(self.choices)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons)
        fit_to_screen(self, None, QSize(560, 0))
        self.retranslate()
        self._set_waiting(True)
        db.run(load_feed_settings, self._show_settings)

    def _show_settings(self, current: FeedSettings) -> None:
        if not shiboken6.isValid(self):  # closed before the settings came
            return
        self._set_folder(current.folder)
        self.detail.setCurrentIndex(max(self.detail.findData(current.detail), 0))
        self.choices.set_include(current.include)
        self._set_waiting(False)

    def _set_waiting(self, waiting: bool) -> None:
        """While the settings load or save, nothing can be chosen or confirmed."""
        self._waiting = waiting
        for widget in (self.choose_button, self.none_button, self.detail):
            widget.setEnabled(not waiting)
        self.choices.set_enabled(not waiting)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not waiting)

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
        chosen = file_dialogs.folder(self, self.tr("Folder for the calendar feed"), self.folder)
        if chosen:
            self._set_folder(Path(chosen))

    def _set_folder(self, folder: Path | None) -> None:
        self.folder = folder
        self.folder_field.setText(str(folder) if folder else "")

    def accept(self) -> None:
        """Save the folder, the detail level and the parts; the dialog closes once they are
        saved."""
        if self._waiting:
            return
        settings = FeedSettings(self.folder, str(self.detail.currentData()), self.choices.include())
        self._set_waiting(True)
        self._db.run(
            lambda store: save_feed_settings(store, settings), self._saved, self._not_saved
        )

    def _saved(self, _done: None) -> None:
        if not shiboken6.isValid(self):  # cancelled while saving: saved all the same
            return
        self._set_waiting(False)
        super().accept()

    def _not_saved(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_waiting(False)
        self.error.setText(error_text(error))
