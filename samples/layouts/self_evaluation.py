"""The central 项目支出绩效自评表 (self-evaluation): the targets again, with 实际完成值, 分值, 得分,
偏差原因, the budget execution block (年初预算数 … 执行率, 得分) and 总分 / 评价等级."""

from __future__ import annotations

from samples.blocks import Cell, Row, TableSpec
from samples.docx_writer import Package
from samples.grid import header_row, indicator_rows
from samples.layouts import mof
from samples.model import Project, Report

WIDTHS = (700, 1100, 1100, 1700, 1100, 1100, 700, 700, 1406)
COLUMNS = [("level1", 1), ("level2", 1), ("name", 1), ("value", 1), ("actual", 1), ("weight", 1),
           ("score", 1), ("deviation", 1)]
EXECUTION_HEADERS = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]


def render(pkg: Package, report: Report) -> None:
    mof.render(pkg, report, "项目支出绩效自评表", project_table)


def _money_rows(p: Project) -> list[Row]:
    """项目资金（万元） merged down over the header and the 总额 / 财政拨款 / 其他资金 rows."""
    label = dict(bold=True, center=True)
    execution = p.execution + [""] * (6 - len(p.execution))
    initial, adjusted, executed = execution[:3]
    lines = [
        ("", EXECUTION_HEADERS, True),
        ("年度资金总额", execution, False),
        ("其中：财政拨款", [initial, adjusted, executed, "", "", ""], False),
        ("其他资金", ["", "", "", "", "", ""], False),
    ]
    rows = []
    for i, (sub_label, cells, bold) in enumerate(lines):
        lead = Cell("项目资金（万元）" if i == 0 else "", vmerge="restart" if i == 0 else "continue", **label)
        rows.append(Row([lead, Cell(sub_label, span=2, center=True),
                         *(Cell(text, center=True, bold=bold) for text in cells)]))
    return rows


def project_table(p: Project) -> TableSpec:
    label = dict(bold=True, center=True)
    side = Cell("绩效指标", vmerge="restart", **label)
    rows = [
        Row([Cell("项目名称", **label), Cell(p.name, span=4), Cell("项目编码", span=2, **label), Cell(p.code, span=2)]),
        Row([Cell("主管部门", **label), Cell(p.department, span=4), Cell("实施单位", span=2, **label),
             Cell(p.unit, span=2)]),
        *_money_rows(p),
        Row([Cell("年度总体目标", vmerge="restart", **label), Cell("预期目标", span=4, **label),
             Cell("实际完成情况", span=4, **label)]),
        Row([Cell("", vmerge="continue"), Cell(p.goal, span=4), Cell(p.result, span=4)]),
        header_row(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
                   [1] * 8, lead=side),
        *indicator_rows(p.indicators, COLUMNS, categories=p.categories, merge=("level1", "level2"), lead=side),
        Row([Cell("总分", span=6, **label), Cell("100", center=True), Cell(p.total_score, center=True), Cell("")]),
        Row([Cell("评价等级", span=6, **label), Cell(p.grade, span=3, center=True)]),
    ]
    return TableSpec(WIDTHS, rows)
