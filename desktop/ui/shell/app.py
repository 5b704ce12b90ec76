"""Start the desktop app: find the case file, set it up or unlock it, open the main window.

Only what the first dialog needs is imported before it shows. The main window and everything
behind it load in a thread of their own while the coordinator types the passphrase, so both the
prompt and the window after it come quickly; printing (reportlab, pdfium) loads with the first
print.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.domain.errors import CannotUnlock, CaseFileInUse, DamagedCaseFile, WelcomeDeskError
from desktop.services import casefile
from desktop.ui.shell.session_lock import lock_when_away
from desktop.ui.unlock.unlock_dialog import UnlockDialog
from desktop.ui.widgets.db_worker import Cancelled, DbWorker, Progress
from desktop.ui.widgets.errors import crash_report, log, log_into, show_error
from desktop.ui.widgets.gui_gc import GuiThreadGc
from desktop.ui.widgets.i18n import DEFAULT_LANGUAGE, current_language, set_language
from desktop.ui.widgets.progress import run_with_progress

if TYPE_CHECKING:
    from desktop.services.casefile import Store
    from desktop.services.settings import Settings

__all__ = ["crash_report", "install_excepthook", "open_case_file", "open_demo", "run_app"]

APP_NAME = "Welcome Desk"
DEMO_DIR_NAME = "WelcomeDesk-Demo"
DEMO_PASSPHRASE = "demo-passphrase"
DEMO_CLIENTS = 300

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def run_app(args: list[str]) -> int:
    """`welcome-desk [--data-dir DIR] [--demo]` without a command word: the desktop window."""
    options, qt_args = _parse(args)
    data_dir = Path(options.data_dir) if options.data_dir else None
    if options.demo:
        root = (data_dir or casefile.default_data_dir().parent) / DEMO_DIR_NAME
    else:
        root = data_dir or casefile.default_data_dir()
    log_into(root)  # the windowed exe has no stderr: crash reports go to <root>/logs
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    install_excepthook()
    GuiThreadGc(app)  # the database worker must never be the thread that frees a widget
    set_language(DEFAULT_LANGUAGE)  # until the case file's own setting can be read
    load_the_window_meanwhile()
    db = DbWorker()
    opened = open_demo(root, db) if options.demo else open_case_file(root, db)
    if not opened:
        db.shutdown()
        return 0
    from desktop.ui.shell.main_window import MainWindow  # the rest of the app loads now

    window = MainWindow(db, root)
    if options.demo:
        window.set_note(  # a function: the note follows a switch of the language
            lambda: QCoreApplication.translate("app", "Demo case file – passphrase: {0}").replace(
                "{0}", DEMO_PASSPHRASE
            )
        )
    away = lock_when_away(window)  # session locked, sleep, screen saver: lock the case file

    def show(settings: Settings | None) -> None:
        if settings is not None:
            set_language(settings.language)  # before it shows: no flicker of another language
        window.show()

    window.settings_read.connect(show, Qt.ConnectionType.SingleShotConnection)
    try:
        return app.exec()
    finally:
        away.stop()
        window.close()  # closes the case file, should the event loop have ended some other way


def load_the_window_meanwhile() -> threading.Thread:
    """Import the main window's modules in the background (about 0.3 s): the unlock prompt
    does not wait for them, and by the time the passphrase is typed they are there. Only
    modules are imported there; every widget is still made on the GUI thread."""

    def load() -> None:
        import desktop.ui.shell.main_window  # noqa: F401

    thread = threading.Thread(target=load, name="load-window", daemon=True)
    thread.start()
    return thread


def _parse(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="welcome-desk", add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--demo", action="store_true")
    return parser.parse_known_args(args)


def open_case_file(root: Path, db: DbWorker) -> bool:
    """Set up a new case file or unlock the existing one into `db`; False if the user cancels
    or another Welcome Desk window has the case file open (it is said before any passphrase)."""
    if _in_use_elsewhere(root):
        return False
    if not casefile.exists(root):
        from desktop.ui.unlock.setup_dialog import SetupDialog  # once, on the first start

        return SetupDialog(root, db).exec() == QDialog.DialogCode.Accepted
    failure: CannotUnlock | None = None
    if casefile.keyring_configured(root):
        try:
            db.attach(casefile.unlock(root, use_keyring=True))  # the raw key: no Argon2id
            return True
        except DamagedCaseFile as damaged:
            failure = damaged  # said at once, with the way to restore a backup
        except CannotUnlock:
            pass  # the credential store did not help: ask for the passphrase
    dialog = UnlockDialog(root, db, failure=failure)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _in_use_elsewhere(root: Path) -> bool:
    """True, and said, if another Welcome Desk window or command has this case file open."""
    if not casefile.in_use(root):
        return False
    show_error(None, CaseFileInUse())
    return True


def open_demo(root: Path, db: DbWorker) -> bool:
    """The demo case file (created with synthetic clients on first use), open in `db`.

    Filling runs on the worker behind a progress dialog; cancelled, the demo keeps the clients
    written so far.
    """
    if _in_use_elsewhere(root):  # a second demo window: said at once, as for the case file
        return False
    if casefile.exists(root):
        db.attach(casefile.unlock(root, passphrase=DEMO_PASSPHRASE, use_keyring=False))
        return True
    db.attach(casefile.init(root, DEMO_PASSPHRASE, check_strength=False).store)
    run_with_progress(
        db,
        None,
        QCoreApplication.translate("app", "Creating the demo case file…"),
        lambda store, progress, cancelled: fill_demo_job(store, DEMO_CLIENTS, progress, cancelled),
    )
    return True


class _DemoStopped(Exception):
    """Raised from the progress callback when the user cancels: fill_demo stops there."""


def fill_demo_job(store: Store, clients: int, progress: Progress, cancelled: Cancelled) -> int:
    """Fill the demo in chunks of whole households; after a cancel it stops behind the chunk
    just written (no household is left without its clients)."""
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
    """Show unexpected errors in a dialog; the log names only where it happened, no data.

    A WelcomeDeskError that got this far shows its own sentence. Errors in other threads are
    logged the same way (a dialog belongs to the GUI thread).
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        if isinstance(error, WelcomeDeskError):
            text = error.text(current_language())
        else:
            log(crash_report(kind, tb))
            text = QCoreApplication.translate(
                "app",
                "An unexpected error occurred. If something no longer works as usual, "
                "please restart Welcome Desk.",
            )
        if QApplication.instance() is not None:
            QMessageBox.critical(None, APP_NAME, text)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, SystemExit):
            log(crash_report(args.exc_type, args.exc_traceback))

    sys.excepthook = hook
    threading.excepthook = thread_hook
