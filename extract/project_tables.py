"""Projects in a report's tables, found by their labels in whatever layout the office used.

A table may hold one project (the seed, the MoF 项目支出绩效目标表, the budget-system
export), several (the field block repeats), or the rest of the previous table's
project (it starts with the indicator header and names no new project). Tables
that hold no project labels are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from jixiao.extract.categories import category_levels
from jixiao.extract.grid_header import infer_header
from jixiao.extract.indicator_grid import CategoryFill, GridColumns, find_header, is_near_header, read_row
from jixiao.extract.model import Block, Cell, Location, Paragraph, Table, Warning
from jixiao.extract.project_fields import (
    UNKNOWN_KEY, FieldEntry, field_label, field_row, leftmost_is_field_label,
)
from jixiao.extract.records import RawIndicator, RawProject
from jixiao.extract.vocabulary import money_units, read_table, words

IDENTITY_KEYS = frozenset({"code", "name", "department_name"})
# Fields a paragraph before a table may give ("项目名称：X", "单位：万元"); a goal or
# purpose in running text is goals prose, not a table field.
PARAGRAPH_KEYS = frozenset({"code", "name", "department", "implementer", "unit_note"})
# "单位名称：X　　　　金额单位：万元": several fields in one paragraph, parted by wide spaces.
_FIELD_GAP = re.compile(r"[\s\u3000]{2,}")
BUDGET_KEYS = ("budget_group", "budget_total", "budget_overall", "budget_all_fiscal", "budget_midterm",
               "budget_fiscal", "budget_other", "unit_note")
# Labels that say a column of the money block is the mid-term one (中期资金总额 | 年度资金总额):
# the 财政拨款 / 其他资金 below it are mid-term figures, not the year's budget.
MIDTERM_KEYS = frozenset({"budget_midterm"})
ANNUAL_KEYS = frozenset({"budget_total", "budget_overall", "budget_all_fiscal"})
# Keys of facts the contract does not carry: a table holding only these is no project.
INFO_KEYS = frozenset({"info", "unit_note", "subtotal", "parent_name", UNKNOWN_KEY})


@cache
def _layouts() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((row[0], frozenset(row[1].split())) for row in read_table("layouts.tsv"))


@dataclass(slots=True)
class _Draft:
    """A project while its rows are read."""

    table: int
    defaults: dict[str, str | None] = field(default_factory=dict)
    """Fields named in paragraphs before the table; the table's own cells win."""
    fields: dict[str, str | None] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    guessed: set[str] = field(default_factory=set)
    """Keys read from a label by its words (field_words.tsv); a listed label overrides them."""
    indicators: list[RawIndicator] = field(default_factory=list)
    long_term: list[RawIndicator] = field(default_factory=list)
    columns: GridColumns | None = None
    fill: CategoryFill = field(default_factory=CategoryFill)
    long_fill: CategoryFill = field(default_factory=CategoryFill)
    last_row: int = 0
    periods: list[tuple[int, bool]] = field(default_factory=list)
    """(column, is mid-term) of the money labels that head a period's column, left to right."""
    row_identity: tuple[str, ...] | None = None
    """In a one-row-per-indicator export, the name and code this project's rows carry."""

    def _in_midterm_column(self, entry: FieldEntry) -> bool:
        midterm = False
        for col, is_midterm in self.periods:
            if col > entry.col:
                break
            midterm = is_midterm
        return midterm

    def add(self, entries: Sequence[FieldEntry]) -> None:
        if any(e.key in MIDTERM_KEYS for e in entries) and any(e.key in ANNUAL_KEYS for e in entries):
            self.periods = sorted((e.col, e.key in MIDTERM_KEYS) for e in entries if e.key in MIDTERM_KEYS | ANNUAL_KEYS)
        for entry in entries:
            if self.periods and entry.key not in MIDTERM_KEYS and self._in_midterm_column(entry):
                entry = replace(entry, key="midterm_" + entry.key)
            self.keys.add(entry.key)
            self.last_row = entry.row
            if entry.unit and entry.key in BUDGET_KEYS:
                self.units.append(entry.unit)
            if entry.key == "unit_note" and entry.value in money_units():
                self.units.append(entry.value)
            elif entry.value is not None and entry.key != UNKNOWN_KEY and (
                    not self.fields.get(entry.key) or (entry.key in self.guessed and entry.label is None)):
                self.fields[entry.key] = entry.value
                if entry.label is not None:
                    self.guessed.add(entry.key)
                else:
                    self.guessed.discard(entry.key)

    def is_new_project(self, entries: Sequence[FieldEntry]) -> bool:
        """A field row naming a project again, or after this one's grid, starts the next one."""
        keys = {e.key for e in entries}
        if keys & IDENTITY_KEYS & self.fields.keys():
            return True
        return bool(self.indicators) and bool(keys & IDENTITY_KEYS)

    def has_content(self) -> bool:
        return bool(self.indicators) or bool(self.keys - INFO_KEYS)


@dataclass(frozen=True, slots=True)
class ProjectScan:
    """The projects of a document, the warnings met, and the block index of the first
    project table (where the goals text ends), or None when there is none."""

    projects: tuple[RawProject, ...]
    warnings: tuple[Warning, ...]
    first_block: int | None


def _layout(keys: set[str]) -> str:
    return next((name for name, wanted in _layouts() if keys & wanted), "generic")


def _finish(draft: _Draft) -> RawProject:
    f = draft.defaults | {k: v for k, v in draft.fields.items() if v}
    dept_name = f.get("department_name")
    name = f.get("name") or (dept_name + words("report_words.tsv", "department_project")[0] if dept_name else None)
    return RawProject(
        code=f.get("code") or None,
        name=name or None,
        department=f.get("department") or dept_name or None,
        purpose=f.get("purpose") or None,
        goal=f.get("goal") or None,
        budget_total=(f.get("budget_total") or f.get("budget_all_fiscal") or f.get("budget_overall")
                      or f.get("budget_group") or None),
        budget_fiscal=f.get("budget_fiscal") or f.get("budget_all_fiscal") or None,
        budget_other=f.get("budget_other") or None,
        budget_unit=draft.units[0] if draft.units else None,
        spending_plan=(f.get("q1") or None, f.get("q2") or None, f.get("q3") or None, f.get("q4") or None),
        indicators=tuple(draft.indicators),
        table=draft.table,
        layout=_layout(draft.keys),
        budget_midterm=f.get("budget_midterm") or None,
        long_term_indicators=tuple(draft.long_term),
    )


def _scan_table(
    table: Table, previous: _Draft | None, pending: list[FieldEntry], warnings: list[Warning]
) -> list[_Draft]:
    """The drafts this table starts; rows that continue `previous` are added to it.

    `pending` holds fields from the paragraphs just before the table; the first
    project the table starts takes them.
    """
    drafts: list[_Draft] = []
    draft: _Draft | None = None

    def start() -> _Draft:
        new = _Draft(table.index, defaults={e.key: e.value for e in pending if e.value})
        new.units.extend(e.value for e in pending if e.key == "unit_note" and e.value in money_units())
        pending.clear()
        drafts.append(new)
        return new

    header_end = -1
    for r in range(table.n_rows):
        if r <= header_end:
            continue  # the sub-header row of a two-row header
        cells = table.row_cells(r)  # once per row: every test below reads the same cells
        if not any(cell.text.strip() for cell in cells):
            continue
        columns = find_header(table, cells, r)
        if columns is not None:
            header_end = columns.end
            if draft is None:
                resume = previous is not None and previous.columns is not None and not pending
                draft = previous if resume and previous is not None else start()
            if draft.columns is None:
                # a new grid; a repeated header keeps the categories
                draft.fill, draft.long_fill = CategoryFill(), CategoryFill()
            draft.columns = columns
            draft.keys |= columns.keys
            for header in columns.unknown:
                warnings.append(Warning(
                    "label_unknown", f"indicator column {header!r} is not a known header; kept as extra",
                    Location(table.index, r)))
            continue
        in_grid = draft is not None and draft.columns is not None
        in_fields = (draft is None or draft is not previous) and not in_grid
        entries = (field_row(table, r, cells, unlisted=in_fields)
                   if not in_grid or leftmost_is_field_label(cells, r) else ())
        if (in_fields and draft is not None and all(e.label is not None for e in entries)
                and _opens_with_category(cells, r) and (inferred := infer_header(table, r)) is not None):
            # no listed field label, but categories (产出指标 …): a grid under a header no table lists
            draft.columns, in_grid, entries = inferred, True, ()
            draft.fill, draft.long_fill = CategoryFill(), CategoryFill()
            warnings.append(Warning(
                "label_unknown", "indicator grid read by what its rows hold: no known header "
                "(一级指标 … 指标值) above it; check its columns", Location(table.index, r)))
        if draft is None:
            # before any project, a label no table lists may only name one (专项名称金 | X)
            entries = tuple(e for e in entries if e.label is None or e.key in IDENTITY_KEYS)
        if entries:
            if draft is None or draft is previous or draft.is_new_project(entries):
                draft = start()
            draft.columns = None
            draft.add(entries)
            warnings.extend(_unlisted_warning(e, table.index) for e in entries if e.label is not None)
        elif in_grid:
            assert draft is not None and draft.columns is not None
            indicator = read_row(table, r, draft.columns, draft.fill)
            if indicator is not None and draft.columns.fields:
                draft = _row_project(draft, table, r, start)
            if indicator is not None:
                draft.indicators.append(indicator)
            if draft.columns.long_term is not None:
                long_term = read_row(table, r, draft.columns.long_term, draft.long_fill)
                if long_term is not None:
                    draft.long_term.append(long_term)
    return drafts


def _row_project(draft: _Draft, table: Table, r: int, start) -> _Draft:
    """The project row r belongs to in a one-row-per-indicator export: this draft while the row
    names the same project, else a new one with the row's fields. Without a 项目名称 column the
    单位(专项)名称 column names the project."""
    columns = draft.columns
    assert columns is not None
    values: dict[str, str] = {}
    for key, col in columns.fields:
        cell = table.grid[r][col] if col < table.n_cols else None
        if cell is not None and cell.text.strip():
            values[key] = cell.text.strip()
    if "name" not in dict(columns.fields) and "department_name" in values:
        values["name"] = values.pop("department_name")
    identity = (values.get("name", ""), values.get("code", ""))
    if draft.row_identity is None and not draft.indicators:
        current = draft
    elif identity == draft.row_identity:
        return draft
    else:
        current = start()
        current.units = list(draft.units)
        current.columns, current.keys = columns, set(columns.keys)
    current.row_identity = identity
    cols = dict(columns.fields)
    current.add([FieldEntry(key, value, None, r, cols.get(key, cols.get("department_name", 0)))
                 for key, value in values.items()])
    return current


def _opens_with_category(cells: tuple[Cell, ...], r: int) -> bool:
    """Row r starts with a category label (产出指标, 数量指标) in one of its first cells."""
    return any(cell.row == r and category_levels(cell.text) for cell in cells[:3])


def _unlisted_warning(entry: FieldEntry, table: int) -> Warning:
    where = Location(table, entry.row)
    if entry.key == UNKNOWN_KEY:
        return Warning("field_unknown", f"field label {entry.label!r} is not in extract/vocab/field_labels.tsv; "
                       f"its value {entry.value!r} is not read", where)
    return Warning("field_unknown", f"field label {entry.label!r} is not in extract/vocab/field_labels.tsv; "
                   f"read as {entry.key} by its words (extract/vocab/field_words.tsv)", where)


def _check(draft: _Draft, project: RawProject) -> list[Warning]:
    where = Location(draft.table, draft.last_row)
    found: list[Warning] = []
    if draft.columns is None and not draft.indicators:
        found.append(Warning(
            "header_not_found", "project fields found but no indicator header (一级指标 … 指标值)", where))
    if project.code is None and project.name is None:
        found.append(Warning("project_incomplete", "project has neither 项目编码 nor 项目名称", where))
    return found


def _looks_like_project_table(table: Table) -> bool:
    rows = (table.row_cells(r) for r in range(table.n_rows))
    return any(
        any(e.key not in INFO_KEYS for e in field_row(table, r, cells)) or is_near_header(cells)
        for r, cells in enumerate(rows))


def _paragraph_fields(text: str) -> list[FieldEntry]:
    entries = []
    for part in _FIELD_GAP.split(text.strip()):
        match = field_label(part) if part else None
        if match is not None and match.inline and match.key in PARAGRAPH_KEYS:
            entries.append(FieldEntry(match.key, match.inline, match.unit, 0))
    return entries


def read_projects(blocks: Sequence[Block]) -> ProjectScan:
    """Every project in the document's top-level tables, in document order.

    A paragraph "项目名称：X" (or "单位：万元") just before a table applies to the
    project that table starts.
    """
    drafts: list[_Draft] = []
    warnings: list[Warning] = []
    pending: list[FieldEntry] = []
    first_block: int | None = None
    for position, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            found = _paragraph_fields(block.text)
            if found:
                pending.extend(found)
            elif block.text.strip():
                pending.clear()
            continue
        previous = drafts[-1] if drafts else None
        started = _scan_table(block, previous, pending, warnings)
        started = [d for d in started if d.has_content()]
        continued = previous is not None and any(i.location.table == block.index for i in previous.indicators)
        if started or continued:
            first_block = position if first_block is None else first_block
        elif _looks_like_project_table(block):
            warnings.append(Warning(
                "table_unrecognised", "table has project labels but no project could be read from it",
                Location(block.index, 0)))
        drafts.extend(started)
        pending.clear()
    projects = tuple(_finish(d) for d in drafts)
    for draft, project in zip(drafts, projects):
        warnings.extend(_check(draft, project))
    codes = Counter(p.code for p in projects if p.code)
    for code, n in codes.items():
        if n > 1:
            warnings.append(Warning("duplicate_project", f"project code {code} appears {n} times"))
    return ProjectScan(projects, tuple(warnings), first_block)
