"""A client's integration plan, goal by goal: adding goals and measures from the phrase book or
with a free German title, and the plan as the command line shows it (`plan goal add`,
`plan measure add`, `plan show`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.domain.catalogues import FieldOfAction, Responsible
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client, Goal, IntegrationPlan, Measure, Organisation
from desktop.domain.texts import Texts
from desktop.services.phrases import check_phrase
from desktop.store.store import Store

__all__ = ["PlanTree", "add_goal", "add_measure", "plan_json", "plan_tree"]


@dataclass(frozen=True)
class PlanTree:
    """A client's current plan with its goals (by field of action, then position), each with
    its measures (by position), and the organisations the measures name."""

    client: Client
    plan: IntegrationPlan | None
    goals: list[tuple[Goal, list[Measure]]] = field(default_factory=list)
    organisations: dict[str, Organisation] = field(default_factory=dict)


def plan_tree(store: Store, client_id: str) -> PlanTree:
    """The client's current plan; an unknown client is NotFound."""
    client = store.get(Client, client_id)
    plan = store.plan_of(client_id)
    if plan is None:
        return PlanTree(client, None)
    order = {f: i for i, f in enumerate(FieldOfAction)}
    goals = sorted(
        store.goals_of([plan.id]), key=lambda g: (order[g.field_of_action], g.position, g.id)
    )
    measures = store.measures_of([g.id for g in goals])
    wanted = sorted({m.organisation_id for m in measures if m.organisation_id})
    organisations = {o.id: o for o in store.of_ids(Organisation, wanted)}
    return PlanTree(
        client,
        plan,
        [
            (g, sorted((m for m in measures if m.goal_id == g.id), key=lambda m: m.position))
            for g in goals
        ],
        organisations,
    )


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def plan_json(tree: PlanTree) -> dict[str, Any]:
    """The plan as the JSON of `plan show --json` (dates ISO; sort the keys when writing)."""
    plan = tree.plan
    return {
        "plan": None
        if plan is None
        else {
            "id": plan.id,
            "status": plan.status.value,
            "agreed_on": _day(plan.agreed_on),
            "review_on": _day(plan.review_on),
        },
        "goals": [
            {
                "id": g.id,
                "field": g.field_of_action.value,
                "title": g.title,
                "phrase_key": g.phrase_key,
                "texts": dict(g.texts),
                "status": g.status.value,
                "position": g.position,
                "measures": [
                    {
                        "id": m.id,
                        "title": m.title,
                        "phrase_key": m.phrase_key,
                        "texts": dict(m.texts),
                        "responsible": m.responsible.value,
                        "organisation_id": m.organisation_id,
                        "due_on": _day(m.due_on),
                        "status": m.status.value,
                        "outcome": m.outcome,
                        "position": m.position,
                    }
                    for m in measures
                ],
            }
            for g, measures in tree.goals
        ],
    }


def _wording(
    store: Store, kind: str, phrase_key: str | None, title: str | None
) -> tuple[str, str, FieldOfAction | None]:
    """(German title, phrase key, the phrase's field) from a phrase of `kind` or a free title."""
    if phrase_key is not None:
        phrase = check_phrase(store, phrase_key, kind)
        return phrase.texts["de"], phrase.key, phrase.field
    if title is None or not title.strip():
        raise InvalidInput(
            "title",
            f"A {kind} needs a phrase from the phrase book or a German title.",
            f"{'Ein Ziel' if kind == 'goal' else 'Eine Maßnahme'} braucht einen Textbaustein "
            "oder einen deutschen Titel.",
        )
    return title.strip(), "", None


def add_goal(
    store: Store,
    client_id: str,
    field_of_action: FieldOfAction,
    *,
    phrase_key: str | None = None,
    title: str | None = None,
    texts: Texts = Texts(),
) -> Goal:
    """A new goal of the client's current plan, after its other goals; a client without a plan
    gets a draft plan in the same transaction. The goal's German title is the phrase's German
    text (its field must be `field_of_action`) or the free `title`."""
    store.get(Client, client_id)
    german, key, phrase_field = _wording(store, "goal", phrase_key, title)
    if phrase_field is not None and phrase_field is not field_of_action:
        raise InvalidInput(
            "field",
            f"The phrase '{key}' belongs to the field of action '{phrase_field.value}', "
            f"not '{field_of_action.value}'.",
            f"Der Textbaustein '{key}' gehört zum Handlungsfeld "
            f"„{phrase_field.label('de')}“ ({phrase_field.value}), nicht "
            f"„{field_of_action.label('de')}“ ({field_of_action.value}).",
        )
    plan = store.plan_of(client_id)
    new_plan = plan is None
    if plan is None:
        plan = IntegrationPlan(client_id)
    others = [] if new_plan else store.goals_of([plan.id])
    goal = Goal(
        plan.id,
        field_of_action,
        german,
        position=max((g.position for g in others), default=-1) + 1,
        phrase_key=key,
        texts=texts,
    )
    with store.transaction() as tx:
        if new_plan:
            tx.insert(plan)
        tx.insert(goal)
    return goal


def add_measure(
    store: Store,
    goal_id: str,
    *,
    phrase_key: str | None = None,
    title: str | None = None,
    who: str = "client",
    due_on: date | None = None,
    texts: Texts = Texts(),
) -> Measure:
    """A new measure of goal `goal_id`, after its other measures. `who` is "client",
    "coordinator" or an organisation's id (the organisation is then responsible)."""
    goal = store.get(Goal, goal_id)
    german, key, _ = _wording(store, "measure", phrase_key, title)
    responsible, organisation_id = responsible_for(store, who)
    others = store.measures_of([goal.id])
    measure = Measure(
        goal.id,
        german,
        responsible=responsible,
        organisation_id=organisation_id,
        due_on=due_on,
        position=max((m.position for m in others), default=-1) + 1,
        phrase_key=key,
        texts=texts,
    )
    with store.transaction() as tx:
        tx.insert(measure)
    return measure


def responsible_for(store: Store, who: str) -> tuple[Responsible, str | None]:
    """(responsible, organisation id) for "client", "coordinator" or an organisation's id."""
    value = who.strip()
    if value.lower() in (Responsible.CLIENT.value, Responsible.COORDINATOR.value):
        return Responsible(value.lower()), None
    if value and store.find(Organisation, value) is not None:
        return Responsible.ORGANISATION, value
    raise InvalidInput(
        "who",
        f"'{who}' is neither client, coordinator nor the id of an organisation.",
        f"'{who}' ist weder client noch coordinator noch die Kennung einer Organisation.",
    )
