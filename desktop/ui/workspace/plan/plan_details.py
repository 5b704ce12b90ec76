"""The head of the plan tab: the plan's status and dates, and how far it has come."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.domain.catalogues import PlanStatus
from desktop.domain.dates import parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.model import IntegrationPlan
from desktop.domain.rules import PlanProgress
from desktop.services.workspace import CaseView
from desktop.ui.widgets.errors import error_said
from desktop.ui.widgets.formatting import format_date, label
from desktop.ui.widgets.i18n import Retranslating

EXAMPLE_DATE = date(2026, 3, 31)


class PlanDetails(Retranslating, QWidget):
    """Status combo, agreed-on and review dates, a progress bar; "Start a plan" without one.

    Edits are handed on as `edited(IntegrationPlan)`; a date that cannot be read (or a review
    before the agreement) as `invalid(message)`, a function saying it in the language shown.
    """

    edited = Signal(object)
    invalid = Signal(object)
    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: IntegrationPlan | None = None
        self._progress: PlanProgress | None = None
        self.no_plan_label = QLabel()
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.start_requested)
        self.status_combo = QComboBox()
        self.status_combo.activated.connect(lambda _row: self._status_chosen())
        self.agreed_edit = QLineEdit()
        self.review_edit = QLineEdit()
        for edit in (self.agreed_edit, self.review_edit):
            edit.editingFinished.connect(self._editing_finished)
        self.progress_bar = QProgressBar()
        self.progress_label = QLabel()
        self._labels = [QLabel() for _ in range(3)]
        self._build()
        self.retranslate()
        self.clear()

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.no_plan_label, 0, 0, 1, 4)
        grid.addWidget(self.start_button, 0, 4)
        status_label, agreed_label, review_label = self._labels
        grid.addWidget(status_label, 1, 0)
        grid.addWidget(self.status_combo, 1, 1)
        grid.addWidget(agreed_label, 1, 2)
        grid.addWidget(self.agreed_edit, 1, 3)
        grid.addWidget(review_label, 1, 4)
        grid.addWidget(self.review_edit, 1, 5)
        grid.addWidget(self.progress_bar, 2, 0, 1, 2)
        grid.addWidget(self.progress_label, 2, 2, 1, 4)
        for label_widget, buddy in zip(
            self._labels, (self.status_combo, self.agreed_edit, self.review_edit), strict=True
        ):
            label_widget.setBuddy(buddy)

    def retranslate(self) -> None:
        self.no_plan_label.setText(self.tr("This client has no integration plan yet."))
        self.start_button.setText(self.tr("Start a plan"))
        for widget, text in zip(
            self._labels, (self.tr("Pla&n status:"), self.tr("A&greed on:"),
                           self.tr("Review &by:")), strict=True
        ):  # fmt: skip
            widget.setText(text)
        example = format_date(EXAMPLE_DATE)
        for edit in (self.agreed_edit, self.review_edit):
            edit.setPlaceholderText(self.tr("e.g. {0}").replace("{0}", example))
        self.status_combo.clear()
        for status in PlanStatus:
            self.status_combo.addItem(label(status), status.value)
        if self._plan is not None:
            self.status_combo.setCurrentIndex(self.status_combo.findData(self._plan.status.value))
            self._show_dates(self._plan, keep_typed=True)
        if self._progress is not None:
            self._show_progress(self._progress)

    # -- showing --------------------------------------------------------------------------------

    def show_case(self, view: CaseView, today: date) -> None:
        """Show the current plan of `view`; a date being typed for the same plan stays."""
        plan = view.plan
        same_plan = plan is not None and self._plan is not None and self._plan.id == plan.id
        self._plan = plan
        has_plan = plan is not None
        self.no_plan_label.setVisible(not has_plan)
        self.start_button.setVisible(not has_plan)
        for widget in (*self._labels, self.status_combo, self.agreed_edit, self.review_edit):
            widget.setVisible(has_plan)
        if plan is not None:
            self.status_combo.setCurrentIndex(self.status_combo.findData(plan.status.value))
            self._show_dates(plan, keep_typed=same_plan)
        self.progress_bar.setVisible(has_plan)
        self.progress_label.setVisible(has_plan)
        self._progress = view.progress(today) if has_plan else None
        if self._progress is not None:
            self._show_progress(self._progress)
        else:
            self.progress_label.clear()

    def clear(self) -> None:
        """Forget the plan; nothing of it is left in any field."""
        self._plan = None
        self._progress = None
        self.agreed_edit.clear()
        self.review_edit.clear()
        self.status_combo.setCurrentIndex(-1)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_label.clear()

    def progress_text(self) -> str:
        return self.progress_label.text()

    def take_pending(self) -> IntegrationPlan | None:
        """The plan with the dates typed but not yet saved; InvalidInput if one cannot be read
        (or the review lies before the agreement): the text then stays for the user to fix."""
        plan = self._plan
        if plan is None or not (self.agreed_edit.isModified() or self.review_edit.isModified()):
            return None
        edited = dataclasses.replace(
            plan,
            agreed_on=_date(self.agreed_edit.text(), "agreed_on"),
            review_on=_date(self.review_edit.text(), "review_on"),
        )
        self.agreed_edit.setModified(False)
        self.review_edit.setModified(False)
        return edited if edited != plan else None

    # -- internals ------------------------------------------------------------------------------

    def _editing_finished(self) -> None:
        try:
            edited = self.take_pending()
        except InvalidInput as error:
            self.invalid.emit(error_said(error))
            return
        if edited is not None:
            self.edited.emit(edited)

    def _status_chosen(self) -> None:
        value = self.status_combo.currentData()
        if self._plan is not None and value and value != self._plan.status.value:
            self.edited.emit(dataclasses.replace(self._plan, status=PlanStatus(value)))

    def _show_dates(self, plan: IntegrationPlan, keep_typed: bool) -> None:
        for edit, value in ((self.agreed_edit, plan.agreed_on), (self.review_edit, plan.review_on)):
            if not (keep_typed and edit.isModified()):
                edit.setText(format_date(value))

    def _show_progress(self, progress: PlanProgress) -> None:
        countable = progress.total - progress.dropped
        self.progress_bar.setRange(0, max(countable, 1))
        self.progress_bar.setValue(progress.done)
        parts = [
            self.tr("{0} of {1} measures done")
            .replace("{0}", str(progress.done))
            .replace("{1}", str(countable))
        ]
        if progress.overdue:
            parts.append(self.tr("{0} overdue").replace("{0}", str(progress.overdue)))
        parts.append(
            self.tr("{0} of {1} goals reached")
            .replace("{0}", str(progress.goals_reached))
            .replace("{1}", str(progress.goals_total))
        )
        self.progress_label.setText(", ".join(parts))


def _date(text: str, field: str) -> date | None:
    return parse_date(text, field) if text.strip() else None
