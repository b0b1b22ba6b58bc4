"""An indicator grid's header: which grid column holds what.

Columns are named by their header label (extract/vocab/header_labels.tsv), then
checked against the rows below, because real tables label them loosely:
- a header may take two rows: 指标值 over "2021年实际实现值 | 预期2022年实现值", or
  区域目标值 over one column per county; one of the sub-columns is the target;
- the mid-term and the annual block may stand side by side (二级指标(长期) … 指标值(年度));
- the column headed 一级指标 may hold 二级 categories and the one headed 二级指标 the
  indicators' names (the 一级 level simply absent);
- a grid may have no levels at all (指标 | 指标权重 | 计量单位 | 指标性质 | 指标值).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from jixiao.extract.categories import category_levels
from jixiao.extract.model import Cell, Table
from jixiao.extract.vocabulary import field_labels, fold_label, header_labels, words

# A self-evaluation's result columns (实际完成值, 得分, 偏差原因分析), read into RawIndicator too.
SELF_EVALUATION_KEYS = ("actual", "score", "deviation")
# Keys that become RawIndicator fields, in the order a cell is claimed: a cell
# spanning two columns belongs to the first, except where SHARED allows both.
CORE_KEYS = ("level1", "level2", "name", "description", "value", "basis", "nature", "direction",
             "value_type", "unit", "weight") + SELF_EVALUATION_KEYS
SHARED = {("level1", "level2"), ("name", "description")}
IGNORED_KEYS = frozenset({"side"})
LEVEL_KEYS = ("level1", "level2", "name")
# Columns that each say something of the value's comparator or kind: 指标性质 (≥ 定性),
# 指标方向 (正向, =), 指标值类型 (定量/定性). normalize reads them together.
NATURE_KEYS = ("nature", "direction", "value_type")
# Project fields a one-row-per-indicator export prints as columns of the grid.
ROW_FIELD_KEYS = frozenset({
    "code", "name", "department", "department_name", "implementer", "purpose", "goal", "goal_midterm",
    "budget_total", "budget_overall", "budget_all_fiscal", "budget_fiscal", "budget_other",
})
# How many rows below a header are looked at to see what its columns hold.
_SAMPLE_ROWS = 40


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
    last_row: int = -1
    """The header's last row (a sub-header row below `header_row`); -1 when it has one row."""
    long_term: GridColumns | None = None
    """The mid-term / 长期 block beside the annual one, read into long_term_indicators."""
    natures: tuple[str, ...] = ()
    """The op columns the grid has, of NATURE_KEYS: read together, joined by a space."""
    fields: tuple[tuple[str, int], ...] = ()
    """Project field columns of a one-row-per-indicator export (项目名称 | 预算数 | 年度目标 | 一级指标 …):
    field key -> grid column, read again on every row."""

    @property
    def end(self) -> int:
        """The last row that belongs to the header."""
        return max(self.header_row, self.last_row)


@cache
def _grid_words(kind: str) -> tuple[str, ...]:
    return words("grid_words.tsv", kind)


def _says(text: str, kind: str) -> bool:
    folded = fold_label(text)[0] + "".join(fold_label(text)[1])
    return any(word in folded for word in _grid_words(kind))


def header_keys(cells: tuple[Cell, ...]) -> dict[str, Cell]:
    """Header keys of a row's distinct cells (first cell per key)."""
    keys: dict[str, Cell] = {}
    match = header_labels().match
    for cell in cells:
        if cell.text.strip():
            found = match(cell.text)
            if found is not None and found.key not in keys:
                keys[found.key] = cell
    return keys


def is_near_header(cells: tuple[Cell, ...]) -> bool:
    """A row (its distinct cells) names indicator columns but lacks what a grid needs (say, 指标值)."""
    keys = header_keys(cells)
    return len(keys.keys() & {"level1", "level2", "name", "value"}) >= 2


def _sub_cells(table: Table, cells: tuple[Cell, ...], r: int) -> dict[int, list[Cell]]:
    """Cells of row r+1 that sub-divide a header cell of row r spanning several columns,
    by the header cell's column; {} when row r+1 is no sub-header row."""
    below = r + 1
    if below >= table.n_rows or not any(cell.row_span > 1 for cell in cells):
        return {}
    parents = [cell for cell in cells if cell.col_span > 1]
    subs: dict[int, list[Cell]] = {}
    for cell in table.row_cells(below):
        if cell.row != below:
            continue
        parent = next((p for p in parents if p.col <= cell.col < p.col + p.col_span), None)
        if parent is None:
            return {}
        subs.setdefault(parent.col, []).append(cell)
    return subs


def _target_column(subs: list[Cell]) -> Cell:
    """The sub-column of a value header that holds this year's target: one that says so
    (预期, 目标 …), else the first that is not a past result (2021年实际实现值), else the first."""
    for sub in subs:
        if _says(sub.text, "target"):
            return sub
    return next((sub for sub in subs if not _says(sub.text, "past")), subs[0])


def _labelled_columns(
    cells: tuple[Cell, ...], subs: dict[int, list[Cell]], r: int
) -> tuple[list[tuple[str, int, str]], list[tuple[str, int]], list[str]]:
    """(key, column, header text) of the known columns, (header, column) of the others, unknown headers."""
    match = header_labels().match
    labelled: list[tuple[str, int, str]] = []
    extra: list[tuple[str, int]] = []
    unknown: list[str] = []
    for cell in cells:
        text = cell.text.strip()
        if not text or cell.row != r:
            continue
        found = match(text)
        children = subs.get(cell.col, [])
        if found is None:
            if not children:
                extra.append((text, cell.col))
                unknown.append(text)
                continue
            # a header no table knows over sub-headers that say what they are
            for sub in children:
                sub_found = match(sub.text)
                if sub_found is not None:
                    labelled.append((sub_found.key, sub.col, f"{text}/{sub.text.strip()}"))
                else:
                    extra.append((f"{text}/{sub.text.strip()}", sub.col))
            continue
        if not children:
            labelled.append((found.key, cell.col, text))
            continue
        chosen = _target_column(children) if found.key == "value" else children[0]
        labelled.append((found.key, chosen.col, f"{text}/{chosen.text.strip()}"))
        extra.extend((f"{text}/{sub.text.strip()}", sub.col) for sub in children if sub is not chosen)
    return labelled, extra, unknown


def _blocks(labelled: list[tuple[str, int, str]]) -> list[list[tuple[str, int, str]]]:
    """The labelled columns split where a key repeats (a second 三级指标 … 指标值 block)."""
    blocks: list[list[tuple[str, int, str]]] = [[]]
    for item in sorted(labelled, key=lambda item: item[1]):
        if any(key == item[0] for key, _, _ in blocks[-1]) and item[0] not in IGNORED_KEYS:
            blocks.append([])
        blocks[-1].append(item)
    return blocks


def _annual_and_long_term(
    labelled: list[tuple[str, int, str]],
) -> tuple[list[tuple[str, int, str]], list[tuple[str, int, str]] | None]:
    """The annual block's columns and the mid-term block's, when the header has two.

    A block says which it is in its headers (指标值(长期), 指标值(年度)); where none
    says, the last block is the annual one, as the templates print them.
    """
    counts = Counter(key for key, _, _ in labelled)
    if counts["name"] < 2 and counts["level2"] < 2:
        return labelled, None  # one block; a second 指标值-like column alone is kept as extra
    blocks = _blocks(labelled)
    shared = [item for item in blocks[0] if counts[item[0]] == 1]
    own = [[item for item in block if counts[item[0]] > 1] for block in blocks]
    annual = next((i for i, block in enumerate(own) if any(_says(t, "annual") for _, _, t in block)), None)
    midterm = next((i for i, block in enumerate(own) if any(_says(t, "midterm") for _, _, t in block)), None)
    if annual is None:
        annual = len(own) - 1 if midterm != len(own) - 1 else 0
    other = midterm if midterm is not None and midterm != annual else (0 if annual else 1)
    return shared + own[annual], shared + own[other]


def _column_texts(table: Table, start: int, col: int) -> list[str]:
    texts = []
    for r in range(start, min(table.n_rows, start + _SAMPLE_ROWS)):
        cell = table.grid[r][col] if col < len(table.grid[r]) else None
        if cell is not None and cell.row == r and cell.text.strip():
            texts.append(cell.text)
    return texts


def _content_level(texts: list[str]) -> str | None:
    """What a column headed 一级/二级指标 really holds: "level1", "level2", "name", or None (empty)."""
    if not texts:
        return None
    levels = [category_levels(text) for text in texts]
    if sum(1 for found in levels if not found) * 2 > len(texts):
        return "name"
    if any(found == {2} for found in levels) and not any(found == {1} for found in levels):
        return "level2"
    return "level1"


def _relabel_levels(table: Table, start: int, labelled: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Without a 三级指标 column, name the 一级/二级 columns by what they hold: the column of
    indicator names is `name`, and categories that are 二级 ones are `level2`."""
    if any(key == "name" for key, _, _ in labelled):
        return labelled
    held = {col: _content_level(_column_texts(table, start, col))
            for key, col, _ in labelled if key in ("level1", "level2")}
    found = [h for h in held.values() if h is not None]
    if not found or len(found) != len(set(found)):
        return labelled
    return [(held.get(col) or key, col, text) if key in ("level1", "level2") else (key, col, text)
            for key, col, text in labelled]


def _side_as_name(labelled: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """A 绩效指标 header that is not the grid's side label but a column of its own holds the names."""
    keys = {key for key, _, _ in labelled}
    if "name" in keys or "side" not in keys:
        return labelled
    first = min(col for _, col, _ in labelled)
    return [("name" if key == "side" and col > first else key, col, text) for key, col, text in labelled]


def _columns(
    r: int, last_row: int, labelled: list[tuple[str, int, str]],
    extra: list[tuple[str, int]], unknown: list[str], long_term: GridColumns | None = None,
) -> GridColumns:
    first_of: dict[str, int] = {}
    for key, col, _ in labelled:
        first_of.setdefault(key, col)
    core = [(key, first_of[key]) for key in CORE_KEYS if key in first_of]
    claimed = {col for _, col in core}
    first_core = min((col for _, col in core), default=0)
    others = [(text, col) for key, col, text in labelled if col not in claimed and key not in IGNORED_KEYS]
    kept_extra = tuple((text, col) for text, col in [*others, *extra] if col > first_core)
    keys = frozenset(key for key, _, _ in labelled)
    # a header left of the grid is its side label (年度绩效目标(90分)), not an unknown column
    unknown_kept = tuple(text for text in unknown if any(t == text for t, _ in kept_extra))
    natures = tuple(key for key in NATURE_KEYS if key in first_of)
    return GridColumns(r, tuple(core), tuple(sorted(kept_extra, key=lambda e: e[1])), unknown_kept,
                       keys, last_row, long_term, natures)


def _unknown_as_levels(
    table: Table, start: int, labelled: list[tuple[str, int, str]], extra: list[tuple[str, int]]
) -> tuple[list[tuple[str, int, str]], list[tuple[str, int]]]:
    """An unreadable header (a garbled 绩效指标分类) over a column of categories left of the
    names is a level column all the same."""
    keys = {key for key, _, _ in labelled}
    first = min((col for key, col, _ in labelled if key in ("name", "side", "value")), default=0)
    kept = []
    for text, col in extra:
        held = _content_level(_column_texts(table, start, col)) if col < first else None
        if held in ("level1", "level2") and held not in keys:
            labelled.append((held, col, text))
            keys.add(held)
        else:
            kept.append((text, col))
    return labelled, kept


def _values_under_unknown_headers(
    labelled: list[tuple[str, int, str]], extra: list[tuple[str, int]]
) -> tuple[list[tuple[str, int, str]] | None, list[tuple[str, int]]]:
    """A grid with no 指标值 header whose values stand under headers no table lists, right of
    every known column (one column per town: 笏石街道办 | 埭头镇): the first of them is the value."""
    last_known = max(col for _, col, _ in labelled)
    after = [(text, col) for text, col in extra if col > last_known]
    if not after:
        return None, extra
    text, col = after[0]
    return [*labelled, ("value", col, text)], [e for e in extra if e != after[0]]


def find_header(table: Table, cells: tuple[Cell, ...], r: int) -> GridColumns | None:
    """Row r (its distinct cells) read as an indicator header, or None when it is not one."""
    keys = header_keys(cells)
    if not keys.keys() & {"level1", "level2", "name", "side", "description"}:
        return None
    if "value" not in keys and "name" not in keys:
        return None
    subs = _sub_cells(table, cells, r)
    # A batch repeats its templates' headers: one that reads no row below it is read once.
    signature = None if subs else tuple((c.text, c.col, c.col_span, c.row == r) for c in cells)
    if signature is not None and (known := _HEADERS.get(signature)) is not None:
        return _at_row(known, r)
    last_row = r + 1 if subs else -1
    labelled, extra, unknown = _labelled_columns(cells, subs, r)
    if "value" not in keys:
        labelled, extra = _values_under_unknown_headers(labelled, extra)
        if labelled is None:
            return None
    first_data = max(r, last_row) + 1
    first = min((col for key, col, _ in labelled if key in ("name", "side", "value")), default=0)
    reads_rows = "name" not in keys or any(col < first for _, col in extra)  # see the two steps below
    labelled, extra = _unknown_as_levels(table, first_data, labelled, extra)
    labelled = _side_as_name(_relabel_levels(table, first_data, labelled))
    annual, other = _annual_and_long_term(labelled)
    long_term = _columns(r, last_row, other, [], []) if other else None
    columns = _columns(r, last_row, annual, extra, unknown, long_term)
    row_fields = _row_fields(cells, columns)
    columns = replace(columns, fields=row_fields) if row_fields else columns
    if signature is not None and not reads_rows:
        if len(_HEADERS) >= _MAX_HEADERS:
            _HEADERS.clear()
        _HEADERS[signature] = columns
    return columns


_HEADERS: dict[tuple[tuple[str, int, int, bool], ...], GridColumns] = {}
_MAX_HEADERS = 256


def _at_row(columns: GridColumns, r: int) -> GridColumns:
    """A header read at another row, moved to row r."""
    if columns.header_row == r:
        return columns
    long_term = replace(columns.long_term, header_row=r) if columns.long_term is not None else None
    return replace(columns, header_row=r, long_term=long_term)


def _row_fields(cells: tuple[Cell, ...], columns: GridColumns) -> tuple[tuple[str, int], ...]:
    """Project field columns left of the grid (项目名称 | 预算数 | 年度目标 | 一级指标 …)."""
    first_core = min(col for _, col in columns.core)
    found: dict[str, int] = {}
    for cell in cells:
        if cell.col >= first_core or not cell.text.strip() or header_labels().match(cell.text) is not None:
            continue
        match = field_labels().match(cell.text)
        if match is not None and match.key in ROW_FIELD_KEYS and not match.inline:
            found.setdefault(match.key, cell.col)
    if not found.keys() & {"code", "name", "department_name"}:
        return ()  # a side label (年度绩效目标(90分)), not a project's columns
    return tuple(found.items())


def _value_likeness(texts: list[str]) -> float:
    return sum(any(ch.isdigit() or ch in "%％≥≤><" for ch in text) for text in texts) / len(texts) if texts else 0.0


def infer_header(table: Table, r: int) -> GridColumns | None:
    """A grid whose header no table lists, found by what its rows hold: from row r down, columns
    of categories (产出指标, 数量指标), then a column of names, then values. None when the
    rows do not read so."""
    held = {col: _content_level(_column_texts(table, r, col)) for col in range(table.n_cols)}
    levels = [col for col in sorted(held) if held[col] in ("level1", "level2")]
    if not levels:
        return None
    names = [col for col in sorted(held) if col > levels[-1] and held[col] == "name"]
    if not names:
        return None
    name = names[0]
    after = [col for col in names[1:] if table.grid[r][col] is not table.grid[r][name]]
    if not after:
        return None
    value = max(after, key=lambda col: (_value_likeness(_column_texts(table, r, col)), -col))
    labelled = [(held[col] or "level1", col, "") for col in levels] + [("name", name, ""), ("value", value, "")]
    keys = [key for key, _, _ in labelled]
    if len(keys) != len(set(keys)):
        return None
    return _columns(r - 1, -1, labelled, [], [])
