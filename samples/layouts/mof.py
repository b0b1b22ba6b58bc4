"""Layout (b), the Ministry-of-Finance 项目支出绩效目标表: 主管部门, 实施单位, 项目资金 in three rows, grid."""

from __future__ import annotations

from collections.abc import Callable

from samples.blocks import Cell, Row, TableSpec, paragraph, table
from samples.docx_writer import Package
from samples.grid import header_row, indicator_rows, label_rows, merged_label_rows
from samples.model import Project, Report
from samples.text import title_lines, write_front, write_paragraphs

WIDTHS = (1500, 1500, 1900, 1900, 1506)
COLUMNS = [("level1", 1), ("level2", 1), ("name", 2), ("value", 1)]


def render(pkg: Package, report: Report, heading: str = "项目支出绩效目标表",
           build: Callable[[Project], TableSpec] | None = None) -> None:
    """Front text, then per project its lead lines, `heading` and year, and its table (`build`)."""
    write_front(pkg, report)
    for project in report.projects:
        for line in project.lead:
            pkg.append(paragraph(pkg, line))
        title_lines(pkg, heading, f"（{report.year}年度）")
        pkg.append(table(pkg, (build or project_table)(project)))
    write_paragraphs(pkg, report.closing)


def project_table(p: Project) -> TableSpec:
    label = dict(bold=True, center=True)
    money = [("年度资金总额", p.total), ("其中：财政拨款", p.fiscal), ("其他资金", p.other)]
    rows = [
        *label_rows([("项目名称", p.name)], 1, 4),
        Row([Cell("主管部门", **label), Cell(p.department), Cell("实施单位", **label), Cell(p.unit, span=2)]),
        *merged_label_rows("项目资金（万元）", 1, money, (1, 3)),
        *label_rows([(p.goal_label or "年度目标", p.goal)], 1, 4),
        header_row(["一级指标", "二级指标", "三级指标", "指标值"], [1, 1, 2, 1]),
        *indicator_rows(p.indicators, COLUMNS, categories=p.categories, merge=("level1", "level2")),
    ]
    return TableSpec(WIDTHS, rows)
