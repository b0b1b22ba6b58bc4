"""Layout (a), the seed's: 项目编码/项目名称, 项目资金主要用途, 资金支出计划 by quarter, 绩效目标, grid."""

from __future__ import annotations

from samples.blocks import Cell, Row, TableSpec, paragraph, table
from samples.docx_writer import Package
from samples.grid import header_row, indicator_rows, label_rows
from samples.model import Project, Report
from samples.text import write_front, write_paragraphs

WIDTHS = (1300, 1150, 1500, 1600, 1300, 1456)
HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
QUARTERS = ["第一季度", "第二季度", "第三季度", "第四季度"]
COLUMNS = [("level1", 1), ("level2", 1), ("name", 1), ("description", 1), ("value", 1), ("basis", 1)]


def render(pkg: Package, report: Report) -> None:
    write_front(pkg, report)
    for project in report.projects:
        for line in project.lead or [""]:
            pkg.append(paragraph(pkg, line))
        pkg.append(table(pkg, project_table(project)))
    write_paragraphs(pkg, report.closing)


def project_table(p: Project) -> TableSpec:
    label = dict(bold=True, center=True)
    rows = [
        Row([Cell("项目编码", **label), Cell(p.code, span=2), Cell("项目名称", **label), Cell(p.name, span=2)]),
        *label_rows([("项目资金主要用途", p.purpose)], 1, 5),
        Row([Cell("资金支出计划(累计进度%)", span=2, vmerge="restart", **label), *[Cell(q, center=True) for q in QUARTERS]]),
        Row([Cell("", span=2, vmerge="continue"), *[Cell(v, center=True) for v in p.plan]]),
        *label_rows([("绩效目标", p.goal)], 1, 5),
        header_row(HEADER, [1] * 6),
        *indicator_rows(p.indicators, COLUMNS, categories=p.categories),
    ]
    return TableSpec(WIDTHS, rows)
