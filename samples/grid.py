"""Indicator grid rows shared by the layouts: category merging, row features, header rows."""

from __future__ import annotations

from samples.blocks import Cell, Row
from samples.model import Indicator

Column = tuple[str, int]
"""(Indicator field, grid columns it spans)."""

CATEGORY_FIELDS = ("level1", "level2")


def header_row(labels: list[str], spans: list[int], *, lead: Cell | None = None) -> Row:
    """The 一级指标 二级指标 … row; Word repeats it on every page (w:tblHeader)."""
    cells = [Cell(label, span=span, bold=True, center=True) for label, span in zip(labels, spans)]
    return Row(([lead] if lead else []) + cells, header=True)


def indicator_rows(
    indicators: list[Indicator],
    columns: list[Column],
    *,
    categories: str = "merged",
    merge: tuple[str, ...] = ("level1",),
    lead: Cell | None = None,
) -> list[Row]:
    """One Row per indicator; fields in `merge` show once per run of equal values.

    categories: "merged" joins the run with w:vMerge, "blank" leaves the cells below the
    first empty (no merge), "repeated" writes the label on every row.
    """
    rows = []
    runs = {name: _runs(indicators, name) for name in merge}
    for i, indicator in enumerate(indicators):
        features = indicator.features()
        cells = []
        for name, span in columns:
            if name == "level2" and "span12" in features:
                continue  # level1's cell covers the level2 column too
            text = getattr(indicator, name)
            cell = Cell(text, span=span + (columns[1][1] if name == "level1" and "span12" in features else 0))
            if name in runs and categories != "repeated":
                first, length = runs[name][i]
                if length > 1 and categories == "merged":
                    cell.vmerge = "restart" if first else "continue"
                    cell.text = text if first else ""
                elif not first:
                    cell.text = ""
            if name == "value" and "sdt_value" in features:
                cell.sdt = True
            cells.append(cell)
        row = Row(([Cell("", span=lead.span, vmerge="continue")] if lead else []) + cells, sdt="sdt_row" in features)
        if "grid_before" in features:
            row.grid_before = row.cells.pop(0).span
        if "grid_after" in features:
            row.grid_after = row.cells.pop().span
        if "ragged" in features:
            row.cells.pop()
        rows.append(row)
    return rows


def _runs(indicators: list[Indicator], name: str) -> list[tuple[bool, int]]:
    """Per row: (starts a run of equal `name` values, length of that run)."""
    keys = []
    for indicator in indicators:
        key = tuple(getattr(indicator, f) for f in CATEGORY_FIELDS[: CATEGORY_FIELDS.index(name) + 1])
        keys.append(key if "span12" not in indicator.features() else ("span12", id(indicator)))
    out: list[tuple[bool, int]] = []
    i = 0
    while i < len(keys):
        j = i
        while j + 1 < len(keys) and keys[j + 1] == keys[i]:
            j += 1
        out.extend([(True, j - i + 1)] + [(False, j - i + 1)] * (j - i))
        i = j + 1
    return out


def label_rows(pairs: list[tuple[str, str]], label_span: int, value_span: int) -> list[Row]:
    """Simple `label | value` rows (项目名称, 绩效目标 …)."""
    return [
        Row([Cell(label, span=label_span, bold=True, center=True), Cell(value, span=value_span)]) for label, value in pairs
    ]


def merged_label_rows(label: str, label_span: int, pairs: list[tuple[str, str]], spans: tuple[int, int]) -> list[Row]:
    """`label` merged down over several `sub-label | value` rows (项目资金 / 年度资金总额 …)."""
    rows = []
    for i, (sub_label, value) in enumerate(pairs):
        first = i == 0
        lead = Cell(label if first else "", span=label_span, vmerge="restart" if first else "continue", bold=True, center=True)
        rows.append(Row([lead, Cell(sub_label, span=spans[0], center=True), Cell(value, span=spans[1], center=True)]))
    return rows
