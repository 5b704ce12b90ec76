"""A combo box of a catalogue's labels in one table column; a choice is committed at once.

Used for the document status and the appointment status. The model gives and takes the member's
value (a plain string) in the edit role, so nothing depends on how Qt wraps a StrEnum.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.domain.catalogues import Catalogue
from desktop.ui.widgets.formatting import label

ModelIndex = QModelIndex | QPersistentModelIndex


class CatalogueDelegate(QStyledItemDelegate):
    """Edits one column with a combo box over `catalogue`, labelled in the current language."""

    def __init__(self, catalogue: type[Catalogue], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for member in self._catalogue:
            combo.addItem(label(member), member.value)
        # A persistent editor never loses focus on its own: hand the choice over when it is made.
        combo.activated.connect(lambda _row, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
