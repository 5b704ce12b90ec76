"""The windowed exe (WelcomeDesk.exe) has no console: `sys.stdout` and `sys.stderr` are None.

Emulated in this process: the console goes, then `desktop.__main__.main` runs as the exe would.
An unexpected error still reaches the user as a dialog and the log file in the data folder as
its type and code locations, never its message; a command word is refused with a pointer to
WelcomeDesk-debug.exe, before anything is created.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.__main__ import main
from desktop.domain.errors import WrongPassphrase
from desktop.services import casefile
from desktop.services.settings import Settings, save_settings
from desktop.ui.shell.app import install_excepthook
from desktop.ui.shell.console_notice import console_needed_text
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.errors import LOG_MAX_BYTES, crash_report, log, log_into
from desktop.ui.widgets.gui_gc import GuiThreadGc
from desktop.ui.widgets.i18n import current_language

PASSPHRASE = "correct horse battery staple"
SECRET = "Fatima Example secret"
UNEXPECTED = (
    "An unexpected error occurred. If something no longer works as usual, "
    "please restart Welcome Desk."
)
WORK_FAILED = "The work could not be finished because of an unexpected error."

Box = tuple[QMessageBox.Icon, str, str]  # icon, text, the UI language when it showed


@contextmanager
def no_console() -> Iterator[None]:
    """As in the windowed exe (set in the test itself: pytest's capture resets sys.stdout
    between a fixture's set-up and the test)."""
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = None  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextmanager
def answering_message_boxes() -> Iterator[list[Box]]:
    """Every message box that shows is noted and closed with its OK button."""
    boxes: list[Box] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            boxes.append((box.icon(), box.text(), current_language()))
            box.button(QMessageBox.StandardButton.Ok).click()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    try:
        yield boxes
    finally:
        timer.stop()


@pytest.fixture
def start_restored(qapp: QApplication) -> Iterator[None]:
    """The start changes the whole process (hooks, log file, app name, a cycle collector):
    put it back for the tests after this one."""
    hooks = sys.excepthook, threading.excepthook
    names = qapp.applicationName(), qapp.applicationDisplayName()
    collectors = set(qapp.findChildren(GuiThreadGc))
    yield
    QCoreApplication.removePostedEvents(qapp, QEvent.Type.Quit)  # the last window's, if any
    sys.excepthook, threading.excepthook = hooks
    log_into(None)
    qapp.setApplicationName(names[0])
    qapp.setApplicationDisplayName(names[1])
    for collector in set(qapp.findChildren(GuiThreadGc)) - collectors:
        collector.stop()
        collector.deleteLater()


def log_text(root: Path) -> str:
    return (root / "logs" / "errors.log").read_text(encoding="utf-8")


def raise_in_a_slot() -> None:
    raise ValueError(SECRET)


def raise_on_the_worker(_store: object) -> None:
    raise ValueError(SECRET + " on the worker")


def test_unexpected_errors_in_the_windowed_exe_are_shown_and_logged_without_their_message(
    qtbot: QtBot, case_root: Path, start_restored: None
) -> None:
    created = casefile.init(case_root, PASSPHRASE, remember_in_keyring=True)  # no prompt
    save_settings(created.store, Settings(language="en"))
    created.store.close()
    failures: list[BaseException] = []

    def shown_window() -> MainWindow | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        return shown[0] if shown and shown[0].isVisible() else None

    def use_the_window() -> None:  # runs inside the app's event loop
        try:
            qtbot.waitUntil(lambda: shown_window() is not None, timeout=10_000)
            window = shown_window()
            assert window is not None
            QTimer.singleShot(0, raise_in_a_slot)
            qtbot.waitUntil(lambda: len(boxes) == 1, timeout=10_000)
            window.db.run(raise_on_the_worker)  # no failure handler of its own
            qtbot.waitUntil(lambda: len(boxes) == 2, timeout=10_000)
            window.close()  # the last window: the app ends as it does for the user
        except BaseException as error:  # the app's hook would swallow it
            failures.append(error)
            QApplication.exit(1)

    with answering_message_boxes() as boxes, no_console():
        QTimer.singleShot(0, use_the_window)
        code = main(["--data-dir", str(case_root)])

    assert not failures, failures
    assert code == 0
    assert [(icon, text) for icon, text, _lang in boxes] == [
        (QMessageBox.Icon.Critical, UNEXPECTED),
        (QMessageBox.Icon.Warning, WORK_FAILED),
    ]
    logged = log_text(case_root)
    assert logged.count("unexpected builtins.ValueError") == 2
    assert "in raise_in_a_slot" in logged and "in raise_on_the_worker" in logged
    assert "Fatima" not in logged and "secret" not in logged


def test_a_start_that_fails_shows_the_dialog_even_where_nothing_can_be_logged(
    qtbot: QtBot, tmp_path: Path, start_restored: None
) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    with answering_message_boxes() as boxes, no_console():
        code = main(["--demo", "--data-dir", str(not_a_folder)])
    assert code == 1
    unexpected = QCoreApplication.translate("app", UNEXPECTED)  # German: no settings read yet
    assert [(icon, text) for icon, text, _lang in boxes] == [
        (QMessageBox.Icon.Critical, unexpected)
    ]


def test_a_start_refused_for_a_reason_the_user_can_act_on_says_that_reason(
    qtbot: QtBot, tmp_path: Path, start_restored: None
) -> None:
    demo = tmp_path / "WelcomeDesk-Demo"
    casefile.init(demo, PASSPHRASE).store.close()  # not the demo's passphrase
    with answering_message_boxes() as boxes, no_console():
        code = main(["--demo", "--data-dir", str(tmp_path)])
    assert code == 1
    assert [(icon, text, lang) for icon, text, lang in boxes] == [
        (QMessageBox.Icon.Critical, WrongPassphrase().text("de"), "de")  # before any setting
    ]
    assert not (demo / "logs").exists()  # nothing unexpected: nothing to log


def test_an_error_in_another_thread_is_logged_without_its_message(
    tmp_path: Path, start_restored: None
) -> None:
    install_excepthook()
    log_into(tmp_path)

    def fail() -> None:
        raise ValueError(SECRET)

    with no_console():
        thread = threading.Thread(target=fail)
        thread.start()
        thread.join()
    logged = log_text(tmp_path)
    assert "unexpected builtins.ValueError" in logged and "in fail" in logged
    assert "Fatima" not in logged


def report() -> str:
    try:
        raise ValueError(SECRET)
    except ValueError as error:
        return crash_report(type(error), error.__traceback__)


def test_with_a_console_the_report_goes_to_stderr_and_to_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], start_restored: None
) -> None:
    log_into(tmp_path)
    log(report())
    assert capsys.readouterr().err == report()
    assert report() in log_text(tmp_path) and "Fatima" not in log_text(tmp_path)


def test_a_log_file_that_cannot_be_written_is_passed_over_in_silence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], start_restored: None
) -> None:
    (tmp_path / "logs" / "errors.log").mkdir(parents=True)  # a folder: it cannot be opened
    log_into(tmp_path)
    log(report())
    assert capsys.readouterr().err == report()  # no "--- Logging error ---" after it


def test_the_log_file_is_kept_small(tmp_path: Path, start_restored: None) -> None:
    log_into(tmp_path)
    text = report()
    for _ in range(4 * LOG_MAX_BYTES // len(text)):  # more than three files would hold
        log(text)
    logs = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert logs == ["errors.log", "errors.log.1", "errors.log.2"]
    assert sum(p.stat().st_size for p in (tmp_path / "logs").iterdir()) <= 3 * LOG_MAX_BYTES


@pytest.mark.parametrize(
    "args",
    [["init"], ["client", "list"], ["--help"], ["init", "--help"], ["--self-test"]],
    ids=lambda args: " ".join(args),
)
def test_the_windowed_exe_runs_no_command_and_points_to_the_debug_exe(
    args: list[str], tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WELCOME_DESK_LANG", "en")
    monkeypatch.setenv("WELCOME_DESK_PASSPHRASE", PASSPHRASE)  # init would not have to ask
    data = tmp_path / "data"
    with answering_message_boxes() as boxes, no_console():
        code = main(["--data-dir", str(data), *args])
    assert code == 2
    assert boxes == [(QMessageBox.Icon.Information, console_needed_text(), "en")]
    assert "WelcomeDesk-debug.exe" in boxes[0][1]
    assert not data.exists()  # no case file, no recovery key printed into nowhere


def test_the_pointer_to_the_debug_exe_speaks_the_users_language(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WELCOME_DESK_LANG", "de")
    with answering_message_boxes() as boxes, no_console():
        assert main(["--data-dir", str(tmp_path / "data"), "init"]) == 2
    assert [lang for _icon, _text, lang in boxes] == ["de"]


def test_with_a_console_commands_still_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WELCOME_DESK_LANG", "en")
    assert main(["--data-dir", str(tmp_path / "data"), "client", "list"]) != 0
    assert "case file" in capsys.readouterr().err.lower()
