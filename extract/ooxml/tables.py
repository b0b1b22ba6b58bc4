"""Read a w:tbl into a Table: rows and cells in order, through row- and cell-level content controls."""

from __future__ import annotations

from lxml import etree

from extract.exceptions import ResourceLimitExceeded
from extract.model import Block, Table
from extract.ooxml.context import ReadContext
from extract.ooxml.merged_cells import GridTooLarge, RawCell, RawRow, resolve_grid
from extract.ooxml.paragraphs import read_paragraph
from extract.ooxml.wrappers import sdt_content


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
    grid_columns = _read_rows(tbl, ctx, rows)
    if top_level:
        ctx.top_table = outer
    try:
        grid = resolve_grid(rows, grid_columns)
    except GridTooLarge as e:
        raise ResourceLimitExceeded(
            ctx.path, f"table {index + 1} has {e.rows} rows spanning {e.positions} cells: too large to be a real table"
        ) from None
    return Table(index, grid)


def _read_rows(container: etree._Element, ctx: ReadContext, rows: list[RawRow]) -> int:
    """Append the rows under `container` (a w:tbl, or a row-level w:sdt/w:customXml); return the w:tblGrid width."""
    n = ctx.n
    ctx.visits += len(container)
    grid_columns = 0
    for child in container:
        tag = child.tag
        if tag == n.tr:
            row = _read_row(child, ctx)
            if row is not None:
                rows.append(row)
        elif tag == n.tblGrid:
            grid_columns = sum(1 for col in child if col.tag == n.gridCol)
        elif tag == n.sdt:
            content = sdt_content(child, n)
            if content is not None:
                _read_rows(content, ctx, rows)
        elif tag == n.customXml:
            _read_rows(child, ctx, rows)
    return grid_columns


def _read_row(tr: etree._Element, ctx: ReadContext) -> RawRow | None:
    """A row, or None for a row deleted with tracked changes on (accepting them removes it)."""
    n = ctx.n
    before = after = 0
    cells: list[RawCell] = []
    ctx.visits += len(tr)
    for child in tr:
        tag = child.tag
        if tag == n.tc:
            cells.append(_read_cell(child, ctx))
        elif tag == n.trPr:
            for prop in child:
                if prop.tag == n.gridBefore:
                    before = _int(prop.get(n.val))
                elif prop.tag == n.gridAfter:
                    after = _int(prop.get(n.val))
                elif prop.tag == n.del_:
                    return None
        elif tag == n.sdt or tag == n.customXml:
            _read_cells(child, ctx, cells)
    return (before, after, cells)


def _read_cells(wrapper: etree._Element, ctx: ReadContext, cells: list[RawCell]) -> None:
    """Cells inside a cell-level w:sdt or w:customXml, in place, so the cells after them keep their columns."""
    n = ctx.n
    content = sdt_content(wrapper, n) if wrapper.tag == n.sdt else wrapper
    if content is None:
        return
    ctx.visits += len(content)
    for child in content:
        if child.tag == n.tc:
            cells.append(_read_cell(child, ctx))
        elif child.tag == n.sdt or child.tag == n.customXml:
            _read_cells(child, ctx, cells)


def _read_cell(tc: etree._Element, ctx: ReadContext) -> RawCell:
    n = ctx.n
    span, vmerge, hmerge = 1, None, None
    tcpr = only_p = None
    count = 0
    for child in tc:
        count += 1
        if child.tag == n.tcPr:
            tcpr = child
        elif child.tag == n.p:
            only_p = child
    if tcpr is not None:
        count -= 1
        for prop in tcpr:
            tag = prop.tag
            if tag == n.gridSpan:
                span = _int(prop.get(n.val), 1)
            elif tag == n.vMerge:
                vmerge = _merge(prop.get(n.val))
            elif tag == n.hMerge:
                hmerge = _merge(prop.get(n.val))
    blocks: list[Block] = []
    ctx.cell_depth += 1
    if count == 1 and only_p is not None and ctx.plain:
        # The usual cell, one paragraph: skip the block dispatch.
        ctx.visits += 1
        paragraph = read_paragraph(only_p, ctx)[0]
        if paragraph is not None:
            blocks.append(paragraph)
    else:
        ctx.read_blocks(tc, ctx, blocks)
    ctx.cell_depth -= 1
    return (span, vmerge, hmerge, blocks)


def _merge(value: str | None) -> str:
    # ECMA-376 17.4.85: a w:vMerge without w:val continues the merge.
    return "restart" if value == "restart" else "continue"


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default

