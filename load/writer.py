"""Write one report as a new version of its key, inside a transaction the caller holds.

A fixed number of statements per document, whatever its size: every child table
gets one executemany. The current-version pointer (current_documents, one row
per key) moves in the same transaction, so readers see the old version or the
new one, never both or neither.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from load import schema
from load.rows import Row, check_lengths, child_rows, document_row, indicator_rows
from normalize.records import Report

__all__ = ["Written", "write_report", "log_row"]

_d, _c = schema.documents, schema.current_documents


@dataclass(frozen=True, slots=True)
class Written:
    """What happened to a report: a new version, or an existing version with the same bytes."""

    status: Literal["loaded", "unchanged"]
    document_id: int
    version: int


def write_report(
    conn: Connection, report: Report, *, key: str, kind: str | None, path: str, run_id: str,
    parser_version: str, now: dt.datetime,
) -> Written:
    """Write `report` under `key` unless a version with the same sha256 exists; log it either way."""
    sha = report.source.sha256
    # Locks the key's pointer row (PostgreSQL, MariaDB): a second writer of the key waits here.
    conn.execute(sa.select(_c.c.document_id).where(_c.c.document_key == key).with_for_update())
    same = sa.case((_d.c.sha256 == sha, _d.c.id))
    same_version = sa.case((_d.c.sha256 == sha, _d.c.version))
    top, same_id, same_v = conn.execute(
        sa.select(sa.func.max(_d.c.version), sa.func.max(same), sa.func.max(same_version))
        .where(_d.c.document_key == key)
    ).one()
    if same_id is not None:
        written = Written("unchanged", same_id, same_v)
    else:
        version = (top or 0) + 1
        document_id = _insert_version(conn, report, key, kind, path, run_id, parser_version, now,
                                      version=version, first=top is None)
        written = Written("loaded", document_id, version)
    conn.execute(schema.ingest_log.insert().values(log_row(
        run_id=run_id, path=path, sha256=sha, status=written.status, document_key=key,
        document_id=written.document_id, version=written.version, now=now,
    )))
    return written


def _insert_version(
    conn: Connection, report: Report, key: str, kind: str | None, path: str, run_id: str,
    parser_version: str, now: dt.datetime, *, version: int, first: bool,
) -> int:
    doc = document_row(report, key=key, version=version, kind=kind, path=path, run_id=run_id,
                       parser_version=parser_version, now=now)
    check_lengths(_d, [doc], path)
    if not first:
        conn.execute(
            sa.update(_d).where(_d.c.document_key == key, _d.c.is_current == sa.true())
            .values(is_current=False, superseded_at=now)
        )
    document_id = conn.execute(_d.insert().values(doc)).inserted_primary_key[0]
    if first:
        conn.execute(_c.insert().values(document_key=key, document_id=document_id, changed_at=now))
    else:
        conn.execute(sa.update(_c).where(_c.c.document_key == key).values(document_id=document_id, changed_at=now))

    rows = child_rows(report, document_id, path)
    _insert_many(conn, schema.sections, rows.sections, path)
    _insert_many(conn, schema.projects, rows.projects, path)
    _insert_many(conn, schema.narrative_indicators, rows.narrative_indicators, path)
    _insert_many(conn, schema.warnings, rows.warnings, path)
    if any(p.indicators for p in report.projects):
        p = schema.projects
        project_ids = dict(conn.execute(sa.select(p.c.ordinal, p.c.id).where(p.c.document_id == document_id)).all())
        _insert_many(conn, schema.indicators, indicator_rows(report, document_id, project_ids, path), path)
    return document_id


def _insert_many(conn: Connection, table: sa.Table, rows: list[Row], path: str) -> None:
    if rows:
        check_lengths(table, rows, path)
        conn.execute(table.insert(), rows)


def log_row(
    *, run_id: str, path: str, sha256: str | None, status: str, now: dt.datetime, document_key: str | None = None,
    document_id: int | None = None, version: int | None = None, error_code: str | None = None,
    message: str | None = None,
) -> Row:
    """One ingest_log row."""
    return {
        "run_id": run_id, "path": path, "sha256": sha256, "status": status, "document_key": document_key,
        "document_id": document_id, "version": version, "error_code": error_code, "message": message, "at": now,
    }
