"""The Exchange tab: write a bundle for a colleague, import one (by file or dropped), the folder.

The colleagues and the folder are read on the database worker; writing, importing and checking
the folder run there behind a progress dialog (`run_with_progress`), and setting the folder is a
write of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import BundleRejected, WelcomeDeskError
from desktop.services.duplicates import likely_pairs
from desktop.services.sync import (
    SUFFIX,
    ExportSummary,
    ImportSummary,
    bundle_name_prefixes,
    export_for,
    held_back_text,
    import_file,
    set_sync_folder,
    stamped_bundle_name,
    sync_folder,
)
from desktop.services.sync_folder import Round, exchange_round
from desktop.ui.reports.duplicates_view import DuplicatesDialog
from desktop.ui.sync.folder_watcher import report, unreachable
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import Cancelled, DbWorker, Progress
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.progress import run_with_progress

if TYPE_CHECKING:
    from desktop.services.casefile import Store

T = TypeVar("T")
Outcome = ImportSummary | WelcomeDeskError
COMPARABLE = ("untrusted", "key_changed")  # refusals that a fingerprint comparison can settle
DROP_STYLE = "QFrame#dropZone { border: 2px dashed palette(mid); border-radius: 6px; }"


def _attempt(call: Callable[[], T]) -> T | WelcomeDeskError:
    """The result, or the refusal to show (unexpected errors go to the worker's handler)."""
    try:
        return call()
    except WelcomeDeskError as error:
        return error


def bundle_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The bundle files (*.wdb) among what is dragged."""
    mime = event.mimeData()
    urls = mime.urls() if mime.hasUrls() else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() == SUFFIX]


class ExchangePage(Retranslating, QWidget):
    """Signals: `merged` after an import changed the case file, `synced` after any bundle went
    out or came in, `compare_requested(BundleRejected)`, `folder_changed(Path | None)`.

    `prepare()` is asked before an import (the window saves typed text); False stops it.
    The last result stays in `result`; the last message box in `message`.
    """

    merged = Signal()
    synced = Signal()
    compare_requested = Signal(object)
    folder_changed = Signal(object)

    def __init__(
        self,
        db: DbWorker,
        parent: QWidget | None = None,
        prepare: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._prepare = prepare
        self._prefixes: dict[str, str] = {}  # colleague: the start of their bundle file names
        self._folder: Path | None = None  # the watched folder as last read
        self.message: QMessageBox | None = None
        self.compare_button: QPushButton | None = None
        self.review_button: QPushButton | None = None
        self.setAcceptDrops(True)

        self.send_box = QGroupBox()
        self.colleague = QComboBox()
        self.colleague_caption = QLabel()
        self.colleague_caption.setBuddy(self.colleague)
        self.full = QCheckBox()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_bundle)
        send_row = QHBoxLayout()
        send_row.addWidget(self.colleague_caption)
        send_row.addWidget(self.colleague, 1)
        send_row.addWidget(self.export_button)
        send = QVBoxLayout(self.send_box)
        send.addLayout(send_row)
        send.addWidget(self.full)

        self.receive_box = QGroupBox()
        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setStyleSheet(DROP_STYLE)
        self.drop_zone.setMinimumHeight(90)
        self.drop_text = QLabel()
        self.drop_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_text.setWordWrap(True)
        QVBoxLayout(self.drop_zone).addWidget(self.drop_text)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_bundle)
        receive = QVBoxLayout(self.receive_box)
        receive.addWidget(self.drop_zone)
        receive.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.folder_box = QGroupBox()
        self.watch = QCheckBox()
        self.watch.clicked.connect(self._watch_clicked)
        self.folder_path = QLineEdit()
        self.folder_path.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_folder)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check_now)
        self.folder_hint = QLabel()
        self.folder_hint.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_path, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.check_button)
        folder = QVBoxLayout(self.folder_box)
        folder.addWidget(self.watch)
        folder.addLayout(folder_row)
        folder.addWidget(self.folder_hint)

        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(self.send_box)
        layout.addWidget(self.receive_box, 1)
        layout.addWidget(self.folder_box)
        layout.addWidget(self.result)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.send_box.setTitle(self.tr("Send my changes"))
        self.colleague_caption.setText(self.tr("&To:"))
        self.full.setText(self.tr("&Full export (for a new colleague or after a long absence)"))
        self.export_button.setText(self.tr("&Export for colleague…"))
        self.receive_box.setTitle(self.tr("Receive a colleague's changes"))
        self.drop_text.setText(self.tr("Drop bundle files (.wdb) here"))
        self.import_button.setText(self.tr("&Import bundle…"))
        self.folder_box.setTitle(self.tr("Watched folder"))
        self.watch.setText(self.tr("&Watch a sync folder (a shared folder or a USB stick)"))
        self.folder_path.setPlaceholderText(self.tr("No folder chosen"))
        self.choose_button.setText(self.tr("C&hoose folder…"))
        self.check_button.setText(self.tr("Check &now"))
        self.folder_hint.setText(
            self.tr(
                "Every minute, bundles for this computer in the folder are imported, and fresh "
                "bundles for every colleague are left there."
            )
        )

    # -- what others call -----------------------------------------------------------------------

    def reload(self) -> None:
        """The colleagues to send to and the folder, as the case file has them now."""
        self._db.run(
            lambda store: (bundle_name_prefixes(store), sync_folder(store)), self._show_state
        )

    def export_bundle(self) -> ExportSummary | None:
        """Ask where to save, then write a bundle for the chosen colleague."""
        name = self.colleague.currentText()
        if not name:
            return None
        chosen, _filter = file_dialogs.save_file(
            self,
            self.tr("Save bundle for {0}").replace("{0}", name),
            stamped_bundle_name(self._prefixes[name]),
            self._filter(),
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        full = self.full.isChecked()
        outcome = run_with_progress(
            self._db,
            self,
            self.tr("Writing the bundle for {0}…").replace("{0}", name),
            lambda store, _progress, _cancelled: _attempt(
                lambda: export_for(store, name, target, full=full)
            ),
        )
        if isinstance(outcome, WelcomeDeskError):
            self._warn(outcome.text(current_language()))
            return None
        if outcome is not None:
            self.synced.emit()
            text = (
                self.tr("The bundle for {0} holds 1 change and was saved as {1}.")
                if outcome.changes == 1
                else self.tr("The bundle for {0} holds {2} changes and was saved as {1}.")
            )
            text = (
                text.replace("{0}", name)
                .replace("{1}", str(outcome.path))
                .replace("{2}", str(outcome.changes))
            )
            if outcome.held_back:
                text += " " + held_back_text(outcome.held_back, current_language())
            self._inform(text)
        return outcome

    def import_bundle(self) -> list[Outcome] | None:
        """Ask for bundle files, then import them one after the other."""
        chosen = file_dialogs.open_files(self, self.tr("Import bundle"), self._filter())
        return self.import_files([Path(p) for p in chosen]) if chosen else None

    def import_files(self, paths: list[Path]) -> list[Outcome] | None:
        """Import bundles behind a progress dialog; say what came of each in one message."""
        if not paths or not self._prepare():
            return None

        def job(
            store: Store, progress: Progress, cancelled: Cancelled
        ) -> tuple[list[Outcome], int]:
            done: list[Outcome] = []
            for path in paths:
                if cancelled():
                    break
                progress(len(done), len(paths))
                done.append(_attempt(partial(import_file, store, path)))
            new = _new_clients(done)
            return done, len(likely_pairs(store, client_ids=new)) if new else 0

        result = run_with_progress(self._db, self, self.tr("Importing bundles…"), job)
        if result is None:
            return None
        outcomes, likely = result
        self._after_import(outcomes, likely)
        return outcomes

    def choose_folder(self) -> Path | None:
        """Ask for the folder to watch; cancelled, nothing changes."""
        chosen = file_dialogs.folder(self, self.tr("Choose the sync folder"), self._folder)
        if chosen:
            self._set_folder(Path(chosen))
        else:
            self.reload()
        return Path(chosen) if chosen else None

    def check_now(self) -> Round | None:
        """Import from and export to the watched folder at once."""
        folder = self._folder
        if folder is None or not self._prepare():
            return None

        def job(store: Store, progress: Progress, cancelled: Cancelled) -> Round | str:
            try:
                return exchange_round(store, folder, progress=progress, cancelled=cancelled)
            except OSError:
                return unreachable(folder)

        outcome = run_with_progress(self._db, self, self.tr("Checking the sync folder…"), job)
        if isinstance(outcome, str):
            self._warn(outcome)
            return None
        if outcome is not None:
            if outcome.imports:
                self.merged.emit()
            self.synced.emit()
            written = len(outcome.exported)
            self._inform(
                (report(outcome) or self.tr("Nothing new in the sync folder."))
                + " "
                + (
                    self.tr("1 bundle for colleagues written.")
                    if written == 1
                    else self.tr("{0} bundles for colleagues written.").replace("{0}", str(written))
                )
            )
        return outcome

    # -- events ---------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if bundle_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = bundle_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Not inside the drop: the source's drag loop would wait for the whole import.
        QTimer.singleShot(0, lambda: self.import_files(paths))

    # -- internals ------------------------------------------------------------------------------

    def _filter(self) -> str:
        return self.tr("Welcome Desk bundles (*.wdb)")

    def _show_state(self, state: tuple[dict[str, str], Path | None]) -> None:
        self._prefixes, folder = state
        chosen = self.colleague.currentText()
        self.colleague.clear()
        self.colleague.addItems(list(self._prefixes))
        self.colleague.setCurrentIndex(max(self.colleague.findText(chosen), 0))
        self.export_button.setEnabled(self.colleague.count() > 0)
        self._folder = folder
        self.watch.setChecked(folder is not None)
        self.folder_path.setText(str(folder) if folder else "")
        self.check_button.setEnabled(folder is not None)

    def _after_import(self, outcomes: list[Outcome], likely_duplicates: int) -> None:
        lang = current_language()
        summaries = [o for o in outcomes if isinstance(o, ImportSummary)]
        if any(not s.already_imported for s in summaries):
            self.merged.emit()
        self.synced.emit()
        text = "\n".join(o.text(lang) for o in outcomes)
        refused = [o for o in outcomes if not isinstance(o, ImportSummary)]
        if not refused:
            self._inform(text)
            self._offer_duplicate_review(_new_clients(outcomes), likely_duplicates)
            return
        comparable = next(
            (r for r in refused if isinstance(r, BundleRejected) and r.reason in COMPARABLE),
            None,
        )
        self._warn(text, comparable)

    def _set_folder(self, folder: Path | None) -> None:
        self._db.run(
            lambda store: set_sync_folder(store, folder),
            lambda _none: self._folder_set(folder),
            self._folder_not_set,
        )

    def _folder_set(self, folder: Path | None) -> None:
        self.reload()
        self.folder_changed.emit(folder)

    def _folder_not_set(self, error: BaseException) -> None:
        self.reload()  # the check box shows the folder the case file still has
        self._db.report(error)

    def _watch_clicked(self, checked: bool) -> None:
        if checked:
            self.choose_folder()
        else:
            self._set_folder(None)

    def _offer_duplicate_review(self, new_clients: list[str], count: int) -> None:
        """Clients new from a colleague may be people this office already registered."""
        if count == 0 or self.message is None:
            return
        button = self.message.addButton(
            self.tr("Review likely &duplicates (%n)…", "", count),
            QMessageBox.ButtonRole.ActionRole,
        )
        button.clicked.connect(lambda: self.review_duplicates(new_clients))
        self.review_button = button

    def review_duplicates(self, client_ids: list[str]) -> DuplicatesDialog | None:
        """The review list for pairs with these clients, over this tab; a merge counts as
        `merged` (the window shows the case file anew). None while the case file is locked."""
        if not self._db.is_open:
            return None
        dialog = DuplicatesDialog(self._db, self, client_ids=client_ids, prepare=self._prepare)
        dialog.merged.connect(self.merged)
        dialog.finished.connect(dialog.deleteLater)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        dialog.refresh()
        return dialog

    def _inform(self, text: str) -> None:
        self.result.setText(text)
        self._show(QMessageBox.Icon.Information, text, None)

    def _warn(self, text: str, comparable: BundleRejected | None = None) -> None:
        self.result.setText(text)
        self._show(QMessageBox.Icon.Warning, text, comparable)

    def _show(self, icon: QMessageBox.Icon, text: str, comparable: BundleRejected | None) -> None:
        if self.message is not None:
            self.message.close()
            self.message.deleteLater()
        box = QMessageBox(icon, self.tr("Sync"), text, QMessageBox.StandardButton.Close, self)
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("Close"))
        self.compare_button = None
        self.review_button = None
        if comparable is not None:
            button = box.addButton(
                self.tr("&Compare fingerprints…"), QMessageBox.ButtonRole.ActionRole
            )
            button.clicked.connect(lambda: self.compare_requested.emit(comparable))
            box.setDefaultButton(button)
            self.compare_button = button
        self.message = box
        box.open()


def _new_clients(outcomes: list[Outcome]) -> list[str]:
    """The clients the merged bundles brought that this case file had not held."""
    return [c for o in outcomes if isinstance(o, ImportSummary) for c in o.new_clients]
