"""The appointments tab over a real case file: new appointments, status, order, deletion."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import AppointmentStatus, OrganisationKind
from desktop.domain.model import Appointment, Client, LanguageSkill, Organisation
from desktop.domain.texts import Texts
from desktop.services import casework, workspace
from desktop.services.casefile import Store
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language
from desktop.ui.workspace.appointments.appointment_dialog import AppointmentDialog, QuarterHourEdit
from desktop.ui.workspace.appointments.appointment_model import (
    GREYED,
    LANGUAGE,
    ORGANISATION,
    OUTCOME,
    PURPOSE,
    STATUS,
    WHEN,
)
from desktop.ui.workspace.appointments.appointments_tab import AppointmentsTab

Settle = Callable[[DbWorker], None]


@pytest.fixture
def client(add: Callable[..., Client]) -> Client:
    return add(
        family_name="Tesfay", given_names="Senait", interpreter_needed=True,
        interpreter_language="ti",
    )  # fmt: skip


@pytest.fixture
def jobcenter(store: Store) -> Organisation:
    organisation = Organisation("Jobcenter Nord", OrganisationKind.JOBCENTER)
    casework.add(store, organisation)
    return organisation


@pytest.fixture
def tab(qtbot: QtBot, db: DbWorker) -> AppointmentsTab:
    widget = AppointmentsTab(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def show(tab: AppointmentsTab, store: Store, client: Client) -> None:
    tab.set_case(workspace.load_case(store, client.id))


def column(tab: AppointmentsTab, col: int) -> list[str]:
    return [tab.model.index(row, col).data() for row in range(tab.model.rowCount())]


def in_days(days: int, hour: int = 9) -> datetime:
    return datetime.combine(date.today() + timedelta(days=days), time(hour, 0))


def test_a_new_appointment_shows_with_its_organisation_and_language(
    tab: AppointmentsTab, store: Store, client: Client, jobcenter: Organisation, qtbot: QtBot
) -> None:
    show(tab, store, client)
    dialog = tab.new_appointment()
    assert dialog is not None
    assert dialog.language_combo.currentData() == "ti"  # the client's interpreter language
    assert dialog.language_combo.currentText() == "Tigrinya"
    day = date.today() + timedelta(days=7)
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.time_edit.setTime(QTime(14, 30))
    dialog.duration_spin.setValue(45)
    qtbot.keyClicks(dialog.place_edit, "Town hall, room 12")
    dialog.organisation_combo.setCurrentIndex(dialog.organisation_combo.findText("Jobcenter Nord"))
    qtbot.keyClicks(dialog.purpose_edit, "Integration course voucher")
    qtbot.keyClicks(dialog.participants_edit, "Ms Berg")
    with qtbot.waitSignal(tab.changed):
        dialog.accept()

    [stored] = store.of_client(Appointment, client.id)
    assert stored.starts_at == datetime.combine(day, time(14, 30))
    assert (stored.duration_minutes, stored.place) == (45, "Town hall, room 12")
    assert (stored.organisation_id, stored.interpreter_language) == (jobcenter.id, "ti")
    assert (stored.purpose, stored.participants) == ("Integration course voucher", "Ms Berg")
    assert column(tab, WHEN) == [f"{day.isoformat()} 14:30"]
    assert column(tab, ORGANISATION) == ["Jobcenter Nord"]
    assert column(tab, LANGUAGE) == ["Tigrinya"]
    assert column(tab, PURPOSE) == ["Integration course voucher"]
    assert column(tab, STATUS) == ["planned"]
    assert tab.selected() == stored
    assert tab.count_label.text() == "Coming up: 1"


def test_a_status_chosen_in_the_table_is_stored(
    tab: AppointmentsTab, store: Store, client: Client, qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    appointment = Appointment(client.id, in_days(-1), purpose="Bank account")
    casework.add(store, appointment)
    show(tab, store, client)
    combo = tab.table.indexWidget(tab.model.index(0, STATUS))
    assert isinstance(combo, QComboBox) and combo.currentText() == "planned"
    row = combo.findText("kept")
    combo.setCurrentIndex(row)
    with qtbot.waitSignal(tab.changed):
        combo.activated.emit(row)
    assert store.get(Appointment, appointment.id).status is AppointmentStatus.DONE
    assert column(tab, STATUS) == ["kept"]

    tab.model.setData(tab.model.index(0, OUTCOME), "account opened")
    settle(db)
    assert store.get(Appointment, appointment.id).outcome == "account opened"
    assert column(tab, OUTCOME) == ["account opened"]


def test_upcoming_appointments_come_first_and_past_ones_are_greyed(
    tab: AppointmentsTab, store: Store, client: Client
) -> None:
    casework.add(
        store,
        Appointment(client.id, in_days(-30), purpose="long ago"),
        Appointment(client.id, in_days(10), purpose="later"),
        Appointment(client.id, in_days(-2), purpose="recently"),
        Appointment(client.id, in_days(2), purpose="soon"),
    )
    show(tab, store, client)
    assert column(tab, PURPOSE) == ["soon", "later", "recently", "long ago"]
    foreground = [
        tab.model.index(row, PURPOSE).data(Qt.ItemDataRole.ForegroundRole) for row in range(4)
    ]
    assert foreground == [None, None, GREYED, GREYED]
    assert tab.count_label.text() == "Coming up: 2"


def test_an_appointment_is_edited_and_deleted_after_confirmation(
    tab: AppointmentsTab,
    store: Store,
    client: Client,
    jobcenter: Organisation,
    monkeypatch: pytest.MonkeyPatch,
    db: DbWorker,
    settle: Settle,
) -> None:
    appointment = Appointment(client.id, in_days(3, 11), organisation_id=jobcenter.id)
    casework.add(store, appointment)
    show(tab, store, client)
    tab.table.selectRow(0)
    dialog = tab.edit_appointment()
    assert dialog is not None
    assert dialog.organisation_combo.currentText() == "Jobcenter Nord"
    assert dialog.time_edit.time() == QTime(11, 0)
    assert dialog.language_combo.currentText() == "(no interpreter)"
    dialog.purpose_edit.setText("Application for benefits")
    dialog.accept()
    settle(db)
    assert store.get(Appointment, appointment.id).purpose == "Application for benefits"
    assert tab.model.rowCount() == 1

    tab.table.selectRow(0)
    questions: list[str] = []
    monkeypatch.setattr(tab, "confirm", lambda q: questions.append(q) or False)
    tab.delete_button.click()
    settle(db)
    assert store.of_client(Appointment, client.id) != []
    monkeypatch.setattr(tab, "confirm", lambda q: True)
    tab.delete_button.click()
    settle(db)
    assert store.of_client(Appointment, client.id) == []
    assert tab.model.rowCount() == 0
    assert questions == [f"Delete the appointment on {in_days(3, 11):%Y-%m-%d %H:%M}?"]


def test_the_time_field_steps_by_a_quarter_of_an_hour(qtbot: QtBot) -> None:
    field = QuarterHourEdit()
    qtbot.addWidget(field)
    field.setDisplayFormat("HH:mm")
    field.setTime(QTime(9, 0))
    field.setCurrentSection(QuarterHourEdit.Section.MinuteSection)
    field.stepBy(1)
    assert field.time() == QTime(9, 15)
    field.stepBy(-2)
    assert field.time() == QTime(8, 45)
    assert field.stepEnabled() & QAbstractSpinBox.StepEnabledFlag.StepUpEnabled


def test_clear_leaves_no_client_data(tab: AppointmentsTab, store: Store, client: Client) -> None:
    casework.add(
        store,
        Appointment(client.id, in_days(1), place="Zebra street 1", purpose="Quokka visit",
                    outcome="Wombat"),
    )  # fmt: skip
    show(tab, store, client)
    tab.table.selectRow(0)
    tab.clear()
    texts = [w.text() for w in tab.findChildren(QLabel)]
    texts += [str(tab.model.index(r, c).data()) for r in range(tab.model.rowCount())
              for c in range(tab.model.columnCount())]  # fmt: skip
    joined = "\n".join(texts)
    assert not any(word in joined for word in ("Zebra", "Quokka", "Wombat"))
    assert tab.count_label.text() == "" and not tab.isEnabled()


def test_flush_saves_an_outcome_still_being_typed(
    tab: AppointmentsTab, store: Store, client: Client, qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    appointment = Appointment(client.id, in_days(-1))
    casework.add(store, appointment)
    show(tab, store, client)
    outcome = tab.model.index(0, OUTCOME)
    tab.table.setCurrentIndex(outcome)
    tab.table.edit(outcome)
    editor = tab.table.indexWidget(outcome)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "next date agreed")
    tab.flush()
    settle(db)
    assert store.get(Appointment, appointment.id).outcome == "next date agreed"


def test_a_purpose_chosen_from_the_phrase_book_keeps_its_key_and_texts(
    tab: AppointmentsTab, store: Store, add: Callable[..., Client], db: DbWorker,
    settle: Settle, qtbot: QtBot,
) -> None:  # fmt: skip
    client = add(
        family_name="Tesfay", given_names="Abel", languages=(LanguageSkill("ti", "native"),)
    )
    show(tab, store, client)
    settle(db)  # the phrase book is read by the worker
    dialog = tab.new_appointment()
    assert dialog is not None
    assert list(dialog.purpose_texts_editor.edits) == ["ti"]
    qtbot.keyClicks(dialog.purpose_edit, "Termin Jobcenter")
    assert dialog.completer.suggestions()[0] == "Termin beim Jobcenter"
    popup = dialog.completer.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.purpose_edit.text() == "Termin beim Jobcenter"
    assert dialog.purpose_texts_editor.edits["ti"].placeholderText() != ""  # the phrase's
    with qtbot.waitSignal(tab.changed):
        dialog.accept()
    [stored] = store.of_client(Appointment, client.id)
    assert (stored.purpose, stored.purpose_key) == ("Termin beim Jobcenter", "appt.work.jobcenter")
    assert stored.purpose_texts == Texts()

    tab.select(stored.id)
    dialog = tab.edit_appointment()
    assert dialog is not None and dialog.completer.phrase_key() == "appt.work.jobcenter"
    qtbot.keyClicks(dialog.purpose_edit, " Nord")  # typed on: free text now
    dialog.purpose_texts_editor.edits["ti"].setText("ቆጸራ ምስ ጆብሰንተር")
    with qtbot.waitSignal(tab.changed):
        dialog.accept()
    edited = store.get(Appointment, stored.id)
    assert (edited.purpose, edited.purpose_key) == ("Termin beim Jobcenter Nord", "")
    assert dict(edited.purpose_texts) == {"ti": "ቆጸራ ምስ ጆብሰንተር"}


def test_clear_closes_a_dialog_being_filled_in(
    tab: AppointmentsTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    show(tab, store, client)
    dialog = tab.new_appointment()
    assert dialog is not None
    dialog.purpose_edit.setText("Zebra purpose")
    tab.clear()
    assert tab.dialog is None and tab.findChildren(AppointmentDialog) == []
    settle(db)
    assert store.of_client(Appointment, client.id) == []


def status_combo(tab: AppointmentsTab, row: int) -> QComboBox:
    combo = tab.table.indexWidget(tab.model.index(row, STATUS))
    assert isinstance(combo, QComboBox)
    return combo


def test_a_language_switch_relabels_the_appointments(
    tab: AppointmentsTab, store: Store, client: Client, qtbot: QtBot
) -> None:
    casework.add(
        store,
        Appointment(client.id, datetime(2031, 5, 6, 9, 30), interpreter_language="ar"),
    )
    show(tab, store, client)
    set_language("de")
    try:
        # Qt posts the language change; the status combos are made again when it arrives.
        qtbot.waitUntil(lambda: status_combo(tab, 0).currentText() == "geplant")
        assert column(tab, WHEN) == ["06.05.2031 09:30"]
        assert column(tab, LANGUAGE) == ["Arabisch"]
        assert tab.new_button.text() == tab.tr("New appointment…")
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: status_combo(tab, 0).currentText() == "planned")
    assert column(tab, LANGUAGE) == ["Arabic"]
