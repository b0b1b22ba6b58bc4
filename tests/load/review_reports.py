"""Hand-built reports for the review page tests: training projects with a vague target, any number of them."""

from __future__ import annotations

import sqlalchemy as sa

from jixiao.load.ingest import Loader, new_run_id
from jixiao.load.report import render_report
from jixiao.normalize.records import DocumentInfo, Indicator, Location, Project, Report, Source, SpendingPlan

HOSTILE = '<script>alert("x")</script>'
LABELS = {"output": "产出指标", "quantity": "数量指标", "quality": "质量指标", "timeliness": "时效指标",
          "cost": "成本指标", "economic_cost": "经济成本指标", "benefit": "效益指标", "social": "社会效益指标",
          "satisfaction": "满意度指标"}


def indicator(name: str, raw: str, kind: str, value: float | None, row: int, l1: str, l2: str,
               unit: str | None = "%") -> Indicator:
    return Indicator(LABELS[l1], l1, LABELS[l2], l2, name, None, raw, kind, ">=" if value is not None else None, value, None,
                     unit if value is not None else None, 1 if value is not None else None, None, None,
                     Location(0, row))


def training_project(n: int, *, fiscal: float = 800_000.0) -> Project:
    rows = (
        indicator("培训人次", "500人次", "number", 500, 6, "output", "quantity", "人次"),
        indicator("培训合格率", "≥95%", "percent", 95, 7, "output", "quality"),
        indicator("完成时限", "年底前完成", "text", None, 8, "output", "timeliness"),
        indicator("人均成本", "≤2000元", "number", 2000, 9, "cost", "economic_cost", "元"),
        indicator("能力提升", "明显提升", "text", None, 10, "benefit", "social"),
        indicator(f"满意度{HOSTILE}", "≥90%", "percent", 90, 11, "satisfaction", "satisfaction"),
    )
    return Project(f"P{n:03d}", f"培训项目{n}", "唐山市财政局", 1_000_000.0, fiscal, 200_000.0,
                   SpendingPlan(25.0, 50.0, 75.0, 100.0), "培训", "全年培训500人次", rows)


def bureau_report(projects: list[Project], file: str = "财政局.docx") -> Report:
    return Report(Source(file, str(len(projects)).rjust(64, "0"), 100, file),
                  DocumentInfo("唐山市财政局2021年度项目支出绩效目标表", "唐山市财政局", 2021), (), tuple(projects), (), ())


def page_of(engine: sa.Engine, report: Report) -> str:
    with Loader(engine) as loader:
        assert loader.ingest(report, path=report.source.file, run_id=new_run_id()).status == "loaded"
    return render_report(engine)[0]
