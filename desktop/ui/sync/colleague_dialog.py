"""Trusting a colleague: their identity pasted, both fingerprints side by side to compare first.

The fingerprints known to the case file are read on the database worker when the dialog is built;
trusting runs there too, and the dialog closes once the colleague is in the case file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import BundleRejected, InvalidInput
from desktop.services.sync import (
    Colleague,
    Identity,
    add_colleague,
    colleagues,
    fingerprint_of,
    my_identity,
)
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import error_label, labelled_form

NO_FINGERPRINT = "—"


def fingerprint_label() -> QLabel:
    """A fingerprint in large monospace digits, selectable to copy."""
    label = QLabel(NO_FINGERPRINT)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def fingerprint_lines(fingerprint: str) -> str:
    """Eight groups of digits as two lines of four, easier to read aloud."""
    groups = fingerprint.split()
    if not groups:
        return NO_FINGERPRINT
    return " ".join(groups[:4]) + ("\n" + " ".join(groups[4:]) if groups[4:] else "")


class ColleagueDialog(Retranslating, QDialog):
    """Add a colleague, or trust the new identity a refused bundle came with.

    Without `refused`: a name and a pasted identity, my fingerprint beside theirs. With a
    `refused` bundle ("untrusted" or "key_changed"), its identity is filled in; for a changed key
    the colleague's known fingerprint stands beside the new one. `colleague` is set on success.
    """

    def __init__(
        self, db: DbWorker, parent: QWidget | None = None, refused: BundleRejected | None = None
    ) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self._refused = refused
        self.colleague: Colleague | None = None
        self._known: Colleague | None = None

        self.name = QLineEdit()
        self.identity = QLineEdit()
        self.identity.setPlaceholderText("wd1:…")
        self.identity.textChanged.connect(self._show_theirs)
        self.left_caption = QLabel()
        self.right_caption = QLabel()
        self.left_fingerprint = fingerprint_label()
        self.right_fingerprint = fingerprint_label()
        self.instruction = QLabel()
        self.instruction.setWordWrap(True)
        self.error = error_label()

        form, self._captions = labelled_form([self.name, self.identity])
        side_by_side = QGridLayout()
        side_by_side.addWidget(self.left_caption, 0, 0)
        side_by_side.addWidget(self.right_caption, 0, 1)
        side_by_side.addWidget(self.left_fingerprint, 1, 0)
        side_by_side.addWidget(self.right_fingerprint, 1, 1)
        side_by_side.setHorizontalSpacing(32)

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.cancel_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(side_by_side)
        layout.addWidget(self.instruction)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if refused is not None:
            self.identity.setText(refused.identity)
            self.identity.setReadOnly(True)
        self.setMinimumWidth(620)
        self.retranslate()
        db.run(lambda store: (colleagues(store), my_identity(store)), self._show_known)

    def retranslate(self) -> None:
        changed = self._known is not None
        self.setWindowTitle(
            self.tr("Compare fingerprints") if self._refused else self.tr("Add colleague")
        )
        self._captions[0].setText(self.tr("&Name:"))
        self._captions[1].setText(self.tr("&Identity:"))
        if changed:
            self.left_caption.setText(self.tr("Fingerprint known until now"))
            self.right_caption.setText(self.tr("New fingerprint"))
            self.instruction.setText(
                self.tr(
                    "The bundle is signed with a new key. Ask {0} by phone or in person whether "
                    "they set up Welcome Desk again, and let them read out the fingerprint their "
                    "Welcome Desk shows (Sync, My identity). Trust the new identity only if every "
                    "digit matches the new fingerprint."
                ).replace("{0}", self._known.name if self._known else "")
            )
            self.ok_button.setText(self.tr("&Trust new identity"))
        else:
            self.left_caption.setText(self.tr("My fingerprint"))
            self.right_caption.setText(self.tr("Fingerprint of the identity"))
            self.instruction.setText(
                self.tr(
                    "Before you confirm, compare the fingerprints by phone or in person: your "
                    "colleague's Welcome Desk shows theirs under Sync, My identity, and it must "
                    "match the one on the right digit for digit. They compare yours the same way."
                )
            )
            self.ok_button.setText(
                self.tr("&Trust new identity") if self._refused else self.tr("&Add")
            )
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_theirs(self.identity.text())

    @property
    def error_text(self) -> str:
        """The sentence shown under the form ("" when there is none)."""
        return self.error.text() if not self.error.isHidden() else ""

    def accept(self) -> None:
        """Trust the colleague on the worker; the dialog closes once they are in the case file."""
        if not self.ok_button.isEnabled():
            return  # the colleague is on its way into the case file
        name, identity = self.name.text(), self.identity.text()
        self.ok_button.setEnabled(False)
        self._db.run(
            lambda store: add_colleague(store, name, identity), self._added, self._not_added
        )

    def _show_known(self, known: tuple[list[Colleague], Identity]) -> None:
        """For a changed key, the colleague's known fingerprint; else my own."""
        rows, mine = known
        refused = self._refused
        self._known = next((c for c in rows if refused and c.name == refused.colleague), None)
        if self._known is not None:
            self.left_fingerprint.setText(fingerprint_lines(self._known.fingerprint))
            self.name.setText(self._known.name)
            self.name.setReadOnly(True)
        else:
            self.left_fingerprint.setText(fingerprint_lines(mine.fingerprint))
        self.retranslate()

    def _added(self, colleague: Colleague) -> None:
        self.ok_button.setEnabled(True)
        self.colleague = colleague
        super().accept()

    def _not_added(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self._fail(error_text(error))

    def _show_theirs(self, text: str) -> None:
        try:
            fingerprint = fingerprint_of(text) if text.strip() else ""
        except InvalidInput as error:
            self.right_fingerprint.setText(NO_FINGERPRINT)
            self._fail(error.text(current_language()))
            return
        self.right_fingerprint.setText(fingerprint_lines(fingerprint))
        self.error.clear()
        self.error.hide()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
