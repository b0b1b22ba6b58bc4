"""normalize_document on a small extracted report: every row typed, nothing dropped, warnings kept."""

from __future__ import annotations

import datetime as dt

from jixiao.extract.model import Location, Warning
from jixiao.extract.records import DocumentInfo, ExtractedDocument, RawIndicator, RawProject, Section, Source
from jixiao.normalize.contract import report_to_dict
from jixiao.normalize.document import normalize_document
from jixiao.normalize.records import Indicator, SpendingPlan


def _row(level1, level2, name, raw, row, basis="唐食药监监管【2016】5号", **extra) -> RawIndicator:
    return RawIndicator(level1, level2, name, name, raw, basis, Location(0, row), **extra)


SEED_PROJECT = RawProject(
    code="228002B20DX0001", name="食品安全抽检经费", department=None,
    purpose="预算数1080万元,其中：财政资金1080万元．主要用于全市辖区内的食品安全抽检工作。",
    goal="……确保全市食品安全抽样检测数（不含快速检测）不低于5.5份/千人。",
    budget_total=None, budget_fiscal=None, budget_other=None, budget_unit=None,
    spending_plan=("30.00", "60.00", "90.00", "100.00"),
    indicators=(
        _row("产出指标", "数量指标", "抽检批次", "13000批次", 8, basis="唐政办字【2019】43号"),
        _row("产出指标", "质量指标", "抽检完成率", "100%", 9),
        _row("产出指标", "时效指标", "抽检完成时限", "2021年12月底前", 10),
        _row("产出指标", "成本指标", "预算资金完成率", "95%以上", 11),
        _row("效果指标", "社会效益指标", "健全食品安全监测体系", "抽检数不低于5.5份/千人", 13),
        _row("满意度指标", "服务对象满意度指标", "群众满意度", "90%以上", 16),
        _row("效果指标", "经济效益指标", "销售收入", "", 17),
        _row("效果指标", "社会效益指标", "监测体系", "健全", 18),
        _row("效果指标", "社会效益指标", "站点", "省级5个、国家级1个", 19),
        _row("效果指标", "社会影响指标", "宣传覆盖", "年底前", 20),
        _row("效果指标", "社会影响指标", "宣传场次", "12场", 21),
    ),
    table=0, layout="seed",
)

BUDGET_SYSTEM_PROJECT = RawProject(
    code=None, name="示例部门部门整体支出", department="示例部门", purpose=None, goal=None,
    budget_total="120", budget_fiscal="100", budget_other="20", budget_unit="万元",
    spending_plan=(None, None, None, None),
    indicators=(
        _row("产出指标", "数量指标", "培训人次", "500", 4, nature="≥", unit="人次"),
        _row("产出指标", "成本指标", "人均培训成本", "0.2", 5, nature="≤", unit="万元"),
        _row("效益指标", "社会效益指标", "培训效果", "良好", 6, nature="定性"),
    ),
    table=1, layout="budget_system",
)

EXTRACT_WARNING = Warning("element_ignored", "An unrecognised element was ignored: w:foo", None)


def _doc(fiscal_year: int | None) -> ExtractedDocument:
    return ExtractedDocument(
        source=Source("seed.docx", "ab" * 32, 1234),
        document=DocumentInfo("部门总体绩效目标及保障措施", "唐山市市场监督管理局", fiscal_year),
        sections=(
            Section("2", 1, "2、", "分项绩效目标", "分项绩效目标"),
            Section("2.1", 2, "（1）", "抓好三大战略的推进。", "抓好三大战略的推进。",
                    body=("绩效指标：全市产（商）品质量合格率达到92%；",)),
        ),
        projects=(SEED_PROJECT, BUDGET_SYSTEM_PROJECT),
        warnings=(EXTRACT_WARNING,),
    )


def test_seed_project_is_typed() -> None:
    report = normalize_document(_doc(2021))
    p = report.projects[0]
    assert (p.code, p.name, p.budget_total, p.budget_fiscal, p.budget_other) == (
        "228002B20DX0001", "食品安全抽检经费", 10800000.0, 10800000.0, None,
    )
    assert p.spending_plan == SpendingPlan(30.0, 60.0, 90.0, 100.0)
    assert p.indicators[0] == Indicator(
        level1="产出指标", level1_code="output", level2="数量指标", level2_code="quantity",
        name="抽检批次", description="抽检批次", raw="13000批次", kind="number", op="=", value=13000,
        value_max=None, unit="批次", scale=1, date=None, basis="唐政办字【2019】43号", location=Location(0, 8),
    )
    assert [(i.kind, i.op, i.value, i.unit, i.date) for i in p.indicators[1:6]] == [
        ("percent", "=", 100, "%", None),
        ("date", "<=", None, None, dt.date(2021, 12, 31)),
        ("percent", ">=", 95, "%", None),
        ("number", ">=", 5.5, "份/千人", None),
        ("percent", ">=", 90, "%", None),
    ]
    assert [(i.level1_code, i.level2_code) for i in p.indicators[3:6]] == [
        ("output", "cost"), ("benefit", "social"), ("satisfaction", "satisfaction"),
    ]


def test_nothing_is_dropped() -> None:
    report = normalize_document(_doc(2021))
    rows = [i for p in report.projects for i in p.indicators]
    assert len(rows) == len(SEED_PROJECT.indicators) + len(BUDGET_SYSTEM_PROJECT.indicators)
    empty, qualitative, unparsed = rows[6], rows[7], rows[8]
    assert (empty.raw, empty.kind, empty.op, empty.value) == ("", "empty", None, None)
    assert (qualitative.raw, qualitative.kind, qualitative.value) == ("健全", "text", None)
    assert (unparsed.raw, unparsed.kind, unparsed.value) == ("省级5个、国家级1个", "text", None)


def test_warnings_carry_over_and_point_at_rows() -> None:
    report = normalize_document(_doc(2021))
    assert report.warnings[0] == EXTRACT_WARNING
    assert [(w.code, w.location) for w in report.warnings[1:]] == [
        ("value_unparsed", Location(0, 19)),
        ("label_unknown", Location(0, 20)),  # 社会影响指标, reported once for the project
    ]
    assert "省级5个、国家级1个" in report.warnings[1].message
    assert "社会影响指标" in report.warnings[2].message
    unknown = report.projects[0].indicators[9]
    assert (unknown.level2, unknown.level2_code) == ("社会影响指标", None)


def test_dates_without_a_fiscal_year_warn() -> None:
    report = normalize_document(_doc(None))
    row = report.projects[0].indicators[9]
    assert (row.kind, row.op, row.date) == ("date", "<=", None)
    assert ("value_unparsed", Location(0, 20)) in [(w.code, w.location) for w in report.warnings]
    assert report.projects[0].indicators[2].date == dt.date(2021, 12, 31)  # its own year


def test_budget_system_columns_and_cells() -> None:
    p = normalize_document(_doc(2021)).projects[1]
    assert (p.code, p.budget_total, p.budget_fiscal, p.budget_other) == (None, 1200000.0, 1000000.0, 200000.0)
    assert [(i.kind, i.op, i.value, i.unit, i.scale) for i in p.indicators] == [
        ("number", ">=", 500, "人次", 1),
        ("number", "<=", 2000, "元", 10000),
        ("text", None, None, None, None),
    ]


def test_narrative_indicators_and_contract_json() -> None:
    report = normalize_document(_doc(2021))
    d = report_to_dict(report)
    assert d["narrative_indicators"] == [{
        "section": "2.1", "text": "全市产（商）品质量合格率达到92%", "name": "全市产（商）品质量合格率",
        "kind": "percent", "op": ">=", "value": 92, "value_max": None, "unit": "%", "scale": 1, "date": None,
    }]
    assert d["projects"][0]["indicators"][2]["date"] == "2021-12-31"
    assert d["projects"][0]["budget_total"] == 10800000.0
