"""The document checklist tab over a real case file: ticking, custody, standard lists, scans."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import DocumentKind, DocumentStatus
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client, DocumentItem
from desktop.services import attachments, casework, workspace
from desktop.services.casefile import Store
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language
from desktop.ui.workspace.documents.documents_model import EXPIRES, NOTE, SCAN, STATUS
from desktop.ui.workspace.documents.documents_tab import DocumentsTab

Settle = Callable[[DbWorker], None]


@pytest.fixture
def client(add: Callable[..., Client]) -> Client:
    return add(family_name="Haddad", given_names="Layla")


@pytest.fixture
def tab(qtbot: QtBot, db: DbWorker) -> DocumentsTab:
    widget = DocumentsTab(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def show(tab: DocumentsTab, store: Store, client: Client) -> None:
    tab.set_case(workspace.load_case(store, client.id))


def items(store: Store, client: Client) -> dict[DocumentKind, DocumentItem]:
    return {item.kind: item for item in store.of_client(DocumentItem, client.id)}


def cell(tab: DocumentsTab, kind: DocumentKind, column: int) -> QModelIndex:
    rows = [r for r in range(tab.model.rowCount()) if tab.model.item_at(r).kind is kind]
    assert len(rows) == 1, rows
    return tab.model.index(rows[0], column)


def visible_texts(widget: QWidget) -> list[str]:
    """Every label, field, combo entry and table cell below `widget`."""
    texts = [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QLineEdit)]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    model = widget.model if isinstance(widget, DocumentsTab) else None
    if model is not None:
        for row in range(model.rowCount()):
            texts += [str(model.index(row, c).data()) for c in range(model.columnCount())]
    return texts


def test_ticking_an_item_off_updates_still_missing(
    tab: DocumentsTab, store: Store, client: Client, qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    passport, birth = DocumentKind.PASSPORT, DocumentKind.BIRTH_CERTIFICATE
    casework.add(store, DocumentItem(client.id, passport), DocumentItem(client.id, birth))
    show(tab, store, client)
    assert tab.missing_label.text() == "Still missing: Passport, Birth certificate"
    assert tab.model.index(0, STATUS).data() == "missing"

    with qtbot.waitSignal(tab.changed):
        tab.model.setData(cell(tab, passport, STATUS), DocumentStatus.COPY_ON_FILE.value)

    assert items(store, client)[passport].status is DocumentStatus.COPY_ON_FILE
    assert tab.missing_label.text() == "Still missing: Birth certificate"
    assert tab.counts_label.text().startswith("2 on the checklist: 1 present, 1 missing")
    settle(db)
    tab.set_status(items(store, client)[birth], DocumentStatus.ORIGINAL_SEEN)
    settle(db)
    assert tab.missing_label.text() == "Nothing missing."


def test_the_status_combo_in_the_table_saves_at_once(
    tab: DocumentsTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    casework.add(store, DocumentItem(client.id, DocumentKind.TAX_ID))
    show(tab, store, client)
    combo = tab.table.indexWidget(tab.model.index(0, STATUS))
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "missing"
    row = combo.findText("requested")
    combo.setCurrentIndex(row)
    combo.activated.emit(row)
    settle(db)
    assert items(store, client)[DocumentKind.TAX_ID].status is DocumentStatus.REQUESTED
    assert tab.model.index(0, STATUS).data() == "requested"


def test_an_original_taken_into_custody_asks_who_holds_it(
    tab: DocumentsTab,
    store: Store,
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    db: DbWorker,
    settle: Settle,
) -> None:
    casework.add(store, DocumentItem(client.id, DocumentKind.PASSPORT))
    show(tab, store, client)
    monkeypatch.setattr(tab, "ask_holder", lambda: None)  # cancelled: nothing changes
    tab.model.setData(cell(tab, DocumentKind.PASSPORT, STATUS), DocumentStatus.IN_CUSTODY.value)
    settle(db)
    assert items(store, client)[DocumentKind.PASSPORT].status is DocumentStatus.MISSING

    monkeypatch.setattr(tab, "ask_holder", lambda: "Immigration office Kassel")
    tab.model.setData(cell(tab, DocumentKind.PASSPORT, STATUS), DocumentStatus.IN_CUSTODY.value)
    settle(db)
    held = items(store, client)[DocumentKind.PASSPORT]
    assert held.status is DocumentStatus.IN_CUSTODY
    assert (held.holder, held.held_since) == ("Immigration office Kassel", date.today())
    assert "Immigration office Kassel" in visible_texts(tab)


def test_the_standard_checklist_adds_only_kinds_not_there_yet(
    tab: DocumentsTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    casework.add(
        store, DocumentItem(client.id, DocumentKind.PASSPORT, status=DocumentStatus.COPY_ON_FILE)
    )
    show(tab, store, client)
    actions = {a.text(): a for a in tab.standard_menu.actions()}
    assert "Newly arrived" in actions
    actions["Newly arrived"].trigger()
    settle(db)

    kinds = [item.kind for item in store.of_client(DocumentItem, client.id)]
    assert sorted(kinds) == sorted(
        [DocumentKind.PASSPORT, DocumentKind.BIRTH_CERTIFICATE, DocumentKind.RESIDENCE_TITLE,
         DocumentKind.REGISTRATION, DocumentKind.HEALTH_INSURANCE_CARD,
         DocumentKind.BANK_ACCOUNT, DocumentKind.TAX_ID]
    )  # fmt: skip
    assert tab.model.rowCount() == 7
    assert "Passport" not in tab.missing_label.text()
    assert tab.missing_label.text().startswith("Still missing: Birth certificate")


def test_expired_and_soon_expiring_papers_are_highlighted(
    tab: DocumentsTab, store: Store, client: Client
) -> None:
    today = date.today()
    on_file = DocumentStatus.COPY_ON_FILE
    casework.add(
        store,
        DocumentItem(client.id, DocumentKind.PASSPORT, status=on_file,
                     expires_on=today - timedelta(days=1)),
        DocumentItem(client.id, DocumentKind.RESIDENCE_TITLE, status=on_file,
                     expires_on=today + timedelta(days=10)),
        DocumentItem(client.id, DocumentKind.ID_CARD, status=on_file,
                     expires_on=today + timedelta(days=400)),
    )  # fmt: skip
    show(tab, store, client)
    expired = cell(tab, DocumentKind.PASSPORT, EXPIRES)
    assert expired.data(Qt.ItemDataRole.ForegroundRole) == QColor("#b3261e")
    assert expired.data(Qt.ItemDataRole.ToolTipRole) == "Expired"
    soon = cell(tab, DocumentKind.RESIDENCE_TITLE, EXPIRES)
    assert soon.data(Qt.ItemDataRole.ToolTipRole) == "Expires within 30 days"
    assert soon.data(Qt.ItemDataRole.BackgroundRole) is not None
    fine = cell(tab, DocumentKind.ID_CARD, EXPIRES)
    assert fine.data(Qt.ItemDataRole.ForegroundRole) is None
    assert fine.data() == (today + timedelta(days=400)).isoformat()
    assert tab.missing_label.text() == "Still missing: Passport"


def test_expiry_and_note_are_edited_in_the_table(
    tab: DocumentsTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    casework.add(store, DocumentItem(client.id, DocumentKind.PASSPORT))
    show(tab, store, client)
    tab.model.setData(cell(tab, DocumentKind.PASSPORT, EXPIRES), "31.01.2031")
    tab.model.setData(cell(tab, DocumentKind.PASSPORT, NOTE), "new one applied for")
    settle(db)
    stored = items(store, client)[DocumentKind.PASSPORT]
    assert (stored.expires_on, stored.note) == (date(2031, 1, 31), "new one applied for")

    assert not tab.model.setData(cell(tab, DocumentKind.PASSPORT, EXPIRES), "31.02.2031")
    assert "31.02.2031" in tab.error_label.text()
    settle(db)
    assert items(store, client)[DocumentKind.PASSPORT].expires_on == date(2031, 1, 31)


def test_an_item_is_added_by_kind_and_removed_after_confirmation(
    tab: DocumentsTab,
    store: Store,
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    db: DbWorker,
    settle: Settle,
) -> None:
    show(tab, store, client)
    assert tab.missing_label.text() == "No documents on the checklist yet."
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("Rental contract"))
    tab.add_button.click()
    settle(db)
    assert list(items(store, client)) == [DocumentKind.RENTAL_CONTRACT]
    assert tab.model.index(0, 0).data() == "Rental contract"

    tab.table.selectRow(0)
    questions: list[str] = []
    monkeypatch.setattr(tab, "confirm", lambda q: questions.append(q) or False)
    tab.remove_button.click()
    settle(db)
    assert len(items(store, client)) == 1
    monkeypatch.setattr(tab, "confirm", lambda q: True)
    tab.remove_button.click()
    settle(db)
    assert items(store, client) == {}
    assert tab.model.rowCount() == 0
    assert questions == ["Remove “Rental contract” from the checklist?"]


def test_an_attached_scan_shows_and_reads_back_the_same_bytes(
    tab: DocumentsTab, store: Store, client: Client, tmp_path: Path, db: DbWorker, settle: Settle
) -> None:
    casework.add(store, DocumentItem(client.id, DocumentKind.PASSPORT))
    show(tab, store, client)
    scan = tmp_path / "passport.pdf"
    scan.write_bytes(b"%PDF-1.4 a tiny scan \x00\x01\x02")
    assert not tab.scans.attach_button.isEnabled()  # nothing selected yet
    tab.table.selectRow(0)
    assert tab.scans.attach_button.isEnabled() and not tab.scans.save_button.isEnabled()

    tab.scans.attach(scan)
    settle(db)

    item_id = items(store, client)[DocumentKind.PASSPORT].id
    stored = attachments.attachments_of(store, item_id)
    assert [info.file_name for info in stored] == ["passport.pdf"]
    assert attachments.read_attachment(store, stored[0].id) == scan.read_bytes()
    assert tab.model.index(0, SCAN).data() == "1 scan"
    assert tab.model.index(0, SCAN).data(Qt.ItemDataRole.ToolTipRole) == "passport.pdf"
    assert tab.scans.save_button.isEnabled()
    copy = tab.scans.save_copy(tmp_path / "copy.pdf")
    settle(db)
    assert copy is not None and copy.read_bytes() == scan.read_bytes()


def test_removing_an_item_takes_its_scans_along(
    tab: DocumentsTab,
    store: Store,
    client: Client,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    db: DbWorker,
    settle: Settle,
) -> None:
    casework.add(store, DocumentItem(client.id, DocumentKind.PASSPORT))
    show(tab, store, client)
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG not really")
    tab.table.selectRow(0)
    tab.scans.attach(scan)
    settle(db)
    item_id = items(store, client)[DocumentKind.PASSPORT].id
    questions: list[str] = []
    monkeypatch.setattr(tab, "confirm", lambda q: questions.append(q) or True)
    tab.table.selectRow(0)
    tab.remove_selected()
    settle(db)
    assert questions[0].endswith("Its scans are removed too.")
    assert attachments.attachments_of(store, item_id) == []


def test_an_unreadable_scan_is_reported_not_attached(
    tab: DocumentsTab, store: Store, client: Client, tmp_path: Path, db: DbWorker, settle: Settle
) -> None:
    casework.add(store, DocumentItem(client.id, DocumentKind.PASSPORT))
    show(tab, store, client)
    tab.table.selectRow(0)
    tab.scans.attach(tmp_path / "not-there.pdf")
    settle(db)
    assert "not-there.pdf" in tab.error_label.text()
    assert tab.model.index(0, SCAN).data() == ""


def test_the_selection_stays_when_the_case_is_shown_again(
    tab: DocumentsTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    casework.add(
        store,
        DocumentItem(client.id, DocumentKind.PASSPORT),
        DocumentItem(client.id, DocumentKind.TAX_ID),
    )
    show(tab, store, client)
    tab.table.selectRow(1)
    chosen = tab.selected()
    assert chosen is not None
    tab.model.setData(tab.model.index(1, NOTE), "asked the tax office")
    settle(db)
    selected = tab.selected()
    assert selected is not None and selected.id == chosen.id


def test_clear_leaves_no_client_data(tab: DocumentsTab, store: Store, client: Client) -> None:
    casework.add(
        store,
        DocumentItem(client.id, DocumentKind.PASSPORT, status=DocumentStatus.IN_CUSTODY,
                     holder="Quokka office", note="Zebra remark"),
    )  # fmt: skip
    show(tab, store, client)
    assert "Zebra remark" in visible_texts(tab)
    tab.clear()
    texts = "\n".join(visible_texts(tab))
    assert "Zebra" not in texts and "Quokka" not in texts
    assert tab.model.rowCount() == 0
    assert not tab.isEnabled()


def test_flush_saves_a_cell_still_being_typed_and_refuses_a_bad_date(
    tab: DocumentsTab, store: Store, client: Client, qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    casework.add(store, DocumentItem(client.id, DocumentKind.PASSPORT))
    show(tab, store, client)
    note = cell(tab, DocumentKind.PASSPORT, NOTE)
    tab.table.setCurrentIndex(note)
    tab.table.edit(note)
    editor = tab.table.indexWidget(note)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "copy at the embassy")
    tab.flush()
    settle(db)
    assert items(store, client)[DocumentKind.PASSPORT].note == "copy at the embassy"

    expiry = cell(tab, DocumentKind.PASSPORT, EXPIRES)
    tab.table.setCurrentIndex(expiry)
    tab.table.edit(expiry)
    editor = tab.table.indexWidget(expiry)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "2031-13-01")
    with pytest.raises(InvalidInput):
        tab.flush()
    assert tab.table.indexWidget(expiry) is editor and editor.text() == "2031-13-01"
    settle(db)
    assert items(store, client)[DocumentKind.PASSPORT].expires_on is None


def test_a_language_switch_relabels_the_checklist(
    tab: DocumentsTab, store: Store, client: Client, qtbot: QtBot
) -> None:
    casework.add(
        store, DocumentItem(client.id, DocumentKind.PASSPORT, expires_on=date(2031, 1, 31))
    )
    show(tab, store, client)
    set_language("de")
    try:
        qtbot.waitUntil(
            lambda: "Reisepass" in tab.missing_label.text()
        )  # Qt posts the language change
        assert tab.model.index(0, EXPIRES).data() == "31.01.2031"
        combo = tab.table.indexWidget(tab.model.index(0, STATUS))
        assert isinstance(combo, QComboBox) and combo.currentText() == "fehlt"
        assert tab.kind_combo.findText("Geburtsurkunde") >= 0
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: tab.missing_label.text() == "Still missing: Passport")
