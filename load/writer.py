"""Write one report as a new version of its key, inside a transaction the caller holds.

A fixed number of statements per document, whatever its size: every child table
gets one statement (see load.bulk), and the others are built once, not per call. The
current-version pointer (current_documents, one row per key) moves in the same
transaction, so readers see the old version or the new one, never both or neither.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from jixiao.load import schema
from jixiao.load.bulk import insert_returning_ids, insert_rows
from jixiao.load.rows import Row, check_lengths, child_rows, document_row
from jixiao.normalize.records import Report

__all__ = ["Written", "write_report", "log_row"]

_d, _c = schema.documents, schema.current_documents

# A statement built per call (.values(...), a fresh where clause) costs more to
# cache-key than the database takes to run it.
_LOCK = sa.select(_c.c.document_id).where(_c.c.document_key == sa.bindparam("key")).with_for_update()
_same = _d.c.sha256 == sa.bindparam("sha256")
_LOOKUP = (
    sa.select(sa.func.max(_d.c.version), sa.func.max(sa.case((_same, _d.c.id))),
              sa.func.max(sa.case((_same, _d.c.version))))
    .where(_d.c.document_key == sa.bindparam("key"))
)
_RETIRE = (
    sa.update(_d).where(_d.c.document_key == sa.bindparam("key"), _d.c.is_current == sa.true())
    .values(is_current=False, superseded_at=sa.bindparam("now"))
)
_POINT = _c.insert().values(document_key=sa.bindparam("key"), document_id=sa.bindparam("document_id"),
                            changed_at=sa.bindparam("now"))
_MOVE = (
    sa.update(_c).where(_c.c.document_key == sa.bindparam("key"))
    .values(document_id=sa.bindparam("document_id"), changed_at=sa.bindparam("now"))
)
_INSERT_DOCUMENT = _d.insert()
_INSERT_LOG = schema.ingest_log.insert()


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
    """Write `report` under `key` unless a version with the same sha256 exists; log it either way.

    The lock and the read stay two statements: under READ COMMITTED each statement reads
    a snapshot taken when it starts, so a read in the locking statement itself would miss
    the version that the writer it waited for has just committed.
    """
    sha = report.source.sha256
    # Locks the key's pointer row (PostgreSQL, MariaDB): a second writer of the key waits here.
    # A key's first version has no row to lock; two of those collide on the unique
    # constraints instead, and the caller retries the loser (load.database.is_transient).
    conn.execute(_LOCK, {"key": key})
    top, same_id, same_v = conn.execute(_LOOKUP, {"key": key, "sha256": sha}).one()
    if same_id is not None:
        written = Written("unchanged", same_id, same_v)
    else:
        version = (top or 0) + 1
        document_id = _insert_version(conn, report, key, kind, path, run_id, parser_version, now,
                                      version=version, first=top is None)
        written = Written("loaded", document_id, version)
    conn.execute(_INSERT_LOG, log_row(
        run_id=run_id, path=path, sha256=sha, status=written.status, document_key=key,
        document_id=written.document_id, version=written.version, now=now,
    ))
    return written


def _insert_version(
    conn: Connection, report: Report, key: str, kind: str | None, path: str, run_id: str,
    parser_version: str, now: dt.datetime, *, version: int, first: bool,
) -> int:
    doc = document_row(report, key=key, version=version, kind=kind, path=path, run_id=run_id,
                       parser_version=parser_version, now=now)
    check_lengths(_d, [doc], path)
    rows = child_rows(report, path)  # built and checked before anything is written
    if not first:
        conn.execute(_RETIRE, {"key": key, "now": now})
    document_id = conn.execute(_INSERT_DOCUMENT, doc).inserted_primary_key[0]
    conn.execute(_POINT if first else _MOVE, {"key": key, "document_id": document_id, "now": now})

    rows.set_document_id(document_id)
    insert_rows(conn, schema.sections, rows.sections)
    if rows.indicators:
        rows.set_project_ids(insert_returning_ids(conn, schema.projects, rows.projects, "ordinal"))
    else:
        insert_rows(conn, schema.projects, rows.projects)
    insert_rows(conn, schema.narrative_indicators, rows.narrative_indicators)
    insert_rows(conn, schema.warnings, rows.warnings)
    insert_rows(conn, schema.indicators, rows.indicators)
    return document_id


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
