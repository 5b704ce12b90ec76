"""The form for a phrase of the office's own, opened from the phrase book: field of action,
kind, the German text and, if known, its texts in the print languages. The phrase is added on
the database worker.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import OfficePhrase
from desktop.domain.texts import Texts
from desktop.services.phrases import KINDS, add_office_phrase, print_languages, right_to_left
from desktop.ui.settings.phrase_kinds import kind_label
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.formatting import language as language_label
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import error_label

LANGUAGES = print_languages()  # German first, then the print languages


class NewPhraseDialog(Retranslating, QDialog):
    """A phrase of the office's own: field of action, kind, German text and, if known, its
    texts in the print languages. Saved on the worker; `saved` is the stored phrase then."""

    def __init__(
        self,
        db: DbWorker,
        field: FieldOfAction | None = None,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._saving = False
        self.saved: OfficePhrase | None = None
        self.field_combo = QComboBox()
        for member in FieldOfAction:
            self.field_combo.addItem("", member.value)
        if field is not None:
            self.field_combo.setCurrentIndex(self.field_combo.findData(field.value))
        self.kind_combo = QComboBox()
        for value in KINDS:
            self.kind_combo.addItem("", value)
        if kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.german_edit = QLineEdit()
        self.text_edits: dict[str, QLineEdit] = {}
        for lang in LANGUAGES[1:]:
            edit = QLineEdit()
            if right_to_left(lang):
                edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            self.text_edits[lang] = edit
        self._captions = [QLabel() for _ in range(3)]
        head = QFormLayout()
        for caption, widget in zip(
            self._captions, (self.field_combo, self.kind_combo, self.german_edit), strict=True
        ):
            caption.setBuddy(widget)
            head.addRow(caption, widget)
        self._language_captions: dict[str, QLabel] = {}
        texts = QWidget()
        texts_form = QFormLayout(texts)
        for lang, edit in self.text_edits.items():
            caption = QLabel()
            caption.setBuddy(edit)
            texts_form.addRow(caption, edit)
            self._language_captions[lang] = caption
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(texts)
        self._texts_caption = QLabel()
        self.error_label = error_label()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self._texts_caption)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self._buttons)
        fit_to_screen(self, "new-phrase", QSize(560, 620))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New phrase"))
        for caption, text in zip(
            self._captions,
            (self.tr("&Field of action:"), self.tr("&Kind:"), self.tr("&German:")),
            strict=True,
        ):
            caption.setText(text)
        for index, member in enumerate(FieldOfAction):
            self.field_combo.setItemText(index, label(member))
        for index, value in enumerate(KINDS):
            self.kind_combo.setItemText(index, kind_label(value))
        self._texts_caption.setText(self.tr("Texts in the print languages (if known):"))
        for lang, caption in self._language_captions.items():
            caption.setText(f"{language_label(lang)}:")
        self._buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def accept(self) -> None:
        """Check the entry, then add the phrase on the worker; closes once it is stored."""
        if self._saving:
            return
        german = self.german_edit.text().strip()
        if not german:
            self.error_label.setText(self.tr("Please type the German text of the phrase."))
            self.german_edit.setFocus()
            return
        field = FieldOfAction(self.field_combo.currentData())
        kind = str(self.kind_combo.currentData())
        try:
            texts = Texts({lang: edit.text() for lang, edit in self.text_edits.items()})
        except WelcomeDeskError as error:
            self.error_label.setText(error_text(error))
            return
        self._set_saving(True)
        self._db.run(
            lambda store: add_office_phrase(store, field, kind, german, texts),
            self._saved,
            self._not_saved,
        )

    def reject(self) -> None:
        if not self._saving:
            super().reject()

    def _saved(self, phrase: OfficePhrase) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        self.saved = phrase
        super().accept()

    def _not_saved(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self._set_saving(False)
            self.error_label.setText(error_text(error))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in self._buttons.buttons():
            button.setEnabled(not saving)
