"""A stored document version read back as the typed records it was written from (enough to review it again)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from jixiao.load.schema import documents, indicators, projects
from jixiao.normalize.records import DocumentInfo, Indicator, Location, Project, Report, Source, SpendingPlan

__all__ = ["read_stored_report"]


def _indicator(r: sa.Row[tuple[object, ...]]) -> Indicator:
    location = Location(r.location_table, r.location_row) if r.location_table is not None else Location(-1, -1)
    return Indicator(
        level1=r.level1, level1_code=r.level1_code, level2=r.level2, level2_code=r.level2_code, name=r.name,
        description=r.description, raw=r.raw, kind=r.kind, op=r.op, value=r.value, value_max=r.value_max,
        unit=r.unit, scale=r.scale, date=r.date, basis=r.basis, location=location,
    )


def read_stored_report(conn: Connection, document_id: int) -> Report:
    """The projects and indicators of one stored version as a Report (sections and warnings left out)."""
    d = conn.execute(sa.select(documents).where(documents.c.id == document_id)).one()
    by_project: dict[int, list[Indicator]] = {}
    rows = conn.execute(sa.select(indicators).where(indicators.c.document_id == document_id)
                        .order_by(indicators.c.project_id, indicators.c.ordinal))
    for r in rows:
        by_project.setdefault(r.project_id, []).append(_indicator(r))
    stored = conn.execute(sa.select(projects).where(projects.c.document_id == document_id)
                          .order_by(projects.c.ordinal))
    return Report(
        source=Source(file=d.source_file, sha256=d.sha256, bytes=d.bytes, path=d.source_path),
        document=DocumentInfo(d.title, d.department, d.fiscal_year),
        sections=(),
        projects=tuple(
            Project(
                code=p.code, name=p.name, department=p.department, budget_total=p.budget_total,
                budget_fiscal=p.budget_fiscal, budget_other=p.budget_other,
                spending_plan=SpendingPlan(p.spending_plan_q1, p.spending_plan_q2, p.spending_plan_q3,
                                           p.spending_plan_q4),
                purpose=p.purpose, goal=p.goal, indicators=tuple(by_project.get(p.id, ())),
            )
            for p in stored
        ),
        narrative_indicators=(),
        warnings=(),
    )
