"""Layout (c), the budget-system export: 指标性质, 度量单位, 权重, 指标值设定依据 columns, flat rows."""

from __future__ import annotations

from samples.blocks import Cell, Row, TableSpec, paragraph, table
from samples.docx_writer import Package
from samples.grid import header_row, indicator_rows, label_rows
from samples.model import Project, Report
from samples.text import title_lines, write_front, write_paragraphs

WIDTHS = (1000, 1000, 1300, 700, 900, 800, 700, 1906)
HEADER = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标值设定依据"]
COLUMNS = [(name, 1) for name in ("level1", "level2", "name", "nature", "value", "unit", "weight", "basis")]


def render(pkg: Package, report: Report) -> None:
    write_front(pkg, report)
    for project in report.projects:
        for line in project.lead:
            pkg.append(paragraph(pkg, line))
        title_lines(pkg, "项目支出绩效目标表")
        pkg.append(paragraph(pkg, f"单位名称：{project.department}　　　　金额单位：万元"))
        pkg.append(table(pkg, project_table(project)))
    write_paragraphs(pkg, report.closing)


def project_table(p: Project) -> TableSpec:
    label = dict(bold=True, center=True)
    rows = [
        Row([Cell("项目名称", span=2, **label), Cell(p.name, span=3), Cell("项目编码", **label), Cell(p.code, span=2)]),
        Row([Cell("预算部门", span=2, **label), Cell(p.department, span=3), Cell("实施单位", **label), Cell(p.unit, span=2)]),
        Row([
            Cell("项目资金（万元）", span=2, **label),
            *[Cell(text, center=True) for text in ("年度资金总额", p.total, "财政拨款", p.fiscal, "其他资金", p.other)],
        ]),
        *label_rows([("年度绩效目标", p.goal)], 2, 6),
        header_row(HEADER, [1] * 8),
        *indicator_rows(p.indicators, COLUMNS, categories=p.categories, merge=("level1", "level2")),
    ]
    return TableSpec(WIDTHS, rows)
