"""The print preview over a real case file: pages shown, language switched, saved and printed."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.model import Appointment, Client, Goal, IntegrationPlan, LanguageSkill, Measure
from desktop.services import casework, workspace
from desktop.services.printing import plan_pdf
from desktop.store.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language
from desktop.ui.widgets.pdf_pages import page_count, render_pages
from desktop.ui.widgets.saved_message import SavedMessage
from desktop.ui.workspace.appointments.appointments_tab import AppointmentsTab
from desktop.ui.workspace.plan.print_preview import PrintPreviewDialog

TODAY = date(2026, 3, 2)

Settle = Callable[[DbWorker], None]


@pytest.fixture
def client(store: Store, add: Callable[..., Client]) -> Client:
    person = add(family_name="Haddad", given_names="Amal", languages=(LanguageSkill("ar"),))
    plan = IntegrationPlan(person.id, agreed_on=date(2026, 2, 20))
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "Deutsch auf B1 bis Jahresende")
    steps = [Measure(goal.id, f"Schritt {i + 1}: Integrationskurs", position=i) for i in range(40)]
    casework.add(store, plan, goal, *steps)
    return person


@pytest.fixture
def dialog(qtbot: QtBot, db: DbWorker, settle: Settle, client: Client) -> PrintPreviewDialog:
    shown = PrintPreviewDialog(
        db, "Integration plan", lambda store, lang: plan_pdf(store, client.id, lang, TODAY), None
    )
    qtbot.addWidget(shown)
    shown.show()
    settle(db)  # the worker has made the PDF
    return shown


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def is_blank(image: QImage) -> bool:
    white = QColor(Qt.GlobalColor.white).rgb()
    step = 3
    return all(
        image.pixel(x, y) == white
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    )


def test_the_preview_shows_every_page_and_none_is_blank(dialog: PrintPreviewDialog) -> None:
    pages = len(pages_of(dialog.pdf()))
    assert pages >= 2  # forty measures do not fit on one page
    images = dialog.page_images()
    assert len(images) == pages == page_count(dialog.pdf())
    assert not any(is_blank(image) for image in images)
    assert dialog.count_label.text() == f"{pages} pages"
    assert dialog.language_combo.currentText() == "German only"


def test_rendering_a_single_page_gives_one_image() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer)
    sheet.drawString(100, 700, "Hello")
    sheet.save()
    images = render_pages(buffer.getvalue(), dpi=72)
    assert len(images) == 1
    assert abs(images[0].width() - 595) <= 1 and abs(images[0].height() - 842) <= 1
    assert not is_blank(images[0])


def test_choosing_arabic_renders_the_print_again(
    dialog: PrintPreviewDialog, db: DbWorker, settle: Settle
) -> None:
    german = dialog.pdf()
    dialog.set_language("ar")
    assert dialog.language() == "ar"
    settle(db)
    assert dialog.pdf() != german
    text = unicodedata.normalize("NFKC", "\n".join(pages_of(dialog.pdf())))
    assert any("\u0621" <= c <= "\u06ff" for c in text)
    assert len(dialog.page_images()) == page_count(dialog.pdf())
    dialog.language_combo.setCurrentIndex(0)  # back to German only through the combo
    assert dialog.language() is None
    settle(db)
    assert not any("\u0621" <= c <= "\u06ff" for c in "\n".join(pages_of(dialog.pdf())))


def test_the_default_language_is_preselected(
    qtbot: QtBot, db: DbWorker, settle: Settle, client: Client
) -> None:
    shown = PrintPreviewDialog(
        db, "Plan", lambda store, lang: plan_pdf(store, client.id, lang), "ar"
    )
    qtbot.addWidget(shown)
    assert shown.language() == "ar"
    assert shown.language_combo.currentText() == "German and Arabic"
    settle(db)


def test_save_to_writes_the_pdf(dialog: PrintPreviewDialog, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    dialog.save_to(out)
    assert out.read_bytes() == dialog.pdf()
    assert len(PdfReader(out).pages) == len(dialog.page_images())


def test_print_to_a_pdf_printer_prints_every_page(
    dialog: PrintPreviewDialog, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    dialog.print_to(printer)
    assert len(PdfReader(out).pages) == len(dialog.page_images())


def test_ctrl_p_opens_the_plan_preview_in_the_clients_language(
    qtbot: QtBot, db: DbWorker, settle: Settle, case_root: Path, client: Client
) -> None:
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    assert not window.print_plan_action.isEnabled()
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.workspace.client_id == client.id)
    assert window.print_plan_action.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(db)
    dialogs = window.findChildren(PrintPreviewDialog)
    assert len(dialogs) == 1
    assert dialogs[0].language() == "ar"
    assert "Haddad, Amal" in dialogs[0].windowTitle()
    assert len(dialogs[0].page_images()) >= 2
    window.lock()
    assert not window.print_plan_action.isEnabled()


def test_print_slip_previews_the_selected_appointment(
    qtbot: QtBot, store: Store, db: DbWorker, settle: Settle, client: Client
) -> None:
    appointment = Appointment(client.id, datetime(2026, 3, 10, 9, 30), place="Rathaus, Zimmer 12")
    casework.add(store, appointment)
    tab = AppointmentsTab(db)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_case(workspace.load_case(store, client.id))
    assert not tab.print_button.isEnabled()
    tab.select(appointment.id)
    assert tab.print_button.isEnabled()
    tab.print_button.click()
    settle(db)
    dialogs = tab.findChildren(PrintPreviewDialog)
    assert len(dialogs) == 1
    preview = dialogs[0]
    assert preview.language() == "ar"
    assert len(preview.page_images()) == page_count(preview.pdf()) == 1
    assert "Rathaus, Zimmer 12" in "\n".join(pages_of(preview.pdf()))


def test_save_as_pdf_says_where_and_opens_the_folder_from_the_keyboard(
    qtbot: QtBot,
    dialog: PrintPreviewDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened_folders: list[Path],
) -> None:
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args: (str(tmp_path / "plan"), ""))
    dialog.save_button.click()
    saved = tmp_path / "plan.pdf"
    assert saved.read_bytes() == dialog.pdf()
    message = dialog.saved_message
    assert message is not None and message.isVisible()
    assert message.text() == f"Saved to {QDir.toNativeSeparators(str(saved))}"
    assert message.folder_button.text() == "Open &folder"
    assert message.defaultButton() is message.ok_button
    assert not opened_folders
    message.folder_button.setFocus()
    qtbot.keyClick(message.folder_button, Qt.Key.Key_Space)
    assert opened_folders == [tmp_path]
    assert not message.isVisible()


def test_enter_closes_the_saved_message_without_opening_anything(
    qtbot: QtBot, dialog: PrintPreviewDialog, tmp_path: Path, opened_folders: list[Path]
) -> None:
    message = dialog.confirm_saved(tmp_path / "plan.pdf")
    assert message.isVisible()
    qtbot.keyClick(message, Qt.Key.Key_Return)
    assert not message.isVisible()
    assert not opened_folders


def test_the_folder_opener_is_the_dialogs_own_when_given(
    qtbot: QtBot, db: DbWorker, settle: Settle, client: Client, tmp_path: Path
) -> None:
    asked: list[Path] = []
    preview = PrintPreviewDialog(
        db,
        "Integration plan",
        lambda store, lang: plan_pdf(store, client.id, lang, TODAY),
        None,
        open_folder=lambda folder: asked.append(folder) is None,
    )
    qtbot.addWidget(preview)
    preview.show()
    settle(db)
    preview.confirm_saved(tmp_path / "sub" / "plan.pdf").folder_button.click()
    assert asked == [tmp_path / "sub"]


def test_a_folder_that_cannot_be_opened_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    message = SavedMessage(tmp_path / "plan.pdf", open_folder=lambda folder: False)
    qtbot.addWidget(message)
    message.open()
    message.folder_button.click()
    assert message.isVisible()  # shown again, with the path still there to copy
    assert message.informativeText() == "The folder could not be opened."


def test_the_saved_message_speaks_german(qtbot: QtBot, tmp_path: Path) -> None:
    set_language("de")
    message = SavedMessage(tmp_path / "plan.pdf", open_folder=lambda folder: True)
    qtbot.addWidget(message)
    assert message.windowTitle() == "Gespeichert"
    assert message.text().startswith("Gespeichert in ")
    assert message.folder_button.text() == "&Ordner öffnen"
