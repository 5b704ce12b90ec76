"""Monday morning: the appointments of the week, day by day, beside the deadline radar.

The week and the radar are read on the database worker; each answers on a channel of its own,
so only the newest reading is shown when the coordinator pages through the weeks faster than
the disk answers, and the week may arrive before or after the radar.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import AppointmentStatus
from desktop.services.agenda import AgendaEntry, appointments_between
from desktop.services.casefile import Store
from desktop.services.organisations import list_organisations
from desktop.ui.agenda.deadline_radar import DeadlineRadar
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.formatting import format_date, label, language
from desktop.ui.widgets.geometry import remember_splitter
from desktop.ui.widgets.i18n import Retranslating

CLIENT_ID = Qt.ItemDataRole.UserRole
DAY = Qt.ItemDataRole.UserRole + 1
TIME, CLIENT, PURPOSE, PLACE, INTERPRETER, STATUS = range(6)
_FADED = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.MISSED})
WEEK_CHANNEL = "agenda-week"


def _read_week(store: Store, monday: date) -> tuple[list[AgendaEntry], dict[str, str]]:
    """On the worker: the appointments of the week from `monday`, and organisation names by id
    (an appointment's place)."""
    start = datetime.combine(monday, time.min)
    end = start + timedelta(weeks=1)
    entries = [
        e for e in appointments_between(store, start, end) if start <= e.appointment.starts_at < end
    ]
    places = {row.organisation.id: row.organisation.name for row in list_organisations(store)}
    return entries, places


class AgendaView(Retranslating, QWidget):
    """The week's appointments (today highlighted) and the deadline radar, side by side.

    Double-click or Enter on an appointment or a deadline emits `open_client(client_id)`; a
    deadline first emits `open_case(client_id, tab)` with the workspace tab that holds it.
    Shown, it reads again (on the worker of `db`, while a case file is open); `clear()` (on
    lock) forgets everything, and drops answers still on their way, until the next `refresh()`.
    """

    open_client = Signal(str)
    open_case = Signal(str, str)

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today: date | None = None  # None: the real date
        self._week_offset = 0  # weeks from the current one
        self._entries: list[AgendaEntry] = []
        self._places: dict[str, str] = {}  # organisation id -> name
        self._shown_monday = self.week_start  # the week `_entries` belong to
        self._loaded = False  # appointments read since the last clear()
        self._locked = False  # cleared: no reading on show until refresh() is called

        self._title = QLabel()
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self.week_label = QLabel()
        style = self.style()
        self.previous_button = QPushButton()
        # Arrow icons rather than "<" and ">" in the text: the style mirrors them right-to-left.
        self.previous_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.previous_button.clicked.connect(lambda: self._move(-1))
        self.today_button = QPushButton()
        self.today_button.clicked.connect(self.show_current_week)
        self.next_button = QPushButton()
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.next_button.clicked.connect(lambda: self._move(1))

        self.week_tree = QTreeWidget()
        self.week_tree.setColumnCount(6)
        self.week_tree.setUniformRowHeights(True)
        self.week_tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.week_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.week_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.week_tree.header().setStretchLastSection(True)
        self.week_tree.itemDoubleClicked.connect(self._item_chosen)
        self.week_tree.installEventFilter(self)
        self._empty = QLabel()
        self._empty.setEnabled(False)  # greyed out: a hint, not content
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.radar = DeadlineRadar(db)
        self.radar.open_case.connect(self.open_case)
        self.radar.open_client.connect(self.open_client)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_week_part())
        splitter.addWidget(self.radar)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        remember_splitter(splitter, "agenda")
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    def _build_week_part(self) -> QWidget:
        navigation = QHBoxLayout()
        navigation.addWidget(self._title)
        navigation.addWidget(self.week_label, 1)
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.today_button)
        navigation.addWidget(self.next_button)
        part = QWidget()
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(navigation)
        column.addWidget(self.week_tree, 1)
        column.addWidget(self._empty)
        return part

    # -- public ---------------------------------------------------------------------------------

    @property
    def week_start(self) -> date:
        """The Monday of the week shown."""
        today = self._today or date.today()
        return today - timedelta(days=today.weekday()) + timedelta(weeks=self._week_offset)

    def refresh(self, today: date | None = None) -> None:
        """Read the week shown and the radar again, counted from `today` (the real date if None).

        Both are read on the worker; each is shown when its answer arrives.
        """
        if not self._db.is_open:
            self.clear()
            return
        self._today = today
        self._locked = False
        monday = self.week_start
        self._db.run(
            lambda store: _read_week(store, monday),
            lambda week: self._show_week(monday, *week),
            channel=WEEK_CHANNEL,
        )
        self.radar.refresh(today)

    def clear(self) -> None:
        """Forget every appointment and deadline and show none (the case file is being locked)."""
        self._entries = []
        self._places = {}
        self._loaded = False
        self._locked = True
        self.week_tree.clear()
        self.week_label.clear()
        self._empty.clear()
        self._empty.hide()
        self.radar.clear()

    def show_current_week(self) -> None:
        """Go back to the week of today."""
        self._week_offset = 0
        self.refresh(self._today)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Appointments"))
        self.previous_button.setText(self.tr("Previous wee&k"))
        self.today_button.setText(self.tr("&Today"))
        self.next_button.setText(self.tr("&Next week"))
        self.week_tree.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Client"),
                self.tr("Purpose"),
                self.tr("Place"),
                self.tr("Interpreter"),
                self.tr("Status"),
            ]
        )
        self._render()

    # -- events ---------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._locked and self._db.is_open:
            self.refresh(self._today)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.week_tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            item = self.week_tree.currentItem()
            if item is not None and item.data(TIME, CLIENT_ID):
                self._item_chosen(item)
                return True
        return super().eventFilter(watched, event)

    # -- internals ------------------------------------------------------------------------------

    def _move(self, weeks: int) -> None:
        self._week_offset += weeks
        self.refresh(self._today)

    def _show_week(self, monday: date, entries: list[AgendaEntry], places: dict[str, str]) -> None:
        if self._locked:  # cleared while the week was being read
            return
        self._entries = entries
        self._places = places
        self._shown_monday = monday
        self._loaded = True
        self._render()

    def _render(self) -> None:
        self.week_tree.clear()
        if not self._loaded:
            return
        monday = self._shown_monday
        sunday = monday + timedelta(days=6)
        self.week_label.setText(
            self.tr("Week %1: %2 to %3")
            .replace("%1", str(monday.isocalendar().week))
            .replace("%2", format_date(monday))
            .replace("%3", format_date(sunday))
        )
        today = self._today or date.today()
        by_day: dict[date, list[AgendaEntry]] = {}
        for entry in sorted(self._entries, key=lambda e: e.appointment.starts_at):
            by_day.setdefault(entry.appointment.starts_at.date(), []).append(entry)
        if monday <= today <= sunday:
            by_day.setdefault(today, [])
        for day in sorted(by_day):
            self._add_day(day, by_day[day], day == today)
        self._empty.setText(self.tr("No appointments this week."))
        self._empty.setVisible(not self._entries)

    def _add_day(self, day: date, entries: list[AgendaEntry], is_today: bool) -> None:
        name = QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        text = f"{name}, {format_date(day)}"
        if is_today:
            text = self.tr("Today, %1").replace("%1", text)
        if not entries:
            text = self.tr("%1: no appointments").replace("%1", text)
        header = QTreeWidgetItem([text])
        header.setData(TIME, DAY, day.isoformat())
        header.setData(TIME, CLIENT_ID, "")  # a day opens nobody
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = header.font(TIME)
        font.setBold(True)
        header.setFont(TIME, font)
        self.week_tree.addTopLevelItem(header)
        header.setFirstColumnSpanned(True)
        rows = [self._row(entry) for entry in entries]
        header.addChildren(rows)
        if is_today:
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            highlight.setAlpha(48)
            for item in (header, *rows):
                for column in range(self.week_tree.columnCount()):
                    item.setBackground(column, QBrush(highlight))
        header.setExpanded(True)

    def _row(self, entry: AgendaEntry) -> QTreeWidgetItem:
        appointment = entry.appointment
        ends = appointment.starts_at + timedelta(minutes=appointment.duration_minutes)
        organisation = self._places.get(appointment.organisation_id or "", "")
        place = ", ".join(p for p in (appointment.place, organisation) if p)
        item = QTreeWidgetItem(
            [
                f"{appointment.starts_at:%H:%M}–{ends:%H:%M}",
                entry.client_name,
                appointment.purpose,
                place,
                language(appointment.interpreter_language),
                label(appointment.status),
            ]
        )
        item.setData(TIME, CLIENT_ID, entry.client_id)
        if appointment.participants:
            item.setToolTip(PURPOSE, appointment.participants)
        if appointment.status in _FADED:
            faded = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            for column in range(self.week_tree.columnCount()):
                item.setForeground(column, QBrush(faded))
        return item

    def _item_chosen(self, item: QTreeWidgetItem) -> None:
        client_id = item.data(TIME, CLIENT_ID)
        if client_id:
            self.open_client.emit(str(client_id))
