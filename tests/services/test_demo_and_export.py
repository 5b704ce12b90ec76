"""Demo data through the services, and the JSON export built on the same reads."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.model import Client, Household
from desktop.services.demo import fill_demo
from desktop.services.export import case_data, export_document
from desktop.store.database import connect, prepare
from desktop.store.store import Store

TODAY = date(2026, 11, 21)


def new_store(folder: Path) -> Store:
    folder.mkdir()
    conn = connect(folder / "casefile.db", os.urandom(32))
    prepare(conn, folder / "casefile.db", folder / "backups")
    return Store(conn)


def without_ids(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[str]]:
    """Each section as sorted JSON texts with every id and reference left out."""

    def strip(obj: dict[str, Any]) -> str:
        return json.dumps(
            {k: v for k, v in obj.items() if k != "id" and not k.endswith("_id")},
            sort_keys=True,
            ensure_ascii=False,
        )

    return {name: sorted(strip(o) for o in objects) for name, objects in data.items()}


def test_same_seed_same_day_gives_the_same_case_data_apart_from_ids(tmp_path: Path) -> None:
    a, b, c = (new_store(tmp_path / n) for n in "abc")
    for store, seed in ((a, 5), (b, 5), (c, 6)):
        assert fill_demo(store, 60, seed, TODAY) == 60
    try:
        assert without_ids(case_data(a)) == without_ids(case_data(b))
        assert without_ids(case_data(a)) != without_ids(case_data(c))
        assert {x["id"] for x in case_data(a)["clients"]}.isdisjoint(
            x["id"] for x in case_data(b)["clients"]
        )
    finally:
        for store in (a, b, c):
            store.close()


def test_demo_twice_in_one_case_file_adds_without_collisions(tmp_path: Path) -> None:
    store = new_store(tmp_path / "one")
    try:
        fill_demo(store, 25, 1, TODAY)
        fill_demo(store, 25, 1, TODAY)
        assert store.counts().clients == 50
        households = {c.household_id for c in store.all(Client)} - {None}
        assert households and all(store.find(Household, h) for h in households)
    finally:
        store.close()


def test_the_export_of_one_client_holds_their_whole_case_and_nothing_else(
    tmp_path: Path,
) -> None:
    store = new_store(tmp_path / "one")
    try:
        fill_demo(store, 40, 2, TODAY)
        everything = case_data(store)
        with_plan = next(p["client_id"] for p in everything["plans"])
        one = export_document(store, with_plan)
        assert [c["id"] for c in one["clients"]] == [with_plan]
        assert one["meta"]["scope"] == "client"
        plan_ids = {p["id"] for p in one["plans"]}
        assert plan_ids and all(p["client_id"] == with_plan for p in one["plans"])
        assert all(g["plan_id"] in plan_ids for g in one["goals"])
        goal_ids = {g["id"] for g in one["goals"]}
        assert all(m["goal_id"] in goal_ids for m in one["measures"])
        for section in ("documents", "appointments", "notes", "support"):
            assert all(x["client_id"] == with_plan for x in one[section])
        org_ids = {o["id"] for o in one["organisations"]}
        referenced = {m["organisation_id"] for m in one["measures"] if m["organisation_id"]} | {
            s["organisation_id"] for s in one["support"]
        }
        assert referenced <= org_ids
        for section, objects in one.items():
            if section not in ("meta", "audit"):
                assert [o["id"] for o in objects] == sorted(o["id"] for o in objects)
    finally:
        store.close()


def test_the_export_lists_attached_scans_without_their_bytes(tmp_path: Path) -> None:
    from desktop.domain.catalogues import DocumentKind
    from desktop.domain.model import DocumentItem
    from desktop.services import attachments, casework

    store = new_store(tmp_path / "one")
    try:
        client = Client("Haddad", "Rania")
        item = DocumentItem(client.id, DocumentKind.PASSPORT)
        casework.add(store, client, item)
        scan = tmp_path / "passport.pdf"
        scan.write_bytes(b"%PDF-1.4 pretend scan of Rania Haddad's passport")
        info = attachments.attach_file(store, item.id, scan)
        for document in (export_document(store, client.id), export_document(store)):
            (listed,) = document["attachments"]
            assert listed["id"] == info.id and listed["file_name"] == "passport.pdf"
            assert listed["document_id"] == item.id and len(listed["sha256"]) == 64
            assert "pretend scan" not in json.dumps(document)
    finally:
        store.close()
