"""samples/province_form_2023.docx through the whole pipeline (read_report): the mid-term block
and the mid-term money stay apart from the annual indicators and the budget, typed."""

from __future__ import annotations

import datetime as dt

import pytest

from jixiao.normalize.records import Project
from jixiao.pipeline import read_report
from samples.make_samples import SAMPLES_DIR

PROVINCE_SAMPLE = SAMPLES_DIR / "province_form_2023.docx"
GARBAGE, DUST, BRIDGES = "中心城区生活垃圾分类收运体系建设", "中心城区道路扬尘雾炮降尘服务", "城市桥梁隧道安全监测与维护"

LONG_TERM = {
    GARBAGE: [
        ("output", "quantity", "分类收集点改造数量", "≥360个", "number", ">=", 360, None),
        ("output", "quantity", "配置分类收运车辆", "72辆", "number", "=", 72, None),
        ("output", "quality", "生活垃圾分类投放准确率", "98%以上", "percent", ">=", 98, None),
        ("output", "timeliness", "分类收运体系建成时间", "2025年12月底前", "date", "<=", None, dt.date(2025, 12, 31)),
        ("output", "cost", "单个收集点改造成本", "≤3.2万元", "number", "<=", 32000, None),
        ("benefit", "social", "中心城区生活垃圾回收利用率", "≥40%", "percent", ">=", 40, None),
        ("benefit", "ecological", "原生生活垃圾填埋", "基本实现零填埋", "text", None, None, None),
        ("satisfaction", "satisfaction", "居民满意度", "≥92%", "percent", ">=", 92, None),
    ],
    DUST: [],
    BRIDGES: [
        ("output", "quantity", "桥梁隧道定期检测座次", "138座次", "number", "=", 138, None),
        ("output", "quantity", "健康监测系统接入桥梁", "≥18座", "number", ">=", 18, None),
        ("output", "quality", "一、二类桥梁占比", "≥98%", "percent", ">=", 98, None),
        ("output", "timeliness", "病害处置时限", "发现后15日内", "number", "<=", 15, None),
        ("output", "cost", "健康监测系统运维费用", "≤195万元", "number", "<=", 1950000, None),
        ("benefit", "social", "桥隧安全运行事故", "0起", "number", "=", 0, None),
        ("benefit", "sustainable", "桥隧设施使用寿命", "有效延长", "text", None, None, None),
        ("satisfaction", "satisfaction", "市民出行满意度", "≥90%", "percent", ">=", 90, None),
    ],
}


@pytest.fixture(scope="module")
def projects() -> dict[str, Project]:
    return {p.name: p for p in read_report(PROVINCE_SAMPLE).projects}


def test_mid_term_money_is_kept_beside_the_annual_budget(projects: dict[str, Project]) -> None:
    money = [(name, p.budget_total, p.budget_fiscal, p.budget_midterm) for name, p in projects.items()]
    assert money == [
        (GARBAGE, 4_200_000.0, 4_200_000.0, 12_600_000.0),
        (DUST, 2_500_000.0, 2_500_000.0, None),  # 年度本级预算金额 "250万": all fiscal, no mid-term money
        (BRIDGES, 6_500_000.0, 6_000_000.0, 19_500_000.0),
    ]


def test_mid_term_block_is_typed_and_kept_apart_from_the_annual_indicators(projects: dict[str, Project]) -> None:
    for name, expected in LONG_TERM.items():
        got = [(i.level1_code, i.level2_code, i.name, i.raw, i.kind, i.op, i.value, i.date)
               for i in projects[name].long_term_indicators]
        assert got == expected, name
    garbage = projects[GARBAGE]
    assert [i.raw for i in garbage.indicators] == [
        "≥120个", "24辆", "95%以上", "2023年10月底前", "≤3.2万元", "≥35%", "较上年下降10%", "≥90%"]
    # the two blocks share their rows: each annual indicator sits on its mid-term one's grid row
    assert [i.location for i in garbage.indicators] == [i.location for i in garbage.long_term_indicators]


def test_mid_term_units(projects: dict[str, Project]) -> None:
    assert [i.unit for i in projects[BRIDGES].long_term_indicators] == ["座次", "座", "%", "日", "元", "起", None, "%"]
