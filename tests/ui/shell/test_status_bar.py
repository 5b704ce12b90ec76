"""The status bar says again, in the new language, what it shows when the language is switched."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.shell.status_bar import WindowStatusBar
from desktop.ui.widgets.i18n import current_language, set_language


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[WindowStatusBar]:
    widget = WindowStatusBar()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    set_language("en")


def switch(qtbot: QtBot, lang: str) -> None:
    set_language(lang)
    qtbot.wait(20)  # the language change reaches the widgets as posted events


def in_language() -> str:
    return "Deutsch" if current_language() == "de" else "English"


def test_a_message_given_as_a_function_is_said_again_for_the_time_it_has_left(
    qtbot: QtBot, bar: WindowStatusBar
) -> None:
    bar.say(in_language, 600)
    assert bar.currentMessage() == "English"
    switch(qtbot, "de")
    assert bar.currentMessage() == "Deutsch"
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=2000)  # it still runs out
    switch(qtbot, "en")
    assert bar.currentMessage() == ""  # and is not said again


def test_a_message_that_stays_is_said_again_and_a_newer_one_replaces_it(
    qtbot: QtBot, bar: WindowStatusBar
) -> None:
    bar.say(in_language)
    switch(qtbot, "de")
    assert bar.currentMessage() == "Deutsch"
    bar.showMessage("Ein Hinweis", 0)  # e.g. a menu entry's status tip
    switch(qtbot, "en")
    assert bar.currentMessage() == "Ein Hinweis"


def test_note_count_job_and_save_state_follow_the_language(
    qtbot: QtBot, bar: WindowStatusBar
) -> None:
    bar.set_note(in_language)
    bar.show_count(3)
    bar.show_saved(datetime(2026, 5, 4, 9, 30))
    bar.show_job(True, lambda: None)
    switch(qtbot, "de")
    assert (bar.note_label.text(), bar.count_label.text()) == ("Deutsch", "3 Personen")
    assert bar.job_status.label.text() == "Abgleichordner…"
    assert bar.saved_label.text() == "Gespeichert um 09:30"
    bar.show_unsaved()
    switch(qtbot, "en")
    assert bar.saved_label.text() == "Unsaved changes"  # not the time of the save before
    bar.forget()
    switch(qtbot, "de")
    assert (bar.count_label.text(), bar.saved_label.text()) == ("", "")
