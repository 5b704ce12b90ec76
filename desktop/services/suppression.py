"""Cell suppression: small counts are hidden, and so is whatever would let them be worked out.

A table is a list of counts and a list of sums (`Line`): some counts (the parts) add up to
another count that is published too (the total), e.g. a row of the measures table and its
total column, or the residence status column and the number of open cases. A reader who has
the total and every part but one has the last part as well; this module prevents that.

1. **Primary suppression**: every count from 1 to `SMALL` - 1 is hidden (shown as "<3").
2. **Secondary suppression**, repeated until nothing changes (the method statistical offices
   use for published tables, e.g. Destatis' "Geheimhaltung"):

   - a sum with exactly one hidden count: its smallest non-zero visible part is hidden too
     (its total when no part is left);
   - a sum whose hidden counts are pinned by what a reader knows of them (a primary count is
     1 or 2, a secondary one at least 3, zero is always shown), e.g. "<3" + "x" = 4 leaves only
     1 + 3: the same;
   - a hidden count that all sums together determine (linear algebra over the fractions; the
     case of a cell fixed through its row total and its column total and a chain of others):
     the smallest non-zero visible part of one of its sums is hidden.

Zeros are never hidden. What it does not cover: counts published elsewhere (another period,
another report) that can be subtracted from these; that is the publisher's part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

SMALL = 3  # counts from 1 to SMALL - 1 are hidden


class Hidden(Enum):
    """Why a count is not shown: it is small, or it would give a small one away."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


@dataclass(frozen=True)
class Line:
    """The counts at `parts` add up to the count at `total` (indexes into the values)."""

    parts: tuple[int, ...]
    total: int


def suppress(values: Sequence[int], lines: Sequence[Line]) -> dict[int, Hidden]:
    """The indexes of `values` to hide and why: primary, then secondary until safe."""
    if any(v < 0 for v in values):
        raise ValueError("counts are never negative")
    hidden = {i: Hidden.PRIMARY for i, v in enumerate(values) if 0 < v < SMALL}
    while True:
        extra = _next_to_hide(values, lines, hidden)
        if extra is None:
            return hidden
        hidden[extra] = Hidden.SECONDARY


def _next_to_hide(
    values: Sequence[int], lines: Sequence[Line], hidden: dict[int, Hidden]
) -> int | None:
    """One more count to hide, or None when no hidden count can be worked out."""
    for line in lines:
        if sum(1 for i in (*line.parts, line.total) if i in hidden) == 1:
            chosen = _first_candidate(values, [line], lines, hidden)
            if chosen is not None:
                return chosen
    exposed = pinned_cells(values, lines, hidden) | determined_cells(values, lines, hidden)
    for cell in sorted(exposed):
        own = [line for line in lines if cell == line.total or cell in line.parts]
        chosen = _first_candidate(values, own, lines, hidden)
        if chosen is not None:
            return chosen
    return None


def _first_candidate(
    values: Sequence[int], near: list[Line], lines: Sequence[Line], hidden: dict[int, Hidden]
) -> int | None:
    """A candidate of the sums `near`, else of the sums linked to them through hidden counts
    (a count worked out through a chain of sums is protected by hiding one more in the chain).
    None when every non-zero count of the chain is hidden already."""
    chain = list(near)
    while True:
        chosen = _candidate(values, chain, hidden)
        if chosen is not None:
            return chosen
        reached = {i for line in chain for i in (*line.parts, line.total) if i in hidden}
        more = [line for line in lines if line not in chain and reached & {*line.parts, line.total}]
        if not more:
            return None
        chain += more


def _candidate(
    values: Sequence[int], lines: Sequence[Line], hidden: dict[int, Hidden]
) -> int | None:
    """The smallest non-zero visible part of `lines`, else their smallest visible total."""
    parts = {i for line in lines for i in line.parts if i not in hidden and values[i] > 0}
    if parts:
        return min(parts, key=lambda i: (values[i], i))
    totals = {line.total for line in lines if line.total not in hidden and values[line.total]}
    return min(totals, key=lambda i: (values[i], i)) if totals else None


def bounds(kind: Hidden) -> tuple[int, float]:
    """What a reader knows of a hidden count: 1 to 2 ("<3"), or at least 3."""
    return (1, SMALL - 1) if kind is Hidden.PRIMARY else (SMALL, float("inf"))


def pinned_cells(
    values: Sequence[int], lines: Sequence[Line], hidden: dict[int, Hidden]
) -> set[int]:
    """The hidden counts that the bounds a reader knows, carried from sum to sum, pin down.

    Each sum is an equation sum(a_i * x_i) = c over its hidden counts (a_i = +1 for a part,
    -1 for the total, visible counts in c); a count lies between what the others leave, and a
    narrower range of one count narrows those of the counts it shares a sum with. Repeated
    until nothing narrows (bounds propagation): every whole number left in a range is still
    possible for that sum alone, so a range of one number is a count given away.
    """
    ranges: dict[int, tuple[float, float]] = {i: bounds(kind) for i, kind in hidden.items()}
    equations = []
    for line in lines:
        terms = [(i, 1) for i in line.parts if i in hidden]
        if line.total in hidden:
            terms.append((line.total, -1))
        if terms:
            visible = sum(values[i] for i in line.parts if i not in hidden)
            equations.append((terms, (0 if line.total in hidden else values[line.total]) - visible))
    for _round in range(100):  # ranges only narrow; the limit only guards against slow creep
        narrowed = False
        for terms, c in equations:
            spans = [sorted((a * ranges[i][0], a * ranges[i][1])) for i, a in terms]
            for k, (i, a) in enumerate(terms):
                # summed afresh, not by subtraction: inf - inf would be nan
                low = sum(x for j, (x, _) in enumerate(spans) if j != k)
                high = sum(y for j, (_, y) in enumerate(spans) if j != k)
                ends = sorted((a * (c - high), a * (c - low)))
                lo, hi = max(ranges[i][0], ends[0]), min(ranges[i][1], ends[1])
                if (lo, hi) != ranges[i]:
                    ranges[i] = (lo, hi)
                    narrowed = True
        if not narrowed:
            break
    return {i for i, (lo, hi) in ranges.items() if lo == hi}


def determined_cells(
    values: Sequence[int], lines: Sequence[Line], hidden: dict[int, Hidden] | set[int]
) -> set[int]:
    """The hidden counts that the visible counts and the sums determine exactly.

    Each sum is an equation over the hidden counts (visible ones are constants); a hidden count
    is determined when its unit vector lies in the row space of those equations, i.e. when the
    reduced row echelon form has a row with that count alone.
    """
    order = sorted(hidden)
    column = {i: c for c, i in enumerate(order)}
    rows: list[list[Fraction]] = []
    for line in lines:
        row = [Fraction(0)] * len(order)
        touched = False
        for i, sign in [(p, 1) for p in line.parts] + [(line.total, -1)]:
            if i in column:
                row[column[i]] += sign
                touched = True
        if touched:
            rows.append(row)
    found = set()
    for row in _reduced(rows, len(order)):
        nonzero = [c for c, v in enumerate(row) if v]
        if len(nonzero) == 1:
            found.add(order[nonzero[0]])
    return found


def _reduced(rows: list[list[Fraction]], width: int) -> list[list[Fraction]]:
    """The reduced row echelon form of `rows` (Gauss-Jordan, exact)."""
    rows = [list(r) for r in rows]
    pivot_row = 0
    for col in range(width):
        pick = next((r for r in range(pivot_row, len(rows)) if rows[r][col]), None)
        if pick is None:
            continue
        rows[pivot_row], rows[pick] = rows[pick], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [v / lead for v in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col]:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivot_row += 1
    return rows[:pivot_row]
