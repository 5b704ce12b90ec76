"""`access-request CLIENT_ID OUT.pdf [--language CODE]`, run as a user runs it."""

from __future__ import annotations

import json

from pypdf import PdfReader

from desktop.report.access_texts import text as access_text
from tests.report.test_plan_pdf import arabic_letters


def test_writes_the_pdf_and_the_json_beside_it_and_prints_both_paths(cli, initialised, tmp_path):
    client = cli.add("--family-name", "Haddad", "--given-names", "Amal")
    other = cli.add("--family-name", "Okonkwo", "--given-names", "Chidi")
    out = tmp_path / "Auskunft-Haddad.pdf"

    code, stdout, stderr = cli("access-request", client, str(out))

    assert code == 0, stderr
    json_out = tmp_path / "Auskunft-Haddad.json"
    assert stdout.splitlines() == [str(out), str(json_out)]
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Auskunft über gespeicherte Daten (Art. 15 DSGVO)" in text
    assert "Amal Haddad" in text and "Okonkwo" not in text
    data = json.loads(json_out.read_text("utf-8"))
    assert [c["id"] for c in data["clients"]] == [client]
    assert other not in json_out.read_text("utf-8")
    assert "created" in {e["action"] for e in data["audit"]}

    code, _, stderr = cli("access-request", client, str(out), "--language", "en")
    assert code == 0, stderr
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Information about stored data (Art. 15 GDPR)" in text
    assert "Data access request answered" in text  # the first request, in the audit trail


def test_an_unknown_language_is_refused_before_unlocking(cli, initialised, tmp_path):
    client = cli.add("--family-name", "Haddad")
    out = tmp_path / "a.pdf"

    code, stdout, stderr = cli(
        "access-request",
        client,
        str(out),
        "--language",
        "xx",
        env={"WELCOME_DESK_PASSPHRASE": None},
    )

    assert code == 5 and stdout == ""
    assert len(stderr.strip().splitlines()) == 1 and "'xx'" in stderr
    assert "ckb" in stderr and "so" in stderr  # the sentence names the languages there are
    assert not out.exists() and not (tmp_path / "a.json").exists()


def test_an_unknown_client_is_invalid_input_and_writes_nothing(cli, initialised, tmp_path):
    out = tmp_path / "a.pdf"

    code, stdout, stderr = cli("access-request", "00000000-0000-0000-0000-000000000000", str(out))

    assert code == 5 and stdout == "" and len(stderr.strip().splitlines()) == 1
    assert not out.exists() and not (tmp_path / "a.json").exists()


def test_a_statement_in_sorani(cli, initialised, tmp_path):
    client = cli.add("--family-name", "Rashid", "--given-names", "Dilan")
    out = tmp_path / "a.pdf"

    code, stdout, stderr = cli("access-request", client, str(out), "--language", "ckb")

    assert code == 0, stderr
    assert stdout.splitlines() == [str(out), str(tmp_path / "a.json")]
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Persönliche Daten" in text and "Dilan Rashid" in text  # German beside the draft
    assert arabic_letters(access_text("personal", "ckb")) <= arabic_letters(text)
