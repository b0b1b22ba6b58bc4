"""Turn w:tr rows of w:tc cells into a rectangular grid with merges resolved, in one linear pass.

- w:gridSpan widens a cell; legacy w:hMerge="continue" joins a cell to the one on its left;
- w:vMerge="continue" (or w:vMerge without w:val) joins a cell to the cell above at the same
  grid column; with no cell there it starts a new cell, as Word shows it;
- w:gridBefore / w:gridAfter and short (ragged) rows leave None in the positions no cell covers;
  every row is padded to the widest row or the w:tblGrid, whichever is wider.
A continuation cell's own content is not shown by Word and is dropped.
"""

from __future__ import annotations

from typing import Sequence, TypeAlias

from jixiao.extract.model import Block, Cell, Paragraph, Table

MAX_GRID_COLUMNS = 1024
"""Word allows 63 columns; a span or grid wider than this is hostile and is cut."""
MAX_GRID_POSITIONS = 4_000_000
"""Rows x columns of one table; a few bytes of w:gridSpan must not cost gigabytes."""


class GridTooLarge(Exception):
    """The grid would exceed MAX_GRID_POSITIONS."""

    def __init__(self, rows: int, positions: int) -> None:
        super().__init__(f"{rows} rows with {positions} grid positions")
        self.rows, self.positions = rows, positions


RawCell: TypeAlias = tuple[int, "str | None", "str | None", Sequence[Block]]
"""A w:tc as read: (w:gridSpan, w:vMerge, w:hMerge, blocks); merges are "restart", "continue" or None.
Plain tuples, because a large table has tens of thousands of them."""
RawRow: TypeAlias = tuple[int, int, list[RawCell]]
"""A w:tr as read: (w:gridBefore, w:gridAfter, cells)."""


_Origin: TypeAlias = list  # type: ignore[type-arg]
"""A cell being built: [row, col, row_span, col_span, blocks, Cell once made] (a list: a large table has
tens of thousands)."""
ROW, COL, ROW_SPAN, COL_SPAN, BLOCKS, MADE = range(6)


def _clamp(value: int) -> int:
    return min(max(value, 0), MAX_GRID_COLUMNS)


def resolve_grid(rows: list[RawRow], grid_columns: int) -> tuple[tuple[Cell | None, ...], ...]:
    """The grid of Cells (a merged Cell repeated in every position it covers)."""
    lines: list[list[_Origin | None]] = []
    above: list[_Origin | None] = []
    width = _clamp(grid_columns)
    positions = 0
    for r, (grid_before, grid_after, cells) in enumerate(rows):
        line: list[_Origin | None] = [None] * _clamp(grid_before) if grid_before else []
        previous: _Origin | None = None
        for span, vmerge, hmerge, blocks in cells:
            if not 1 <= span <= MAX_GRID_COLUMNS:
                span = max(1, _clamp(span))
            if hmerge == "continue" and previous is not None:
                if previous[ROW] == r:
                    previous[COL_SPAN] += span
                line.extend([previous] * span)
                continue
            col = len(line)
            origin = above[col] if vmerge == "continue" and col < len(above) else None
            if origin is not None:
                origin[ROW_SPAN] = max(origin[ROW_SPAN], r - origin[ROW] + 1)
            else:
                origin = [r, col, 1, span, blocks, None]
            if span == 1:
                line.append(origin)
            else:
                line.extend([origin] * span)
            previous = origin
            if len(line) > MAX_GRID_COLUMNS:
                del line[MAX_GRID_COLUMNS:]
                break
        if grid_after:
            line.extend([None] * _clamp(grid_after))
            del line[MAX_GRID_COLUMNS:]
        width = max(width, len(line))
        positions += width
        if positions > MAX_GRID_POSITIONS:
            raise GridTooLarge(r + 1, positions)
        lines.append(line)
        above = line
    return _freeze(lines, width)


def _freeze(lines: list[list[_Origin | None]], width: int) -> tuple[tuple[Cell | None, ...], ...]:
    grid = []
    for line in lines:
        out: list[Cell | None] = []
        for origin in line:
            if origin is None:
                out.append(None)
                continue
            cell = origin[MADE]
            if cell is None:
                cell = origin[MADE] = _make_cell(origin, width)
            out.append(cell)
        if len(out) < width:
            out.extend([None] * (width - len(out)))
        grid.append(tuple(out))
    return tuple(grid)


def _make_cell(origin: _Origin, width: int) -> Cell:
    row, col, row_span, col_span, blocks, _ = origin
    if col_span > width - col:
        col_span = width - col
    if len(blocks) == 1 and type(blocks[0]) is Paragraph:
        only = blocks[0]
        # The reader hands a one-paragraph cell over as a tuple already: it becomes Cell.paragraphs.
        return Cell(only.text, row, col, row_span, col_span, blocks if type(blocks) is tuple else (only,), ())
    paragraphs = tuple(b for b in blocks if isinstance(b, Paragraph))
    tables = tuple(b for b in blocks if isinstance(b, Table))
    text = "\n".join([p.text for p in paragraphs]).strip()
    return Cell(text, row, col, row_span, col_span, paragraphs, tables)
