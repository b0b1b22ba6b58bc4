"""A project's indicator grid read row by row: each row below the header as a RawIndicator.

The header (extract/grid_header.py) says which column holds what, so extra
columns (备注 …), a side label column and columns in any order read alike.
Categories blank below their first row, or merged down, are filled down.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.categories import category_levels
from jixiao.extract.grid_header import SHARED, GridColumns, find_header, is_near_header
from jixiao.extract.model import Cell, Location, Table
from jixiao.extract.records import RawIndicator

__all__ = ["CategoryFill", "GridColumns", "find_header", "is_near_header", "read_row"]

# A 计量单位 cell holding only these says "no unit" (-, —, /).
_DASHES = "-—–/／ "


@dataclass(slots=True)
class CategoryFill:
    """The level1/level2 categories in force, for filling down blank category cells."""

    level1: str | None = None
    level2: str | None = None


def _owners(row: tuple[Cell | None, ...], columns: GridColumns) -> tuple[dict[str, Cell], dict[str, str], set[int], bool]:
    """The cell each core key reads in this row and its text, the ids of cells claimed, and
    whether the row is one cell across the whole grid (a note, not an indicator)."""
    owner: dict[str, Cell] = {}
    texts: dict[str, str] = {}
    claimed: dict[int, str] = {}
    first: Cell | None = None
    several = False
    width = len(row)
    for key, col in columns.core:
        cell = row[col] if col < width else None
        if cell is None:
            continue
        if first is None:
            first = cell
        elif cell is not first:
            several = True
        holder = claimed.get(id(cell))
        if holder is None:
            claimed[id(cell)] = key
        elif (holder, key) not in SHARED:
            continue
        owner[key] = cell
        texts[key] = cell.text.strip()
    note = first is not None and not several and len(columns.core) > 1
    return owner, texts, set(claimed), note


def _is_footer(owner: dict[str, Cell], texts: dict[str, str], r: int) -> bool:
    """A row with no indicator name whose category cells, new in this row, hold no category:
    a sign-off line (财政资金管理科室(盖章) 年 月 日) drawn inside the grid."""
    if texts.get("name"):
        return False
    fresh = [texts[key] for key in ("level1", "level2") if texts.get(key) and owner[key].row == r]
    return bool(fresh) and not any(category_levels(text) for text in fresh)


def read_row(
    table: Table, r: int, columns: GridColumns, fill: CategoryFill
) -> RawIndicator | None:
    """Row r as an indicator, or None for a placeholder of an empty category (no name,
    no value) or a note spanning the row. Updates `fill` either way."""
    row = table.grid[r]
    owner, texts, claimed, note = _owners(row, columns)
    if note or _is_footer(owner, texts, r):
        return None
    level1, level2 = texts.get("level1"), texts.get("level2")
    if level1:
        if level1 != fill.level1:
            fill.level2 = None
        fill.level1 = level1
    if level2:
        fill.level2 = level2
    name, raw = texts.get("name", ""), texts.get("value", "")
    if not name and not raw:
        return None
    extra: list[tuple[str, str]] = []
    for header, col in columns.extra:
        cell = row[col] if col < len(row) else None
        if cell is not None and id(cell) not in claimed:
            text = cell.text.strip()
            if text:
                extra.append((header, text))
    nature = " ".join([text for key in columns.natures if (text := texts.get(key))]) if columns.natures else ""
    unit = texts.get("unit")
    actual = texts.get("actual") or ("" if "actual" in columns.keys else None)
    return RawIndicator(
        level1=fill.level1,
        level2=fill.level2,
        name=name or None,
        description=texts.get("description") or None,
        raw=raw,
        basis=texts.get("basis") or None,
        location=Location(table.index, r),
        nature=nature or None,
        unit=unit if unit and unit.strip(_DASHES) else None,
        extra=tuple(extra),
        weight=texts.get("weight") or None,
        # a self-evaluation: the actual is "" (not None) where the table has the column but the cell is blank
        actual=actual,
        score=texts.get("score") or None,
        deviation=texts.get("deviation") or None,
    )
