"""The main window's menu bar: its actions with their keys, their texts, the keyboard map.

A mixin of `MainWindow` (which holds the slots the actions call); the texts keep the
"MainWindow" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.settings.phrase_book_dialog import open_phrase_book
from desktop.ui.shell.keyboard_map import KeyboardMapDialog

if TYPE_CHECKING:
    from desktop.ui.agenda.agenda_view import AgendaView
    from desktop.ui.widgets.db_worker import DbWorker


class WindowMenus(QMainWindow):
    """Builds the Case file, View, Sync and Help menus (Reports and Data protection are menus
    of their own) and `find_action` (Ctrl+F); `_case_actions` are those that need an open case
    file."""

    if TYPE_CHECKING:  # what the main window provides: the slots the actions call
        agenda: AgendaView

        @property
        def db(self) -> DbWorker: ...
        def new_client(self) -> object: ...
        def print_plan(self) -> object: ...
        def open_import(self) -> object: ...
        def open_settings(self) -> object: ...
        def open_organisations(self) -> object: ...
        def open_sync(self, tab: str | None = None) -> object: ...
        def show_cases(self) -> None: ...
        def show_agenda(self) -> None: ...
        def _lock_and_ask(self) -> None: ...
        def _focus_search(self) -> None: ...

    def _action(self, menu: QMenu, shortcut: str | None, slot: Any) -> QAction:
        action = QAction(self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.new_client_action = self._action(self.file_menu, "Ctrl+N", self.new_client)
        self.print_plan_action = self._action(self.file_menu, "Ctrl+P", self.print_plan)
        self.import_action = self._action(self.file_menu, None, self.open_import)
        self.file_menu.addSeparator()
        self.lock_action = self._action(self.file_menu, "Ctrl+L", self._lock_and_ask)
        self.settings_action = self._action(self.file_menu, "Ctrl+,", self.open_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.phrase_book_action = self._action(
            self.file_menu, None, lambda: open_phrase_book(self, self.db)
        )
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.view_menu = self.menuBar().addMenu("")
        self.cases_action = self._action(self.view_menu, "Ctrl+1", self.show_cases)
        self.agenda_action = self._action(self.view_menu, "Ctrl+2", self.show_agenda)
        self.organisations_action = self._action(self.view_menu, "Ctrl+3", self.open_organisations)
        self.sync_menu = self.menuBar().addMenu("")
        self.sync_action = self._action(self.sync_menu, "Ctrl+Shift+Y", self.open_sync)
        self.find_action = QAction(self)  # Ctrl+F: no menu entry of its own
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.addAction(self.find_action)
        self._case_actions = [
            self.new_client_action,
            self.import_action,
            self.lock_action,
            self.settings_action,
            self.phrase_book_action,
            self.cases_action,
            self.agenda_action,
            self.organisations_action,
            self.sync_action,
            self.find_action,
        ]

    def _build_help_menu(self) -> None:
        """After Reports and Data protection: Help is the last menu."""
        self.help_menu = self.menuBar().addMenu("")
        self.keyboard_map_action = self._action(self.help_menu, "F1", self.open_keyboard_map)

    def _retranslate_menus(self) -> None:
        # Written out: pyside6-lupdate finds only literal translate() calls.
        translate = QCoreApplication.translate
        self.file_menu.setTitle(translate("MainWindow", "&Case file"))
        self.new_client_action.setText(translate("MainWindow", "&New client…"))
        self.print_plan_action.setText(translate("MainWindow", "&Print plan…"))
        self.import_action.setText(translate("MainWindow", "&Import clients from a spreadsheet…"))
        self.lock_action.setText(translate("MainWindow", "&Lock"))
        self.settings_action.setText(translate("MainWindow", "&Settings…"))
        self.phrase_book_action.setText(translate("MainWindow", "Phrase &book…"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.cases_action.setText(translate("MainWindow", "&Cases"))
        self.agenda_action.setText(translate("MainWindow", "&Agenda"))
        self.organisations_action.setText(translate("MainWindow", "&Organisations…"))
        self.sync_menu.setTitle(translate("MainWindow", "&Sync"))
        self.sync_action.setText(translate("MainWindow", "Sync with &colleagues…"))
        self.find_action.setText(translate("MainWindow", "Search"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.keyboard_map_action.setText(translate("MainWindow", "&Keyboard map…"))

    def open_keyboard_map(self) -> KeyboardMapDialog:
        """Every key of the window (F1), also while the case file is locked."""
        menus = self.findChildren(QMenu)
        commands = dict.fromkeys(action for menu in menus for action in menu.actions())
        radar = self.agenda.radar
        dialog = KeyboardMapDialog(
            [*commands, self.find_action],
            self,
            agenda_actions=[radar.done_action, radar.snooze_action, radar.reopen_action],
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
