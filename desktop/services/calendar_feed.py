"""The calendar feed of this installation: which folder gets `welcome-desk.ics`, with what detail
(no name and nothing beyond time and kind unless the coordinator chose more).

Kept in the case file's meta table like the other settings (installation-local, never synced).
The window rewrites the feed now and then; `refresh_feed` skips the work when nothing changed
since the last time (the store's clock, the day and the settings are the same).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.errors import InvalidInput
from desktop.services.calendar import DEFAULT_DETAIL, DETAILS, INCLUDES, check_include, write_feed
from desktop.store.store import Store

_FOLDER = "setting.calendar_feed_folder"
_DETAIL = "setting.calendar_feed_detail"
_INCLUDE = "setting.calendar_feed_include"  # comma-separated parts of INCLUDES


@dataclass(frozen=True)
class FeedSettings:
    """Where the feed goes (None: no feed), how much of a client it names, and which parts
    beyond time and kind its events carry (none by default)."""

    folder: Path | None = None
    detail: str = DEFAULT_DETAIL
    include: frozenset[str] = field(default_factory=frozenset)


def load_feed_settings(store: Store) -> FeedSettings:
    """The saved feed settings; an unknown detail level or part (from a newer version) falls
    back to the minimal one: no name, no such part."""
    folder = store.meta(_FOLDER, "") or ""
    detail = store.meta(_DETAIL, DEFAULT_DETAIL) or DEFAULT_DETAIL
    parts = (store.meta(_INCLUDE, "") or "").split(",")
    return FeedSettings(
        Path(folder) if folder else None,
        detail if detail in DETAILS else DEFAULT_DETAIL,
        frozenset(p for p in parts if p in INCLUDES),
    )


def save_feed_settings(store: Store, settings: FeedSettings) -> None:
    """Validate and save the feed settings (InvalidInput for an unknown detail level or part)."""
    if settings.detail not in DETAILS:
        raise InvalidInput(
            "detail",
            f"'{settings.detail}' is not a detail level; choose one of: {', '.join(DETAILS)}.",
            f"'{settings.detail}' ist keine Detailstufe; möglich sind: {', '.join(DETAILS)}.",
        )
    include = check_include(settings.include)
    store.set_meta(_FOLDER, str(settings.folder) if settings.folder else "")
    store.set_meta(_DETAIL, settings.detail)
    store.set_meta(_INCLUDE, ",".join(p for p in INCLUDES if p in include))


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
            self.store,
            settings.folder,
            detail=settings.detail,
            lang=lang,
            today=today,
            include=settings.include,
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
