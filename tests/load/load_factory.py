"""Hand-built Reports for the load tests: a v1/v2 revision pair and reports of any size."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

from jixiao.normalize.contract import report_to_dict
from jixiao.normalize.records import (
    DocumentInfo, Indicator, Location, NarrativeIndicator, Project, Report, Section, Source, SpendingPlan, Warning,
)

DEPARTMENT = "唐山市市场监督管理局"
TITLE = "唐山市市场监督管理局2021年部门整体绩效目标"


def ind(name: str, raw: str, kind: str = "number", value: float | None = None, *, op: str | None = "=",
        unit: str | None = None, level1: str = "产出指标", level1_code: str | None = "output",
        level2: str = "数量指标", level2_code: str | None = "quantity", date: dt.date | None = None,
        value_max: float | None = None, row: int = 0) -> Indicator:
    return Indicator(
        level1=level1, level1_code=level1_code, level2=level2, level2_code=level2_code, name=name,
        description=None, raw=raw, kind=kind, op=op if kind not in ("text", "empty") else None, value=value,
        value_max=value_max, unit=unit, scale=1 if value is not None else None, date=date, basis="历史数据",
        location=Location(1, row),
    )


def project(code: str | None, name: str, indicators: list[Indicator], budget: float | None = 1_300_000.0) -> Project:
    return Project(
        code=code, name=name, department=DEPARTMENT, budget_total=budget, budget_fiscal=budget, budget_other=0.0,
        spending_plan=SpendingPlan(25.0, 50.0, 75.0, 100.0), purpose="保障食品药品安全", goal="全年完成抽检任务",
        indicators=tuple(indicators),
    )


def report(projects: list[Project], *, file: str = "report.docx", department: str | None = DEPARTMENT,
           year: int | None = 2021, title: str | None = TITLE, warnings: tuple[Warning, ...] | None = None,
           salt: str = "") -> Report:
    """A report whose sha256 is a hash of its content, as a file's would be."""
    r = Report(
        source=Source(file=file, sha256="0" * 64, bytes=4096),
        document=DocumentInfo(title, department, year),
        sections=(
            Section(path="1", level=1, label="1、", title="部门总体绩效目标", text="部门总体绩效目标"),
            Section(path="1.1", level=2, label="（一）", title="质量水平目标", text="质量水平目标。建成试点1个。"),
        ),
        projects=tuple(projects),
        narrative_indicators=(
            NarrativeIndicator(section="1.1", text="建成国家标准化试点1个", name="国家标准化试点", kind="number",
                               op="=", value=1, value_max=None, unit="个", scale=1, date=None),
        ),
        warnings=warnings if warnings is not None else (
            Warning("value_unparsed", "表1第5行：指标值“较上年有所提高”未能识别", Location(1, 5)),
        ),
    )
    content = json.dumps(report_to_dict(r), ensure_ascii=False, sort_keys=True) + salt
    return dataclasses.replace(r, source=Source(file=file, sha256=hashlib.sha256(content.encode()).hexdigest(),
                                                bytes=len(content.encode())))


def v1() -> Report:
    return report([
        project("13020021000000000001", "食品安全抽检经费", [
            ind("抽检批次", "≥5000批次", value=5000, op=">=", unit="批次", row=3),
            ind("抽检合格率", "95%以上", "percent", 95, op=">=", unit="%", level2="质量指标",
                level2_code="quality", row=4),
            ind("完成时间", "2021年12月底前", "date", None, op="<=", level2="时效指标", level2_code="timeliness",
                date=dt.date(2021, 12, 31), row=5),
            ind("社会效益", "较上年有所提高", "text", None, level1="效益指标", level1_code="benefit",
                level2="社会效益指标", level2_code="social", row=6),
        ]),
        project("13020021000000000002", "特种设备检验", [
            ind("检验台数", "1.2万台", value=12000, unit="台", row=3),
            ind("群众满意度", "90%-95%", "percent", 90, op="range", unit="%", value_max=95, level1="满意度指标",
                level1_code="satisfaction", level2="服务对象满意度指标", level2_code="satisfaction", row=4),
        ]),
    ], file="report_v1.docx")


def v2() -> Report:
    """v1 revised: one value changed, the second project removed, a third added."""
    first = v1().projects[0]
    changed = list(first.indicators)
    changed[1] = dataclasses.replace(changed[1], raw="98%以上", value=98)
    return report([
        dataclasses.replace(first, indicators=tuple(changed)),
        project("13020021000000000003", "计量器具强制检定", [
            ind("检定台件", "3000台件", value=3000, unit="台件", row=3),
        ]),
    ], file="report_v2.docx")


def big(n_projects: int, n_indicators: int, *, file: str = "big.docx", department: str = DEPARTMENT,
        salt: str = "") -> Report:
    """A report with n_projects projects of n_indicators indicators each."""
    return report([
        project(f"P{p:04d}", f"项目{p}", [
            ind(f"指标{p}-{i}", f"{i}个", value=i, unit="个", row=i) for i in range(1, n_indicators + 1)
        ])
        for p in range(1, n_projects + 1)
    ], file=file, department=department, salt=salt)
