"""A project table's field block: labelled cells (项目名称, 第一季度 ...) and the values they label.

A label's value is the cell to its right, or, when a label stands in a row of
labels (第一季度 第二季度 …), the cell below it. Found by label, never by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jixiao.extract.model import Cell, Table
from jixiao.extract.vocabulary import LabelMatch, field_labels, fold_label, header_labels, read_table

# A cell no table lists is a label only when short, without digits or sentence punctuation.
_MAX_GUESSED_LABEL = 12
UNKNOWN_KEY = "unknown"
_MAX_HEADER_CELL = 6
_SENTENCE = re.compile(r"[,.;!?，。；、！？]")
TASK_TEXT_KEYS = ("task_name", "task_content")
# Labels that head a block of labels merged down beside them (项目资金 over 年度资金总额 …).
GROUP_KEYS = frozenset({"budget_group"})
# Money fields: their value is an amount, beside the label or, in a row of labels, under it.
MONEY_KEYS = frozenset({"budget_total", "budget_overall", "budget_all_fiscal", "budget_fiscal", "budget_other",
                        "budget_midterm"})
_AMOUNT = re.compile(r"\s*[0-9０-９]")
# Fields whose value is prose, written beside its label or under it.
PROSE_KEYS = frozenset({"goal", "goal_midterm", "purpose"})
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
    label: str | None = None
    """The label as written, when it was recognised by its words (field_words.tsv), not listed."""


def field_label(text: str) -> LabelMatch | None:
    """The field label a cell's text is, or None."""
    return field_labels().match(text) if text.strip() else None


@cache
def _field_words() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    rows = read_table("field_words.tsv")
    return tuple((key, tuple(needed.split()), tuple(w for w in excluded.split() if w != "-"))
                 for key, needed, excluded in rows)


def guess_field(text: str) -> str | None:
    """The field key a label no table lists says by its words (项目资金名称 → name), or None.

    """
    core = fold_label(text)[0]
    for key, needed, excluded in _field_words():
        if all(w in core for w in needed) and not any(w in core for w in excluded):
            return key
    return None


def _is_label(cell: Cell | None) -> bool:
    if cell is None:
        return False
    return field_label(cell.text) is not None or header_labels().match(cell.text) is not None


def _value_below(table: Table, label: Cell, *, same_width: bool = False) -> str | None:
    below_row = label.row + label.row_span
    if below_row >= table.n_rows:
        return None
    below = table.grid[below_row][label.col]
    if below is None or below.row != below_row or _is_label(below):
        return None
    if same_width and (below.col, below.col_span) != (label.col, label.col_span):
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


def _prose_below(table: Table, label: Cell, beside: str) -> str:
    """A goal's text: the cell beside its label, unless that is a short heading of another column
    (年度目标 | 年度总体目标完成情况) and the goal is written under the label."""
    if len(beside) > _MAX_HEADER_CELL * 2 or any(ch.isdigit() for ch in beside) or _SENTENCE.search(beside):
        return beside
    below = _value_below(table, label)
    return below if below and len(below) > len(beside) * 2 else beside


def _prose_rows(table: Table, label: Cell, right: Cell) -> str:
    """A goal written over the rows its label spans (本年度绩效目标 over 1.… and 2.…), one line each."""
    lines = []
    for r in range(label.row, label.row + label.row_span):
        cell = table.grid[r][right.col]
        if cell is not None and cell.row == r and cell.text.strip():
            lines.append(cell.text.strip())
    return "\n".join(lines)


def leftmost_is_field_label(cells: tuple[Cell, ...], r: int) -> bool:
    """True when the first non-empty cell of row r (given its distinct cells) starts in this row and is a field label."""
    for cell in cells:
        if cell.text.strip():
            return cell.row == r and field_label(cell.text) is not None
    return False


def _opens_row(cells: tuple[Cell, ...], i: int, r: int) -> bool:
    """Cell i is the row's first text, or follows only a money block's label merged down from
    above (项目金额(万元) | 其中:财政投款 | 2279.048)."""
    for cell in cells[:i]:
        if not cell.text.strip():
            continue
        match = field_label(cell.text)
        if cell.row == r or match is None or match.key not in GROUP_KEYS:
            return False
    return bool(cells[i].text.strip())


def _unlisted(cells: tuple[Cell, ...], i: int, r: int) -> FieldEntry | None:
    """The row's first cell read as a label no table lists, with the cell right of it as its
    value: key from its words (guess_field), else UNKNOWN_KEY; None when it is no label."""
    cell = cells[i]
    right = cells[i + 1] if i + 1 < len(cells) else None
    if cell.row != r or right is None or not right.text.strip() or _is_label(right):
        return None
    texts = [c.text.strip() for c in cells if c.text.strip()]
    if len(texts) >= 3 and all(len(t) <= _MAX_HEADER_CELL for t in texts):
        return None  # a row of short headings (an unknown grid header), not label | value
    text = cell.text.strip()
    core = fold_label(text)[0]
    if not core or len(core) > _MAX_GUESSED_LABEL or any(ch.isdigit() for ch in core) or _SENTENCE.search(core):
        return None
    return FieldEntry(guess_field(text) or UNKNOWN_KEY, right.text.strip(), None, r, cell.col, text)


def field_row(
    table: Table, r: int, cells: tuple[Cell, ...], *, unlisted: bool = False
) -> tuple[FieldEntry, ...]:
    """The labelled values of row r (given its distinct cells); () when the row holds no field label.

    With `unlisted`, a first cell no table lists is read as a label too (see `_unlisted`).
    """
    entries: list[FieldEntry] = []
    for i, cell in enumerate(cells):
        if cell.row != r:
            continue  # a label merged down from a row above was read there
        match = field_label(cell.text)
        if match is None:
            if unlisted and not entries and _opens_row(cells, i, r):
                if (entry := _unlisted(cells, i, r)) is not None:
                    entries.append(entry)
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
        elif right_match is not None and cell.row_span > 1:
            # a heading over labels beside it (总体目标 over 中期目标 | 年度目标), or the head of a
            # matrix whose figures stand under it (本年度预计投入 over 7 | 财政资金 …)
            value = _value_below(table, cell, same_width=True)
        elif right is None and cell.col_span == table.n_cols:
            value = None  # a section heading across the table (基本信息, 年度绩效目标)
        else:
            value = _value_below(table, cell)
        if match.key in MONEY_KEYS and value is not None and not _AMOUNT.match(value):
            # a row of money labels over a row of figures (资金来源 | 财政拨款 | 非税安排 … / 36 | 0 …)
            below = _value_below(table, cell, same_width=True)
            value = below if below is not None and _AMOUNT.match(below) else value
        if match.key in PROSE_KEYS and right is not None and value == right.text.strip():
            value = _prose_rows(table, cell, right) if cell.row_span > 1 else _prose_below(table, cell, value)
        entries.append(FieldEntry(match.key, value, match.unit, r, cell.col))
    return tuple(entries)
