"""Windows that fit the laptop's screen, and come back where the coordinator left them.

The offices' laptops have 1366x768 screens at 100 % or 1920x1080 at 150 % (1280x720 logical),
minus the taskbar. `fit_to_screen(window, key, preferred)` gives a window or dialog its size on
the first show: the size and place it had when it was last closed (per user, outside the case
file: a window's geometry says nothing about anybody), if that still fits a screen, otherwise
`preferred`, shrunk to the screen the window opens on and centred there. `remember_splitter` and
`remember_columns` do the same for splitters and table columns.

What is stored lives in the user's settings, as an INI file: `%APPDATA%\\WelcomeDesk\\layout.ini`
on Windows, `~/.config/WelcomeDesk/layout.ini` on Linux.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QComboBox, QHeaderView, QSplitter, QWidget

ORGANISATION = "WelcomeDesk"
STORE = "layout"
# Before a window is first shown its frame is not known: room for a Windows 10/11 title bar
# (31 px at 100 %) and borders, so that the frame and not only the inside fits.
FRAME_ALLOWANCE = QSize(16, 40)


def layout_settings() -> QSettings:
    """Where window sizes, splitters and columns are kept (per user, not in the case file)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, STORE)


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of a screen a window may use (the taskbar left out): the screen under the
    window if it was placed, else under its parent window, else the primary screen."""
    screen: QScreen | None = None
    if widget is not None:
        parent = widget.parentWidget()
        if widget.testAttribute(Qt.WidgetAttribute.WA_Moved):
            screen = QGuiApplication.screenAt(widget.frameGeometry().center())
        elif parent is not None:
            screen = QGuiApplication.screenAt(parent.window().frameGeometry().center())
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_extra(window: QWidget) -> QSize:
    """How much the frame adds to the inside: known once shown, else the Windows allowance."""
    frame, inside = window.frameGeometry(), window.geometry()
    known = QSize(frame.width() - inside.width(), frame.height() - inside.height())
    return known.expandedTo(FRAME_ALLOWANCE)


def fitted_size(preferred: QSize, area: QRect, extra: QSize = FRAME_ALLOWANCE) -> QSize:
    """`preferred`, shrunk so that it and its frame fit into `area`."""
    return QSize(
        min(preferred.width(), area.width() - extra.width()),
        min(preferred.height(), area.height() - extra.height()),
    )


def fits(window: QWidget, area: QRect) -> bool:
    """True if the window with its frame lies inside `area`."""
    frame = QRect(window.frameGeometry().topLeft(), window.size() + frame_extra(window))
    return area.contains(frame)


def _screen_area_holding(window: QWidget) -> QRect | None:
    """The available area of the screen that holds all of the window, if one does."""
    for screen in QGuiApplication.screens():
        area = screen.availableGeometry()
        if fits(window, area):
            return area
    return None


def fit_into(window: QWidget, area: QRect, preferred: QSize | None = None) -> None:
    """Size `window` to `preferred` (or its present size) shrunk to `area`, centred in it."""
    extra = frame_extra(window)
    wanted = preferred if preferred is not None else window.size()
    size = fitted_size(wanted.expandedTo(window.minimumSizeHint()), area, extra)
    size = size.expandedTo(window.minimumSize()).boundedTo(window.maximumSize())
    window.resize(size)
    x = area.x() + max(0, (area.width() - size.width() - extra.width()) // 2)
    y = area.y() + max(0, (area.height() - size.height() - extra.height()) // 2)
    window.move(x, y)


class _Placer(QObject):
    """Places the window it filters on that window's first show, and keeps its geometry when
    it is hidden.

    It holds no reference to the window (the window is the object it filters): a reference
    would make a cycle through the Qt parent, and Python's cycle collector clears such objects'
    attributes while Qt may still deliver the window's last events to them.
    """

    def __init__(self, window: QWidget, key: str | None, preferred: QSize | None) -> None:
        super().__init__(window)
        self._key = key
        self._preferred = preferred
        self._placed = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or not hasattr(self, "_placed"):
            return False  # hasattr: this object is being torn down (at exit)
        if event.type() == QEvent.Type.Show and not self._placed:
            self._placed = True
            self._place(watched)
        elif event.type() == QEvent.Type.Hide and self._placed and self._key:
            layout_settings().setValue(f"{self._key}/geometry", watched.saveGeometry())
        return False

    def _place(self, window: QWidget) -> None:
        saved = layout_settings().value(f"{self._key}/geometry") if self._key else None
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            before = window.saveGeometry()
            if window.restoreGeometry(saved) and _screen_area_holding(window) is not None:
                return
            window.restoreGeometry(before)  # that screen is gone or smaller: start afresh
        fit_into(window, available_area(window), self._preferred)


def fit_to_screen(window: QWidget, key: str | None = None, preferred: QSize | None = None) -> None:
    """Call in a window's or dialog's constructor: on its first show it takes its remembered
    geometry (under `key`) if that fits a screen, else `preferred` (or its natural size) shrunk
    to the available screen and centred; when hidden it remembers its geometry."""
    _Placer(window, key, preferred)


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Restore the splitter's sizes from `key` and keep them whenever the user moves it."""
    saved = layout_settings().value(f"{key}/splitter")
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(
        lambda *_: layout_settings().setValue(f"{key}/splitter", splitter.saveState())
    )


def remember_columns(header: QHeaderView, key: str) -> None:
    """Restore the column widths (and order) of `header` from `key`; keep them when changed.

    Only for headers whose sections the user sizes (Interactive): a saved state also carries
    the resize modes, which would otherwise outlive a change in the code.
    """
    saved = layout_settings().value(f"{key}/columns")
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        header.restoreState(saved)  # refused by Qt when the number of columns has changed

    def keep(*_: object) -> None:
        layout_settings().setValue(f"{key}/columns", header.saveState())

    header.sectionResized.connect(keep)
    header.sectionMoved.connect(keep)


def compact_combo(combo: QComboBox, characters: int = 16) -> None:
    """Let a combo box with long entries (a legal term, a deadline kind) be narrower than its
    longest one: it shows `characters` at least, its list opens as wide as it needs, and the
    full entry is its tooltip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    combo.currentTextChanged.connect(combo.setToolTip)
