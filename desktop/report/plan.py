"""The integration plan and agreement on A4, in German and, if chosen, one client language."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.domain.catalogues import AppointmentStatus, FieldOfAction
from desktop.domain.model import (
    Appointment,
    Client,
    Goal,
    IntegrationPlan,
    Measure,
    Organisation,
)
from desktop.domain.rules import ChecklistState
from desktop.report import labels
from desktop.report.fonts import SANS
from desktop.report.layout import (
    GREY,
    MARGIN,
    PAD,
    STYLES,
    Cell,
    bilingual,
    document,
    footer_painter,
    keep_with_next,
    numbered_canvas,
    para,
    print_language,
)
from desktop.report.layout import (
    day_text as _d,
)
from desktop.report.layout import (
    grid as _grid,
)
from desktop.report.phrasebook import PhraseBook, item_text

WIDTH = A4[0] - 2 * MARGIN
MAX_APPOINTMENTS = 5


class PlanCase(Protocol):
    """What the print needs of a case (services.workspace.CaseView has it)."""

    @property
    def client(self) -> Client: ...
    @property
    def plan(self) -> IntegrationPlan | None: ...
    @property
    def goals(self) -> Sequence[Goal]: ...
    @property
    def measures(self) -> Sequence[Measure]: ...
    @property
    def appointments(self) -> Sequence[Appointment]: ...
    @property
    def organisations(self) -> Mapping[str, Organisation]: ...
    def checklist(self, today: date) -> ChecklistState: ...


@dataclass(frozen=True)
class Untranslated:
    """A printed item that has no text in the print language: it prints in German only."""

    kind: str  # "goal", "measure" or "appointment"
    id: str
    german: str
    unassigned: str = ""  # a text of it whose language the coordinator has not set yet


class PlanLayout:
    """Lays out one case's plan; `lang` is the client language or None (German only).

    Goals, measures and appointment purposes print in German and, below, in `lang` where the
    item has a text in it, its own or its phrase's in `book`. The progress report
    (report.progress) builds on it.
    """

    def __init__(
        self,
        view: PlanCase,
        lang: str | None,
        office: str,
        today: date,
        book: PhraseBook | None = None,
    ) -> None:
        self.view, self.lang, self.office, self.today = view, lang, office, today
        self.book = book

    def goal_text(self, goal: Goal) -> str | None:
        return item_text(goal.texts, goal.phrase_key, self.lang, self.book) if self.lang else None

    def measure_text(self, m: Measure) -> str | None:
        return item_text(m.texts, m.phrase_key, self.lang, self.book) if self.lang else None

    def purpose_text(self, a: Appointment) -> str | None:
        if not self.lang or not a.purpose:
            return None
        return item_text(a.purpose_texts, a.purpose_key, self.lang, self.book)

    def plan_goals(self) -> list[Goal]:
        plan = self.view.plan
        return [g for g in self.view.goals if plan and g.plan_id == plan.id]

    def measures_of(self, goal: Goal) -> list[Measure]:
        return sorted(
            (m for m in self.view.measures if m.goal_id == goal.id), key=lambda m: m.position
        )

    def untranslated(self) -> list[Untranslated]:
        """The printed items without a text in the print language, in print order."""
        if not self.lang:
            return []
        out: list[Untranslated] = []
        for field in FieldOfAction:
            for goal in sorted(
                (g for g in self.plan_goals() if g.field_of_action is field),
                key=lambda g: g.position,
            ):
                if not self.goal_text(goal):
                    out.append(Untranslated("goal", goal.id, goal.title, goal.texts.unassigned))
                for m in self.measures_of(goal):
                    if not self.measure_text(m):
                        out.append(Untranslated("measure", m.id, m.title, m.texts.unassigned))
        for a in self.upcoming():
            if a.purpose and not self.purpose_text(a):
                out.append(Untranslated("appointment", a.id, a.purpose))
        return out

    def pair(self, german: str, client: str | None, avail: float, *, bold: bool = False) -> Cell:
        """German text, and the client's wording below it in the smaller style."""
        cell: Cell = [para(german, STYLES.body, None, avail, bold=bold)]
        if self.lang and client:
            cell.append(para(client, STYLES.small, self.lang, avail, bold=bold))
        return cell

    def fixed(self, key: str, avail: float, *, bold: bool = True) -> Cell:
        return self.pair(
            labels.text(key, "de"),
            labels.text(key, self.lang) if self.lang else None,
            avail,
            bold=bold,
        )

    def heading(self, key: str) -> list[Flowable]:
        return bilingual(key, self.lang, WIDTH, STYLES.heading, STYLES.heading_client)

    def story(self) -> list[Flowable]:
        return [
            *self.header(),
            *self.goals(),
            *self.please_bring(),
            *self.appointments(),
            self.signatures(),
        ]

    def header(self) -> list[Flowable]:
        out: list[Flowable] = []
        if self.office:
            out.append(para(self.office, STYLES.office, None, WIDTH, bold=True))
            out.append(Spacer(1, 3 * mm))
        out += bilingual("title", self.lang, WIDTH, STYLES.title, STYLES.title_client)
        client, plan = self.view.client, self.view.plan
        facts = [
            ("name", f"{client.given_names} {client.family_name}".strip()),
            ("file_number", client.file_number or "–"),
            ("date", _d(self.today)),
            ("agreed_on", _d(plan.agreed_on if plan else None)),
            ("review_on", _d(plan.review_on if plan else None)),
        ]
        widths = (0.38 * WIDTH, 0.62 * WIDTH)
        rows = [
            [self.fixed(k, widths[0] - 2 * PAD), self.pair(v, None, widths[1])] for k, v in facts
        ]
        out.append(_grid(rows, widths, header=False))
        return out

    def goals(self) -> list[Flowable]:
        head = self.heading("goals")
        goals = self.plan_goals()
        if not goals:
            return keep_with_next(head, bilingual("no_goals", self.lang, WIDTH, STYLES.body))
        body: list[Flowable] = []
        for field in FieldOfAction:
            in_field = sorted(
                (g for g in goals if g.field_of_action is field), key=lambda g: g.position
            )
            if not in_field:
                continue
            client_label = labels.label(field, self.lang) if self.lang else None
            label = [
                Spacer(1, 2 * mm),
                *self.pair(labels.label(field, "de"), client_label, WIDTH, bold=True),
            ]
            goals_of_field = [f for goal in in_field for f in self.goal(goal)]
            body += keep_with_next(label, goals_of_field)
        return keep_with_next(head, body)

    def goal(self, goal: Goal) -> list[Flowable]:
        prefix = labels.text("goal", "de") + ": "
        text = self.goal_text(goal)
        client = f"{labels.text('goal', self.lang)}: {text}" if self.lang and text else None
        head: list[Flowable] = [Spacer(1, 1.5 * mm), *self.pair(prefix + goal.title, client, WIDTH)]
        measures = self.measures_of(goal)
        if not measures:
            return head
        widths = [0.46 * WIDTH, 0.24 * WIDTH, 0.13 * WIDTH, 0.17 * WIDTH]
        inner = [w - 2 * PAD for w in widths]
        columns = [
            self.fixed(k, w)
            for k, w in zip(("what", "who", "by_when", "status"), inner, strict=True)
        ]
        rows = [columns] + [self.measure_row(m, inner) for m in measures]
        return keep_with_next(head, [Spacer(1, 1 * mm), _grid(rows, widths)])

    def measure_row(self, m: Measure, inner: list[float]) -> list[Cell]:
        what = self.pair(m.title, self.measure_text(m), inner[0])
        who = self.pair(
            m.responsible.label("de"),
            labels.label(m.responsible, self.lang) if self.lang else None,
            inner[1],
        )
        organisation = self.view.organisations.get(m.organisation_id or "")
        if organisation:
            who.append(para(organisation.name, STYLES.body, None, inner[1]))
        status = self.pair(
            m.status.label("de"), labels.label(m.status, self.lang) if self.lang else None, inner[3]
        )
        return [what, who, [para(_d(m.due_on), STYLES.body, None, inner[2])], status]

    def please_bring(self) -> list[Flowable]:
        head = self.heading("please_bring")
        missing = self.view.checklist(self.today).missing_kinds
        if not missing:
            return keep_with_next(head, bilingual("nothing_missing", self.lang, WIDTH, STYLES.body))
        half = WIDTH / 2 if self.lang else WIDTH
        rows: list[list[Cell]] = []
        for kind in missing:
            row = [[para("☐ " + kind.label("de"), STYLES.body, None, half - 2 * PAD)]]
            if self.lang:
                row.append(
                    [para(labels.label(kind, self.lang), STYLES.body, self.lang, half - 2 * PAD)]
                )
            rows.append(row)
        return keep_with_next(head, [_grid(rows, [half] * len(rows[0]), header=False)])

    def upcoming(self) -> list[Appointment]:
        start = datetime.combine(self.today, datetime.min.time())
        return sorted(
            (
                a
                for a in self.view.appointments
                if a.status is AppointmentStatus.PLANNED
                and a.starts_at.replace(tzinfo=None) >= start
            ),
            key=lambda a: a.starts_at,
        )[:MAX_APPOINTMENTS]

    def appointments(self) -> list[Flowable]:
        head = self.heading("appointments")
        upcoming = self.upcoming()
        if not upcoming:
            return keep_with_next(head, bilingual("no_appointments", self.lang, WIDTH, STYLES.body))
        widths = [0.15 * WIDTH, 0.10 * WIDTH, 0.25 * WIDTH, 0.22 * WIDTH, 0.28 * WIDTH]
        inner = [w - 2 * PAD for w in widths]
        keys = ("date", "time", "place", "with", "purpose")
        rows = [[self.fixed(k, w) for k, w in zip(keys, inner, strict=True)]]
        for a in upcoming:
            organisation = self.view.organisations.get(a.organisation_id or "")
            values = (
                _d(a.starts_at.date()),
                f"{a.starts_at:%H:%M}",
                a.place or "–",
                organisation.name if organisation else "–",
            )
            rows.append(
                [
                    *([para(v, STYLES.body, None, w)] for v, w in zip(values, inner, strict=False)),
                    [
                        *self.pair(a.purpose or "–", self.purpose_text(a), inner[4]),
                        *self.interpreter(a, inner[4]),
                    ],
                ]
            )
        return keep_with_next(head, [_grid(rows, widths)])

    def interpreter(self, a: Appointment, avail: float) -> Cell:
        """The interpreter's language by name ("Dolmetschung: Arabisch"), in German and in the
        print language; nothing when the appointment needs no interpreter."""
        code = a.interpreter_language
        if not code:
            return []
        german = f"{labels.text('interpreter', 'de')}: {labels.language(code, 'de')}"
        client = None
        if self.lang:
            client = f"{labels.text('interpreter', self.lang)}: {labels.language(code, self.lang)}"
        return self.pair(german, client, avail)

    def signatures(self) -> Flowable:
        out = self.heading("signatures")
        out += bilingual("agreement", self.lang, WIDTH, STYLES.body)
        widths = [0.36 * WIDTH, 0.08 * WIDTH, 0.56 * WIDTH]
        inner = [w - 2 * PAD for w in widths]
        rows: list[list[Cell]] = []
        for who in ("sig_client", "sig_coordinator"):
            rows.append([[], [], []])
            rows.append(
                [
                    self.fixed("place_date", inner[0], bold=False),
                    [],
                    self.fixed(who, inner[2], bold=False),
                ]
            )
        table = Table(rows, colWidths=widths, rowHeights=[14 * mm, None] * 2, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                    ("LINEABOVE", (0, 1), (0, 1), 0.7, GREY),
                    ("LINEABOVE", (2, 1), (2, 1), 0.7, GREY),
                    ("LINEABOVE", (0, 3), (0, 3), 0.7, GREY),
                    ("LINEABOVE", (2, 3), (2, 3), 0.7, GREY),
                ]
            )
        )
        return KeepTogether([*out, Spacer(1, 2 * mm), table])


def render_plan(
    view: PlanCase,
    *,
    language: str | None,
    office_name: str,
    today: date,
    book: PhraseBook | None = None,
) -> bytes:
    """The integration plan and agreement of `view` as PDF bytes (A4).

    `language` is a code of labels.SUPPORTED for the second language of the print, or None
    (or "de") for German only; `book` gives the texts of items chosen from phrases.
    """
    lang = print_language(language)
    buffer = io.BytesIO()
    doc = document(buffer, A4, "title")
    doc.build(
        PlanLayout(view, lang, office_name, today, book).story(),
        canvasmaker=numbered_canvas(footer_painter(lang)),
    )
    return buffer.getvalue()
