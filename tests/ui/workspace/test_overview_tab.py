"""The overview tab over a real case file: it shows the person and saves each edit as typed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import ConsentScope, HouseholdRole, ResidenceStatus, Sex
from desktop.domain.dates import PartialDate
from desktop.domain.model import Client, Household, LanguageSkill
from desktop.services import casework
from desktop.services.casefile import Store
from desktop.services.clients import delete_client
from desktop.services.workspace import load_case
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language
from desktop.ui.workspace.overview.languages_editor import LanguagesEditor, LanguagesList
from desktop.ui.workspace.overview.overview_fields import (
    ChoiceEditor,
    CountryEditor,
    LanguageEditor,
    LinesEditor,
    ScopesEditor,
)
from desktop.ui.workspace.overview.overview_tab import OverviewTab

Settle = Callable[[DbWorker], None]


@pytest.fixture
def household(store: Store) -> Household:
    home = Household("Haddad")
    casework.add(store, home)
    return home


@pytest.fixture
def layla(add: Callable[..., Client], household: Household) -> Client:
    return add(
        family_name="Haddad",
        given_names="Layla",
        other_names=("Hadad",),
        sex=Sex.FEMALE,
        birth_date=PartialDate(1990, 5),
        nationality="SY",
        languages=(LanguageSkill("ar", "native"), LanguageSkill("de", "A2")),
        phone="0151 2345678",
        household_id=household.id,
        household_role=HouseholdRole.HEAD,
        residence_status=ResidenceStatus.REFUGEE,
        status_granted_on=date(2024, 3, 1),
        status_valid_until=date.today() + timedelta(days=400),
    )


@pytest.fixture
def omar(add: Callable[..., Client], household: Household) -> Client:
    return add(
        family_name="Haddad",
        given_names="Omar",
        household_id=household.id,
        household_role=HouseholdRole.CHILD,
    )


@pytest.fixture
def tab(qtbot: QtBot, db: DbWorker) -> OverviewTab:
    widget = OverviewTab(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def shown(tab: OverviewTab, store: Store, layla: Client, omar: Client) -> OverviewTab:
    tab.set_case(load_case(store, layla.id))
    return tab


def line(tab: OverviewTab, name: str) -> QLineEdit:
    edit = getattr(tab.editors[name], "edit", None)
    assert isinstance(edit, QLineEdit)
    return edit


def combo(tab: OverviewTab, name: str) -> QComboBox:
    editor = tab.editors[name]
    assert isinstance(editor, ChoiceEditor | CountryEditor | LanguageEditor)
    return editor.combo


def languages(tab: OverviewTab) -> LanguagesList:
    editor = tab.editors["languages"]
    assert isinstance(editor, LanguagesEditor)
    return editor.list


def rows_of(tab: OverviewTab) -> list[tuple[str, str]]:
    """(language, level) as each row of the languages shows them."""
    return [(r.language.combo.currentText(), r.level.currentText()) for r in languages(tab).rows]


def type_and_finish(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace the text as a user would (ASCII only) and press Return."""
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def stored(store: Store, client: Client) -> Client:
    return load_case(store, client.id).client


def texts_of(widget: QWidget) -> list[str]:
    """Every text a label, field, combo box or list of the widget shows."""
    texts = [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in widget.findChildren(QPlainTextEdit)]
    texts += [w.currentText() for w in widget.findChildren(QComboBox)]
    for view in widget.findChildren(QListWidget):
        texts += [view.item(row).text() for row in range(view.count())]
    return texts


def test_it_shows_the_client(shown: OverviewTab) -> None:
    assert line(shown, "family_name").text() == "Haddad"
    assert line(shown, "given_names").text() == "Layla"
    other = shown.editors["other_names"]
    assert isinstance(other, LinesEditor)
    assert other.edit.toPlainText() == "Hadad"
    assert combo(shown, "sex").currentText() == "female"
    assert line(shown, "birth_date").text() == "1990-05"
    assert combo(shown, "nationality").currentText() == "Syria"
    assert rows_of(shown) == [("Arabic", "native"), ("German", "A2")]
    assert "Arabic (native), German (A2)" in texts_of(shown)
    assert combo(shown, "residence_status").currentText() == "Refugee status (§ 25(2))"
    assert line(shown, "status_granted_on").text() == "2024-03-01"
    assert line(shown, "phone").text() == "0151 2345678"
    assert not shown.warning.isVisible()


def test_the_household_lists_the_other_members_with_their_role(shown: OverviewTab) -> None:
    members = shown.household.list
    assert [members.item(i).text() for i in range(members.count())] == ["Haddad, Omar – child"]


def test_an_edited_field_is_saved_when_the_edit_is_finished(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client
) -> None:
    with qtbot.waitSignal(shown.changed):
        type_and_finish(qtbot, line(shown, "phone"), "0170 5550123")
    assert stored(store, layla).phone == "0170 5550123"
    assert shown.status_label.text() == "Saved"


def test_a_partial_birth_date_keeps_its_precision(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    type_and_finish(qtbot, line(shown, "birth_date"), "17.05.1991")
    settle(db)
    assert stored(store, layla).birth_date == PartialDate(1991, 5, 17)
    type_and_finish(qtbot, line(shown, "birth_date"), "1989")
    settle(db)
    assert stored(store, layla).birth_date == PartialDate(1989)
    assert line(shown, "birth_date").text() == "1989"


def test_an_invalid_birth_date_shows_an_error_and_saves_nothing(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    with qtbot.assertNotEmitted(shown.changed):
        type_and_finish(qtbot, line(shown, "birth_date"), "31.02.1990")
        settle(db)
    assert stored(store, layla).birth_date == PartialDate(1990, 5)
    assert line(shown, "birth_date").text() == "31.02.1990"  # stays for correction
    errors = [label.text() for label in shown.findChildren(QLabel) if label.isVisible()]
    assert any("'31.02.1990' is not a valid date for Date of birth" in text for text in errors)
    assert shown.status_label.text().startswith("Not saved")

    type_and_finish(qtbot, line(shown, "birth_date"), "28.02.1990")
    settle(db)
    assert stored(store, layla).birth_date == PartialDate(1990, 2, 28)
    assert not any("not a valid date" in text for text in texts_of(shown))


def test_valid_until_before_granted_on_is_refused_then_saved_together(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    type_and_finish(qtbot, line(shown, "status_valid_until"), "2024-01-31")
    settle(db)
    assert stored(store, layla).status_valid_until != date(2024, 1, 31)
    assert any("Valid until (2024-01-31) lies before Granted on" in t for t in texts_of(shown))

    type_and_finish(qtbot, line(shown, "status_granted_on"), "2023-02-01")
    settle(db)
    saved = stored(store, layla)
    assert (saved.status_granted_on, saved.status_valid_until) == (
        date(2023, 2, 1),
        date(2024, 1, 31),
    )
    assert not any("lies before" in t for t in texts_of(shown))


def test_a_choice_saves_when_it_changes(
    shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    status = combo(shown, "residence_status")
    status.setCurrentIndex(status.findData(ResidenceStatus.SUBSIDIARY.value))
    settle(db)
    assert stored(store, layla).residence_status is ResidenceStatus.SUBSIDIARY


def test_scrolling_over_a_choice_does_not_change_it(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    status = combo(shown, "residence_status")
    centre = QPointF(status.rect().center())
    wheel = QWheelEvent(
        centre,
        status.mapToGlobal(centre),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    with qtbot.assertNotEmitted(shown.changed):
        QApplication.sendEvent(status, wheel)
        settle(db)
    assert status.currentText() == "Refugee status (§ 25(2))"
    assert stored(store, layla).residence_status is ResidenceStatus.REFUGEE


def test_a_nationality_can_be_typed_by_name(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    nationality = combo(shown, "nationality").lineEdit()
    assert nationality is not None
    nationality.setText("afghanistan")
    qtbot.keyClick(nationality, Qt.Key.Key_Return)
    settle(db)
    assert stored(store, layla).nationality == "AF"
    assert combo(shown, "nationality").currentText() == "Afghanistan"


def test_consent_scopes_save_when_ticked(
    shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    scopes = shown.editors["consent_scope"]
    assert isinstance(scopes, ScopesEditor)
    scopes.boxes[ConsentScope.STORE].setChecked(True)
    settle(db)
    assert stored(store, layla).consent_scope == (ConsentScope.STORE,)


@pytest.mark.parametrize(("days", "warned"), [(10, True), (-3, True), (90, False)])
def test_a_status_running_out_within_30_days_is_flagged(
    tab: OverviewTab, store: Store, add: Callable[..., Client], days: int, warned: bool
) -> None:
    client = add(
        family_name="Rahimi",
        given_names="Farid",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=date.today() + timedelta(days=days),
    )
    tab.set_case(load_case(store, client.id))
    assert tab.warning.isVisible() is warned
    if days == 10:
        assert "runs out within 30 days" in tab.warning.text()
    if days < 0:
        assert "has run out" in tab.warning.text()


def test_the_warning_follows_a_new_valid_until(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    assert not shown.warning.isVisible()
    soon = date.today() + timedelta(days=10)
    type_and_finish(qtbot, line(shown, "status_valid_until"), soon.isoformat())
    settle(db)
    assert stored(store, layla).status_valid_until == soon
    assert shown.warning.isVisible()


def test_double_click_on_a_household_member_opens_their_case(
    qtbot: QtBot, shown: OverviewTab, omar: Client
) -> None:
    members = shown.household.list
    members.scrollToItem(members.item(0))
    centre = members.visualItemRect(members.item(0)).center()
    with qtbot.waitSignal(shown.open_client) as blocker:
        # A real double-click starts with a click; QTest's mouseDClick alone sends no press.
        qtbot.mouseClick(members.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(members.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [omar.id]


def test_enter_on_a_household_member_opens_their_case(
    qtbot: QtBot, shown: OverviewTab, omar: Client
) -> None:
    members = shown.household.list
    members.setCurrentRow(0)
    with qtbot.waitSignal(shown.open_client) as blocker:
        qtbot.keyClick(members, Qt.Key.Key_Return)
    assert blocker.args == [omar.id]


def test_flush_saves_text_typed_but_not_finished(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client
) -> None:
    city = line(shown, "city")
    qtbot.keyClicks(city, "Loerrach")
    other = shown.editors["other_names"]
    assert isinstance(other, LinesEditor)
    other.edit.setPlainText("Hadad\nChaddad")
    with qtbot.waitSignal(shown.changed):
        shown.flush()
    saved = stored(store, layla)
    assert saved.city == "Loerrach"
    assert saved.other_names == ("Hadad", "Chaddad")


def test_flush_without_edits_saves_nothing(
    qtbot: QtBot, shown: OverviewTab, db: DbWorker, settle: Settle
) -> None:
    with qtbot.assertNotEmitted(shown.changed):
        shown.flush()
        settle(db)


def test_a_fresh_view_keeps_text_waiting_for_correction(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    type_and_finish(qtbot, line(shown, "birth_date"), "1990-13")
    settle(db)
    shown.set_case(load_case(store, layla.id))  # another tab saved something
    assert line(shown, "birth_date").text() == "1990-13"
    assert line(shown, "family_name").text() == "Haddad"


def test_a_view_read_before_a_save_landed_does_not_undo_it(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    before = load_case(store, layla.id)
    gate = threading.Event()
    db.run(lambda _store: gate.wait(10))  # the worker is busy: the save waits in the queue
    type_and_finish(qtbot, line(shown, "phone"), "0170 5550123")
    shown.set_case(before)
    assert line(shown, "phone").text() == "0170 5550123"
    gate.set()
    with qtbot.waitSignal(shown.changed):
        settle(db)
    assert stored(store, layla).phone == "0170 5550123"
    assert line(shown, "phone").text() == "0170 5550123"


def test_a_save_that_fails_keeps_the_value_to_be_saved_again(
    qtbot: QtBot, shown: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    settle(db)
    delete_client(store, layla.id)  # deleted meanwhile, by a colleague's bundle say
    with qtbot.assertNotEmitted(shown.changed):
        type_and_finish(qtbot, line(shown, "phone"), "0170 5550123")
        settle(db)
    assert line(shown, "phone").text() == "0170 5550123"
    assert shown.status_label.text().startswith("Not saved")
    assert any(f"There is no client with the id {layla.id}" in t for t in texts_of(shown))
    assert shown.client is not None
    assert shown.client.phone == "0151 2345678"  # not counted as saved: a flush sends it again


def test_clear_leaves_no_client_data(shown: OverviewTab) -> None:
    shown.clear()
    assert not any("Haddad" in t or "Layla" in t or "Omar" in t for t in texts_of(shown))
    assert not any("0151" in t or "1990" in t for t in texts_of(shown))
    assert shown.client is None


def test_switching_the_language_shows_names_and_dates_in_it(
    qtbot: QtBot, shown: OverviewTab
) -> None:
    set_language("de")  # Qt delivers the language change to the widgets as a posted event
    qtbot.waitUntil(lambda: combo(shown, "nationality").currentText() == "Syrien")
    assert line(shown, "birth_date").text() == "05.1990"
    assert combo(shown, "sex").currentText() == "weiblich"
    assert combo(shown, "interpreter_language").currentText() == ""
    assert rows_of(shown) == [("Arabisch", "Muttersprache"), ("Deutsch", "A2")]
    assert "Arabisch (Muttersprache), Deutsch (A2)" in texts_of(shown)
    set_language("en")
    qtbot.waitUntil(lambda: combo(shown, "nationality").currentText() == "Syria")
    assert line(shown, "birth_date").text() == "1990-05"
    assert rows_of(shown) == [("Arabic", "native"), ("German", "A2")]
