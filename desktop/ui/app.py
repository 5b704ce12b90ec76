"""Start the desktop app: find the case file, set it up or unlock it, open the main window."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from desktop.domain.errors import CannotUnlock
from desktop.services import casefile
from desktop.services.casefile import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.setup_dialog import SetupDialog
from desktop.ui.unlock_dialog import UnlockDialog

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
    window = MainWindow(store, root)
    if options.demo:
        window.set_note(
            QCoreApplication.translate("app", "Demo-Fallakte – Passphrase: {0}").replace(
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
    """The demo case file (created with synthetic clients on first use), unlocked."""
    from desktop.services.demo import fill_demo  # only the demo needs the generator

    if casefile.exists(root):
        return casefile.unlock(root, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    store = casefile.init(root, DEMO_PASSPHRASE).store
    progress = QProgressDialog(
        QCoreApplication.translate("app", "Demo-Fallakte wird angelegt …"), "", 0, DEMO_CLIENTS
    )
    progress.setCancelButton(None)  # a few seconds at most; stopping halfway helps no one
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.setValue(0)

    def step(done: int, _total: int) -> None:
        progress.setValue(done)
        QCoreApplication.processEvents()

    try:
        fill_demo(store, DEMO_CLIENTS, seed=1, today=date.today(), progress=step, chunk=25)
    finally:
        progress.close()
        progress.deleteLater()
    return store


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
                    "Ein unerwarteter Fehler ist aufgetreten; bitte starten Sie Welcome Desk "
                    "neu, falls etwas nicht mehr wie gewohnt funktioniert.",
                ),
            )

    sys.excepthook = hook


def crash_report(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The error's type and the code locations it passed; never its message, which may hold
    case data (a name in an SQL parameter, a value in a validation message)."""
    lines = [f"Welcome Desk: unexpected {kind.__module__}.{kind.__qualname__}\n"]
    lines += [f"  {f.filename}:{f.lineno} in {f.name}\n" for f in traceback.extract_tb(tb)]
    return "".join(lines)
