"""Layout (d), 部门整体支出绩效目标表: 部门名称, 年度预算, 年度主要任务 rows, 年度总体目标, grid."""

from __future__ import annotations

from samples.blocks import Cell, Row, TableSpec, paragraph, table
from samples.docx_writer import Package
from samples.grid import header_row, indicator_rows, label_rows, merged_label_rows
from samples.model import Project, Report
from samples.text import write_front, write_paragraphs

WIDTHS = (1300, 1300, 1400, 1400, 1400, 1506)
COLUMNS = [("level1", 1), ("level2", 1), ("name", 2), ("value", 1), ("basis", 1)]
TASK_HEADER = ("任务名称", "主要内容", "预算金额（万元）")


def render(pkg: Package, report: Report) -> None:
    write_front(pkg, report)
    for project in report.projects:
        for line in project.lead:
            pkg.append(paragraph(pkg, line))
        pkg.append(table(pkg, department_table(project)))
    write_paragraphs(pkg, report.closing)


def department_table(p: Project) -> TableSpec:
    money = [("年度资金总额", p.total), ("其中：财政拨款", p.fiscal), ("其他资金", p.other)]
    rows = [
        *label_rows([("部门名称", p.name)], 1, 5),
        *merged_label_rows("年度预算（万元）", 1, money, (2, 3)),
        *_task_rows(p.tasks),
        *label_rows([("年度总体目标", p.goal)], 1, 5),
        header_row(["一级指标", "二级指标", "三级指标", "指标值", "指标值设定依据"], [1, 1, 2, 1, 1]),
        *indicator_rows(p.indicators, COLUMNS, categories=p.categories, merge=("level1", "level2")),
    ]
    return TableSpec(WIDTHS, rows)


def _task_rows(tasks: list[list[str]]) -> list[Row]:
    rows = []
    for i, (name, content, amount) in enumerate([list(TASK_HEADER), *tasks]):
        lead = Cell("年度主要任务" if i == 0 else "", vmerge="restart" if i == 0 else "continue", bold=True, center=True)
        head = i == 0
        rows.append(Row([
            lead, Cell(name, bold=head, center=True), Cell(content, span=3, bold=head), Cell(amount, bold=head, center=True),
        ]))
    return rows
