"""The integration plan of one client: status and dates, goals per field of action, measures.

Every edit is checked on the spot and written by the database worker, which reads the case
again in the same operation; the tab shows that fresh case when the answer arrives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.errors import InvalidInput, WelcomeDeskError
from desktop.domain.model import Goal, Measure
from desktop.domain.rules import PLAN_TEMPLATES
from desktop.services import casework, phrases, workspace
from desktop.services.phrases import PhraseBook
from desktop.services.workspace import CaseView
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_said
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.i18n import LiveText, Retranslating
from desktop.ui.widgets.message_label import MessageLabel
from desktop.ui.widgets.phrase_completer import PhraseCompleter
from desktop.ui.widgets.phrase_source import phrase_source
from desktop.ui.widgets.style import ERROR_STYLE
from desktop.ui.workspace.plan.plan_details import PlanDetails
from desktop.ui.workspace.plan.plan_goal_dialog import (
    GoalDialog,
    chosen_field,
    fill_fields,
    follow_phrase_field,
)
from desktop.ui.workspace.plan.plan_item_editor import PlanItemEditor
from desktop.ui.workspace.plan.plan_measure_dialog import MeasureDialog
from desktop.ui.workspace.plan.plan_tree import PlanTree

if TYPE_CHECKING:
    from desktop.services.casefile import Store

Write = Callable[["Store"], object]


class PlanTab(Retranslating, QWidget):
    """Everything of the plan is saved as soon as it is chosen; `changed` follows every save
    once it is in the case file."""

    changed = Signal()

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._view: CaseView | None = None
        self._select_next: str | None = None
        self._adding_goal = False  # a goal is on its way: Return pressed twice adds it once
        self.measure_dialog: MeasureDialog | None = None  # the one open now, if any
        self.goal_dialog: GoalDialog | None = None  # the one open now, if any
        self._books = phrase_source(db)  # read once on the worker, shared with the other tabs
        self._books.loaded.connect(self._book_loaded)
        self.details = PlanDetails()
        self.details.edited.connect(self._save)
        self.details.invalid.connect(self._show_error)
        self.details.start_requested.connect(self.start_plan)
        self.tree = PlanTree()
        self.tree.selection_changed.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        self.editor = PlanItemEditor()
        self.editor.edited.connect(self._save)
        self._build()
        self.retranslate()
        self.clear()
        if self._books.book is not None:  # read before this tab was made
            self._book_loaded(self._books.book)

    # -- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.field_combo = QComboBox()
        self.goal_title_edit = QLineEdit()
        self.goal_completer = PhraseCompleter(
            self.goal_title_edit, "goal", field=lambda: chosen_field(self.field_combo)
        )
        self.goal_completer.chosen.connect(lambda p: follow_phrase_field(self.field_combo, p))
        # Enter on a suggestion chooses it; else it adds the goal typed
        self.goal_title_edit.returnPressed.connect(
            lambda: None if self.goal_completer.popup_chooses() else self.add_goal()
        )
        self.add_goal_button = QPushButton()
        self.add_goal_button.clicked.connect(lambda: self.add_goal())
        self.template_button = QToolButton()
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self)
        self.template_menu.triggered.connect(lambda a: self.add_from_template(a.data()))
        self.template_button.setMenu(self.template_menu)
        self.add_measure_button = QPushButton()
        self.add_measure_button.clicked.connect(lambda: self.add_measure())
        self.edit_measure_button = QPushButton()
        self.edit_measure_button.clicked.connect(lambda: self.edit_measure())
        self.edit_goal_button = QPushButton()
        self.edit_goal_button.clicked.connect(lambda: self.edit_goal())
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        self.error_label = MessageLabel(ERROR_STYLE)

        goal_row = QHBoxLayout()
        goal_row.addWidget(self.field_combo)
        goal_row.addWidget(self.goal_title_edit, 1)
        goal_row.addWidget(self.add_goal_button)
        goal_row.addWidget(self.template_button)
        item_row = QHBoxLayout()
        for button in (self.add_measure_button, self.edit_measure_button, self.edit_goal_button):
            item_row.addWidget(button)
        item_row.addStretch(1)
        item_row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.details)
        layout.addLayout(goal_row)
        layout.addWidget(self.tree, 1)
        layout.addLayout(item_row)
        layout.addWidget(self.editor)
        layout.addWidget(self.error_label)

    def retranslate(self) -> None:
        self.goal_title_edit.setPlaceholderText(self.tr("New goal, e.g. find a day-care place"))
        self.add_goal_button.setText(self.tr("Add goal"))
        self.template_button.setText(self.tr("Add from template"))
        self.add_measure_button.setText(self.tr("Add measure…"))
        self.edit_measure_button.setText(self.tr("Edit measure…"))
        self.edit_goal_button.setText(self.tr("Edit goal…"))
        self.delete_button.setText(self.tr("Delete…"))
        fill_fields(self.field_combo)
        self.template_menu.clear()
        for index, (field, title, _steps) in enumerate(PLAN_TEMPLATES):
            self.template_menu.addAction(f"{label(field)}: {title}").setData(index)
        if self._view is not None:
            self.tree.show_case(self._view, date.today())

    # -- the tab protocol -----------------------------------------------------------------------

    def set_case(self, view: CaseView) -> None:
        """Show this client's plan; the selected goal or measure stays selected."""
        new_client = self._view is None or self._view.client.id != view.client.id
        if new_client:
            self.tree.clear_case()
            self.details.clear()
        self._view = view
        self.goal_completer.set_language(phrases.client_print_language(view.client))
        self._books.ensure()
        today = date.today()
        self.details.show_case(view, today)
        self.tree.show_case(view, today)
        if self._select_next is not None:
            self.tree.select(self._select_next)
            self._select_next = None
        self.setEnabled(True)

    def flush(self) -> None:
        """Send dates and an outcome typed but not yet saved to the case file.

        Raises InvalidInput at once for a date that cannot be read, so that the workspace keeps
        the case open; the text stays and the message shows under the tree. A save the case
        file refuses is shown there when the worker answers.
        """
        try:
            plan = self.details.take_pending()
        except InvalidInput as error:
            self._show_error(error_said(error))
            raise
        if plan is not None:
            self._save(plan)
        measure = self.editor.take_pending()
        if measure is not None:
            self._save(measure)

    def clear(self) -> None:
        """Forget the client: no goal, measure, date or message is left."""
        self._view = None
        self._select_next = None
        self._adding_goal = False
        if self.measure_dialog is not None:  # a dialog being filled in goes with the case
            dialog, self.measure_dialog = self.measure_dialog, None
            dialog.reject()
            dialog.setParent(None)  # out of the window's children at once, deleted later
        if self.goal_dialog is not None:
            goal_dialog, self.goal_dialog = self.goal_dialog, None
            goal_dialog.reject()
            goal_dialog.setParent(None)
        self.details.clear()
        self.tree.clear_case()
        self.editor.show_item(None)
        self.goal_title_edit.clear()
        self.goal_completer.set_phrase_key("")
        self.error_label.clear()
        self.setEnabled(False)

    # -- what the coordinator does --------------------------------------------------------------

    def start_plan(self) -> None:
        """Create a draft plan for a client who has none."""
        client_id = self._client_id()
        self._write(lambda store: workspace.ensure_plan(store, client_id).id)

    def add_goal(self, field: FieldOfAction | None = None, title: str | None = None) -> None:
        """Add a goal (by default the field and title typed above the tree) to the plan; the
        title typed is cleared once the goal is in the case file."""
        view = self._view
        if view is None or self._adding_goal:
            return
        field = field or FieldOfAction(self.field_combo.currentData())
        typed = self.goal_title_edit.text()
        key = self.goal_completer.phrase_key() if title is None else ""
        title = (typed if title is None else title).strip()
        try:  # an empty title is refused at once; the plan may be created with the goal
            goal = Goal(view.plan.id if view.plan else "", field, title, phrase_key=key)
        except WelcomeDeskError as error:
            self._show_error(error_said(error))
            return
        client_id, goals = view.client.id, list(view.goals)

        def add(store: Store) -> str:
            plan = workspace.ensure_plan(store, client_id)
            position = sum(g.plan_id == plan.id for g in goals)
            casework.add(store, dataclasses.replace(goal, plan_id=plan.id, position=position))
            return goal.id

        self._adding_goal = True
        self._write(add, lambda saved: self._goal_added(saved, typed))

    def add_from_template(self, index: int) -> None:
        """Add a goal with its measures from PLAN_TEMPLATES[index]."""
        client_id = self._client_id()
        self._write(lambda store: workspace.add_from_template(store, client_id, index).id)

    def add_measure(self) -> MeasureDialog | None:
        """Open the dialog for a new measure of the selected goal (not waiting for it)."""
        goal, view = self.tree.goal_of_selection(), self._view
        if goal is None or view is None:
            self._show_error(lambda: self.tr("Select the goal the measure belongs to."))
            return None
        position = sum(m.goal_id == goal.id for m in view.measures)
        dialog = MeasureDialog(
            goal.id, view.organisations, position=position, field=goal.field_of_action,
            book=self._book, languages=phrases.client_languages(view.client), parent=self,
        )  # fmt: skip
        return self._open(dialog, is_new=True)

    def edit_measure(self) -> MeasureDialog | None:
        """Open the dialog for the selected measure (not waiting for it)."""
        measure, view = self.tree.selected(), self._view
        if not isinstance(measure, Measure) or view is None:
            return None
        goal = self.tree.goal_of_selection()
        dialog = MeasureDialog(
            measure.goal_id, view.organisations, measure=measure, book=self._book,
            languages=phrases.client_languages(view.client),
            field=goal.field_of_action if goal else None, parent=self,
        )  # fmt: skip
        return self._open(dialog, is_new=False)

    def edit_goal(self) -> GoalDialog | None:
        """Open the dialog for the selected goal (not waiting for it)."""
        goal, view = self.tree.selected(), self._view
        if not isinstance(goal, Goal) or view is None:
            return None
        dialog = GoalDialog(
            goal, book=self._book, languages=phrases.client_languages(view.client), parent=self
        )
        self.goal_dialog = dialog
        dialog.accepted.connect(lambda: self._save(dialog.goal()))
        dialog.finished.connect(lambda _result: self._goal_dialog_closed(dialog))
        dialog.open()
        return dialog

    def edit_selected(self) -> QDialog | None:
        """Open the dialog for the selected goal or measure."""
        return self.edit_goal() if isinstance(self.tree.selected(), Goal) else self.edit_measure()

    def delete_selected(self) -> None:
        """Delete the selected goal (with its measures) or measure, after a confirmation."""
        chosen, view = self.tree.selected(), self._view
        if chosen is None or view is None:
            return
        if isinstance(chosen, Goal):
            count = sum(m.goal_id == chosen.id for m in view.measures)
            question = (
                self.tr("Delete the goal “{0}” with all its measures ({1})?")
                .replace("{0}", chosen.title)
                .replace("{1}", str(count))
            )
        else:
            question = self.tr("Delete the measure “{0}”?").replace("{0}", chosen.title)
        if self.confirm(question):
            kind, entity_id = type(chosen), chosen.id
            self._write(lambda store: casework.remove(store, kind, entity_id))

    def confirm(self, question: str) -> bool:
        """Ask before deleting (replaced in tests)."""
        answer = QMessageBox.question(self, self.tr("Integration plan"), question)
        return answer == QMessageBox.StandardButton.Yes

    # -- internals ------------------------------------------------------------------------------

    def _client_id(self) -> str:
        assert self._view is not None, "no client shown"
        return self._view.client.id

    def _open(self, dialog: MeasureDialog, *, is_new: bool) -> MeasureDialog:
        self.measure_dialog = dialog
        # accept() has checked the fields: measure() is read here, on the GUI thread
        dialog.accepted.connect(lambda: self._save_measure(dialog.measure(), is_new))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _save_measure(self, measure: Measure, is_new: bool) -> None:
        write = casework.add if is_new else casework.save

        def save(store: Store) -> str:
            write(store, measure)
            return measure.id

        self._write(save)

    def _goal_dialog_closed(self, dialog: GoalDialog) -> None:
        if self.goal_dialog is dialog:
            self.goal_dialog = None
        dialog.deleteLater()

    @property
    def _book(self) -> PhraseBook | None:
        return self._books.book

    def _book_loaded(self, book: PhraseBook) -> None:
        self.goal_completer.set_book(book)
        for dialog in (self.measure_dialog, self.goal_dialog):
            if dialog is not None:
                dialog.completer.set_book(book)
        self.tree.set_phrase_book(book)
        if self._view is not None:
            self.tree.show_case(self._view, date.today())

    def _dialog_closed(self, dialog: MeasureDialog) -> None:
        if self.measure_dialog is dialog:
            self.measure_dialog = None
        dialog.deleteLater()

    def _goal_added(self, saved: bool, typed: str) -> None:
        self._adding_goal = False
        if saved and self.goal_title_edit.text() == typed:  # not typed on meanwhile
            self.goal_title_edit.clear()
            self.goal_completer.set_phrase_key("")

    def _save(self, obj: object) -> None:
        self._write(lambda store: casework.save(store, obj))

    def _write(self, work: Write, ended: Callable[[bool], None] | None = None) -> None:
        """Run one edit on the worker and read the case again there; on success show the fresh
        case and tell the workspace (`changed`).

        A refused edit is shown under the tree. `ended(saved)` is called either way.
        """
        if self._view is None:
            return
        client_id = self._view.client.id

        def write_and_read(store: Store) -> tuple[object, CaseView]:
            return work(store), workspace.load_case(store, client_id)

        self._db.run(
            write_and_read,
            lambda answer: self._written(client_id, answer, ended),
            lambda error: self._refused(client_id, error, ended),
        )

    def _written(
        self,
        client_id: str,
        answer: tuple[object, CaseView],
        ended: Callable[[bool], None] | None,
    ) -> None:
        result, view = answer
        if self._shows(client_id):  # still this client's tab
            self.error_label.clear()
            if isinstance(result, str):
                self._select_next = result
            self.set_case(view)
        if ended is not None:
            ended(True)
        self.changed.emit()

    def _refused(
        self, client_id: str, error: BaseException, ended: Callable[[bool], None] | None
    ) -> None:
        view = self._view
        if view is not None and view.client.id == client_id:
            self._show_error(error_said(error))
            self.set_case(view)  # combos show what is stored again
        if ended is not None:
            ended(False)

    def _shows(self, client_id: str) -> bool:
        return self._view is not None and self._view.client.id == client_id

    def _show_error(self, message: LiveText) -> None:
        self.error_label.say(message)

    def _selection_changed(self) -> None:
        chosen = self.tree.selected()
        shown = self.editor.current()
        pending = None
        if shown is not None and (chosen is None or chosen.id != shown.id):
            pending = self.editor.take_pending()
        self.editor.show_item(chosen)
        is_measure = isinstance(chosen, Measure)
        self.add_measure_button.setEnabled(self.tree.goal_of_selection() is not None)
        self.edit_measure_button.setEnabled(is_measure)
        self.edit_goal_button.setEnabled(isinstance(chosen, Goal))
        self.delete_button.setEnabled(chosen is not None)
        if pending is not None:
            # Only queued here: the tree is refilled when the worker answers, not while it is
            # still handing out its selection signal.
            self._save(pending)
