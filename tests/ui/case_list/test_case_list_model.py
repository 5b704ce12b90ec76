"""The case list model without a window: pages loaded lazily, sorting done by SQL, every page
read by the database worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.services import casefile, casework
from desktop.services.clients import ClientQuery, update_client
from desktop.store.store import Store
from desktop.ui.case_list.case_list_model import (
    BIRTH_DATE,
    FILE_NUMBER,
    NAME,
    NATIONALITY,
    PAGE_SIZE,
    RESIDENCE_STATUS,
    VALID_UNTIL,
    CaseListModel,
)
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language

MANY = 450
Settle = Callable[[DbWorker], None]


@pytest.fixture(scope="module")
def many_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """450 clients, Person000 … Person449, file numbers AZ-000 … AZ-449 (read-only here)."""
    root: Path = tmp_path_factory.mktemp("many") / "data"
    store = casefile.init(root, "correct horse battery staple").store
    people = [Client(f"Person{i:03d}", "Test", file_number=f"AZ-{i:03d}") for i in range(MANY)]
    casework.add(store, *people)
    store.close()
    return root


@pytest.fixture
def many(many_root: Path, qapp: object) -> Iterator[DbWorker]:
    """A worker over the 450 clients."""
    worker = DbWorker()
    worker.attach(casefile.unlock(many_root, passphrase="correct horse battery staple"))
    try:
        yield worker
    finally:
        worker.shutdown()


def fetch_more(model: CaseListModel, db: DbWorker, settle: Settle) -> None:
    """What the view does when scrolled to the end: ask for a page, the rows come later."""
    model.fetchMore(QModelIndex())
    settle(db)


def names(model: CaseListModel) -> list[str]:
    return [model.client_at(row).family_name for row in range(model.rowCount())]


def test_pages_are_loaded_as_the_view_asks_for_more(many: DbWorker, settle: Settle) -> None:
    model = CaseListModel(many, ClientQuery(state="all"))
    settle(many)
    assert model.rowCount() == PAGE_SIZE
    assert model.total == MANY
    while model.rowCount() < MANY:
        assert model.canFetchMore(QModelIndex())
        loaded = model.rowCount()
        fetch_more(model, many, settle)
        assert model.rowCount() == min(loaded + PAGE_SIZE, MANY)
    assert not model.canFetchMore(QModelIndex())
    assert names(model) == [f"Person{i:03d}" for i in range(MANY)]


def test_sorting_asks_sql_for_the_whole_list_not_the_loaded_rows(
    many: DbWorker, settle: Settle
) -> None:
    model = CaseListModel(many, ClientQuery(state="all"))
    model.sort(FILE_NUMBER, Qt.SortOrder.DescendingOrder)
    settle(many)
    assert model.query.sort == "file_number" and model.query.descending
    # AZ-449 was not among the rows loaded before: only SQL can put it first.
    assert model.rowCount() == PAGE_SIZE
    assert model.data(model.index(0, FILE_NUMBER)) == "AZ-449"
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    settle(many)
    assert names(model)[:2] == ["Person000", "Person001"]


def test_a_new_query_starts_again_at_the_first_page(many: DbWorker, settle: Settle) -> None:
    model = CaseListModel(many, ClientQuery(state="all"))
    settle(many)
    fetch_more(model, many, settle)
    model.set_query(ClientQuery(text="Person012", state="all"))
    settle(many)
    assert names(model) == ["Person012"]
    assert model.total == 1


def haddad(add: Callable[..., Client]) -> Client:
    return add(
        family_name="Haddad",
        given_names="Layla",
        file_number="2024-17",
        birth_date=PartialDate(1990, 5),
        nationality="SY",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=date(2026, 12, 31),
    )


def cells(model: CaseListModel) -> dict[int, str]:
    columns = (NAME, BIRTH_DATE, NATIONALITY, RESIDENCE_STATUS, VALID_UNTIL, FILE_NUMBER)
    return {column: model.data(model.index(0, column)) for column in columns}


def test_cells_show_english_dates_and_labels(
    db: DbWorker, settle: Settle, add: Callable[..., Client]
) -> None:
    haddad(add)
    model = CaseListModel(db)
    settle(db)
    assert cells(model) == {
        NAME: "Haddad, Layla",
        BIRTH_DATE: "1990-05",
        NATIONALITY: "SY",
        RESIDENCE_STATUS: ResidenceStatus.DULDUNG.label("en"),
        VALID_UNTIL: "2026-12-31",
        FILE_NUMBER: "2024-17",
    }
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Name",
        "Date of birth",
        "Nationality",
        "Residence status",
        "Valid until",
        "File number",
    ]


def test_cells_follow_the_language_german_dates_and_labels(
    db: DbWorker, settle: Settle, add: Callable[..., Client]
) -> None:
    haddad(add)
    model = CaseListModel(db)
    settle(db)
    changed: list[object] = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    set_language("de")
    model.retranslate()
    assert changed
    assert cells(model) == {
        NAME: "Haddad, Layla",
        BIRTH_DATE: "05.1990",
        NATIONALITY: "SY",
        RESIDENCE_STATUS: ResidenceStatus.DULDUNG.label("de"),
        VALID_UNTIL: "31.12.2026",
        FILE_NUMBER: "2024-17",
    }


def test_clear_forgets_every_row(db: DbWorker, settle: Settle, add: Callable[..., Client]) -> None:
    add(family_name="Haddad", given_names="Layla")
    model = CaseListModel(db)
    settle(db)
    assert model.rowCount() == 1
    model.clear()
    assert model.rowCount() == 0 and model.total == 0
    assert not model.canFetchMore(QModelIndex())


def test_an_edited_client_is_read_again_in_place(
    db: DbWorker, settle: Settle, store: Store, add: Callable[..., Client]
) -> None:
    client = haddad(add)
    model = CaseListModel(db)
    settle(db)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    update_client(store, client.id, {"family_name": "Haddad-Nasser"})
    model.refresh_client(client.id)
    settle(db)
    assert model.data(model.index(0, NAME)) == "Haddad-Nasser, Layla"
    assert resets == []  # the selection and the scroll position stay
