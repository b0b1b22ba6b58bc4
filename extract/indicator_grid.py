"""A project's indicator grid: its header row, and each row below it read as a RawIndicator.

Columns are found by their header label (extract/vocab/header_labels.tsv), so
extra columns (权重, 备注 …), a side label column and columns in any order read
alike. Categories blank below their first row, or merged down, are filled down.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.model import Cell, Location, Table
from jixiao.extract.records import RawIndicator
from jixiao.extract.vocabulary import header_labels

# Keys that become RawIndicator fields, in the order a cell is claimed: a cell
# spanning two columns belongs to the first, except where SHARED allows both.
CORE_KEYS = ("level1", "level2", "name", "description", "value", "basis", "nature", "unit") + (
    "weight", "actual", "score", "deviation")
SHARED = {("level1", "level2"), ("name", "description")}
IGNORED_KEYS = frozenset({"side"})


@dataclass(frozen=True, slots=True)
class GridColumns:
    """Where each header sits: core key -> grid column; extra columns as (header, column)."""

    header_row: int
    core: tuple[tuple[str, int], ...]
    extra: tuple[tuple[str, int], ...]
    unknown: tuple[str, ...]
    """Headers no vocabulary table knows (kept as extra columns)."""
    keys: frozenset[str] = frozenset()
    """Every header key the row holds (权重 -> "weight" included)."""


def header_keys(cells: tuple[Cell, ...]) -> dict[str, Cell]:
    """Header keys of a row's distinct cells (first cell per key)."""
    keys: dict[str, Cell] = {}
    match = header_labels().match
    for cell in cells:
        text = cell.text
        if text.strip():
            found = match(text)
            if found is not None and found.key not in keys:
                keys[found.key] = cell
    return keys


def is_near_header(cells: tuple[Cell, ...]) -> bool:
    """A row (its distinct cells) names indicator columns but lacks what a grid needs (say, 指标值)."""
    keys = header_keys(cells)
    return len(keys.keys() & {"level1", "level2", "name", "value"}) >= 2


def find_header(cells: tuple[Cell, ...], r: int) -> GridColumns | None:
    """Row r (its distinct cells) read as an indicator header, or None when it is not one."""
    keys = header_keys(cells)
    if "value" not in keys or not keys.keys() & {"level1", "level2", "name"}:
        return None
    core = tuple((key, keys[key].col) for key in CORE_KEYS if key in keys)
    claimed = {id(keys[key]) for key in keys if key in CORE_KEYS or key in IGNORED_KEYS}
    extra: list[tuple[str, int]] = []
    unknown: list[str] = []
    first_core = min(col for _, col in core)
    for cell in cells:
        text = cell.text.strip()
        side = cell.row != r or cell.col + cell.col_span <= first_core
        if id(cell) in claimed or not text or side:
            continue
        extra.append((text, cell.col))
        if header_labels().match(text) is None:
            unknown.append(text)
    return GridColumns(r, core, tuple(extra), tuple(unknown), frozenset(keys))


@dataclass(slots=True)
class CategoryFill:
    """The level1/level2 categories in force, for filling down blank category cells."""

    level1: str | None = None
    level2: str | None = None


def _text(cell: Cell | None) -> str:
    return cell.text.strip() if cell is not None else ""


def read_row(
    table: Table, r: int, columns: GridColumns, fill: CategoryFill
) -> RawIndicator | None:
    """Row r as an indicator, or None for a placeholder of an empty category (no name,
    no value) or a note spanning the row. Updates `fill` either way."""
    row = table.grid[r]
    width = len(row)
    owner: dict[str, Cell] = {}
    claimed: dict[int, str] = {}
    first: Cell | None = None
    several = False
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
    if first is not None and not several and len(columns.core) > 1:
        return None  # one cell across the whole grid: a note, not an indicator

    level1, level2 = _text(owner.get("level1")), _text(owner.get("level2"))
    if level1:
        if level1 != fill.level1:
            fill.level2 = None
        fill.level1 = level1
    if level2:
        fill.level2 = level2
    name, raw = _text(owner.get("name")), _text(owner.get("value"))
    if not name and not raw:
        return None
    extra: list[tuple[str, str]] = []
    for header, col in columns.extra:
        cell = row[col] if col < width else None
        if cell is not None and id(cell) not in claimed:
            text = cell.text.strip()
            if text:
                extra.append((header, text))
    return RawIndicator(
        level1=fill.level1,
        level2=fill.level2,
        name=name or None,
        description=_text(owner.get("description")) or None,
        raw=raw,
        basis=_text(owner.get("basis")) or None,
        location=Location(table.index, r),
        nature=_text(owner.get("nature")) or None,
        unit=_text(owner.get("unit")) or None,
        extra=tuple(extra),
        **_result_fields(owner, columns),
    )


def _result_fields(owner: dict[str, Cell], columns: GridColumns) -> dict[str, str | None]:
    """权重 and a self-evaluation's 实际完成值 / 得分 / 偏差原因: text, or None when blank; the
    actual is "" (not None) when the table has the column but the cell is blank."""
    found = {key: _text(owner.get(key)) or None for key in ("weight", "actual", "score", "deviation")}
    if found["actual"] is None and any(key == "actual" for key, _ in columns.core):
        found["actual"] = ""
    return found
