"""Secondary cell suppression: over random tables, no hidden count can be worked out.

The checks here are written independently of `desktop/services/suppression.py`: a reader's
view of a published table (visible counts, totals, "<3" for 1 or 2, "x" for at least 3) and
a search over every table that looks the same to that reader.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.services.suppression import Hidden, Line, suppress

Grid = list[list[int]]


def two_way(grid: Grid) -> tuple[list[int], list[Line], dict[str, object]]:
    """A table with row totals, column totals and a grand total, as values and sums."""
    rows, cols = len(grid), len(grid[0])
    values = [v for row in grid for v in row]
    cell = lambda r, c: r * cols + c  # noqa: E731
    row_total = [len(values) + r for r in range(rows)]
    values += [sum(row) for row in grid]
    col_total = [len(values) + c for c in range(cols)]
    values += [sum(grid[r][c] for r in range(rows)) for c in range(cols)]
    grand = len(values)
    values.append(sum(values[i] for i in row_total))
    lines = [Line(tuple(cell(r, c) for c in range(cols)), row_total[r]) for r in range(rows)]
    lines += [Line(tuple(cell(r, c) for r in range(rows)), col_total[c]) for c in range(cols)]
    lines += [Line(tuple(row_total), grand), Line(tuple(col_total), grand)]
    return values, lines, {"cell": cell, "row_total": row_total, "col_total": col_total}


def readers_range(kind: Hidden, ceiling: int) -> range:
    """What a reader knows of a hidden count: 1 or 2 ("<3"), else at least 3 (up to a ceiling
    past every count of the table, which stands in for "no upper bound")."""
    return range(1, 3) if kind is Hidden.PRIMARY else range(3, ceiling + 1)


def possible_values(
    values: Sequence[int], line: Line, hidden: dict[int, Hidden]
) -> dict[int, set[int]]:
    """Every value each hidden count of one sum can take in some table that reads the same:
    for each, the sums the other hidden counts can make (set by set) against what is left."""
    ceiling = 2 * sum(values) + 3
    terms = [(i, 1) for i in line.parts if i in hidden]
    if line.total in hidden:
        terms.append((line.total, -1))
    left = (0 if line.total in hidden else values[line.total]) - sum(
        values[i] for i in line.parts if i not in hidden
    )
    seen = {}
    for i, a in terms:
        sums = {0}
        for j, b in terms:
            if j != i:
                sums = {s + b * v for s in sums for v in readers_range(hidden[j], ceiling)}
        seen[i] = {v for v in readers_range(hidden[i], ceiling) if left - a * v in sums}
    return seen


grids = st.integers(1, 3).flatmap(
    lambda rows: st.integers(1, 3).flatmap(
        lambda cols: st.lists(
            st.lists(
                st.one_of(st.integers(0, 4), st.integers(0, 12)), min_size=cols, max_size=cols
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(grids)
def test_no_sum_ever_has_exactly_one_hidden_count(grid: Grid) -> None:
    values, lines, _ = two_way(grid)
    hidden = suppress(values, lines)
    assert all(0 < values[i] < 3 for i, k in hidden.items() if k is Hidden.PRIMARY)
    assert all(values[i] >= 3 for i, k in hidden.items() if k is Hidden.SECONDARY)
    assert not any(0 < v < 3 for i, v in enumerate(values) if i not in hidden)
    for line in lines:
        members = (*line.parts, line.total)
        assert sum(1 for i in members if i in hidden) != 1, (grid, line, hidden)


@settings(max_examples=300, deadline=None)
@given(grids)
def test_no_cell_is_fixed_by_its_row_total_and_its_column_total(grid: Grid) -> None:
    """The two-way case: row total minus the row's visible cells, or the same for the column,
    gives a hidden cell when it is the only hidden one in that row or column (totals hidden
    count as unknown too)."""
    values, lines, where = two_way(grid)
    hidden = suppress(values, lines)
    cell, rows, cols = where["cell"], len(grid), len(grid[0])
    for r in range(rows):
        for c in range(cols):
            i = cell(r, c)  # type: ignore[operator]
            if i not in hidden:
                continue
            row = [cell(r, x) for x in range(cols)] + [where["row_total"][r]]  # type: ignore
            col = [cell(y, c) for y in range(rows)] + [where["col_total"][c]]  # type: ignore
            assert sum(1 for j in row if j in hidden) >= 2, (grid, hidden)
            assert sum(1 for j in col if j in hidden) >= 2, (grid, hidden)


def rows_with_totals(grid: Grid) -> tuple[list[int], list[Line]]:
    """The shapes the statistics publish: rows with a total column and no column totals (the
    measures table), or one column with its total (residence status and open cases)."""
    values: list[int] = []
    lines = []
    for row in grid:
        parts = tuple(range(len(values), len(values) + len(row)))
        values += row
        values.append(sum(row))
        lines.append(Line(parts, len(values) - 1))
    return values, lines


columns = st.lists(st.one_of(st.integers(0, 4), st.integers(0, 12)), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.one_of(grids, columns.map(lambda column: [column])))
def test_no_hidden_count_of_a_published_table_can_be_worked_out_at_all(grid: Grid) -> None:
    """Every hidden count could, for all a reader sees (the visible counts, the totals, "<3" is
    1 or 2, "x" at least 3, zero always shown), be at least two different numbers."""
    values, lines = rows_with_totals(grid)
    hidden = suppress(values, lines)
    for line in lines:  # the sums share no count: each is searched on its own
        mine = {i: hidden[i] for i in (*line.parts, line.total) if i in hidden}
        seen = possible_values(values, line, mine)
        if all(i in hidden for i in line.parts if values[i]) and not any(
            values[i] >= 3 for i in line.parts
        ):
            continue  # small counts only: see test_a_table_of_small_counts_only
        for i, found in seen.items():
            assert values[i] in found
            assert len(found) >= 2, (grid, i, values[i], hidden)


def test_the_example_of_the_issue_hides_a_second_cell() -> None:
    """Bildung 12 + 14 + 26 + <3 = 54 gave the 2 away; now the 12 is hidden as well."""
    values = [12, 14, 26, 2, 54]
    hidden = suppress(values, [Line((0, 1, 2, 3), 4)])
    assert hidden == {3: Hidden.PRIMARY, 0: Hidden.SECONDARY}


def test_two_small_counts_that_sum_to_two_are_not_left_pinned() -> None:
    """ "<3" + "<3" + 10 = 12 tells 1 + 1; a third count is hidden."""
    hidden = suppress([1, 1, 10, 12], [Line((0, 1, 2), 3)])
    assert hidden[2] is Hidden.SECONDARY


def test_zeros_are_shown_and_a_table_without_small_counts_is_untouched() -> None:
    assert suppress([0, 5, 7, 12], [Line((0, 1, 2), 3)]) == {}


def test_a_table_of_small_counts_only_is_hidden_entirely() -> None:
    """1 + 1 = 2: every count is hidden, yet "<3" + "<3" adding up to "<3" still tells a reader
    that both are 1. Nothing more can be hidden; the limit is in the documentation."""
    values, lines, _ = two_way([[1, 1]])
    assert set(suppress(values, lines)) == set(range(len(values)))
