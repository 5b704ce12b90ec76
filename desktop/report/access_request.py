"""The access request (Art. 15 DSGVO) on A4: everything stored about one person, readable.

Only the person's own data is printed: of their household, the name and their role, never the
other members. Long texts (notes) flow as paragraphs, so they break across pages.

The frame (headings, field labels, explanatory paragraphs, footer) is in German, English or any
print language, drafts carrying the German too, right to left where the language is so written;
values print as stored. The blocks that do so, and the footer, are in report/access_layout.py.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.domain.model import (
    Appointment,
    Attachment,
    Client,
    DocumentItem,
    Goal,
    Household,
    IntegrationPlan,
    Measure,
    Note,
    Organisation,
    SupportLink,
)
from desktop.domain.places import country_name, language_name
from desktop.report.access_layout import WIDTH, AccessBlocks, Fact, footer
from desktop.report.access_texts import text as _t
from desktop.report.layout import STYLES, document, numbered_canvas, para, print_language


@dataclass(frozen=True)
class AuditLine:
    """One event of the audit trail as printed: when, who, what."""

    at: datetime
    who: str
    what: str


@dataclass(frozen=True)
class AccessData:
    """Everything stored about one person, read from the case file by the service."""

    client: Client
    household: Household | None = None
    plans: Sequence[IntegrationPlan] = ()
    goals: Sequence[Goal] = ()
    measures: Sequence[Measure] = ()
    documents: Sequence[DocumentItem] = ()
    attachments: Sequence[Attachment] = ()
    appointments: Sequence[Appointment] = ()
    notes: Sequence[Note] = ()
    support: Sequence[SupportLink] = ()
    organisations: Mapping[str, Organisation] | None = None
    audit: Sequence[AuditLine] = ()
    office: str = ""


class AccessLayout(AccessBlocks):
    """Lays out the statement in `lang`: German ("de"), English ("en") or a print language."""

    def __init__(self, data: AccessData, lang: str, today: date) -> None:
        super().__init__(lang, data.organisations or {})
        self.data, self.today = data, today

    # -- sections ----------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        """Every section in reading order."""
        return [
            *self.header(),
            *self.personal(),
            *self.household(),
            *self.plans(),
            *self.documents(),
            *self.appointments(),
            *self.notes(),
            *self.support(),
            *self.audit(),
            *self.about(),
        ]

    def header(self) -> list[Flowable]:
        out: list[Flowable] = []
        if self.data.office:
            out += [
                para(self.data.office, STYLES.office, None, WIDTH, bold=True),
                Spacer(1, 3 * mm),
            ]
        out += self.heading("title", STYLES.title, STYLES.title_client)
        c = self.data.client
        out += self.facts(
            [
                ("date", self.day(self.today)),
                ("person", f"{c.given_names} {c.family_name}".strip()),
            ]
        )
        out.append(Spacer(1, 2 * mm))
        out.append(self.fixed("intro"))
        return out

    def personal(self) -> list[Flowable]:
        c, lang = self.data.client, self.values
        languages = ", ".join(skill.label(lang) for skill in c.languages)
        address = ", ".join(p for p in (c.street, f"{c.postcode} {c.city}".strip()) if p)
        rows: list[Fact] = [
            ("family_name", c.family_name),
            ("given_names", c.given_names),
            ("file_number", c.file_number),
            ("other_names", "; ".join(c.other_names)),
            ("sex", self.label(c.sex)),
            ("birth_date", self.day(c.birth_date)),
            ("birth_place", c.birth_place),
            ("nationality", country_name(c.nationality, lang) if c.nationality else ""),
            ("languages", languages),
            ("interpreter_needed", _t("yes" if c.interpreter_needed else "no", self.lang)),
            (
                "interpreter_language",
                language_name(c.interpreter_language, lang) if c.interpreter_language else "",
            ),
            ("phone", c.phone),
            ("email", c.email),
            ("address", address),
            ("arrival_date", self.day(c.arrival_date)),
            ("housing", self.label(c.housing)),
            ("residence_status", self.label(c.residence_status)),
            ("status_granted_on", self.day(c.status_granted_on)),
            ("status_valid_until", self.day(c.status_valid_until)),
            ("consent_given_on", self.day(c.consent_given_on)),
            ("consent_scope", ", ".join(s.label(lang) for s in c.consent_scope)),
            ("consent_withdrawn_on", self.day(c.consent_withdrawn_on)),
            ("opened_on", self.day(c.opened_on)),
            ("closed_on", self.day(c.closed_on)),
            ("retention_until", self.day(c.retention_until)),
        ]
        return [*self.heading("personal"), *self.facts(rows)]

    def household(self) -> list[Flowable]:
        out = self.heading("household")
        if self.data.household is None:
            return out + self.none()
        out += self.facts(
            [
                ("household_name", self.data.household.name),
                ("household_role", self.label(self.data.client.household_role)),
            ]
        )
        return [*out, self.fixed("household_note")]

    def plans(self) -> list[Flowable]:
        out = self.heading("plans")
        if not self.data.plans:
            return out + self.none()
        for number, plan in enumerate(self.data.plans, start=1):
            out += self.heading("plan", STYLES.subheading, STYLES.heading_client, f" {number}")
            out += self.facts(
                [
                    ("status", self.label(plan.status)),
                    ("agreed_on", self.day(plan.agreed_on)),
                    ("review_on", self.day(plan.review_on)),
                ]
            )
            goals = sorted(
                (g for g in self.data.goals if g.plan_id == plan.id), key=lambda g: g.position
            )
            for goal in goals:
                out += self.goal(goal)
        return out

    def goal(self, goal: Goal) -> list[Flowable]:
        title = f"{_t('goal', self.lang)}: {goal.title}"
        out: list[Flowable] = [
            Spacer(1, 2 * mm),
            para(title, STYLES.body, self.lang, WIDTH, bold=True),
        ]
        out += self.facts(
            [
                ("field_of_action", self.label(goal.field_of_action)),
                ("status", self.label(goal.status)),
                ("client_text", self.texts(goal.texts)),
            ]
        )
        measures = sorted(
            (m for m in self.data.measures if m.goal_id == goal.id), key=lambda m: m.position
        )
        for m in measures:
            out.append(Spacer(1, 1 * mm))
            out += self.facts(
                [
                    ("measure", m.title),
                    ("responsible", self.label(m.responsible)),
                    ("organisation", self.org(m.organisation_id)),
                    ("due_on", self.day(m.due_on)),
                    ("status", self.label(m.status)),
                    ("outcome", m.outcome),
                    ("client_text", self.texts(m.texts)),
                ]
            )
        return out

    def documents(self) -> list[Flowable]:
        out = self.heading("documents")
        if not self.data.documents:
            return out + self.none()
        for doc in self.data.documents:
            out.append(Spacer(1, 1.5 * mm))
            out += self.facts(
                [
                    ("kind", self.label(doc.kind)),
                    ("status", self.label(doc.status)),
                    ("holder", doc.holder),
                    ("held_since", self.day(doc.held_since)),
                    ("expires_on", self.day(doc.expires_on)),
                    ("note", doc.note),
                ]
            )
        if self.data.attachments:
            out += self.heading("scans", STYLES.subheading, STYLES.heading_client)
            rows = [
                [a.file_name, a.media_type, f"{a.size:,} B".replace(",", ".")]
                for a in self.data.attachments
            ]
            out.append(self.table(("file_name", "media_type", "size"), rows, (0.5, 0.3, 0.2)))
            out.append(self.fixed("scans_note"))
        return out

    def appointments(self) -> list[Flowable]:
        out = self.heading("appointments")
        if not self.data.appointments:
            return out + self.none()
        for a in sorted(self.data.appointments, key=lambda a: a.starts_at):
            out.append(Spacer(1, 1.5 * mm))
            out += self.facts(
                [
                    ("starts_at", self.moment(a.starts_at)),
                    ("duration", str(a.duration_minutes)),
                    ("place", a.place),
                    ("organisation", self.org(a.organisation_id)),
                    ("purpose", a.purpose),
                    ("client_text", self.texts(a.purpose_texts)),
                    ("participants", a.participants),
                    (
                        "interpreter_language",
                        language_name(a.interpreter_language, self.values)
                        if a.interpreter_language
                        else "",
                    ),
                    ("status", self.label(a.status)),
                    ("outcome", a.outcome),
                ]
            )
        return out

    def notes(self) -> list[Flowable]:
        out = self.heading("notes")
        if not self.data.notes:
            return out + self.none()
        for note in sorted(self.data.notes, key=lambda n: (n.written_on, n.id)):
            line = self.day(note.written_on)
            if note.author:
                line += f" – {_t('author', self.lang)}: {note.author}"
            out.append(para(line, STYLES.subheading, self.lang, WIDTH))
            out += self.body(note.text)
        return out

    def support(self) -> list[Flowable]:
        out = self.heading("support")
        if not self.data.support:
            return out + self.none()
        rows = [
            [self.org(s.organisation_id), s.purpose, self.day(s.since), self.day(s.until)]
            for s in self.data.support
        ]
        keys = ("organisation", "purpose", "since", "until")
        return [*out, self.table(keys, rows, (0.34, 0.36, 0.15, 0.15))]

    def audit(self) -> list[Flowable]:
        out = self.heading("audit")
        if not self.data.audit:
            return out + self.none()
        rows = [[self.moment(e.at), e.who, e.what] for e in self.data.audit]
        return [*out, self.table(("when", "who", "what"), rows, (0.2, 0.25, 0.55))]

    def about(self) -> list[Flowable]:
        retention = self.data.client.retention_until
        storage = (
            _t("about_storage", self.lang).format(self.day(retention))
            if retention
            else _t("about_storage_open", self.lang)
        )
        out = self.heading("about")
        for value in (
            _t("about_purpose", self.lang),
            _t("about_recipients", self.lang),
            storage,
            _t("about_rights", self.lang),
            _t("about_json", self.lang),
        ):
            out += [para(value, STYLES.body, self.lang, WIDTH), Spacer(1, 1.5 * mm)]
        return out


def render_access_request(data: AccessData, *, lang: str = "de", today: date) -> bytes:
    """The statement of everything stored about `data.client` as PDF bytes (A4); `lang` is "de"
    or a print language ("prs" prints with the Persian texts), ValueError for another."""
    lang = print_language(lang) or "de"  # also registers the embedded fonts
    buffer = io.BytesIO()
    doc = document(buffer, A4, "title")
    doc.title = _t("title", lang)
    doc.build(AccessLayout(data, lang, today).story(), canvasmaker=numbered_canvas(footer(lang)))
    return buffer.getvalue()
