"""Project tables in every layout offices send, built as model values: (b) to (f) of the extract issue."""

from __future__ import annotations

import pytest

from jixiao.extract.model import Paragraph
from jixiao.extract.project_tables import read_projects
from jixiao.extract.records import RawProject
from model_builder import table

MOF = [  # (b) the Ministry-of-Finance 项目支出绩效目标表
    ["项目支出绩效目标表", "<", "<", "<", "<"],
    ["（2021年度）", "<", "<", "<", "<"],
    ["项目名称", "城市道路维护", "<", "<", "<"],
    ["主管部门及代码", "唐山市城市管理综合行政执法局", "<", "实施单位", "唐山市市政设施管理处"],
    ["项目资金（万元）", "年度资金总额：", "500", "<", "<"],
    ["^", "其中：财政拨款", "450", "<", "<"],
    ["^", "其他资金", "50", "<", "<"],
    ["年度总体目标", "保障城市道路完好率达到95%以上。", "<", "<", "<"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    ["^", "产出指标", "数量指标", "维护道路面积", "≥120万平方米"],
    ["^", "^", "质量指标", "道路完好率", "≥95%"],
    ["^", "^", "时效指标", "完成时限", "2021年12月底前"],
    ["^", "效益指标", "社会效益指标", "市民出行条件", "明显改善"],
    ["^", "满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"],
]

BUDGET_SYSTEM = [  # (c) the budget-system export: 指标性质, 度量单位, 权重, 指标值设定依据
    ["项目名称", "智慧监管平台运维", "<", "<", "<", "<", "<", "<"],
    ["项目代码", "130200210000000001", "<", "<", "<", "<", "<", "<"],
    ["预算部门", "唐山市市场监督管理局", "<", "<", "<", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重（%）", "指标值设定依据及数据来源"],
    ["产出指标", "数量指标", "运维系统数量", "≥", "3", "套", "20", "运维合同"],
    ["^", "质量指标", "系统正常运行率", "≥", "99", "%", "20", "运维记录"],
    ["^", "时效指标", "故障响应时间", "≤", "2", "小时", "10", "运维合同"],
    ["效益指标", "社会效益指标", "监管效率", "定性", "明显提升", "", "30", "工作总结"],
    ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥", "90", "%", "20", "问卷调查"],
]

DEPARTMENT = [  # (d) the 部门整体支出绩效目标表, read as one project
    ["2021年度部门整体支出绩效目标表", "<", "<", "<", "<"],
    ["部门名称", "唐山市市场监督管理局", "<", "<", "<"],
    ["年度预算（万元）", "资金总额", "财政拨款", "其他资金", "<"],
    ["^", "12000", "11500", "500", "<"],
    ["年度主要任务", "加强食品安全监管；推进质量强市战略。", "<", "<", "<"],
    ["年度总体目标", "全市食品安全形势稳定向好。", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
    ["产出指标", "数量指标", "食品抽检批次", "13000批次", ""],
    ["^", "时效指标", "抽检完成时限", "2021年12月底前", "按季度通报"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "90%以上", ""],
]

TWO_PROJECTS_ONE_TABLE = [  # (e) the field block repeats; stray spaces, full-width colon
    ["项 目 名 称", "甲项目", "<", "<"],
    ["项目编码：", "001", "<", "<"],
    ["一 级 指 标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "甲一", "1个"],
    ["", "质量指标", "甲二", "100%"],
    ["", "", "甲三", ""],
    ["项目名称", "乙项目", "<", "<"],
    ["项目编码", "002", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "乙一", "2个"],
    ["产出指标", "数量指标", "乙二", "3个"],
]

SPLIT_FIRST = [  # (e) one project over two tables: the second repeats the header row
    ["项目名称", "丙项目", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
    ["产出指标", "数量指标", "丙一", "10家", "计划"],
    ["效益指标", "社会效益指标", "丙二", "明显提升", "计划"],
]
SPLIT_SECOND = [
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
    ["", "生态效益指标", "丙三", "减少排放", "计划"],
    ["满意度指标", "服务对象满意度指标", "丙四", "≥90%", "问卷"],
]

REPEATED_HEADER = [  # (e) a header row typed again mid-grid (a page break); categories run on
    ["项目名称", "戊项目", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "戊一", "5个"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["", "", "戊二", "6个"],
    ["满意度指标", "服务对象满意度指标", "戊三", "≥90%"],
]

VARIATIONS = [  # (f) side label column, a label across 一级 and 二级, 指标内容, 指标值及单位, extras
    ["项目名称", "基层干部培训", "<", "<", "<", "<", "<", "<"],
    ["本年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值及单位", "分值", "指标解释", "责任科室"],
    ["^", "产出指标", "数量指标", "培训人次", "≥500人次", "20", "全年培训人次", "人事科"],
    ["^", "^", "质量指标", "培训合格率", "≥95%", "20", "", ""],
    ["^", "效益指标", "社会效益指标", "干部履职能力", "明显提高", "30", "", ""],
    ["^", "社会公众或服务对象满意度指标", "<", "学员满意度", "≥90%", "30", "问卷", "人事科"],
    ["注：分值合计100分。", "<", "<", "<", "<", "<", "<", "<"],
]


def _rows(project: RawProject) -> list[tuple]:
    return [
        (i.level1, i.level2, i.name, i.description, i.raw, i.basis, (i.location.table, i.location.row))
        for i in project.indicators
    ]


def test_mof_standard_table() -> None:
    scan = read_projects([Paragraph("附件2"), table(0, MOF)])
    (project,) = scan.projects
    assert (project.code, project.name, project.department) == (
        None, "城市道路维护", "唐山市城市管理综合行政执法局")
    assert (project.budget_total, project.budget_fiscal, project.budget_other, project.budget_unit) == (
        "500", "450", "50", "万元")
    assert project.goal == "保障城市道路完好率达到95%以上。"
    assert project.purpose is None and project.spending_plan == (None, None, None, None)
    assert project.layout == "mof" and project.table == 0
    assert _rows(project) == [
        ("产出指标", "数量指标", "维护道路面积", None, "≥120万平方米", None, (0, 9)),
        ("产出指标", "质量指标", "道路完好率", None, "≥95%", None, (0, 10)),
        ("产出指标", "时效指标", "完成时限", None, "2021年12月底前", None, (0, 11)),
        ("效益指标", "社会效益指标", "市民出行条件", None, "明显改善", None, (0, 12)),
        ("满意度指标", "服务对象满意度指标", "市民满意度", None, "≥90%", None, (0, 13)),
    ]
    assert scan.warnings == () and scan.first_block == 1


def test_budget_system_export_keeps_nature_unit_and_weight_apart() -> None:
    (project,) = read_projects([table(0, BUDGET_SYSTEM)]).projects
    assert (project.code, project.name, project.department, project.layout) == (
        "130200210000000001", "智慧监管平台运维", "唐山市市场监督管理局", "budget_system")
    got = [(i.name, i.nature, i.raw, i.unit, i.basis, i.weight, i.extra) for i in project.indicators]
    assert got == [
        ("运维系统数量", "≥", "3", "套", "运维合同", "20", ()),
        ("系统正常运行率", "≥", "99", "%", "运维记录", "20", ()),
        ("故障响应时间", "≤", "2", "小时", "运维合同", "10", ()),
        ("监管效率", "定性", "明显提升", None, "工作总结", "30", ()),
        ("使用人员满意度", "≥", "90", "%", "问卷调查", "20", ()),
    ]
    assert [i.level1 for i in project.indicators] == ["产出指标"] * 3 + ["效益指标", "满意度指标"]


def test_department_table_is_one_project_named_after_the_department() -> None:
    (project,) = read_projects([table(0, DEPARTMENT)]).projects
    assert (project.code, project.name, project.department, project.layout) == (
        None, "唐山市市场监督管理局部门整体支出", "唐山市市场监督管理局", "department")
    assert (project.budget_total, project.budget_fiscal, project.budget_other, project.budget_unit) == (
        "12000", "11500", "500", "万元")
    assert project.purpose == "加强食品安全监管；推进质量强市战略。"
    assert project.goal == "全市食品安全形势稳定向好。"
    got = [(i.level1, i.level2, i.name, i.raw, i.extra) for i in project.indicators]
    assert got == [
        ("产出指标", "数量指标", "食品抽检批次", "13000批次", ()),
        ("产出指标", "时效指标", "抽检完成时限", "2021年12月底前", (("备注", "按季度通报"),)),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "90%以上", ()),
    ]


def test_several_projects_in_one_table_with_blank_categories_filled_down() -> None:
    scan = read_projects([table(0, TWO_PROJECTS_ONE_TABLE)])
    first, second = scan.projects
    assert (first.code, first.name, second.code, second.name) == ("001", "甲项目", "002", "乙项目")
    assert _rows(first) == [
        ("产出指标", "数量指标", "甲一", None, "1个", None, (0, 3)),
        ("产出指标", "质量指标", "甲二", None, "100%", None, (0, 4)),
        ("产出指标", "质量指标", "甲三", None, "", None, (0, 5)),
    ]
    assert _rows(second) == [
        ("产出指标", "数量指标", "乙一", None, "2个", None, (0, 9)),
        ("产出指标", "数量指标", "乙二", None, "3个", None, (0, 10)),
    ]
    assert scan.warnings == ()


def test_project_split_over_two_tables_continues_with_the_repeated_header() -> None:
    scan = read_projects([table(0, SPLIT_FIRST), Paragraph(""), table(1, SPLIT_SECOND)])
    (project,) = scan.projects
    assert project.name == "丙项目" and project.table == 0
    assert _rows(project) == [
        ("产出指标", "数量指标", "丙一", None, "10家", "计划", (0, 2)),
        ("效益指标", "社会效益指标", "丙二", None, "明显提升", "计划", (0, 3)),
        ("效益指标", "生态效益指标", "丙三", None, "减少排放", "计划", (1, 1)),
        ("满意度指标", "服务对象满意度指标", "丙四", None, "≥90%", "问卷", (1, 2)),
    ]


def test_header_repeated_inside_a_table_keeps_the_categories() -> None:
    (project,) = read_projects([table(0, REPEATED_HEADER)]).projects
    assert _rows(project) == [
        ("产出指标", "数量指标", "戊一", None, "5个", None, (0, 2)),
        ("产出指标", "数量指标", "戊二", None, "6个", None, (0, 4)),
        ("满意度指标", "服务对象满意度指标", "戊三", None, "≥90%", None, (0, 5)),
    ]


def test_side_column_spanning_label_and_extra_columns() -> None:
    scan = read_projects([table(0, VARIATIONS)])
    (project,) = scan.projects
    got = [(i.level1, i.level2, i.name, i.description, i.raw, i.weight, i.extra) for i in project.indicators]
    assert got == [
        ("产出指标", "数量指标", "培训人次", "全年培训人次", "≥500人次", "20", (("责任科室", "人事科"),)),
        ("产出指标", "质量指标", "培训合格率", None, "≥95%", "20", ()),
        ("效益指标", "社会效益指标", "干部履职能力", None, "明显提高", "30", ()),
        ("社会公众或服务对象满意度指标", "社会公众或服务对象满意度指标", "学员满意度", "问卷", "≥90%", "30",
         (("责任科室", "人事科"),)),
    ]
    assert [(w.code, w.location.row) for w in scan.warnings if w.location] == [("label_unknown", 1)]


@pytest.mark.parametrize(
    ("blocks", "names", "codes"),
    [
        pytest.param([Paragraph("项目名称：网格化监管"), table(0, SPLIT_SECOND)], ["网格化监管"], [None],
                     id="name-in-paragraph-before-grid"),
        pytest.param([Paragraph("项目编码：X01"), Paragraph("项目名称：乙"), table(0, SPLIT_SECOND)],
                     ["乙"], ["X01"], id="two-field-paragraphs"),
    ],
)
def test_fields_written_in_paragraphs_before_a_bare_grid(blocks, names, codes) -> None:
    scan = read_projects(blocks)
    assert [p.name for p in scan.projects] == names
    assert [p.code for p in scan.projects] == codes
    assert [len(p.indicators) for p in scan.projects] == [2]


@pytest.mark.parametrize(
    ("rows", "codes"),
    [
        pytest.param([["序号", "姓名", "职务"], ["1", "张三", "科长"]], [], id="unrelated-table"),
        pytest.param([["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "甲"]],
                     ["table_unrecognised"], id="grid-without-value-column"),
        pytest.param([["项目名称", "丁项目"], ["项目资金主要用途", "购置设备"]],
                     ["header_not_found"], id="fields-without-grid"),
        pytest.param([["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "甲", "1个"]],
                     ["project_incomplete"], id="grid-without-name"),
    ],
)
def test_warnings_for_tables_that_cannot_be_read_fully(rows, codes) -> None:
    scan = read_projects([table(0, rows)])
    assert [w.code for w in scan.warnings] == codes


def test_repeated_project_code_is_reported() -> None:
    rows = [["项目编码", "001"], ["一级指标", "指标值"], ["产出指标", "1个"]]
    scan = read_projects([table(0, rows), table(1, rows)])
    assert [p.code for p in scan.projects] == ["001", "001"]
    assert [w.code for w in scan.warnings] == ["duplicate_project"]
