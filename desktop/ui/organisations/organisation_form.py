"""One partner organisation of the network, to add or edit: name, kind, contact, address.

The entry is checked at once; the organisation is saved on the database worker, and the form
closes when it is in the case file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import OrganisationKind
from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import Organisation
from desktop.services.organisations import add_organisation, save_organisation
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import ERROR_STYLE

TEXT_FIELDS = ("name", "contact_person", "phone", "email")


class FormError(Exception):
    """A value the form does not accept: which field, and the one sentence the user reads."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class OrganisationForm(Retranslating, QDialog):
    """Asks for an organisation's details; `accept()` checks them and saves a valid one (a new
    one is added) on the worker of `db`. The form is accepted, with `saved` set, once the
    organisation is in the case file.

    An invalid entry or a failed save keeps the form open with one sentence above the buttons.
    """

    def __init__(
        self,
        db: DbWorker,
        organisation: Organisation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self._editing = organisation
        self._saving = False
        self.saved: Organisation | None = None

        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in OrganisationKind:
            self.kind.addItem("", kind.value)
        self.kind.setCurrentIndex(self.kind.findData(OrganisationKind.OTHER.value))
        self.contact_person = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 4 + 12)
        self._error = QLabel()
        self._error.setStyleSheet(ERROR_STYLE)
        self._error.setWordWrap(True)
        self._error.hide()

        form = QFormLayout()
        self._labels: list[QLabel] = []
        for widget in (
            self.name,
            self.kind,
            self.contact_person,
            self.phone,
            self.email,
            self.address,
        ):
            caption = QLabel()
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            self._labels.append(caption)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(440)
        if organisation is not None:
            self.set_values(_fields(organisation))
        self.retranslate()

    # -- public ---------------------------------------------------------------------------------

    @property
    def error_text(self) -> str:
        """The sentence shown after a refused entry ("" if none)."""
        return self._error.text() if not self._error.isHidden() else ""

    def values(self) -> dict[str, Any]:
        """What the form holds: name, kind (an OrganisationKind), contact_person, phone, email,
        address; text is stripped."""
        values: dict[str, Any] = {f: getattr(self, f).text().strip() for f in TEXT_FIELDS}
        values["kind"] = OrganisationKind(self.kind.currentData())
        values["address"] = self.address.toPlainText().strip()
        return values

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Fill the fields named in `values` (the keys of `values()`); others stay as they are."""
        for field in TEXT_FIELDS:
            if field in values:
                getattr(self, field).setText(str(values[field] or ""))
        if "kind" in values:
            self.kind.setCurrentIndex(self.kind.findData(OrganisationKind(values["kind"]).value))
        if "address" in values:
            self.address.setPlainText(str(values["address"] or ""))

    def organisation(self) -> Organisation:
        """The organisation as entered (the edited one keeps its id); FormError if invalid."""
        values = self.values()
        if not values["name"]:
            raise FormError("name", self.tr("Please enter the name of the organisation."))
        email = values["email"]
        if email and (email.count("@") != 1 or " " in email or email.endswith("@")):
            raise FormError(
                "email",
                self.tr("The e-mail address looks incomplete; write it as name@example.org."),
            )
        if self._editing is not None:
            values["id"] = self._editing.id
        try:
            return Organisation(**values)
        except WelcomeDeskError as error:
            raise FormError("name", error.text(current_language())) from error

    @property
    def saving(self) -> bool:
        """True while the organisation is on its way to the case file."""
        return self._saving

    def accept(self) -> None:
        """Check the entry at once, then save it on the worker (once per click)."""
        if self._saving:
            return
        try:
            organisation = self.organisation()
        except FormError as error:
            self._show_error(str(error), error.field)
            return
        save = add_organisation if self._editing is None else save_organisation
        self._set_saving(True)
        self._db.run(
            lambda store: save(store, organisation),
            lambda _done: self._saved(organisation),
            self._not_saved,
        )

    def reject(self) -> None:
        if not self._saving:  # the organisation is being saved: wait for it
            super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("New organisation") if self._editing is None else self.tr("Edit organisation")
        )
        labels = (
            self.tr("&Name:"),
            self.tr("&Kind:"),
            self.tr("&Contact person:"),
            self.tr("&Phone:"),
            self.tr("&E-mail:"),
            self.tr("&Address:"),
        )
        for caption, text in zip(self._labels, labels, strict=True):
            caption.setText(text)
        lang = current_language()
        for index, kind in enumerate(OrganisationKind):
            self.kind.setItemText(index, kind.label(lang))
        self._buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    # -- internals ------------------------------------------------------------------------------

    def _saved(self, organisation: Organisation) -> None:
        self._set_saving(False)
        self.saved = organisation
        self._error.hide()
        super().accept()

    def _not_saved(self, error: BaseException) -> None:
        self._set_saving(False)
        self._show_error(error_text(error), "name")

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in self._buttons.buttons():
            button.setEnabled(not saving)

    def _show_error(self, message: str, field: str) -> None:
        self._error.setText(message)
        self._error.show()
        getattr(self, field, self.name).setFocus()


def _fields(organisation: Organisation) -> dict[str, Any]:
    return {
        "name": organisation.name,
        "kind": organisation.kind,
        "contact_person": organisation.contact_person,
        "phone": organisation.phone,
        "email": organisation.email,
        "address": organisation.address,
    }
