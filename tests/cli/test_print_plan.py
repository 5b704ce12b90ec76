"""`print-plan CLIENT_ID OUT.pdf [--language CODE]`, run as a user runs it."""

from __future__ import annotations

import unicodedata

from pypdf import PdfReader


def test_print_plan_writes_a_bilingual_pdf_and_prints_nothing(cli, initialised, tmp_path):
    client = cli.add("--family-name", "Haddad", "--given-names", "Amal")
    out = tmp_path / "plan.pdf"

    code, stdout, stderr = cli("print-plan", client, str(out), "--language", "ar")

    assert (code, stdout, stderr) == (0, "", "")
    reader = PdfReader(out)
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))
    assert "Amal Haddad" in text
    assert "Integrationsplan und Vereinbarung" in text
    assert "Noch keine Ziele vereinbart." in text
    assert set("خطةالاندماج") <= set(text)


def test_an_unknown_language_is_refused_before_unlocking_and_writes_nothing(
    cli, initialised, data_dir, tmp_path, snapshot
):
    client = cli.add("--family-name", "Haddad")
    before = snapshot(data_dir)
    out = tmp_path / "plan.pdf"

    code, stdout, stderr = cli(
        "print-plan", client, str(out), "--language", "xx", env={"WELCOME_DESK_PASSPHRASE": None}
    )

    assert code == 5
    assert stdout == ""
    assert len(stderr.strip().splitlines()) == 1 and "'xx'" in stderr and "ar" in stderr
    assert not out.exists()
    assert snapshot(data_dir) == before


def test_an_unknown_client_is_invalid_input(cli, initialised, tmp_path):
    out = tmp_path / "plan.pdf"

    code, stdout, stderr = cli("print-plan", "00000000-0000-0000-0000-000000000000", str(out))

    assert code == 5
    assert stdout == "" and len(stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_german_only_print_is_the_default(cli, initialised, tmp_path):
    client = cli.add("--family-name", "Kovalenko", "--given-names", "Olena")
    out = tmp_path / "plan.pdf"

    code, _, stderr = cli("print-plan", client, str(out), env={"WELCOME_DESK_LANG": "de"})

    assert code == 0, stderr
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Olena Kovalenko" in text and "Seite 1 von 1" in text
    assert "Integration plan" not in text
