"""Add the missing text of one printed item in the print language, from the print preview.

The coordinator (with the interpreter beside them) reads the German text, and the phrase it was
chosen from if any, and types the text in the print language. A text of the item whose language
nobody had set yet can be taken as that text. The item is saved on the database worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.phrases import Phrase, item_phrase, right_to_left, set_item_text
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.formatting import language as language_label
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import error_label

if TYPE_CHECKING:
    from desktop.services.printing import Untranslated


class MissingTextDialog(Retranslating, QDialog):
    """Asks for `item`'s text in `language`; `accept()` saves it on the worker of `db` and the
    dialog closes (accepted) once it is in the case file. `saved` is the saved item then."""

    def __init__(
        self, db: DbWorker, item: Untranslated, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self.item = item
        self.language = language
        self._saving = False
        self.saved: object | None = None

        self.german = QLabel(item.german)
        self.german.setWordWrap(True)
        self.german.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phrase = QLabel()  # the phrase the item was chosen from, once read
        self.phrase.setWordWrap(True)
        self.unassigned = QLabel(item.unassigned)
        self.unassigned.setWordWrap(True)
        self.use_unassigned_button = QPushButton()
        self.use_unassigned_button.clicked.connect(self.use_unassigned)
        self.text_edit = QLineEdit()
        if right_to_left(language):
            self.text_edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.error_label = error_label()

        self._captions = [QLabel() for _ in range(4)]
        form = QFormLayout()
        form.addRow(self._captions[0], self.german)
        form.addRow(self._captions[1], self.phrase)
        form.addRow(self._captions[2], self.unassigned)
        form.addRow(QLabel(), self.use_unassigned_button)
        form.addRow(self._captions[3], self.text_edit)
        self._captions[3].setBuddy(self.text_edit)
        self._form = form
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(520)
        has_unassigned = bool(item.unassigned)
        for row in (2, 3):
            form.setRowVisible(row, has_unassigned)
        form.setRowVisible(1, False)
        self.retranslate()
        self.text_edit.setFocus()
        self._db.run(
            lambda store: item_phrase(store, item.kind, item.id),
            self._show_phrase,
            lambda _error: None,  # without its phrase the dialog still works
        )

    def retranslate(self) -> None:
        name = language_label(self.language)
        self.setWindowTitle(self.tr("Text in {0}").replace("{0}", name))
        self._captions[0].setText(self.tr("German:"))
        self._captions[1].setText(self.tr("Phrase in English:"))
        self._captions[2].setText(self.tr("Text without a language:"))
        self._captions[3].setText(self.tr("&Text in {0}:").replace("{0}", name))
        self.use_unassigned_button.setText(
            self.tr("&Use it as the text in {0}").replace("{0}", name)
        )
        self._buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    # -- what the preview (and tests) call -------------------------------------------------

    def use_unassigned(self) -> None:
        """Take the item's text without a language as its text in the print language."""
        self.text_edit.setText(self.item.unassigned)
        self.text_edit.setFocus()

    @property
    def saving(self) -> bool:
        return self._saving

    def accept(self) -> None:
        """Save the text typed on the worker; the dialog closes once it is saved."""
        if self._saving:
            return
        text = self.text_edit.text().strip()
        if not text:
            self.error_label.setText(
                self.tr("Please type the text in {0}.").replace(
                    "{0}", language_label(self.language)
                )
            )
            self.text_edit.setFocus()
            return
        item, language = self.item, self.language
        self._set_saving(True)
        self._db.run(
            lambda store: set_item_text(store, item.kind, item.id, language, text),
            self._saved,
            self._not_saved,
        )

    def reject(self) -> None:
        if not self._saving:  # being saved: wait for it
            super().reject()

    # -- internals ---------------------------------------------------------------------------

    def _show_phrase(self, phrase: Phrase | None) -> None:
        if not shiboken6.isValid(self) or phrase is None:
            return
        english = phrase.text("en") or phrase.meaning
        if not english or self.language == "en":
            return
        self.phrase.setText(english)
        self._form.setRowVisible(1, True)

    def _saved(self, item: object) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        self.saved = item
        super().accept()

    def _not_saved(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        self.error_label.setText(error_text(error))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in self._buttons.buttons():
            button.setEnabled(not saving)
