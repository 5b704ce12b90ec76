"""The network directory: partner organisations, whom to call there, whom they support.

The list is read on the database worker, on a channel of its own: while the coordinator types a
search, only the newest answer is shown. The form saves on the worker too.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Organisation
from desktop.services.organisations import OrganisationRow, list_organisations
from desktop.ui.organisations.organisation_form import OrganisationForm
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import read_only_list

ORGANISATION_ID = Qt.ItemDataRole.UserRole
NAME, KIND, CONTACT, PHONE, EMAIL, CLIENTS = range(6)
LIST_CHANNEL = "organisations"


class OrganisationsDialog(Retranslating, QDialog):
    """A searchable list of organisations; new and edited ones are saved at once.

    The list is read on the worker of `db` when the dialog is built and as the search changes.
    `new_organisation()` and `edit_organisation(id)` open the form without blocking and return
    it, so a caller (or a test) can fill it and call its `accept()`.
    """

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[OrganisationRow] = []
        self._form: OrganisationForm | None = None
        self._items: list[QTreeWidgetItem] = []  # the table's rows, in order
        self._to_select: str | None = None  # just saved: selected once the list is read

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.reload())
        self.count_label = QLabel()

        self.table = read_only_list(6)
        self.table.setSortingEnabled(False)  # the service sorts by name
        self.table.header().setStretchLastSection(False)
        self.table.itemDoubleClicked.connect(lambda item: self._edit_item(item))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.installEventFilter(self)

        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_organisation)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.edit_button)
        bottom.addStretch(1)
        bottom.addWidget(self._buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, "organisations", QSize(860, 480))
        self.retranslate()
        self.reload()

    # -- public ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the organisations matching the search text again, keeping the selection.

        The list is read on the worker and shown when the answer arrives.
        """
        text = self.search.text().strip()
        self._db.run(
            lambda store: list_organisations(store, text), self._show_rows, channel=LIST_CHANNEL
        )

    @property
    def current_form(self) -> OrganisationForm | None:
        """The form opened last (open, saved or cancelled), if any."""
        return self._form

    def shown_rows(self) -> list[OrganisationRow]:
        """The organisations the list shows now, in its order."""
        return list(self._rows)

    def selected_id(self) -> str | None:
        """The id of the selected organisation, if one is selected."""
        items = self.table.selectedItems()
        return str(items[0].data(NAME, ORGANISATION_ID)) if items else None

    def select(self, organisation_id: str) -> bool:
        """Select an organisation in the list; False if the search hides it."""
        for item in self._items:
            if item.data(NAME, ORGANISATION_ID) == organisation_id:
                self.table.setCurrentItem(item)
                item.setSelected(True)
                return True
        return False

    def new_organisation(self) -> OrganisationForm:
        """Open the form for a new organisation (it is added when the form is saved)."""
        return self._open_form(None)

    def edit_organisation(self, organisation_id: str) -> OrganisationForm:
        """Open the form for one of the listed organisations (saved when the form is saved)."""
        row = next(r for r in self._rows if r.organisation.id == organisation_id)
        return self._open_form(row.organisation)

    def edit_selected(self) -> OrganisationForm | None:
        """Open the form for the selected organisation, if one is selected."""
        selected = self.selected_id()
        return self.edit_organisation(selected) if selected else None

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Organisations"))
        self.search.setPlaceholderText(self.tr("Search: name or contact person"))
        self.table.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Contact person"),
                self.tr("Phone"),
                self.tr("E-mail"),
                self.tr("Clients supported"),
            ]
        )
        self.new_button.setText(self.tr("&New organisation…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self._buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._fill()  # kind labels and the count in the new language, without reading again

    # -- events ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            item = self.table.currentItem()
            if item is not None:
                self._edit_item(item)
                return True
        return super().eventFilter(watched, event)

    # -- internals ------------------------------------------------------------------------------

    def _show_rows(self, rows: list[OrganisationRow]) -> None:
        if not shiboken6.isValid(self):  # closed and deleted while the list was read
            return
        self._rows = rows
        self._fill()
        wanted, self._to_select = self._to_select, None
        if wanted and not self.select(wanted) and self.search.text():
            self._to_select = wanted  # the search hides it: show it all the same
            self.search.clear()  # reads again

    def _fill(self) -> None:
        selected = self.selected_id()
        self.table.clear()
        self._items = [self._item(row) for row in self._rows]
        self.table.addTopLevelItems(self._items)
        self._show_count()
        if selected:
            self.select(selected)
        self._update_buttons()

    def _item(self, row: OrganisationRow) -> QTreeWidgetItem:
        organisation = row.organisation
        item = QTreeWidgetItem(
            [
                organisation.name,
                label(organisation.kind),
                organisation.contact_person,
                organisation.phone,
                organisation.email,
                str(row.clients_supported),
            ]
        )
        item.setData(NAME, ORGANISATION_ID, organisation.id)
        item.setTextAlignment(CLIENTS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if organisation.address:
            item.setToolTip(NAME, organisation.address)
        return item

    def _edit_item(self, item: QTreeWidgetItem) -> None:
        organisation_id = item.data(NAME, ORGANISATION_ID)
        if organisation_id:
            self.edit_organisation(str(organisation_id))

    def _open_form(self, organisation: Organisation | None) -> OrganisationForm:
        if self._form is not None:
            self._form.deleteLater()
        form = OrganisationForm(self._db, organisation, self)
        form.accepted.connect(lambda: self._saved(form))
        self._form = form
        form.open()  # window-modal, without a nested event loop
        return form

    def _saved(self, form: OrganisationForm) -> None:
        """The form's organisation is in the case file: list it anew, selected."""
        if form.saved is not None:
            self._to_select = form.saved.id
        self.reload()

    def _show_count(self) -> None:
        count = len(self._rows)
        self.count_label.setText(
            self.tr("1 organisation")
            if count == 1
            else self.tr("%1 organisations").replace("%1", str(count))
        )

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_id() is not None)
