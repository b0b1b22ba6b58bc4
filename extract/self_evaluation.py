"""A self-evaluation (绩效自评表): its kind, and per project the budget execution block, 总分 and 评价等级.

The indicator grid of a self-evaluation is read like a targets grid (indicator_grid
reads its 实际完成值 / 分值 / 得分 / 偏差原因 columns); this module reads what only a
self-evaluation has around it. Labels live in extract/vocab/self_evaluation.tsv.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from jixiao.extract.grid_header import header_keys
from jixiao.extract.model import Block, Cell, Paragraph, Table
from jixiao.extract.records import RawExecution, RawProject
from jixiao.extract.vocabulary import LabelTable, fold_label, money_units, read_table, words

EXECUTION_COLUMNS = ("budget_initial", "budget_adjusted", "executed", "rate", "weight", "score")
# A row naming at least this many of 年初预算数 / 全年预算数 / 全年执行数 / 执行率 heads the block.
_MIN_MONEY_HEADERS = 2
# Its 总额 row is among the few rows below it (总额, 其中：财政资金, 其他资金 …).
_BLOCK_ROWS = 6
SELF_EVALUATION = "self_evaluation"
TARGETS = "targets"
_MAX_HEADING = 40
_SENTENCE_END = "。；;，,："


@cache
def _labels() -> LabelTable:
    rows = tuple(row for row in read_table("self_evaluation.tsv") if row[0] != "report")
    return LabelTable(rows, prefixes=False)


def _key(cell: Cell | None) -> str | None:
    if cell is None or not cell.text.strip():
        return None
    found = _labels().match(cell.text)
    return found.key if found is not None and not found.inline else None


@dataclass(frozen=True, slots=True)
class _Finding:
    """Something read for a project, in document order: ("execution", RawExecution) or ("total_score", "95")."""

    table: int
    row: int
    kind: str
    value: object


def _unit(cells: Sequence[Cell]) -> str | None:
    units = money_units()
    for cell in cells:
        for note in fold_label(cell.text)[1]:
            if note in units:
                return note
    return None


def _execution_at(table: Table, r: int) -> _Finding | None:
    """The block whose header is row r (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), read
    from its total row (年度资金总额 / 总额), else the row right below the header."""
    header = table.row_cells(r)
    columns: dict[str, int] = {}
    below = r + 1
    for cell in header:
        key = _key(cell)
        if key in EXECUTION_COLUMNS and key not in columns and cell.row == r:
            columns[key] = cell.col
            below = max(below, r + cell.row_span)
    if len(columns.keys() & {"budget_initial", "budget_adjusted", "executed", "rate"}) < _MIN_MONEY_HEADERS:
        return None
    values_row = None
    for row in range(below, min(below + _BLOCK_ROWS, table.n_rows)):
        if any(_key(cell) == "total_row" for cell in table.row_cells(row)):
            values_row = row
            break
    if values_row is None and below < table.n_rows:
        first = table.grid[below][min(columns.values())]
        values_row = below if first is not None and _key(first) is None else None
    if values_row is None:
        return None

    def cell_text(key: str) -> str | None:
        col = columns.get(key)
        cell = table.grid[values_row][col] if col is not None else None
        if cell is None or cell.col != col:
            return None
        return cell.text.strip() or None

    unit = _unit(header) or _unit(table.row_cells(values_row))
    if unit is None:  # the label column merged down beside the block: 项目资金（万元）
        unit = _unit([c for c in table.grid[r] if c is not None and c.row < r])
    execution = RawExecution(*(cell_text(key) for key in EXECUTION_COLUMNS), unit=unit)
    return _Finding(table.index, r, "execution", execution)


def _score_column(table: Table) -> tuple[int, int] | None:
    """(header row, column) of the 得分 column of the table's indicator grid, where a 总分 row
    below the grid puts its total."""
    for r in range(table.n_rows):
        keys = header_keys(table.row_cells(r))
        if "value" in keys and "score" in keys:
            return r, keys["score"].col
    return None


def _labelled_at(table: Table, r: int, score_at: tuple[int, int] | None) -> list[_Finding]:
    """总分 and 评价等级 cells of row r: below the grid, the value in its 得分 column; else the next cell."""
    score_col = score_at[1] if score_at is not None and r > score_at[0] else None
    found = []
    cells = table.row_cells(r)
    for i, cell in enumerate(cells):
        key = _key(cell)
        if key not in ("total_score", "grade") or cell.row != r:
            continue
        if key == "total_score" and score_col is not None and score_col > cell.col:
            at = table.grid[r][score_col]  # left blank: no total, whatever the 分值 beside it says
            value = at.text.strip() if at is not None and at is not cell else None
        else:
            right = next((c for c in cells[i + 1:] if c.text.strip()), None)
            value = right.text.strip() if right is not None and _key(right) is None else None
        if value:
            found.append(_Finding(table.index, r, key, value))
    return found


def _findings(table: Table) -> list[_Finding]:
    score_at = _score_column(table)
    found: list[_Finding] = []
    for r in range(table.n_rows):
        execution = _execution_at(table, r)
        if execution is not None:
            found.append(execution)
        found.extend(_labelled_at(table, r, score_at))
    return found


def _says_self_evaluation(texts: Sequence[str]) -> bool:
    marks = words("self_evaluation.tsv", "report")
    return any(mark in "".join(text.split()) for text in texts for mark in marks)


def _is_heading(text: str) -> bool:
    """A short line that is not a sentence: a goals text saying "开展绩效自评" is not a title."""
    text = text.strip()
    return 0 < len(text) <= _MAX_HEADING and text[-1] not in _SENTENCE_END


def report_kind(title: str | None, blocks: Sequence[Block], projects: Sequence[RawProject]) -> str:
    """"self_evaluation" when the title (or a heading before or atop the first table) says
    绩效自评, or a project has a result column or an execution block; else "targets"."""
    texts = [title or ""]
    for block in blocks:
        if isinstance(block, Paragraph):
            if _is_heading(block.text):
                texts.append(block.text)
            continue
        texts.extend(cells[0].text for r in range(min(3, block.n_rows)) if len(cells := block.row_cells(r)) == 1)
        break
    has_results = any(i.actual is not None for p in projects for i in p.indicators)
    if has_results or any(p.execution is not None for p in projects) or _says_self_evaluation(texts):
        return SELF_EVALUATION
    return TARGETS


def with_results(blocks: Sequence[Block], projects: Sequence[RawProject]) -> tuple[RawProject, ...]:
    """The projects with their execution block, 总分 and 评价等级 filled where the tables print them.

    Projects whose table is the same get that table's blocks in order; the tables up to the
    next project's first table belong to the projects before it."""
    tables = [b for b in blocks if isinstance(b, Table)]
    firsts = sorted({p.table for p in projects})
    out = list(projects)
    for n, first in enumerate(firsts):
        end = firsts[n + 1] if n + 1 < len(firsts) else None
        found = [f for t in tables if t.index >= first and (end is None or t.index < end) for f in _findings(t)]
        members = [i for i, p in enumerate(projects) if p.table == first]
        for kind in ("execution", "total_score", "grade"):
            values = [f.value for f in found if f.kind == kind]
            for i, value in zip(members, values):
                out[i] = replace(out[i], **{kind: value})
    return tuple(out)
