"""Export appointments and deadlines of a date range (and one client) as an .ics file.

The client's name is loaded from the database worker when the dialog is built; the export runs
there behind a progress dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import Client
from desktop.services import calendar
from desktop.services.clients import find_client
from desktop.ui.reports.calendar_choices import CalendarChoices
from desktop.ui.reports.statistics_view import date_edit, date_format
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.progress import run_with_progress
from desktop.ui.widgets.style import button_row, error_label, labelled_form

if TYPE_CHECKING:
    from desktop.services.casefile import Store


def fill_details(combo: QComboBox) -> None:
    """The detail levels, "no name" first (the default); keeps the chosen one across a language
    change."""
    chosen = combo.currentData() or calendar.DEFAULT_DETAIL
    texts = {
        "initials": QCoreApplication.translate("CalendarDialog", "Initials (A. H.)"),
        "name": QCoreApplication.translate("CalendarDialog", "Full name"),
        "none": QCoreApplication.translate("CalendarDialog", "No name"),
    }
    combo.blockSignals(True)
    combo.clear()
    for detail in calendar.DETAILS:
        combo.addItem(texts[detail], detail)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    combo.blockSignals(False)


class CalendarDialog(Retranslating, QDialog):
    """From/to (a month ago to a year ahead), "only this client", detail level, the parts to
    write beyond time and kind (none at first), then Export…

    `client_id` is the client shown in the workspace (None: none is open); its name follows
    from the worker.
    """

    def __init__(
        self,
        db: DbWorker,
        client_id: str | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self._client_id = client_id
        self._client: Client | None = None
        start, end = calendar.default_range(None, None, today)
        self.start = date_edit(start)
        self.end = date_edit(end)
        self.only_client = QCheckBox()
        self.only_client.setChecked(client_id is not None)
        self.only_client.setEnabled(client_id is not None)
        self.detail = QComboBox()
        self.choices = CalendarChoices()
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.error = error_label()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.written: int | None = None

        form, self._captions = labelled_form([self.start, self.end, self.detail])
        form.addRow("", self.only_client)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.choices)
        layout.addWidget(self.error)
        layout.addWidget(self.result_label)
        layout.addLayout(button_row(right=[self.export_button, self.close_button]))
        self.retranslate()
        if client_id is not None:
            db.run(lambda store: find_client(store, client_id), self._show_client)

    def _show_client(self, client: Client | None) -> None:
        """The client's name for "Only …"; a client removed meanwhile is none."""
        if not shiboken6.isValid(self):  # closed before the name came
            return
        if client is None:
            self._client_id = None
            self.only_client.setChecked(False)
            self.only_client.setEnabled(False)
        self._client = client
        self._show_only_client()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export calendar"))
        for caption, text in zip(
            self._captions, (self.tr("&From:"), self.tr("&To:"), self.tr("&Names:")), strict=True
        ):
            caption.setText(text)
        for edit in (self.start, self.end):
            edit.setDisplayFormat(date_format())
        fill_details(self.detail)
        self._show_only_client()
        self.export_button.setText(self.tr("&Export…"))
        self.close_button.setText(self.tr("Close"))

    def _show_only_client(self) -> None:
        if self._client is not None:
            self.only_client.setText(self.tr("Only {0}").replace("{0}", self._client.display_name))
        elif self._client_id is None:
            self.only_client.setText(self.tr("Only the client shown (none is open)"))
        else:
            self.only_client.setText("")  # the name is on its way from the worker

    def export(self) -> Path | None:
        """Ask for the file and write the events; the sentence says how many."""
        start = self.start.date().toPython()
        end = self.end.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        try:
            calendar.default_range(start, end)
        except WelcomeDeskError as error:
            self.error.setText(error.text(current_language()))
            return None
        self.error.clear()
        name, _filter = file_dialogs.save_file(
            self, self.tr("Export calendar"), "welcome-desk.ics", self.tr("iCalendar (*.ics)")
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".ics":
            target = target.with_name(target.name + ".ics")
        detail, lang = str(self.detail.currentData()), current_language()
        include = self.choices.include()
        client_id = self._client_id if self.only_client.isChecked() else None

        def job(store: Store, _p: object, _c: object) -> int:
            return calendar.write_ics(
                store, target, client_id=client_id, start=start, end=end, detail=detail,
                lang=lang, include=include,
            )  # fmt: skip

        written = run_with_progress(self._db, self, self.tr("Export calendar"), job)
        if written is None:
            return None
        self.written = written
        self.result_label.setText(
            self.tr("%n event(s) written to {0}.", "", written).replace("{0}", str(target))
        )
        return target
