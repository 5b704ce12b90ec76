"""Likely duplicate persons in the case file: pairs of client records that are probably one person.

Comparing every client with every other would be 1.25 billion comparisons for 50,000 clients, so
candidates come from *blocks*: clients share a block when one word of their names (family, given
or other names, in any order) has the same coarse key (the first consonants of its
transliteration-aware key, see `desktop.domain.spellings.blocking_keys`) and their birth years
are compatible (the same, or one unknown); or when they have the same file number. Only candidate
pairs are scored. A pair outside every block would need a different birth year and no shared
file number, which already scores far below the threshold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain.model import Client
from desktop.domain.names import fold_variants
from desktop.domain.similarity import (
    LIKELY_THRESHOLD,
    REASONS,
    Person,
    file_key,
    likely_match,
    person_of,
)
from desktop.domain.spellings import blocking_keys, name_tokens
from desktop.services import clients
from desktop.store.search import ClientQuery
from desktop.store.store import Store

__all__ = [
    "LIKELY_THRESHOLD",
    "DuplicatePair",
    "candidate_pairs",
    "likely_existing_matches",
    "likely_pairs",
    "reason_text",
]

MAX_EXISTING = 5
# A name word's search (trigram substring) is read at most this far: "Ali" is in many names.
_SEARCH_LIMIT = 200


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two client ids (a < b), the score 0..1 and the reason keys (see `reason_text`)."""

    a: str
    b: str
    score: float
    reasons: tuple[str, ...]


def reason_text(key: str, language: str = "en") -> str:
    """A reason key in words, German ("de") or English."""
    en, de = REASONS.get(key, (key, key))
    return de if language == "de" else en


def _name_keys(p: Person) -> set[str]:
    keys: set[str] = set()
    for text in (p.family_name, p.given_names, *p.other_names):
        keys |= blocking_keys(text)
    return keys


def candidate_pairs(
    people: dict[str, Person], focus: set[str] | None = None
) -> set[tuple[str, str]]:
    """Pairs (a < b) worth scoring: a shared name key and a compatible birth year, or the
    same file number. With `focus`, only pairs with at least one id in it."""
    blocks: dict[str, dict[int | None, list[str]]] = defaultdict(lambda: defaultdict(list))
    by_file: dict[str, list[str]] = defaultdict(list)
    for cid, p in people.items():
        year = p.birth_date.year if p.birth_date else None
        for key in _name_keys(p):
            blocks[key][year].append(cid)
        if number := file_key(p.file_number):
            by_file[number].append(cid)

    pairs: set[tuple[str, str]] = set()

    def add(group_a: Iterable[str], group_b: Iterable[str] | None = None) -> None:
        if group_b is None:
            ids = sorted(group_a)
            for i, x in enumerate(ids):
                for y in ids[i + 1 :]:
                    if focus is None or x in focus or y in focus:
                        pairs.add((x, y))
            return
        for x in group_a:
            for y in group_b:
                if x != y and (focus is None or x in focus or y in focus):
                    pairs.add((x, y) if x < y else (y, x))

    for by_year in blocks.values():
        unknown = by_year.get(None, [])
        for year, ids in by_year.items():
            add(ids)
            if year is not None and unknown:
                add(unknown, ids)
    for ids in by_file.values():
        add(ids)
    return pairs


def score_people(
    people: dict[str, Person], *, threshold: float | None = None, focus: set[str] | None = None
) -> list[DuplicatePair]:
    """The likely pairs among `people` (id -> Person), best first."""
    limit = LIKELY_THRESHOLD if threshold is None else threshold
    found = []
    for a, b in candidate_pairs(people, focus):
        m = likely_match(people[a], people[b], limit)
        if m is not None:
            found.append(DuplicatePair(a, b, m.score, m.reasons))
    found.sort(key=lambda p: (-round(p.score, 3), p.a, p.b))
    return found


def likely_pairs(
    store: Store, *, threshold: float | None = None, client_ids: Iterable[str] | None = None
) -> list[DuplicatePair]:
    """Pairs of clients that are probably the same person, the most likely first.

    `threshold` defaults to `LIKELY_THRESHOLD`; with `client_ids` (e.g. the clients an import or
    a sync just added) only pairs involving one of them are listed.
    """
    people = {c.id: person_of(c) for c in store.all(Client)}
    focus = set(client_ids) if client_ids is not None else None
    return score_people(people, threshold=threshold, focus=focus)


def likely_existing_matches(
    store: Store, person: Client | Mapping[str, Any], *, threshold: float | None = None
) -> list[tuple[Client, float]]:
    """Up to 5 clients that are probably this (new) person, with their scores, best first.

    `person` is a client or its typed fields. Candidates are read by name, not by reading
    every client: each name word (and the words joined) as a family name, umlauts either way;
    each word of three letters or more as a substring of a name (the case list's search); the
    same file number. Only candidates sharing a blocking key (see `candidate_pairs`) are scored.
    """
    wanted = person_of(person) if isinstance(person, Client) else _person(person)
    own_id = person.id if isinstance(person, Client) else None
    found: dict[str, Client] = {}
    words = {*name_tokens(wanted.family_name), *name_tokens(wanted.given_names)}
    texts = {wanted.family_name, wanted.given_names, *words}
    texts.add("".join(name_tokens(wanted.family_name)))
    for text in texts:
        for spelling in fold_variants(text) if text.strip() else ():
            found.update((c.id, c) for c in store.clients_by_folded_family_name(spelling))
    # the case list's search: other spellings and scripts of each word too (the one matcher)
    for word in {*wanted.family_name.split(), *wanted.given_names.split()}:
        if len(word) >= 3:
            page = store.clients(ClientQuery(text=word, limit=_SEARCH_LIMIT))
            found.update((c.id, c) for c in page.clients)
    if wanted.file_number.strip():
        same = store.client_by_file_number(wanted.file_number)
        if same is not None:
            found[same.id] = same
    people = {cid: person_of(c) for cid, c in found.items() if cid != own_id}
    new = "\x00new"  # sorts before every id: never the id of a stored client
    people[new] = wanted
    pairs = score_people(people, threshold=threshold, focus={new})
    ranked = [(found[p.b if p.a == new else p.a], p.score) for p in pairs]
    return ranked[:MAX_EXISTING]


def likely_existing_people(store: Store, fields: Mapping[str, Any]) -> list[Client]:
    """Whom to name before a new person is added: the scorer's matches (names spelled
    differently too) first, then the same family name with a compatible birth year; five at
    most."""
    found = {c.id: c for c, _score in likely_existing_matches(store, fields)}
    for same_name in clients.likely_existing(
        store, fields["family_name"], fields["given_names"], fields.get("birth_date")
    ):
        found.setdefault(same_name.id, same_name)
    return list(found.values())[: clients.MAX_LIKELY]


def add_unless_likely_known(
    store: Store, fields: dict[str, Any], *, confirmed: bool
) -> Client | list[Client]:
    """Add the new person, unless people who are probably them are already in the case file
    and the coordinator has not confirmed yet: then those people are returned instead."""
    if not confirmed:
        known = likely_existing_people(store, fields)
        if known:
            return known
    return clients.add_client(store, fields)


def _person(fields: Mapping[str, Any]) -> Person:
    sex = fields.get("sex")
    return Person(
        family_name=fields.get("family_name") or "",
        given_names=fields.get("given_names") or "",
        birth_date=fields.get("birth_date"),
        nationality=fields.get("nationality") or "",
        file_number=fields.get("file_number") or "",
        other_names=tuple(fields.get("other_names") or ()),
        sex=getattr(sex, "value", sex) or "",
    )


def likely_pairs_and_clients(
    store: Store,
    *,
    client_ids: Iterable[str] | None = None,
    hidden: Iterable[tuple[str, str]] = (),
) -> tuple[list[DuplicatePair], dict[str, Client]]:
    """The likely pairs (see `likely_pairs`) except the `hidden` ones (a, b), and their clients
    by id: what a review list shows."""
    left_out = set(hidden)
    pairs = [p for p in likely_pairs(store, client_ids=client_ids) if (p.a, p.b) not in left_out]
    ids = sorted({i for p in pairs for i in (p.a, p.b)})
    return pairs, {c.id: c for c in store.of_ids(Client, ids)}
