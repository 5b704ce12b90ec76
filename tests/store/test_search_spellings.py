"""The case-list search finds names in other spellings and scripts, ranked, and says how."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.model import Client
from desktop.services import casework
from desktop.store.search import ClientQuery
from desktop.store.store import Store
from tests.store.conftest import open_store


def names(page_clients: list[Client]) -> list[str]:
    return [c.display_name for c in page_clients]


def test_other_spellings_and_scripts_are_found_ranked_and_named(store: Store) -> None:
    people = [
        Client("Haddad", "Mohammed"), Client("Haddad", "Muhammad"), Client("Haddad", "Mahmoud"),
        Client("حداد", "محمد"), Client("Haddad", "Mohamadzadeh"), Client("Haddad", "Mohamad"),
    ]  # fmt: skip
    casework.add(store, *people)
    page = store.clients(ClientQuery(text="mohamad"))
    shown = names(page.clients)
    assert shown[0] == "Haddad, Mohamad"  # as typed first
    assert set(shown[1:4]) == {"Haddad, Mohammed", "Haddad, Muhammad", "حداد, محمد"}
    assert shown[4] == "Haddad, Mohamadzadeh"  # merely contains what was typed: last
    assert "Haddad, Mahmoud" not in shown  # another name
    by_name = {c.display_name: c.id for c in page.clients}
    assert page.found_as[by_name["حداد, محمد"]] == "محمد"
    assert page.found_as[by_name["Haddad, Muhammad"]] == "Muhammad"
    assert by_name["Haddad, Mohamad"] not in page.found_as
    assert page.partial == {by_name["Haddad, Mohamadzadeh"]}


def test_arabic_script_typed_finds_latin_spellings(store: Store) -> None:
    casework.add(store, Client("Al-Jasem", "Walaa"), Client("Hussein", "Ali"))
    assert names(store.clients(ClientQuery(text="الجاسم ولاء")).clients) == ["Al-Jasem, Walaa"]
    assert names(store.clients(ClientQuery(text="حسن")).clients) == []  # Hassan, not Hussein


def test_words_written_together_or_apart_and_lost_letters(store: Store) -> None:
    casework.add(store, Client("Omar", "Abdulrahman"), Client("Oğuz", "Ayşe"))
    assert names(store.clients(ClientQuery(text="Abd al-Rahman")).clients) == ["Omar, Abdulrahman"]
    assert names(store.clients(ClientQuery(text="O?uz Ay?e")).clients) == ["Oğuz, Ayşe"]


def test_filters_and_other_sort_orders_apply_to_spellings(store: Store) -> None:
    casework.add(
        store,
        Client("Haddad", "Mohammed", closed_on=date(2025, 1, 3), opened_on=date(2024, 1, 1)),
        Client("Haddad", "Muhammad", opened_on=date(2024, 5, 1)),
    )
    assert names(store.clients(ClientQuery(text="mohamad", state="open")).clients) == [
        "Haddad, Muhammad"
    ]
    ordered = store.clients(ClientQuery(text="mohamad", sort="opened_on", descending=True))
    assert names(ordered.clients) == ["Haddad, Muhammad", "Haddad, Mohammed"]
    assert ordered.total == 2


def test_numbers_are_not_names(store: Store) -> None:
    casework.add(store, Client("Family100", "X"), Client("Family001", "Y", file_number="A-4711"))
    assert names(store.clients(ClientQuery(text="family0")).clients) == ["Family001, Y"]
    assert names(store.clients(ClientQuery(text="4711")).clients) == ["Family001, Y"]


def test_what_is_typed_or_pasted_is_cleaned_first(store: Store) -> None:
    casework.add(store, Client("Özdemir", "Gül"), Client("Alhassan", "Omar"), Client("ئاراس", "X"))
    assert names(store.clients(ClientQuery(text="\u202eÖzdemir\u200b")).clients) == ["Özdemir, Gül"]
    assert names(store.clients(ClientQuery(text="Ã–zdemir")).clients) == ["Özdemir, Gül"]
    assert names(store.clients(ClientQuery(text="Oezdemir Guel")).clients) == ["Özdemir, Gül"]
    assert names(store.clients(ClientQuery(text="Al Hassan")).clients) == ["Alhassan, Omar"]
    assert names(store.clients(ClientQuery(text="Aras")).clients) == ["ئاراس, X"]


def test_words_typed_apart_find_a_name_written_together_and_bin_is_left_out(store: Store) -> None:
    casework.add(store, Client("Omar", "Abdelrahman"), Client("Bin Said", "Ahmad"))
    assert names(store.clients(ClientQuery(text="Omar Abdul Rahman")).clients) == [
        "Omar, Abdelrahman"
    ]
    assert names(store.clients(ClientQuery(text="Ahmad ibn Said")).clients) == ["Bin Said, Ahmad"]


def test_a_two_letter_name_in_arabic_script_is_a_name(store: Store) -> None:
    casework.add(store, Client("Ahmadi", "گل"), Client("Ahmadi", "Gulab"))
    assert names(store.clients(ClientQuery(text="ګل")).clients) == ["Ahmadi, گل"]  # Pashto ګ


def test_a_name_one_written_consonant_apart_is_found_when_it_is_the_same_name(
    store: Store,
) -> None:
    casework.add(
        store, Client("Rahimi", "Mohammad Resa"), Client("Ahmadi", "X"), Client("Shevchenko", "Y")
    )
    assert names(store.clients(ClientQuery(text="Mohammadreza")).clients) == [
        "Rahimi, Mohammad Resa"
    ]
    assert names(store.clients(ClientQuery(text="Ševčenko")).clients) == ["Shevchenko, Y"]
    assert names(store.clients(ClientQuery(text="Ahmadzai")).clients) == []  # another name


def test_the_index_follows_the_name_rules_when_they_change(
    tmp_path: Path, store_key: bytes
) -> None:
    first = open_store(tmp_path, store_key)
    casework.add(first, Client("Rahimi", "Mohammad Resa"))
    first.conn.execute("UPDATE client_search SET text = 'rahimi | mohammad resa'")
    first.conn.execute("UPDATE meta SET value = 'an older rule' WHERE key = 'search_index'")
    first.conn.commit()
    assert names(first.clients(ClientQuery(text="Mohammadreza")).clients) == []
    first.close()
    again = open_store(tmp_path, store_key)  # opened by this version: the index written again
    try:
        assert names(again.clients(ClientQuery(text="Mohammadreza")).clients) == [
            "Rahimi, Mohammad Resa"
        ]
    finally:
        again.close()
