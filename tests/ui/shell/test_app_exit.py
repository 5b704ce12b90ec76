"""The whole app in a process of its own: unlock, the window shown, closed, the process ends
cleanly. Python tears objects down at exit while Qt may still deliver events to them; an event
filter of ours that raised then would be reported again and again from inside the teardown."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from desktop.services import casefile

REPO = Path(__file__).resolve().parents[3]
PASSPHRASE = "correct horse battery staple"

SESSION = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {repo!r})
    from desktop.__main__ import main
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow

    class Session(QObject):
        # Types the passphrase into the unlock prompt; closes the window once it shows cases.
        done = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Show and isinstance(obj, QDialog):
                for field in obj.findChildren(QLineEdit):
                    if field.echoMode() == QLineEdit.EchoMode.Password:
                        field.setText({passphrase!r})
                        QTimer.singleShot(0, obj.accept)
            elif event.type() == QEvent.Type.Paint and not self.done:
                window = obj.window() if hasattr(obj, "window") else None
                if isinstance(window, QMainWindow) and window.isVisible():
                    self.done = True  # closed and quit at once, the worker perhaps still busy
                    QTimer.singleShot(0, window.close)
                    QTimer.singleShot(0, QApplication.instance().quit)
            return False

    app = QApplication([sys.argv[0]])
    session = Session()
    app.installEventFilter(session)
    sys.exit(main(["--data-dir", {root!r}]))
    """
)


def test_the_app_opens_and_closes_and_its_process_ends_cleanly(tmp_path: Path) -> None:
    root = tmp_path / "data"
    casefile.init(root, PASSPHRASE).store.close()
    code = SESSION.format(repo=str(REPO), root=str(root), passphrase=PASSPHRASE)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Error calling Python override" not in done.stderr, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert (tmp_path / "config" / "WelcomeDesk" / "layout.ini").is_file()  # the size was kept
