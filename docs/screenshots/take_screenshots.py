"""Open Welcome Desk on demo data offscreen, on a 1366x768 laptop screen, and save PNGs here.

    uv run python docs/screenshots/take_screenshots.py            # German (the default UI)
    uv run python docs/screenshots/take_screenshots.py --lang en  # English (files end in -en)

The screen is the part of 1366x768 that Windows leaves beside its taskbar (1366x720); each
window takes the size it takes there for a new user (the main window: 1350x680 inside its
frame). The README shows these pictures; look at them after every change to the window.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREEN = HERE / "laptop-screen.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="wd-shots-")  # no remembered sizes
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.domain.model import Client  # noqa: E402
from desktop.services import casefile, casework, sync, workspace  # noqa: E402
from desktop.services.clients import ClientQuery, list_clients  # noqa: E402
from desktop.services.demo import fill_demo  # noqa: E402
from desktop.ui.shell.main_window import MainWindow  # noqa: E402
from desktop.ui.unlock.unlock_dialog import UnlockDialog  # noqa: E402
from desktop.ui.widgets.db_worker import DbWorker  # noqa: E402
from desktop.ui.widgets.i18n import set_language  # noqa: E402

PASSPHRASE = "screenshot passphrase"


def settle(app: QApplication, db: DbWorker | None = None) -> None:
    """Let the worker answer and the window draw what it answered."""
    for _ in range(400):
        app.processEvents()
        if db is None or db.is_idle():
            break
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def save(widget: QWidget, name: str, app: QApplication, db: DbWorker | None = None) -> None:
    settle(app, db)
    target = HERE / name
    widget.grab().save(str(target))
    print(target.relative_to(HERE.parents[1]), f"{widget.width()}x{widget.height()}")


def richest_client(store: casefile.Store) -> Client:
    """An open case with a plan, documents and appointments: the best face for the workspace."""
    best, score = None, -1
    for client in list_clients(store, ClientQuery(state="open", limit=300)).clients:
        view = workspace.load_case(store, client.id)
        points = len(view.measures) + len(view.documents) + 2 * len(view.appointments)
        points += 3 * len(view.household_members) + (5 if view.client.residence_status else 0)
        if points > score:
            best, score = client, points
    assert best is not None
    return best


def with_a_colleague(store: casefile.Store, root: Path, client: Client) -> casefile.Store:
    """A colleague who trusts this case file, and one concurrent edit to show as a conflict."""
    other = casefile.init(root, PASSPHRASE).store
    sync.add_colleague(store, "Sarah Becker", sync.my_identity(other).text)
    sync.add_colleague(other, "Büro Nord", sync.my_identity(store).text)
    sync.import_file(other, sync.export_for(store, "Sarah Becker", root / "a.wdb", full=True).path)
    casework.save(other, dataclasses.replace(client, phone="+49 561 7001 23"))
    casework.save(store, dataclasses.replace(client, phone="+49 151 2233 44"))
    sync.import_file(store, sync.export_for(other, "Büro Nord", root / "b.wdb").path)
    return other


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("de", "en"), default="de")
    args = parser.parse_args()
    app = QApplication([])
    set_language(args.lang)
    suffix = "" if args.lang == "de" else "-en"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        store = casefile.init(root, PASSPHRASE).store
        fill_demo(store, 300, 1, date.today())
        client = richest_client(store)
        colleague = with_a_colleague(store, Path(tmp) / "colleague", client)
        colleague.close()
        db = DbWorker()
        db.attach(store)

        unlock = UnlockDialog(root, db)
        unlock.show()
        save(unlock, f"unlock{suffix}.png", app)
        unlock.close()

        window = MainWindow(db, root)
        window.show()
        settle(app, db)
        window.open_client(client.id)
        names = ["overview", "plan", "documents", "appointments", "notes", "network"]
        for index, name in enumerate(names):
            settle(app, db)
            window.workspace.tab_widget.setCurrentIndex(index)
            save(window, f"case-{index + 1}-{name}{suffix}.png", app, db)
        window.show_agenda()
        save(window, f"agenda{suffix}.png", app, db)
        window.show_cases()
        keys = window.open_keyboard_map()
        save(keys, f"keyboard-map{suffix}.png", app)
        keys.close()
        preview = window.print_plan()
        if preview is not None:
            save(preview, f"print-preview{suffix}.png", app, db)
            preview.close()
        settings = window.open_settings()
        if settings is not None:
            save(settings, f"settings{suffix}.png", app, db)
            settings.close()
        sync_window = window.open_sync()
        if sync_window is not None:
            for index, name in enumerate(["colleagues", "exchange", "conflicts"]):
                sync_window.tabs.setCurrentIndex(index)
                save(sync_window, f"sync-{index + 1}-{name}{suffix}.png", app, db)
            sync_window.close()
        window.close()
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
