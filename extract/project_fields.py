"""A project table's field block: labelled cells (项目名称, 第一季度 ...) and the values they label.

A label's value is the cell to its right, or, when a label stands in a row of
labels (第一季度 第二季度 …), the cell below it. Found by label, never by position.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.model import Cell, Table
from jixiao.extract.vocabulary import LabelMatch, field_labels, header_labels

TASK_TEXT_KEYS = ("task_name", "task_content")
# A sub-label standing between a label and its value (一般公共预算拨款 | 小计 | 1800).
PASS_THROUGH_KEYS = frozenset({"subtotal"})


@dataclass(frozen=True, slots=True)
class FieldEntry:
    """One labelled value of a field block; `value` None for a label without one (项目资金)."""

    key: str
    value: str | None
    unit: str | None
    row: int
    col: int = 0
    """Grid column of the label (mid-term and annual money sit in columns side by side)."""


def field_label(text: str) -> LabelMatch | None:
    """The field label a cell's text is, or None."""
    return field_labels().match(text) if text.strip() else None


def _is_label(cell: Cell | None) -> bool:
    if cell is None:
        return False
    return field_label(cell.text) is not None or header_labels().match(cell.text) is not None


def _value_below(table: Table, label: Cell) -> str | None:
    below_row = label.row + label.row_span
    if below_row >= table.n_rows:
        return None
    below = table.grid[below_row][label.col]
    if below is None or below.row != below_row or _is_label(below):
        return None
    return below.text.strip()


def _task_list(table: Table, label: Cell, sub_labels: tuple[Cell, ...]) -> str | None:
    """年度主要任务 merged down over 任务名称 | 主要内容 rows: one "task：content" line per row."""
    keys = {cell.col: field_label(cell.text) for cell in sub_labels}
    text_cols = [col for col, match in keys.items() if match is not None and match.key in TASK_TEXT_KEYS]
    lines = []
    for r in range(label.row + 1, label.row + label.row_span):
        parts = [table.grid[r][col].text.strip() for col in text_cols if table.grid[r][col] is not None]
        line = "：".join(part for part in parts if part)
        if line:
            lines.append(line)
    return "\n".join(lines) or None


def leftmost_is_field_label(cells: tuple[Cell, ...], r: int) -> bool:
    """True when the first non-empty cell of row r (given its distinct cells) starts in this row and is a field label."""
    for cell in cells:
        if cell.text.strip():
            return cell.row == r and field_label(cell.text) is not None
    return False


def field_row(table: Table, r: int, cells: tuple[Cell, ...]) -> tuple[FieldEntry, ...]:
    """The labelled values of row r (given its distinct cells); () when the row holds no field label."""
    entries: list[FieldEntry] = []
    for i, cell in enumerate(cells):
        if cell.row != r:
            continue  # a label merged down from a row above was read there
        match = field_label(cell.text)
        if match is None:
            continue
        right = cells[i + 1] if i + 1 < len(cells) else None
        right_match = field_label(right.text) if right is not None else None
        if right_match is not None and right_match.key in PASS_THROUGH_KEYS and i + 2 < len(cells):
            right = cells[i + 2]
            right_match = field_label(right.text)
        if match.inline:
            value: str | None = match.inline
        elif right is not None and not _is_label(right):
            value = right.text.strip()
        elif right_match is not None and right_match.key in TASK_TEXT_KEYS and cell.row_span > 1:
            value = _task_list(table, cell, cells[i + 1:])
        else:
            value = _value_below(table, cell)
        entries.append(FieldEntry(match.key, value, match.unit, r, cell.col))
    return tuple(entries)
