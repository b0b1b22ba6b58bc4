"""Layout (h), Chongqing's 一般性项目绩效目标表: no levels, operator, value and unit in their own columns.

Each project: 编制单位 / 专项资金名称 / 业务主管部门 with 当年预算 / 项目概况 / 立项依据 / 当年绩效目标,
then a side label 绩效指标 merged down the grid `指标 | 指标权重 | 计量单位 | 指标性质 | 指标值`
(指标性质 ≥ ≤ = 定性; a 定性 row may leave its value empty). A project whose header starts
with 一級指標 is the 部门(单位)整体绩效目标表 as a mirror site printed it: labels in traditional
characters, 指標值類型 (`nature`), 計量單位 and 指標解釋 (`explain`) columns.
"""

from __future__ import annotations

from samples.blocks import Cell, Row, TableSpec, table
from samples.docx_writer import Package
from samples.grid import header_row, indicator_rows, label_rows
from samples.model import Project, Report
from samples.text import title_lines, write_front, write_paragraphs

LABEL = dict(bold=True, center=True)
PROJECT_WIDTHS = (1100, 2606, 1100, 1100, 1100, 1300)
PROJECT_HEADER = ["指标", "指标权重", "计量单位", "指标性质", "指标值"]
PROJECT_COLUMNS = [(name, 1) for name in ("name", "weight", "unit", "nature", "value")]
OVERALL_FIRST = "一級指標"
OVERALL_WIDTHS = (1000, 1100, 1700, 900, 1000, 800, 1806)
OVERALL_COLUMNS = [(name, 1) for name in ("level1", "level2", "name", "nature", "value", "unit", "explain")]


def render(pkg: Package, report: Report) -> None:
    write_front(pkg, report)
    for project in report.projects:
        title_lines(pkg, *project.lead)  # 表十二 / 2023年一般性项目绩效目标表
        overall = project.header[:1] == [OVERALL_FIRST]
        pkg.append(table(pkg, overall_table(project) if overall else project_table(project)))
    write_paragraphs(pkg, report.closing)


def project_table(p: Project) -> TableSpec:
    side = Cell("绩效指标", vmerge="restart", **LABEL)
    rows = [
        Row([Cell("编制单位：", **LABEL), Cell(p.department, span=3), Cell("单位：万元", span=2)]),
        *label_rows([("专项资金名称", p.name)], 1, 5),
        Row([Cell("业务主管部门", **LABEL), Cell(p.department, span=2), Cell("当年预算", **LABEL),
             Cell(p.total, span=2, center=True)]),
        *label_rows([("项目概况", p.purpose), *[(label, text) for label, text in p.info],
                     ("当年绩效目标", p.goal)], 1, 5),
        header_row(p.header or PROJECT_HEADER, [1] * 5, lead=side),
        *indicator_rows(p.indicators, PROJECT_COLUMNS, lead=side),
    ]
    return TableSpec(PROJECT_WIDTHS, rows)


def overall_table(p: Project) -> TableSpec:
    rows = [
        *label_rows([("部門(單位)名稱", p.name), *[(label, text) for label, text in p.info],
                     (p.goal_label or "年度總體績效目標", p.goal)], 2, 5),
        Row([Cell("績效指標", span=7, **LABEL)]),
        header_row(p.header, [1] * 7),
        *indicator_rows(p.indicators, OVERALL_COLUMNS, merge=("level1",)),
    ]
    return TableSpec(OVERALL_WIDTHS, rows)
