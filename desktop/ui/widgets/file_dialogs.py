"""Where the file dialogs start: the folder used last (in this session), else the user's Documents.

Never the working folder: a bare file name in a save dialog lands there, and the working folder
of a program started from a shortcut may be the program folder, which the next upgrade or
uninstall deletes — a saved recovery key with it. The last folder is kept in memory only: a folder
named after a client must not end up in the registry or a settings file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

_last: Path | None = None


def start_folder() -> Path:
    """The folder used last if it still exists, else Documents, else the home folder."""
    if _last is not None and _last.is_dir():
        return _last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def start_path(name: str | Path = "") -> str:
    """`name` inside the start folder; a path that names its folder (absolute) stays as it is."""
    path = Path(name)
    return str(path if path.is_absolute() else start_folder() / path)


def remember(folder: str | Path) -> None:
    """The folder the next dialog starts in."""
    global _last
    _last = Path(folder)


def save_file(
    parent: QWidget | None, caption: str, name: str | Path, filters: str = "", selected: str = ""
) -> tuple[str, str]:
    """Ask where to save `name`; returns (the chosen path or "", the chosen filter)."""
    if selected:
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            parent, caption, start_path(name), filters, selected
        )
    else:
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            parent, caption, start_path(name), filters
        )
    if chosen:
        remember(Path(chosen).parent)
    return chosen, chosen_filter


def open_file(
    parent: QWidget | None, caption: str, filters: str = "", start: str | Path = ""
) -> str:
    """Ask for one file to read; "" if cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, caption, start_path(start), filters)
    if chosen:
        remember(Path(chosen).parent)
    return chosen


def open_files(parent: QWidget | None, caption: str, filters: str = "") -> list[str]:
    """Ask for files to read; [] if cancelled."""
    chosen, _filter = QFileDialog.getOpenFileNames(parent, caption, start_path(), filters)
    if chosen:
        remember(Path(chosen[0]).parent)
    return list(chosen)


def folder(parent: QWidget | None, caption: str, current: str | Path | None = None) -> str:
    """Ask for a folder, starting at `current` if given; "" if cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, caption, start_path(current or ""))
    if chosen:
        remember(chosen)
    return chosen


def show_folder(folder: str | Path) -> bool:
    """Open `folder` in the system's file manager (Explorer); False if that did not work."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
