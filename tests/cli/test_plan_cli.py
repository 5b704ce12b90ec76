"""`plan goal add`, `plan measure add`, `plan show` and what `print-plan --language` names on
stderr, through the real command line (DESIGN.md's contract) on real case files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.errors import InvalidInput
from desktop.domain.model import Measure, Organisation
from desktop.domain.texts import Texts
from desktop.services import casework, printing
from desktop.services.organisations import add_organisation
from desktop.store import casefile

EXIT_USAGE, EXIT_INPUT = 2, 5
REPO_ROOT = Path(__file__).resolve().parents[2]
UNKNOWN_ID = "0b8e7c1e-2f4d-4a8e-9c1a-5d6e7f8a9b0c"
GOAL_PHRASE = "goal.language.course_b1"
MEASURE_PHRASE = "measure.language.course_register"
PRINT_LANGUAGES = ("en", "ar", "fa", "prs", "ps", "ti", "uk", "ru", "tr", "fr", "kmr", "ckb", "so")


def german(cli, key: str) -> str:
    """The German text of a shipped phrase, as `phrases list --json` gives it."""
    code, out, err = cli("phrases", "list", "--json")
    assert code == 0, err
    return next(p["texts"]["de"] for p in json.loads(out) if p["key"] == key)


def ok(cli, *args: str) -> str:
    code, out, err = cli(*args)
    assert code == 0, err
    return out.strip()


def shown(cli, client: str) -> dict[str, Any]:
    return json.loads(ok(cli, "plan", "show", client, "--json"))


def exported(cli) -> dict[str, Any]:
    """The case data as `export-json` gives it, without its `meta` and audit trail (which grows
    with every export)."""
    document = json.loads(ok(cli, "export-json", "-"))
    document.pop("meta")
    document.pop("audit")
    return document


def add_organisation_to(cli, name: str) -> str:
    store = casefile.unlock(cli.data_dir, passphrase=cli.passphrase)
    try:
        organisation = Organisation(name)
        add_organisation(store, organisation)
        return organisation.id
    finally:
        store.close()


# -- adding goals and measures -----------------------------------------------------------------


def test_a_goal_from_a_phrase_takes_its_german_text_and_key_in_a_new_draft_plan(cli, initialised):
    client = cli.add("--family-name", "Haddad", "--given-names", "Amal")
    assert shown(cli, client) == {"plan": None, "goals": []}

    code, out, err = cli(
        "plan", "goal", "add", client, "--field", "language", "--phrase", GOAL_PHRASE
    )

    assert code == 0, err
    assert err == ""
    goal_id = out.strip()
    assert out == goal_id + "\n"
    plan = shown(cli, client)
    assert plan["plan"]["status"] == "draft"
    assert plan["plan"]["agreed_on"] is None and plan["plan"]["review_on"] is None
    assert plan["goals"] == [
        {
            "id": goal_id,
            "field": "language",
            "title": german(cli, GOAL_PHRASE),
            "phrase_key": GOAL_PHRASE,
            "texts": {},
            "status": "open",
            "position": 0,
            "measures": [],
        }
    ]
    # the next goal goes into the same plan, after the others
    second = ok(cli, "plan", "goal", "add", client, "--field", "work", "--title", "Arbeit finden")
    again = shown(cli, client)
    assert again["plan"] == plan["plan"]
    assert [(g["id"], g["position"]) for g in again["goals"]] == [(goal_id, 0), (second, 1)]
    assert len(exported(cli)["plans"]) == 1


def test_a_goal_with_a_free_title_carries_its_client_texts(cli, initialised):
    client = cli.add("--family-name", "Kovalenko", "--given-names", "Olena")

    goal_id = ok(
        cli, "plan", "goal", "add", client, "--field", "housing", "--title", "Eine Wohnung finden",
        "--client-text", "ar=إيجاد شقة", "--client-text", "uk=Знайти квартиру",
    )  # fmt: skip

    (goal,) = shown(cli, client)["goals"]
    assert goal["id"] == goal_id
    assert goal["title"] == "Eine Wohnung finden" and goal["phrase_key"] == ""
    assert goal["field"] == "housing"
    assert goal["texts"] == {"ar": "إيجاد شقة", "uk": "Знайти квартиру"}


def test_measures_for_an_organisation_with_a_due_date_and_from_a_phrase(cli, initialised):
    client = cli.add("--family-name", "Haddad", "--given-names", "Amal")
    caritas = add_organisation_to(cli, "Caritas Migrationsberatung")
    goal_id = ok(cli, "plan", "goal", "add", client, "--field", "language", "--phrase", GOAL_PHRASE)

    first = ok(
        cli, "plan", "measure", "add", goal_id, "--title", "Beratungstermin vereinbaren",
        "--who", caritas, "--due", "31.03.2026", "--client-text", "ar=حجز موعد استشارة",
    )  # fmt: skip
    second = ok(
        cli, "plan", "measure", "add", goal_id, "--phrase", MEASURE_PHRASE,
        "--who", "coordinator", "--due", "2026-04-15",
    )  # fmt: skip
    third = ok(cli, "plan", "measure", "add", goal_id, "--title", "Kursplan abholen")

    (goal,) = shown(cli, client)["goals"]
    assert goal["measures"] == [
        {
            "id": first,
            "title": "Beratungstermin vereinbaren",
            "phrase_key": "",
            "texts": {"ar": "حجز موعد استشارة"},
            "responsible": "organisation",
            "organisation_id": caritas,
            "due_on": "2026-03-31",
            "status": "planned",
            "outcome": "",
            "position": 0,
        },
        {
            "id": second,
            "title": german(cli, MEASURE_PHRASE),
            "phrase_key": MEASURE_PHRASE,
            "texts": {},
            "responsible": "coordinator",
            "organisation_id": None,
            "due_on": "2026-04-15",
            "status": "planned",
            "outcome": "",
            "position": 1,
        },
        {
            "id": third,
            "title": "Kursplan abholen",
            "phrase_key": "",
            "texts": {},
            "responsible": "client",
            "organisation_id": None,
            "due_on": None,
            "status": "planned",
            "outcome": "",
            "position": 2,
        },
    ]


# -- plan show ---------------------------------------------------------------------------------


def test_plan_show_as_text_and_as_deterministic_json(cli, initialised):
    client = cli.add("--family-name", "Haddad", "--given-names", "Amal")
    caritas = add_organisation_to(cli, "Caritas Migrationsberatung")
    # added work first, language second: shown by field of action (language before work)
    work = ok(
        cli, "plan", "goal", "add", client, "--field", "work", "--title", "Arbeit finden",
        "--client-text", "ar=إيجاد عمل",
    )  # fmt: skip
    language = ok(
        cli, "plan", "goal", "add", client, "--field", "language", "--phrase", GOAL_PHRASE
    )
    measure = ok(
        cli, "plan", "measure", "add", language, "--phrase", MEASURE_PHRASE, "--who", caritas,
        "--due", "2026-03-31",
    )  # fmt: skip

    code, text, err = cli("plan", "show", client)

    assert code == 0, err
    lines = text.splitlines()
    assert "Status: Entwurf" in text and "Haddad" in text
    assert lines.index("Sprache (language)") < lines.index("Arbeit und Ausbildung (work)")
    assert f"  Ziel: {german(cli, GOAL_PHRASE)} [{GOAL_PHRASE}]" in lines
    assert f"    Maßnahme: {german(cli, MEASURE_PHRASE)} [{MEASURE_PHRASE}]" in lines
    assert "  Ziel: Arbeit finden" in lines and "    ar: إيجاد عمل" in lines
    assert f"Caritas Migrationsberatung ({caritas})" in text and "31.03.2026" in text
    assert all(item in text for item in (work, language, measure))

    code, first, err = cli("plan", "show", client, "--json")
    assert code == 0, err
    assert first == cli("plan", "show", client, "--json")[1]  # the same every time
    plan = json.loads(first)
    assert first == json.dumps(plan, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert [g["id"] for g in plan["goals"]] == [language, work]
    assert plan["goals"][0]["measures"][0]["organisation_id"] == caritas


# -- what is refused ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def case(tmp_path_factory, make_cli, template_case):
    """A case file with a client who has a plan with one goal, and one who has no plan yet."""
    template, _ = template_case
    cli = make_cli(tmp_path_factory.mktemp("plan-errors") / "data")
    shutil.copytree(template, cli.data_dir)
    with_plan = cli.add("--family-name", "Haddad", "--given-names", "Amal")
    goal = ok(cli, "plan", "goal", "add", with_plan, "--field", "language", "--phrase", GOAL_PHRASE)
    without_plan = cli.add("--family-name", "Kovalenko", "--given-names", "Olena")
    return cli, {"CLIENT": without_plan, "GOAL": goal, "UNKNOWN": UNKNOWN_ID}


def goal_add(*options: str) -> tuple[str, ...]:
    return ("plan", "goal", "add", "CLIENT", "--field", "language", *options)


def measure_add(*options: str) -> tuple[str, ...]:
    return ("plan", "measure", "add", "GOAL", *options)


REFUSED = {
    "unknown phrase": (goal_add("--phrase", "goal.language.no_such_goal"), EXIT_INPUT),
    "malformed phrase key": (goal_add("--phrase", "Deutsch lernen"), EXIT_INPUT),
    "measure phrase for a goal": (goal_add("--phrase", MEASURE_PHRASE), EXIT_INPUT),
    "goal phrase for a measure": (measure_add("--phrase", GOAL_PHRASE), EXIT_INPUT),
    "field mismatch": (
        ("plan", "goal", "add", "CLIENT", "--field", "work", "--phrase", GOAL_PHRASE),
        EXIT_INPUT,
    ),
    "unknown field": (
        ("plan", "goal", "add", "CLIENT", "--field", "cooking", "--title", "Kochen"),
        EXIT_INPUT,
    ),
    "unknown client text language": (
        goal_add("--title", "Deutsch lernen", "--client-text", "xx=text"),
        EXIT_INPUT,
    ),
    "German client text": (
        goal_add("--title", "Deutsch lernen", "--client-text", "de=Deutsch lernen"),
        EXIT_INPUT,
    ),
    "client text without =": (
        measure_add("--title", "Kurs suchen", "--client-text", "ar"),
        EXIT_INPUT,
    ),
    "neither phrase nor title": (goal_add(), EXIT_USAGE),
    "both phrase and title": (goal_add("--phrase", GOAL_PHRASE, "--title", "X"), EXIT_USAGE),
    "measure without phrase or title": (measure_add("--who", "client"), EXIT_USAGE),
    "unknown goal": (
        ("plan", "measure", "add", "UNKNOWN", "--title", "Kurs suchen"),
        EXIT_INPUT,
    ),
    "unknown client": (
        ("plan", "goal", "add", "UNKNOWN", "--field", "language", "--title", "Deutsch lernen"),
        EXIT_INPUT,
    ),
    "unknown client to show": (("plan", "show", "UNKNOWN", "--json"), EXIT_INPUT),
    "bad date": (measure_add("--title", "Kurs suchen", "--due", "31.02.2026"), EXIT_INPUT),
    "unknown organisation": (
        measure_add("--title", "Kurs suchen", "--who", UNKNOWN_ID),
        EXIT_INPUT,
    ),
}


@pytest.mark.parametrize(("args", "exit_code"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_with_one_sentence_and_nothing_changed(case, snapshot, args, exit_code):
    cli, ids = case
    argv = [ids.get(a, a) for a in args]
    data_before = exported(cli)
    files_before = snapshot(cli.data_dir)

    code, out, err = cli(*argv)

    assert code == exit_code, err
    assert out == ""
    assert err.strip() and err.strip().count("\n") == 0 and "Traceback" not in err
    assert snapshot(cli.data_dir) == files_before
    assert exported(cli) == data_before


def test_refusals_name_what_is_wrong_in_the_users_language(case):
    cli, ids = case
    de = {"WELCOME_DESK_LANG": "de"}

    _, _, err = cli(
        "plan", "goal", "add", ids["CLIENT"], "--field", "language", "--title", "X",
        "--client-text", "de=X", env=de,
    )  # fmt: skip
    assert "Titel" in err
    _, _, err = cli(
        "plan", "goal", "add", ids["CLIENT"], "--field", "work", "--phrase", GOAL_PHRASE
    )
    assert GOAL_PHRASE in err and "language" in err and "work" in err
    _, _, err = cli(
        "plan", "goal", "add", ids["CLIENT"], "--field", "work", "--phrase", GOAL_PHRASE, env=de
    )
    assert "Handlungsfeld" in err and "Arbeit und Ausbildung" in err
    _, _, err = cli("plan", "measure", "add", ids["GOAL"], "--title", "X", "--due", "morgen")
    assert "'morgen'" in err and "--due" in err
    _, _, err = cli("plan", "measure", "add", ids["GOAL"], "--phrase", GOAL_PHRASE)
    assert GOAL_PHRASE in err and "measure" in err


# -- print-plan names the items without a text in the print language --------------------------


@pytest.fixture
def planned(cli, initialised) -> tuple[str, str]:
    """A client whose plan has a goal from a phrase (it has an Arabic text) and a measure with a
    free title and no text in any client language; returns (client id, the measure's title)."""
    client = cli.add("--family-name", "Haddad", "--given-names", "Amal")
    goal = ok(cli, "plan", "goal", "add", client, "--field", "language", "--phrase", GOAL_PHRASE)
    ok(cli, "plan", "measure", "add", goal, "--title", "Zum Sprachcafé gehen")
    return client, "Zum Sprachcafé gehen"


def test_print_plan_names_the_items_without_a_text_in_the_print_language(cli, planned, tmp_path):
    client, measure = planned
    out = tmp_path / "plan.pdf"

    code, stdout, stderr = cli("print-plan", client, str(out), "--language", "ar")

    assert code == 0 and stdout == ""
    assert out.read_bytes().startswith(b"%PDF")
    assert stderr.splitlines() == [
        "1 item has no text in Arabic; it prints in German only:",
        f"  Measure: {measure}",
    ]

    code, _, stderr = cli(
        "print-plan", client, str(out), "--language", "ar", env={"WELCOME_DESK_LANG": "de"}
    )
    assert code == 0
    assert stderr.splitlines() == [
        "1 Eintrag hat keinen Text auf Arabisch; er wird nur auf Deutsch gedruckt:",
        f"  Maßnahme: {measure}",
    ]


def test_print_plan_names_nothing_without_a_print_language(cli, planned, tmp_path):
    client, _ = planned
    out = tmp_path / "plan.pdf"

    assert cli("print-plan", client, str(out)) == (0, "", "")
    assert out.exists()
    assert cli("print-plan", client, str(out), "--language", "de") == (0, "", "")


def test_print_plan_counts_every_item_without_a_text(cli, planned, tmp_path):
    client, measure = planned
    ok(cli, "plan", "goal", "add", client, "--field", "work", "--title", "Arbeit finden",
       "--client-text", "uk=Знайти роботу")  # fmt: skip

    code, _, stderr = cli("print-plan", client, str(tmp_path / "p.pdf"), "--language", "ar")

    assert code == 0
    assert stderr.splitlines() == [
        "2 items have no text in Arabic; they print in German only:",
        f"  Measure: {measure}",
        "  Goal: Arbeit finden",
    ]
    code, _, stderr = cli("print-plan", client, str(tmp_path / "p.pdf"), "--language", "uk")
    assert code == 0
    assert stderr.splitlines() == [
        "1 item has no text in Ukrainian; it prints in German only:",
        f"  Measure: {measure}",
    ]


WINDOWS_CODE_PAGE = {"PYTHONUTF8": "0", "PYTHONIOENCODING": "cp1252"}


def test_an_item_waiting_for_its_language_is_named_whole_under_the_windows_code_page(
    cli, initialised, tmp_path
):
    """A text whose language is not assigned yet (an old client text) is shown with the item;
    on Windows stderr redirected to a file is in the ANSI code page unless the CLI writes UTF-8."""
    client = cli.add("--family-name", "Haddad", "--given-names", "Amal")
    goal = ok(cli, "plan", "goal", "add", client, "--field", "language", "--phrase", GOAL_PHRASE)
    store = casefile.unlock(cli.data_dir, passphrase=cli.passphrase)
    try:
        casework.add(
            store, Measure(goal, "Zum Amt gehen", texts=Texts({"und": "الذهاب إلى الدائرة"}))
        )
    finally:
        store.close()
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(cli.data_dir), "print-plan",
             client, str(tmp_path / "plan.pdf"), "--language", "ar"],
            cwd=REPO_ROOT,
            env=cli.env({**WINDOWS_CODE_PAGE, "WELCOME_DESK_LANG": "de"}),
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            timeout=60,
            check=False,
        )  # fmt: skip

    assert done.returncode == 0, err.read_bytes().decode("utf-8", "replace")
    assert out.read_bytes() == b""
    assert err.read_bytes().decode("utf-8").splitlines() == [
        "1 Eintrag hat keinen Text auf Arabisch; er wird nur auf Deutsch gedruckt:",
        "  Maßnahme: Zum Amt gehen (ein Text wartet auf die Zuordnung seiner Sprache: "
        "الذهاب إلى الدائرة)",
    ]


# -- the print languages -----------------------------------------------------------------------


def test_print_plan_accepts_the_thirteen_print_languages_and_nothing_else():
    assert sorted(printing.print_languages()) == sorted(PRINT_LANGUAGES)
    for code in PRINT_LANGUAGES:
        assert printing.check_language(code) in {code, "fa"}  # Dari prints the Persian texts
        assert printing.check_language(code.upper()) == printing.check_language(code)
    assert printing.check_language(None) is None and printing.check_language("de") is None
    for wrong in ("xx", "ku", "dari", "english", ""):
        with pytest.raises(InvalidInput):
            printing.check_language(wrong)
