"""Tables come out as a rectangular grid with every merge resolved."""

from __future__ import annotations

import io

import docx
import pytest

from jixiao.extract.exceptions import ResourceLimitExceeded
from jixiao.extract.model import Paragraph, Table
from jixiao.extract.ooxml.reader import read_docx
from tests.docx_builder import p, tbl, tc, tr


def texts(table: Table) -> list[list[str | None]]:
    """The grid as texts; None where no cell covers the position."""
    return [[cell.text if cell is not None else None for cell in row] for row in table.grid]


def only_table(body) -> Table:
    found = [b for b in body.blocks if isinstance(b, Table)]
    assert len(found) == 1
    return found[0]


def test_a_plain_table_reads_row_by_row(read) -> None:
    table = only_table(read(tbl([["项目名称", "食品安全抽检经费"], ["项目编码", "228002B20DX0001"]])))
    assert texts(table) == [["项目名称", "食品安全抽检经费"], ["项目编码", "228002B20DX0001"]]
    assert (table.n_rows, table.n_cols, table.index) == (2, 2, 0)
    assert table.grid[1][1].row == 1 and table.grid[1][1].col == 1


def test_grid_span_covers_several_grid_columns_with_one_cell(read) -> None:
    table = only_table(read(tbl([["项目名称", tc("食品安全抽检经费", span=3)], ["a", "b", "c", "d"]])))
    assert texts(table) == [["项目名称"] + ["食品安全抽检经费"] * 3, ["a", "b", "c", "d"]]
    merged = table.grid[0][1]
    assert merged is table.grid[0][3] and (merged.col, merged.col_span, merged.row_span) == (1, 3, 1)
    assert table.row_texts(0) == ("项目名称", "食品安全抽检经费")


def test_vmerge_restart_and_continue_make_one_cell_over_several_rows(read) -> None:
    rows = [[tc("产出指标", vmerge="restart"), "数量指标"], [tc("", vmerge="continue"), "质量指标"],
            [tc("", vmerge="continue"), "时效指标"], ["效益指标", "社会效益"]]
    table = only_table(read(tbl(rows)))
    assert texts(table) == [["产出指标", "数量指标"], ["产出指标", "质量指标"], ["产出指标", "时效指标"], ["效益指标", "社会效益"]]
    merged = table.grid[0][0]
    assert merged is table.grid[2][0] and (merged.row, merged.row_span) == (0, 3)


def test_vmerge_without_val_is_treated_as_continue(read) -> None:
    table = only_table(read(tbl([[tc("一级", vmerge="restart"), "a"], [tc("", vmerge=True), "b"]])))
    assert table.grid[1][0] is table.grid[0][0]
    assert table.grid[0][0].row_span == 2


def test_a_continuation_cell_drops_its_own_text(read) -> None:
    table = only_table(read(tbl([[tc("上", vmerge="restart")], [tc("stray", vmerge="continue")]])))
    assert texts(table) == [["上"], ["上"]]


def test_vmerge_continue_with_no_cell_above_starts_a_new_cell(read) -> None:
    table = only_table(read(tbl([[tc("orphan", vmerge="continue"), "a"]])))
    assert texts(table) == [["orphan", "a"]]


def test_vmerge_follows_the_grid_column_not_the_cell_position(read) -> None:
    rows = [[tc("wide", span=2), tc("右", vmerge="restart")], ["a", "b", tc("", vmerge="continue")]]
    table = only_table(read(tbl(rows)))
    assert texts(table) == [["wide", "wide", "右"], ["a", "b", "右"]]


def test_merges_across_both_directions_cover_a_block(read) -> None:
    rows = [[tc("block", span=2, vmerge="restart"), "a"], [tc("", span=2, vmerge="continue"), "b"]]
    table = only_table(read(tbl(rows)))
    block = table.grid[0][0]
    assert {id(table.grid[r][c]) for r in (0, 1) for c in (0, 1)} == {id(block)}
    assert (block.row_span, block.col_span) == (2, 2)


def test_grid_before_and_grid_after_leave_empty_positions(read) -> None:
    rows = [["a", "b", "c"], tr(["x"], grid_before=1, grid_after=1), tr(["y", "z"], grid_before=1)]
    assert texts(only_table(read(tbl(rows, grid=3)))) == [["a", "b", "c"], [None, "x", None], [None, "y", "z"]]


def test_legacy_hmerge_joins_a_cell_to_the_one_on_its_left(read) -> None:
    table = only_table(read(tbl([[tc("合并", hmerge="restart"), tc("", hmerge="continue"), "c"], ["a", "b", "c2"]])))
    assert texts(table) == [["合并", "合并", "c"], ["a", "b", "c2"]]
    assert table.grid[0][0].col_span == 2


def test_ragged_rows_are_padded_to_the_widest_row(read) -> None:
    assert texts(only_table(read(tbl([["a"], ["b", "c", "d"], ["e", "f"]])))) == [
        ["a", None, None], ["b", "c", "d"], ["e", "f", None]]


def test_a_table_grid_wider_than_its_rows_sets_the_width(read) -> None:
    assert texts(only_table(read(tbl([["a", "b"]], grid=3)))) == [["a", "b", None]]


def test_a_nested_table_stays_in_its_cell_and_out_of_the_cell_text(read) -> None:
    inner = tbl([["内1", "内2"], ["内3", "内4"]])
    outer = tbl([["项目", tc(content=p("说明") + inner + p(""))], ["a", "b"]])
    table = only_table(read(outer))
    cell = table.grid[0][1]
    assert cell.text == "说明"
    assert len(cell.tables) == 1 and texts(cell.tables[0]) == [["内1", "内2"], ["内3", "内4"]]
    assert texts(table) == [["项目", "说明"], ["a", "b"]]


def test_table_index_counts_top_level_tables_in_reading_order(read) -> None:
    nested = tbl([[tc(content=tbl([["inner"]]))]])
    body = read(tbl([["first"]]) + p("between") + nested + tbl([["third"]]))
    top = [b for b in body.blocks if isinstance(b, Table)]
    assert [t.index for t in top] == [0, 1, 2]
    assert top[1].grid[0][0].tables[0].index == 1  # a nested table carries the index of the table it sits in


def test_cells_keep_all_their_paragraphs_joined_by_newlines(read) -> None:
    table = only_table(read(tbl([[tc(content=p("第一段") + p("第二段") + p(""))]])))
    cell = table.grid[0][0]
    assert cell.text == "第一段\n第二段"
    assert [q.text for q in cell.paragraphs] == ["第一段", "第二段", ""]


def test_a_cell_wrapped_in_a_content_control_does_not_shift_the_cells_after_it(read) -> None:
    controlled = f"<w:sdt><w:sdtPr/><w:sdtContent>{tc('控件')}</w:sdtContent></w:sdt>"
    table = only_table(read(tbl([["a", controlled, "c"], ["1", "2", "3"]])))
    assert texts(table) == [["a", "控件", "c"], ["1", "2", "3"]]


def test_rows_wrapped_in_a_content_control_are_rows_of_the_table(read) -> None:
    repeating = f"<w:sdt><w:sdtPr/><w:sdtContent>{tr(['r1'])}{tr(['r2'])}</w:sdtContent></w:sdt>"
    assert texts(only_table(read(tbl([["head"], repeating, ["tail"]])))) == [["head"], ["r1"], ["r2"], ["tail"]]


def test_a_row_deleted_with_tracked_changes_is_gone(read) -> None:
    deleted = '<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr><w:tc><w:p><w:r><w:delText>old</w:delText></w:r></w:p></w:tc></w:tr>'
    assert texts(only_table(read(tbl([["keep"], deleted, ["also"]])))) == [["keep"], ["also"]]


def test_grid_rows_are_the_table_rows_in_order(read) -> None:
    rows = [[f"r{i}", tc(f"v{i}", vmerge="restart" if i % 3 == 0 else "continue")] for i in range(9)]
    table = only_table(read(tbl(rows)))
    assert [table.grid[r][0].text for r in range(9)] == [f"r{i}" for i in range(9)]
    assert [table.grid[r][1].text for r in range(9)] == ["v0"] * 3 + ["v3"] * 3 + ["v6"] * 3


def test_an_empty_table_has_an_empty_grid(read) -> None:
    table = only_table(read("<w:tbl><w:tblPr/></w:tbl>"))
    assert (table.grid, table.n_rows, table.n_cols) == ((), 0, 0)


def test_a_span_far_wider_than_word_allows_is_cut_to_the_grid_limit(read) -> None:
    table = only_table(read(tbl([[tc("x", span=10**9)]])))
    assert table.n_cols == 1024


def test_a_table_too_large_to_be_real_is_refused(read) -> None:
    rows = "".join(f"<w:tr>{tc('x', span=1024)}</w:tr>" for _ in range(4000))
    with pytest.raises(ResourceLimitExceeded, match="test.docx: table 1"):
        read(f"<w:tbl>{rows}</w:tbl>")


def test_a_table_made_by_python_docx_with_merged_cells_reads_as_word_shows_it() -> None:
    document = docx.Document()
    document.add_paragraph("项目支出绩效目标表")
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r}{c}"
    table.cell(0, 0).merge(table.cell(0, 2)).text = "项目名称"
    table.cell(1, 0).merge(table.cell(3, 0)).text = "产出指标"
    buffer = io.BytesIO()
    document.save(buffer)

    body = read_docx(buffer.getvalue(), "python-docx.docx")
    assert isinstance(body.blocks[0], Paragraph) and body.blocks[0].text == "项目支出绩效目标表"
    grid = only_table(body)
    assert texts(grid) == [["项目名称"] * 3, ["产出指标", "11", "12"], ["产出指标", "21", "22"], ["产出指标", "31", "32"]]
    assert (grid.grid[0][0].col_span, grid.grid[1][0].row_span) == (3, 3)
    assert grid.row_texts(2) == ("产出指标", "21", "22")
