"""Layout (f): other provinces' variants and the Word features a clerk's file carries.

A project whose header starts with 本年度绩效指标 gets that label as a side column merged
down the grid and a legacy w:hMerge goal row; the others get a gridSpan block. Indicator
rows take their features (content controls, gridBefore/After, ragged) from Indicator.fx.
"""

from __future__ import annotations

from samples.blocks import Cell, Row, TableSpec, paragraph, table
from samples.docx_writer import Package
from samples.grid import header_row, indicator_rows, label_rows, merged_label_rows
from samples.model import Project, Report
from samples.text import title_lines, write_front, write_paragraphs

SIDE_LABEL = "本年度绩效指标"
SIDE_WIDTHS = (900, 1100, 1200, 1700, 1400, 800, 1206)
SIDE_COLUMNS = [(name, 1) for name in ("level1", "level2", "name", "value", "weight", "remark")]
WIDE_WIDTHS = (1100, 1200, 1600, 1300, 700, 1300, 1106)
WIDE_COLUMNS = [(name, 1) for name in ("level1", "level2", "name", "value", "score", "standard", "explain")]
REVIEW_WIDTHS = (1800, 6506)
SIGNOFF_WIDTHS = (2000, 2000, 2306)
LABEL = dict(bold=True, center=True)


def render(pkg: Package, report: Report) -> None:
    write_front(pkg, report)
    for project in report.projects:
        for line in project.lead:
            pkg.append(paragraph(pkg, line))
        title_lines(pkg, f"{report.year}年度项目支出绩效目标表")
        side = project.header[:1] == [SIDE_LABEL]
        pkg.append(table(pkg, side_table(project) if side else wide_table(project)))
    write_paragraphs(pkg, report.closing)
    if report.review:
        pkg.append(table(pkg, review_table(report.review)))


def side_table(p: Project) -> TableSpec:
    money = [("年度资金总额", p.total), ("其中：财政拨款", p.fiscal), ("其他资金", p.other)]
    # legacy horizontal merge (w:hMerge), as pre-2007 Word and WPS still write it
    goal = [Cell("年度绩效目标", span=2, **LABEL), Cell(p.goal, hmerge="restart"), *[Cell(hmerge="continue") for _ in range(4)]]
    side = Cell(SIDE_LABEL, vmerge="restart", **LABEL)
    rows = [
        Row([Cell("项目名称", span=2, **LABEL), Cell(p.name, span=3), Cell("项目编码", **LABEL), Cell(p.code)]),
        Row([Cell("主管部门", span=2, **LABEL), Cell(p.department, span=3), Cell("实施单位", **LABEL), Cell(p.unit)]),
        *merged_label_rows("项目资金（万元）", 2, money, (2, 3)),
        Row(goal),
        header_row(p.header[1:], [1] * 6, lead=side),
        *indicator_rows(p.indicators, SIDE_COLUMNS, categories=p.categories, lead=side),
    ]
    return TableSpec(SIDE_WIDTHS, rows)


def wide_table(p: Project) -> TableSpec:
    rows = [
        Row([Cell("项目名称", **LABEL), Cell(p.name, span=3), Cell("项目编码", **LABEL), Cell(p.code, span=2)]),
        Row([Cell("预算部门", **LABEL), Cell(p.department, span=3), Cell("实施单位", **LABEL), Cell(p.unit, span=2)]),
        Row([
            Cell("项目资金（万元）", **LABEL), Cell(p.total, span=2), Cell("其中：财政拨款", **LABEL), Cell(p.fiscal),
            Cell("其他资金", **LABEL), Cell(p.other),
        ]),
        *label_rows([(p.goal_label or "总体目标", p.goal)], 1, 6),
        header_row(p.header, [1] * 7),
        *indicator_rows(p.indicators, WIDE_COLUMNS, categories=p.categories, merge=("level1", "level2")),
    ]
    return TableSpec(WIDE_WIDTHS, rows)


def review_table(review: list[list]) -> TableSpec:
    """The sign-off table after the projects; a third item nests a table in the text cell."""
    rows = []
    for label, text, *nested in review:
        inner = None
        if nested:
            inner = TableSpec(SIGNOFF_WIDTHS, [Row([Cell(t, center=True) for t in r]) for r in nested[0]])
        rows.append(Row([Cell(label, **LABEL), Cell(text, nested=inner)]))
    return TableSpec(REVIEW_WIDTHS, rows)
