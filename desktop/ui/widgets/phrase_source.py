"""The office's phrase book for the whole window: read once on the database worker and shared by
every tab and dialog, read again only when it may have changed (the phrase book dialog closed,
bundles merged). Reading it per client shown cost a case opening two worker round trips and a
second fill of the plan tree (p50 26 → 47 ms in bench/gui.py)."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Signal

from desktop.services import phrases
from desktop.services.phrases import PhraseBook
from desktop.ui.widgets.db_worker import DbWorker

CHANNEL = "phrase-book"


class PhraseBookSource(QObject):
    """`book` once read; `loaded(book)` each time it has been read."""

    loaded = Signal(object)

    def __init__(self, db: DbWorker) -> None:
        super().__init__(db)
        self._db = db
        self.book: PhraseBook | None = None
        self._reading = False
        db.closed.connect(self._forget)

    def ensure(self) -> None:
        """Read the book unless it is read or being read."""
        if self.book is None and not self._reading:
            self.reload()

    def reload(self) -> None:
        """Read the book again (the office's phrases may have changed)."""
        if not self._db.is_open:
            return
        self._reading = True
        self._db.run(phrases.phrase_book, self._read, self._failed, channel=CHANNEL)

    def _forget(self) -> None:
        """The case file closed: the next one (a restore, another file) has its own phrases."""
        self.book = None
        self._reading = False

    def _read(self, book: PhraseBook) -> None:
        self._reading = False
        self.book = book
        self.loaded.emit(book)

    def _failed(self, _error: BaseException) -> None:
        self._reading = False  # the tabs work without suggestions; the next client tries again


_SOURCES: weakref.WeakKeyDictionary[DbWorker, PhraseBookSource] = weakref.WeakKeyDictionary()


def phrase_source(db: DbWorker) -> PhraseBookSource:
    """The one phrase book source of the window that `db` serves."""
    if db not in _SOURCES:
        _SOURCES[db] = PhraseBookSource(db)
    return _SOURCES[db]
