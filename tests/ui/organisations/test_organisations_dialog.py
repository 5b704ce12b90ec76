"""The network directory offscreen over a real case file: search, add, edit, clients supported."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import OrganisationKind
from desktop.domain.model import Client, Organisation, SupportLink
from desktop.services import casework
from desktop.services.casefile import Store
from desktop.services.organisations import add_organisation, list_organisations
from desktop.ui.organisations.organisations_dialog import OrganisationsDialog
from desktop.ui.widgets.db_worker import DbWorker

Settle = Callable[[DbWorker], None]


@pytest.fixture
def network(store: Store, add: Callable[..., Client]) -> dict[str, Organisation]:
    jobcenter = Organisation(
        "Jobcenter Kreis Nord",
        OrganisationKind.JOBCENTER,
        contact_person="Frau Weber",
        phone="04321 555-10",
        email="weber@jobcenter.example",
    )
    school = Organisation("Sprachschule Lingua", OrganisationKind.LANGUAGE_SCHOOL)
    caritas = Organisation("Caritas Migrationsdienst", OrganisationKind.MIGRATION_COUNSELLING)
    for organisation in (jobcenter, school, caritas):
        add_organisation(store, organisation)
    anna = add(family_name="Müller", given_names="Anna")
    omar = add(family_name="Schmidt", given_names="Omar")
    casework.add(
        store,
        SupportLink(anna.id, jobcenter.id, purpose="Bürgergeld"),
        SupportLink(omar.id, jobcenter.id, purpose="Bürgergeld"),
        SupportLink(omar.id, school.id, purpose="Integrationskurs"),
    )
    return {"jobcenter": jobcenter, "school": school, "caritas": caritas}


@pytest.fixture
def dialog(
    qtbot: QtBot, network: dict[str, Organisation], db: DbWorker, settle: Settle
) -> OrganisationsDialog:
    dialog = OrganisationsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(db)
    return dialog


def table(dialog: OrganisationsDialog) -> list[list[str]]:
    tree = dialog.table
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
        for r in range(tree.topLevelItemCount())
    ]


def names(dialog: OrganisationsDialog) -> list[str]:
    return [row[0] for row in table(dialog)]


def test_the_directory_lists_every_organisation_with_its_details(
    dialog: OrganisationsDialog,
) -> None:
    assert sorted(names(dialog)) == [
        "Caritas Migrationsdienst",
        "Jobcenter Kreis Nord",
        "Sprachschule Lingua",
    ]
    jobcenter = next(row for row in table(dialog) if row[0] == "Jobcenter Kreis Nord")
    assert jobcenter == [
        "Jobcenter Kreis Nord",
        "Jobcenter",
        "Frau Weber",
        "04321 555-10",
        "weber@jobcenter.example",
        "2",
    ]
    assert dialog.count_label.text() == "3 organisations"
    assert dialog.windowTitle() == "Organisations"


def test_the_supported_clients_are_counted(dialog: OrganisationsDialog) -> None:
    counts = {row[0]: row[5] for row in table(dialog)}
    assert counts == {
        "Jobcenter Kreis Nord": "2",
        "Sprachschule Lingua": "1",
        "Caritas Migrationsdienst": "0",
    }


def test_search_narrows_the_list(
    dialog: OrganisationsDialog, qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    qtbot.keyClicks(dialog.search, "lingua")
    settle(db)
    assert names(dialog) == ["Sprachschule Lingua"]
    assert dialog.count_label.text() == "1 organisation"
    dialog.search.clear()
    settle(db)
    assert len(names(dialog)) == 3


def test_a_new_organisation_is_saved_and_listed(
    dialog: OrganisationsDialog, store: Store, db: DbWorker, settle: Settle
) -> None:
    form = dialog.new_organisation()
    assert form.isVisible() and form.windowTitle() == "New organisation"
    form.set_values(
        {
            "name": "Tafel Nordstadt",
            "kind": OrganisationKind.WELFARE_ASSOCIATION,
            "contact_person": "Herr Kaya",
            "phone": "0151 2345678",
            "email": "info@tafel.example",
            "address": "Hauptstr. 1\n24103 Kiel",
        }
    )
    form.accept()
    settle(db)
    assert not form.isVisible() and form.error_text == ""
    stored = {row.organisation.name: row.organisation for row in list_organisations(store)}
    assert stored["Tafel Nordstadt"].kind is OrganisationKind.WELFARE_ASSOCIATION
    assert stored["Tafel Nordstadt"].address == "Hauptstr. 1\n24103 Kiel"
    assert "Tafel Nordstadt" in names(dialog)
    assert dialog.selected_id() == stored["Tafel Nordstadt"].id
    assert dialog.count_label.text() == "4 organisations"


def test_a_form_without_a_name_is_refused_in_one_sentence(
    dialog: OrganisationsDialog, store: Store, db: DbWorker, settle: Settle
) -> None:
    form = dialog.new_organisation()
    form.set_values({"name": "   ", "email": "someone@example.org"})
    form.accept()
    assert form.isVisible()
    assert form.error_text == "Please enter the name of the organisation."
    form.set_values({"name": "Beratung", "email": "no-at-sign"})
    form.accept()
    assert form.isVisible() and form.error_text.startswith("The e-mail address")
    settle(db)
    assert len(list_organisations(store)) == 3


def test_an_edit_is_stored(
    dialog: OrganisationsDialog,
    store: Store,
    network: dict[str, Organisation],
    db: DbWorker,
    settle: Settle,
) -> None:
    school = network["school"]
    form = dialog.edit_organisation(school.id)
    assert form.values()["name"] == "Sprachschule Lingua"
    assert form.values()["kind"] is OrganisationKind.LANGUAGE_SCHOOL
    form.set_values({"contact_person": "Frau Demir", "phone": "0431 777"})
    form.accept()
    settle(db)
    assert not form.isVisible()
    stored = {row.organisation.id: row for row in list_organisations(store)}
    assert len(stored) == 3
    assert stored[school.id].organisation.contact_person == "Frau Demir"
    assert stored[school.id].organisation.phone == "0431 777"
    assert stored[school.id].clients_supported == 1
    row = next(r for r in table(dialog) if r[0] == "Sprachschule Lingua")
    assert row[2:4] == ["Frau Demir", "0431 777"]


def test_double_click_opens_the_form_of_that_organisation(
    dialog: OrganisationsDialog, qtbot: QtBot, network: dict[str, Organisation]
) -> None:
    tree = dialog.table
    item = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "Caritas Migrationsdienst"
    )
    centre = tree.visualItemRect(item).center()
    # QTest sends the double-click event alone; a real one follows a press and release.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    form = dialog.current_form
    assert form is not None and form.isVisible()
    assert form.windowTitle() == "Edit organisation"
    assert form.values()["name"] == "Caritas Migrationsdienst"
    form.reject()
    assert len(network) == 3


def test_edit_needs_a_selection(
    dialog: OrganisationsDialog, network: dict[str, Organisation]
) -> None:
    assert not dialog.edit_button.isEnabled()
    assert dialog.select(network["jobcenter"].id)
    assert dialog.edit_button.isEnabled()
    dialog.edit_button.click()
    form = dialog.current_form
    assert form is not None and form.values()["contact_person"] == "Frau Weber"


def test_a_new_organisation_hidden_by_the_search_is_shown_all_the_same(
    dialog: OrganisationsDialog, qtbot: QtBot, store: Store, db: DbWorker, settle: Settle
) -> None:
    qtbot.keyClicks(dialog.search, "lingua")
    settle(db)
    form = dialog.new_organisation()
    form.set_values({"name": "Tafel Nordstadt"})
    form.accept()
    assert form.saving and not any(b.isEnabled() for b in form.findChildren(QPushButton))
    form.reject()  # Escape while it is being saved: the form waits for the case file
    assert form.isVisible()
    settle(db)
    assert not form.isVisible() and form.saved is not None
    assert dialog.search.text() == ""
    assert len(names(dialog)) == 4
    assert dialog.selected_id() == form.saved.id
    assert [r.organisation.name for r in list_organisations(store, "tafel")] == ["Tafel Nordstadt"]
