"""Review findings in the database: written with each new version at ingest, rewritten when the rules change."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from jixiao.load import schema
from jixiao.load.bulk import insert_rows
from jixiao.load.migrate import ensure_schema
from jixiao.load.rows import Row
from jixiao.load.stored_report import read_stored_report
from jixiao.review import Finding, RuleSet, Where, default_rules, review_report

__all__ = ["finding_rows", "store_findings", "review_stored", "current_findings", "ReviewRun"]

_f = schema.findings
_DELETE = sa.delete(_f).where(_f.c.document_id == sa.bindparam("document_id"))


def finding_rows(findings: Sequence[Finding], *, document_id: int, digest: str, now: dt.datetime) -> list[Row]:
    """One findings row per finding, numbered from 1 in the order given."""
    return [
        {
            "document_id": document_id, "ordinal": n, "rule_id": f.rule, "severity": f.severity,
            "check_name": f.check, "message": f.message, "message_en": f.message_en,
            "project_ordinal": f.where.project_ordinal, "project_code": f.where.project_code,
            "project_name": f.where.project_name, "indicator_name": f.where.indicator, "raw": f.where.raw,
            "location_table": f.where.table, "location_row": f.where.row, "rules_digest": digest, "reviewed_at": now,
        }
        for n, f in enumerate(findings, 1)
    ]


def store_findings(conn: Connection, document_id: int, findings: Sequence[Finding], *, digest: str,
                   now: dt.datetime) -> None:
    """Replace a version's findings, inside the caller's transaction."""
    conn.execute(_DELETE, {"document_id": document_id})
    insert_rows(conn, _f, finding_rows(findings, document_id=document_id, digest=digest, now=now))


@dataclass(frozen=True, slots=True)
class ReviewRun:
    """What `review_stored` did: versions reviewed and the findings of the current ones by severity."""

    versions: int
    current_by_severity: dict[str, int]


def review_stored(engine: Engine, rules: RuleSet | None = None, *, now: dt.datetime) -> ReviewRun:
    """Review every stored version again under `rules` (each version in a transaction of its own)."""
    ruleset = rules or default_rules()
    ensure_schema(engine)
    with engine.connect() as conn:
        ids = conn.execute(sa.select(schema.documents.c.id).order_by(schema.documents.c.id)).scalars().all()
    for document_id in ids:
        with engine.begin() as conn:
            findings = review_report(read_stored_report(conn, document_id), ruleset)
            store_findings(conn, document_id, findings, digest=ruleset.digest, now=now)
    with engine.connect() as conn:
        current = sa.select(schema.current_documents.c.document_id)
        counts = Counter(dict(conn.execute(
            sa.select(_f.c.severity, sa.func.count()).where(_f.c.document_id.in_(current)).group_by(_f.c.severity)
        ).all()))
    return ReviewRun(len(ids), {k: int(v) for k, v in counts.items()})


def current_findings(engine: Engine) -> list[Finding]:
    """The findings of the current versions (v_findings), in document and finding order."""
    view = sa.table("v_findings", *(sa.column(c) for c in (
        "source_file", "document_id", "finding_ordinal", "rule_id", "severity", "check_name", "message",
        "message_en", "project_ordinal", "project_code", "project_name", "indicator_name", "raw",
        "location_table", "location_row")))
    query = sa.select(view).order_by(view.c.source_file, view.c.document_id, view.c.finding_ordinal)
    with engine.connect() as conn:
        return [
            Finding(r.rule_id, r.severity, r.check_name, r.message, r.message_en, Where(
                r.source_file, r.project_ordinal, r.project_code, r.project_name, r.indicator_name, r.raw,
                r.location_table, r.location_row))
            for r in conn.execute(query)
        ]
