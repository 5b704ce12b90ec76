"""A message line says again, in the new language, what it says when the language is switched."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.widgets.i18n import current_language, set_language
from desktop.ui.widgets.message_label import MessageLabel


def test_a_message_follows_the_language_and_a_cleared_one_stays_away(qtbot: QtBot) -> None:
    label = MessageLabel()
    qtbot.addWidget(label)
    label.show()
    label.say(lambda: "Deutsch" if current_language() == "de" else "English")
    assert (label.text(), label.isVisible()) == ("English", True)
    set_language("de")
    qtbot.waitUntil(lambda: label.text() == "Deutsch")
    label.clear()
    set_language("en")
    qtbot.wait(20)
    assert (label.text(), label.isVisible()) == ("", False)
