"""Published self-evaluation tables from four provinces (tests/realworld/self_evaluation_tables.py),
read end to end: target, actual, met, weight and score as the tables print them."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract.document import read_document
from jixiao.normalize.contract import report_to_dict
from jixiao.normalize.document import normalize_document
from jixiao.normalize.records import Report
from tests.realworld.self_evaluation_tables import (
    CHIZHOU_2022, CHONGQING_2021, LANGFANG_2019, QINGSHEN_2023, docx,
)


def _report(tmp_path: Path, name: str, table) -> Report:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(docx(*table))
    return normalize_document(read_document(path))


def _rows(report: Report) -> list[tuple]:
    return [
        (i.name, i.raw, i.op, i.value, i.actual.raw, i.actual.kind, i.actual.value, i.weight, i.score, i.met,
         i.achievement)
        for p in report.projects for i in p.indicators if i.actual is not None and (i.raw or i.actual.raw)
    ]


def test_central_template_anhui_chizhou(tmp_path: Path) -> None:
    report = _report(tmp_path, "chizhou", CHIZHOU_2022)
    assert (report.document.report_kind, report.document.fiscal_year) == ("self_evaluation", 2022)
    (project,) = report.projects
    assert project.name == "委托业务项目"
    assert _rows(report)[:6] == [
        ("基建工程委托业务项目数量", "≥50个", ">=", 50, "50", "number", 50, 8, 8, True, 1.0),
        ("委托业务报告合格率", "≥100百分比", ">=", 100, "100", "number", 100, 8, 8, True, 1.0),
        ("经费支出合规性", "严格执行相关制度规定", None, None, "达成预期指标", "status", 1, 8, 8, True, None),
        ("提交报告及时性", "在项目计划完成时间内完成", None, None, "达成预期指标", "status", 1, 8, 8, True, None),
        ("项目总成本", "≤90万元", "<=", 900000, "90", "number", 90, 8, 8, True, 1.0),
        ("单项业务成本", "符合相关规定", None, None, "达成预期指标", "status", 1, 10, 10, True, None),
    ]
    assert len(_rows(report)) == 9
    assert [i.level1_code for i in project.indicators[:1] + project.indicators[6:7]] == ["output", "benefit"]
    e = project.execution  # the 年度资金总额 row as published: zeros, weight 10
    assert (e.budget_initial, e.budget_adjusted, e.executed, e.rate, e.weight, e.score) == (0, 0, 0, 0, 10, 0)
    assert project.goal.startswith("本项目共申请预算资金90万元")


def test_sichuan_template_with_blank_results(tmp_path: Path) -> None:
    report = _report(tmp_path, "qingshen", QINGSHEN_2023)
    assert (report.document.report_kind, report.document.fiscal_year) == ("self_evaluation", 2023)
    (project,) = report.projects
    assert project.name == "51000021R000000019951-工资性支出"
    got = [(i.name, i.raw, i.kind, i.op, i.value, i.unit, i.actual.kind, i.weight, i.score, i.met)
           for i in project.indicators]  # the 合计 row and the signature row are not indicators
    assert got == [
        ("发放(缴纳)覆盖率", "100", "percent", "=", 100, "%", "empty", 60, None, None),
        ("足额保障率(参保率)", "100", "percent", "=", 100, "%", "empty", 30, None, None),
    ]
    e = project.execution
    assert (e.budget_initial, e.budget_adjusted, e.executed, e.rate, e.weight, e.score) == (
        2389300.0, 2518900.0, 2518900.0, 100.0, 10, None)
    assert not [w for w in report.warnings if w.code == "value_unparsed"]


def test_central_template_hebei_langfang_shortfall_and_reason(tmp_path: Path) -> None:
    report = _report(tmp_path, "langfang", LANGFANG_2019)
    (project,) = report.projects
    first = project.indicators[0]
    assert (first.name, first.raw, first.actual.raw, first.weight, first.score, first.met, first.achievement) == (
        "指标1工程资金金额", "43.2", "37.24", 10, 9, False, 0.862)
    assert first.deviation == "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。"
    met = [(i.name, i.met, i.score) for i in project.indicators if i.met is not None]
    assert len(met) == 9 and all(m for _, m, _ in met[1:]) and sum(s for *_, s in met) == 89
    e = project.execution
    assert (e.budget_initial, e.budget_adjusted, e.executed, e.rate, e.weight, e.score) == (
        432000.0, 432000.0, 372400.0, 86.0, 10, 9)
    assert not [w for w in report.warnings if w.code == "score_disagrees"]


def test_chongqing_department_table_without_levels(tmp_path: Path) -> None:
    report = _report(tmp_path, "chongqing", CHONGQING_2021)
    assert report.document.report_kind == "self_evaluation"
    (project,) = report.projects
    assert _rows(report) == [
        ("财政供养人员控制率", "100%", "=", 100, "92%", "percent", 92, 2, 2, False, 0.92),
        ("预算完成率", "70%", "=", 70, "76%", "percent", 76, 2, 2, True, 1.0857),
        ("播发稿件数量", "2200篇", "=", 2200, "2859篇", "number", 2859, 10, 10, True, 1.2995),
        ("业务保障能力提升", "90%", "=", 90, "95%", "percent", 95, 10, 10, True, 1.0556),
        ("管理制度健全性", "高", None, None, "高", "text", None, 3, 3, True, None),
        ("资金使用合规性", "好", None, None, "好", "text", None, 5, 5, True, None),
    ]
    assert project.total_score == 97.6
    assert (project.execution.rate, project.execution.weight, project.execution.score) == (76.0, 10, 7.6)
    # a 控制率 is met by staying under 100%: the full score says so, the bare "100%" target does not
    (disagrees,) = [w for w in report.warnings if w.code == "score_disagrees"]
    assert "财政供养人员控制率" in disagrees.message and disagrees.location.row == 5


@pytest.mark.parametrize("table", [CHIZHOU_2022, LANGFANG_2019], ids=["chizhou", "langfang"])
def test_contract_carries_results_only_for_self_evaluations(tmp_path: Path, table) -> None:
    d = report_to_dict(_report(tmp_path, "t", table))
    assert d["document"]["report_kind"] == "self_evaluation"
    project = d["projects"][0]
    assert set(project["execution"]) == {"budget_initial", "budget_adjusted", "executed", "rate", "weight", "score"}
    first = project["indicators"][0]
    assert set(first["actual"]) == {"raw", "kind", "op", "value", "value_max", "unit", "scale", "date"}
    assert {"weight", "score", "deviation", "met", "achievement"} <= set(first)
