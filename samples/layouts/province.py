"""Layout (g), a province's 项目支出绩效目标申报表 family, as city offices fill it in.

Two forms, chosen by the project's money:
- with mid-term money (`midterm`): 项目支出名称, 主管部门及代码 "[018002]…", 中期资金总额 beside
  年度资金总额 (其中：财政拨款 / 其他资金 under each), 总体目标 over 中期目标 | 年度目标, and a grid
  whose mid-term block (`long_term`) stands left of the annual one, row for row;
- without: 年度本级预算金额 written "250万" in its cell, 实施期 and 本年度 goals, and a two-row
  header 指标值 over "{year-1}年实际值 | {year}年预期值" (the past value is `prior`).
The first header label is the side label merged down the grid (绩\\n效\\n指\\n标, 绩 效 指 标).
"""

from __future__ import annotations

from samples.blocks import Cell, Row, TableSpec, paragraph, table
from samples.docx_writer import Package
from samples.grid import indicator_rows
from samples.model import Project, Report
from samples.text import title_lines, write_front, write_paragraphs

LABEL = dict(bold=True, center=True)
MIDTERM_WIDTHS = (500, 900, 1000, 1500, 1000, 1000, 1400, 1006)
BLOCK = [("level2", 1), ("name", 1), ("value", 1)]
LOCAL_WIDTHS = (500, 1000, 1200, 2000, 1000, 1200, 1406)
LOCAL_COLUMNS = [(name, 1) for name in ("level1", "level2", "name", "prior", "value", "standard")]
SIGN_OFF = "财政部门审核意见"


def render(pkg: Package, report: Report) -> None:
    write_front(pkg, report)
    for project in report.projects:
        for line in project.lead:
            pkg.append(paragraph(pkg, line))
        if project.midterm:
            title_lines(pkg, "项目支出绩效目标申报表", f"（{report.year}年度）")
            pkg.append(table(pkg, midterm_table(project)))
        else:
            title_lines(pkg, f"{report.year}年项目支出绩效目标申报表")
            pkg.append(paragraph(pkg, "填报单位：（盖章）　　　　　　　　单位：万元"))
            pkg.append(table(pkg, local_table(project, report.year)))
    write_paragraphs(pkg, report.closing)


def _side(label: str) -> Cell:
    return Cell(label, vmerge="restart", **LABEL)


def _info_row(pairs: list[list[str]], spans: tuple[int, int]) -> Row:
    cells = []
    for label, text in pairs:
        cells += [Cell(label, span=spans[0], **LABEL), Cell(text, span=spans[1])]
    return Row(cells)


def midterm_table(p: Project) -> TableSpec:
    money_label = "项目资金（万元）"
    annual = [("年度资金总额：", p.total), ("其中：财政拨款", p.fiscal), ("其他资金", p.other)]
    midterm = list(zip(("中期资金总额：", "其中：财政拨款", "其他资金"), p.midterm))
    money = []
    for i, ((mid_label, mid), (label, value)) in enumerate(zip(midterm, annual)):
        lead = Cell(money_label if i == 0 else "", span=2, vmerge="restart" if i == 0 else "continue", **LABEL)
        money.append(Row([lead, Cell(mid_label, span=2), Cell(mid, center=True), Cell(label, span=2),
                          Cell(value, center=True)]))
    goal_label = Cell("总 体 目 标", span=2, vmerge="restart", **LABEL)
    side = _side(p.header[0])
    if [i.level1 for i in p.long_term] != [i.level1 for i in p.indicators]:
        raise ValueError(f"{p.name}: the mid-term and annual blocks must share their 一级指标 row for row")
    mid_rows = indicator_rows(p.long_term, [("level1", 1), *BLOCK], merge=("level1", "level2"), lead=side)
    annual_rows = indicator_rows(p.indicators, BLOCK, merge=("level1", "level2"))
    rows = [
        Row([Cell("项目支出名称", span=2, **LABEL), Cell(p.name, span=6)]),
        Row([Cell("主管部门及代码", span=2, **LABEL), Cell(p.department, span=2), Cell("实施单位", span=2, **LABEL),
             Cell(p.unit, span=2)]),
        *[_info_row(p.info[i:i + 2], (2, 2)) for i in range(0, len(p.info), 2)],
        *money,
        Row([goal_label, Cell(p.goal_label or "中期目标", span=3, **LABEL), Cell("年度目标", span=3, **LABEL)]),
        Row([Cell("", span=2, vmerge="continue"), Cell(p.goal_midterm, span=3), Cell(p.goal, span=3)]),
        Row([side, *[Cell(label, **LABEL) for label in p.header[1:]]], header=True),
        *[Row(mid.cells + annual.cells) for mid, annual in zip(mid_rows, annual_rows)],
    ]
    return TableSpec(MIDTERM_WIDTHS, rows)


def local_table(p: Project, year: int) -> TableSpec:
    side = _side(p.header[0])
    top = [Cell(label, vmerge="restart", **LABEL) for label in ("一级指标", "二级指标", "三级指标")]
    below = [Cell("", vmerge="continue") for _ in range(4)]
    rows = [
        Row([Cell("项目支出名称", span=2, **LABEL), Cell(p.name, span=2), Cell("预算部门", **LABEL),
             Cell(p.department, span=2)]),
        Row([Cell("年度本级\n预算金额", span=2, **LABEL), Cell(p.total, span=2, center=True),
             Cell("该项目支出上级资金", **LABEL), Cell(p.other, span=2, center=True)]),
        *[Row([Cell(label, span=2, **LABEL), Cell(text, span=5)]) for label, text in p.info],
        Row([Cell("实施期绩效目标", span=2, **LABEL), Cell(p.goal_midterm, span=5)]),
        Row([Cell(p.goal_label or "本年度绩效目标", span=2, **LABEL), Cell(p.goal, span=5)]),
        Row([side, *top, Cell("指标值", span=2, **LABEL), Cell("绩效标准", vmerge="restart", **LABEL)], header=True),
        Row([*below, Cell(f"{year - 1}年实际值", **LABEL), Cell(f"{year}年预期值", **LABEL),
             Cell("", vmerge="continue")], header=True),
        *indicator_rows(p.indicators, LOCAL_COLUMNS, merge=("level1", "level2"), lead=side),
        Row([Cell(SIGN_OFF, span=2, **LABEL), Cell("", span=5)]),
    ]
    return TableSpec(LOCAL_WIDTHS, rows)
