"""Layout (e): several projects in ONE table, and a project split over two tables.

Projects without `split_after` share the first table, each repeating its header block;
a project with `split_after` = k gets its own table holding the first k indicator rows,
then a 续表 whose first row repeats the grid header.
"""

from __future__ import annotations

from samples.blocks import Cell, Row, TableSpec, paragraph, table
from samples.docx_writer import Package
from samples.grid import header_row, indicator_rows, label_rows
from samples.model import Indicator, Project, Report
from samples.text import title_lines, write_front, write_paragraphs

WIDTHS = (1300, 1500, 2000, 1800, 1706)
HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"]
COLUMNS = [(name, 1) for name in ("level1", "level2", "name", "value", "basis")]


def render(pkg: Package, report: Report) -> None:
    write_front(pkg, report)
    shared = [p for p in report.projects if not p.split_after]
    if shared:
        title_lines(pkg, "项目支出绩效目标表")
        rows = [row for p in shared for row in (*_block(p), *_grid(p, p.indicators))]
        pkg.append(table(pkg, TableSpec(WIDTHS, rows)))
    for p in report.projects:
        if not p.split_after:
            continue
        for line in p.lead or [""]:
            pkg.append(paragraph(pkg, line))
        first, rest = p.indicators[: p.split_after], p.indicators[p.split_after :]
        pkg.append(table(pkg, TableSpec(WIDTHS, [*_block(p), *_grid(p, first)])))
        pkg.append(paragraph(pkg, "（续表）"))
        pkg.append(table(pkg, TableSpec(WIDTHS, [header_row(p.header or HEADER, [1] * 5), *_grid(p, rest)])))
    write_paragraphs(pkg, report.closing)


def _grid(p: Project, indicators: list[Indicator]) -> list[Row]:
    return indicator_rows(indicators, COLUMNS, categories=p.categories, merge=("level1", "level2"))


def _block(p: Project) -> list[Row]:
    label = dict(bold=True, center=True)
    return [
        Row([Cell("项目名称", **label), Cell(p.name, span=2), Cell("项目编码", **label), Cell(p.code)]),
        Row([Cell("主管部门", **label), Cell(p.department, span=2), Cell("实施单位", **label), Cell(p.unit)]),
        Row([Cell("年度资金总额（万元）", **label), Cell(p.total, span=2), Cell("其中：财政拨款（万元）", **label), Cell(p.fiscal)]),
        *label_rows([("年度绩效目标", p.goal)], 1, 4),
        header_row(p.header or HEADER, [1] * 5),
    ]
