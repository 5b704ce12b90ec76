"""Start-up paths that need no dialog, and the crash report that carries no case data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.services import casefile
from desktop.services.clients import add_client
from desktop.store.search import ClientQuery
from desktop.ui.app import DEMO_CLIENTS, DEMO_PASSPHRASE, crash_report, open_case_file, open_demo

PASSPHRASE = "correct horse battery staple"


def test_the_windows_account_unlocks_without_asking(case_root: Path, qapp: object) -> None:
    created = casefile.init(case_root, PASSPHRASE, remember_in_keyring=True)
    add_client(created.store, {"family_name": "Müller", "given_names": "Anna"})
    created.store.close()
    store = open_case_file(case_root)
    assert store is not None
    try:
        assert store.clients(ClientQuery()).total == 1
    finally:
        store.close()


def test_the_demo_case_file_is_created_once_and_then_reopened(tmp_path: Path, qapp: object) -> None:
    root = tmp_path / "WelcomeDesk-Demo"
    store = open_demo(root)
    try:
        assert store.clients(ClientQuery()).total == DEMO_CLIENTS
    finally:
        store.close()
    store = open_demo(root)
    try:
        assert store.clients(ClientQuery()).total == DEMO_CLIENTS
    finally:
        store.close()
    casefile.unlock(root, passphrase=DEMO_PASSPHRASE, use_keyring=False).close()


def test_a_crash_report_names_the_place_but_never_the_message() -> None:
    try:
        raise ValueError("Müller, Anna, geboren 17.05.1990")
    except ValueError:
        kind, _error, tb = sys.exc_info()
    assert kind is not None
    report = crash_report(kind, tb)
    assert "ValueError" in report and "test_app.py" in report
    assert "Müller" not in report and "1990" not in report


@pytest.mark.parametrize("args", [["--demo"], ["--data-dir", "x", "--demo"]])
def test_the_demo_option_is_understood(args: list[str]) -> None:
    from desktop.ui.app import _parse

    options, rest = _parse(args)
    assert options.demo and rest == []
