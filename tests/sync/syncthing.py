"""Real Syncthing nodes on 127.0.0.1 for the district-folder tests (no mocks).

`start_nodes(root, names)` generates one Syncthing home per colleague, writes its configuration
(GUI/REST and the sync protocol on free local ports; global and local discovery, relays, NAT,
usage and crash reporting and upgrades off; no default folder) so that every node knows every
other by device id (in each pair the later node dials the earlier one at its static
`tcp://127.0.0.1:<port>`) and shares one folder, the colleague's replica, watched with a
1-second delay. Then it starts `syncthing serve` for each, one after the other, and waits until
they are all connected. `stop_nodes` ends every process it started.

Helpers for the tests: `wait_until_in_sync`, `pause` / `resume` (a node's process stopped and
started again: a laptop offline and back), `scan`. Only the standard library talks to the REST
API (urllib).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import random
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FOLDER_ID = "welcome-desk-district"
API_KEY = "welcome-desk-test-api-key"
START_TIMEOUT = 30.0
POLL = 0.1


class SyncthingError(AssertionError):
    """A node did not do in time what the test waited for (its log tail is in the message)."""


@dataclass
class Node:
    """One colleague's Syncthing: its home, its replica of the shared folder, its ports."""

    name: str
    home: Path
    replica: Path
    device_id: str = ""
    gui_port: int = 0
    listen_port: int = 0
    process: subprocess.Popen[bytes] | None = None
    peers: list[Node] = field(default_factory=list)

    @property
    def log(self) -> Path:
        return self.home / "syncthing.log"

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.gui_port}{path}"

    def rest(self, method: str, path: str, body: Any = None, timeout: float = 10.0) -> Any:
        """One REST call with the API key; the decoded JSON answer (None if empty)."""
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(self.url(path), data=data, method=method)
        request.add_header("X-API-Key", API_KEY)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            raw = answer.read()
        return json.loads(raw) if raw.strip() else None

    def log_tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(
                self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
            )
        return ""


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing uses now, below the ephemeral range (32768 up on
    Linux): a port the kernel handed out and took back could go to the next outgoing
    connection, a Syncthing dialling its peers say, before the node that should listen there
    starts, and that node would stay unreachable."""
    rng = random.Random()
    while True:
        port = rng.randrange(20000, 32000)
        if port in _HANDED_OUT:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _HANDED_OUT.add(port)
        return port


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    # STHASHING chooses the SHA-256 code instead of timing both at every start (half a second)
    env.update(STNODEFAULTFOLDER="1", STNOUPGRADE="1", STNORESTART="1", STHASHING="minio")
    return env


def _generate(node: Node) -> None:
    out = subprocess.run(
        ["syncthing", "generate", f"--home={node.home}", "--no-default-folder"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_environment(),
        timeout=60,
        check=True,
    )
    for line in (out.stdout + out.stderr).splitlines():
        if "Device ID:" in line:
            node.device_id = line.split("Device ID:", 1)[1].strip()
    if not node.device_id:
        raise SyncthingError(f"syncthing generate printed no device id:\n{out.stdout}{out.stderr}")


OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "urSeen": "3",
    "crashReportingEnabled": "false",
    "startBrowser": "false",
    "autoUpgradeIntervalH": "0",
    "reconnectionIntervalS": "1",
    "setLowPriority": "false",
    "progressUpdateIntervalS": "-1",
}

FOLDER = {  # the shared folder: watched with a 1-s delay, a short rescan, a fast retry
    "rescanIntervalS": "5",
    "fsWatcherEnabled": "true",
    "fsWatcherDelayS": "1",
}


def _set(parent: ET.Element, tag: str, text: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = text


def _address(node: Node, other: Node, everyone: list[Node]) -> str:
    """Where `node` dials `other`: its static address if `other` comes first in `everyone`,
    else nowhere ("dynamic" with discovery off), `other` dials in. Two Syncthing 1.19 nodes
    that dial each other at the same moment can hang in the Hello exchange until one of them
    is stopped; with one dialler per pair that cannot happen."""
    if everyone.index(other) < everyone.index(node):
        return f"tcp://127.0.0.1:{other.listen_port}"
    return "dynamic"


def _configure(node: Node, everyone: list[Node]) -> None:
    """Rewrite the generated config.xml: ports, everything that reaches the internet off,
    every other node as a device at its static address, one shared folder (trash-can
    versioning, so `.stversions` appears in the replica as it does in real districts)."""
    path = node.home / "config.xml"
    tree = ET.parse(path)
    root = tree.getroot()
    gui = root.find("gui")
    assert gui is not None
    _set(gui, "address", f"127.0.0.1:{node.gui_port}")
    _set(gui, "apikey", API_KEY)
    options = root.find("options")
    assert options is not None
    _set(options, "listenAddress", f"tcp://127.0.0.1:{node.listen_port}")
    for key, value in OPTIONS.items():
        _set(options, key, value)
    defaults = root.find("defaults")
    assert defaults is not None
    device_template = defaults.find("device")
    folder_template = defaults.find("folder")
    assert device_template is not None and folder_template is not None
    for other in everyone:
        if other is node:
            continue
        device = copy.deepcopy(device_template)
        device.set("id", other.device_id)
        device.set("name", other.name)
        _set(device, "address", _address(node, other, everyone))
        root.insert(list(root).index(gui), device)
    folder = copy.deepcopy(folder_template)
    folder.set("id", FOLDER_ID)
    folder.set("label", "Welcome Desk district")
    folder.set("path", str(node.replica))
    for key, value in FOLDER.items():
        folder.set(key, value)
    _set(folder, "pullerPauseS", "1")
    for member in folder.findall("device"):
        folder.remove(member)
    for other in everyone:
        member = ET.Element("device", {"id": other.device_id, "introducedBy": ""})
        ET.SubElement(member, "encryptionPassword").text = ""
        folder.insert(1, member)
    versioning = folder.find("versioning")
    assert versioning is not None
    versioning.set("type", "trashcan")
    ET.SubElement(versioning, "param", {"key": "cleanoutDays", "val": "0"})
    root.insert(list(root).index(gui), folder)
    tree.write(path, encoding="utf-8", xml_declaration=False)


def _serve(node: Node) -> None:
    with node.log.open("ab") as log:
        node.process = subprocess.Popen(
            [
                "syncthing",
                "serve",
                f"--home={node.home}",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                "--no-default-folder",
                f"--gui-address=http://127.0.0.1:{node.gui_port}",
                f"--gui-apikey={API_KEY}",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=_environment(),
        )


def poll(what: str, check: Callable[[], bool], timeout: float, nodes: Iterable[Node]) -> None:
    """Call `check` every POLL seconds until it is true; SyncthingError after `timeout`."""
    end = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError, urllib.error.URLError, ValueError):
            if check():
                return
        if time.monotonic() > end:
            tails = "\n".join(f"--- {n.name}:\n{n.log_tail()}" for n in nodes)
            raise SyncthingError(f"Syncthing: {what} not reached in {timeout:.0f} s\n{tails}")
        time.sleep(POLL)


def start_nodes(root: Path, names: list[str]) -> list[Node]:
    """One running, connected Syncthing node per name, with homes and replicas under `root`."""
    nodes = [Node(n, root / f"st-{n.lower()}", root / f"replica-{n.lower()}") for n in names]
    try:
        for node in nodes:
            node.home.mkdir(parents=True)
            node.replica.mkdir(parents=True)
            (node.replica / ".stfolder").mkdir()
            node.gui_port, node.listen_port = free_port(), free_port()
            node.peers = [n for n in nodes if n is not node]
            _generate(node)
        for node in nodes:
            _configure(node, nodes)
        for node in nodes:  # in order: each one dials the nodes before it, which listen by now
            _serve(node)
            wait_started(node)
        wait_connected(nodes)
    except BaseException:
        stop_nodes(nodes)
        raise
    return nodes


def wait_started(node: Node, timeout: float = START_TIMEOUT) -> None:
    """Until the node answers on REST and its folder is scanned (not starting or scanning)."""

    def up() -> bool:
        if node.process is not None and node.process.poll() is not None:
            raise SyncthingError(f"{node.name}'s syncthing exited:\n{node.log_tail()}")
        return node.rest("GET", "/rest/system/ping") == {"ping": "pong"} and _idle(node)

    poll(f"{node.name} started", up, timeout, [node])


def connected(node: Node) -> set[str]:
    """The device ids this node is connected to now."""
    answer = node.rest("GET", "/rest/system/connections")
    return {d for d, c in answer["connections"].items() if c.get("connected")}


def wait_connected(nodes: list[Node], timeout: float = START_TIMEOUT) -> None:
    """Until every node in `nodes` is connected to every other one in `nodes`."""

    def all_connected() -> bool:
        return all({p.device_id for p in nodes if p is not n} <= connected(n) for n in nodes)

    poll("connections", all_connected, timeout, nodes)


def _idle(node: Node) -> bool:
    status = node.rest("GET", f"/rest/db/status?folder={FOLDER_ID}")
    return bool(status["state"] == "idle" and status["needFiles"] == 0)


def replica_files(node: Node) -> dict[str, str]:
    """The bundle files of a replica: name -> SHA-256 of the content."""
    found = {}
    for path in node.replica.glob("*.wdb"):
        with contextlib.suppress(OSError):
            found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def in_sync(nodes: list[Node]) -> bool:
    """All replicas hold the same bundle files (names and content), every node is idle with
    nothing to pull, and reports each of the other nodes 100 % complete."""
    files = [replica_files(n) for n in nodes]
    if any(f != files[0] for f in files[1:]):
        return False
    for node in nodes:
        if not _idle(node):
            return False
        for peer in nodes:
            if peer is not node:
                answer = node.rest(
                    "GET", f"/rest/db/completion?folder={FOLDER_ID}&device={peer.device_id}"
                )
                if answer["completion"] < 100 or answer.get("needDeletes", 0):
                    return False
    return files == [replica_files(n) for n in nodes]


def wait_until_in_sync(nodes: list[Node], timeout: float = 30.0) -> None:
    """Until `in_sync(nodes)` holds on two polls in a row (a file half-way between the watcher
    and the scanner does not count as synced)."""
    streak = [0]

    def settled() -> bool:
        streak[0] = streak[0] + 1 if in_sync(nodes) else 0
        return streak[0] >= 2

    poll("replicas in sync", settled, timeout, nodes)


def pause(node: Node) -> None:
    """Take the node offline (its process stopped, as a laptop that is shut or away): its
    replica keeps its files, and what the colleague's app writes there waits for `resume`."""
    stop_nodes([node])


def resume(node: Node, timeout: float = START_TIMEOUT) -> None:
    """Start a paused node again; returns once it has scanned its replica and is connected
    to all its peers that are running. The last node of `start_nodes` comes back in about a
    second (it dials every other); one its peers dial waits for their back-off (5 to 8 s)."""
    _serve(node)
    wait_started(node, timeout)
    running = [p for p in node.peers if p.process is not None]
    poll(
        f"{node.name} reconnected",
        lambda: {p.device_id for p in running} <= connected(node),
        timeout,
        [node, *running],
    )


def scan(node: Node) -> None:
    """Ask the node to rescan its replica now (as after a file was written behind its back)."""
    node.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}")


def stop_nodes(nodes: Iterable[Node]) -> None:
    """Kill every Syncthing process that `start_nodes` started and reap it."""
    started = [n for n in nodes if n.process is not None]
    for node in started:
        assert node.process is not None
        if node.process.poll() is None:
            node.process.terminate()
    for node in started:
        assert node.process is not None
        try:
            node.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            node.process.kill()
            node.process.wait(timeout=10)
        node.process = None
