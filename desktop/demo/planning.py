"""The integration plan of a case: goals that fit the person, and their steps."""

from __future__ import annotations

from desktop.demo.clients import _Person
from desktop.demo.people import _PARENTS
from desktop.demo.plans import _STEP_COUNT, _Step
from desktop.demo.statuses import _PROTECTED, _SHORT_STAY
from desktop.demo.writer import _Base, _day
from desktop.domain.catalogues import (
    FieldOfAction,
    GoalStatus,
    Housing,
    MeasureStatus,
    PlanStatus,
    Responsible,
)
from desktop.domain.catalogues import ResidenceStatus as RS
from desktop.domain.model import Goal, IntegrationPlan, Measure

# How often a goal gets one more of its field's measure phrases than its usual steps.
_EXTRA_STEP = 0.1


class _Planning(_Base):
    """Plans, goals and measures."""

    def _plan(self, p: _Person) -> tuple[list[IntegrationPlan], list[Goal], list[Measure]]:
        r, t, f = self.r, self.t, p.family
        if f.closed is None:
            chance = 0.9 if p.age >= 18 else 0.8 if p.age >= 14 else 0.6
        else:
            chance = 0.6 if p.age >= 16 else 0.0
        if p.german or r() >= chance:
            return [], [], []
        keys = self._goal_keys(p)
        if not keys:
            return [], [], []
        n = 1 + int(r() * 2) if p.age < 16 or f.closed else 2 + int(r() * 3)
        plan_id = self._id()
        if f.closed is None:
            draft = r() < 0.08
            start = max(p.opened, t - int(r() * 160))
            agreed = None if draft else start
            review = None if draft else start + 91 + int(r() * 93)
            status = PlanStatus.DRAFT if draft else PlanStatus.AGREED
        else:
            start = agreed = p.opened + int(r() * min(60, f.closed - p.opened))
            review = min(agreed + 91 + int(r() * 93), f.closed)
            status = PlanStatus.COMPLETED if r() < 0.7 else PlanStatus.ENDED
        plan = IntegrationPlan(p.client.id, plan_id, status, _day(agreed), _day(review))
        goals: list[Goal] = []
        measures: list[Measure] = []
        goal_table = self.tables.goals
        for position, key in enumerate(self._distinct(keys, n)):
            field_of_action, titles, steps = goal_table[key]
            title, phrase_key, own = self._pick(titles)
            goal_id = self._id()
            done = self._measures(goal_id, field_of_action, steps, p, start, measures)
            if f.closed is not None:
                goal_status = (
                    GoalStatus.REACHED
                    if done
                    else (GoalStatus.DROPPED if status is PlanStatus.COMPLETED else GoalStatus.OPEN)
                )
            elif done and r() < 0.8:
                goal_status = GoalStatus.REACHED
            else:
                goal_status = GoalStatus.DROPPED if r() < 0.04 else GoalStatus.OPEN
            goals.append(
                Goal(
                    plan_id,
                    field_of_action,
                    title,
                    goal_id,
                    goal_status,
                    position,
                    phrase_key,
                    self._own_texts(p.text_lang, title, own),
                )
            )
        return [plan], goals, measures

    def _measures(
        self,
        goal_id: str,
        field_of_action: FieldOfAction,
        steps: tuple[_Step, ...],
        p: _Person,
        start: int,
        out: list[Measure],
    ) -> bool:
        """Appends the first steps of a goal, now and then another of the field's phrases the
        coordinator picked from the catalogue; True if every one of them is done."""
        r, t, closed = self.r, self.t, p.family.closed
        due = start
        all_done = True
        chosen = list(steps[: _STEP_COUNT(r)])
        more = self.tables.by_field_kind.get((field_of_action, "measure"), ())
        if r() < _EXTRA_STEP and more:
            extra = self._pick(more)
            if all(step[1] != extra for step in chosen):
                chosen.append((self.tables.german[extra], extra, Responsible.CLIENT, "", "", {}))
        for position, (title, key, responsible, group, outcome, own) in enumerate(chosen):
            due += 14 + int(r() * 60)
            x = r()
            if closed is not None:
                due = min(due, closed)
                status = MeasureStatus.DONE if x < 0.8 else MeasureStatus.DROPPED
            elif due < t:  # past: mostly done, some overdue
                status = (
                    MeasureStatus.DONE
                    if x < 0.7
                    else MeasureStatus.DROPPED
                    if x < 0.78
                    else MeasureStatus.IN_PROGRESS
                    if x < 0.9
                    else MeasureStatus.PLANNED
                )
            else:
                status = (
                    MeasureStatus.PLANNED
                    if x < 0.55
                    else MeasureStatus.IN_PROGRESS
                    if x < 0.93
                    else MeasureStatus.DONE
                )
            all_done = all_done and status is MeasureStatus.DONE
            org = (
                self._pick(self.groups[group]) if responsible is Responsible.ORGANISATION else None
            )
            result = outcome if status is MeasureStatus.DONE and r() < 0.8 else ""
            out.append(
                Measure(
                    goal_id,
                    title,
                    self._id(),
                    responsible,
                    org,
                    _day(due),
                    status,
                    result,
                    position,
                    key,
                    self._own_texts(p.text_lang, title, own),
                )
            )
        return all_done

    def _goal_keys(self, p: _Person) -> list[str]:
        """Goals that fit the person, most pressing first."""
        r, f = self.r, p.family
        if p.age < 6:
            return ["kita_child"] if p.age >= 1 else []
        if p.age < 16:
            return ["school_child", "sport"]
        keys = []
        if p.rank <= 2:
            keys.append("alpha" if p.rank == 0 and r() < 0.15 else "b1")
        elif p.rank == 3:
            keys.append("b2")
        if p.age <= 25:
            keys.append("apprentice" if r() < 0.7 else "school_adult")
        if p.age <= 62:
            keys.append("permit" if p.status in _SHORT_STAY else "job")
        if 22 <= p.age <= 55 and r() < 0.3:
            keys.append("recognition")
        if f.housing is not Housing.OWN_FLAT:
            keys.append("flat")
        if p.role in _PARENTS and f.small_child is not None:
            keys.append("kita")
        if p.role in _PARENTS and f.school_child and f.years < 2:
            keys.append("schoolreg")
        status = p.status
        if status is RS.DULDUNG:
            keys.append("identity")
        elif status is RS.CHANCENAUFENTHALT:
            keys.append("25b")
        elif status is RS.SETTLEMENT:
            keys.append("citizen")
        elif status in _PROTECTED and f.years >= 3:
            keys.append("settle")
        elif status is RS.FIKTION or (p.valid is not None and p.valid < self.t + 120):
            keys.append("residence")
        elif p.role is None and status in _PROTECTED and r() < 0.3:
            keys.append("reunion")
        x = r()
        if x < 0.2:
            keys.append("gp" if x < 0.15 else "psz")
        for key, chance in (
            ("money", 0.15),
            ("drive", 0.07),
            ("ticket", 0.05),
            ("contacts", 0.12),
            ("sport", 0.1),
        ):
            if r() < chance:
                keys.append(key)
        return keys

    def _distinct(self, keys: list[str], n: int) -> list[str]:
        """Up to `n` of `keys`, each in another field of action, in their first order."""
        order = list(range(len(keys)))
        self.rng.shuffle(order)
        fields: set[FieldOfAction] = set()
        chosen: list[int] = []
        for i in order:
            field_of_action = self.tables.goals[keys[i]][0]
            if field_of_action not in fields:
                fields.add(field_of_action)
                chosen.append(i)
                if len(chosen) == n:
                    break
        return [keys[i] for i in sorted(chosen)]
