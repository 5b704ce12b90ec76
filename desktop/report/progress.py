"""The progress report on A4: measures done, open and dropped over a period, goals reached.

For the case review, or for the client's own record; German and, if chosen, one client language.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.domain.catalogues import FieldOfAction, GoalStatus, MeasureStatus
from desktop.domain.model import Goal, Measure
from desktop.report import labels
from desktop.report.layout import (
    PAD,
    STYLES,
    bilingual,
    day_text,
    document,
    footer_painter,
    grid,
    keep_with_next,
    numbered_canvas,
    para,
    print_language,
)
from desktop.report.phrasebook import PhraseBook
from desktop.report.plan import WIDTH, PlanCase, PlanLayout

OPEN = (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)
REACHED_MARK = "✓ "


def in_period(m: Measure, start: date, end: date) -> bool:
    """Whether a measure's date (its due date: a measure has no completion date) is in the period.

    A measure without a due date cannot be placed and so counts as in every period.
    """
    return m.due_on is None or start <= m.due_on <= end


def sort_into(
    measures: list[Measure], start: date, end: date
) -> tuple[list[Measure], list[Measure], list[Measure]]:
    """The measures done in the period, those still open, and those dropped in the period."""
    done = [m for m in measures if m.status is MeasureStatus.DONE and in_period(m, start, end)]
    still_open = [m for m in measures if m.status in OPEN]
    dropped = [
        m for m in measures if m.status is MeasureStatus.DROPPED and in_period(m, start, end)
    ]
    return done, still_open, dropped


class _Progress(PlanLayout):
    def __init__(
        self,
        view: PlanCase,
        lang: str | None,
        office: str,
        start: date,
        end: date,
        today: date,
        book: PhraseBook | None,
    ) -> None:
        super().__init__(view, lang, office, today, book)
        self.start, self.end = start, end
        self.goals_of_plan = self.plan_goals()
        ids = {g.id for g in self.goals_of_plan}
        self.plan_measures = [m for m in view.measures if m.goal_id in ids]

    def story(self) -> list[Flowable]:
        return [*self.header(), *self.summary(), *self.fields()]

    def header(self) -> list[Flowable]:
        out: list[Flowable] = []
        if self.office:
            out.append(para(self.office, STYLES.office, None, WIDTH, bold=True))
            out.append(Spacer(1, 3 * mm))
        out += bilingual("progress_title", self.lang, WIDTH, STYLES.title, STYLES.title_client)
        client = self.view.client
        facts = [
            ("name", f"{client.given_names} {client.family_name}".strip()),
            ("file_number", client.file_number or "–"),
            ("period", f"{day_text(self.start)} – {day_text(self.end)}"),
            ("date", day_text(self.today)),
        ]
        widths = (0.38 * WIDTH, 0.62 * WIDTH)
        rows = [
            [self.fixed(k, widths[0] - 2 * PAD), self.pair(v, None, widths[1])] for k, v in facts
        ]
        out.append(grid(rows, widths, header=False))
        return out

    def summary(self) -> list[Flowable]:
        done, still_open, _ = sort_into(self.plan_measures, self.start, self.end)
        goals = [g for g in self.goals_of_plan if g.status is not GoalStatus.DROPPED]
        numbers = {
            "done": len(done),
            "total": len(done) + len(still_open),
            "reached": sum(g.status is GoalStatus.REACHED for g in goals),
            "goals": len(goals),
        }
        german = labels.text("summary", "de").format(**numbers)
        client = labels.text("summary", self.lang).format(**numbers) if self.lang else None
        return [Spacer(1, 4 * mm), *self.pair(german, client, WIDTH, bold=True)]

    def fields(self) -> list[Flowable]:
        head = self.heading("goals")
        if not self.goals_of_plan:
            return keep_with_next(head, bilingual("no_goals", self.lang, WIDTH, STYLES.body))
        body: list[Flowable] = []
        for field in FieldOfAction:
            in_field = sorted(
                (g for g in self.goals_of_plan if g.field_of_action is field),
                key=lambda g: g.position,
            )
            if not in_field:
                continue
            client_label = labels.label(field, self.lang) if self.lang else None
            label = [
                Spacer(1, 2 * mm),
                *self.pair(labels.label(field, "de"), client_label, WIDTH, bold=True),
            ]
            body += keep_with_next(label, [f for goal in in_field for f in self.goal(goal)])
        return keep_with_next(head, body)

    def goal(self, goal: Goal) -> list[Flowable]:
        mark = REACHED_MARK if goal.status is GoalStatus.REACHED else ""
        german = (
            f"{mark}{labels.text('goal', 'de')}: {goal.title} ({labels.label(goal.status, 'de')})"
        )
        client = None
        if self.lang:
            text = self.goal_text(goal)
            client = f"{labels.text('goal', self.lang)}: " + (
                f"{text} ({labels.label(goal.status, self.lang)})"
                if text
                else labels.label(goal.status, self.lang)
            )
        head: list[Flowable] = [Spacer(1, 1.5 * mm), *self.pair(german, client, WIDTH)]
        measures = sorted(
            (m for m in self.plan_measures if m.goal_id == goal.id), key=lambda m: m.position
        )
        groups = zip(
            ("done_in_period", "still_open", "dropped_in_period"),
            sort_into(measures, self.start, self.end),
            strict=True,
        )
        widths = [0.46 * WIDTH, 0.24 * WIDTH, 0.13 * WIDTH, 0.17 * WIDTH]
        inner = [w - 2 * PAD for w in widths]
        body: list[Flowable] = []
        for key, group in groups:
            if not group:
                continue
            columns = [
                self.fixed(k, w)
                for k, w in zip(("what", "who", "by_when", "status"), inner, strict=True)
            ]
            table = grid([columns] + [self.measure_row(m, inner) for m in group], widths)
            body += keep_with_next([Spacer(1, 1 * mm), *self.fixed(key, WIDTH)], [table])
        return keep_with_next(head, body)


def render_progress(
    view: PlanCase,
    *,
    language: str | None,
    office_name: str,
    start: date,
    end: date,
    today: date,
    book: PhraseBook | None = None,
) -> bytes:
    """The progress report of `view`'s current plan over `start`..`end` as PDF bytes (A4).

    A measure has no completion date, so its due date stands for its date: "done in the period"
    lists the measures marked done whose due date falls in the period (or that have none);
    "still open" lists every planned or running measure, whatever its due date, since it is
    still to do when the report is printed; "dropped" lists the dropped ones dated in the period.
    Done or dropped measures dated outside the period are left out. The summary counts the
    measures done in the period of those listed as done or open, and the goals reached of the
    goals not dropped. `language` is as for render_plan.
    """
    lang = print_language(language)
    if end < start:
        raise ValueError("the period ends before it starts")
    buffer = io.BytesIO()
    doc = document(buffer, A4, "progress_title")
    doc.build(
        _Progress(view, lang, office_name, start, end, today, book).story(),
        canvasmaker=numbered_canvas(footer_painter(lang)),
    )
    return buffer.getvalue()
