"""A table model over a list of one client's entities (appointments, checklist items)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)
ModelIndex = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of entities with an `id`; subclasses give the columns, headers and cells."""

    COLUMNS = 0  # how many columns
    EDITABLE: tuple[int, ...] = ()  # the columns a coordinator may edit in place

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def headers(self) -> tuple[str, ...]:
        """The column titles in the current language."""
        raise NotImplementedError

    def replace_rows(self, rows: list[T], keep: Callable[[], None] = lambda: None) -> None:
        """Show `rows`; the same rows in the same order are updated in place (selection and
        editors stay), anything else resets the view. `keep` stores companion data first."""
        same = [r.id for r in rows] == [r.id for r in self._rows]
        if not same:
            self.beginResetModel()
        self._rows = rows
        keep()
        if same:
            self.refresh()
        else:
            self.endResetModel()

    def refresh(self) -> None:
        """Show every cell again (labels after a language switch, editors after a refusal)."""
        last = self.COLUMNS - 1
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)

    def replace_row(self, entity: T) -> bool:
        """Show an edited entity in its row at once (its save is still on its way); False if
        no row shows it."""
        row = self.row_of(entity.id)
        if row < 0:
            return False
        self._rows[row] = entity
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))
        return True

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, entity_id: str) -> int:
        """The row showing this entity, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == entity_id), -1)

    # -- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        return self.headers()[section]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in self.EDITABLE else flags
