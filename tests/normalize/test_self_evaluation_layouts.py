"""The 部门整体支出绩效自评表 layout (年度主要任务 with its 实际完成情况, 年初目标值 / 实际完成值), built here
after the central template, read end to end."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.document import read_document
from jixiao.normalize.document import normalize_document
from tests.realworld.self_evaluation_tables import docx

DEPARTMENT = (
    ["唐山市卫生健康委员会2022年度部门整体支出绩效自评表"],
    [
        ["部门（单位）名称", ("唐山市卫生健康委员会", 8)],
        [("年度主要任务", "v"), ("任务名称", 2), ("主要内容", 3), ("预算金额（万元）", 2), ("实际完成情况", 2)],
        ["^", ("基本公共卫生服务", 2), ("提供12类国家基本公共卫生服务", 3), ("12680.00", 2), ("已完成", 2)],
        ["^", ("疾病预防控制", 2), ("重点传染病监测与免疫规划", 3), ("6420.50", 2), ("基本完成", 2)],
        [("年度预算（万元）", "v"), ("", 2), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["^", ("年度资金总额", 2), "35620.50", "36000.00", "34200.00", "10", "95%", "9.5"],
        ["^", ("其中：财政拨款", 2), "32100.00", "32500.00", "31000.00", "", "", ""],
        [("年度总体目标", "v"), ("预期目标", 4), ("实际完成情况", 4)],
        ["^", ("全市基本公共卫生服务覆盖率稳步提高。", 4), ("覆盖率达到92%。", 4)],
        [("绩效指标", "v"), "一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
        ["^", ("产出指标", "v"), "数量指标", "基本公共卫生服务项目", "12类", "12类", "20", "20", ""],
        ["^", "^", "时效指标", "资金拨付时间", "2022年9月底前", "2022年10月12日", "10", "6", "省级资金到位晚。"],
        ["^", "成本指标", "经济成本指标", "人均基本公共卫生服务经费", "84元", "84元", "20", "20", ""],
        ["^", "效益指标", "社会效益指标", "孕产妇死亡率", "＜10/10万", "8.6/10万", "20", "20", ""],
        ["^", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "88%", "20", "17.6", "宣传不到位。"],
        [("总分", 6), "100", "92.6", ""],
        [("评价等级", 6), ("优", 3)],
    ],
    9,
)


def test_department_self_evaluation_with_tasks_and_annual_targets(tmp_path: Path) -> None:
    path = tmp_path / "department.docx"
    path.write_bytes(docx(*DEPARTMENT))
    report = normalize_document(read_document(path))
    assert (report.document.report_kind, report.document.fiscal_year) == ("self_evaluation", 2022)
    (project,) = report.projects
    assert project.name == "唐山市卫生健康委员会部门整体支出"
    assert project.purpose.splitlines() == ["基本公共卫生服务：提供12类国家基本公共卫生服务", "疾病预防控制：重点传染病监测与免疫规划"]
    assert project.goal == "全市基本公共卫生服务覆盖率稳步提高。"
    got = [(i.name, i.raw, i.actual.raw, i.actual.kind, i.weight, i.score, i.met, i.achievement)
           for i in project.indicators]
    assert got == [
        ("基本公共卫生服务项目", "12类", "12类", "number", 20, 20, True, 1.0),
        ("资金拨付时间", "2022年9月底前", "2022年10月12日", "date", 10, 6, False, None),
        ("人均基本公共卫生服务经费", "84元", "84元", "number", 20, 20, True, 1.0),
        ("孕产妇死亡率", "＜10/10万", "8.6/10万", "number", 20, 20, True, 0.86),
        ("群众满意度", "≥90%", "88%", "percent", 20, 17.6, False, 0.9778),
    ]
    assert project.indicators[4].deviation == "宣传不到位。"
    e = project.execution
    assert (e.budget_initial, e.budget_adjusted, e.executed, e.rate, e.weight, e.score) == (
        356205000.0, 360000000.0, 342000000.0, 95.0, 10, 9.5)
    assert (project.total_score, project.grade) == (92.6, "优")
    assert project.budget_total == 356205000.0
    assert not [w for w in report.warnings if w.code in ("score_disagrees", "header_not_found")]


def test_a_targets_report_that_mentions_self_evaluation_stays_a_targets_report(tmp_path: Path) -> None:
    path = tmp_path / "targets.docx"
    path.write_bytes(docx(
        ["唐山市交通运输局2022年度项目支出绩效目标表", "年度终了，按要求开展绩效自评，自评表报市财政局。"],
        [
            ["项目名称", ("农村公路养护工程", 3)],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "养护里程", "≥500公里"],
        ],
        4,
    ))
    report = normalize_document(read_document(path))
    assert report.document.report_kind == "targets"
    assert report.projects[0].indicators[0].actual is None
