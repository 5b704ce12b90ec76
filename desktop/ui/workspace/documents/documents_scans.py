"""The scan buttons under the checklist: attach a scan, save a copy of it, remove it.

A scan is only ever written to disk where the coordinator chooses ("Save scan as…"): opening it
in a viewer would leave a decrypted copy in a temporary folder that nobody cleans up.

The scans known for each item come from the tab (read with the checklist); attaching, copying
and removing run on the database worker, and the answer comes back as `saved` or `failed`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import DocumentItem
from desktop.services import attachments
from desktop.services.attachments import AttachmentInfo
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_said
from desktop.ui.widgets.i18n import Retranslating

if TYPE_CHECKING:
    from desktop.services.casefile import Store

SCAN_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic *.webp"


class DocumentScans(Retranslating, QWidget):
    """Buttons acting on the scans of the item that `selected()` returns; `scans_of(item_id)`
    is what is known of an item's scans."""

    saved = Signal()  # a scan was attached or removed: it is in the case file
    failed = Signal(object)  # one sentence for the coordinator, as a LiveText

    def __init__(
        self,
        db: DbWorker,
        selected: Callable[[], DocumentItem | None],
        scans_of: Callable[[str], list[AttachmentInfo]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._selected = selected
        self._scans_of = scans_of
        self.attach_button = QPushButton()
        self.attach_button.clicked.connect(lambda: self.attach())
        self.save_button = QPushButton()
        self.save_button.clicked.connect(lambda: self.save_copy())
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(lambda: self.remove())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attach_button)
        row.addWidget(self.save_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.attach_button.setText(self.tr("Attach scan…"))
        self.save_button.setText(self.tr("Save scan as…"))
        self.save_button.setToolTip(
            self.tr("Writes an unencrypted copy of the scan to a place you choose.")
        )
        self.remove_button.setText(self.tr("Remove scan…"))

    # -- reading --------------------------------------------------------------------------------

    def names_of(self, document_id: str) -> list[str]:
        """File names of the scans of one item."""
        return [info.file_name for info in self._scans_of(document_id)]

    def update_buttons(self) -> None:
        item = self._selected()
        has_scan = item is not None and bool(self.names_of(item.id))
        self.attach_button.setEnabled(item is not None)
        self.save_button.setEnabled(has_scan)
        self.remove_button.setEnabled(has_scan)

    # -- what the coordinator does --------------------------------------------------------------

    def attach(self, path: Path | None = None) -> None:
        """Store a file (asked for when not given) encrypted with the selected item; `saved`
        follows when it is in the case file."""
        item = self._selected()
        if item is None:
            return
        path = path or self.choose_scan_file()
        if path is None:
            return
        item_id, source = item.id, Path(path)
        self._run(lambda store: attachments.attach_file(store, item_id, source), self.saved.emit)

    def save_copy(self, target: Path | None = None) -> Path | None:
        """Write a scan of the selected item where the coordinator chooses; returns the path,
        which the database worker writes to next (`failed` if that does not work)."""
        info = self._pick()
        if info is None:
            return None
        target = target or self.choose_save_path(info.file_name)
        if target is None:
            return None
        written, attachment_id = Path(target), info.id
        self._run(lambda store: attachments.save_copy(store, attachment_id, written))
        return written

    def remove(self) -> None:
        """Remove a scan of the selected item after a confirmation; `saved` follows when it is
        gone from the case file."""
        info = self._pick()
        if info is None:
            return
        question = self.tr("Remove the scan “{0}”?").replace("{0}", info.file_name)
        if self.confirm(question):
            attachment_id = info.id
            self._run(
                lambda store: attachments.remove_attachment(store, attachment_id), self.saved.emit
            )

    # -- questions (replaced in tests) ----------------------------------------------------------

    def choose_scan_file(self) -> Path | None:
        name = file_dialogs.open_file(
            self,
            self.tr("Attach scan"),
            self.tr("Scans ({0});;All files (*)").replace("{0}", SCAN_FILTER),
        )
        return Path(name) if name else None

    def choose_save_path(self, suggested: str) -> Path | None:
        name, _ = file_dialogs.save_file(self, self.tr("Save scan as"), suggested)
        return Path(name) if name else None

    def choose_scan(self, infos: list[AttachmentInfo]) -> AttachmentInfo | None:
        names = [info.file_name for info in infos]
        name, ok = QInputDialog.getItem(
            self, self.tr("Scans"), self.tr("Which scan?"), names, 0, False
        )
        return infos[names.index(name)] if ok and name in names else None

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Scans"), question)
        return answer == QMessageBox.StandardButton.Yes

    # -- internals ------------------------------------------------------------------------------

    def _pick(self) -> AttachmentInfo | None:
        item = self._selected()
        infos = self._scans_of(item.id) if item else []
        if len(infos) > 1:
            return self.choose_scan(infos)
        return infos[0] if infos else None

    def _run(
        self, work: Callable[[Store], object], done: Callable[[], object] = lambda: None
    ) -> None:
        """Run `work` on the database worker; `done()` after it worked, `failed` if not."""

        def succeeded(_result: object) -> None:
            done()

        self._db.run(work, succeeded, self._not_done)

    def _not_done(self, error: BaseException) -> None:
        if isinstance(error, WelcomeDeskError):
            self.failed.emit(error_said(error))
        elif isinstance(error, OSError):
            reason = error.strerror or str(error)
            self.failed.emit(
                lambda: self.tr("The file could not be read or written: {0}").replace("{0}", reason)
            )
        else:
            self._db.report(error)
