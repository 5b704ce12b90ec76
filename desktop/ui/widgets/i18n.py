"""UI language: English source strings through tr(), German from resources/i18n, switched live.

Every widget sets its visible texts in `retranslate()`, calls it once when built, and mixes in
`Retranslating` so that a language switch (QEvent.LanguageChange, sent by Qt to every widget when
a translator is installed or removed) sets them again, without a restart.

Update the German catalogue after changing strings:
    uv run pyside6-lupdate $(find desktop/ui -name "*.py" | sort) \
        -ts resources/i18n/welcome_desk_de.ts
    uv run pyside6-lrelease resources/i18n/welcome_desk_de.ts -qm resources/i18n/welcome_desk_de.qm
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resource_path

LANGUAGES = {"de": "Deutsch", "en": "English"}
DEFAULT_LANGUAGE = "de"
_installed: list[QTranslator] = []
_current = {"lang": "en"}

# A text a widget keeps showing (a status-bar note or message): either fixed, or a function that
# says it in the language shown at the time, so that it is said again after a language switch.
LiveText = str | Callable[[], str]


def current_language() -> str:
    """ "de" or "en": the language the UI shows now (also for domain labels)."""
    return _current["lang"]


def text_now(text: LiveText) -> str:
    """The text in the language shown now."""
    return text() if callable(text) else text


def set_language(lang: str) -> None:
    """Show the UI in `lang`; every widget retranslates itself."""
    app = QCoreApplication.instance()
    if app is None or lang not in LANGUAGES:
        raise ValueError(f"no application or unknown language {lang!r}")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current["lang"] = lang
    QLocale.setDefault(
        QLocale(QLocale.Language.German if lang == "de" else QLocale.Language.English)
    )
    if lang == "de":
        ours = QTranslator(app)
        if ours.load(str(resource_path("i18n", "welcome_desk_de.qm"))):
            _installed.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    if not _installed:  # nothing installed or removed: tell the widgets all the same
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))


class Retranslating:
    """Mix in before the Qt class: calls `self.retranslate()` when the language changes."""

    def retranslate(self) -> None:  # pragma: no cover - every widget overrides it
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
