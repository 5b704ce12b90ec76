"""The database worker over a real case file: one thread owns the store, answers come back on
the GUI thread in order, stale searches are dropped, and locking waits for what was queued."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain.errors import NotFound
from desktop.domain.model import Client
from desktop.services import casefile
from desktop.services.clients import ClientQuery, add_client, get_client, list_clients
from desktop.store.store import Store
from desktop.ui.widgets.db_worker import DbWorker

PASSPHRASE = "correct horse battery staple"
Settle = Callable[[DbWorker], None]


def test_operations_run_off_the_gui_thread_and_answer_on_it(
    qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    ran_on: list[str] = []
    answered_on: list[str] = []

    def op(store: Store) -> Client:
        ran_on.append(threading.current_thread().name)
        return add_client(store, {"family_name": "Haddad", "given_names": "Layla"})

    db.run(op, lambda c: answered_on.append(threading.current_thread().name))
    settle(db)
    assert ran_on == ["case-file"]
    assert answered_on == [threading.main_thread().name]


def test_answers_come_in_the_order_the_operations_were_sent(
    qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    seen: list[int] = []
    for i in range(20):
        db.run(lambda _store, i=i: i, seen.append)
    settle(db)
    assert seen == list(range(20))


def test_only_the_newest_answer_of_a_channel_is_shown(
    qtbot: QtBot, db: DbWorker, settle: Settle, store: Store
) -> None:
    for name in ("Haddad", "Hamidi", "Müller"):
        add_client(store, {"family_name": name, "given_names": "A"})
    gate = threading.Event()
    db.run(lambda _store: gate.wait(5))  # the worker is busy while the user types on
    shown: list[list[str]] = []
    ran: list[str] = []

    def search(text: str) -> Callable[[Store], list[str]]:
        def op(s: Store) -> list[str]:
            ran.append(text)
            return [c.family_name for c in list_clients(s, ClientQuery(text=text)).clients]

        return op

    for text in ("h", "ha", "had"):
        db.run(search(text), shown.append, channel="case-list")
    gate.set()
    settle(db)
    assert shown == [["Haddad"]]
    assert ran == ["had"]  # the stale searches were never run


def test_a_failure_reaches_its_handler_on_the_gui_thread(
    qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    errors: list[BaseException] = []
    db.run(lambda store: get_client(store, "no-such-id"), lambda _c: None, errors.append)
    settle(db)
    assert len(errors) == 1 and isinstance(errors[0], NotFound)


def test_a_failure_without_a_handler_goes_to_the_shell(
    qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    shown: list[BaseException] = []
    db.errors = shown.append
    db.run(lambda store: get_client(store, "no-such-id"))
    settle(db)
    assert [type(e) for e in shown] == [NotFound]


def test_closing_waits_for_queued_saves_and_drops_their_answers(
    qtbot: QtBot, case_root: Path, qapp: object
) -> None:
    store = casefile.init(case_root, PASSPHRASE).store
    db = DbWorker()
    db.attach(store)
    answers: list[object] = []

    def slow_add(s: Store) -> Client:
        time.sleep(0.2)
        return add_client(s, {"family_name": "Saved", "given_names": "Before lock"})

    db.run(slow_add, answers.append)
    db.close()  # returns only after the save and the close ran on the worker
    assert not db.is_open
    qtbot.wait(50)
    assert answers == []  # no case data reaches a locked window
    db.run(lambda s: answers.append("ran while locked"))  # dropped, never run
    qtbot.wait(50)
    assert answers == []
    db.shutdown()
    again = casefile.unlock(case_root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        assert [c.family_name for c in list_clients(again, ClientQuery()).clients] == ["Saved"]
    finally:
        again.close()


def test_a_job_reports_progress_and_stops_when_asked(
    qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    progress: list[tuple[int, int]] = []
    results: list[int] = []

    def job(
        _store: Store, report: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> int:
        done = 0
        for done in range(1000):
            if cancelled():
                break
            report(done, 1000)
            time.sleep(0.002)
        return done

    stop = db.run_job(job, results.append, progress=lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: len(progress) > 3)
    stop.set()
    settle(db)
    assert results and results[0] < 999
    assert progress[0] == (0, 1000)


def test_a_modal_job_holds_off_the_idle_lock_until_it_ends(
    qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    gate = threading.Event()
    db.run_job(lambda _s, _p, _c: gate.wait(5), modal=True)
    assert db.running_job
    gate.set()
    settle(db)
    assert not db.running_job


@pytest.mark.parametrize("wrong", ["not the passphrase"])
def test_opening_on_the_worker_reports_a_wrong_passphrase(
    qtbot: QtBot, case_root: Path, qapp: object, wrong: str
) -> None:
    casefile.init(case_root, PASSPHRASE).store.close()
    db = DbWorker()
    failures: list[BaseException] = []
    db.open(
        lambda: casefile.unlock(case_root, passphrase=wrong, use_keyring=False),
        lambda: None,
        failures.append,
    )
    qtbot.waitUntil(lambda: bool(failures))
    assert not db.is_open
    opened: list[bool] = []
    db.open(
        lambda: casefile.unlock(case_root, passphrase=PASSPHRASE, use_keyring=False),
        lambda: opened.append(True),
        failures.append,
    )
    qtbot.waitUntil(lambda: bool(opened))
    assert db.is_open
    db.shutdown()
