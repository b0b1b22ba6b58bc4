"""What the reviewer's part of the report shows, read from the database: projects, their indicators and findings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from jixiao.load.schema import current_documents, documents, findings, indicators, projects
from jixiao.review import default_rules

__all__ = ["ReviewFinding", "ReviewIndicator", "ReviewProject", "ReviewData", "read_review_data"]


@dataclass(frozen=True, slots=True)
class ReviewFinding:
    """One finding as the page shows it."""

    rule_id: str
    severity: str
    message: str


@dataclass(frozen=True, slots=True)
class ReviewIndicator:
    """An indicator row with the findings about it."""

    level1: str | None
    level2: str | None
    name: str | None
    raw: str
    kind: str
    op: str | None
    value: float | None
    value_max: float | None
    unit: str | None
    date: object
    table: int | None
    row: int | None
    findings: tuple[ReviewFinding, ...]


@dataclass(frozen=True, slots=True)
class ReviewProject:
    """A project of a current version, its indicators, and the findings about the project as a whole."""

    document_id: int
    department: str | None
    fiscal_year: int | None
    source_file: str
    version: int
    ordinal: int
    code: str | None
    name: str | None
    budget_total: float | None
    indicators: tuple[ReviewIndicator, ...]
    findings: tuple[ReviewFinding, ...]

    def all_findings(self) -> tuple[ReviewFinding, ...]:
        return self.findings + tuple(f for i in self.indicators for f in i.findings)

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.all_findings())


@dataclass(frozen=True, slots=True)
class ReviewData:
    """The reviewer's view of the current versions."""

    projects: tuple[ReviewProject, ...]
    by_rule: tuple[tuple[str, str, str, int], ...]
    """(rule_id, title, severity, findings), most frequent first; the title from the rules in force."""
    document_findings: tuple[tuple[str, ReviewFinding], ...]
    """(source file, finding) of findings about a whole document (measurability over the document)."""

    @property
    def send_back(self) -> tuple[ReviewProject, ...]:
        """Projects with an error-level finding: the ones to return to the department."""
        return tuple(p for p in self.projects if p.count("error"))


def read_review_data(conn: Connection) -> ReviewData:
    """Read the current versions' projects, indicators and findings in one pass each."""
    current = sa.select(current_documents.c.document_id)
    on_project: dict[tuple[int, int], list[ReviewFinding]] = {}
    on_row: dict[tuple[int, int, int | None, int | None, str | None], list[ReviewFinding]] = {}
    whole: list[tuple[int, ReviewFinding]] = []
    counts: Counter[tuple[str, str]] = Counter()
    f = findings
    for r in conn.execute(sa.select(f).where(f.c.document_id.in_(current)).order_by(f.c.document_id, f.c.ordinal)):
        item = ReviewFinding(r.rule_id, r.severity, r.message)
        counts[(r.rule_id, r.severity)] += 1
        if r.project_ordinal is None:
            whole.append((r.document_id, item))
        elif r.indicator_name is None and r.location_row is None:
            on_project.setdefault((r.document_id, r.project_ordinal), []).append(item)
        else:
            key = (r.document_id, r.project_ordinal, r.location_table, r.location_row, r.indicator_name)
            on_row.setdefault(key, []).append(item)
    d, p, x = documents, projects, indicators
    query = (sa.select(d.c.id.label("document_id"), d.c.department, d.c.fiscal_year, d.c.source_file, d.c.version,
                       p.c.id, p.c.ordinal, p.c.code, p.c.name, p.c.budget_total)
             .select_from(p.join(d, d.c.id == p.c.document_id)).where(d.c.id.in_(current))
             .order_by(d.c.department, d.c.fiscal_year, d.c.source_file, p.c.ordinal))
    stored = conn.execute(query).all()
    ordinal = {r.id: r.ordinal for r in stored}
    rows: dict[int, list[ReviewIndicator]] = {}
    for r in conn.execute(sa.select(x).where(x.c.document_id.in_(current)).order_by(x.c.project_id, x.c.ordinal)):
        key = (r.document_id, ordinal[r.project_id], r.location_table, r.location_row, r.name)
        rows.setdefault(r.project_id, []).append(ReviewIndicator(
            r.level1, r.level2, r.name, r.raw, r.kind, r.op, r.value, r.value_max, r.unit, r.date,
            r.location_table, r.location_row, tuple(on_row.get(key, ()))))
    review_projects = tuple(
        ReviewProject(r.document_id, r.department, r.fiscal_year, r.source_file, r.version, r.ordinal, r.code, r.name,
                      r.budget_total, tuple(rows.get(r.id, ())), tuple(on_project.get((r.document_id, r.ordinal), ())))
        for r in stored
    )
    files = dict(conn.execute(sa.select(d.c.id, d.c.source_file).where(d.c.id.in_(current))).all())
    titles = {rule.id: rule.title for rule in default_rules().rules}
    by_rule = tuple(sorted(((rule, titles.get(rule, ""), sev, n) for (rule, sev), n in counts.items()),
                           key=lambda t: (-t[3], t[0])))
    return ReviewData(review_projects, by_rule, tuple((files[doc], item) for doc, item in whole))
