"""Read a w:tbl into a Table: rows and cells in order, through row- and cell-level content controls."""

from __future__ import annotations

from typing import TypeAlias

from lxml import etree

from jixiao.extract.exceptions import ResourceLimitExceeded
from jixiao.extract.model import Block, Table
from jixiao.extract.ooxml.context import ReadContext
from jixiao.extract.ooxml.merged_cells import GridTooLarge, RawCell, RawRow, resolve_grid
from jixiao.extract.ooxml.namespaces import WordNames
from jixiao.extract.ooxml.paragraphs import NO_BLOCKS, read_paragraph
from jixiao.extract.ooxml.wrappers import sdt_content

Merges: TypeAlias = dict[etree._Element, tuple[int, "str | None", "str | None"]]
"""w:tcPr -> its (w:gridSpan, w:vMerge, w:hMerge)."""
NO_MERGE = (1, None, None)


def read_table(tbl: etree._Element, ctx: ReadContext) -> Table:
    """A table; top-level tables are numbered in reading order, a nested one carries its top-level table's index."""
    top_level = ctx.cell_depth == 0
    if top_level:
        index = ctx.table_count
        ctx.table_count += 1
        outer, ctx.top_table = ctx.top_table, index
    else:
        index = ctx.top_table
    rows: list[RawRow] = []
    grid_columns = _read_rows(tbl, ctx, rows, _cell_merges(tbl, ctx.n))
    if top_level:
        ctx.top_table = outer
    try:
        grid = resolve_grid(rows, grid_columns)
    except GridTooLarge as e:
        raise ResourceLimitExceeded(
            ctx.path, f"table {index + 1} has {e.rows} rows spanning {e.positions} cells: too large to be a real table"
        ) from None
    return Table(index, grid)


def _read_rows(container: etree._Element, ctx: ReadContext, rows: list[RawRow], merges: Merges) -> int:
    """Append the rows under `container` (a w:tbl, or a row-level w:sdt/w:customXml); return the w:tblGrid width."""
    n = ctx.n
    ctx.visits += len(container)
    grid_columns = 0
    for child in container:
        tag = child.tag
        if tag == n.tr:
            row = _read_row(child, ctx, merges)
            if row is not None:
                rows.append(row)
        elif tag == n.tblGrid:
            grid_columns = sum(1 for col in child if col.tag == n.gridCol)
        elif tag == n.sdt:
            content = sdt_content(child, n)
            if content is not None:
                _read_rows(content, ctx, rows, merges)
        elif tag == n.customXml:
            _read_rows(child, ctx, rows, merges)
    return grid_columns


def _read_row(tr: etree._Element, ctx: ReadContext, merges: Merges) -> RawRow | None:
    """A row, or None for a row deleted with tracked changes on (accepting them removes it)."""
    n = ctx.n
    before = after = 0
    cells: list[RawCell] = []
    ctx.visits += len(tr)
    for child in tr:
        tag = child.tag
        if tag == n.tc:
            cells.append(_read_cell(child, ctx, merges))
        elif tag == n.trPr:
            for prop in child:
                if prop.tag == n.gridBefore:
                    before = _int(prop.get(n.val))
                elif prop.tag == n.gridAfter:
                    after = _int(prop.get(n.val))
                elif prop.tag == n.del_:
                    return None
        elif tag == n.sdt or tag == n.customXml:
            _read_cells(child, ctx, cells, merges)
    return (before, after, cells)


def _read_cells(wrapper: etree._Element, ctx: ReadContext, cells: list[RawCell], merges: Merges) -> None:
    """Cells inside a cell-level w:sdt or w:customXml, in place, so the cells after them keep their columns."""
    n = ctx.n
    content = sdt_content(wrapper, n) if wrapper.tag == n.sdt else wrapper
    if content is None:
        return
    ctx.visits += len(content)
    for child in content:
        if child.tag == n.tc:
            cells.append(_read_cell(child, ctx, merges))
        elif child.tag == n.sdt or child.tag == n.customXml:
            _read_cells(child, ctx, cells, merges)


def _read_cell(tc: etree._Element, ctx: ReadContext, merges: Merges) -> RawCell:
    n = ctx.n
    tcpr_tag, p_tag = n.tcPr, n.p
    tcpr = only_p = None
    count = 0
    for child in tc:
        count += 1
        tag = child.tag
        if tag == tcpr_tag:
            tcpr = child
        elif tag == p_tag:
            only_p = child
    if tcpr is None:
        span, vmerge, hmerge = NO_MERGE
    else:
        count -= 1
        span, vmerge, hmerge = merges.get(tcpr, NO_MERGE)
    if count == 1 and only_p is not None and ctx.plain:
        # The usual cell, one paragraph: skip the block dispatch. A plain block holds no text
        # box, so no table can start inside and cell_depth need not change.
        ctx.visits += 1
        paragraph = read_paragraph(only_p, ctx)[0]
        return (span, vmerge, hmerge, NO_BLOCKS if paragraph is None else (paragraph,))
    blocks: list[Block] = []
    ctx.cell_depth += 1
    ctx.read_blocks(tc, ctx, blocks)
    ctx.cell_depth -= 1
    return (span, vmerge, hmerge, blocks)


def _cell_merges(tbl: etree._Element, n: WordNames) -> Merges:
    """(w:gridSpan, w:vMerge, w:hMerge) of each w:tcPr of `tbl` that holds any, the others being NO_MERGE.

    Most cells hold none, so one C-level scan for the three names replaces a Python loop over
    every cell's properties; each w:tcPr proxy stays referenced, so the cell reader meets the same object.
    """
    merges: Merges = {}
    grid_span, v_merge = n.gridSpan, n.vMerge
    for prop in tbl.iter(grid_span, v_merge, n.hMerge):
        tcpr = prop.getparent()
        span, vmerge, hmerge = merges.get(tcpr, NO_MERGE)
        tag = prop.tag
        if tag == grid_span:
            span = _int(prop.get(n.val), 1)
        elif tag == v_merge:
            vmerge = _merge(prop.get(n.val))
        else:
            hmerge = _merge(prop.get(n.val))
        merges[tcpr] = (span, vmerge, hmerge)
    return merges


def _merge(value: str | None) -> str:
    # ECMA-376 17.4.85: a w:vMerge without w:val continues the merge.
    return "restart" if value == "restart" else "continue"


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default

