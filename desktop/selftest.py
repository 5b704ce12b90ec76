"""`welcome-desk --self-test`: does this installation work? Real parts, in a temporary folder.

Each check creates what it needs in its own temporary folder (never the user's data folder), runs
offscreen and prints one line: `ok   <check>`, `FAIL <check>: <reason>` or `skip <check>: <reason>`.
The exit code is 0 only if no check failed. The frozen bundle runs it after every build, so it
also proves that fonts, translations, migrations and native libraries were packed.

This is app level (like `desktop/__main__.py`): it may import PySide6, the core never does.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

__all__ = ["CHECKS", "SelfTestSkipped", "run_self_test"]

PASSPHRASE = "self-test passphrase 4 Welcome Desk"
KEYRING_SERVICE = "WelcomeDesk self-test"


class SelfTestSkipped(Exception):
    """A check that cannot run on this system (its message says why); not a failure."""


class SelfTestFailed(Exception):
    """A check whose result was wrong (its message says what)."""


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="welcome-desk-self-test-") as name:
        yield Path(name)


def _expect(condition: bool, reason: str) -> None:
    if not condition:
        raise SelfTestFailed(reason)


def check_case_file() -> None:
    """Create an encrypted case file, close it, and unlock it again with the passphrase."""
    from desktop.domain.model import Client
    from desktop.services import casefile
    from desktop.services.clients import add_client

    with _folder() as root:
        store = casefile.init(root / "data", PASSPHRASE).store
        client = add_client(store, {"family_name": "Selbsttest", "given_names": "Erika"})
        store.close()
        _expect(
            b"Selbsttest" not in (root / "data" / "casefile.db").read_bytes(),
            "a name is readable in the database file: it is not encrypted",
        )
        again = casefile.unlock(root / "data", passphrase=PASSPHRASE, use_keyring=False)
        try:
            _expect(again.get(Client, client.id).family_name == "Selbsttest", "client lost")
        finally:
            again.close()


def check_client() -> None:
    """Write a client with non-Latin spellings and read it back unchanged."""
    from desktop.domain.model import Client
    from desktop.domain.names import encoding_damage
    from desktop.services import casefile
    from desktop.services.clients import ClientQuery, add_client, list_clients, update_client

    with _folder() as root:
        store = casefile.init(root / "data", PASSPHRASE).store
        try:
            fields = {"family_name": "Müller-Öztürk", "given_names": "Zoë", "city": "Köln"}
            client = add_client(store, fields)
            update_client(store, client.id, {"other_names": ("مولر",)})
            back = store.get(Client, client.id)
            _expect(
                (back.family_name, back.given_names, back.city, back.other_names)
                == ("Müller-Öztürk", "Zoë", "Köln", ("مولر",)),
                "the client read back differs from the one written",
            )
            found = list_clients(store, ClientQuery(text="Мюллер Зое")).clients  # another script
            _expect([c.id for c in found] == [client.id], "the name search misses a spelling")
            _expect(encoding_damage("MÃ¼ller") == "Müller", "damaged names are not repaired")
        finally:
            store.close()


def check_plan_pdf() -> None:
    """Render a client's plan, with a goal from the phrase book, in German and Arabic with the
    bundled fonts and phrase catalogue (a goal without its Arabic text means a missing file)."""
    from desktop.domain.catalogues import FieldOfAction
    from desktop.resources import resource_path
    from desktop.services import casefile
    from desktop.services.clients import add_client
    from desktop.services.plans import add_goal
    from desktop.services.printing import plan_pdf, untranslated_items

    font = resource_path("fonts", "DejaVuSans.ttf")
    _expect(font.is_file(), f"the bundled font {font} is missing")
    with _folder() as root:
        store = casefile.init(root / "data", PASSPHRASE).store
        try:
            client = add_client(store, {"family_name": "Haddad", "given_names": "Rania"})
            add_goal(store, client.id, FieldOfAction.WORK, phrase_key="goal.work.job")
            pdf = plan_pdf(store, client.id, "ar", today=date(2026, 1, 15))
            missing = untranslated_items(store, client.id, "ar", today=date(2026, 1, 15))
        finally:
            store.close()
    _expect(not missing, "the phrase catalogue's Arabic texts are missing")
    _expect(pdf.startswith(b"%PDF"), "the plan is not a PDF")
    _expect(b"DejaVuSans" in pdf, "the PDF does not embed the bundled DejaVu Sans font")


def check_translations() -> None:
    """The German catalogue is shipped and Qt loads it."""
    from PySide6.QtCore import QTranslator

    from desktop.resources import resource_path

    _application()
    catalogue = resource_path("i18n", "welcome_desk_de.qm")
    _expect(catalogue.is_file(), f"the German catalogue {catalogue} is missing")
    translator = QTranslator()
    _expect(translator.load(str(catalogue)), f"Qt cannot load {catalogue.name}")
    _expect(not translator.isEmpty(), f"{catalogue.name} holds no translations")


def check_sync_bundle() -> None:
    """Two temporary identities trust each other; a client travels from A to B in a bundle."""
    from desktop.domain.catalogues import ConsentScope
    from desktop.domain.model import Client
    from desktop.services import casefile, sync

    SHARE = ConsentScope.SHARE_COLLEAGUES  # only clients who agreed travel
    from desktop.services.clients import add_client

    with _folder() as root:
        a = casefile.init(root / "a", PASSPHRASE).store
        b = casefile.init(root / "b", PASSPHRASE).store
        try:
            sync.add_colleague(a, "B", sync.my_identity(b).text)
            sync.add_colleague(b, "A", sync.my_identity(a).text)
            consent = {"consent_given_on": date.today(), "consent_scope": (SHARE,)}
            client = add_client(a, {"family_name": "Kowalski", "given_names": "Anna", **consent})
            bundle = root / sync.bundle_file_name(a, "B")
            sync.export_for(a, "B", bundle)
            _expect(b"Kowalski" not in bundle.read_bytes(), "the bundle is not encrypted")
            sync.import_file(b, bundle)
            _expect(b.get(Client, client.id).family_name == "Kowalski", "the client did not arrive")
        finally:
            a.close()
            b.close()


def check_window() -> None:
    """Open the main window offscreen on a temporary case file, then close it."""
    from PySide6.QtWidgets import QApplication

    from desktop.services import casefile
    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.widgets.db_worker import DbWorker

    app = _application()
    with _folder() as root:
        db = DbWorker()
        db.attach(casefile.init(root / "data", PASSPHRASE).store)
        window = MainWindow(db, root / "data")
        try:
            window.resize(1024, 700)
            window.show()
            QApplication.processEvents()
            _expect(window.isVisible(), "the main window did not show")
        finally:
            window.close()
            QApplication.processEvents()
        _expect(not db.is_open, "closing the window did not close the case file")
    app.processEvents()


def check_keyring() -> None:
    """Store, read and delete a random secret in the OS credential store, if there is one."""
    import keyring
    import keyring.errors
    from keyring.backends import fail

    no_store = "no credential store on this system"
    try:
        backend = keyring.get_keyring()
    except keyring.errors.NoKeyringError as error:
        raise SelfTestSkipped(no_store) from error
    if isinstance(backend, fail.Keyring):
        raise SelfTestSkipped(no_store)
    user, secret = f"check-{secrets.token_hex(4)}", secrets.token_urlsafe(24)
    try:
        keyring.set_password(KEYRING_SERVICE, user, secret)
        try:
            _expect(
                keyring.get_password(KEYRING_SERVICE, user) == secret,
                f"{type(backend).__name__} returned another secret than was stored",
            )
        finally:
            keyring.delete_password(KEYRING_SERVICE, user)
    except keyring.errors.NoKeyringError as error:
        raise SelfTestSkipped(no_store) from error
    _expect(
        keyring.get_password(KEYRING_SERVICE, user) is None,
        "the test secret is still stored after deleting it",
    )


CHECKS: list[tuple[str, Callable[[], None]]] = [
    ("case file", check_case_file),
    ("client", check_client),
    ("plan pdf", check_plan_pdf),
    ("translations", check_translations),
    ("sync bundle", check_sync_bundle),
    ("window", check_window),
    ("keyring", check_keyring),
]


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "welcome-desk"])


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())
    if isinstance(error, SelfTestFailed | SelfTestSkipped):
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def run_self_test(write: Callable[[str], None] | None = None) -> int:
    """Run every check, report one line each; 0 if none failed, else 1."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = write or _print
    failed = 0
    for name, check in CHECKS:
        try:
            check()
        except SelfTestSkipped as skipped:
            out(f"skip {name}: {_reason(skipped)}")
        except Exception as error:
            failed += 1
            out(f"FAIL {name}: {_reason(error)}")
        else:
            out(f"ok   {name}")
    return 1 if failed else 0


def _print(line: str) -> None:
    """Print even where the console cannot show every letter; the windowed exe has no stdout."""
    stream = sys.stdout
    if stream is None:
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(line.encode(encoding, "replace").decode(encoding) + "\n")
    stream.flush()
