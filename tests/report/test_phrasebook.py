"""The phrase catalogue (resources/phrases/): gettext files a translator can open in Poedit, read
by report/phrasebook.py, the single source of the prints' texts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import polib
import pytest

from desktop.domain.catalogues import FieldOfAction, GoalStatus
from desktop.report import labels, phrasebook

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "resources" / "phrases"
TEMPLATE = FOLDER / phrasebook.TEMPLATE
PO_LANGS = phrasebook.TRANSLATED


def template() -> polib.POFile:
    return polib.pofile(str(TEMPLATE), encoding="utf-8")


def po(lang: str) -> polib.POFile:
    return polib.pofile(str(FOLDER / f"{lang}.po"), encoding="utf-8")


def test_the_catalogue_has_150_phrases_6_per_field_and_every_kind() -> None:
    found = phrasebook.phrases()
    assert len(found) >= 150
    per_field = Counter(p.field for p in found)
    assert {f: per_field[f] for f in FieldOfAction if per_field[f] < 6} == {}
    assert set(Counter(p.kind for p in found)) == set(phrasebook.KINDS)
    for p in found:
        prefix = "appt" if p.kind == "appointment" else p.kind
        assert p.key.startswith(prefix + "."), p.key
        assert p.meaning, p.key  # the English meaning for the translators


def test_every_key_is_unique_and_has_a_german_text() -> None:
    keys = [e.msgctxt for e in template()]
    assert all(keys)
    assert [k for k, n in Counter(keys).items() if n > 1] == []
    assert all(e.msgid.strip() and not e.msgstr for e in template())


def test_the_frame_and_every_printed_label_are_in_the_catalogue() -> None:
    keys = set(phrasebook.entries())
    for key in ("title", "goals", "please_bring", "weekdays", "summary", "page", "privacy"):
        assert f"frame.{key}" in keys
    for member in (*FieldOfAction, *GoalStatus):
        assert phrasebook.label_key(member) in keys


@pytest.mark.parametrize("lang", PO_LANGS)
def test_every_po_parses_and_has_every_key_of_the_template_and_no_other(lang: str) -> None:
    wanted = {(e.msgctxt, e.msgid) for e in template()}
    catalogue = po(lang)
    assert catalogue.metadata["Language"] == lang
    assert "charset=UTF-8" in catalogue.metadata["Content-Type"]
    assert catalogue.metadata["Plural-Forms"].startswith("nplurals=")
    have = {(e.msgctxt, e.msgid) for e in catalogue if not e.obsolete}
    assert wanted - have == set(), "keys of the template missing in the .po (run msgmerge)"
    assert have - wanted == set(), "translations of keys or German texts not in the template"


@pytest.mark.parametrize("lang", PO_LANGS)
def test_translations_keep_the_placeholders_and_the_seven_weekdays(lang: str) -> None:
    for e in po(lang):
        if not e.msgstr:
            continue
        names = set(re.findall(r"{(\w*)}", e.msgid))
        assert set(re.findall(r"{(\w*)}", e.msgstr)) == names, (lang, e.msgctxt)
        if e.msgctxt == "frame.weekdays":
            assert len(e.msgstr.split("|")) == 7


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
@pytest.mark.parametrize("name", [f"{lang}.po" for lang in PO_LANGS])
def test_msgfmt_accepts_every_po(name: str) -> None:
    done = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(FOLDER / name)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_loader_gives_every_phrase_its_german_text() -> None:
    german = {e.msgctxt: e.msgid for e in template()}
    found = phrasebook.phrases()
    assert found
    for p in found:
        assert p.texts["de"] == german[p.key] == phrasebook.text(p.key, "de")
        assert p.reviewed("de")
    assert {p.key for p in phrasebook.phrases(FieldOfAction.HOUSING)} == {
        p.key for p in found if p.field == FieldOfAction.HOUSING
    }


TINY_POT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#. Find a job
#. field=work kind=goal
msgctxt "goal.work.job"
msgid "Eine Arbeit finden"
msgstr ""

#. Have a doctor
#. field=health kind=goal
msgctxt "goal.health.doctor"
msgid "Einen Hausarzt haben"
msgstr ""

#. Title
msgctxt "frame.title"
msgid "Plan"
msgstr ""
"""

TINY_PO = """\
msgid ""
msgstr ""
"Language: {lang}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, fuzzy
msgctxt "goal.work.job"
msgid "Eine Arbeit finden"
msgstr "{job}"

msgctxt "goal.health.doctor"
msgid "Einen Hausarzt haben"
msgstr "{doctor}"

msgctxt "frame.title"
msgid "Ein älterer deutscher Titel"
msgstr "An older title"
"""


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A catalogue of three entries in place of the shipped one: fr with a draft, a reviewed
    text and a stale translation (its German is not the template's any more)."""
    (tmp_path / phrasebook.TEMPLATE).write_text(TINY_POT, encoding="utf-8")
    (tmp_path / "fr.po").write_text(
        TINY_PO.format(lang="fr", job="Trouver un emploi", doctor="Avoir un médecin"),
        encoding="utf-8",
    )
    monkeypatch.setattr(phrasebook, "_catalogue", phrasebook._Catalogue(tmp_path))
    return tmp_path


def test_a_fuzzy_translation_is_used_but_is_a_draft(tiny: Path) -> None:
    job, doctor = sorted(phrasebook.phrases(), key=lambda p: p.key)[::-1]
    assert job.key == "goal.work.job"
    assert job.text("fr") == "Trouver un emploi"
    assert not job.reviewed("fr")
    assert doctor.text("fr") == "Avoir un médecin"
    assert doctor.reviewed("fr")
    assert doctor.text("so") is None and not doctor.reviewed("so")  # no so.po at all
    assert phrasebook.translation("goal.work.job", "fr") == phrasebook.Translation(
        "Trouver un emploi", reviewed=False
    )


def test_a_translation_of_an_older_german_text_is_not_used(tiny: Path) -> None:
    assert phrasebook.frame("title", "fr") is None
    assert labels.text("title", "fr") == "Plan"  # the print falls back to German


def test_unknown_keys_and_languages_are_errors(tiny: Path) -> None:
    with pytest.raises(KeyError):
        phrasebook.text("goal.work.nothing", "fr")
    with pytest.raises(ValueError):
        phrasebook.text("goal.work.job", "xx")
    assert phrasebook.text("goal.work.job", "prs") is None  # Dari prints with fa: none here


def test_the_print_labels_come_from_the_catalogue() -> None:
    for key in (k for k in phrasebook.entries() if k.startswith("frame.")):
        name = key.removeprefix("frame.")
        assert labels.text(name, "de") == phrasebook.frame(name, "de")
        for lang in labels.LANGS:
            assert labels.text(name, lang) == (
                phrasebook.frame(name, lang) or phrasebook.frame(name, "de")
            )
    assert labels.label(FieldOfAction.WORK, "de") == "Arbeit und Ausbildung"
    assert labels.text("title", "prs") == labels.text("title", "fa")
    assert labels.weekday(date(2026, 12, 7), "de") == "Montag"


def test_the_print_languages_are_the_thirteen() -> None:
    print_langs = {"en", "ar", "fa", "ps", "ti", "uk", "ru", "tr", "fr", "kmr", "ckb", "so"}
    assert set(labels.LANGS) == {"de", *print_langs}
    assert {*labels.LANGS, "prs"} == labels.SUPPORTED
    assert {lang for lang in labels.SUPPORTED if labels.is_rtl(lang)} == {
        "ar",
        "fa",
        "prs",
        "ps",
        "ckb",
    }


def test_nothing_is_read_at_import() -> None:
    code = (
        "import sys\n"
        "import desktop.report.labels, desktop.services.phrases, desktop.cli.commands\n"
        "assert 'polib' not in sys.modules, 'the catalogue was read at import'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("lang", PO_LANGS)
def test_every_phrase_has_a_text_in_every_print_language(lang: str) -> None:
    missing = [p.key for p in phrasebook.phrases() if p.text(lang) is None]
    assert missing == []


@pytest.mark.parametrize("lang", PO_LANGS)
def test_every_frame_text_and_label_has_a_text_in_every_print_language(lang: str) -> None:
    keys = [k for k in phrasebook.entries() if k.startswith(("frame.", "label.", "language."))]
    missing = [k for k in keys if phrasebook.text(k, lang) is None]
    assert missing == []
