"""The deadline radar: what comes due in the next weeks, for every open case, for Monday triage.

The deadlines are read on the database worker, on a channel of their own: changing the horizon
or ticking "Include &measures" twice in a row shows only the newest reading. They are shown in
groups by urgency (overdue, this week, next weeks; `services.agenda.triage` decides), legal ones
first; a deadline marked done or snoozed leaves the list, or is shown greyed in a last group
when "Show done and snoozed" is ticked.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.rules import Deadline, DeadlineKind
from desktop.services.agenda import (
    RadarEntry,
    mark_done,
    radar_entries,
    reopen,
    snooze,
    triage,
)
from desktop.ui.agenda.radar_tree import RadarTree
from desktop.ui.agenda.snooze_dialog import SnoozeDialog
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.geometry import compact_combo
from desktop.ui.widgets.i18n import Retranslating, current_language

HORIZON_WEEKS = (2, 4, 6, 8)
DEFAULT_WEEKS = 6
RADAR_CHANNEL = "agenda-radar"
# The workspace tab that holds what a deadline is about (the tab's class name).
TAB_OF_KIND = {
    DeadlineKind.RESIDENCE_EXPIRY: "OverviewTab",
    DeadlineKind.CHANCENAUFENTHALT_END: "OverviewTab",
    DeadlineKind.DOCUMENT_EXPIRY: "DocumentsTab",
    DeadlineKind.CUSTODY_TOO_LONG: "DocumentsTab",
    DeadlineKind.PLAN_REVIEW: "PlanTab",
    DeadlineKind.MEASURE_DUE: "PlanTab",
}


class DeadlineRadar(Retranslating, QWidget):
    """Deadlines in groups by urgency, with a horizon (2-8 weeks) and a filter by kind.

    Measures due are left out (they have the open-measures filter and the plan tab) unless
    "Include &measures" is ticked; only then does the kind filter offer them. The rows are read
    on the worker of `db`; the kind filter and "Show done and snoozed" work on the rows read.
    Double-click or Enter on a deadline emits `open_case(client_id, tab)` (the name of the
    workspace tab that holds it), then `open_client(client_id)`; Enter on a group heading folds
    it. A deadline is marked done (Ctrl+D), snoozed (Ctrl+Shift+D) or reopened (Ctrl+R) by its
    context menu, the buttons under the list or those keys. `clear()` forgets every row (and an
    answer still on its way).
    """

    open_case = Signal(str, str)
    open_client = Signal(str)

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today: date | None = None
        self._entries: list[RadarEntry] = []  # as read, set-aside ones with their mark
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
        self.show_set_aside = QCheckBox()
        self.show_set_aside.toggled.connect(self._render)
        self._horizon_label.setBuddy(self.horizon)
        self._kind_label.setBuddy(self.kind_filter)
        self._build_tree()
        self._build_actions()
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
        marks = QHBoxLayout()
        for button in (self.done_button, self.snooze_button, self.reopen_button):
            marks.addWidget(button)
        marks.addStretch(1)
        marks.addWidget(self.show_set_aside)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self._empty)
        layout.addLayout(marks)
        self.retranslate()
        self._update_actions()

    def _build_tree(self) -> None:
        self.tree = RadarTree()
        self.tree.chosen.connect(self._open)
        self.tree.currentItemChanged.connect(self._update_actions)
        self.tree.menu_asked.connect(self._popup_menu)

    def _build_actions(self) -> None:
        def action(shortcut: str | None, slot: object) -> QAction:
            made = QAction(self)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.open_action = action(None, self.open_current)
        self.done_action = action("Ctrl+D", self.mark_current_done)
        self.snooze_action = action("Ctrl+Shift+D", self.ask_snooze)
        self.reopen_action = action("Ctrl+R", self.reopen_current)
        self.done_button = QPushButton()
        self.snooze_button = QPushButton()
        self.reopen_button = QPushButton()
        for button, triggered in (
            (self.done_button, self.done_action),
            (self.snooze_button, self.snooze_action),
            (self.reopen_button, self.reopen_action),
        ):
            button.clicked.connect(triggered.trigger)

    # -- public ---------------------------------------------------------------------------------

    @property
    def weeks(self) -> int:
        """The horizon chosen: deadlines up to this many weeks ahead (overdue ones always)."""
        return int(self.horizon.currentData())

    @property
    def today(self) -> date:
        """The day the radar counts from (the real date unless `refresh` was given one)."""
        return self._today or date.today()

    def refresh(self, today: date | None = None) -> None:
        """Read the deadlines again on the worker, counted from `today` (the real date if None).

        The parent view calls this when it is shown; changing the horizon or a mark reads again
        too. The rows are shown when the answer arrives.
        """
        if not self._db.is_open:
            self.clear()
            return
        self._today = today
        self._active = True
        day = self.today
        within_days = self.weeks * 7
        measures = self.include_measures.isChecked()
        self._db.run(
            lambda store: radar_entries(store, day, within_days=within_days, measures=measures),
            self._show,
            channel=RADAR_CHANNEL,
        )

    def clear(self) -> None:
        """Forget every deadline and show none (the case file is being locked)."""
        self._entries = []
        self._active = False
        self._loaded = False
        self._render()

    def shown_entries(self) -> list[RadarEntry]:
        """The deadlines the list shows now, group after group, in its order."""
        return self.tree.shown_entries()

    def current_entry(self) -> RadarEntry | None:
        """The deadline selected (None on a group heading or with nothing selected)."""
        return self.tree.current_entry()

    def context_menu(self) -> QMenu:
        """The menu for the deadline selected: open it, mark it done, snooze or reopen it."""
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        for action in (self.done_action, self.snooze_action, self.reopen_action):
            menu.addAction(action)
        return menu

    def open_current(self) -> None:
        """Open the case of the deadline selected, on the tab that holds it."""
        entry = self.current_entry()
        if entry is not None:
            self._open(entry)

    def mark_current_done(self) -> None:
        """Mark the deadline selected done: it leaves the radar until its due day changes."""
        entry = self.current_entry()
        if entry is None or entry.mark is not None or not self._db.is_open:
            return
        deadline, day = entry.deadline, self.today
        self._db.run(lambda store: mark_done(store, deadline, day), self._marked)

    def ask_snooze(self) -> SnoozeDialog | None:
        """Ask until which day to snooze the deadline selected (not blocking)."""
        entry = self.current_entry()
        if entry is None or entry.mark is not None or not self._db.is_open:
            return None
        what = f"{entry.client_name}: {entry.deadline.text(current_language())}"
        dialog = SnoozeDialog(self.today, what, self)
        deadline, day = entry.deadline, self.today
        # The day is read here, on the GUI thread: the worker never touches a widget.
        dialog.accepted.connect(lambda: self._snooze(deadline, dialog.until, day))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def reopen_current(self) -> None:
        """Take the mark off the deadline selected: it is back on the radar."""
        entry = self.current_entry()
        if entry is None or entry.mark is None or not self._db.is_open:
            return
        deadline = entry.deadline
        self._db.run(lambda store: reopen(store, deadline), self._marked)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Deadline radar"))
        self._horizon_label.setText(self.tr("&Within:"))
        texts = (self.tr("2 weeks"), self.tr("4 weeks"), self.tr("6 weeks"), self.tr("8 weeks"))
        for index, text in enumerate(texts):
            self.horizon.setItemText(index, text)
        self._kind_label.setText(self.tr("K&ind:"))
        self.include_measures.setText(self.tr("Include &measures"))
        self.open_action.setText(self.tr("&Open case"))
        self.done_action.setText(self.tr("Mark as &done"))
        self.snooze_action.setText(self.tr("&Snooze until…"))
        self.reopen_action.setText(self.tr("&Reopen"))
        self.done_button.setText(self.tr("Don&e"))
        self.snooze_button.setText(self.tr("Snoo&ze until…"))
        self.reopen_button.setText(self.tr("Re&open"))
        for button, action in (
            (self.done_button, self.done_action),
            (self.snooze_button, self.snooze_action),
            (self.reopen_button, self.reopen_action),
        ):
            button.setToolTip(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        self._fill_kinds()
        self._render()

    # -- internals ------------------------------------------------------------------------------

    def _show(self, entries: list[RadarEntry]) -> None:
        if not self._active:  # cleared while the deadlines were being read
            return
        self._entries = entries
        self._loaded = True
        self._render()

    def _marked(self, _result: object) -> None:
        if self._active:
            self.refresh(self._today)  # the selection stays at the same place of the list

    def _snooze(self, deadline: Deadline, until: date, day: date) -> None:
        if self._db.is_open:
            self._db.run(lambda store: snooze(store, deadline, until, day), self._marked)

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
        kind = self.kind_filter.currentData()
        result = triage(
            self._entries,
            self.today,
            kind=DeadlineKind(kind) if kind else None,
            set_aside=self.show_set_aside.isChecked(),
        )
        self.tree.show_groups(result.groups)
        self.show_set_aside.setText(
            self.tr("Show done &and snoozed (%1)").replace("%1", str(result.set_aside))
        )
        self._empty.setText(self.tr("Nothing comes due in this time.") if self._loaded else "")
        self._empty.setVisible(self._loaded and not result.groups)
        self._update_actions()

    def _update_actions(self) -> None:
        entry = self.current_entry()
        open_ = entry is not None and entry.mark is None
        for action, enabled in (
            (self.open_action, entry is not None),
            (self.done_action, open_),
            (self.snooze_action, open_),
            (self.reopen_action, entry is not None and entry.mark is not None),
        ):
            action.setEnabled(enabled)
        self.done_button.setEnabled(open_)
        self.snooze_button.setEnabled(open_)
        self.reopen_button.setEnabled(self.reopen_action.isEnabled())

    def _popup_menu(self, where: QPoint) -> None:
        menu = self.context_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    def _open(self, entry: RadarEntry) -> None:
        self.open_case.emit(entry.client_id, TAB_OF_KIND[entry.deadline.kind])
        self.open_client.emit(entry.client_id)
