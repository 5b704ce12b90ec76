"""Every window and dialog fits the offices' laptop screens, and comes back where it was left.

The test session runs on two offscreen screens (tests/fixtures/screens.json): the area Windows
leaves beside a 48-px taskbar on 1366x768 at 100 % (1366x720) and on 1920x1080 at 150 %
(1280x672 logical, the primary screen). `test_fits_at_150_percent_scaling` runs the fit tests
once more in a process of their own with QT_SCALE_FACTOR=1.5 on a 1920x1008 screen. A window
fits when it and a Windows title bar and borders (geometry.FRAME_ALLOWANCE) lie inside the
available area, and when its minimum size would too (it could not be made smaller).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QSplitter,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

import desktop.ui
from desktop.domain.model import Client, Organisation
from desktop.services.clients import ClientQuery, list_clients
from desktop.services.demo import fill_demo
from desktop.services.organisations import list_organisations
from desktop.store.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.geometry import (
    FRAME_ALLOWANCE,
    fit_to_screen,
    fitted_size,
    layout_settings,
    remember_splitter,
)
from desktop.ui.widgets.i18n import set_language

REPO = Path(__file__).resolve().parents[3]


def _screens() -> dict[str, QScreen]:
    return {screen.name(): screen for screen in QGuiApplication.screens()}


def _outside(widget: QWidget) -> str | None:
    """Why `widget` does not fit its screen's available area, or None if it does."""
    area = widget.screen().availableGeometry()
    frame = QRect(widget.frameGeometry().topLeft(), widget.size() + FRAME_ALLOWANCE)
    name = f"{type(widget).__name__} '{widget.windowTitle()}'"
    if not area.contains(frame):
        return f"{name} at {frame.getRect()} is outside {area.getRect()}"
    smallest = widget.minimumSizeHint().expandedTo(widget.minimumSize()) + FRAME_ALLOWANCE
    if smallest.width() > area.width() or smallest.height() > area.height():
        return f"{name} cannot shrink below {smallest.toTuple()} within {area.getRect()}"
    return None


def _all_dialog_classes() -> set[type]:
    """Every QDialog subclass the app defines (its modules imported first)."""
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        importlib.import_module(module.name)
    found: set[type] = set()
    todo = list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("desktop."):
            found.add(cls)
    return found


# -- the helper itself -----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fresh_layout() -> Iterator[None]:
    layout_settings().clear()
    yield
    layout_settings().clear()


def test_fitted_size_leaves_room_for_the_frame() -> None:
    area = QRect(0, 0, 1280, 672)
    assert fitted_size(QSize(1280, 800), area) == QSize(1264, 632)
    assert fitted_size(QSize(600, 400), area) == QSize(600, 400)


def test_the_screens_are_the_laptops(qapp: QApplication) -> None:
    sizes = {s.availableGeometry().size().toTuple() for s in QGuiApplication.screens()}
    assert sizes == {(1366, 720), (1280, 672)} or os.environ.get("QT_SCALE_FACTOR") == "1.5"


@pytest.mark.parametrize("screen_name", ["laptop-1366x768", "fullhd-150"])
def test_a_big_dialog_is_shrunk_and_centred_on_its_screen(qtbot: QtBot, screen_name: str) -> None:
    screen = _screens().get(screen_name) or QGuiApplication.primaryScreen()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.move(screen.availableGeometry().topLeft())
    fit_to_screen(dialog, None, QSize(1900, 1000))
    dialog.show()
    assert _outside(dialog) is None
    area = screen.availableGeometry()
    assert abs(dialog.geometry().center().x() - area.center().x()) < 20


def test_geometry_comes_back_after_a_restart(qtbot: QtBot) -> None:
    first = QDialog()
    qtbot.addWidget(first)
    fit_to_screen(first, "probe", QSize(700, 500))
    first.show()
    first.setGeometry(100, 80, 640, 420)
    first.hide()  # closing keeps it
    second = QDialog()
    qtbot.addWidget(second)
    fit_to_screen(second, "probe", QSize(700, 500))
    second.show()
    assert second.geometry().getRect() == (100, 80, 640, 420)


def test_the_main_window_comes_back_where_it_was_left(
    qtbot: QtBot, db: DbWorker, case_root: Path, settle: Callable[[DbWorker], None]
) -> None:
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    settle(db)
    first = QRect(window.geometry())
    assert _outside(window) is None
    corner = window.screen().availableGeometry().topLeft()
    wanted = QRect(corner.x() + 60, corner.y() + 50, 1000, 560)
    window.setGeometry(wanted)  # the coordinator moves and shrinks it on its screen
    window.hide()  # as closing does
    again = QMainWindow()  # the next start: the main window's key, a fresh window
    qtbot.addWidget(again)
    fit_to_screen(again, "main", QSize(1280, 800))
    again.show()
    assert again.geometry() == wanted != first


def test_a_geometry_from_a_screen_that_is_gone_is_not_restored(qtbot: QtBot) -> None:
    first = QDialog()
    qtbot.addWidget(first)
    fit_to_screen(first, "probe", QSize(700, 500))
    first.show()
    first.setGeometry(100, 80, 640, 420)
    first.hide()
    # The saved place now lies on a screen this computer no longer has (a monitor unplugged).
    saved = layout_settings().value("probe/geometry")
    moved = QDialog()
    qtbot.addWidget(moved)
    moved.restoreGeometry(saved)
    moved.setGeometry(9000, 80, 1800, 420)
    layout_settings().setValue("probe/geometry", moved.saveGeometry())
    again = QDialog()
    qtbot.addWidget(again)
    fit_to_screen(again, "probe", QSize(700, 500))
    again.show()
    assert _outside(again) is None
    assert again.geometry().x() < 3000


def test_a_placer_torn_down_before_its_window_does_no_harm(qtbot: QtBot) -> None:
    """At exit Python may clear the placer's attributes while Qt still sends the window its
    last events: nothing is raised (it was an error loop in the event loop's teardown)."""
    from desktop.ui.widgets.geometry import _Placer

    dialog = QDialog()
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, "probe", QSize(600, 400))
    placer = dialog.findChild(_Placer)
    assert placer is not None
    placer.__dict__.clear()  # what the cycle collector's clearing leaves
    with qtbot.captureExceptions() as raised:
        dialog.show()
        dialog.hide()
    assert raised == []


def test_splitter_sizes_come_back(qtbot: QtBot) -> None:
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    splitter.addWidget(QWidget())
    splitter.addWidget(QWidget())
    splitter.resize(600, 300)
    remember_splitter(splitter, "probe")
    splitter.show()
    splitter.moveSplitter(150, 1)  # as the user drags it: splitterMoved keeps the sizes
    kept = splitter.sizes()
    again = QSplitter()
    qtbot.addWidget(again)
    again.addWidget(QWidget())
    again.addWidget(QWidget())
    again.resize(600, 300)
    remember_splitter(again, "probe")
    again.show()
    assert again.sizes() == kept


# -- the app's windows -----------------------------------------------------------------------


@pytest.fixture
def demo_store(store: Store) -> Store:
    fill_demo(store, 30, seed=1, today=date.today(), chunk=30)
    return store


def _first_client(store: Store) -> Client:
    return list_clients(store, ClientQuery()).clients[0]


def _walk_every_window(
    qtbot: QtBot,
    db: DbWorker,
    store: Store,
    root: Path,
    settle: Callable[[DbWorker], None],
    screen: QScreen,
    check: Callable[[str, QWidget], None],
) -> set[type]:
    """Show the main window on `screen` with a case open, each tab of the case, the agenda and
    every dialog of the app in turn; `check(label, window)` each visible top-level window in
    each of these states. Returns the classes of the windows seen."""
    client = _first_client(store)
    organisations = {r.organisation.id: r.organisation for r in list_organisations(store)}
    window = MainWindow(db, root)
    qtbot.addWidget(window)
    window.move(screen.availableGeometry().topLeft())  # where the user last had it
    window.show()
    settle(db)
    seen: set[type] = set()

    def check_all(label: str) -> None:
        settle(db)
        QApplication.processEvents()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and not widget.windowType().name.endswith("Popup"):
                seen.add(type(widget))
                check(label, widget)

    window.open_client(client.id)
    settle(db)
    for index in range(window.workspace.tab_widget.count()):
        window.workspace.tab_widget.setCurrentIndex(index)
        check_all(f"tab {index}")
    window.show_agenda()
    check_all("agenda")
    window.show_cases()
    for dialog in _open_every_dialog(window, db, root, client, organisations, settle):
        check_all(type(dialog).__name__)
        dialog.reject()
        dialog.hide()  # a progress dialog refuses reject(): the job decides when it closes
        dialog.deleteLater()
    check_all("after the dialogs")
    return seen


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("screen_name", ["laptop-1366x768", "fullhd-150"])
def test_every_window_and_dialog_fits(
    qtbot: QtBot,
    db: DbWorker,
    demo_store: Store,
    case_root: Path,
    settle: Callable[[DbWorker], None],
    screen_name: str,
    lang: str,
) -> None:
    set_language(lang)  # German labels are the longer ones
    screen = _screens().get(screen_name) or QGuiApplication.primaryScreen()
    problems: list[str] = []

    def fits(label: str, widget: QWidget) -> None:
        if (why := _outside(widget)) is not None:
            problems.append(f"{label}: {why}")

    seen = _walk_every_window(qtbot, db, demo_store, case_root, settle, screen, fits)
    assert not problems, "\n".join(dict.fromkeys(problems))
    missing = {c.__name__ for c in _all_dialog_classes() - seen}
    assert missing == set(), f"dialogs not opened by this test: {sorted(missing)}"


def _mnemonic(text: str) -> str | None:
    """The letter after a single '&' (Alt+letter), casefolded; '&&' is a literal '&'."""
    found = re.search(r"&(.)", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _mnemonics_twice(window: QWidget) -> dict[str, list[str]]:
    """Alt+letters that more than one visible control of `window` answers to."""
    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        if (letter := _mnemonic(text)) is not None:
            found.setdefault(letter, []).append(text)

    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget.tabText(index))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                add(action.text())
    return {letter: texts for letter, texts in found.items() if len(texts) > 1}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_mnemonic_is_used_twice_in_a_window(
    qtbot: QtBot,
    db: DbWorker,
    demo_store: Store,
    case_root: Path,
    settle: Callable[[DbWorker], None],
    lang: str,
) -> None:
    set_language(lang)
    problems: list[str] = []

    def once(label: str, widget: QWidget) -> None:
        for letter, texts in _mnemonics_twice(widget).items():
            problems.append(f"{label}: {type(widget).__name__}: Alt+{letter}: {texts}")
        for menu in widget.findChildren(QMenu):
            entries: dict[str, list[str]] = {}
            for action in menu.actions():
                if (letter := _mnemonic(action.text())) is not None and action.isVisible():
                    entries.setdefault(letter, []).append(action.text())
            for letter, texts in entries.items():
                if len(texts) > 1:
                    problems.append(f"menu {menu.title()!r}: Alt+{letter}: {texts}")

    screen = QGuiApplication.primaryScreen()
    _walk_every_window(qtbot, db, demo_store, case_root, settle, screen, once)
    assert not problems, "\n".join(dict.fromkeys(problems))


def _open_every_dialog(
    window: MainWindow,
    db: DbWorker,
    root: Path,
    client: Client,
    organisations: dict[str, Organisation],
    settle: Callable[[DbWorker], None],
) -> Iterator[QDialog]:
    """Open each dialog of the app in turn (as its menu or button does), with real data."""
    from desktop.domain.catalogues import FieldOfAction
    from desktop.domain.model import Goal
    from desktop.report.plan import Untranslated
    from desktop.ui.agenda.snooze_dialog import SnoozeDialog
    from desktop.ui.organisations.organisation_form import OrganisationForm
    from desktop.ui.protection.audit_view import AuditLogDialog
    from desktop.ui.protection.backup_dialog import BackupsDialog
    from desktop.ui.protection.backup_restore_flow import SecretDialog, _Waiting
    from desktop.ui.protection.erasure_view import DueForErasureDialog
    from desktop.ui.reports.calendar_dialog import CalendarDialog
    from desktop.ui.reports.calendar_feed_dialog import CalendarFeedDialog
    from desktop.ui.reports.duplicates_view import DuplicatesDialog
    from desktop.ui.reports.statistics_view import StatisticsDialog
    from desktop.ui.settings.change_passphrase_dialog import ChangePassphraseDialog
    from desktop.ui.settings.new_phrase_dialog import NewPhraseDialog
    from desktop.ui.settings.phrase_book_dialog import PhraseBookDialog
    from desktop.ui.settings.recovery_key_dialog import NewRecoveryKeyDialog
    from desktop.ui.sync.colleague_dialog import ColleagueDialog
    from desktop.ui.unlock.setup_dialog import SetupDialog
    from desktop.ui.unlock.unlock_dialog import UnlockDialog
    from desktop.ui.widgets.progress import _ProgressDialog
    from desktop.ui.widgets.saved_message import SavedMessage
    from desktop.ui.workspace.appointments.appointment_dialog import AppointmentDialog
    from desktop.ui.workspace.plan.missing_text_dialog import MissingTextDialog
    from desktop.ui.workspace.plan.plan_goal_dialog import GoalDialog
    from desktop.ui.workspace.plan.plan_measure_dialog import MeasureDialog

    openers: list[Callable[[], QDialog | None]] = [
        window.new_client,
        window.print_plan,
        window.open_import,
        window.open_settings,
        window.open_sync,
        window.open_organisations,
        window.open_keyboard_map,
        lambda: PhraseBookDialog(db, window),
        lambda: NewPhraseDialog(db, parent=window),
        lambda: ChangePassphraseDialog(db, root, window),
        lambda: NewRecoveryKeyDialog(db, root, window),
        lambda: ColleagueDialog(db, window),
        lambda: SecretDialog(window),
        lambda: AuditLogDialog(db, window),
        lambda: AuditLogDialog(db, window, client.id),
        lambda: BackupsDialog(db, root, window),
        lambda: DueForErasureDialog(db, window),
        lambda: DuplicatesDialog(db, window),
        lambda: StatisticsDialog(db, window),
        lambda: CalendarDialog(db, client.id, window),
        lambda: CalendarFeedDialog(db, window),
        lambda: OrganisationForm(db, None, window),
        lambda: GoalDialog(
            Goal(plan_id="p", field_of_action=FieldOfAction.LANGUAGE, title="Deutsch B1"),
            parent=window,
        ),
        lambda: MeasureDialog("g", organisations, parent=window),
        lambda: AppointmentDialog(client, organisations, parent=window),
        lambda: MissingTextDialog(db, Untranslated("goal", "g", "Deutsch lernen"), "ar", window),
        lambda: UnlockDialog(root, db, window),
        lambda: SetupDialog(root / "elsewhere", db, window),
        lambda: _ProgressDialog("Creating the demo case file…", "Cancel", 0, 300, window),
        lambda: _Waiting("Restoring the backup…", "", 0, 0, window),
        lambda: SnoozeDialog(date.today(), "Reisepass", window),
        lambda: SavedMessage(root / "Integrationsplan.pdf", window, open_folder=lambda _: True),
    ]
    for opener in openers:
        dialog = opener()
        if dialog is None:
            continue
        if not dialog.isVisible():
            dialog.open()
        settle(db)
        yield dialog


def test_fits_at_150_percent_scaling(tmp_path: Path) -> None:
    """The same checks under QT_SCALE_FACTOR=1.5 on a 1920x1008 screen (1280x672 logical)."""
    config = tmp_path / "screen.json"
    config.write_text(
        '{"windowFrameMargins": true, "screens": [{"name": "scaled", "x": 0, "y": 0,'
        ' "width": 1920, "height": 1008, "logicalDpi": 96, "logicalBpi": 96, "dpr": 1}]}'
    )
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "1.5",
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__,
         "-k", "every_window or big_dialog or screens_are"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
