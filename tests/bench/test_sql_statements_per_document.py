"""Loading a document costs a fixed number of SQL statements, whatever the size of its tables (issue 7)."""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest
import sqlalchemy as sa

from jixiao.load.database import create_engine
from jixiao.load.ingest import ingest_report, new_run_id
from jixiao.normalize.records import (
    DocumentInfo, Indicator, Location, Project, Report, Section, Source, SpendingPlan,
)

DEPARTMENT = "唐山市市场监督管理局"


def _indicator(p: int, i: int) -> Indicator:
    return Indicator(
        level1="产出指标", level1_code="output", level2="数量指标", level2_code="quantity",
        name=f"抽检批次{p}-{i}", description=None, raw=f"≥{i}批次", kind="number", op=">=", value=i,
        value_max=None, unit="批次", scale=1, date=None, basis="历史数据", location=Location(p, i),
    )


def _report(n_projects: int, n_indicators: int, *, department: str = DEPARTMENT) -> Report:
    """A report of n_projects project tables with n_indicators indicator rows each."""
    projects = tuple(
        Project(
            code=f"1302002100000000{p:04d}", name=f"食品安全抽检经费{p}", department=department,
            budget_total=1_300_000.0, budget_fiscal=1_300_000.0, budget_other=0.0,
            spending_plan=SpendingPlan(25.0, 50.0, 75.0, 100.0), purpose="保障食品药品安全", goal="全年完成抽检任务",
            indicators=tuple(_indicator(p, i) for i in range(n_indicators)),
        )
        for p in range(n_projects)
    )
    sections = tuple(
        Section(path=str(s + 1), level=1, label=f"{s + 1}、", title=f"目标{s}", text=f"目标{s}。") for s in range(n_projects)
    )
    ident = f"{department}/{n_projects}/{n_indicators}"
    return Report(
        source=Source(file=f"{n_projects}x{n_indicators}.docx", sha256=hashlib.sha256(ident.encode()).hexdigest(), bytes=4096),
        document=DocumentInfo(f"{department}2021年部门绩效目标", department, 2021),
        sections=sections, projects=projects, narrative_indicators=(), warnings=(),
    )


def _statements(engine: sa.Engine, report: Report, key: str) -> Counter[str]:
    """SQL statements (an executemany counts once) that ingesting `report` sends, by their first word."""
    seen: Counter[str] = Counter()

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        seen[statement.split(None, 1)[0].upper()] += 1

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        outcome = ingest_report(engine, report, path=report.source.file, key=key, run_id=new_run_id())
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    assert outcome.status == "loaded", outcome.error_message
    assert outcome.indicators == sum(len(p.indicators) for p in report.projects)
    return seen


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'bench.db'}")
    ingest_report(engine, _report(1, 1), path="warm.docx", key="warm-up", run_id=new_run_id())  # schema, caches
    yield engine
    engine.dispose()


@pytest.mark.parametrize(
    ("small", "large"),
    [
        ((1, 5), (1, 20)),    # 4x the indicator rows in one table
        ((2, 5), (8, 5)),     # 4x the project tables
        ((2, 10), (8, 40)),   # 16x the rows: 20 -> 320 indicators
    ],
)
def test_statements_per_document_do_not_grow_with_its_tables(engine, small, large) -> None:
    few = _statements(engine, _report(*small), key=f"small-{small}")
    many = _statements(engine, _report(*large), key=f"large-{large}")
    assert many == few
    assert sum(many.values()) <= 20


def test_a_revision_costs_as_many_statements_at_any_size(engine) -> None:
    _statements(engine, _report(1, 1, department="甲局"), key="revised-small")
    _statements(engine, _report(1, 1, department="乙局"), key="revised-large")
    small = _statements(engine, _report(2, 5, department="甲局"), key="revised-small")
    large = _statements(engine, _report(8, 40, department="乙局"), key="revised-large")
    assert large == small
    assert small["UPDATE"] >= 1  # the earlier version was retired
