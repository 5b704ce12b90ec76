"""The office's phrase book travels to colleagues: corrections of shipped phrases and the office's
own phrases, with or without any client (phrases are no one's personal data)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.model import OfficePhrase
from desktop.domain.texts import Texts
from desktop.services import phrases
from desktop.services.export import case_data
from tests.sync.devices import Device, make_devices

KEY = "goal.language.course_b1"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    yield anna, bea
    anna.store.close()
    bea.store.close()


def send(sender: Device, receiver: Device) -> None:
    receiver.import_(sender.export_to(receiver))


def test_a_correction_and_an_own_phrase_reach_the_colleague(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    shipped = phrases.phrase_book(anna.store).text(KEY, "ar")
    phrases.correct_phrase(anna.store, KEY, "ar", "تعلم الألمانية حتى مستوى B1")
    own = phrases.add_office_phrase(
        anna.store, FieldOfAction.LEISURE, "goal", "Im Chor singen", Texts({"ti": "ኣብ መዘምራን"})
    )
    send(anna, bea)
    book = phrases.phrase_book(bea.store)
    assert shipped and book.text(KEY, "ar") == "تعلم الألمانية حتى مستوى B1" != shipped
    assert book.get(KEY) is not None and "ar" in book.get(KEY).office  # type: ignore[union-attr]
    assert book.text(own.id, "ti") == "ኣብ መዘምራን"
    assert own.id in [p.key for p in book.suggest("chor singen")]
    assert case_data(bea.store)["phrases"] == case_data(anna.store)["phrases"]
    assert len(case_data(bea.store)["phrases"]) == 2


def test_a_reverted_correction_is_reverted_for_the_colleague_too(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    shipped = phrases.phrase_book(anna.store).text(KEY, "fa")
    phrases.correct_phrase(anna.store, KEY, "fa", "یادگیری آلمانی")
    send(anna, bea)
    phrases.revert_correction(bea.store, KEY)
    send(bea, anna)
    for device in pair:
        assert phrases.phrase_book(device.store).text(KEY, "fa") == shipped
        assert device.store.find(OfficePhrase, KEY) is None


def test_two_colleagues_correcting_one_phrase_end_alike_and_the_loser_is_listed(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    phrases.correct_phrase(anna.store, KEY, "ar", "نص آنا")
    phrases.correct_phrase(bea.store, KEY, "ar", "نص بيا")  # later: wins
    send(anna, bea)
    send(bea, anna)
    texts = {phrases.phrase_book(d.store).text(KEY, "ar") for d in pair}
    assert texts == {"نص بيا"}
    listed = [
        row[0]
        for d in pair
        for row in d.store.conn.execute(
            "SELECT entity FROM conflict WHERE row_id = ? AND resolved_at IS NULL", (KEY,)
        )
    ]
    assert listed and set(listed) == {"phrase"}


def test_corrections_of_different_phrases_merge_without_conflict(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    phrases.correct_phrase(anna.store, KEY, "ar", "نص آنا")
    phrases.correct_phrase(bea.store, "goal.language.course_a2", "ar", "نص بيا")
    send(anna, bea)
    send(bea, anna)
    for device in pair:
        book = phrases.phrase_book(device.store)
        assert book.text(KEY, "ar") == "نص آنا"
        assert book.text("goal.language.course_a2", "ar") == "نص بيا"
        assert device.store.conn.execute("SELECT count(*) FROM conflict").fetchone()[0] == 0
