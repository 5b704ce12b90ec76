"""A district simulated: twenty colleagues, a month of work, exchange rounds through one folder.

    uv run python bench/district.py                    # both topologies (about 8 minutes)
    uv run python bench/district.py --topology mesh
    uv run python bench/district.py --quick            # 5 colleagues, 5 days: a smoke run

The model (every choice is a parameter of `Model`):
- Colleagues are real installations with real SQLCipher case files (raw keys, as bench/sync.py).
  The district lead starts with `start_clients` demo clients, every one of them consenting to be
  shared; everyone is onboarded from a full bundle of the lead and answers once (the
  acknowledgement); in the mesh every colleague also sends every other one a first bundle. That
  setup is timed on its own and not part of the month's figures.
- Topologies: `star` (everyone trusts the lead only, the lead trusts all: the lead relays) and
  `mesh` (everyone trusts everyone).
- Transport as a sync engine does it: every colleague has its own replica of the shared folder.
  When a round changes the files of its replica, each other replica catches up with them after
  its own random delay (`delay_hours`: minutes to hours): the files written since arrive
  (written under a temporary name, then renamed, with their file time), the ones deleted since
  go; a file written and deleted again before a replica catches up never reaches it. A colleague
  who is away has the laptop off: nothing reaches their replica until they are back. So rounds
  see partial views. Simulated time drives the schedule; the case files use the real clock (HLCs
  only need to be monotonic). Working days follow each other without weekends.
- Work per colleague and working day, at random times between 8:00 and 17:00: `notes`,
  `appointments`, `plan_edits` (a goal, a measure, or a measure done), `contact_edits` (a phone
  number); a new client with probability `new_client`; `erasures` data-protection erasures in the
  whole district over the month. A share `shared_edits` of the edits go to a client outside the
  colleague's own caseload, so colleagues edit the same clients concurrently. One colleague is away
  for `away_days` working days (no rounds, no edits).
- Each colleague runs an exchange round once or twice a day (`second_round` probability) at random
  times between 8:00 and 18:00.
- After the last day: first every colleague whose last edit came after their last round runs one
  round (the last edit reaches the folder), the engine delivers everything; then sweeps, in each of
  which every colleague runs one round in random order, the engine delivering everything between
  sweeps, until all agree. "Rounds until everyone agrees" is the number of sweeps. Agreement is
  checked by equal version vectors after each sweep and, once at the end, by equal
  `export.case_data`.

The baseline, measured in the same run (bench convention): the change rows a round imported,
inserted into a plain `sqlite3` file (WAL, synchronous=FULL, same indexes) in one transaction.
Budgets (issue 19, DESIGN.md): a round under 2 s; under 1 MB written per colleague per day; every
colleague agrees one round after the last edit reached the folder; at most one bundle per ordered
pair in the folder; import at most 5x the plain insert. Nothing is asserted; results go to stdout
and bench/out/district.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import heapq
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.domain.catalogues import ConsentScope, FieldOfAction, MeasureStatus
from desktop.domain.model import Appointment, Client, Goal, Measure, Note
from desktop.services import casework, erasure, export, plans, sync, sync_folder
from desktop.services.demo import fill_demo
from desktop.services.sync_folder import Round
from desktop.store.database import connect, prepare
from desktop.store.store import Store
from desktop.sync import exchange

OUT = Path(__file__).parent / "out"
START = date(2026, 3, 2)  # a Monday
PAIR = re.compile(r"^wd-([0-9a-f]+)-to-([0-9a-f]+)-")
BUDGET = {
    "round_s": 2.0,
    "bytes_per_colleague_day": 1_000_000,
    "rounds_to_agree": 1,
    "files_per_pair_settled": 1,
    "import_vs_plain": 5.0,
}


# -- the exchange round -----------------------------------------------------------------------
# `sync folder DIR` and the window's watched folder run exactly this; it also compacts what every
# colleague has acknowledged (a few slices a round), so the case file sizes below are compacted.


def exchange_round(store: Store, folder: Path) -> Round:
    return sync_folder.exchange_round(store, folder)


def new_rows(store: Store, vector: dict[str, int]) -> list[tuple[object, ...]]:
    """The change rows above `vector` (what a round merged), settled ones included: the round's
    own compaction may already have settled some of them."""
    rows = []
    for num, device_id in store.conn.execute("SELECT num, device_id FROM device").fetchall():
        rows += [
            (*r[:5], device_id, *r[5:])
            for r in store.conn.execute(
                "SELECT entity, row_id, field_group, value, hlc, origin_seq, prev_hlc"
                " FROM change_log WHERE origin = ? AND origin_seq > ?",
                (num, vector.get(device_id, 0)),
            )
        ]
    return rows


# -- figures ----------------------------------------------------------------------------------


class ImportClock:
    """Seconds spent in `exchange.import_bundle` (the import part of a round), by wrapping it.

    Works as long as the round calls it through the module (`exchange.import_bundle`), as
    desktop/services/sync.py does; `calls` says whether it saw the round's imports."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self._original = exchange.import_bundle

    def __enter__(self) -> ImportClock:
        original = self._original

        def timed(store: Store, path: Path) -> Any:
            start = time.perf_counter()
            try:
                return original(store, path)
            finally:
                self.seconds += time.perf_counter() - start
                self.calls += 1

        exchange.import_bundle = timed
        return self

    def __exit__(self, *exc: object) -> None:
        exchange.import_bundle = self._original


class PlainBaseline:
    """The change rows a round imported, inserted into a plain sqlite3 file in one transaction
    (WAL, synchronous=FULL, the same indexes as bench/sync.py): the floor of any import. One
    file per run, emptied (untimed) before each round's rows."""

    def __init__(self, folder: Path) -> None:
        self.conn = sqlite3.connect(folder / "plain.db", isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.executescript(
            "CREATE TABLE change (seq INTEGER PRIMARY KEY, entity TEXT, row_id TEXT,"
            " field_group TEXT, value TEXT, hlc INTEGER, origin TEXT, origin_seq INTEGER,"
            " prev_hlc INTEGER, UNIQUE (origin, origin_seq));"
            "CREATE INDEX change_by_row ON change (row_id, field_group);"
            "CREATE INDEX change_by_hlc ON change (hlc);"
        )

    def insert(self, rows: Sequence[tuple[object, ...]]) -> float:
        self.conn.execute("DELETE FROM change")
        start = time.perf_counter()
        self.conn.execute("BEGIN")
        self.conn.executemany(
            "INSERT INTO change (entity, row_id, field_group, value, hlc, origin, origin_seq,"
            " prev_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self.conn.execute("COMMIT")
        return time.perf_counter() - start

    def close(self) -> None:
        self.conn.close()


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def spread(values: list[float], digits: int = 3) -> dict[str, float]:
    return {
        "p50": round(pct(values, 50), digits),
        "p95": round(pct(values, 95), digits),
        "max": round(max(values, default=0.0), digits),
    }


# -- the model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    colleagues: int = 20
    days: int = 20  # working days: four weeks
    start_clients: int = 50  # the lead's demo clients, shared with everyone
    notes: tuple[int, int] = (1, 4)  # per colleague and working day, uniform
    appointments: tuple[int, int] = (0, 3)
    plan_edits: tuple[int, int] = (0, 2)
    contact_edits: tuple[int, int] = (0, 2)
    new_client: float = 0.1  # probability per colleague and day
    erasures: int = 4  # in the district over the month
    shared_edits: float = 0.2  # edits of a client outside one's own caseload
    second_round: float = 0.2  # probability of a second round on a day
    away: int = 7  # the colleague away (index), and for how long
    away_from: int = 5
    away_days: int = 10
    delay_hours: tuple[tuple[float, float, float], ...] = (
        (0.6, 2 / 60, 0.5),  # share, from, to (hours): most files within half an hour
        (0.3, 0.5, 3.0),
        (0.1, 3.0, 10.0),
    )
    max_sweeps: int = 8

    @classmethod
    def quick(cls) -> Model:
        return cls(colleagues=5, days=5, start_clients=30, away=2, away_from=1, away_days=2)


# -- colleagues and their folders -------------------------------------------------------------


def open_store(folder: Path, key: bytes) -> Store:
    db = folder / "casefile.db"
    conn = connect(db, key)
    prepare(conn, db, folder / "backups")
    return Store(conn)


@dataclass
class Colleague:
    name: str
    home: Path
    key: bytes
    store: Store
    caseload: list[str] = field(default_factory=list)
    last_edit: float = -1.0
    last_round: float = -1.0

    def reopen(self, home: Path) -> None:
        self.home = home
        self.store = open_store(home, self.key)

    def case_file_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.home.glob("casefile.db*"))


def names(model: Model) -> list[str]:
    return ["lead"] + [f"c{i:02d}" for i in range(1, model.colleagues)]


def trust(a: Colleague, b: Colleague) -> None:
    if a.store.sync_state.colleague(b.name) is None:
        sync.add_colleague(a.store, b.name, sync.my_identity(b.store).text)


def send(sender: Colleague, receiver: Colleague, spool: Path, *, full: bool = False) -> int:
    """A bundle handed over directly (setup only); returns the changes it carried."""
    path = spool / f"{sender.name}-{receiver.name}.wdb"
    summary = sync.export_for(sender.store, receiver.name, path, full=full)
    sync.import_file(receiver.store, path)
    path.unlink()
    return summary.changes


def share_everyone(store: Store) -> None:
    """The demo holds some clients back from colleagues; in the district every client is shared
    (so that agreement means the same case data everywhere)."""
    for client in list(store.all(Client)):
        scope = set(client.consent_scope) | {ConsentScope.STORE, ConsentScope.SHARE_COLLEAGUES}
        if scope != set(client.consent_scope) or client.consent_withdrawn_on is not None:
            casework.save(
                store,
                dataclasses.replace(
                    client,
                    consent_scope=tuple(sorted(scope, key=lambda s: s.value)),
                    consent_given_on=client.consent_given_on or date(2026, 1, 5),
                    consent_withdrawn_on=None,
                ),
            )


def onboarded(model: Model, root: Path) -> tuple[list[Colleague], dict[str, float]]:
    """Everyone trusts the lead and holds the lead's clients; the lead holds every
    acknowledgement. Closed afterwards, to be copied per topology."""
    started = time.perf_counter()
    team = []
    for name in names(model):
        home = root / name
        home.mkdir(parents=True)
        key = os.urandom(32)
        team.append(Colleague(name, home, key, open_store(home, key)))
    lead = team[0]
    fill_demo(lead.store, model.start_clients, seed=19, today=START)
    share_everyone(lead.store)
    filled = time.perf_counter()
    spool = root / "spool"
    spool.mkdir()
    for other in team[1:]:
        trust(lead, other)
        trust(other, lead)
        send(lead, other, spool, full=True)
        send(other, lead, spool)  # the acknowledgement
    clients = sorted(c.id for c in lead.store.all(Client))
    for n, client_id in enumerate(clients):  # caseloads: the lead's clients dealt out
        team[n % len(team)].caseload.append(client_id)
    for colleague in team:
        colleague.store.close()
    return team, {
        "fill_s": round(filled - started, 2),
        "onboard_s": round(time.perf_counter() - filled, 2),
    }


class Engine:
    """The sync engine: one replica per colleague. A change in one replica reaches each other
    one after its own delay, as the current state of the writer's files at that moment (a file
    deleted in the meantime never arrives, as with Syncthing or a Nextcloud client that syncs
    what is there when it gets to it)."""

    def __init__(self, model: Model, team: list[Colleague], root: Path, rng: random.Random):
        self.model = model
        self.rng = rng
        self.replicas = {c.name: root / "replica" / c.name for c in team}
        for folder in self.replicas.values():
            folder.mkdir(parents=True)
        self.files: dict[str, dict[str, int]] = {c.name: {} for c in team}  # name -> size
        self.pairs: dict[str, Counter[tuple[str, str]]] = {c.name: Counter() for c in team}
        self.origin: dict[str, str] = {}  # file name -> the colleague whose round wrote it
        self.max_per_pair = 0
        self.max_files = 0
        self.max_bytes = 0
        self.copies = 0
        self.away: tuple[str, float, float] | None = None

    def delay(self) -> float:
        pick = self.rng.random()
        for share, low, high in self.model.delay_hours:
            if pick < share:
                return self.rng.uniform(low, high)
            pick -= share
        return self.model.delay_hours[-1][2]

    def when(self, source: str, dest: str, now: float) -> float:
        at = now + self.delay()
        if self.away and self.away[0] in (source, dest) and self.away[1] <= at < self.away[2]:
            at = self.away[2] + self.delay()  # the laptop is off: once they are back
        return at

    def seen(self, owner: str) -> tuple[set[str], set[str]]:
        """The replica of `owner` after a round: take stock; returns (written, deleted)."""
        before = set(self.files[owner])
        now = {p.name: p.stat().st_size for p in self.replicas[owner].iterdir() if p.is_file()}
        self.files[owner] = now
        self.pairs[owner] = Counter(pair for n in now if (pair := _pair(n)))
        written, deleted = set(now) - before, before - set(now)
        for name in written:
            self.origin.setdefault(name, owner)
        self._measure(owner)
        return written, deleted

    def catch_up(self, source: str, dest: str) -> None:
        """`dest` takes the current state of the files `source` wrote."""
        theirs = {n for n in self.files[source] if self.origin.get(n) == source}
        held = {n for n in self.files[dest] if self.origin.get(n) == source}
        folder = self.replicas[dest]
        for name in sorted(theirs - held):
            temporary = folder / f".syncthing.{name}.tmp"
            try:  # a hard link: the same bytes and file time as a copy, without the copying
                os.link(self.replicas[source] / name, temporary)
            except OSError:
                shutil.copy2(self.replicas[source] / name, temporary)
            temporary.replace(folder / name)
            self.files[dest][name] = self.files[source][name]
            self._count(dest, name, 1)
            self.copies += 1
        for name in sorted(held - theirs):
            (folder / name).unlink(missing_ok=True)
            del self.files[dest][name]
            self._count(dest, name, -1)
        self._measure(dest)

    def _count(self, dest: str, name: str, step: int) -> None:
        if pair := _pair(name):
            self.pairs[dest][pair] += step

    def _measure(self, owner: str) -> None:
        files = self.files[owner]
        self.max_files = max(self.max_files, len(files))
        self.max_bytes = max(self.max_bytes, sum(files.values()))
        self.max_per_pair = max(self.max_per_pair, max(self.pairs[owner].values(), default=0))


def _pair(name: str) -> tuple[str, str] | None:
    found = PAIR.match(name)
    return (found.group(1), found.group(2)) if found else None


# -- a month ----------------------------------------------------------------------------------


@dataclass
class Figures:
    rounds: list[dict[str, Any]] = field(default_factory=list)
    bytes_by_day: dict[tuple[str, int], int] = field(default_factory=lambda: defaultdict(int))
    bundles_by_day: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    edits: Counter[str] = field(default_factory=Counter)
    edit_errors: Counter[str] = field(default_factory=Counter)
    import_errors: Counter[str] = field(default_factory=Counter)
    conflicts: int = 0


class District:
    def __init__(
        self, model: Model, team: list[Colleague], root: Path, topology: str, seed: int
    ) -> None:
        self.model = model
        self.team = team
        self.by_name = {c.name: c for c in team}
        self.root = root
        self.topology = topology
        self.rng = random.Random(seed)
        self.engine = Engine(model, team, root, random.Random(seed + 1))
        self.away_name = team[model.away].name
        away = (24.0 * model.away_from, 24.0 * (model.away_from + model.away_days))
        self.away = (self.away_name, *away)
        self.engine.away = self.away
        self.figures = Figures()
        self.events: list[tuple[float, int, str, Any]] = []
        self.seq = 0
        self.plain = PlainBaseline(root)
        self.all_clients = {cid for c in team for cid in c.caseload}
        self.progress = False
        self.day = 0

    def at(self, when: float, kind: str, payload: Any) -> None:
        self.seq += 1
        heapq.heappush(self.events, (when, self.seq, kind, payload))

    def is_away(self, name: str, when: float) -> bool:
        return name == self.away[0] and self.away[1] <= when < self.away[2]

    # the schedule

    def plan_month(self) -> None:
        m = self.model
        erasure_days = sorted(self.rng.sample(range(m.days), min(m.erasures, m.days)))
        for day in range(m.days):
            for colleague in self.team:
                base = 24.0 * day
                if self.is_away(colleague.name, base + 12):
                    continue
                work: list[str] = []
                for kind, (low, high) in (
                    ("note", m.notes),
                    ("appointment", m.appointments),
                    ("plan", m.plan_edits),
                    ("contact", m.contact_edits),
                ):
                    work += [kind] * self.rng.randint(low, high)
                if self.rng.random() < m.new_client:
                    work.append("new_client")
                for kind in work:
                    self.at(base + self.rng.uniform(8, 17), "edit", (colleague.name, kind))
                rounds = 2 if self.rng.random() < m.second_round else 1
                for _ in range(rounds):
                    self.at(base + self.rng.uniform(8, 18), "round", colleague.name)
            for _ in range(erasure_days.count(day)):
                who = self.rng.choice(
                    [c for c in self.team if not self.is_away(c.name, 24.0 * day + 12)]
                )
                self.at(24.0 * day + self.rng.uniform(8, 17), "edit", (who.name, "erasure"))

    def run_until(self, end: float | None) -> float:
        now = 0.0
        while self.events and (end is None or self.events[0][0] < end):
            now, _, kind, payload = heapq.heappop(self.events)
            if self.progress and int(now // 24) > self.day:
                self.day = int(now // 24)
                print(
                    f"  {self.topology} day {self.day}, {len(self.figures.rounds)} rounds",
                    file=sys.stderr,
                    flush=True,
                )
            if kind == "edit":
                self.edit(self.by_name[payload[0]], payload[1], now)
            elif kind == "round":
                self.round(self.by_name[payload], now)
            elif kind == "catch_up":
                self.engine.catch_up(*payload)
        return now

    # work

    def edit(self, colleague: Colleague, kind: str, now: float) -> None:
        store = colleague.store
        today = START + timedelta(days=int(now // 24))
        try:
            done = self._edit(colleague, store, kind, today)
        except Exception as error:  # a refused edit is a figure, not a crash
            self.figures.edit_errors[f"{kind}: {type(error).__name__}"] += 1
            return
        if done:
            self.figures.edits[kind] += 1
            colleague.last_edit = now

    def _client(self, colleague: Colleague, store: Store) -> Client | None:
        pool = (
            colleague.caseload
            if colleague.caseload and self.rng.random() >= self.model.shared_edits
            else sorted(self.all_clients)
        )
        for _ in range(5):
            found = store.find(Client, self.rng.choice(pool))
            if found is not None:
                return found
        return None

    def _edit(self, colleague: Colleague, store: Store, kind: str, today: date) -> bool:
        rng = self.rng
        if kind == "new_client":
            newcomer = Client(
                f"Neu{rng.randrange(10**6)}",
                "Amina",
                consent_given_on=today,
                consent_scope=(ConsentScope.STORE, ConsentScope.SHARE_COLLEAGUES),
                opened_on=today,
                phone=f"0151 {rng.randrange(10**7)}",
            )
            casework.add(store, newcomer)
            colleague.caseload.append(newcomer.id)
            self.all_clients.add(newcomer.id)
            return True
        if kind == "erasure":
            own = [c for c in colleague.caseload if store.find(Client, c) is not None]
            if not own:
                return False
            victim = rng.choice(own)
            erasure.erase_clients(store, [victim])
            for other in self.team:
                if victim in other.caseload:
                    other.caseload.remove(victim)
            self.all_clients.discard(victim)
            return True
        client = self._client(colleague, store)
        if client is None:
            return False
        if kind == "note":
            text = f"Gespräch zu Kurs und Wohnung, {colleague.name}. " * rng.randint(1, 4)
            casework.add(store, Note(client.id, today, text))
        elif kind == "appointment":
            starts = datetime.combine(today, datetime.min.time()) + timedelta(
                days=rng.randrange(1, 14), hours=rng.randrange(8, 17)
            )
            casework.add(store, Appointment(client.id, starts, purpose="Beratung"))
        elif kind == "contact":
            casework.save(store, dataclasses.replace(client, phone=f"0151 {rng.randrange(10**7)}"))
        elif kind == "plan":
            self._plan_edit(store, client, today)
        return True

    def _plan_edit(self, store: Store, client: Client, today: date) -> None:
        rng = self.rng
        plan = store.plan_of(client.id)
        goals: list[Goal] = store.goals_of([plan.id]) if plan is not None else []
        pick = rng.random()
        if not goals or pick < 0.3:
            plans.add_goal(
                store, client.id, rng.choice(list(FieldOfAction)), title="Deutschkurs B1"
            )
            return
        goal = rng.choice(goals)
        measures: list[Measure] = store.measures_of([goal.id])
        if not measures or pick < 0.7:
            plans.add_measure(
                store, goal.id, title="Anmeldung", due_on=today + timedelta(days=rng.randrange(60))
            )
            return
        measure = rng.choice(measures)
        status = rng.choice([MeasureStatus.IN_PROGRESS, MeasureStatus.DONE])
        casework.save(store, dataclasses.replace(measure, status=status, outcome="erledigt"))

    # rounds

    def round(self, colleague: Colleague, now: float) -> None:
        if self.is_away(colleague.name, now):
            return
        store = colleague.store
        folder = self.engine.replicas[colleague.name]
        vector = store.log.version_vector()
        with ImportClock() as clock:
            start = time.perf_counter()
            result = exchange_round(store, folder)
            elapsed = time.perf_counter() - start
        imports = result.imports
        for item in [*result.refused, *result.held]:
            self.figures.import_errors[item.error.reason] += 1
        applied = sum(i.summary.applied for i in imports)
        carried = sum(
            i.summary.applied + i.summary.already_had + i.summary.dropped for i in imports
        )
        self.figures.conflicts += sum(i.summary.conflicts for i in imports)
        rows = new_rows(store, vector)
        plain = self.plain.insert(rows) if rows else 0.0
        day = int(now // 24)
        written = sum(e.size for e in result.exported)
        self.figures.bytes_by_day[(colleague.name, day)] += written
        self.figures.bundles_by_day[day] += len(result.exported)
        self.figures.rounds.append(
            {
                "who": colleague.name,
                "day": day,
                "round_s": elapsed,
                "import_s": clock.seconds if clock.calls else None,
                "bundles_in": len(imports),
                "changes_in": applied,
                "changes_carried": carried,
                "rows_in": len(rows),
                "plain_s": plain,
                "bundles_out": len(result.exported),
                "bytes_out": written,
                "changes_out": sum(e.changes for e in result.exported),
            }
        )
        colleague.last_round = now
        written, deleted = self.engine.seen(colleague.name)
        if written or deleted:
            for other in self.team:
                if other is not colleague:
                    when = self.engine.when(colleague.name, other.name, now)
                    self.at(when, "catch_up", (colleague.name, other.name))

    def deliver_all(self, now: float) -> float:
        """The engine catches up: every pending arrival and deletion happens (no rounds are
        pending when this is called)."""
        self.engine.away = None
        return max(now, self.run_until(None))

    def agreed(self) -> bool:
        vectors = [c.store.log.version_vector() for c in self.team]
        return all(v == vectors[0] for v in vectors)

    def settle(self, now: float) -> dict[str, Any]:
        behind = [c for c in self.team if c.last_edit > c.last_round]
        self.rng.shuffle(behind)
        for colleague in behind:  # the last edits reach the folder
            self.round(colleague, now)
        now = self.deliver_all(now + 1)
        sweeps = 0
        while not self.agreed() and sweeps < self.model.max_sweeps:
            sweeps += 1
            order = list(self.team)
            self.rng.shuffle(order)
            for colleague in order:
                now += 0.01
                self.round(colleague, now)
            now = self.deliver_all(now + 1)
        return {"flush_rounds": len(behind), "sweeps": sweeps, "agreed": self.agreed()}


# -- running one topology ---------------------------------------------------------------------


def copy_team(team: list[Colleague], root: Path) -> list[Colleague]:
    copies = []
    for colleague in team:
        home = root / "home" / colleague.name
        shutil.copytree(colleague.home, home)
        copy = Colleague(colleague.name, home, colleague.key, open_store(home, colleague.key))
        copy.caseload = list(colleague.caseload)
        copies.append(copy)
    return copies


def first_contact(team: list[Colleague], root: Path) -> int:
    """Mesh: everyone trusts everyone; the first bundle of each pair, handed over directly."""
    spool = root / "spool"
    spool.mkdir()
    for a in team[1:]:
        for b in team[1:]:
            if a is not b:
                trust(a, b)
    carried = 0
    for a in team[1:]:
        for b in team[1:]:
            if a is not b:
                carried += send(a, b, spool)
    return carried


def run_topology(
    model: Model, base: list[Colleague], root: Path, topology: str, seed: int, progress: bool
) -> dict[str, Any]:
    started = time.perf_counter()
    team = copy_team(base, root)
    setup = {"first_contact_changes": 0}
    if topology == "mesh":
        setup["first_contact_changes"] = first_contact(team, root)
    setup_s = time.perf_counter() - started
    district = District(model, team, root, topology, seed)
    district.progress = progress
    district.plan_month()
    end = district.run_until(24.0 * model.days)
    month_s = time.perf_counter() - started - setup_s
    month_rounds = len(district.figures.rounds)
    settled = district.settle(end)
    district.plain.close()
    states = [json.dumps(export.case_data(c.store), sort_keys=True, default=str) for c in team]
    same = sum(s == states[0] for s in states)
    json_bytes = len(states[0].encode("utf-8"))
    sizes = {}
    for colleague in team:
        colleague.store.close()
        sizes[colleague.name] = colleague.case_file_bytes()
    figures = district.figures
    report = summarise(model, district, month_rounds, settled, sizes, json_bytes)
    report["agreement"] = {**settled, "case_data_equal": f"{same}/{len(team)}"}
    report["setup"] = {**setup, "seconds": round(setup_s, 1)}
    report["edits"] = dict(figures.edits)
    report["edit_errors"] = dict(figures.edit_errors)
    report["import_errors"] = dict(figures.import_errors)
    report["conflicts"] = figures.conflicts
    report["seconds"] = {
        "month": round(month_s, 1),
        "total": round(time.perf_counter() - started, 1),
    }
    return report


def summarise(
    model: Model,
    district: District,
    month_rounds: int,
    settled: dict[str, Any],
    sizes: dict[str, int],
    json_bytes: int,
) -> dict[str, Any]:
    figures = district.figures
    rounds = figures.rounds
    month = rounds[:month_rounds]
    per_day = [
        (figures.bytes_by_day.get((c.name, d), 0), c.name, d)
        for c in district.team
        for d in range(model.days)
        if not district.is_away(c.name, 24.0 * d + 12)
    ]
    heaviest = max(per_day, default=(0, "", 0))
    imports = [r for r in rounds if r["import_s"] is not None and r["rows_in"]]
    import_s = sum(r["import_s"] for r in imports)
    plain_s = sum(r["plain_s"] for r in imports)
    ratios = [r["import_s"] / r["plain_s"] for r in imports if r["plain_s"]]
    by_lead = [r["round_s"] for r in rounds if r["who"] == "lead"]
    engine = district.engine
    settled_pairs = max((max(p.values(), default=0) for p in engine.pairs.values()), default=0)
    settled_files = [len(f) for f in engine.files.values()]
    settled_bytes = [sum(f.values()) for f in engine.files.values()]
    return {
        "rounds": {"month": month_rounds, "settling": len(rounds) - month_rounds},
        "bundles_per_day": round(
            sum(figures.bundles_by_day[d] for d in range(model.days)) / model.days, 1
        ),
        "bytes_per_colleague_day": {
            "mean": round(statistics.fmean(b for b, _, _ in per_day)) if per_day else 0,
            "max": heaviest[0],
            "max_colleague": heaviest[1],
            "max_day": heaviest[2],
        },
        "round_s": spread([r["round_s"] for r in rounds]),
        "round_s_lead": spread(by_lead),
        "import_s_per_round": spread([r["import_s"] for r in imports]),
        "changes_in_per_round": spread([float(r["rows_in"]) for r in month], 0),
        "import_vs_plain": {
            "total": round(import_s / plain_s, 1) if plain_s else None,
            "p50": round(pct(ratios, 50), 1),
            "rows": sum(r["rows_in"] for r in imports),
            "changes_carried": sum(r["changes_carried"] for r in imports),
            "import_s": round(import_s, 2),
            "plain_s": round(plain_s, 2),
        },
        "import_timed": all(r["import_s"] is not None for r in rounds if r["bundles_in"]),
        "folder": {
            "files_settled_max": max(settled_files, default=0),
            "bytes_settled_max": max(settled_bytes, default=0),
            "files_ever_max": engine.max_files,
            "bytes_ever_max": engine.max_bytes,
            "files_per_pair_ever_max": engine.max_per_pair,
            "files_per_pair_settled_max": settled_pairs,
        },
        "case_file_bytes": {
            "min": min(sizes.values()),
            "mean": round(statistics.fmean(sizes.values())),
            "max": max(sizes.values()),
            "max_colleague": max(sizes, key=lambda n: sizes[n]),
            "case_data_json": json_bytes,
        },
    }


# -- output -----------------------------------------------------------------------------------


def lines(topology: str, r: dict[str, Any]) -> Iterator[str]:
    b = r["bytes_per_colleague_day"]
    f = r["folder"]
    a = r["agreement"]
    iv = r["import_vs_plain"]
    cf = r["case_file_bytes"]

    def s(d: dict[str, float]) -> str:
        return f"p50 {d['p50']:.3f}  p95 {d['p95']:.3f}  max {d['max']:.3f}"

    yield f"== {topology}: {r['rounds']['month']} rounds in the month, setup {r['setup']}"
    yield f"  {'bundles written per day':34} {r['bundles_per_day']}"
    yield (
        f"  {'bytes per colleague per day':34} mean {b['mean']:,}  max {b['max']:,}"
        f" ({b['max_colleague']}, day {b['max_day']})   budget < 1,000,000"
    )
    yield (
        f"  {'rounds until everyone agrees':34} {a['sweeps']} (after {a['flush_rounds']} rounds"
        f" that brought the last edits; agreed {a['agreed']}, case data equal"
        f" {a['case_data_equal']})   budget 1"
    )
    yield f"  {'exchange round s':34} {s(r['round_s'])}   budget < 2 s"
    yield f"  {'exchange round s, lead':34} {s(r['round_s_lead'])}"
    yield f"  {'import s per round':34} {s(r['import_s_per_round'])}"
    yield (
        f"  {'import vs plain sqlite3 insert':34} {iv['total']}x total, p50 {iv['p50']}x"
        f" ({iv['rows']:,} new rows; the bundles carried {iv['changes_carried']:,} changes)"
        "   budget <= 5x"
    )
    yield (
        f"  {'folder (one replica), settled':34} {f['files_settled_max']} files,"
        f" {f['bytes_settled_max']:,} bytes; ever {f['files_ever_max']} files,"
        f" {f['bytes_ever_max']:,} bytes"
    )
    yield (
        f"  {'files per ordered pair':34} settled {f['files_per_pair_settled_max']},"
        f" ever {f['files_per_pair_ever_max']}   budget <= 1 settled"
    )
    yield (
        f"  {'case file bytes per colleague':34} min {cf['min']:,}  mean {cf['mean']:,}"
        f"  max {cf['max']:,} ({cf['max_colleague']}); case data JSON {cf['case_data_json']:,}"
    )
    yield (
        f"  {'edits':34} {sum(r['edits'].values())} {r['edits']}; refused {r['edit_errors']};"
        f" conflicts {r['conflicts']}; import errors {r['import_errors']}"
    )
    yield f"  {'seconds':34} {r['seconds']}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topology", choices=("star", "mesh", "both"), default="both")
    parser.add_argument("--quick", action="store_true", help="5 colleagues, 5 days")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--out", type=Path, default=OUT / "district.json")
    args = parser.parse_args(argv)
    model = Model.quick() if args.quick else Model()
    topologies = ["star", "mesh"] if args.topology == "both" else [args.topology]
    started = time.perf_counter()
    results: dict[str, Any] = {
        "model": dataclasses.asdict(model),
        "budget": BUDGET,
        "round": "desktop.services.sync_folder.exchange_round (compacts after the round)",
    }
    with tempfile.TemporaryDirectory(prefix="district-") as tmp:
        root = Path(tmp)
        base, setup = onboarded(model, root / "base")
        results["onboarding"] = setup
        print(f"onboarding: {setup}", flush=True)
        for topology in topologies:
            report = run_topology(model, base, root / topology, topology, args.seed, not args.quick)
            results[topology] = report
            for line in lines(topology, report):
                print(line, flush=True)
    results["seconds"] = round(time.perf_counter() - started, 1)
    print(f"total {results['seconds']} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
