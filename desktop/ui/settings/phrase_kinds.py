"""The names of the phrase kinds, shared by the phrase book and its form for a new phrase.

The names keep the phrase book's translation context ("PhraseBookDialog"), where the German
catalogue has them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_label(kind: str) -> str:
    """A phrase kind's name in the window's language."""
    names = {
        "goal": QCoreApplication.translate("PhraseBookDialog", "Goal"),
        "measure": QCoreApplication.translate("PhraseBookDialog", "Measure"),
        "appointment": QCoreApplication.translate("PhraseBookDialog", "Appointment purpose"),
        "request": QCoreApplication.translate("PhraseBookDialog", "Please bring"),
    }
    return names.get(kind, kind)
