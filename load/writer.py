"""Write one report as a new version of its document, inside a transaction the caller holds.

A fixed number of statements per document, whatever its size: every child table
gets one statement (see load.bulk), and the others are built once, not per call. The
current-version pointer (current_documents, one row per key) moves in the same
transaction, so readers see the old version or the new one, never both or neither.
Which document a file revises is decided by load.identity; every supersession and every
revision held back is written to version_log with the line the user is shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from jixiao.load import schema
from jixiao.load.bulk import insert_returning_ids, insert_rows
from jixiao.load.diff import load_snapshot, snapshot_of
from jixiao.load.identity import (
    Candidate, Revision, change_summary, content_sha256, find_revised, first_free, key_choices, revision_of,
    shrink_reason,
)
from jixiao.load.rows import Row, check_lengths, child_rows, document_row
from jixiao.normalize.records import Report

__all__ = ["Target", "Written", "write_report", "log_row", "version_log_row"]

_d, _c = schema.documents, schema.current_documents

# A statement built per call (.values(...), a fresh where clause) costs more to
# cache-key than the database takes to run it.


@dataclass(frozen=True, slots=True)
class _FamilyStatements:
    """The statements that read the documents of one base key (or of one --key)."""

    lock: sa.Select[tuple[str]]
    current: sa.Select[tuple[str, int, int, str]]
    same_bytes: sa.Select[tuple[str, int, int, str, bool]]


def _family_statements(member: sa.ColumnElement[bool]) -> _FamilyStatements:
    return _FamilyStatements(
        lock=sa.select(_c.c.document_key)
        .where(_c.c.document_key.in_(sa.select(_d.c.document_key).where(member))).with_for_update(),
        current=sa.select(_c.c.document_key, _d.c.id, _d.c.version, _d.c.source_file)
        .select_from(_c.join(_d, _d.c.id == _c.c.document_id)).where(member).order_by(_d.c.id),
        same_bytes=sa.select(_d.c.document_key, _d.c.id, _d.c.version, _d.c.parser_version, _d.c.is_current)
        .where(member, _d.c.sha256 == sa.bindparam("sha256")).order_by(_d.c.id.desc()),
    )


_BY_BASE = _family_statements(_d.c.base_key == sa.bindparam("base"))
_BY_KEY = _family_statements(_d.c.document_key == sa.bindparam("base"))
_KEY_VERSIONS = (
    sa.select(_d.c.id, _d.c.version, _d.c.content_sha256, _d.c.is_current)
    .where(_d.c.document_key == sa.bindparam("key"))
)
_TAKEN = sa.select(_d.c.document_key).where(_d.c.document_key.in_(sa.bindparam("keys", expanding=True))).distinct()
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
_INSERT_VERSION_LOG = schema.version_log.insert()


@dataclass(frozen=True, slots=True)
class Target:
    """Where a report goes: its base key, and whether the user named the document (--key)."""

    base_key: str
    kind: str | None
    forced: bool = False
    by_department: bool = True
    reparse: bool = False
    """Compare a re-read of identical bytes with the stored one even when the parser is the same."""
    accept_shrink: bool = False


@dataclass(frozen=True, slots=True)
class Written:
    """What happened to a report: a new version, or an existing version with the same bytes."""

    status: Literal["loaded", "unchanged"]
    document_id: int
    version: int
    document_key: str
    action: Literal["new", "supersede", "hold", "unchanged"] = "new"
    previous_version: int | None = None
    note: str | None = None
    """The line the user reads: what the version replaces and changes, or why it was held back."""


def write_report(
    conn: Connection, report: Report, *, target: Target, path: str, run_id: str, parser_version: str,
    now: dt.datetime,
) -> Written:
    """Write `report` as a version of the document it is (see load.identity); log it either way.

    The lock and the reads stay separate statements: under READ COMMITTED each statement reads
    a snapshot taken when it starts, so a read in the locking statement itself would miss
    the version that the writer it waited for has just committed.
    """
    family = _BY_KEY if target.forced else _BY_BASE
    # Locks the pointer rows of every document of the base key (PostgreSQL, MariaDB): a second
    # writer of the family waits here. A family's first document has no row to lock; two of
    # those collide on the unique constraints instead, and the caller retries the loser.
    base = {"base": target.base_key}
    conn.execute(family.lock, base)
    content = content_sha256(report)
    choices = key_choices(target.base_key, report.source.file, target.by_department and not target.forced,
                          report.source.sha256)
    # The lookup of identical bytes comes last: a document another writer commits before it is
    # found here (unchanged), one committed after it collides on (document_key, version) and
    # this transaction is retried. Keys taken are read before the candidates, so a document
    # committed in between is a candidate this file may revise, not just a key to avoid.
    taken = set(conn.execute(_TAKEN, {"keys": choices}).scalars())
    family_rows = conn.execute(family.current, base).all()
    same = conn.execute(family.same_bytes, {**base, "sha256": report.source.sha256}).first()
    written = _same_bytes(conn, same, target, content, parser_version) if same is not None else None
    if written is None:
        candidates = [Candidate(key, document_id, version, source_file, load_snapshot(conn, document_id))
                      for key, document_id, version, source_file in family_rows]
        written = _new_version(conn, report, target, content, path, run_id, parser_version, now,
                               choices=choices, taken=taken, candidates=candidates, reread=same)
    conn.execute(_INSERT_LOG, log_row(
        run_id=run_id, path=path, sha256=report.source.sha256, status=written.status,
        document_key=written.document_key, document_id=written.document_id, version=written.version, now=now,
    ))
    if written.action in ("supersede", "hold"):
        conn.execute(_INSERT_VERSION_LOG, version_log_row(
            key=written.document_key, action=written.action, version=written.version,
            previous=written.previous_version, run_id=run_id, message=written.note or "", now=now,
        ))
    return written


def _same_bytes(conn: Connection, same: sa.Row[tuple[str, int, int, str, bool]], target: Target, content: str,
                parser_version: str) -> Written | None:
    """`same` (the newest version with these bytes) unchanged, or None when a re-read of it differs."""
    key, document_id, version, stored_parser, is_current = same
    if target.reparse or stored_parser != parser_version:
        versions = conn.execute(_KEY_VERSIONS, {"key": key}).all()
        same = next((v for v in versions if v.content_sha256 == content), None)
        if same is None:
            return None  # the re-read differs: it becomes a new version of `key` (see _new_version)
        document_id, version, is_current = same.id, same.version, same.is_current
    note = None if is_current else (
        f"v{version} is not the current version; `jixiao history {key} --make-current {version}` makes it current again"
    )
    return Written("unchanged", document_id, version, key, "unchanged", note=note)


def _new_version(
    conn: Connection, report: Report, target: Target, content: str, path: str, run_id: str, parser_version: str,
    now: dt.datetime, *, choices: list[str], taken: set[str], candidates: list[Candidate],
    reread: sa.Row[tuple[str, int, int, str, bool]] | None,
) -> Written:
    new = snapshot_of(report)
    if reread is not None:  # identical bytes read differently by this parser: a version of the same key
        revision: Revision | None = revision_of(next(c for c in candidates if c.document_key == reread.document_key),
                                                new)
    elif target.forced and candidates:
        revision = revision_of(candidates[0], new)
    else:
        revision = find_revised(report.source.file, new, candidates)
    if revision is None:
        key = first_free(choices, taken)
        document_id = _insert_version(conn, report, key, target, content, path, run_id, parser_version, now,
                                      version=1, current=True, first=True)
        note = None
        if candidates:
            others = ", ".join(c.source_file for c in candidates[:2]) + \
                (f" and {len(candidates) - 2} more" if len(candidates) > 2 else "")
            note = f"new document {key}: a different report from {others} under {target.base_key}"
        return Written("loaded", document_id, 1, key, "new", note=note)

    old = revision.candidate
    top = max(v.version for v in conn.execute(_KEY_VERSIONS, {"key": old.document_key}))
    version = top + 1
    summary = change_summary(revision.diff)
    if reread is not None:
        summary = f"re-read by jixiao {parser_version} (was {reread.parser_version}): {summary}"
    held = None if target.accept_shrink else shrink_reason(revision)
    document_id = _insert_version(conn, report, old.document_key, target, content, path, run_id, parser_version,
                                  now, version=version, current=held is None, first=False)
    if held is not None:
        note = (f"v{version} of {old.document_key} stored but NOT made current: {held} ({summary}); "
                f"v{old.version} stays current. If the cut is intended: `jixiao history {old.document_key} "
                f"--make-current {version}`, or ingest with --accept-shrink")
        return Written("loaded", document_id, version, old.document_key, "hold", old.version, note)
    note = f"v{version} of {old.document_key}, replaces {old.source_file} v{old.version}: {summary}"
    return Written("loaded", document_id, version, old.document_key, "supersede", old.version, note)


def _insert_version(
    conn: Connection, report: Report, key: str, target: Target, content: str, path: str, run_id: str,
    parser_version: str, now: dt.datetime, *, version: int, current: bool, first: bool,
) -> int:
    doc = document_row(report, key=key, version=version, kind=target.kind, path=path, run_id=run_id,
                       parser_version=parser_version, now=now)
    doc.update(base_key=target.base_key, content_sha256=content, is_current=current)
    check_lengths(_d, [doc], path)
    rows = child_rows(report, path)  # built and checked before anything is written
    if current and not first:
        conn.execute(_RETIRE, {"key": key, "now": now})
    document_id = conn.execute(_INSERT_DOCUMENT, doc).inserted_primary_key[0]
    if current:
        conn.execute(_POINT if first else _MOVE, {"key": key, "document_id": document_id, "now": now})

    rows.set_document_id(document_id)
    insert_rows(conn, schema.sections, rows.sections)
    if rows.indicators or rows.long_term_indicators:
        rows.set_project_ids(insert_returning_ids(conn, schema.projects, rows.projects, "ordinal"))
    else:
        insert_rows(conn, schema.projects, rows.projects)
    insert_rows(conn, schema.narrative_indicators, rows.narrative_indicators)
    insert_rows(conn, schema.warnings, rows.warnings)
    insert_rows(conn, schema.indicators, rows.indicators)
    insert_rows(conn, schema.long_term_indicators, rows.long_term_indicators)
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


def version_log_row(*, key: str, action: str, version: int, previous: int | None, run_id: str | None,
                    message: str, now: dt.datetime) -> Row:
    """One version_log row."""
    return {"document_key": key, "action": action, "version": version, "previous_version": previous,
            "run_id": run_id, "message": message, "at": now}
