"""The Sync window offscreen over two real case files that trust each other (Anna's and Bea's)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import ConsentScope
from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.services import casework, compaction, sync
from desktop.services.clients import add_client as add_any_client
from desktop.services.clients import update_client
from desktop.store.database import connect, prepare
from desktop.store.search import ClientQuery
from desktop.store.store import Store
from desktop.ui.reports.duplicates_view import DuplicatesDialog
from desktop.ui.sync.colleague_dialog import fingerprint_lines
from desktop.ui.sync.sync_dialog import SyncDialog
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language
from tests.sync.devices import make_devices, shared_client

SHARE = (ConsentScope.STORE, ConsentScope.SHARE_COLLEAGUES)
Settle = Callable[[DbWorker], None]
Workers = Callable[[Store], DbWorker]


def add_client(store: Store, fields: dict[str, Any]) -> Client:
    """A client who agreed to sharing with colleagues: only such clients travel."""
    consent = {"consent_given_on": date(2026, 1, 5), "consent_scope": SHARE}
    return add_any_client(store, {**consent, **fields})


def open_store(folder: Path) -> Store:
    """A real SQLCipher case file with a random raw key (no Argon2: fast)."""
    folder.mkdir(parents=True)
    db = folder / "casefile.db"
    conn = connect(db, os.urandom(32))
    prepare(conn, db, folder / "backups")
    return Store(conn)


@pytest.fixture
def anna(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "anna")
    yield store
    store.close()


@pytest.fixture
def bea(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "bea")
    yield store
    store.close()


@pytest.fixture
def pair(anna: Store, bea: Store) -> tuple[Store, Store]:
    """Anna's and Bea's case files, each trusting the other."""
    sync.add_colleague(anna, "Bea", sync.my_identity(bea).text)
    sync.add_colleague(bea, "Anna", sync.my_identity(anna).text)
    return anna, bea


@pytest.fixture
def worker(qapp: object) -> Iterator[Workers]:
    """`worker(store)`: the database worker that owns this case file (one per case file)."""
    made: dict[int, DbWorker] = {}

    def of(store: Store) -> DbWorker:
        if id(store) not in made:
            made[id(store)] = DbWorker()
            made[id(store)].attach(store)
        return made[id(store)]

    yield of
    for db in made.values():
        db.shutdown()


def window(qtbot: QtBot, db: DbWorker, settle: Settle) -> SyncDialog:
    """The Sync window over the worker's case file, once what it shows has been read."""
    dialog = SyncDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(db)
    return dialog


def choose_file(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """The file dialogs answer with these paths (the dialog is Qt's, not the app's)."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(paths[0]), ""))
    )
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *_a, **_k: ([str(p) for p in paths], "")),
    )


def send_bundle(
    qtbot: QtBot,
    sender: DbWorker,
    settle: Settle,
    to: str,
    target: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """Export for a colleague through the sender's Exchange tab."""
    dialog = window(qtbot, sender, settle)
    choose_file(monkeypatch, target)
    dialog.exchange.colleague.setCurrentText(to)
    dialog.exchange.export_button.click()
    assert target.is_file()
    close_message(dialog)
    settle(sender)
    return target


def close_message(dialog: SyncDialog) -> str:
    box = dialog.exchange.message
    assert box is not None and box.isVisible()
    text = box.text()
    box.done(0)
    return text


def names(store: Store) -> list[str]:
    return [c.family_name for c in store.clients(ClientQuery()).clients]


# -- colleagues ----------------------------------------------------------------------------------


def test_my_identity_and_fingerprint_are_shown_and_copied(
    qtbot: QtBot, anna: Store, worker: Workers, settle: Settle
) -> None:
    dialog = window(qtbot, worker(anna), settle)
    mine = sync.my_identity(anna)
    page = dialog.colleagues
    assert dialog.tab_titles() == ["Co&lleagues", "E&xchange", "C&onflicts"]
    assert page.identity.text() == mine.text and page.identity.isReadOnly()
    assert page.fingerprint.text() == fingerprint_lines(mine.fingerprint)
    assert page.fingerprint.text().count("\n") == 1  # two lines of four digit groups
    page.copy_button.click()
    assert QGuiApplication.clipboard().text() == mine.text


def test_adding_a_colleague_shows_both_fingerprints_and_trusts_them(
    qtbot: QtBot, anna: Store, bea: Store, worker: Workers, settle: Settle
) -> None:
    db = worker(anna)
    dialog = window(qtbot, db, settle)
    form = dialog.colleagues.add_colleague()
    settle(db)
    assert form.isVisible() and form.windowTitle() == "Add colleague"
    assert form.left_fingerprint.text() == fingerprint_lines(sync.my_identity(anna).fingerprint)
    assert form.right_fingerprint.text() == "—"
    assert "by phone or in person" in form.instruction.text()
    form.name.setText("Bea Schäfer")
    form.identity.setText(sync.my_identity(bea).text)
    assert form.right_fingerprint.text() == fingerprint_lines(sync.my_identity(bea).fingerprint)
    form.ok_button.click()
    settle(db)
    assert not form.isVisible()
    assert [c.name for c in sync.colleagues(anna)] == ["Bea Schäfer"]
    rows = dialog.colleagues.shown_rows()
    assert [r[:2] for r in rows] == [["Bea Schäfer", sync.my_identity(bea).fingerprint]]
    assert dialog.colleagues.selected_name() == "Bea Schäfer"
    assert [dialog.exchange.colleague.itemText(0)] == ["Bea Schäfer"]


def test_a_wrong_identity_is_refused_inline_and_nothing_is_added(
    qtbot: QtBot, anna: Store, worker: Workers, settle: Settle
) -> None:
    db = worker(anna)
    dialog = window(qtbot, db, settle)
    form = dialog.colleagues.add_colleague()
    settle(db)
    form.name.setText("Bea")
    form.identity.setText("wd1:not-an-identity")
    assert form.right_fingerprint.text() == "—"
    assert form.error_text.startswith("This is not a Welcome Desk identity")
    form.ok_button.click()
    settle(db)
    assert form.isVisible()
    assert form.error_text.startswith("This is not a Welcome Desk identity")
    form.identity.setText(sync.my_identity(anna).text)
    form.ok_button.click()
    settle(db)
    assert form.isVisible()
    assert form.error_text == "This is the identity of this computer, not of a colleague."
    assert sync.colleagues(anna) == []
    assert dialog.colleagues.shown_rows() == []


def test_removing_a_colleague_asks_first(
    qtbot: QtBot, pair: tuple[Store, Store], worker: Workers, settle: Settle
) -> None:
    anna, _bea = pair
    db = worker(anna)
    page = window(qtbot, db, settle).colleagues
    assert not page.remove_button.isEnabled()
    assert page.select("Bea") and page.remove_button.isEnabled()
    page.remove_button.click()
    question = page.question
    assert question is not None and question.isVisible()
    assert question.text().startswith("Stop trusting Bea?")
    question.button(QMessageBox.StandardButton.No).click()
    settle(db)
    assert [c.name for c in sync.colleagues(anna)] == ["Bea"]
    page.remove_button.click()
    assert page.question is not None
    page.question.button(QMessageBox.StandardButton.Yes).click()
    settle(db)
    assert sync.colleagues(anna) == []
    assert page.shown_rows() == []


def test_the_wait_for_a_silent_colleague_is_shown_and_kept(
    qtbot: QtBot, anna: Store, worker: Workers, settle: Settle
) -> None:
    db = worker(anna)
    page = window(qtbot, db, settle).colleagues
    settle(db)
    assert page.wait_days.isEnabled() and page.wait_days.value() == 90
    assert page.wait_label.buddy() is page.wait_days
    page.wait_days.setValue(30)
    settle(db)
    assert compaction.wait_days(anna) == 30
    again = window(qtbot, db, settle).colleagues
    settle(db)
    assert again.wait_days.value() == 30


# -- exchange ------------------------------------------------------------------------------------


def test_an_exported_bundle_imported_by_the_colleague_brings_the_client(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    worker: Workers,
    settle: Settle,
) -> None:
    anna, bea = pair
    add_client(anna, {"family_name": "Haddad", "given_names": "Rami"})
    dialog = window(qtbot, worker(anna), settle)
    target = tmp_path / "usb" / "for-bea"
    target.parent.mkdir()
    choose_file(monkeypatch, target)
    dialog.exchange.export_button.click()
    written = target.with_name("for-bea.wdb")
    assert written.is_file()
    text = close_message(dialog)
    # existence, name, case dates, consent, and the audit event that records the new case
    assert text.startswith("The bundle for Bea holds 5 changes") and str(written) in text
    settle(worker(anna))
    assert dialog.colleagues.shown_rows()[0][3] != ""  # last bundle sent

    theirs = window(qtbot, worker(bea), settle)
    merged: list[bool] = []
    theirs.merged.connect(lambda: merged.append(True))
    choose_file(monkeypatch, written)
    theirs.exchange.import_button.click()
    assert close_message(theirs) == "5 changes from Anna merged."
    settle(worker(bea))
    assert names(bea) == ["Haddad"]
    assert merged == [True]
    row = theirs.colleagues.shown_rows()[0]
    assert row[0] == "Anna" and row[2] != ""  # last bundle received


def test_the_default_file_name_says_who_it_is_for(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    monkeypatch: pytest.MonkeyPatch,
    worker: Workers,
    settle: Settle,
) -> None:
    anna, _bea = pair
    asked: list[str] = []

    def save_name(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    dialog = window(qtbot, worker(anna), settle)
    assert dialog.exchange.export_bundle() is None
    assert Path(asked[0]).name.startswith("wd-") and asked[0].endswith(".wdb")
    assert dialog.exchange.message is None


def test_a_dropped_bundle_is_imported(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    worker: Workers,
    settle: Settle,
) -> None:
    anna, bea = pair
    add_client(anna, {"family_name": "Okafor", "given_names": "Ada"})
    bundle = send_bundle(qtbot, worker(anna), settle, "Bea", tmp_path / "okafor.wdb", monkeypatch)
    dialog = window(qtbot, worker(bea), settle)
    dialog.tabs.setCurrentWidget(dialog.exchange)
    page = dialog.exchange
    assert page.drop_zone.isVisible() and page.drop_text.text() == "Drop bundle files (.wdb) here"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle))])
    where = QPointF(page.drop_zone.geometry().center())
    copy = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        where.toPoint(), copy, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, copy, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, drop)
    qtbot.waitUntil(lambda: page.message is not None)
    settle(worker(bea))
    assert page.result.text() == "5 changes from Anna merged."
    assert names(bea) == ["Okafor"]


def test_a_tampered_bundle_is_refused_and_changes_nothing(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    worker: Workers,
    settle: Settle,
) -> None:
    anna, bea = pair
    add_client(anna, {"family_name": "Novak", "given_names": "Jan"})
    bundle = send_bundle(qtbot, worker(anna), settle, "Bea", tmp_path / "novak.wdb", monkeypatch)
    data = bytearray(bundle.read_bytes())
    data[-40] ^= 0x01
    bundle.write_bytes(bytes(data))
    dialog = window(qtbot, worker(bea), settle)
    dialog.exchange.import_files([bundle])
    settle(worker(bea))
    box = dialog.exchange.message
    assert box is not None and box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "This file was changed after Anna signed it, so it was not imported."
    assert dialog.exchange.compare_button is None
    assert names(bea) == []
    assert dialog.colleagues.shown_rows()[0][2] == ""  # nothing received


def test_an_untrusted_sender_can_be_compared_and_then_trusted(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    worker: Workers,
    settle: Settle,
) -> None:
    anna, _bea = pair
    carla = open_store(tmp_path / "carla")
    try:
        sync.add_colleague(carla, "Anna", sync.my_identity(anna).text)
        add_client(carla, {"family_name": "Rossi", "given_names": "Luca"})
        bundle = send_bundle(
            qtbot, worker(carla), settle, "Anna", tmp_path / "from-carla.wdb", monkeypatch
        )
        carla_print = sync.my_identity(carla).fingerprint
    finally:
        worker(carla).close()

    db = worker(anna)
    dialog = window(qtbot, db, settle)
    dialog.exchange.import_files([bundle])
    settle(db)
    box = dialog.exchange.message
    assert box is not None and carla_print in box.text()
    assert box.text().startswith("This bundle comes from someone who is not among your colleagues")
    compare = dialog.exchange.compare_button
    assert isinstance(compare, QPushButton) and compare.text() == "&Compare fingerprints…"
    compare.click()
    settle(db)
    form = dialog.colleagues.dialog
    assert form is not None and form.isVisible()
    assert dialog.tabs.currentWidget() is dialog.colleagues
    assert form.windowTitle() == "Compare fingerprints"
    assert form.identity.isReadOnly() and not form.name.isReadOnly()
    assert form.left_fingerprint.text() == fingerprint_lines(sync.my_identity(anna).fingerprint)
    assert form.right_fingerprint.text() == fingerprint_lines(carla_print)
    form.ok_button.click()
    settle(db)
    assert form.isVisible() and form.error_text.startswith("A colleague needs a name")
    form.name.setText("Carla")
    form.ok_button.click()
    settle(db)
    assert not form.isVisible()
    assert sorted(c.name for c in sync.colleagues(anna)) == ["Bea", "Carla"]

    dialog.exchange.import_files([bundle])
    settle(db)
    assert dialog.exchange.result.text() == "5 changes from Carla merged."
    assert names(anna) == ["Rossi"]


def test_a_changed_key_shows_the_known_and_the_new_fingerprint(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    worker: Workers,
    settle: Settle,
) -> None:
    anna, bea = pair
    first = send_bundle(qtbot, worker(bea), settle, "Anna", tmp_path / "first.wdb", monkeypatch)
    sync.import_file(anna, first)  # Anna now knows Bea's computer
    old_print = sync.my_identity(bea).fingerprint
    bea.set_meta("identity_signing_key", os.urandom(32).hex())  # Bea set up her keys again
    bea.set_meta("identity_exchange_key", os.urandom(32).hex())
    add_client(bea, {"family_name": "Yilmaz", "given_names": "Elif"})
    bundle = send_bundle(qtbot, worker(bea), settle, "Anna", tmp_path / "second.wdb", monkeypatch)

    db = worker(anna)
    dialog = window(qtbot, db, settle)
    dialog.exchange.import_files([bundle])
    settle(db)
    assert dialog.exchange.result.text().startswith("This bundle claims to come from Bea")
    assert dialog.exchange.compare_button is not None
    dialog.exchange.compare_button.click()
    settle(db)
    form = dialog.colleagues.dialog
    assert form is not None
    assert form.left_caption.text() == "Fingerprint known until now"
    assert form.left_fingerprint.text() == fingerprint_lines(old_print)
    assert form.right_fingerprint.text() == fingerprint_lines(sync.my_identity(bea).fingerprint)
    assert form.name.text() == "Bea" and form.name.isReadOnly()
    assert form.ok_button.text() == "&Trust new identity"
    form.ok_button.click()
    settle(db)
    assert not form.isVisible()
    assert dialog.colleagues.shown_rows()[0][1] == sync.my_identity(bea).fingerprint
    dialog.exchange.import_files([bundle])
    settle(db)
    assert dialog.exchange.result.text() == "5 changes from Bea merged."
    assert names(anna) == ["Yilmaz"]


# -- conflicts -----------------------------------------------------------------------------------


def conflicting_names(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    worker: Workers,
    settle: Settle,
) -> str:
    """Anna and Bea both rename the same client before exchanging bundles; returns its id."""
    anna, bea = pair
    client = add_client(anna, {"family_name": "Müller", "given_names": "Anna"})
    first = send_bundle(qtbot, worker(anna), settle, "Bea", tmp_path / "1.wdb", monkeypatch)
    sync.import_file(bea, first)
    casework.save(anna, dataclasses.replace(client, family_name="Meier"))
    update_client(bea, client.id, {"family_name": "Maier"})
    to_bea = send_bundle(qtbot, worker(anna), settle, "Bea", tmp_path / "2.wdb", monkeypatch)
    to_anna = send_bundle(qtbot, worker(bea), settle, "Anna", tmp_path / "3.wdb", monkeypatch)
    sync.import_file(bea, to_bea)
    sync.import_file(anna, to_anna)
    return client.id


def test_a_conflict_shows_on_both_sides_and_the_lost_name_can_be_restored(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    worker: Workers,
    settle: Settle,
) -> None:
    anna, bea = pair
    client_id = conflicting_names(qtbot, pair, tmp_path, monkeypatch, worker, settle)
    assert anna.get(Client, client_id).family_name == "Maier"  # Bea's later edit won
    theirs = window(qtbot, worker(bea), settle)
    assert theirs.tab_titles()[2] == "C&onflicts (1)"
    assert theirs.tabs.currentWidget() is theirs.conflicts  # opened where the work is
    assert theirs.conflicts.shown_rows() == [
        ["Maier, Anna", "Client: name", "Meier", "Maier", "Anna", "this computer"]
    ]
    assert not theirs.conflicts.restore_button.isHidden()

    mine = window(qtbot, worker(anna), settle)
    page = mine.conflicts
    assert page.shown_rows()[0][:6] == [
        "Maier, Anna",
        "Client: name",
        "Meier",
        "Maier",
        "this computer",
        "Bea",
    ]
    assert page.detail.text().startswith("Maier, Anna – Client: name\nLost: Meier (changed by this")
    changed: list[bool] = []
    mine.merged.connect(lambda: changed.append(True))
    page.restore_button.click()
    settle(worker(anna))
    assert anna.get(Client, client_id).family_name == "Meier"
    assert page.shown_rows() == [] and mine.tab_titles()[2] == "C&onflicts"
    assert page.detail.text() == "No conflicts to review."
    assert not page.keep_button.isEnabled() and changed == [True]

    theirs.conflicts.keep_button.click()
    settle(worker(bea))
    assert sync.open_conflict_count(bea) == 0
    assert bea.get(Client, client_id).family_name == "Maier"
    assert theirs.tab_titles()[2] == "C&onflicts"


# -- language and keyboard -----------------------------------------------------------------------


def test_the_window_speaks_german(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    worker: Workers,
    settle: Settle,
) -> None:
    anna, bea = pair
    conflicting_names(qtbot, pair, tmp_path, monkeypatch, worker, settle)
    dialog = window(qtbot, worker(anna), settle)
    set_language("de")
    # Qt posts the language change to every widget: each retranslates when its event comes.
    qtbot.waitUntil(lambda: dialog.conflicts.shown_rows()[0][1] == "Klient/in: Name")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Abgleich mit Kolleginnen und Kollegen")
    qtbot.waitUntil(lambda: dialog.colleagues.identity_box.title() == "Meine Identität")
    qtbot.waitUntil(lambda: dialog.exchange.import_button.text() == "Paket &einlesen…")
    assert dialog.tab_titles() == ["Ko&lleginnen und Kollegen", "&Austausch", "K&onflikte (1)"]
    assert dialog.conflicts.shown_rows()[0][4] == "diesem Computer"
    add_client(bea, {"family_name": "Kaya", "given_names": "Deniz"})
    bundle = send_bundle(qtbot, worker(bea), settle, "Anna", tmp_path / "de.wdb", monkeypatch)
    dialog.exchange.import_files([bundle])
    settle(worker(anna))
    assert dialog.exchange.result.text() == "5 Änderungen von Bea übernommen."
    box = dialog.exchange.message
    assert box is not None and box.windowTitle() == "Abgleich"


def test_escape_closes_the_window_and_every_button_takes_the_tab_key(
    qtbot: QtBot, pair: tuple[Store, Store], worker: Workers, settle: Settle
) -> None:
    anna, _bea = pair
    dialog = window(qtbot, worker(anna), settle)
    buttons = dialog.findChildren(QPushButton)
    assert len(buttons) >= 9
    for button in buttons:
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert "&" in button.text() or button.text() == "Close", button.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_a_colleagues_new_client_who_is_probably_known_here_can_be_reviewed(
    qtbot: QtBot, tmp_path: Path, worker: Workers, settle: Settle
) -> None:
    anna, bea = make_devices(tmp_path / "offices", ["Anna", "Bea"])
    known = shared_client("Ali", "Mohammed", birth_date=PartialDate(1990), nationality="SY")
    casework.add(anna.store, known)
    new = shared_client("Ali", "Muhammad", birth_date=PartialDate(1990, 5), nationality="SY")
    casework.add(bea.store, new)
    bundle = bea.export_to(anna)
    db = worker(anna.store)
    dialog = SyncDialog(db)
    qtbot.addWidget(dialog)
    dialog.exchange.import_files([bundle])
    qtbot.waitUntil(lambda: dialog.exchange.review_button is not None)
    button = dialog.exchange.review_button
    assert button is not None and "(1)" in button.text()
    button.click()  # the review list opens over the Exchange tab, with the one likely pair
    review = dialog.exchange.findChild(DuplicatesDialog)
    assert review is not None and review.isVisible() and len(review.pairs) == 1
    settle(db)
    summary = sync.import_file(anna.store, bundle)
    assert summary.already_imported
    db.close()
    bea.store.close()
