"""What the HTML report shows, read from the database into plain values (no HTML here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import get_args

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from jixiao.load.report.review_data import ReviewData, read_review_data
from jixiao.load.report.achievement import AchievementData, read_achievement
from jixiao.load.schema import current_documents, documents, indicators, ingest_log, projects, warnings
from jixiao.load.report.revisions import VersionChange, read_version_changes
from jixiao.normalize.records import Kind

UNTYPED_CODE = "value_unparsed"
"""The warning code normalize gives a value no rule could type (documents.n_untyped counts them)."""


@dataclass(frozen=True, slots=True)
class Totals:
    """Row counts of the database; `current_*` count only the current version of each key."""

    versions: int
    documents: int
    projects: int
    indicators: int
    all_projects: int
    all_indicators: int
    warnings: int
    untyped: int
    failed_files: int


@dataclass(frozen=True, slots=True)
class Version:
    """One stored version of a document."""

    document_id: int
    version: int
    is_current: bool
    title: str | None
    source_file: str
    source_path: str
    sha256: str
    ingested_at: dt.datetime
    n_projects: int
    n_indicators: int
    n_warnings: int
    n_untyped: int


@dataclass(frozen=True, slots=True)
class DocumentHistory:
    """A document key and all its versions, newest first."""

    document_key: str
    doc_kind: str | None
    versions: tuple[Version, ...]

    @property
    def current(self) -> Version:
        return next((v for v in self.versions if v.is_current), self.versions[0])


@dataclass(frozen=True, slots=True)
class Group:
    """The documents of one department and fiscal year (None when the report did not say)."""

    department: str | None
    fiscal_year: int | None
    documents: tuple[DocumentHistory, ...]


@dataclass(frozen=True, slots=True)
class Flag:
    """A warning of a current version, with the indicator it points at when there is one."""

    department: str | None
    fiscal_year: int | None
    source_file: str
    document_key: str
    version: int
    code: str
    message: str
    table: int | None
    row: int | None
    project: str | None
    indicator: str | None
    raw: str | None


@dataclass(frozen=True, slots=True)
class Failure:
    """A file whose latest ingest failed."""

    path: str
    error_code: str | None
    message: str | None
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the report shows."""

    totals: Totals
    groups: tuple[Group, ...]
    flags: tuple[Flag, ...]
    failures: tuple[Failure, ...]
    by_category: tuple[tuple[str | None, str | None, int], ...]
    """(level1_code, level2_code, indicators) of the current versions."""
    by_kind: tuple[tuple[str, int], ...]
    """(kind, indicators) of the current versions."""
    review: ReviewData | None = None
    """The review findings of the current versions, project by project."""
    revisions: tuple[VersionChange, ...] = ()
    """The newest version_log entries (load.report.revisions)."""
    achievement: AchievementData = AchievementData((), ())
    """Self-evaluations: targets met per department and year, and the unmet ones."""


def _count(conn: Connection, query: sa.Select[tuple[int]]) -> int:
    return int(conn.execute(query).scalar_one())


def _current_ids() -> sa.Select[tuple[int]]:
    return sa.select(current_documents.c.document_id)


def read_totals(conn: Connection) -> Totals:
    """Row counts, as the ingest summary and the report's header show them."""
    current = _current_ids()
    return Totals(
        versions=_count(conn, sa.select(sa.func.count()).select_from(documents)),
        documents=_count(conn, sa.select(sa.func.count()).select_from(current_documents)),
        projects=_count(conn, sa.select(sa.func.count()).where(projects.c.document_id.in_(current))),
        indicators=_count(conn, sa.select(sa.func.count()).where(indicators.c.document_id.in_(current))),
        all_projects=_count(conn, sa.select(sa.func.count()).select_from(projects)),
        all_indicators=_count(conn, sa.select(sa.func.count()).select_from(indicators)),
        warnings=_count(conn, sa.select(sa.func.count()).where(warnings.c.document_id.in_(current))),
        untyped=_count(conn, sa.select(sa.func.count()).where(
            warnings.c.document_id.in_(current), warnings.c.code == UNTYPED_CODE)),
        failed_files=len(_failures(conn)),
    )


def _version(r: sa.Row[tuple[object, ...]]) -> Version:
    return Version(
        r.id, r.version, bool(r.is_current), r.title, r.source_file, r.source_path, r.sha256,
        r.ingested_at, r.n_projects, r.n_indicators, r.n_warnings, r.n_untyped,
    )


def _groups(conn: Connection) -> tuple[Group, ...]:
    rows = conn.execute(sa.select(documents).order_by(documents.c.document_key, documents.c.version.desc()))
    by_key: dict[str, list[sa.Row[tuple[object, ...]]]] = {}
    for r in rows:
        by_key.setdefault(r.document_key, []).append(r)
    by_group: dict[tuple[str | None, int | None], list[DocumentHistory]] = {}
    for key, versions in by_key.items():
        # The current version says which department and year the document belongs to now.
        head = next((r for r in versions if r.is_current), versions[0])
        history = DocumentHistory(key, head.doc_kind, tuple(_version(r) for r in versions))
        by_group.setdefault((head.department, head.fiscal_year), []).append(history)
    order = sorted(by_group, key=lambda g: (g[0] is None, g[0] or "", g[1] is None, -(g[1] or 0)))
    return tuple(
        Group(dep, year, tuple(sorted(by_group[(dep, year)], key=lambda h: h.document_key))) for dep, year in order
    )


def _flags(conn: Connection) -> tuple[Flag, ...]:
    d, w, x, p = documents, warnings, indicators, projects
    at_indicator = sa.and_(
        x.c.document_id == w.c.document_id, x.c.location_table == w.c.location_table,
        x.c.location_row == w.c.location_row,
    )
    query = (
        sa.select(
            d.c.department, d.c.fiscal_year, d.c.source_file, d.c.document_key, d.c.version, w.c.code,
            w.c.message, w.c.location_table, w.c.location_row, p.c.name.label("project"),
            x.c.name.label("indicator"), x.c.raw, w.c.ordinal,
        )
        .select_from(w.join(d, d.c.id == w.c.document_id)
                     .outerjoin(x, at_indicator).outerjoin(p, p.c.id == x.c.project_id))
        .where(w.c.document_id.in_(_current_ids()))
        .order_by(d.c.document_key, w.c.ordinal, x.c.id)
    )
    flags: dict[tuple[str, int], Flag] = {}
    for r in conn.execute(query):
        # A merged cell can put two indicators on one grid row; the warning is listed once.
        flags.setdefault((r.document_key, r.ordinal), Flag(
            r.department, r.fiscal_year, r.source_file, r.document_key, r.version, r.code, r.message,
            r.location_table, r.location_row, r.project, r.indicator, r.raw,
        ))
    return tuple(sorted(flags.values(), key=lambda f: (
        f.department is None, f.department or "", -(f.fiscal_year or 0), f.document_key)))


def _failures(conn: Connection) -> tuple[Failure, ...]:
    """Files whose most recent ingest failed (a later success clears them)."""
    latest: dict[str, sa.Row[tuple[object, ...]]] = {}
    rows = conn.execute(sa.select(ingest_log.c.path, ingest_log.c.status, ingest_log.c.error_code,
                                  ingest_log.c.message, ingest_log.c.at).order_by(ingest_log.c.id))
    for r in rows:
        latest[r.path] = r
    return tuple(
        Failure(r.path, r.error_code, r.message, r.at) for r in latest.values() if r.status == "failed"
    )


def _by_category(conn: Connection) -> tuple[tuple[str | None, str | None, int], ...]:
    x = indicators
    query = (
        sa.select(x.c.level1_code, x.c.level2_code, sa.func.count())
        .where(x.c.document_id.in_(_current_ids()))
        .group_by(x.c.level1_code, x.c.level2_code)
    )
    return tuple((a, b, int(n)) for a, b, n in conn.execute(query))


def _by_kind(conn: Connection) -> tuple[tuple[str, int], ...]:
    x = indicators
    query = sa.select(x.c.kind, sa.func.count()).where(x.c.document_id.in_(_current_ids())).group_by(x.c.kind)
    counts = {kind: int(n) for kind, n in conn.execute(query)}
    order = {kind: i for i, kind in enumerate(get_args(Kind))}
    return tuple(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def read_report_data(conn: Connection) -> ReportData:
    """Read everything the report shows in one connection (one consistent snapshot where the engine allows)."""
    return ReportData(
        totals=read_totals(conn), groups=_groups(conn), flags=_flags(conn), failures=_failures(conn),
        by_category=_by_category(conn), by_kind=_by_kind(conn), review=read_review_data(conn),
        revisions=read_version_changes(conn), achievement=read_achievement(conn),
    )
