"""The calendar feed of this installation: which folder gets `welcome-desk.ics`, with what detail.

Kept in the case file's meta table like the other settings (installation-local, never synced).
The window rewrites the feed now and then; `refresh_feed` skips the work when nothing changed
since the last time (the store's clock, the day and the settings are the same).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.domain.errors import InvalidInput
from desktop.services.calendar import DETAILS, write_feed
from desktop.store.store import Store

_FOLDER = "setting.calendar_feed_folder"
_DETAIL = "setting.calendar_feed_detail"


@dataclass(frozen=True)
class FeedSettings:
    """Where the feed goes (None: no feed) and how much of a client it names."""

    folder: Path | None = None
    detail: str = "initials"


def load_feed_settings(store: Store) -> FeedSettings:
    """The saved feed settings; an unknown detail level (from a newer version) is "initials"."""
    folder = store.meta(_FOLDER, "") or ""
    detail = store.meta(_DETAIL, "initials") or "initials"
    return FeedSettings(
        Path(folder) if folder else None, detail if detail in DETAILS else "initials"
    )


def save_feed_settings(store: Store, settings: FeedSettings) -> None:
    """Validate and save the feed settings (InvalidInput for an unknown detail level)."""
    if settings.detail not in DETAILS:
        raise InvalidInput(
            "detail",
            f"'{settings.detail}' is not a detail level; choose one of: {', '.join(DETAILS)}.",
            f"'{settings.detail}' ist keine Detailstufe; möglich sind: {', '.join(DETAILS)}.",
        )
    store.set_meta(_FOLDER, str(settings.folder) if settings.folder else "")
    store.set_meta(_DETAIL, settings.detail)


@dataclass
class FeedWriter:
    """Rewrites the feed of one store when something changed since its last write."""

    store: Store
    _written: tuple[object, ...] | None = None

    def refresh(
        self, lang: str = "de", *, force: bool = False, today: date | None = None
    ) -> Path | None:
        """Write the feed if a folder is set and (or `force`) the case file changed; its path.

        None when there is no feed folder or nothing to do. OSError if the folder is not
        writable (the caller says so and tries again later).
        """
        settings = load_feed_settings(self.store)
        if settings.folder is None:
            return None
        today = today or date.today()
        stamp = (self.store.clock.last, today, settings, lang)
        if not force and stamp == self._written:
            return None
        target = write_feed(
            self.store, settings.folder, detail=settings.detail, lang=lang, today=today
        )
        self._written = stamp
        return target


def refresh_feed(
    store: Store,
    writer: FeedWriter | None,
    lang: str = "de",
    *,
    force: bool = False,
    today: date | None = None,
) -> tuple[FeedWriter, Path | None]:
    """Rewrite the feed with `writer` if it writes this store's feed, else with a new writer (a
    new unlock writes at once); the writer to pass next time and the feed written (None: no
    feed folder, or nothing changed). OSError if the folder is not writable."""
    if writer is None or writer.store is not store:
        writer = FeedWriter(store)
    return writer, writer.refresh(lang, force=force, today=today)
