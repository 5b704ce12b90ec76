"""The German catalogue: complete, placeholders kept, the shipped .qm current, switched live."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.services import casefile
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import current_language, set_language

PASSPHRASE = "correct horse battery staple"
I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
TS = I18N / "welcome_desk_de.ts"
QM = I18N / "welcome_desk_de.qm"

# Qt's %1, %2, %n, %Ln and the {0} / {name} the code fills in with str.replace or format.
PLACEHOLDER = re.compile(r"%L?n|%\d+|\{[^{}]*\}")

ENGLISH_TABS = [
    "&Overview",
    "&Integration plan",
    "&Documents",
    "&Appointments",
    "No&tes",
    "Net&work",
]
GERMAN_TABS = ["&Übersicht", "Integrations&plan", "&Dokumente", "&Termine", "&Notizen", "Netz&werk"]


def messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in the German catalogue."""
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", translation)
        for context in root.iter("context")
        for message in context.iter("message")
        if (translation := message.find("translation")) is not None
    ]


def forms(translation: ET.Element) -> list[str]:
    """The translated text, or each plural form of a numerus message."""
    plural = translation.findall("numerusform")
    return [form.text or "" for form in plural] if plural else [translation.text or ""]


def lrelease() -> Path:
    """pyside6-lrelease of the running environment (beside the Python executable)."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (folder / name).exists():
            return folder / name
    raise AssertionError(f"pyside6-lrelease not found in {folder}")


def tab_titles(window: MainWindow) -> list[str]:
    tabs = window.workspace.tab_widget
    return [tabs.tabText(index) for index in range(tabs.count())]


def test_every_message_is_translated_and_keeps_its_placeholders() -> None:
    found = messages()
    assert len(found) > 300
    assert 'type="unfinished"' not in TS.read_text(encoding="utf-8")
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, where
        texts = forms(translation)
        assert texts and all(text.strip() for text in texts), f"empty translation for {where}"
        for text in texts:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                f"{where} -> {text!r}"
            )
            assert text.count("&") == source.count("&"), f"accelerator: {where} -> {text!r}"


def test_numerus_messages_have_a_singular_and_a_plural() -> None:
    root = ET.parse(TS).getroot()
    numerus = [m for m in root.iter("message") if m.get("numerus") == "yes"]
    assert numerus
    for message in numerus:
        translation = message.find("translation")
        assert translation is not None
        assert len(translation.findall("numerusform")) == 2, message.findtext("source")


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "welcome_desk_de.qm"
    subprocess.run(
        [str(lrelease()), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
        text=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), (
        "resources/i18n/welcome_desk_de.qm is out of date: run pyside6-lrelease"
    )


def test_the_main_window_switches_to_german_and_back_without_a_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    root = tmp_path / "data"
    store = casefile.init(root, PASSPHRASE).store
    try:
        worker = DbWorker()
        worker.attach(store)
        window = MainWindow(worker, root)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(worker.is_idle)
        assert window.file_menu.title() == "&Case file"
        assert tab_titles(window) == ENGLISH_TABS

        set_language("de")
        try:
            assert current_language() == "de"
            qtbot.waitUntil(lambda: "Fallakte" in window.file_menu.title())
            assert window.view_menu.title() == "&Ansicht"
            assert window.lock_action.text() == "&Sperren"
            assert window.settings_action.text() == "&Einstellungen…"
            assert window.count_label.text() == "0 Personen"
            qtbot.waitUntil(lambda: tab_titles(window) == GERMAN_TABS)
        finally:
            set_language("en")

        qtbot.waitUntil(lambda: window.file_menu.title() == "&Case file")
        assert window.view_menu.title() == "&View"
        assert window.count_label.text() == "0 people"
        qtbot.waitUntil(lambda: tab_titles(window) == ENGLISH_TABS)
        window.close()
    finally:
        store.close()


def test_every_text_of_the_window_is_in_the_german_catalogue(tmp_path: Path) -> None:
    """pyside6-lupdate over every UI module finds no text that the catalogue lacks."""
    lupdate = lrelease().with_name(lrelease().name.replace("lrelease", "lupdate"))
    copy = tmp_path / "welcome_desk_de.ts"
    copy.write_bytes(TS.read_bytes())
    sources = sorted(str(p) for p in (TS.parents[2] / "desktop" / "ui").rglob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(copy)], check=True, capture_output=True, text=True
    )
    root = ET.parse(copy).getroot()
    untranslated = [
        message.findtext("source")
        for message in root.iter("message")
        if (translation := message.find("translation")) is not None
        and translation.get("type") == "unfinished"
    ]
    assert untranslated == [], "run pyside6-lupdate and translate these"
