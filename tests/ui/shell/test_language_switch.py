"""Switching the UI language while a case is open changes every text the window shows.

Nothing may stay in the language switched away from: not the status bar, the case list, the
tabs of the workspace with the client's values, nor the agenda. The words to look for come from
the German catalogue and the domain's labels: a German word that no English text of the app
uses must not be seen after switching to English, and the other way round.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QStatusBar,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import (
    LABELS,
    DocumentKind,
    DocumentStatus,
    FieldOfAction,
    Housing,
    ResidenceStatus,
    Sex,
)
from desktop.domain.dates import PartialDate
from desktop.domain.model import (
    LEVEL_LABELS,
    Appointment,
    Client,
    DocumentItem,
    Goal,
    IntegrationPlan,
    LanguageSkill,
    Measure,
    Note,
    Organisation,
    SupportLink,
)
from desktop.domain.places import COUNTRIES, LANGUAGES
from desktop.services import casework
from desktop.services.organisations import add_organisation
from desktop.store.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.sync.sync_dialog import SyncDialog
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import current_language, set_language

TS = Path(__file__).resolve().parents[3] / "resources" / "i18n" / "welcome_desk_de.ts"
PLACEHOLDER = re.compile(r"%L?n|%\d+|\{[^{}]*\}")
WORD = re.compile(r"[^\W\d_]{3,}")  # words of three letters or more: "Arabisch", "Gültig"
TODAY = date.today()
# The case data, typed by the coordinator: it stays as typed in either language.
TYPED = ("Caritas Lörrach", "Deutsch B1", "Integrationskurs", "Raum 2", "Beratung",
         "Erstgespräch", "Wohnungssuche")  # fmt: skip


def words(texts: Iterable[str]) -> set[str]:
    return {w for text in texts for w in WORD.findall(PLACEHOLDER.sub(" ", text.replace("&", "")))}


def catalogue_pairs() -> list[tuple[str, str]]:
    """(English, German) of every text the app shows: its own strings and the domain's labels."""
    root = ET.parse(TS).getroot()
    pairs = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        plural = translation.findall("numerusform")
        for german in [f.text or "" for f in plural] if plural else [translation.text or ""]:
            pairs.append((message.findtext("source") or "", german))
    pairs += [(en, de) for de, en in LABELS.values()]
    pairs += [(en, de) for de, en in LANGUAGES.values()]
    pairs += [(en, de) for de, en in COUNTRIES.values()]
    pairs += [(en, de) for de, en in LEVEL_LABELS.values()]
    return pairs


@functools.cache
def only_in(lang: str) -> set[str]:
    """Words that only texts in `lang` use: seen in the other language, they were left over.
    What the coordinator typed (in German) is the same in both."""
    pairs = catalogue_pairs()
    english = words(en for en, _de in pairs)
    german = words(de for _en, de in pairs)
    return (german - english if lang == "de" else english - german) - words(TYPED)


def item_texts(model: QAbstractItemModel, parent: QModelIndex, budget: list[int]) -> Iterator[str]:
    """Display texts and tool tips of a model's items, a tree's children too (within budget)."""
    for row in range(model.rowCount(parent)):
        column = 0
        while (index := model.index(row, column, parent)).isValid() and budget[0] > 0:
            budget[0] -= 1
            column += 1
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
        first = model.index(row, 0, parent)
        if first.isValid() and model.rowCount(first):
            yield from item_texts(model, first, budget)


def shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for every text a visible widget of the window (its dialogs too) shows."""
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        kind = type(widget).__name__
        if widget.isWindow():
            yield f"{kind} title", widget.windowTitle()
        if isinstance(widget, QLabel):
            yield kind, re.sub(r"<[^>]+>", " ", widget.text())
        elif isinstance(widget, QAbstractButton):
            yield kind, widget.text()
        elif isinstance(widget, QGroupBox):
            yield kind, widget.title()
        elif isinstance(widget, QTabBar):
            yield from ((kind, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QMenuBar):
            yield from ((kind, action.text()) for action in widget.actions())
        elif isinstance(widget, QStatusBar):
            yield kind, widget.currentMessage()
        elif isinstance(widget, QComboBox):
            yield kind, widget.currentText()
        elif isinstance(widget, QLineEdit):
            yield kind, widget.text()
            yield kind, widget.placeholderText()
        elif isinstance(widget, QHeaderView):
            model, orientation = widget.model(), widget.orientation()
            for section in range(widget.count()):
                if model is not None and not widget.isSectionHidden(section):
                    yield kind, str(model.headerData(section, orientation) or "")
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from ((kind, t) for t in item_texts(widget.model(), QModelIndex(), [2000]))


# Dates as the other language writes them: 31.12.2026 in German, 2026-12-31 in English.
DATES = {"de": re.compile(r"\b\d\d\.\d{4}\b"), "en": re.compile(r"\b\d{4}-\d\d\b")}


def left_over(window: QWidget, lang: str) -> list[str]:
    """The texts shown that hold a word or a date of `lang`, the language switched away from."""
    foreign = only_in(lang)
    return sorted(
        {
            f"{what}: {text!r}"
            for what, text in shown_texts(window)
            if words([text]) & foreign or DATES[lang].search(text)
        }
    )


@pytest.fixture
def layla(store: Store, add: Callable[..., Client]) -> Client:
    """A client with something in every tab, a status running out and this week's appointment."""
    client = add(
        family_name="Haddad",
        given_names="Layla",
        sex=Sex.FEMALE,
        birth_date=PartialDate(1990, 5, 17),
        nationality="SY",
        languages=(LanguageSkill("ar", "native"), LanguageSkill("de", "A2")),
        interpreter_needed=True,
        interpreter_language="ar",
        housing=Housing.COLLECTIVE,
        residence_status=ResidenceStatus.DULDUNG,
        status_granted_on=TODAY - timedelta(days=170),
        status_valid_until=TODAY + timedelta(days=10),
        arrival_date=date(2023, 4, 2),
        opened_on=date(2023, 4, 3),
    )
    office = Organisation(TYPED[0])
    add_organisation(store, office)
    plan = IntegrationPlan(client.id, agreed_on=date(2023, 5, 2))
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, TYPED[1])
    casework.add(
        store,
        plan,
        goal,
        Measure(goal.id, TYPED[2], due_on=TODAY - timedelta(days=3)),
        DocumentItem(client.id, DocumentKind.PASSPORT, status=DocumentStatus.IN_CUSTODY,
                     held_since=TODAY - timedelta(weeks=6)),
        Appointment(client.id, datetime.combine(TODAY, time(23, 0)), place=TYPED[3],
                    purpose=TYPED[4], interpreter_language="ar"),
        Note(client.id, TODAY - timedelta(days=1), TYPED[5]),
        SupportLink(client.id, office.id, purpose=TYPED[6], since=date(2023, 6, 1)),
    )  # fmt: skip
    return client


@pytest.fixture
def window(
    qtbot: QtBot, db: DbWorker, case_root: Path, layla: Client, add: Callable[..., Client]
) -> Iterator[MainWindow]:
    add(family_name="Haddad", given_names="Mohammed")  # found by another spelling, later
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitUntil(db.is_idle, timeout=10_000)
    window.case_list.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace.client_id == layla.id)
    qtbot.waitUntil(db.is_idle, timeout=10_000)
    window.status.show_saved(datetime.now())
    yield window
    set_language("en")


def switch(window: MainWindow, qtbot: QtBot, lang: str) -> None:
    set_language(lang)  # Qt delivers the change to the widgets as posted events
    qtbot.wait(50)
    qtbot.waitUntil(window.db.is_idle, timeout=10_000)


def switch_in_settings(window: MainWindow, qtbot: QtBot, lang: str) -> None:
    """As the coordinator does: Settings, another language, Apply (the dialog stays open)."""
    dialog = window.open_settings()
    assert dialog is not None
    qtbot.waitUntil(window.db.is_idle, timeout=10_000)
    dialog.language.setCurrentIndex(dialog.language.findData(lang))
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: current_language() == lang, timeout=10_000)
    qtbot.wait(50)
    qtbot.waitUntil(window.db.is_idle, timeout=10_000)


def every_page(window: MainWindow, qtbot: QtBot) -> Iterator[str]:
    """Show each tab of the workspace (and of the Sync window, if open), then the agenda;
    yield what is shown."""
    sync = window.findChild(SyncDialog)
    for tabs in (window.workspace.tab_widget, sync.tabs if sync else None):
        for index in range(tabs.count() if tabs else 0):
            assert tabs is not None
            tabs.setCurrentIndex(index)
            qtbot.waitUntil(window.db.is_idle, timeout=10_000)
            yield tabs.tabText(index).replace("&", "")
    window.show_agenda()
    qtbot.waitUntil(window.db.is_idle, timeout=10_000)
    yield "agenda"
    window.show_cases()


UNSAVED = {"en": "Unsaved changes", "de": "Nicht gespeicherte Änderungen"}


def say_things(window: MainWindow, qtbot: QtBot) -> None:
    """What the window holds at times: in the status bar the demo file's note, a message that
    stays (a backup was restored) and unsaved typing; a tab's error line; a search found by
    another spelling; the Sync window. Each as the app produces it."""
    window.set_note(
        lambda: QCoreApplication.translate("app", "Demo case file – passphrase: {0}").replace(
            "{0}", "4711"
        )
    )
    window.show_message(
        lambda: QCoreApplication.translate("BackupsDialog", "The backup was restored."), 0
    )
    notes, network = window.workspace.tabs[4], window.workspace.tabs[5]
    assert not notes.add_note()  # nothing written: the tab says so under the note
    assert not network.add_support()  # no organisation chosen: the tab says so
    window.open_sync()  # not modal: it stays open while the language is switched
    qtbot.waitUntil(window.db.is_idle, timeout=10_000)
    window.case_list.search.setText("mohamad")  # found as another spelling: "≈ Mohammed"
    qtbot.waitUntil(lambda: window.case_list.model.found_as(0) == "Mohammed", timeout=10_000)
    window.workspace.tab_widget.setCurrentIndex(0)
    phone = window.workspace.tabs[0].editors["phone"].edit
    phone.setFocus()
    qtbot.keyClicks(phone, "0761")  # typed, not finished: unsaved


@pytest.mark.parametrize(("first", "then"), [("de", "en"), ("en", "de")])
def test_no_text_stays_in_the_language_switched_away_from(
    window: MainWindow, qtbot: QtBot, first: str, then: str
) -> None:
    switch(window, qtbot, first)
    for _page in every_page(window, qtbot):
        pass  # every page shown once in the first language, so that each has something to switch
    say_things(window, qtbot)
    assert window.status.saved_label.text() == UNSAVED[first]
    switch_in_settings(window, qtbot, then)
    assert window.status.saved_label.text() == UNSAVED[then]
    found = {page: left_over(window, first) for page in every_page(window, qtbot)}
    window.status.clearMessage()  # the note beneath it shows again
    found["status bar"] = left_over(window.status, first)
    report = [f"{page} - {text}" for page, texts in found.items() for text in texts]
    assert not report, "still in the other language:\n" + "\n".join(report)
    assert window.width() <= 1366  # no text of either language widened the window


def mnemonic(text: str) -> str:
    """The key of a text's mnemonic ("Add la&nguage": "n"), or ""."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).casefold() if found else ""


@pytest.mark.parametrize("lang", ["en", "de"])
def test_adding_a_language_has_a_mnemonic_of_its_own_in_the_window(
    window: MainWindow, qtbot: QtBot, lang: str
) -> None:
    switch(window, qtbot, lang)
    window.workspace.tab_widget.setCurrentIndex(0)
    add = window.workspace.tabs[0].editors["languages"].list.add_button
    assert add.isVisible() and mnemonic(add.text())
    same = [text for _what, text in shown_texts(window) if mnemonic(text) == mnemonic(add.text())]
    assert same == [add.text()]
