"""The keyboard map (Help menu, F1): every key of the main window on one page.

The commands come from the window's own actions (their text and shortcut), so the map cannot
tell of a key that no longer exists; the keys that move between the search, the results and the
case are listed with them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating


def key_text(keys: str) -> str:
    """Keys as this system writes them ("Strg+Bild ab" in German, "Ctrl+PgDown" in English)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def plain(text: str) -> str:
    """A menu text without its mnemonic '&' and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _with_keys(actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """(keys, what) of the actions that have a shortcut."""
    return [
        (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), plain(a.text()))
        for a in actions
        if not a.shortcut().isEmpty()
    ]


class KeyboardMapDialog(Retranslating, QDialog):
    """The window's commands with their shortcuts, then the keys of the case list and case."""

    def __init__(
        self,
        actions: Sequence[QAction],
        parent: QWidget | None = None,
        *,
        agenda_actions: Sequence[QAction] = (),
    ) -> None:
        super().__init__(parent)
        fit_to_screen(self, "keyboard-map", QSize(620, 640))
        self._actions = list(actions)
        self._agenda_actions = list(agenda_actions)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard map"))
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.tree.clear()
        self._section(self.tr("Anywhere in the window"), _with_keys(self._actions))
        self._section(
            self.tr("Search and case list"),
            [
                (key_text("Down"), self.tr("From the search into the results")),
                (key_text("Return"), self.tr("In the search: open the first person found")),
                (
                    key_text("Return"),
                    self.tr("On a row: open the case, the focus in its first field"),
                ),
                (key_text("Up"), self.tr("On the first row: back to the search")),
                (key_text("Esc"), self.tr("Back to the search; in the search: clear it")),
            ],
        )
        self._section(
            self.tr("The open case"),
            [
                (f"{key_text('Ctrl+Tab')}, {key_text('Ctrl+PgDown')}", self.tr("Next tab")),
                (
                    f"{key_text('Ctrl+Shift+Tab')}, {key_text('Ctrl+PgUp')}",
                    self.tr("Previous tab"),
                ),
                (key_text("Esc"), self.tr("Back to the search (the case stays open)")),
                (self.tr("Alt+underlined letter"), self.tr("The field or button of that letter")),
            ],
        )
        self._section(
            self.tr("Deadline radar (agenda)"),
            [
                (key_text("Return"), self.tr("Open the case on the tab that holds the deadline")),
                (key_text("Return"), self.tr("On a heading: fold or unfold it")),
                *_with_keys(self._agenda_actions),
            ],
        )
        self.tree.expandAll()

    def _section(self, title: str, rows: list[tuple[str, str]]) -> None:
        heading = QTreeWidgetItem(self.tree, [title])
        heading.setFirstColumnSpanned(True)
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        for keys, what in rows:
            QTreeWidgetItem(self.tree, [keys, what])
