"""`plan goal add`, `plan measure add`, `plan show`: a client's integration plan, goal by goal.

Goals and measures come from the office's phrase book (`--phrase KEY`: they then print in every
language the phrase has) or have a free German title (`--title`); `--client-text LANG=TEXT` gives
an item its own text in a client language.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any, TextIO

from desktop.cli import common
from desktop.domain.dates import parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.places import check_language
from desktop.domain.texts import UNASSIGNED, Texts
from desktop.services import plans
from desktop.services.phrases import field_of_action


def client_texts(values: list[str] | None) -> Texts:
    """The `--client-text LANG=TEXT` options as texts; a malformed or unknown language, German
    (the German text is the title) or a language given twice is InvalidInput."""
    found: dict[str, str] = {}
    for value in values or []:
        code, sep, text = value.partition("=")
        if not sep or not code.strip():
            raise InvalidInput(
                "client_text",
                f"'{value}' is not LANG=TEXT (such as ar=...) for --client-text.",
                f"'{value}' hat nicht die Form SPRACHE=TEXT (etwa ar=...) für --client-text.",
            )
        lang = check_language(code.strip())
        if lang in found:
            raise InvalidInput(
                "client_text",
                f"--client-text gives a text in '{lang}' twice.",
                f"--client-text gibt zweimal einen Text in '{lang}' an.",
            )
        found[lang] = text
    return Texts(found)  # refuses German: the German text is the item's title


def _due(text: str | None) -> date | None:
    return parse_date(text, "--due") if text is not None else None


def cmd_goal_add(args: argparse.Namespace, out: TextIO) -> int:
    field = field_of_action(args.field)  # invalid input is refused before unlocking
    texts = client_texts(args.client_text)
    goal = common.with_store(
        args,
        lambda store: plans.add_goal(
            store, args.client_id, field, phrase_key=args.phrase, title=args.title, texts=texts
        ),
    )
    print(goal.id, file=out)
    return common.EXIT_OK


def cmd_measure_add(args: argparse.Namespace, out: TextIO) -> int:
    due_on = _due(args.due)
    texts = client_texts(args.client_text)
    measure = common.with_store(
        args,
        lambda store: plans.add_measure(
            store,
            args.goal_id,
            phrase_key=args.phrase,
            title=args.title,
            who=args.who,
            due_on=due_on,
            texts=texts,
        ),
    )
    print(measure.id, file=out)
    return common.EXIT_OK


def cmd_plan_show(args: argparse.Namespace, out: TextIO) -> int:
    tree = common.with_store(args, lambda store: plans.plan_tree(store, args.client_id))
    if args.json:
        common.write_json(out, plans.plan_json(tree), sort_keys=True)
    else:
        for line in plan_lines(tree):
            print(line, file=out)
    return common.EXIT_OK


# -- the plan as text (German labels, as the plan prints) ---------------------------------------


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "–"


def _texts(texts: Texts, indent: str) -> list[str]:
    return [
        f"{indent}{'Sprache nicht zugeordnet' if lang == UNASSIGNED else lang}: {text}"
        for lang, text in texts.items()
    ]


def _key(phrase_key: str) -> str:
    return f" [{phrase_key}]" if phrase_key else ""


def plan_lines(tree: plans.PlanTree) -> list[str]:
    """`plan show`: the plan, its goals by field of action with their measures, each with its
    own texts and its phrase key."""
    plan = tree.plan
    name = tree.client.display_name
    if plan is None:
        return [f"{name}: noch kein Integrationsplan."]
    lines = [
        f"Integrationsplan von {name} ({plan.id})",
        f"Status: {plan.status.label('de')}; vereinbart am: {_day(plan.agreed_on)}; "
        f"Überprüfung am: {_day(plan.review_on)}",
    ]
    if not tree.goals:
        lines.append("Noch keine Ziele.")
    field = None
    for goal, measures in tree.goals:
        if goal.field_of_action is not field:
            field = goal.field_of_action
            lines += ["", f"{field.label('de')} ({field.value})"]
        lines.append(f"  Ziel: {goal.title}{_key(goal.phrase_key)}")
        lines.append(f"    Status: {goal.status.label('de')}; Kennung: {goal.id}")
        lines += _texts(goal.texts, "    ")
        for m in measures:
            if m.organisation_id:
                org = tree.organisations.get(m.organisation_id)
                who = f"{org.name if org else 'Organisation'} ({m.organisation_id})"
            else:
                who = m.responsible.label("de")
            lines.append(f"    Maßnahme: {m.title}{_key(m.phrase_key)}")
            lines.append(
                f"      Status: {m.status.label('de')}; verantwortlich: {who}; "
                f"fällig am: {_day(m.due_on)}; Kennung: {m.id}"
            )
            lines += _texts(m.texts, "      ")
            if m.outcome:
                lines.append(f"      Ergebnis: {m.outcome}")
    return lines


def register(sub: Any) -> None:
    """Add `plan goal add`, `plan measure add` and `plan show`."""
    actions = common.add_group(sub, "plan", "a client's integration plan: goals and measures")

    goal = common.add_group(actions, "goal", "the goals of a client's plan")
    p = common.add_command(
        goal,
        "add",
        cmd_goal_add,
        "add a goal to the client's current plan (a draft plan if there is none); print its id",
    )
    p.add_argument("client_id", metavar="CLIENT_ID")
    p.add_argument("--field", required=True, metavar="FIELD", help="the field of action")
    _wording(p, "goal")

    measure = common.add_group(actions, "measure", "the measures of a goal")
    p = common.add_command(measure, "add", cmd_measure_add, "add a measure to a goal; print its id")
    p.add_argument("goal_id", metavar="GOAL_ID")
    _wording(p, "measure")
    p.add_argument(
        "--who",
        default="client",
        metavar="WHO",
        help="client (default), coordinator or an organisation's id",
    )
    p.add_argument("--due", metavar="D", help="due on this day (2026-03-31 or 31.03.2026)")

    p = common.add_command(
        actions, "show", cmd_plan_show, "the client's current plan with its goals and measures"
    )
    p.add_argument("client_id", metavar="CLIENT_ID")
    p.add_argument("--json", action="store_true")


def _wording(parser: argparse.ArgumentParser, kind: str) -> None:
    """--phrase KEY or --title TEXT (exactly one), and --client-text LANG=TEXT..."""
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--phrase", metavar="KEY", help=f"a {kind} phrase of the phrase book (phrases list)"
    )
    which.add_argument("--title", metavar="TEXT", help="a free German title")
    parser.add_argument(
        "--client-text",
        action="append",
        metavar="LANG=TEXT",
        help="the item's own text in a client language (repeatable)",
    )
