"""Likely duplicates: pairs of client records that are probably one person, and their merge.

The pairs are found by the service's scorer on the database worker behind a progress dialog,
and a merge runs there the same way; a chosen pair is shown side by side with the record the
merge will leave. "Not the same person" hides a pair until the app is closed (a lasting list of
"not duplicates" does not exist yet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import Catalogue
from desktop.domain.model import Client
from desktop.services.duplicate_merge import combined, merge_clients
from desktop.services.duplicates import DuplicatePair, likely_pairs_and_clients, reason_text
from desktop.ui.shell.protocol import Shell
from desktop.ui.widgets.db_worker import Cancelled, DbWorker, Progress
from desktop.ui.widgets.formatting import country, format_date, label
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.progress import Job, run_with_progress
from desktop.ui.widgets.style import button_row, fit_rows

if TYPE_CHECKING:
    from desktop.services.casefile import Store

Found = tuple[list[DuplicatePair], dict[str, Client]]

# Pairs the user said are two people, as (a, b): hidden until the app is closed.
_not_duplicates: set[tuple[str, str]] = set()

_FIELDS = (
    "family_name",
    "given_names",
    "other_names",
    "birth_date",
    "birth_place",
    "sex",
    "nationality",
    "file_number",
    "residence_status",
    "status_valid_until",
    "phone",
    "email",
    "street",
    "postcode",
    "city",
    "arrival_date",
    "opened_on",
)


def find_pairs(client_ids: Iterable[str] | None = None) -> Job[Found]:
    """The worker's job: the likely pairs not hidden this session, and their clients by id.

    The pairs hidden are read now, on the GUI thread that changes them.
    """
    hidden = frozenset(_not_duplicates)
    ids = list(client_ids) if client_ids is not None else None

    def job(store: Store, _progress: Progress, _cancelled: Cancelled) -> Found:
        return likely_pairs_and_clients(store, client_ids=ids, hidden=hidden)

    return job


def _value(name: str, value: Any) -> str:
    if value is None or value == "" or value == ():
        return ""
    if name == "nationality":
        return country(value)
    if isinstance(value, Catalogue):
        return label(value)
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "year"):
        return format_date(value)
    return str(value)


def describe(client: Client) -> str:
    """ "Family, Given (birth date, nationality, file number)"."""
    details = [
        d
        for d in (format_date(client.birth_date), country(client.nationality), client.file_number)
        if d
    ]
    return f"{client.display_name} ({', '.join(details)})" if details else client.display_name


class DuplicatesDialog(Retranslating, QDialog):
    """The review list. `merged()` after each merge (the main window shows the case file anew).

    With `client_ids` only pairs involving one of these clients are listed (after an import).
    `prepare()` is asked before a merge (the main window saves typed text there).
    """

    merged = Signal()

    def __init__(
        self,
        db: DbWorker,
        parent: QWidget | None = None,
        *,
        client_ids: Iterable[str] | None = None,
        prepare: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._client_ids = list(client_ids) if client_ids is not None else None
        self._prepare = prepare
        self.pairs: list[DuplicatePair] = []
        self.clients: dict[str, Client] = {}

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.itemSelectionChanged.connect(self._show_pair)
        self.empty = QLabel()

        self.keep_caption = QLabel()
        self.keep_first = QRadioButton()
        self.keep_second = QRadioButton()
        self._keep_group = QButtonGroup(self)
        self._keep_group.addButton(self.keep_first)
        self._keep_group.addButton(self.keep_second)
        self.keep_first.toggled.connect(lambda _on: self._show_preview())
        self.preview = QTableWidget(0, 3)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_rows(self.preview)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.merge)
        self.different_button = QPushButton()
        self.different_button.clicked.connect(self.not_the_same)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        for button in (self.merge_button, self.different_button, self.close_button):
            button.setAutoDefault(False)

        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_caption)
        keep_row.addWidget(self.keep_first)
        keep_row.addWidget(self.keep_second)
        keep_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.empty)
        layout.addLayout(keep_row)
        layout.addWidget(self.preview, 3)
        layout.addLayout(
            button_row(self.different_button, right=[self.merge_button, self.close_button])
        )
        fit_to_screen(self, "duplicates", QSize(900, 640))
        self.retranslate()
        self._show_pair()

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Likely duplicates"))
        self.intro.setText(
            self.tr(
                "These records are probably the same person, written differently. Choose a "
                "pair to compare them and to merge them into one."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Score"), self.tr("First record"), self.tr("Second record"), self.tr("Why")]
        )
        self.empty.setText(self.tr("No likely duplicates."))
        self.keep_caption.setText(self.tr("Keep:"))
        self.merge_button.setText(self.tr("&Merge…"))
        self.different_button.setText(self.tr("&Not the same person"))
        self.close_button.setText(self.tr("Close"))
        self._fill_table()

    def _field_label(self, name: str) -> str:
        texts = {
            "family_name": self.tr("Family name"),
            "given_names": self.tr("Given names"),
            "other_names": self.tr("Other spellings"),
            "birth_date": self.tr("Date of birth"),
            "birth_place": self.tr("Place of birth"),
            "sex": self.tr("Sex"),
            "nationality": self.tr("Nationality"),
            "file_number": self.tr("File number"),
            "residence_status": self.tr("Residence status"),
            "status_valid_until": self.tr("Valid until"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "street": self.tr("Street"),
            "postcode": self.tr("Postcode"),
            "city": self.tr("City"),
            "arrival_date": self.tr("Arrived on"),
            "opened_on": self.tr("Case opened on"),
        }
        return texts[name]

    # -- the list -----------------------------------------------------------------------------

    def refresh(self) -> list[DuplicatePair] | None:
        """Find the likely pairs again (behind a progress dialog) and show them."""
        outcome = run_with_progress(
            self._db, self, self.tr("Looking for likely duplicates…"), find_pairs(self._client_ids)
        )
        if outcome is None:
            return None
        self.pairs, self.clients = outcome
        self._fill_table()
        if self.pairs:
            self.table.selectRow(0)
        return self.pairs

    def _fill_table(self) -> None:
        lang = current_language()
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            cells = (
                f"{round(pair.score * 100)} %",
                describe(self.clients[pair.a]),
                describe(self.clients[pair.b]),
                ", ".join(reason_text(r, lang) for r in pair.reasons),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.empty.setVisible(not self.pairs)
        self._show_pair()

    def selected_pair(self) -> DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.pairs):
            return None
        return self.pairs[rows[0].row()]

    # -- the chosen pair ----------------------------------------------------------------------

    def _show_pair(self) -> None:
        pair = self.selected_pair()
        for widget in (self.merge_button, self.different_button, self.keep_first, self.keep_second):
            widget.setEnabled(pair is not None)
        if pair is None:
            self.keep_first.setText("")
            self.keep_second.setText("")
            self.preview.setRowCount(0)
            return
        first, second = self.clients[pair.a], self.clients[pair.b]
        self.keep_first.setText(first.display_name)
        self.keep_second.setText(second.display_name)
        older_second = (
            first.opened_on is not None
            and second.opened_on is not None
            and second.opened_on < first.opened_on
        )
        self.keep_first.blockSignals(True)
        (self.keep_second if older_second else self.keep_first).setChecked(True)
        self.keep_first.blockSignals(False)
        self._show_preview()

    def kept_and_other(self) -> tuple[Client, Client] | None:
        """The record to keep and the one merged into it, as chosen now."""
        pair = self.selected_pair()
        if pair is None:
            return None
        first, second = self.clients[pair.a], self.clients[pair.b]
        return (first, second) if self.keep_first.isChecked() else (second, first)

    def _show_preview(self) -> None:
        chosen = self.kept_and_other()
        if chosen is None:
            return
        keep, other = chosen
        result = combined(keep, other)
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Kept: {0}").replace("{0}", keep.display_name),
                self.tr("Merged into it: {0}").replace("{0}", other.display_name),
                self.tr("After the merge"),
            ]
        )
        names = [n for n in _FIELDS if any(_value(n, getattr(c, n)) for c in (keep, other, result))]
        self.preview.setRowCount(len(names))
        self.preview.setVerticalHeaderLabels([self._field_label(n) for n in names])
        for row, name in enumerate(names):
            before = _value(name, getattr(keep, name))
            for column, client in enumerate((keep, other, result)):
                item = QTableWidgetItem(_value(name, getattr(client, name)))
                if column == 2 and item.text() != before:  # what the merge fills or adds
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.preview.setItem(row, column, item)

    def preview_values(self) -> dict[str, str]:
        """The merged record as the preview shows it: field label -> text."""
        values = {}
        for row in range(self.preview.rowCount()):
            header, item = self.preview.verticalHeaderItem(row), self.preview.item(row, 2)
            if header is not None and item is not None:
                values[header.text()] = item.text()
        return values

    # -- the actions --------------------------------------------------------------------------

    def merge(self) -> Client | None:
        """Ask, then merge the chosen pair; the list is searched again afterwards."""
        chosen = self.kept_and_other()
        if chosen is None or not self._prepare():
            return None
        keep, other = chosen
        keep_id, other_id = keep.id, other.id
        text = (
            self.tr(
                "{other}'s plans, documents, appointments, notes and support links move to "
                "{keep}. {keep} keeps its values and takes the empty ones from {other}; "
                "{other}'s names become other spellings and the record {other} is removed.\n\n"
                "This travels to colleagues with the next sync. Merge?"
            )
            .replace("{other}", other.display_name)
            .replace("{keep}", keep.display_name)
        )
        answer = QMessageBox.question(
            self,
            self.tr("Merge two records"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None

        def job(store: Store, _progress: Progress, _cancelled: Cancelled) -> Client:
            return merge_clients(store, keep_id, other_id)

        kept = run_with_progress(self._db, self, self.tr("Merging…"), job)
        if kept is None:
            return None
        self.merged.emit()
        self.refresh()
        return kept

    def not_the_same(self) -> None:
        """Hide the chosen pair until the app is closed."""
        pair = self.selected_pair()
        if pair is None:
            return
        _not_duplicates.add((pair.a, pair.b))
        self.pairs.remove(pair)
        self._fill_table()
        if self.pairs:
            self.table.selectRow(0)


def open_duplicates(
    shell: Shell,
    parent: QWidget | None = None,
    *,
    client_ids: Iterable[str] | None = None,
) -> DuplicatesDialog | None:
    """Open the review list over `parent` (the window if None) and fill it; typed text is saved
    before a merge, and the shell shows the case file anew after one. None while locked."""
    if not shell.db.is_open:
        return None
    dialog = DuplicatesDialog(
        shell.db,
        parent if parent is not None else shell.widget(),
        client_ids=client_ids,
        prepare=shell.save_pending,
    )
    dialog.merged.connect(shell.case_file_changed)
    dialog.finished.connect(dialog.deleteLater)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    dialog.refresh()
    return dialog
