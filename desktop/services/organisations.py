"""The network directory: partner organisations, and who supports which client."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.model import Organisation, SupportLink
from desktop.domain.names import fold, fold_variants
from desktop.services import casework
from desktop.store.store import Store


@dataclass(frozen=True)
class OrganisationRow:
    """One line of the directory: the organisation and how many clients it supports."""

    organisation: Organisation
    clients_supported: int


def _matches(organisation: Organisation, words: list[str]) -> bool:
    haystack = " | ".join(
        [*fold_variants(organisation.name), *fold_variants(organisation.contact_person)]
    )
    return all(word in haystack for word in words)


def list_organisations(store: Store, text: str = "") -> list[OrganisationRow]:
    """Organisations by name; `text` finds them by name or contact person, however typed."""
    words = fold(text).split()
    counts = store.support_counts()
    found = [o for o in store.all(Organisation) if _matches(o, words)]
    found.sort(key=lambda o: (fold(o.name), o.id))
    return [OrganisationRow(o, counts.get(o.id, 0)) for o in found]


def add_organisation(store: Store, organisation: Organisation) -> None:
    """Add a new organisation to the directory."""
    casework.add(store, organisation)


def save_organisation(store: Store, organisation: Organisation) -> None:
    """Save an edited organisation."""
    casework.save(store, organisation)


def supporters_of(store: Store, client_id: str) -> list[tuple[SupportLink, Organisation]]:
    """Who supports this client, by organisation name (links to an unknown one are left out)."""
    links = store.of_client(SupportLink, client_id)
    known = store.of_ids(Organisation, [s.organisation_id for s in links])
    by_id = {o.id: o for o in known}
    pairs = [(s, by_id[s.organisation_id]) for s in links if s.organisation_id in by_id]
    pairs.sort(key=lambda pair: (fold(pair[1].name), pair[0].since or date.min, pair[0].id))
    return pairs
