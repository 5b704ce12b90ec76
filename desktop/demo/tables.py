"""Weighted choices, and the readers of the text tables the data modules are written in."""

from __future__ import annotations

from bisect import bisect
from collections.abc import Callable
from typing import Any


class _W:
    """A weighted choice prepared once; `w(r)` picks with the uniform source `r`."""

    __slots__ = ("cum", "items", "total", "weights")

    def __init__(self, *pairs: tuple[Any, float]) -> None:
        self.items = tuple(p[0] for p in pairs)
        self.weights = tuple(p[1] for p in pairs)
        self.cum: list[float] = []
        acc = 0.0
        for weight in self.weights:
            acc += weight
            self.cum.append(acc)
        self.total = acc

    def __call__(self, r: Callable[[], float]) -> Any:
        return self.items[bisect(self.cum, r() * self.total)]

    def mean(self) -> float:
        return sum(i * w for i, w in zip(self.items, self.weights, strict=True)) / self.total


def _weights(text: str, convert: Callable[[str], Any] = str) -> _W:
    """A weighted choice from "item weight item weight ..."; "-" stands for an empty item."""
    parts = text.split()
    return _W(
        *(
            (convert("" if a == "-" else a), float(w))
            for a, w in zip(parts[::2], parts[1::2], strict=True)
        )
    )


def _rows(text: str) -> list[list[str]]:
    """The "|"-separated, stripped columns of each line that is not empty."""
    return [[c.strip() for c in line.split("|")] for line in text.splitlines() if line.strip()]


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _columns(text: str) -> list[list[str]]:
    """The blank-separated columns of each line that is not empty, the heading line left out."""
    return [line.split() for line in text.splitlines()[2:] if line.strip()]
