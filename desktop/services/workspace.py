"""Everything the case workspace shows and the edits it makes, for one client at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Goal,
    IntegrationPlan,
    Measure,
    Note,
    Organisation,
    SupportLink,
)
from desktop.domain.rules import (
    PLAN_TEMPLATES,
    ChecklistState,
    PlanProgress,
    apply_template,
    checklist_state,
    plan_progress,
    standard_checklist,
)
from desktop.services import audit, casework
from desktop.services.attachments import AttachmentInfo, attachments_by_item
from desktop.store.store import Store


@dataclass(frozen=True)
class CaseView:
    """One client's case as the workspace tabs show it, read in one go."""

    client: Client
    household_members: list[Client] = field(default_factory=list)
    plans: list[IntegrationPlan] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    documents: list[DocumentItem] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # newest first
    support: list[SupportLink] = field(default_factory=list)
    organisations: dict[str, Organisation] = field(default_factory=dict)  # every one, by id
    scans: dict[str, list[AttachmentInfo]] = field(default_factory=dict)  # by checklist item

    @property
    def plan(self) -> IntegrationPlan | None:
        """The current plan (the newest)."""
        return self.plans[-1] if self.plans else None

    def progress(self, today: date) -> PlanProgress:
        """Progress of the current plan."""
        plan = self.plan
        goals = [g for g in self.goals if plan and g.plan_id == plan.id]
        goal_ids = {g.id for g in goals}
        return plan_progress(goals, [m for m in self.measures if m.goal_id in goal_ids], today)

    def checklist(self, today: date) -> ChecklistState:
        """The document checklist at a glance ("still missing")."""
        return checklist_state(self.documents, today)


def load_case(store: Store, client_id: str) -> CaseView:
    """Read everything about one client that the workspace shows."""
    client = store.get(Client, client_id)
    plans = store.of_client(IntegrationPlan, client_id)
    goals = store.goals_of([p.id for p in plans])
    members = (
        [c for c in store.household_members(client.household_id) if c.id != client.id]
        if client.household_id
        else []
    )
    documents = store.of_client(DocumentItem, client_id)
    return CaseView(
        client=client,
        household_members=members,
        plans=plans,
        goals=goals,
        measures=store.measures_of([g.id for g in goals]),
        documents=documents,
        appointments=store.of_client(Appointment, client_id),
        notes=store.of_client(Note, client_id),
        support=store.of_client(SupportLink, client_id),
        organisations={o.id: o for o in store.all(Organisation)},
        scans=attachments_by_item(store, [d.id for d in documents]),
    )


def open_case(store: Store, client_id: str) -> CaseView:
    """Read a case to show it, and record in the audit trail that it was opened (once per case
    while the case file stays unlocked)."""
    view = load_case(store, client_id)
    audit.opened(store, client_id)
    return view


def ensure_plan(store: Store, client_id: str) -> IntegrationPlan:
    """The client's current plan, creating a draft if there is none."""
    plan = store.plan_of(client_id)
    if plan is None:
        plan = IntegrationPlan(client_id)
        casework.add(store, plan)
    return plan


def add_from_template(store: Store, client_id: str, template_index: int) -> Goal:
    """Add a goal with its measures from PLAN_TEMPLATES to the client's current plan."""
    plan = ensure_plan(store, client_id)
    position = len(store.goals_of([plan.id]))
    goal, measures = apply_template(PLAN_TEMPLATES[template_index], plan.id, position)
    casework.add(store, goal, *measures)
    return goal


def add_standard_checklist(store: Store, client_id: str, group: str) -> list[DocumentItem]:
    """Add the missing items of a standard checklist (STANDARD_CHECKLISTS) to the client's."""
    items = standard_checklist(group, client_id, store.of_client(DocumentItem, client_id))
    casework.add(store, *items)
    return items
