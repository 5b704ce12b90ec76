"""The deadline radar: what comes due in the next weeks, for every open case, overdue first.

The deadlines are read on the database worker, on a channel of their own: changing the horizon
or ticking "Include measures" twice in a row shows only the newest reading.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.rules import DeadlineKind
from desktop.services.agenda import RadarEntry, deadline_radar
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.formatting import format_date
from desktop.ui.widgets.geometry import compact_combo
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import ALERT

HORIZON_WEEKS = (2, 4, 6, 8)
DEFAULT_WEEKS = 6
OVERDUE_COLOUR = QColor(ALERT)
CLIENT_ID = Qt.ItemDataRole.UserRole
DUE, KIND, CLIENT, SUBJECT = range(4)
RADAR_CHANNEL = "agenda-radar"


class DeadlineRadar(Retranslating, QWidget):
    """A list of deadlines with a horizon (2-8 weeks) and a filter by kind.

    Measures due are left out (they have the open-measures filter and the plan tab) unless
    "Include measures" is ticked; only then does the kind filter offer them.
    The rows are read on the worker of `db`; the kind filter works on the rows read.
    Double-click or Enter on a row emits `open_client(client_id)`; `clear()` forgets every row
    (and an answer still on its way).
    """

    open_client = Signal(str)

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today: date | None = None
        self._entries: list[RadarEntry] = []
        self._active = False  # refresh() called since the last clear(): changes read again
        self._loaded = False  # rows read since the last clear()

        self._title = QLabel()
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._horizon_label = QLabel()
        self.horizon = QComboBox()
        for weeks in HORIZON_WEEKS:
            self.horizon.addItem("", weeks)
        self.horizon.setCurrentIndex(HORIZON_WEEKS.index(DEFAULT_WEEKS))
        self.horizon.currentIndexChanged.connect(self._horizon_changed)
        self._kind_label = QLabel()
        self.kind_filter = QComboBox()  # filled by retranslate(): "All kinds", then each kind
        self.kind_filter.currentIndexChanged.connect(self._render)
        compact_combo(self.kind_filter)
        self.include_measures = QCheckBox()
        self.include_measures.toggled.connect(self._measures_toggled)
        self._horizon_label.setBuddy(self.horizon)
        self._kind_label.setBuddy(self.kind_filter)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(self._item_chosen)
        self.tree.installEventFilter(self)
        self._empty = QLabel()
        self._empty.setEnabled(False)  # greyed out: a hint, not content
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        controls = QHBoxLayout()
        controls.addWidget(self._title)
        controls.addStretch(1)
        controls.addWidget(self._kind_label)
        controls.addWidget(self.kind_filter)
        controls.addWidget(self.include_measures)
        controls.addWidget(self._horizon_label)
        controls.addWidget(self.horizon)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self._empty)
        self.retranslate()

    # -- public ---------------------------------------------------------------------------------

    @property
    def weeks(self) -> int:
        """The horizon chosen: deadlines up to this many weeks ahead (overdue ones always)."""
        return int(self.horizon.currentData())

    def refresh(self, today: date | None = None) -> None:
        """Read the deadlines again on the worker, counted from `today` (the real date if None).

        The parent view calls this when it is shown; changing the horizon reads again too.
        The rows are shown when the answer arrives.
        """
        if not self._db.is_open:
            self.clear()
            return
        self._today = today
        self._active = True
        day = today or date.today()
        within_days = self.weeks * 7
        measures = self.include_measures.isChecked()
        self._db.run(
            lambda store: deadline_radar(store, day, within_days=within_days, measures=measures),
            self._show,
            channel=RADAR_CHANNEL,
        )

    def clear(self) -> None:
        """Forget every deadline and show none (the case file is being locked)."""
        self._entries = []
        self._active = False
        self._loaded = False
        self.tree.clear()
        self._empty.setText("")
        self._empty.hide()

    def shown_entries(self) -> list[RadarEntry]:
        """The deadlines the list shows now, in its order (after the kind filter)."""
        kind = self.kind_filter.currentData()
        return [e for e in self._entries if not kind or e.deadline.kind.value == kind]

    def retranslate(self) -> None:
        self._title.setText(self.tr("Deadline radar"))
        self._horizon_label.setText(self.tr("&Within:"))
        texts = (self.tr("2 weeks"), self.tr("4 weeks"), self.tr("6 weeks"), self.tr("8 weeks"))
        for index, text in enumerate(texts):
            self.horizon.setItemText(index, text)
        self._kind_label.setText(self.tr("&Kind:"))
        self.include_measures.setText(self.tr("Include measures"))
        self._fill_kinds()
        self.tree.setHeaderLabels(
            [self.tr("Due"), self.tr("What"), self.tr("Client"), self.tr("Subject")]
        )
        self._render()

    # -- events ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            item = self.tree.currentItem()
            if item is not None:
                self._item_chosen(item)
                return True
        return super().eventFilter(watched, event)

    # -- internals ------------------------------------------------------------------------------

    def _show(self, entries: list[RadarEntry]) -> None:
        if not self._active:  # cleared while the deadlines were being read
            return
        self._entries = entries
        self._loaded = True
        self._render()

    def _horizon_changed(self) -> None:
        if self._active and self._db.is_open:
            self.refresh(self._today)

    def _measures_toggled(self) -> None:
        self._fill_kinds()
        if self._active and self._db.is_open:
            self.refresh(self._today)  # measures are read only when asked for
        else:
            self._render()

    def _fill_kinds(self) -> None:
        """Every kind in the UI language ("Measure due" only with measures), keeping the choice.

        A choice no longer offered (measures just left out) falls back to every kind.
        """
        chosen = self.kind_filter.currentData()
        with_measures = self.include_measures.isChecked()
        lang = current_language()
        self.kind_filter.blockSignals(True)  # the caller renders once
        try:
            self.kind_filter.clear()
            self.kind_filter.addItem(self.tr("All kinds"), "")
            for kind in DeadlineKind:
                if with_measures or kind is not DeadlineKind.MEASURE_DUE:
                    self.kind_filter.addItem(kind.label(lang), kind.value)
            self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(chosen), 0))
        finally:
            self.kind_filter.blockSignals(False)

    def _render(self) -> None:
        self.tree.clear()
        if not self._loaded:
            return
        lang = current_language()
        items = [self._item(entry, lang) for entry in self.shown_entries()]
        self.tree.addTopLevelItems(items)
        self._empty.setText(self.tr("Nothing comes due in this time."))
        self._empty.setVisible(not items)

    def _item(self, entry: RadarEntry, lang: str) -> QTreeWidgetItem:
        deadline = entry.deadline
        due = format_date(deadline.due_on)
        if deadline.overdue:
            due = self.tr("%1 (overdue)").replace("%1", due)
        item = QTreeWidgetItem(
            [due, deadline.kind.label(lang), entry.client_name, deadline.subject_text(lang)]
        )
        item.setData(DUE, CLIENT_ID, entry.client_id)
        item.setToolTip(KIND, deadline.text(lang))
        if deadline.overdue:
            red = QBrush(OVERDUE_COLOUR)
            font = item.font(DUE)
            font.setBold(True)
            item.setFont(DUE, font)
            for column in range(self.tree.columnCount()):
                item.setForeground(column, red)
        return item

    def _item_chosen(self, item: QTreeWidgetItem) -> None:
        client_id = item.data(DUE, CLIENT_ID)
        if client_id:
            self.open_client.emit(str(client_id))
