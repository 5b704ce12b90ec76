"""Clients from a spreadsheet in four steps: the file, its columns, a dry run, the import.

The spreadsheet is read when it is chosen; the dry run, the import and the search for likely
duplicates run on the database worker behind a progress dialog. The import is the service's one
transaction: all rows or none. Cancelling the progress dialog rolls it back (the progress report
raises inside the transaction), so nothing is half imported.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import InvalidInput, WelcomeDeskError
from desktop.services.client_import import (
    ImportPlan,
    ImportResult,
    Sheet,
    apply_import,
    guess_mapping,
    plan_sheet,
    read_sheet,
)
from desktop.ui.client_import.import_mapping import MappingPage
from desktop.ui.client_import.import_preview import PreviewPage
from desktop.ui.reports.duplicates_view import DuplicatesDialog, find_pairs, open_duplicates
from desktop.ui.shell.protocol import Shell
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import Cancelled, Progress
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.progress import Job, run_with_progress
from desktop.ui.widgets.style import button_row, error_label

if TYPE_CHECKING:
    from desktop.services.casefile import Store

FILE, MAPPING, PREVIEW, DONE = range(4)


class _Stop(Exception):
    """Raised inside the import's transaction when the user cancels: it rolls everything back."""


class ImportCancelled:
    """The outcome of an import the user stopped before the end: nothing was written."""


ImportOutcome = ImportResult | WelcomeDeskError | ImportCancelled


def import_job(plan: ImportPlan, skip_bad_rows: bool) -> Job[ImportOutcome]:
    """The worker's job: the result, the refusal to show, or ImportCancelled (rolled back)."""

    def job(store: Store, progress: Progress, cancelled: Cancelled) -> ImportOutcome:
        def report(done: int, total: int) -> None:
            if cancelled():  # still inside the transaction: raising undoes every row
                raise _Stop
            progress(done, total)

        if cancelled():
            return ImportCancelled()
        try:
            return apply_import(store, plan, skip_bad_rows=skip_bad_rows, progress=report)
        except _Stop:
            return ImportCancelled()
        except WelcomeDeskError as error:
            return error

    return job


class ImportDialog(Retranslating, QDialog):
    """Window-modal; Escape or Cancel closes it, and nothing is written before Import.

    `imported(ImportResult)` after an import was committed; `duplicates_merged()` after records
    were merged in its review list (the shell has been told already). Typed text in the window
    is saved before the import (`shell.save_pending()`); if that fails, nothing is imported.
    """

    imported = Signal(object)
    duplicates_merged = Signal()

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self._db = shell.db
        self.sheet: Sheet | None = None
        self.path: Path | None = None
        self.import_result: ImportResult | None = None
        self.likely_duplicates = 0
        self._errors: dict[QLabel, Callable[[], str]] = {}

        self.step = QLabel()
        self.step.setStyleSheet("font-weight: bold;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_file_page())
        self.mapping = MappingPage()
        self.mapping_error = error_label()
        self.pages.addWidget(self._with_error(self.mapping, self.mapping_error))
        self.preview = PreviewPage()
        self.preview.ready_changed.connect(lambda _ready: self._update_buttons())
        self.preview_error = error_label()
        self.pages.addWidget(self._with_error(self.preview, self.preview_error))
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_button = QPushButton()
        self.review_button.setAutoDefault(False)
        self.review_button.clicked.connect(self.review_duplicates)
        self.review_button.hide()
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(self.result_text, 1)
        done_layout.addLayout(button_row(self.review_button))
        self.pages.addWidget(done)

        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.next)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_rows)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.back_button, self.next_button, self.import_button):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.pages, 1)
        layout.addLayout(
            button_row(
                right=[self.back_button, self.next_button, self.import_button, self.cancel_button]
            )
        )
        fit_to_screen(self, "import", QSize(820, 560))
        self.retranslate()
        self._update_buttons()
        self.choose_button.setFocus()

    def _build_file_page(self) -> QWidget:
        page = QWidget()
        self.file_intro = QLabel()
        self.file_intro.setWordWrap(True)
        self.file_caption = QLabel()
        self.file_path = QLineEdit()
        self.file_path.setReadOnly(True)
        self.file_caption.setBuddy(self.file_path)
        self.choose_button = QPushButton()
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        self.file_summary = QLabel()
        self.file_summary.setWordWrap(True)
        self.file_error = error_label()
        row = QHBoxLayout()
        row.addWidget(self.file_caption)
        row.addWidget(self.file_path, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.file_intro)
        layout.addLayout(row)
        layout.addWidget(self.file_summary)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    @staticmethod
    def _with_error(widget: QWidget, error: QLabel) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget, 1)
        layout.addWidget(error)
        return page

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import clients from a spreadsheet"))
        self.file_intro.setText(
            self.tr(
                "Choose a CSV file or an Excel workbook (.xlsx) with one client per row and "
                "the column names in the first row. Nothing is written before the last step."
            )
        )
        self.file_caption.setText(self.tr("&File:"))
        self.file_path.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button.setText(self.tr("&Choose file…"))
        self.back_button.setText(self.tr("< &Back"))
        self.next_button.setText(self.tr("&Next >"))
        self.import_button.setText(self.tr("&Import"))
        self._show_summary()
        for label, text in self._errors.items():
            label.setText(text())
        if self.import_result is not None:
            self.result_text.setText(self._result_sentence(self.import_result))
        self.review_button.setText(
            self.tr("Review likely &duplicates (%n)…", "", self.likely_duplicates)
        )
        self._update_buttons()

    # -- the steps ----------------------------------------------------------------------------

    def choose_file(self) -> Sheet | None:
        """Ask for the spreadsheet, read it and go on to the columns."""
        chosen = file_dialogs.open_file(
            self,
            self.tr("Choose a spreadsheet"),
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"),
            self.path.parent if self.path else "",
        )
        return self.load(Path(chosen)) if chosen else None

    def load(self, path: Path) -> Sheet | None:
        """Read a spreadsheet; its problem is shown on the first step, else the columns show."""
        self.path = path
        self.file_path.setText(str(path))
        try:
            sheet = read_sheet(path)
        except InvalidInput as error:
            self.sheet = None
            self._show_error(self.file_error, error)
            self._show_summary()
            self._update_buttons()
            return None
        self.sheet = sheet
        self._show_error(self.file_error, None)
        self._show_summary()
        self.mapping.set_sheet(sheet, guess_mapping(sheet.header))
        self._show_error(self.mapping_error, None)
        self._go(MAPPING)
        return sheet

    def next(self) -> None:
        page = self.pages.currentIndex()
        if page == FILE and self.sheet is not None:
            self._go(MAPPING)
        elif page == MAPPING:
            self.dry_run()

    def back(self) -> None:
        page = self.pages.currentIndex()
        if page in (MAPPING, PREVIEW):
            self._go(page - 1)

    def dry_run(self) -> ImportPlan | None:
        """Check every row with the chosen columns (nothing written) and show the preview."""
        sheet = self.sheet
        if sheet is None:
            return None
        mapping, path = self.mapping.mapping(), self.path

        def job(
            store: Store, _progress: Progress, _cancelled: Cancelled
        ) -> ImportPlan | WelcomeDeskError:
            try:
                return plan_sheet(store, sheet, mapping, path=path)
            except WelcomeDeskError as error:
                return error

        outcome = run_with_progress(self._db, self, self.tr("Checking the rows…"), job)
        if isinstance(outcome, WelcomeDeskError):
            self._show_error(self.mapping_error, outcome)
            return None
        if outcome is None:
            return None
        self._show_error(self.mapping_error, None)
        self._show_error(self.preview_error, None)
        self.preview.set_plan(outcome)
        self._go(PREVIEW)
        return outcome

    def import_rows(self) -> ImportResult | None:
        """Import the previewed plan behind a progress dialog; cancelled, nothing is written."""
        plan = self.preview.chosen_plan()
        if plan is None or not self.preview.ready() or not self._shell.save_pending():
            return None
        outcome = run_with_progress(
            self._db,
            self,
            self.tr("Importing clients…"),
            import_job(plan, self.preview.skip.isChecked()),
        )
        if isinstance(outcome, ImportCancelled):
            self._show_error(self.preview_error, self._cancelled_text)
            return None
        if isinstance(outcome, WelcomeDeskError):
            self._show_error(self.preview_error, outcome)
            return None
        if outcome is None:
            return None
        self.import_result = outcome
        self.result_text.setText(self._result_sentence(outcome))
        self._go(DONE)
        self.imported.emit(outcome)
        self._count_duplicates(outcome.added_ids)
        return outcome

    def _count_duplicates(self, added_ids: tuple[str, ...]) -> None:
        """Offer the review list when the clients just added probably exist already."""
        self.likely_duplicates = 0
        if added_ids:
            found = run_with_progress(
                self._db, self, self.tr("Looking for likely duplicates…"), find_pairs(added_ids)
            )
            self.likely_duplicates = len(found[0]) if found is not None else 0
        self.review_button.setText(
            self.tr("Review likely &duplicates (%n)…", "", self.likely_duplicates)
        )
        self.review_button.setVisible(self.likely_duplicates > 0)

    def review_duplicates(self) -> DuplicatesDialog | None:
        """The review list, for pairs with a client this import added."""
        if self.import_result is None:
            return None
        dialog = open_duplicates(self._shell, self, client_ids=self.import_result.added_ids)
        if dialog is not None:
            dialog.merged.connect(self.duplicates_merged.emit)
        return dialog

    # -- internals ----------------------------------------------------------------------------

    def _result_sentence(self, result: ImportResult) -> str:
        return self.tr("Imported: {0}.").replace("{0}", result.text(current_language()))

    def _show_summary(self) -> None:
        sheet = self.sheet
        if sheet is None:
            self.file_summary.clear()
            return
        self.file_summary.setText(
            self.tr("{0} rows with {1} columns were read.")
            .replace("{0}", str(len(sheet.rows)))
            .replace("{1}", str(len(sheet.header)))
        )

    def _cancelled_text(self) -> str:
        return self.tr("The import was cancelled: nothing was imported.")

    def _show_error(
        self, label: QLabel, error: WelcomeDeskError | Callable[[], str] | None
    ) -> None:
        """An error line that follows the language: the service's sentence, or ours."""
        if isinstance(error, WelcomeDeskError):
            self._errors[label] = lambda: error.text(current_language())
        else:
            self._errors[label] = error or str
        label.setText(self._errors[label]())

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._update_buttons()
        if page == FILE:
            self.choose_button.setFocus()
        elif page == MAPPING and self.mapping.combos:
            self.mapping.combos[0].setFocus()
        elif page == PREVIEW:
            (self.preview.skip if self.preview.skip.isVisible() else self.preview.table).setFocus()
        elif page == DONE:
            self.cancel_button.setFocus()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        steps = (
            self.tr("Step 1 of 4: choose the spreadsheet"),
            self.tr("Step 2 of 4: match the columns to fields"),
            self.tr("Step 3 of 4: check the rows (a dry run)"),
            self.tr("Step 4 of 4: done"),
        )
        self.step.setText(steps[page])
        self.back_button.setVisible(page in (MAPPING, PREVIEW))
        self.next_button.setVisible(page in (FILE, MAPPING))
        self.next_button.setEnabled(page == MAPPING or self.sheet is not None)
        self.import_button.setVisible(page == PREVIEW)
        self.import_button.setEnabled(page == PREVIEW and self.preview.ready())
        self.cancel_button.setText(self.tr("Close") if page == DONE else self.tr("Cancel"))
        default = {FILE: self.next_button, MAPPING: self.next_button, PREVIEW: self.import_button}
        chosen = default.get(page, self.cancel_button)
        for button in (self.next_button, self.import_button, self.cancel_button):
            button.setDefault(button is chosen and button.isEnabled())


def open_import(shell: Shell) -> ImportDialog | None:
    """Open the import window over the shell's window; once clients were imported the shell
    shows the case file anew. None while locked."""
    if not shell.db.is_open:
        return None
    dialog = ImportDialog(shell, shell.widget())
    dialog.imported.connect(lambda _result: shell.case_file_changed())
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
