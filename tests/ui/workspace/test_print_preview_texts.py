"""The print preview names the items without a text in the print language, and adds one there
and then: saved in the case file, the list shorter, the print made again with it."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.model import (
    Appointment,
    Client,
    Goal,
    IntegrationPlan,
    LanguageSkill,
    Measure,
)
from desktop.domain.texts import Texts
from desktop.services import casework
from desktop.services.phrases import set_item_text
from desktop.services.printing import plan_pdf, untranslated_items
from desktop.store.store import Store
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.workspace.plan.missing_text_dialog import MissingTextDialog
from desktop.ui.workspace.plan.print_preview import PrintPreviewDialog

TODAY = date(2026, 3, 2)
FREE = "Bewerbung beim Jobcenter abgeben"
OLD = "Unterlagen sortieren"
OLD_TEXT = "ترتيب الأوراق القديمة"
PURPOSE = "Gespräch beim Sozialamt"
ARABIC = "تقديم الطلب إلى مركز العمل"

Settle = Callable[[DbWorker], None]


class Case:
    def __init__(
        self, client: Client, goal: Goal, free: Measure, old: Measure, meeting: Appointment
    ):
        self.client, self.goal, self.free, self.old, self.meeting = client, goal, free, old, meeting


@pytest.fixture
def case(store: Store, add: Callable[..., Client]) -> Case:
    person = add(family_name="Haddad", given_names="Amal", languages=(LanguageSkill("ar"),))
    plan = IntegrationPlan(person.id, agreed_on=date(2026, 2, 20))
    goal = Goal(
        plan.id,
        FieldOfAction.LANGUAGE,
        "Deutsch auf Niveau B1 lernen",
        phrase_key="goal.language.course_b1",
    )
    free = Measure(goal.id, FREE, position=0)
    old = Measure(goal.id, OLD, position=1, texts=Texts({"und": OLD_TEXT}))
    meeting = Appointment(person.id, datetime(2026, 3, 10, 9, 30), purpose=PURPOSE)
    casework.add(store, plan, goal, free, old, meeting)
    return Case(person, goal, free, old, meeting)


@pytest.fixture
def preview(qtbot: QtBot, db: DbWorker, settle: Settle, case: Case) -> PrintPreviewDialog:
    client_id = case.client.id
    shown = PrintPreviewDialog(
        db,
        "Integration plan",
        lambda store, lang: plan_pdf(store, client_id, lang, TODAY),
        "ar",
        missing=lambda store, lang: untranslated_items(store, client_id, lang, TODAY),
    )
    qtbot.addWidget(shown)
    shown.show()
    settle(db)
    return shown


def words(data: bytes) -> set[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return set(re.findall(r"\w{3,}", text))


def test_the_preview_names_the_items_without_an_arabic_text(
    preview: PrintPreviewDialog, case: Case, db: DbWorker, settle: Settle
) -> None:
    named = [(item.kind, item.id) for item in preview.missing_items()]
    assert named == [
        ("measure", case.free.id),
        ("measure", case.old.id),
        ("appointment", case.meeting.id),
    ]  # the goal from a phrase has the catalogue's Arabic text
    assert preview.missing_panel.isVisible()
    assert preview.missing_label.text() == "3 items have no text in Arabic:"
    lines = [preview.missing_list.item(row).text() for row in range(preview.missing_list.count())]
    assert lines == [
        f"Measure: {FREE}",
        f"Measure: {OLD} (has a text without a language)",
        f"Appointment: {PURPOSE}",
    ]
    preview.set_language(None)  # German only: nothing is missing, the list goes
    settle(db)
    assert preview.missing_items() == []
    assert not preview.missing_panel.isVisible()


def test_a_text_added_in_the_preview_is_saved_and_printed(
    preview: PrintPreviewDialog, case: Case, store: Store, db: DbWorker, settle: Settle
) -> None:
    assert not set(ARABIC.split()) <= words(preview.pdf())
    dialog = preview.add_text(case.free.id)
    assert isinstance(dialog, MissingTextDialog)
    assert dialog.german.text() == FREE
    assert dialog.text_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.accept()  # nothing typed: refused
    assert dialog.error_label.text() == "Please type the text in Arabic."
    dialog.text_edit.setText(ARABIC)
    dialog.accept()
    settle(db)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert store.get(Measure, case.free.id).texts == Texts({"ar": ARABIC})
    assert [item.id for item in preview.missing_items()] == [case.old.id, case.meeting.id]
    assert preview.missing_label.text() == "2 items have no text in Arabic:"
    assert set(ARABIC.split()) <= words(preview.pdf())


def test_the_text_without_a_language_becomes_the_arabic_one(
    preview: PrintPreviewDialog, case: Case, store: Store, db: DbWorker, settle: Settle
) -> None:
    assert preview.select_missing(case.old.id)
    dialog = preview.add_text()  # the selected one, as the button does
    assert dialog is not None
    assert dialog.unassigned.text() == OLD_TEXT
    dialog.use_unassigned_button.click()
    assert dialog.text_edit.text() == OLD_TEXT
    dialog.accept()
    settle(db)
    assert store.get(Measure, case.old.id).texts == Texts({"ar": OLD_TEXT})
    assert [item.id for item in preview.missing_items()] == [case.free.id, case.meeting.id]
    assert set(OLD_TEXT.split()) <= words(preview.pdf())


def test_enter_on_the_list_asks_for_the_appointments_purpose(
    qtbot: QtBot,
    preview: PrintPreviewDialog,
    case: Case,
    store: Store,
    db: DbWorker,
    settle: Settle,
) -> None:
    assert preview.select_missing(case.meeting.id)
    preview.missing_list.setFocus()
    qtbot.keyClick(preview.missing_list, Qt.Key.Key_Return)
    dialogs = preview.findChildren(MissingTextDialog)
    assert len(dialogs) == 1 and dialogs[0].item.id == case.meeting.id
    dialogs[0].text_edit.setText("مقابلة في مكتب الشؤون الاجتماعية")
    dialogs[0].accept()
    settle(db)
    saved = store.get(Appointment, case.meeting.id)
    assert saved.purpose_texts["ar"] == "مقابلة في مكتب الشؤون الاجتماعية"
    assert [item.id for item in preview.missing_items()] == [case.free.id, case.old.id]


def test_a_phrase_based_item_with_a_catalogue_text_is_not_named(store: Store, case: Case) -> None:
    assert case.goal.id not in {
        u.id for u in untranslated_items(store, case.client.id, "ar", TODAY)
    }
    assert untranslated_items(store, case.client.id, None, TODAY) == []
    # a language the phrase has a text in names the goal in none of them
    for lang in ("en", "ps", "so"):
        assert case.goal.id not in {u.id for u in untranslated_items(store, case.client.id, lang)}


def test_set_item_text_takes_a_text_out_with_an_empty_one(store: Store, case: Case) -> None:
    set_item_text(store, "goal", case.goal.id, "tr", "Almanca B1")
    assert store.get(Goal, case.goal.id).texts == Texts({"tr": "Almanca B1"})
    set_item_text(store, "goal", case.goal.id, "tr", "")
    assert store.get(Goal, case.goal.id).texts == Texts()
