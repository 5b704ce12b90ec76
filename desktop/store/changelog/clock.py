"""The hybrid logical clock (HLC) that orders changes across computers: wall-clock milliseconds
and a counter packed into one sortable integer, never going backwards."""

from __future__ import annotations

import time
from typing import Any

COUNTER_BITS = 16


def pack_hlc(wall_ms: int, counter: int) -> int:
    """A hybrid logical clock value as one sortable integer."""
    return (wall_ms << COUNTER_BITS) | counter


def unpack_hlc(hlc: int) -> tuple[int, int]:
    """(wall-clock milliseconds, counter) of an HLC value."""
    return hlc >> COUNTER_BITS, hlc & ((1 << COUNTER_BITS) - 1)


class HybridClock:
    """A hybrid logical clock: never goes backwards, even when the wall clock does."""

    def __init__(self, last: int = 0, wall_ms: Any = None) -> None:
        self.last = last
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)

    def tick(self) -> int:
        """The next timestamp for a local event."""
        wall = self._wall_ms()
        last_wall, counter = unpack_hlc(self.last)
        self.last = pack_hlc(wall, 0) if wall > last_wall else pack_hlc(last_wall, counter + 1)
        return self.last

    def wall(self) -> int:
        """This computer's wall clock in HLC units (for dating a bundle, not for ordering)."""
        return pack_hlc(self._wall_ms(), 0)

    def observe(self, remote: int) -> None:
        """Move past a timestamp received from another device."""
        self.last = max(self.last, remote)
