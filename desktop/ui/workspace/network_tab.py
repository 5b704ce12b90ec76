"""The organisations and volunteers supporting the client, and who to call there.

Typed input (the start date) is checked at once; adding, ending and removing support run on the
database worker, and the table follows when the change is in the case file. The buttons wait
while a change is on its way, so a double click never adds the same support twice.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import OrganisationKind
from desktop.domain.dates import parse_date
from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import Organisation, SupportLink
from desktop.domain.names import fold
from desktop.services import casework
from desktop.services.workspace import CaseView
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_said
from desktop.ui.widgets.formatting import format_date, label
from desktop.ui.widgets.i18n import LiveText, Retranslating
from desktop.ui.widgets.message_label import MessageLabel
from desktop.ui.widgets.style import ERROR_STYLE, fit_rows

if TYPE_CHECKING:
    from desktop.services.casefile import Store

WARNING_STYLE = "color: #8a5300; font-weight: bold;"
ID_ROLE = Qt.ItemDataRole.UserRole


class NetworkTab(Retranslating, QWidget):
    """Who supports the client, for what and since when; add, end or remove support."""

    changed = Signal()

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._client_id: str | None = None
        self._writing = False  # a change is on its way to the case file
        self._support: list[SupportLink] = []
        self._organisations: dict[str, Organisation] = {}
        self.table = _support_table()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.no_support_hint = QLabel()
        self.no_support_hint.setEnabled(False)  # greyed out: a hint, not content
        self.double_hint = _message_label(WARNING_STYLE)
        self.organisation = QComboBox()
        self.organisation.setMinimumContentsLength(20)
        self.purpose = QLineEdit()
        self.since = QLineEdit()
        self.since.setMaximumWidth(self.since.fontMetrics().averageCharWidth() * 16)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_support)
        self.end_button = QPushButton()
        self.end_button.clicked.connect(self.end_support)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_support)
        self.error = MessageLabel(ERROR_STYLE)
        self._lay_out()
        self.retranslate()
        self.clear()

    def _lay_out(self) -> None:
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.end_button)
        actions.addWidget(self.remove_button)
        adding = QHBoxLayout()
        adding.addWidget(self.organisation, 2)
        adding.addWidget(self.purpose, 3)
        adding.addWidget(self.since)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_support_hint)
        layout.addWidget(self.double_hint)
        layout.addLayout(actions)
        layout.addLayout(adding)
        layout.addWidget(self.error)

    # The tab protocol of the case workspace.

    def set_case(self, view: CaseView) -> None:
        """Show who supports this client; the organisations offered are all in the file."""
        if view.client.id != self._client_id:
            self._reset_input()
        self._client_id = view.client.id
        self._support = list(view.support)
        self._organisations = dict(view.organisations)
        self._fill_organisations()
        self._render()
        self._set_enabled(True)

    def flush(self) -> None:
        """Nothing waits to be saved: support is added only with the button, never half-typed."""

    def clear(self) -> None:
        """Forget the client and the network shown for them."""
        self._client_id = None
        self._writing = False
        self._support = []
        self._organisations = {}
        self._reset_input()
        self._fill_organisations()
        self._render()
        self._set_enabled(False)

    # Changing support.

    def add_support(self) -> bool:
        """Link the chosen organisation to the client; True if it was sent to the case file
        (`changed` follows when it is there)."""
        org_id = self.organisation.currentData()
        if self._client_id is None or not org_id:
            self._show_error(lambda: self.tr("Choose an organisation first."))
            return False
        text = self.since.text().strip()
        try:
            since = parse_date(text, self.tr("the start of support")) if text else None
            link = SupportLink(
                self._client_id, str(org_id), purpose=self.purpose.text().strip(), since=since
            )
        except WelcomeDeskError as error:
            self._show_error(error_said(error))
            return False
        self._write(lambda store: casework.add(store, link), link.client_id, self._added, link)
        return True

    def end_support(self) -> bool:
        """The selected support ends today; True if it was sent to the case file."""
        link = self.selected()
        if link is None or link.until is not None:
            return False
        try:
            ended = dataclasses.replace(link, until=date.today())
        except WelcomeDeskError as error:
            self._show_error(error_said(error))
            return False
        self._write(lambda store: casework.save(store, ended), link.client_id, self._ended, ended)
        return True

    def remove_support(self) -> bool:
        """Remove the selected support after asking; True if it was sent to the case file."""
        link = self.selected()
        if link is None or not self._confirm_removal(link):
            return False
        self._write(
            lambda store: casework.remove(store, SupportLink, link.id),
            link.client_id,
            self._removed,
            link,
        )
        return True

    def _write(
        self,
        op: Callable[[Store], object],
        client_id: str,
        done: Callable[[SupportLink], None],
        link: SupportLink,
    ) -> None:
        """Run `op` on the worker; `done(link)` follows if this client is still shown."""
        self._writing = True
        self._update_buttons()

        def succeeded(_result: object) -> None:
            self._answered()
            if client_id == self._client_id:
                done(link)
                self._render()
            self.changed.emit()

        def failed(error: BaseException) -> None:
            self._answered()
            if client_id == self._client_id:
                self._show_error(error_said(error))
            else:
                self._db.report(error)

        self._db.run(op, succeeded, failed)

    def _answered(self) -> None:
        self._writing = False
        self._update_buttons()

    def _added(self, link: SupportLink) -> None:
        self._support.append(link)
        typed = (self.organisation.currentData(), self.purpose.text().strip())
        if typed == (link.organisation_id, link.purpose):  # not a next one being typed
            self._reset_input()
        else:
            self._show_error("")

    def _ended(self, ended: SupportLink) -> None:
        self._support = [ended if s.id == ended.id else s for s in self._support]
        self._show_error("")

    def _removed(self, link: SupportLink) -> None:
        self._support = [s for s in self._support if s.id != link.id]
        self._show_error("")

    def _confirm_removal(self, link: SupportLink) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remove support"),
            self.tr("Remove the support by {name}? Ending it keeps it on record.").format(
                name=self._organisation_name(link)
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def selected(self) -> SupportLink | None:
        """The support link of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        link_id = item.data(ID_ROLE) if item is not None else None
        return next((s for s in self._support if s.id == link_id), None)

    # What the coordinator sees.

    def _render(self) -> None:
        self.table.setRowCount(0)
        self.table.setRowCount(len(self._support))
        for row, link in enumerate(self._support):
            for column, text in enumerate(self._cells(link)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, link.id)
                self.table.setItem(row, column, item)
        self.no_support_hint.setVisible(self._client_id is not None and not self._support)
        self._show_double_support()
        self._update_buttons()

    def _cells(self, link: SupportLink) -> list[str]:
        org = self._organisations.get(link.organisation_id)
        return [
            self._organisation_name(link),
            label(org.kind) if org else "",
            link.purpose,
            format_date(link.since),
            format_date(link.until),
            org.contact_person if org else "",
            org.phone if org else "",
        ]

    def _organisation_name(self, link: SupportLink) -> str:
        org = self._organisations.get(link.organisation_id)
        return org.name if org else self.tr("(organisation no longer in the file)")

    def _show_double_support(self) -> None:
        today = date.today()
        kinds = Counter(
            self._organisations[s.organisation_id].kind
            for s in self._support
            if s.organisation_id in self._organisations and (s.until is None or s.until > today)
        )
        doubled = [kind for kind in OrganisationKind if kinds[kind] > 1]
        text = ""
        if doubled:
            text = self.tr(
                "More than one current supporter of the same kind ({kinds}): "
                "check for double support."
            ).format(kinds=", ".join(label(kind) for kind in doubled))
        self.double_hint.setText(text)
        self.double_hint.setVisible(bool(text))

    def _fill_organisations(self) -> None:
        chosen = self.organisation.currentData()
        organisations = sorted(self._organisations.values(), key=lambda o: (fold(o.name), o.id))
        with QSignalBlocker(self.organisation):
            self.organisation.clear()
            for org in organisations:
                self.organisation.addItem(org.name, org.id)
            self.organisation.setCurrentIndex(self.organisation.findData(chosen) if chosen else -1)

    def _update_buttons(self) -> None:
        link = self.selected() if not self._writing else None
        self.end_button.setEnabled(link is not None and link.until is None)
        self.remove_button.setEnabled(link is not None)
        self.add_button.setEnabled(
            self._client_id is not None and bool(self._organisations) and not self._writing
        )

    def _reset_input(self) -> None:
        self.organisation.setCurrentIndex(-1)
        self.purpose.clear()
        self.since.setText(format_date(date.today()))
        self._show_error("")

    def _show_error(self, text: LiveText) -> None:
        self.error.say(text)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.organisation, self.purpose, self.since):
            widget.setEnabled(enabled)
        self._update_buttons()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Organisation"),
                self.tr("Kind"),
                self.tr("Purpose"),
                self.tr("Since"),
                self.tr("Until"),
                self.tr("Contact person"),
                self.tr("Phone"),
            ]
        )
        self.no_support_hint.setText(self.tr("Nobody supports this client yet."))
        self.organisation.setPlaceholderText(self.tr("Organisation…"))
        self.purpose.setPlaceholderText(self.tr("Purpose, e.g. help with the job search"))
        self.since.setPlaceholderText(self.tr("since"))
        self.add_button.setText(self.tr("Add support"))
        self.end_button.setText(self.tr("End support today"))
        self.remove_button.setText(self.tr("Remove…"))
        with contextlib.suppress(WelcomeDeskError):  # a mistyped date stays for correction
            if self.since.text().strip():
                self.since.setText(format_date(parse_date(self.since.text(), "since")))
        self._render()


def _support_table() -> QTableWidget:
    table = QTableWidget(0, 7)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    fit_rows(table)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _message_label(style: str) -> QLabel:
    label_ = QLabel()
    label_.setWordWrap(True)
    label_.setTextFormat(Qt.TextFormat.PlainText)
    label_.setStyleSheet(style)
    label_.hide()
    return label_
