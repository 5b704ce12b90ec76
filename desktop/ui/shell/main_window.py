"""The main window: the case list beside the selected client's workspace, the agenda, the lock.

The window is the `Shell` its menus and dialogs see (shell/protocol.py). It never touches the
case file: the database worker (`db`) owns it while unlocked, and locking waits for the worker,
then closes the file and hides every piece of case data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import Client
from desktop.services.clients import ClientQuery, find_client
from desktop.services.compaction import CompactReport
from desktop.services.settings import Settings, load_settings
from desktop.ui.agenda.agenda_view import AgendaView
from desktop.ui.case_list.case_list import CaseList
from desktop.ui.case_list.new_client_dialog import NewClientDialog
from desktop.ui.client_import.import_dialog import ImportDialog, open_import
from desktop.ui.organisations.organisations_dialog import OrganisationsDialog
from desktop.ui.protection.backup_dialog import backup_on_close
from desktop.ui.protection.protection_menu import ProtectionMenu
from desktop.ui.reports.reports_menu import ReportsMenu
from desktop.ui.settings.settings_dialog import SettingsDialog
from desktop.ui.shell.background_compaction import BackgroundCompaction
from desktop.ui.shell.cases_page import CasesPage
from desktop.ui.shell.damage_notice import check_in_background
from desktop.ui.shell.idle_lock import DEFAULT_MINUTES, IdleLock
from desktop.ui.shell.lock_context import LockContext
from desktop.ui.shell.locked_page import LockedPage
from desktop.ui.shell.protocol import MESSAGE_MS
from desktop.ui.shell.status_bar import WindowStatusBar
from desktop.ui.shell.window_menus import WindowMenus
from desktop.ui.sync.folder_watcher import FolderWatcher
from desktop.ui.sync.sync_badge import SyncBadge
from desktop.ui.sync.sync_dialog import SyncDialog
from desktop.ui.unlock.unlock_dialog import UnlockDialog
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import show_error
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import LiveText, Retranslating, current_language
from desktop.ui.widgets.phrase_source import phrase_source
from desktop.ui.workspace.case_workspace import CaseWorkspace, TabType
from desktop.ui.workspace.plan.print_preview import PrintPreviewDialog, preview_plan

APP_NAME = "Welcome Desk"
SYNC_MESSAGE_MS = 60_000  # a watched-folder report stays until the next check


class MainWindow(Retranslating, WindowMenus):
    """Shows the case file of `db` (a worker with an open case file); `lock()` closes it.

    `idle_lock_ms` overrides the idle time from the settings (tests use a short one).
    `settings_read(Settings | None)` follows each unlock, once the settings are read (None if
    they could not be): the start-up shows the window in their language then.
    """

    settings_read = Signal(object)

    def __init__(
        self,
        db: DbWorker,
        root: Path,
        *,
        idle_lock_ms: int | None = None,
        tab_types: list[TabType] | None = None,
    ) -> None:
        super().__init__()
        fit_to_screen(self, "main", QSize(1280, 800))  # shrunk to the laptop's screen
        self._db = db
        db.setParent(self)
        db.errors = lambda error: show_error(self, error)
        self._root = Path(root)
        self._fixed_idle_ms = idle_lock_ms
        self._unlock_dialog: UnlockDialog | None = None
        self._before_lock: LockContext | None = None  # what was on screen, back after unlocking
        self._pages_checked = False  # the background check of every page ran this session
        self.case_list = CaseList()
        self.workspace = CaseWorkspace(db, tab_types=tab_types)
        self.cases = CasesPage(self.case_list, self.workspace)
        self.agenda = AgendaView(db)
        self.idle_lock = IdleLock(
            idle_lock_ms or DEFAULT_MINUTES * 60_000, self, busy=lambda: db.running_job
        )
        self.idle_lock.idle.connect(self.lock)
        self._sync_dialog: SyncDialog | None = None
        # The watched folder waits while text typed into a tab is not saved yet.
        self.folder_watcher = FolderWatcher(db, self, ready=lambda: not self.workspace.has_unsaved)
        self.folder_watcher.message.connect(self._show_sync_message)
        self.folder_watcher.imported.connect(self._after_sync)

        self._pages = QStackedWidget()
        self._locked_page = LockedPage()
        self.unlock_button = self._locked_page.unlock_button
        self.unlock_button.clicked.connect(self.request_unlock)
        for page in (self.cases, self.agenda, self._locked_page):
            self._pages.addWidget(page)
        self.setCentralWidget(self._pages)
        self._build_menus()
        self.reports_menu = ReportsMenu(self, self)
        self.menuBar().addMenu(self.reports_menu)
        self.protection_menu = ProtectionMenu(self, self)
        self.menuBar().addMenu(self.protection_menu)
        self._build_help_menu()
        self.status = WindowStatusBar()
        self.setStatusBar(self.status)
        self.count_label, self.saved_label = self.status.count_label, self.status.saved_label
        self.sync_badge = SyncBadge(db)  # conflicts and refused bundles, one click to them
        self.compaction = BackgroundCompaction(db, self._compacted)
        self.status.addPermanentWidget(self.sync_badge)
        self._connect()
        self.retranslate()
        self._case_file_opened()

    # -- building ----------------------------------------------------------------------------

    def _connect(self) -> None:
        self.case_list.count_changed.connect(self.status.show_count)
        self.workspace.saved.connect(self.status.show_saved)
        self.workspace.unsaved.connect(self.status.show_unsaved)
        self.workspace.open_client.connect(self._open_client_soon)
        self.workspace.case_shown.connect(self._update_print_action)
        self.agenda.open_case.connect(self.workspace.want_tab)  # a deadline opens on its tab
        self.agenda.open_client.connect(self._open_client_soon)
        self.folder_watcher.running.connect(
            lambda running: self.status.show_job(running, self.folder_watcher.cancel)
        )
        self.folder_watcher.progressed.connect(self.status.job_status.progress)
        self.folder_watcher.checked.connect(self.sync_badge.folder_checked)
        self.sync_badge.open_requested.connect(self.open_sync)

    def retranslate(self) -> None:
        self.setWindowTitle(APP_NAME)
        self._retranslate_menus()

    # -- the Shell (what menus and dialogs may ask of the window) ------------------------------

    @property
    def db(self) -> DbWorker:
        """The worker that owns the case file while it is unlocked."""
        return self._db

    @property
    def root(self) -> Path:
        return self._root

    def widget(self) -> QWidget:
        return self

    def current_client_id(self) -> str | None:
        return self.workspace.client_id

    def case_query(self) -> ClientQuery:
        return self.case_list.query()

    def save_pending(self) -> bool:
        return self.workspace.save_pending()

    def case_file_changed(self) -> None:
        """Bundles were merged or records merged: list, case, agenda and Sync window anew."""
        if not self._db.is_open:
            return
        self.case_list.refresh()
        phrase_source(self._db).reload()  # a bundle may bring colleagues' phrases
        self.workspace.reload()
        if self._pages.currentWidget() is self.agenda:
            self.agenda.refresh()
        if self._sync_dialog is not None:
            self._sync_dialog.reload()
        self.sync_badge.refresh()

    def open_client(self, client_id: str) -> None:
        """Show a client (from the agenda or a household member) in the list and workspace."""
        self._db.run(lambda store: find_client(store, client_id), self._reveal)

    def show_message(self, text: LiveText, ms: int = MESSAGE_MS) -> None:
        self.status.say(text, ms)

    def case_file_opened(self) -> None:
        """The worker opened a case file anew (a backup restored): show it as after unlocking."""
        if self._db.is_open:
            self._case_file_opened()

    # -- what others call --------------------------------------------------------------------

    def set_note(self, text: LiveText) -> None:
        """A lasting remark on the left of the status bar (e.g. that this is the demo file)."""
        self.status.set_note(text)

    def lock(self) -> None:
        """Save pending edits, close the case file and hide every piece of case data."""
        if not self._db.is_open:
            return
        self.idle_lock.stop()
        for dialog in reversed(self.findChildren(QDialog)):  # a dialog may show case data
            if dialog is not self._unlock_dialog:
                dialog.reject()
                dialog.setParent(None)  # out of the window at once, deleted with the next loop
                dialog.deleteLater()
        try:
            self.workspace.flush()  # the saves go to the worker before it closes the file
        except WelcomeDeskError:
            pass  # an invalid value cannot be saved; locking must happen all the same
        finally:
            self._before_lock = LockContext.of(self)
            self._forget_case_data()

    def request_unlock(self) -> UnlockDialog:
        """Open the unlock dialog (not blocking); on success the case file is shown again."""
        if self._unlock_dialog is not None:
            self._unlock_dialog.raise_()
            return self._unlock_dialog
        dialog = UnlockDialog(self._root, self._db, self)
        self._unlock_dialog = dialog
        dialog.finished.connect(self._unlock_finished)
        dialog.open()
        return dialog

    def new_client(self) -> NewClientDialog | None:
        """Ask for a new client (Ctrl+N); the new person is shown selected in the list."""
        if not self._db.is_open:
            return None
        dialog = NewClientDialog(self._db, self)
        dialog.accepted.connect(lambda: self._client_added(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_cases(self) -> None:
        if self._db.is_open:
            self._pages.setCurrentWidget(self.cases)

    def show_agenda(self) -> None:
        if self._db.is_open:
            if not self.workspace.save_pending():
                return
            self._pages.setCurrentWidget(self.agenda)
            self.agenda.refresh()

    def open_organisations(self) -> QDialog | None:
        if not self._db.is_open:
            return None
        dialog = OrganisationsDialog(self._db, self)
        dialog.finished.connect(self.workspace.reload)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_import(self) -> ImportDialog | None:
        return open_import(self) if self._db.is_open else None

    def open_settings(self) -> SettingsDialog | None:
        if not self._db.is_open:
            return None
        dialog = SettingsDialog(self._db, self._root, self)
        dialog.applied.connect(self._apply_settings)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_sync(self, tab: str | None = None) -> SyncDialog | None:
        """The Sync window, not modal (Ctrl+Shift+Y): colleagues, bundles, conflicts; on `tab`
        ("conflicts", "exchange") if given."""
        if not self._db.is_open:
            return None
        if self._sync_dialog is None:
            dialog = SyncDialog(self._db, self, prepare=self.workspace.save_pending)
            dialog.merged.connect(self._after_sync)
            dialog.folder_changed.connect(lambda _folder: self.folder_watcher.start())
            dialog.finished.connect(self._sync_closed)
            self._sync_dialog = dialog
        if tab is not None:
            self._sync_dialog.show_tab(tab)
        self._sync_dialog.show()
        self._sync_dialog.activateWindow()
        return self._sync_dialog

    def print_plan(self) -> PrintPreviewDialog | None:
        """Preview the shown client's integration plan, to print or save (Ctrl+P)."""
        view = self.workspace.view
        if not self._db.is_open or view is None:
            return None
        return preview_plan(self, self._db, view.client)

    # -- reacting ----------------------------------------------------------------------------

    def _case_file_opened(self) -> None:
        """The worker's case file is open (first start or unlocked again): show it."""
        self._pages.setCurrentWidget(self.cases)
        for action in self._case_actions:
            action.setEnabled(True)
        self.case_list.set_db(self._db)
        self._db.run(
            load_settings, self._settings_read, lambda _error: self.settings_read.emit(None)
        )
        self.idle_lock.start()
        self.folder_watcher.start()
        self.sync_badge.refresh()
        if not self._pages_checked:  # once a session: at 20,000 clients it takes the worker ~1 s
            self._pages_checked = True
            check_in_background(self)  # every page against its HMAC, after what is shown first
            self.compaction.start()  # then the acknowledged history, slice by slice
        self.case_list.search.setFocus()
        self._update_print_action()
        context, self._before_lock = self._before_lock, None
        if context is not None:
            context.show_again(self)

    def _forget_case_data(self) -> None:
        self.folder_watcher.stop()
        self.workspace.clear()
        self.case_list.clear()
        self.agenda.clear()
        self.status.forget()
        self.sync_badge.clear()
        self._pages.setCurrentWidget(self._locked_page)
        for action in self._case_actions:
            action.setEnabled(False)
        self._update_print_action()
        self._db.close()  # waits for the saves queued, then closes the file on the worker

    def _reveal(self, client: Client | None) -> None:
        if client is not None:
            self.show_cases()
            self.cases.reveal(client)

    def _open_client_soon(self, client_id: str) -> None:
        # After the slot that asked has returned: the asking tab is about to be refilled.
        QTimer.singleShot(0, lambda: self.open_client(client_id))

    def _compacted(self, report: CompactReport) -> None:
        """A colleague silent past the wait no longer holds compaction back: say so once."""
        if report.stopped_waiting_for:
            self.status.say(report.warning(current_language()), SYNC_MESSAGE_MS)

    def _sync_closed(self) -> None:
        dialog, self._sync_dialog = self._sync_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.sync_badge.refresh()  # conflicts may have been resolved there

    def _after_sync(self, *_args: object) -> None:
        self.case_file_changed()

    def _show_sync_message(self, text: LiveText) -> None:
        self.status.say(text, SYNC_MESSAGE_MS)

    def _settings_read(self, settings: Settings) -> None:
        self._apply_settings(settings)
        self.settings_read.emit(settings)

    def _apply_settings(self, settings: Settings) -> None:
        if self._fixed_idle_ms is None:
            self.idle_lock.set_minutes(settings.idle_lock_minutes)

    def _lock_and_ask(self) -> None:
        self.lock()
        self.request_unlock()

    def _unlock_finished(self, _result: int) -> None:
        dialog, self._unlock_dialog = self._unlock_dialog, None
        if dialog is None:
            return
        if self._db.is_open:
            self._case_file_opened()
        dialog.deleteLater()

    def _focus_search(self) -> None:
        self.show_cases()
        self.case_list.focus_search()

    def _update_print_action(self) -> None:
        self.print_plan_action.setEnabled(self._db.is_open and self.workspace.view is not None)

    def _client_added(self, dialog: NewClientDialog) -> None:
        if dialog.client is not None and self._db.is_open:
            self.show_cases()
            self.cases.reveal(dialog.client)
            self.case_list.table.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing saves pending edits and closes the case file: the key is forgotten."""
        if self._db.is_open:
            try:
                self.workspace.flush()
            except WelcomeDeskError as error:
                answer = QMessageBox.question(
                    self,
                    APP_NAME,
                    self.tr("A change could not be saved: {0} Close all the same?").replace(
                        "{0}", error.text(current_language())
                    ),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    event.ignore()
                    return
            if not backup_on_close(self):  # chosen in Backups; a failure asks whether to close
                event.ignore()
                return
            self.idle_lock.stop()
            self._forget_case_data()
        self._db.shutdown()
        super().closeEvent(event)
