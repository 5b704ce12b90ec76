"""The Data protection menu: backups, the audit trail, access requests and erasure when due.

The menu sees the window only as a `Shell`: its entries reach the case file through the
database worker (`shell.db`), never the window's widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.protection import backup_dialog
from desktop.ui.protection.access_request_dialog import export_access_request
from desktop.ui.protection.audit_view import open_audit_log, open_case_history
from desktop.ui.protection.erasure_view import open_due_for_erasure
from desktop.ui.shell.protocol import Shell
from desktop.ui.widgets.i18n import Retranslating


class ProtectionMenu(Retranslating, QMenu):
    """Entries need an unlocked case file; those about one case need a case shown."""

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self.back_up_action = self._entry(lambda: backup_dialog.back_up_now(shell), "Ctrl+Shift+B")
        self.backups_action = self._entry(lambda: backup_dialog.open_backups(shell))
        self.addSeparator()
        self.audit_action = self._entry(lambda: open_audit_log(shell))
        self.history_action = self._entry(lambda: open_case_history(shell))
        self.addSeparator()
        self.access_action = self._entry(lambda: export_access_request(shell))
        self.erasure_action = self._entry(lambda: open_due_for_erasure(shell))
        self._per_case = (self.history_action, self.access_action)
        self.aboutToShow.connect(self.enable)
        self.retranslate()

    def _entry(self, slot: Callable[[], object], shortcut: str | None = None) -> QAction:
        action = QAction(self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.setTitle(self.tr("Data &protection"))
        self.back_up_action.setText(self.tr("&Back up now"))
        self.backups_action.setText(self.tr("Backups and &restore…"))
        self.audit_action.setText(self.tr("&Audit trail…"))
        self.history_action.setText(self.tr("&History of this case…"))
        self.access_action.setText(self.tr("Data access re&quest for this client…"))
        self.erasure_action.setText(self.tr("Cases due for &erasure…"))

    def enable(self) -> None:
        """Nothing while locked; the per-case entries only while a case is shown."""
        unlocked = self._shell.db.is_open
        case_open = unlocked and self._shell.current_client_id() is not None
        for action in self.actions():
            action.setEnabled(unlocked and (action not in self._per_case or case_open))
