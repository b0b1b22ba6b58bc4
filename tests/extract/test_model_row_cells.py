"""Table.row_cells: each distinct cell of a grid row once, left to right, whatever merges it."""

from __future__ import annotations

import pytest

from tests.extract.model_builder import table


@pytest.mark.parametrize(
    ("rows", "r", "expected"),
    [
        ([["a", "b", "c"]], 0, ["a", "b", "c"]),
        ([["a", "<", "b"]], 0, ["a", "b"]),                 # a span counts once
        ([["a", "b"], ["^", "c"]], 1, ["a", "c"]),          # a cell merged down from above is in the row too
        ([[None, "a", "<", None, "b"]], 0, ["a", "b"]),     # w:gridBefore and gaps hold no cell
        ([["a", "a"]], 0, ["a", "a"]),                      # two cells with the same text stay two
        ([[None, None]], 0, []),
    ],
)
def test_row_cells_lists_each_cell_once(rows, r, expected) -> None:
    assert [cell.text for cell in table(0, rows).row_cells(r)] == expected
