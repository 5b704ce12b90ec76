"""The rules of the case work: deadlines, plan progress, checklist completeness, templates.

Pure functions over model objects; `today` is always passed in, never read from the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.catalogues import (
    DOCUMENT_PRESENT,
    EXPIRING_STATUSES,
    Catalogue,
    DeadlineKind,
    DocumentKind,
    DocumentStatus,
    FieldOfAction,
    GoalStatus,
    MeasureStatus,
    PlanStatus,
    ResidenceStatus,
    Responsible,
)
from desktop.domain.dates import add_months
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client, DocumentItem, Goal, IntegrationPlan, Measure

# § 104c AufenthG: the Chancen-Aufenthaltsrecht is granted once, for 18 months.
CHANCENAUFENTHALT_MONTHS = 18
# An original kept by an authority or the office for longer than this needs a follow-up.
CUSTODY_LIMIT = timedelta(weeks=4)

OPEN_MEASURES = frozenset({MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS})
_ACTIVE_PLANS = frozenset({PlanStatus.DRAFT, PlanStatus.AGREED})
# DeadlineKind lives with the other catalogues (a DeadlineMark names one); the order of its
# members is the order of deadlines due on the same day.
_KIND_ORDER = {kind: i for i, kind in enumerate(DeadlineKind)}


@dataclass(frozen=True, slots=True)
class Deadline:
    """Something of one client that falls due on a day.

    `subject` names what is due without personal data: a catalogue member (the document kind or
    residence status, which labels itself in either language) or a measure's title.
    """

    kind: DeadlineKind
    due_on: date
    client_id: str
    entity_id: str
    overdue: bool
    subject: str = ""

    def subject_text(self, lang: str = "de") -> str:
        """The subject as the user reads it: a catalogue label or the measure's title."""
        return self.subject.label(lang) if isinstance(self.subject, Catalogue) else self.subject

    def text(self, lang: str = "de") -> str:
        """One line for agenda and calendar: "Dokument läuft ab: Reisepass"."""
        subject = self.subject_text(lang)
        return f"{self.kind.label(lang)}: {subject}" if subject else self.kind.label(lang)


def _status_end(client: Client) -> tuple[DeadlineKind, date] | None:
    """When the client's residence status runs out, and which kind of deadline that is."""
    status = client.residence_status
    if status not in EXPIRING_STATUSES:
        return None
    if status is ResidenceStatus.CHANCENAUFENTHALT:
        ends = [client.status_valid_until] if client.status_valid_until else []
        if client.status_granted_on:
            ends.append(add_months(client.status_granted_on, CHANCENAUFENTHALT_MONTHS))
        return (DeadlineKind.CHANCENAUFENTHALT_END, min(ends)) if ends else None
    if client.status_valid_until:
        return DeadlineKind.RESIDENCE_EXPIRY, client.status_valid_until
    return None


def _document_deadlines(item: DocumentItem) -> Iterable[tuple[DeadlineKind, date]]:
    if item.status in DOCUMENT_PRESENT and item.expires_on:
        yield DeadlineKind.DOCUMENT_EXPIRY, item.expires_on
    if item.status is DocumentStatus.IN_CUSTODY and item.held_since:
        yield DeadlineKind.CUSTODY_TOO_LONG, item.held_since + CUSTODY_LIMIT


def deadlines_for(
    client: Client,
    *,
    plans: Iterable[IntegrationPlan] = (),
    goals: Iterable[Goal] = (),
    measures: Iterable[Measure] = (),
    documents: Iterable[DocumentItem] = (),
    today: date,
    within_days: int = 30,
) -> list[Deadline]:
    """Everything of one client due on or before today + `within_days`, overdue ones included.

    Sorted by date, then kind. A closed case yields none. Plans and documents count when they
    belong to `client`; a measure counts through its goal (not dropped) and that goal's plan
    (not completed or ended), so pass the goals along with the measures.
    """
    if client.closed_on is not None:
        return []
    found: list[tuple[DeadlineKind, date, str, str]] = []
    if end := _status_end(client):
        found.append((*end, client.id, client.residence_status or ""))
    active_plans: set[str] = set()
    for plan in plans:
        if plan.client_id != client.id or plan.status not in _ACTIVE_PLANS:
            continue
        active_plans.add(plan.id)
        if plan.review_on:
            found.append((DeadlineKind.PLAN_REVIEW, plan.review_on, plan.id, ""))
    live_goals = {
        g.id for g in goals if g.plan_id in active_plans and g.status is not GoalStatus.DROPPED
    }
    for m in measures:
        if m.goal_id in live_goals and m.status in OPEN_MEASURES and m.due_on:
            found.append((DeadlineKind.MEASURE_DUE, m.due_on, m.id, m.title))
    for item in documents:
        if item.client_id == client.id:
            found.extend((kind, due, item.id, item.kind) for kind, due in _document_deadlines(item))
    horizon = today + timedelta(days=within_days)
    deadlines = [
        Deadline(kind, due, client.id, entity_id, due < today, subject)
        for kind, due, entity_id, subject in found
        if due <= horizon
    ]
    deadlines.sort(key=lambda d: (d.due_on, _KIND_ORDER[d.kind], d.entity_id))
    return deadlines


def status_runs_out_soon(client: Client, today: date, within_days: int = 30) -> bool:
    """True if an open client's residence status ends within `within_days` or has already ended."""
    end = _status_end(client)
    return (
        client.closed_on is None
        and end is not None
        and end[1] <= today + timedelta(days=within_days)
    )


@dataclass(frozen=True, slots=True)
class PlanProgress:
    """How far a plan has come: measures by status, and goals reached."""

    total: int
    done: int
    dropped: int
    open: int
    overdue: int
    goals_total: int
    goals_reached: int

    @property
    def ratio(self) -> float:
        """Share of measures done, not counting dropped ones; 0.0 when nothing counts."""
        countable = self.total - self.dropped
        return self.done / countable if countable > 0 else 0.0


def plan_progress(goals: Iterable[Goal], measures: Iterable[Measure], today: date) -> PlanProgress:
    """Progress of one plan from its goals and their measures; dropped goals are not counted."""
    measures = list(measures)
    goals = [g for g in goals if g.status is not GoalStatus.DROPPED]
    open_measures = [m for m in measures if m.status in OPEN_MEASURES]
    return PlanProgress(
        total=len(measures),
        done=sum(m.status is MeasureStatus.DONE for m in measures),
        dropped=sum(m.status is MeasureStatus.DROPPED for m in measures),
        open=len(open_measures),
        overdue=sum(m.due_on is not None and m.due_on < today for m in open_measures),
        goals_total=len(goals),
        goals_reached=sum(g.status is GoalStatus.REACHED for g in goals),
    )


@dataclass(frozen=True, slots=True)
class ChecklistState:
    """The document checklist at a glance: counts by status and what is still missing.

    `present`, `missing`, `requested`, `expired` and `not_applicable` add up to `total`; a paper
    we hold whose expiry date has passed counts as expired. `in_custody` counts originals held,
    whether expired or not.
    """

    total: int
    present: int
    missing: int
    requested: int
    in_custody: int
    expired: int
    not_applicable: int
    missing_kinds: tuple[DocumentKind, ...]
    complete: bool


def _is_expired(item: DocumentItem, today: date) -> bool:
    return item.status is DocumentStatus.EXPIRED or (
        item.status in DOCUMENT_PRESENT and item.expires_on is not None and item.expires_on < today
    )


def checklist_state(items: Iterable[DocumentItem], today: date) -> ChecklistState:
    """Counts and still-missing kinds ("only the passport is missing") of one checklist.

    A kind is still missing when an item of it is missing, requested or expired and no other item
    of the same kind is valid and present (an old expired passport beside a new one is fine).
    """
    items = list(items)
    expired = [i for i in items if _is_expired(i, today)]
    present = [i for i in items if i.status in DOCUMENT_PRESENT and i not in expired]
    have = {i.kind for i in present}
    wanted = {DocumentStatus.MISSING, DocumentStatus.REQUESTED}
    lacking = {i.kind for i in items if i.status in wanted or i in expired} - have
    missing_kinds = tuple(kind for kind in DocumentKind if kind in lacking)
    return ChecklistState(
        total=len(items),
        present=len(present),
        missing=sum(i.status is DocumentStatus.MISSING for i in items),
        requested=sum(i.status is DocumentStatus.REQUESTED for i in items),
        in_custody=sum(i.status is DocumentStatus.IN_CUSTODY for i in items),
        expired=len(expired),
        not_applicable=sum(i.status is DocumentStatus.NOT_APPLICABLE for i in items),
        missing_kinds=missing_kinds,
        complete=not missing_kinds,
    )


_K = DocumentKind
STANDARD_CHECKLISTS: dict[str, tuple[DocumentKind, ...]] = {
    "newly_arrived": (
        _K.PASSPORT, _K.BIRTH_CERTIFICATE, _K.RESIDENCE_TITLE, _K.REGISTRATION,
        _K.HEALTH_INSURANCE_CARD, _K.BANK_ACCOUNT, _K.TAX_ID,
    ),
    "asylum_procedure": (
        _K.PASSPORT, _K.ID_CARD, _K.BIRTH_CERTIFICATE, _K.MARRIAGE_CERTIFICATE,
        _K.SCHOOL_CERTIFICATE, _K.VOCATIONAL_CERTIFICATE, _K.HEALTH_INSURANCE_CARD,
        _K.REGISTRATION,
    ),
    # Tolerated people must help obtain a passport; certificates open the way to §§ 25a/25b.
    "toleration": (
        _K.PASSPORT, _K.DULDUNG, _K.BIRTH_CERTIFICATE, _K.SCHOOL_CERTIFICATE,
        _K.VOCATIONAL_CERTIFICATE, _K.LANGUAGE_CERTIFICATE, _K.REGISTRATION,
    ),
    "integration_course": (
        _K.PASSPORT, _K.RESIDENCE_TITLE, _K.REGISTRATION, _K.LANGUAGE_CERTIFICATE,
        _K.INTEGRATION_COURSE,
    ),
    "work_start": (
        _K.PASSPORT, _K.RESIDENCE_TITLE, _K.TAX_ID, _K.BANK_ACCOUNT, _K.HEALTH_INSURANCE_CARD,
        _K.REGISTRATION, _K.VOCATIONAL_CERTIFICATE, _K.LANGUAGE_CERTIFICATE,
    ),
    "family_with_children": (
        _K.PASSPORT, _K.BIRTH_CERTIFICATE, _K.MARRIAGE_CERTIFICATE, _K.REGISTRATION,
        _K.HEALTH_INSURANCE_CARD, _K.TAX_ID, _K.BANK_ACCOUNT, _K.SCHOOL_CERTIFICATE,
    ),
    "recognition": (
        _K.PASSPORT, _K.BIRTH_CERTIFICATE, _K.SCHOOL_CERTIFICATE, _K.VOCATIONAL_CERTIFICATE,
        _K.LANGUAGE_CERTIFICATE, _K.RECOGNITION_NOTICE,
    ),
    "housing_search": (
        _K.PASSPORT, _K.RESIDENCE_TITLE, _K.REGISTRATION, _K.BANK_ACCOUNT, _K.RENTAL_CONTRACT,
    ),
}  # fmt: skip
CHECKLIST_LABELS: dict[str, tuple[str, str]] = {
    "newly_arrived": ("Neu angekommen", "Newly arrived"),
    "asylum_procedure": ("Im Asylverfahren", "In the asylum procedure"),
    "toleration": ("Duldung", "Tolerated stay (Duldung)"),
    "integration_course": ("Integrationskurs", "Integration course"),
    "work_start": ("Arbeitsaufnahme", "Starting work"),
    "family_with_children": ("Familie mit Kindern", "Family with children"),
    "recognition": ("Anerkennung ausländischer Abschlüsse", "Recognition of qualifications"),
    "housing_search": ("Wohnungssuche", "Looking for a flat"),
}


def standard_checklist(
    group: str, client_id: str, existing: Iterable[DocumentItem] = ()
) -> list[DocumentItem]:
    """New MISSING items of a standard checklist for the kinds the client has no item of yet."""
    if group not in STANDARD_CHECKLISTS:
        choices = ", ".join(STANDARD_CHECKLISTS)
        raise InvalidInput(
            "checklist",
            f"'{group}' is not a standard checklist; choose one of: {choices}.",
            f"'{group}' ist keine Standard-Checkliste; möglich sind: {choices}.",
        )
    have = {item.kind for item in existing}
    return [
        DocumentItem(client_id, kind) for kind in STANDARD_CHECKLISTS[group] if kind not in have
    ]


# A field of action, a goal's title, and the measures towards it with who does them.
PlanTemplate = tuple[FieldOfAction, str, tuple[tuple[str, Responsible], ...]]
_F, _R = FieldOfAction, Responsible
PLAN_TEMPLATES: tuple[PlanTemplate, ...] = (
    (_F.LANGUAGE, "Deutschkurs B1 abschließen", (
        ("Berechtigungsschein beim Jobcenter beantragen", _R.CLIENT),
        ("Anmeldung Integrationskurs", _R.CLIENT),
        ("Kinderbetreuung während des Kurses klären", _R.COORDINATOR),
        ("Prüfung „Deutsch-Test für Zuwanderer“ ablegen", _R.CLIENT),
    )),
    (_F.WORK, "Arbeits- oder Ausbildungsplatz finden", (
        ("Lebenslauf erstellen", _R.CLIENT),
        ("Beschäftigungserlaubnis bei der Ausländerbehörde klären", _R.COORDINATOR),
        ("Termin bei der Arbeitsvermittlung vereinbaren", _R.CLIENT),
        ("Bewerbungen schreiben", _R.CLIENT),
    )),
    (_F.HOUSING, "Eigene Wohnung beziehen", (
        ("Wohnberechtigungsschein beantragen", _R.CLIENT),
        ("Mietobergrenze und Kostenübernahme mit dem Jobcenter klären", _R.COORDINATOR),
        ("Wohnungsangebote prüfen und Besichtigungen wahrnehmen", _R.CLIENT),
    )),
    (_F.EDUCATION, "Berufsabschluss anerkennen lassen", (
        ("Anerkennungsberatung wahrnehmen", _R.ORGANISATION),
        ("Zeugnisse übersetzen und beglaubigen lassen", _R.CLIENT),
        ("Antrag bei der zuständigen Stelle stellen", _R.CLIENT),
    )),
    (_F.CHILDCARE, "Kita- und Schulplatz für die Kinder sichern", (
        ("Betreuungsbedarf beim Jugendamt anmelden", _R.CLIENT),
        ("Schulanmeldung mit dem Schulamt abstimmen", _R.COORDINATOR),
        ("Leistungen für Bildung und Teilhabe beantragen", _R.CLIENT),
    )),
    (_F.HEALTH, "Gesundheitliche Versorgung sichern", (
        ("Krankenversicherung und Gesundheitskarte klären", _R.COORDINATOR),
        ("Hausarztpraxis finden", _R.CLIENT),
        ("Impfstatus prüfen lassen", _R.ORGANISATION),
    )),
    (_F.RESIDENCE, "Aufenthalt sichern", (
        ("Verlängerung rechtzeitig bei der Ausländerbehörde beantragen", _R.CLIENT),
        ("Voraussetzungen für einen anschließenden Aufenthaltstitel prüfen", _R.COORDINATOR),
    )),
)  # fmt: skip


def apply_template(
    template: PlanTemplate, plan_id: str, position: int = 0
) -> tuple[Goal, list[Measure]]:
    """A new goal and its measures from one of PLAN_TEMPLATES, for the coordinator to adapt."""
    field_of_action, title, steps = template
    goal = Goal(plan_id, field_of_action, title, position=position)
    measures = [
        Measure(goal.id, step, responsible=who, position=i) for i, (step, who) in enumerate(steps)
    ]
    return goal, measures
