"""Start the desktop app: find the case file, set it up or unlock it, open the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.domain.errors import CannotUnlock
from desktop.services import casefile
from desktop.services.casefile import Store
from desktop.services.settings import load_settings
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.unlock.setup_dialog import SetupDialog
from desktop.ui.unlock.unlock_dialog import UnlockDialog
from desktop.ui.widgets.i18n import DEFAULT_LANGUAGE, set_language
from desktop.ui.widgets.worker import Cancelled, Progress, crash_report, run_with_progress

__all__ = ["crash_report", "install_excepthook", "open_case_file", "open_demo", "run_app"]

APP_NAME = "Welcome Desk"
DEMO_DIR_NAME = "WelcomeDesk-Demo"
DEMO_PASSPHRASE = "demo-passphrase"
DEMO_CLIENTS = 300

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def run_app(args: list[str]) -> int:
    """`welcome-desk [--data-dir DIR] [--demo]` without a command word: the desktop window."""
    options, qt_args = _parse(args)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    install_excepthook()
    set_language(DEFAULT_LANGUAGE)  # until the case file's own setting can be read
    data_dir = Path(options.data_dir) if options.data_dir else None
    store: Store | None
    if options.demo:
        root = (data_dir or casefile.default_data_dir().parent) / DEMO_DIR_NAME
        store = open_demo(root)
    else:
        root = data_dir or casefile.default_data_dir()
        store = open_case_file(root)
    if store is None:
        return 0
    set_language(load_settings(store).language)
    window = MainWindow(store, root)
    if options.demo:
        window.set_note(
            QCoreApplication.translate("app", "Demo case file – passphrase: {0}").replace(
                "{0}", DEMO_PASSPHRASE
            )
        )
    window.resize(1280, 800)
    window.show()
    try:
        return app.exec()
    finally:
        window.close()  # closes the store, should the event loop have ended some other way


def _parse(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="welcome-desk", add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--demo", action="store_true")
    return parser.parse_known_args(args)


def open_case_file(root: Path) -> Store | None:
    """Set up a new case file or unlock the existing one; None if the user cancels."""
    if not casefile.exists(root):
        setup = SetupDialog(root)
        if setup.exec() != QDialog.DialogCode.Accepted:
            return None
        return setup.store
    if casefile.keyring_configured(root):
        try:
            return casefile.unlock(root, use_keyring=True)
        except CannotUnlock:
            pass  # the credential store did not help: ask for the passphrase
    unlock = UnlockDialog(root)
    if unlock.exec() != QDialog.DialogCode.Accepted:
        return None
    return unlock.store


def open_demo(root: Path) -> Store:
    """The demo case file (created with synthetic clients on first use), unlocked.

    Filling runs in a worker thread behind a progress dialog; cancelled, the demo keeps the
    clients written so far.
    """
    if casefile.exists(root):
        return casefile.unlock(root, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    store = casefile.init(root, DEMO_PASSPHRASE).store
    run_with_progress(
        None,
        QCoreApplication.translate("app", "Creating the demo case file…"),
        lambda progress, cancelled: fill_demo_job(store, DEMO_CLIENTS, progress, cancelled),
    )
    return store


class _DemoStopped(Exception):
    """Raised from the progress callback when the user cancels: fill_demo stops there."""


def fill_demo_job(store: Store, clients: int, progress: Progress, cancelled: Cancelled) -> int:
    """Fill the demo in chunks; after a cancel it stops behind the chunk just written."""
    from desktop.services.demo import fill_demo  # only the demo needs the generator

    done = 0

    def step(count: int, total: int) -> None:
        nonlocal done
        done = count
        progress(count, total)
        if cancelled():
            raise _DemoStopped

    try:
        return fill_demo(store, clients, seed=1, today=date.today(), progress=step, chunk=25)
    except _DemoStopped:
        return done


def install_excepthook() -> None:
    """Show unexpected errors in a dialog; the log names only where it happened, no data."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        sys.stderr.write(crash_report(kind, tb))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                APP_NAME,
                QCoreApplication.translate(
                    "app",
                    "An unexpected error occurred. If something no longer works as usual, "
                    "please restart Welcome Desk.",
                ),
            )

    sys.excepthook = hook
