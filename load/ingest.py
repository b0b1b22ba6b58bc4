"""Ingest reports: each document whole in one transaction with its log row, or not at all.

The API the `jixiao ingest` batch front-end calls. Safe with several processes
writing the same database: a collision on a document key is retried, and the
database itself allows exactly one current version per key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from jixiao.load import schema
from jixiao.load.database import is_transient, write_connection
from jixiao.load.document_key import document_key_for, keyed_by_department, report_document_kind
from jixiao.load.exceptions import JixiaoError, LoadError
from jixiao.load.files import file_sha256, iter_report_files, readable_message, readable_path
from jixiao.load.findings import store_findings
from jixiao.load.migrate import ensure_schema
from jixiao.load.rows import indicator_count, untyped_count
from jixiao.load.writer import Target, log_row, write_report
from jixiao.normalize.records import Report
from jixiao.review import RuleSet, default_rules, review_report

__all__ = [
    "IngestOutcome", "Loader", "document_key_for", "ingest_report", "record_failure", "new_run_id", "ingest_paths",
    "parser_version",
]

Status = Literal["loaded", "unchanged", "failed"]
_INSERT_LOG = schema.ingest_log.insert()
ATTEMPTS = 8
"""Tries of one document's transaction when concurrent writers of its key collide."""


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What ingesting one file did."""

    path: str
    sha256: str | None
    status: Status
    document_key: str | None
    version: int | None
    document_id: int | None
    projects: int
    indicators: int
    untyped: int
    """Values left untyped: the document's value_unparsed warnings."""
    warnings: int
    error_code: str | None
    error_message: str | None
    action: str | None = None
    """new, supersede, hold (stored, not made current) or unchanged; None for a failed file."""
    previous_version: int | None = None
    """The version that was current before (supersede, hold)."""
    note: str | None = None
    """The line to show: what a revision replaces and changes, or why it was held back."""


def new_run_id() -> str:
    """A sortable id for one ingest run: UTC time plus random hex."""
    return f"{_now():%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"


@cache
def parser_version() -> str:
    """The installed jixiao version, stored with every document version."""
    try:
        return metadata.version("jixiao")
    except metadata.PackageNotFoundError:
        return "unknown"


class Loader:
    """Ingest reports one after another over one connection, each document in a transaction of its own.

        with Loader(engine) as loader:
            outcome = loader.ingest(report, path="a.docx", run_id=new_run_id())

    A batch keeps one Loader, so the schema check, the connection and the statements
    the server has prepared serve every document instead of being set up per document.
    Not for several threads at once: give each thread its own Loader.
    """

    def __init__(self, engine: Engine, rules: RuleSet | None = None) -> None:
        self.engine = engine
        self.rules = rules or default_rules()
        """The review rules each new version's findings are computed with (load.findings)."""
        self._conn: Connection | None = None

    def __enter__(self) -> Loader:
        ensure_schema(self.engine)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Give the connection back to the engine's pool."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        if self._conn is None:
            self._conn = write_connection(self.engine)
        try:
            with self._conn.begin():
                yield self._conn
        except sa.exc.DBAPIError:
            if self._conn.invalidated:  # the connection was lost: the next document starts on a fresh one
                self.close()
            raise

    def ingest(self, report: Report, *, path: str, key: str | None = None, run_id: str, reparse: bool = False,
               accept_shrink: bool = False) -> IngestOutcome:
        """Write `report` as a new version of the document it is (or find it unchanged) and log it.

        Args:
            path: the file as the user named it (stored in documents.source_path and the log).
            key: names the document (`--key`) instead of finding it (see load.identity).
            reparse: compare a re-read of identical bytes with the stored one (a new version
                only when it differs); done anyway when the stored version's parser differs.
            accept_shrink: make a revision current even when it drops most projects.
        Returns the outcome; a document the database refuses is logged and returned as failed.
        Raises sqlalchemy errors only when the database itself is unusable (down, wrong schema).
        """
        path = readable_path(path)
        report = dataclasses.replace(report, source=dataclasses.replace(report.source,
                                                                        file=readable_path(report.source.file)))
        sha = report.source.sha256
        try:
            document_key = document_key_for(report, key)
        except LoadError as e:
            return self.record_failure(path=path, sha256=sha, error_code=e.code, message=str(e), run_id=run_id)
        kind = report_document_kind(report)
        target = Target(document_key, kind.code if kind else None, forced=key is not None,
                        by_department=keyed_by_department(report), reparse=reparse, accept_shrink=accept_shrink)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self._transaction() as conn:
                    now = _now()
                    written = write_report(conn, report, target=target, path=path, run_id=run_id,
                                           parser_version=parser_version(), now=now)
                    if written.status == "loaded":
                        store_findings(conn, written.document_id, review_report(report, self.rules),
                                       digest=self.rules.digest, now=now)
            except LoadError as e:
                return self.record_failure(path=path, sha256=sha, error_code=e.code, message=str(e), run_id=run_id,
                                           document_key=document_key)
            except sa.exc.DBAPIError as e:
                if is_transient(e) and attempt < ATTEMPTS:
                    time.sleep(random.uniform(0.01, 0.05) * attempt)
                    continue
                code, problem = _refusal(e)
                if code is None:
                    raise
                return self.record_failure(path=path, sha256=sha, error_code=code, message=f"{path}: {problem}",
                                           run_id=run_id, document_key=document_key)
            return IngestOutcome(
                path=path, sha256=sha, status=written.status, document_key=written.document_key,
                version=written.version, document_id=written.document_id, projects=len(report.projects),
                indicators=indicator_count(report), untyped=untyped_count(report), warnings=len(report.warnings),
                error_code=None, error_message=None, action=written.action,
                previous_version=written.previous_version, note=written.note,
            )
        raise AssertionError("unreachable")  # the last attempt returns or raises

    def record_failure(
        self, *, path: str, sha256: str | None, error_code: str, message: str, run_id: str,
        document_key: str | None = None,
    ) -> IngestOutcome:
        """Log a file that could not be loaded (its own transaction) and return its failed outcome."""
        path, message = readable_path(path), readable_message(message, path)
        with self._transaction() as conn:
            conn.execute(_INSERT_LOG, log_row(
                run_id=run_id, path=path, sha256=sha256, status="failed", document_key=document_key,
                error_code=error_code, message=message, now=_now(),
            ))
        return IngestOutcome(
            path=path, sha256=sha256, status="failed", document_key=document_key, version=None, document_id=None,
            projects=0, indicators=0, untyped=0, warnings=0, error_code=error_code, error_message=message,
        )


def ingest_report(engine: Engine, report: Report, *, path: str, key: str | None = None, run_id: str,
                  reparse: bool = False, accept_shrink: bool = False) -> IngestOutcome:
    """Ingest one report in a transaction of its own (see Loader.ingest; a batch keeps one Loader instead)."""
    with Loader(engine) as loader:
        return loader.ingest(report, path=path, key=key, run_id=run_id, reparse=reparse, accept_shrink=accept_shrink)


def _refusal(error: sa.exc.DBAPIError) -> tuple[str | None, str]:
    """(error code, problem) for a document the database refused; code None when the database is the problem."""
    detail = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else type(error.orig).__name__
    if is_transient(error):
        return "ingest_conflict", f"other writers kept changing the same document key; run ingest again ({detail})"
    if isinstance(error, (sa.exc.IntegrityError, sa.exc.DataError)):
        return "db_rejected", f"the database refused the document: {detail}"
    return None, detail


def record_failure(
    engine: Engine, *, path: str, sha256: str | None, error_code: str, message: str, run_id: str,
    document_key: str | None = None,
) -> IngestOutcome:
    """Log a file that could not be loaded (its own transaction) and return its failed outcome."""
    with Loader(engine) as loader:
        return loader.record_failure(path=path, sha256=sha256, error_code=error_code, message=message,
                                     run_id=run_id, document_key=document_key)


def ingest_paths(
    engine: Engine, paths: Iterable[str | Path], *, key: str | None = None, read: Callable[[Path], Report],
    run_id: str | None = None,
) -> list[IngestOutcome]:
    """Ingest files and folders one after another; a file that fails is logged and the rest go on.

    `read` turns a path into a Report (the CLI passes jixiao.pipeline.read_report), so load
    never imports the extract stage.
    """
    run = run_id or new_run_id()
    outcomes = []
    with Loader(engine) as loader:
        for path in iter_report_files(paths):
            try:
                report = read(path)
            except JixiaoError as e:
                outcomes.append(loader.record_failure(path=str(path), sha256=file_sha256(path), error_code=e.code,
                                                      message=str(e), run_id=run))
                continue
            except Exception as e:  # a reader bug must not stop the batch; the log keeps its trace
                outcomes.append(loader.record_failure(
                    path=str(path), sha256=file_sha256(path), error_code="internal_error",
                    message=f"{path}: jixiao failed to read it ({type(e).__name__}: {e})", run_id=run,
                ))
                continue
            outcomes.append(loader.ingest(report, path=str(path), key=key, run_id=run))
    return outcomes


def _now() -> dt.datetime:
    """UTC, naive and to the second: the same value on every engine (MariaDB DATETIME keeps no fraction)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
