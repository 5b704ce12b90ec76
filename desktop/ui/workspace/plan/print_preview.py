"""A print preview: the PDF's pages as images, a print language, Print… and Save as PDF….

The database worker makes the PDF (`render(store, language)`); its pages are turned into images
here, on the GUI thread. While a print is being made, Print and Save wait for it.

Beside the pages, the items printed without a text in the print language (`missing(store,
language)`, the plan's) are named (`MissingTextsPanel`); "Add text…" asks for one, saves it on the
worker and the print is made again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import Client
from desktop.domain.places import language_name
from desktop.services import audit
from desktop.services.phrases import client_languages
from desktop.services.printing import plan_pdf, print_languages, untranslated_items
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.geometry import fit_to_screen, remember_splitter
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.saved_message import OpenFolder, SavedMessage
from desktop.ui.widgets.style import button_row, error_label
from desktop.ui.workspace.plan.missing_text_dialog import MissingTextDialog
from desktop.ui.workspace.plan.missing_texts_panel import MissingTextsPanel
from desktop.ui.workspace.plan.preview_pages import PreviewPages

PREVIEW_DPI = 110
MAX_PRINT_DPI = 300
PRINT_LANGUAGES = print_languages()

if TYPE_CHECKING:
    from desktop.services.casefile import Store
    from desktop.services.printing import Untranslated

Render = Callable[["Store", str | None], bytes]
Missing = Callable[["Store", str], "list[Untranslated]"]


class PrintPreviewDialog(Retranslating, QDialog):
    """Shows what `render(store, language)` prints, made on the database worker `db`; None is
    the German-only print. With `missing`, the items printed without a text in the print
    language are listed beside the pages, to add their texts (`add_text`).

    Testable without exec(): `set_language`, `pdf`, `page_images`, `save_to`, `print_to`,
    `missing_items`, `add_text`, `confirm_saved`; what they show is there once the worker has
    answered (`rendered`). After "Save as PDF…" a message says where the file went and offers
    to open its folder with `open_folder(folder)` (the system's file manager unless given).
    """

    handed_out = Signal()  # printed or saved: what the audit trail records
    rendered = Signal()  # the worker's print (or why there is none) is shown

    def __init__(
        self,
        db: DbWorker,
        title: str,
        render: Render,
        default_language: str | None,
        parent: QWidget | None = None,
        *,
        file_name: str | None = None,
        missing: Missing | None = None,
        open_folder: OpenFolder | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._channel = f"print-preview-{id(self)}"  # only the newest language asked answers
        self._title = title
        self._render = render
        self._answered = False  # the page count is shown once the first print is there
        self._language = default_language if default_language in PRINT_LANGUAGES else None
        self._file_name = file_name or _file_name(title)
        self._pdf = b""
        self._images: list[QImage] = []
        self._missing = missing
        self._missing_items: list[Untranslated] = []
        self._text_dialog: MissingTextDialog | None = None
        self._open_folder = open_folder  # None: the system's file manager
        self.saved_message: SavedMessage | None = None

        self.language_caption = QLabel()
        self.language_combo = QComboBox()
        self.language_caption.setBuddy(self.language_combo)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.count_label = QLabel()
        self.error_label = error_label()
        self.scroll_area = PreviewPages()
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self._ask_and_print)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._ask_and_save)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)

        self.missing_panel = MissingTextsPanel()
        self.missing_panel.add_text_requested.connect(lambda: self.add_text())
        self.missing_panel.setVisible(False)
        self.missing_label = self.missing_panel.missing_label  # as before: tests read them
        self.missing_list = self.missing_panel.missing_list

        top = QHBoxLayout()
        top.addWidget(self.language_caption)
        top.addWidget(self.language_combo)
        top.addStretch(1)
        top.addWidget(self.count_label)
        buttons = button_row(self.print_button, self.save_button, right=[self.close_button])
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.addWidget(self.missing_panel)
        self.splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        if missing is not None:  # room for the list beside the pages, within 1366 x 768
            fit_to_screen(self, "print-preview-with-missing", QSize(1100, 700))
            self.splitter.setSizes([740, 340])
            remember_splitter(self.splitter, "print-preview-with-missing")
        else:
            fit_to_screen(self, "print-preview", QSize(760, 700))
        self.retranslate()
        self._refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self._title)
        self.language_caption.setText(self.tr("Print &language:"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
        self._fill_languages()
        self._show_count()
        self._show_missing()

    # -- what others (and tests) call --------------------------------------------------------

    def language(self) -> str | None:
        """The print language chosen now (None: German only)."""
        return self._language

    def set_language(self, code: str | None) -> None:
        """Print in German and `code` (None: German only); the pages are rendered again."""
        index = self.language_combo.findData(code or "")
        if index < 0:
            raise ValueError(f"not a print language: {code!r}")
        if index == self.language_combo.currentIndex():
            if code != self._language:
                self._language = code
                self._refresh()
            return
        self.language_combo.setCurrentIndex(index)  # re-renders through _language_chosen

    def pdf(self) -> bytes:
        """The PDF shown now (empty if it could not be made)."""
        return self._pdf

    def page_images(self) -> list[QImage]:
        """The pages shown now, as rendered for the screen."""
        return list(self._images)

    def save_to(self, path: str | Path) -> None:
        """Write the shown PDF to `path` (OSError if that fails)."""
        Path(path).write_bytes(self._pdf)
        self.handed_out.emit()

    def print_to(self, printer: QPrinter) -> None:
        """Print every page on `printer`, rendered at its resolution (at most 300 dpi)."""
        if not self._pdf:
            return
        dpi = max(72, min(printer.resolution(), MAX_PRINT_DPI))
        from desktop.ui.widgets.pdf_pages import render_pages  # pdfium loads with a preview

        images = render_pages(self._pdf, dpi=dpi)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        try:
            for number, image in enumerate(images):
                if number:
                    printer.newPage()
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(area.topLeft(), size)
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.handed_out.emit()

    def missing_items(self) -> list[Untranslated]:
        """The items the print shown has no text for in its language (none: German only)."""
        return list(self._missing_items)

    def select_missing(self, item_id: str) -> bool:
        """Select an item of the list of missing texts; False if it is not listed."""
        for row, item in enumerate(self._missing_items):
            if item.id == item_id:
                self.missing_panel.select_row(row)
                return True
        return False

    def add_text(self, item_id: str | None = None) -> MissingTextDialog | None:
        """Ask for the text of the item `item_id` (else the one selected) in the print language,
        without blocking; once it is saved the print is made again. None if there is none."""
        if item_id is not None and not self.select_missing(item_id):
            return None
        row = self.missing_panel.current_row()
        if not self._language or not 0 <= row < len(self._missing_items):
            return None
        if self._text_dialog is not None and shiboken6.isValid(self._text_dialog):
            self._text_dialog.deleteLater()
        dialog = MissingTextDialog(self._db, self._missing_items[row], self._language, self)
        dialog.accepted.connect(self._refresh)
        self._text_dialog = dialog
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------------------

    def _fill_languages(self) -> None:
        ui = current_language()
        entries = sorted((language_name(code, ui), code) for code in PRINT_LANGUAGES)
        self.language_combo.blockSignals(True)
        try:
            self.language_combo.clear()
            self.language_combo.addItem(self.tr("German only"), "")
            for name, code in entries:
                self.language_combo.addItem(self.tr("German and {0}").replace("{0}", name), code)
            self.language_combo.setCurrentIndex(
                max(0, self.language_combo.findData(self._language or ""))
            )
        finally:
            self.language_combo.blockSignals(False)

    def _language_chosen(self, _index: int) -> None:
        code = self.language_combo.currentData() or None
        if code != self._language:
            self._language = code
            self._refresh()

    def _refresh(self) -> None:
        """Ask the worker for the print in the language chosen; Print and Save wait for it."""
        self.error_label.clear()
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        language, render, missing = self._language, self._render, self._missing

        def make(store: Store) -> tuple[bytes, list[Untranslated]]:
            items = missing(store, language) if missing is not None and language else []
            return render(store, language), items

        self._db.run(
            make,
            lambda made: self._show_pdf(language, made[0], made[1]),
            lambda error: self._show_failure(language, error),
            channel=self._channel,
        )

    def _show_pdf(
        self, language: str | None, pdf: bytes, missing: list[Untranslated] | None = None
    ) -> None:
        if not self._wants(language):
            return
        self._missing_items = list(missing or [])
        try:
            from desktop.ui.widgets.pdf_pages import render_pages

            images = render_pages(pdf, dpi=PREVIEW_DPI)
        except WelcomeDeskError as error:
            self._show_failure(language, error)
            return
        self._pdf, self._images = pdf, images
        self._show_result()

    def _show_failure(self, language: str | None, error: BaseException) -> None:
        if not self._wants(language):
            return
        self._pdf, self._images, self._missing_items = b"", [], []
        self._show_result(error_text(error))

    def _wants(self, language: str | None) -> bool:
        """True if the print for `language` is still the one to show (the dialog may be gone)."""
        return shiboken6.isValid(self) and language == self._language

    def _show_result(self, error: str = "") -> None:
        self._answered = True
        self.error_label.setText(error)
        self.scroll_area.show_pages(self._images)
        self._show_count()
        self._show_missing()
        self.print_button.setEnabled(bool(self._images))
        self.save_button.setEnabled(bool(self._pdf))
        self.rendered.emit()

    def _show_count(self) -> None:
        count = len(self._images)
        if not self._answered:
            self.count_label.clear()
        elif count == 1:
            self.count_label.setText(self.tr("1 page"))
        else:
            self.count_label.setText(self.tr("%Ln pages", "", count))

    def _show_missing(self) -> None:
        """The items without a text in the print language, beside the pages."""
        shown = self._missing is not None and self._language is not None and self._answered
        self.missing_panel.setVisible(shown)
        if shown and self._language is not None:
            self.missing_panel.show_items(self._missing_items, self._language)

    def _ask_and_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except OSError:
            self.error_label.setText(self.tr("The document could not be printed."))

    def _ask_and_save(self) -> None:
        path, _filter = file_dialogs.save_file(
            self, self.tr("Save as PDF"), self._file_name, self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.save_to(path)
        except OSError as error:
            self.error_label.setText(
                self.tr("The PDF could not be saved: {0}").replace(
                    "{0}", error.strerror or str(error)
                )
            )
        else:
            self.error_label.clear()
            self.confirm_saved(path)

    def confirm_saved(self, path: str | Path) -> SavedMessage:
        """Say where the PDF was saved, with a button that opens its folder (not blocking)."""
        if self.saved_message is not None and shiboken6.isValid(self.saved_message):
            self.saved_message.deleteLater()
        self.saved_message = SavedMessage(path, self, open_folder=self._open_folder)
        self.saved_message.open()
        return self.saved_message

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scroll_area.fit_pages()


def _file_name(title: str) -> str:
    """A file name from the title: letters, digits and dashes, ending in .pdf."""
    stem = re.sub(r"[^\w]+", "-", title, flags=re.UNICODE).strip("-") or "print"
    return f"{stem}.pdf"


def preview_plan(parent: QWidget, db: DbWorker, client: Client) -> PrintPreviewDialog | None:
    """Open the preview of a client's integration plan (not blocking; the worker makes the PDF);
    printing or saving it is recorded in the audit trail. None if no case file is open."""
    if not db.is_open:
        return None
    client_id = client.id
    spoken = [code for code in client_languages(client) if code in PRINT_LANGUAGES]
    dialog = PrintPreviewDialog(
        db,
        QCoreApplication.translate("MainWindow", "Integration plan: {0}").replace(
            "{0}", client.display_name
        ),
        lambda store, lang: plan_pdf(store, client_id, lang),
        spoken[0] if spoken else None,
        parent,
        missing=lambda store, lang: untranslated_items(store, client_id, lang),
    )
    dialog.handed_out.connect(
        lambda: db.run(
            lambda store: audit.record(store, "printed", client_id, what="integration plan")
        )
    )
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
