"""Reports built as records for the review tests: one project that passes every rule, and ways to break it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from jixiao.normalize.records import (
    DocumentInfo, Indicator, Location, Project, Report, Source, SpendingPlan,
)

TABLE = 2
"""The table every hand-built project sits in, so tests can check a finding's location."""


def ind(name: str | None, raw: str, kind: str = "number", value: float | None = None, *, row: int,
        level1: tuple[str, str | None] = ("产出指标", "output"), level2: tuple[str, str | None] = ("数量指标", "quantity"),
        op: str | None = "=", unit: str | None = None, value_max: float | None = None,
        date: dt.date | None = None) -> Indicator:
    return Indicator(
        level1=level1[0], level1_code=level1[1], level2=level2[0], level2_code=level2[1], name=name,
        description=None, raw=raw, kind=kind, op=None if kind in ("text", "empty") else op, value=value,
        value_max=value_max, unit=unit, scale=1 if value is not None else None, date=date, basis="年度工作计划",
        location=Location(TABLE, row),
    )


QUALITY = (("产出指标", "output"), ("质量指标", "quality"))
TIMELINESS = (("产出指标", "output"), ("时效指标", "timeliness"))
COST = (("成本指标", "cost"), ("经济成本指标", "economic_cost"))
SOCIAL = (("效益指标", "benefit"), ("社会效益指标", "social"))
SATISFACTION = (("满意度指标", "satisfaction"), ("服务对象满意度指标", "satisfaction"))


def indicators() -> list[Indicator]:
    """Six rows that break no rule: every category, all quantified, rates in %, the deadline in 2021."""
    return [
        ind("培训人次", "500人次", value=500, unit="人次", row=6),
        ind("培训合格率", "≥95%", "percent", 95, op=">=", unit="%", row=7, level1=QUALITY[0], level2=QUALITY[1]),
        ind("培训完成时间", "2021年11月底前", "date", op="<=", date=dt.date(2021, 11, 30), row=8,
            level1=TIMELINESS[0], level2=TIMELINESS[1]),
        ind("人均培训成本", "≤2000元", value=2000, op="<=", unit="元", row=9, level1=COST[0], level2=COST[1]),
        ind("参训人员业务能力提升率", "≥10%", "percent", 10, op=">=", unit="%", row=10,
            level1=SOCIAL[0], level2=SOCIAL[1]),
        ind("参训人员满意度", "≥90%", "percent", 90, op=">=", unit="%", row=11,
            level1=SATISFACTION[0], level2=SATISFACTION[1]),
    ]


def project(code: str = "130200-21-0001", name: str | None = "基层干部业务培训", *, rows: list[Indicator] | None = None,
            **changes: object) -> Project:
    base = Project(
        code=code, name=name, department="唐山市财政局", budget_total=1_000_000.0, budget_fiscal=800_000.0,
        budget_other=200_000.0, spending_plan=SpendingPlan(25.0, 50.0, 75.0, 100.0), purpose="培训基层财政干部",
        goal="全年培训基层财政干部500人次，培训合格率95%以上。", indicators=tuple(rows if rows is not None else indicators()),
    )
    return dataclasses.replace(base, **changes)


def report(*projects: Project, year: int | None = 2021, file: str = "bureau_2021.docx") -> Report:
    return Report(
        source=Source(file=file, sha256="0" * 64, bytes=1024),
        document=DocumentInfo("唐山市财政局2021年度项目支出绩效目标表", "唐山市财政局", year),
        sections=(), projects=projects or (project(),), narrative_indicators=(), warnings=(),
    )


def replace_row(row: int, indicator: Indicator) -> list[Indicator]:
    """The clean rows with the one at grid row `row` replaced."""
    return [indicator if i.location.row == row else i for i in indicators()]


def without(*rows: int) -> list[Indicator]:
    return [i for i in indicators() if i.location.row not in rows]
