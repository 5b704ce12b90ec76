"""Cases for the print tests, built in memory (CaseView) or in a real case file (store)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.domain.catalogues import (
    DocumentKind,
    DocumentStatus,
    FieldOfAction,
    MeasureStatus,
    Responsible,
)
from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Goal,
    IntegrationPlan,
    Measure,
    Organisation,
)
from desktop.domain.texts import Texts
from desktop.services.workspace import CaseView
from desktop.store.database import connect, prepare
from desktop.store.store import Store

TODAY = date(2026, 3, 2)


def sample_case(
    measures: int = 3, client_text: dict[int, str] | None = None, text_lang: str = "ar"
) -> CaseView:
    """A client with a plan: two fields of action, measures, missing papers, appointments."""
    client = Client("Haddad", "Amal", file_number="AZ-2026/0815")
    jobcenter = Organisation("Jobcenter Musterstadt")
    plan = IntegrationPlan(client.id, agreed_on=date(2026, 2, 20), review_on=date(2026, 8, 20))
    language = Goal(plan.id, FieldOfAction.LANGUAGE, "Deutsch auf B1 bis Jahresende")
    work = Goal(plan.id, FieldOfAction.WORK, "Anerkennung als Pflegefachkraft", position=1)
    texts = client_text or {}
    steps = [
        Measure(
            language.id,
            f"Maßnahme {i + 1}: Integrationskurs anmelden",
            position=i,
            responsible=Responsible.ORGANISATION if i % 3 == 1 else Responsible.CLIENT,
            organisation_id=jobcenter.id if i % 3 == 1 else None,
            due_on=date(2026, 4, 1 + i % 28),
            status=MeasureStatus.IN_PROGRESS if i % 2 else MeasureStatus.PLANNED,
            texts=Texts({text_lang: texts[i]}) if i in texts else Texts(),
        )
        for i in range(measures)
    ]
    steps.append(
        Measure(
            work.id,
            "Zeugnisse übersetzen lassen",
            responsible=Responsible.COORDINATOR,
            due_on=date(2026, 5, 15),
            status=MeasureStatus.DONE,
        )
    )
    return CaseView(
        client=client,
        plans=[plan],
        goals=[language, work],
        measures=steps,
        documents=[
            DocumentItem(client.id, DocumentKind.PASSPORT),
            DocumentItem(
                client.id, DocumentKind.BIRTH_CERTIFICATE, status=DocumentStatus.REQUESTED
            ),
            DocumentItem(
                client.id, DocumentKind.RESIDENCE_TITLE, status=DocumentStatus.ORIGINAL_SEEN
            ),
        ],
        appointments=[
            Appointment(
                client.id,
                datetime(2026, 3, 10, 9, 30),
                place="Rathaus, Zimmer 12",
                organisation_id=jobcenter.id,
                purpose="Erstgespräch Jobcenter",
            ),
            Appointment(client.id, datetime(2026, 2, 1, 9, 0), purpose="Vergangen"),
        ],
        organisations={jobcenter.id: jobcenter},
    )


def empty_case() -> CaseView:
    return CaseView(client=Client("Leer", "Lina"))


def pdf_text(data: bytes) -> list[str]:
    """The text of every page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(name="case")
def case_fixture() -> Callable[..., CaseView]:
    return sample_case


@pytest.fixture(name="empty")
def empty_fixture() -> Callable[[], CaseView]:
    return empty_case


@pytest.fixture(name="text_of")
def text_of_fixture() -> Callable[[bytes], list[str]]:
    return pdf_text


@pytest.fixture(name="today")
def today_fixture() -> date:
    return TODAY


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "casefile.db"
    conn = connect(db, os.urandom(32))
    prepare(conn, db, folder / "backups")
    s = Store(conn)
    yield s
    s.close()


def phrase_case() -> CaseView:
    """A plan built from the shipped phrase book, as a coordinator builds one on the sofa: two
    goals, five measures from phrases, one free-text measure with its own Turkish text, one
    without any, and two appointments (one purpose from a phrase, one free)."""
    from desktop.report.phrasebook import shipped_book

    book = shipped_book()
    client = Client("Haddad", "Amal", file_number="AZ-2026/0815")
    plan = IntegrationPlan(client.id, agreed_on=date(2026, 2, 20), review_on=date(2026, 8, 20))
    goals = [
        Goal(plan.id, field, p.texts["de"], position=i, phrase_key=p.key)
        for i, (field, p) in enumerate(
            (f, book.phrases(f, "goal")[0]) for f in (FieldOfAction.LANGUAGE, FieldOfAction.WORK)
        )
    ]
    measures = [
        Measure(g.id, p.texts["de"], phrase_key=p.key, position=j, due_on=date(2026, 4, 1 + j))
        for g in goals
        for j, p in enumerate(book.phrases(g.field_of_action, "measure")[: 3 - goals.index(g)])
    ]
    measures += [
        Measure(
            goals[1].id,
            "Bewerbungsmappe mit Frau Yilmaz durchsehen",
            texts=Texts({"tr": "Başvuru dosyasını Bayan Yılmaz ile gözden geçirmek"}),
            position=5,
        ),
        Measure(goals[1].id, "Praktikumsplatz in der Gärtnerei Blum fragen", position=6),
    ]
    visit = book.phrases(FieldOfAction.WORK, "appointment")[0]
    appointments = [
        Appointment(
            client.id,
            datetime(2026, 3, 10, 9, 30),
            place="Rathaus, Zimmer 12",
            purpose=visit.texts["de"],
            purpose_key=visit.key,
        ),
        Appointment(client.id, datetime(2026, 3, 12, 14, 0), purpose="Gespräch mit Herrn Blum"),
    ]
    return CaseView(
        client=client,
        plans=[plan],
        goals=goals,
        measures=measures,
        documents=[DocumentItem(client.id, DocumentKind.PASSPORT)],
        appointments=appointments,
    )
