"""Concurrent writers and killed writers: one current version per key, never half a document."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import load_factory as f
from jixiao.load import schema
from jixiao.load.database import create_engine
from jixiao.load.ingest import IngestOutcome, ingest_report
from jixiao.normalize.contract import report_to_json
from jixiao.normalize.records import Report

WORKER = Path(__file__).with_name("ingest_worker.py")
KEY = "唐山市市场监督管理局/2021/department_overall"


def versions_state(engine: Engine) -> tuple[list[int], list[int], list[int]]:
    """(all versions of KEY, versions flagged current, versions the pointer names)."""
    d, c = schema.documents, schema.current_documents
    with engine.connect() as conn:
        every = conn.execute(sa.select(d.c.version).where(d.c.document_key == KEY).order_by(d.c.version)).scalars()
        flagged = conn.execute(sa.select(d.c.version).where(d.c.document_key == KEY, d.c.is_current == sa.true()))
        pointed = conn.execute(sa.select(d.c.version).join(c, c.c.document_id == d.c.id).where(c.c.document_key == KEY))
        return list(every), list(flagged.scalars()), list(pointed.scalars())


def run_together(engine: Engine, reports: list[Report]) -> list[IngestOutcome]:
    start = threading.Barrier(len(reports))
    outcomes: list[IngestOutcome] = []

    def ingest(report: Report) -> None:
        start.wait()
        outcomes.append(ingest_report(engine, report, path=report.source.file, run_id="threads"))

    threads = [threading.Thread(target=ingest, args=(r,)) for r in reports]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_two_threads_ingesting_the_same_revision_load_it_once(engine: Engine) -> None:
    for n in range(5):
        report = f.big(3, 5, salt=str(n))
        outcomes = run_together(engine, [report, report])
        assert sorted(o.status for o in outcomes) == ["loaded", "unchanged"]
        assert {o.version for o in outcomes} == {n + 1}
    every, flagged, pointed = versions_state(engine)
    assert (every, flagged, pointed) == ([1, 2, 3, 4, 5], [5], [5])


def test_two_threads_ingesting_different_revisions_make_two_versions_one_current(engine: Engine) -> None:
    for n in range(4):
        outcomes = run_together(engine, [f.big(3, 5, salt=f"{n}a"), f.big(3, 5, salt=f"{n}b")])
        assert [o.status for o in outcomes] == ["loaded", "loaded"]
    every, flagged, pointed = versions_state(engine)
    assert (every, flagged, pointed) == (list(range(1, 9)), [8], [8])


def test_two_first_versions_of_a_key_collide_and_the_loser_retries_as_version_2(db_url: str,
                                                                                   engine: Engine) -> None:
    """A key's first version has no pointer row to lock: the unique constraints settle that race."""
    if engine.dialect.name == "sqlite":
        pytest.skip("BEGIN IMMEDIATE serializes SQLite writers: the second starts after the first commits")
    other = create_engine(db_url)
    overtaken: list[IngestOutcome] = []
    lookups: list[str] = []

    def overtake(conn, cursor, statement, *rest) -> None:  # noqa: ANN001
        # Right after the first writer found no file with its bytes, a second writer commits version 1.
        if statement.lstrip().startswith("SELECT documents.document_key, documents.id, documents.version, "
                                         "documents.parser_version"):
            lookups.append(statement)
            if not overtaken:
                overtaken.append(ingest_report(other, f.big(2, 2, salt="b"), path="b.docx", run_id="b"))

    sa.event.listen(engine, "after_cursor_execute", overtake)
    try:
        late = ingest_report(engine, f.big(2, 2, salt="a"), path="a.docx", run_id="a")
    finally:
        sa.event.remove(engine, "after_cursor_execute", overtake)
        other.dispose()
    assert [(o.status, o.version) for o in (*overtaken, late)] == [("loaded", 1), ("loaded", 2)]
    assert len(lookups) == 2  # the first attempt wrote version 1 too, was refused, and ran again
    assert versions_state(engine) == ([1, 2], [2], [2])
    with engine.connect() as conn:
        indicators = conn.execute(sa.select(sa.func.count()).select_from(schema.indicators)).scalar()
    assert indicators == 2 * 4  # the refused attempt left no rows


def _json(tmp_path: Path, report: Report, name: str) -> str:
    path = tmp_path / name
    path.write_text(report_to_json(report), encoding="utf-8")
    return str(path)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONWARNINGS": "error"}


def test_two_processes_ingesting_the_same_revision_leave_one_current_version(db_url: str, engine: Engine,
                                                                             tmp_path: Path) -> None:
    doc = _json(tmp_path, f.big(5, 8), "doc.json")
    go = tmp_path / "go"
    workers = [
        subprocess.Popen([sys.executable, str(WORKER), db_url, doc, "--go-file", str(go)], stdout=subprocess.PIPE,
                         text=True, env=_env())
        for _ in range(2)
    ]
    for w in workers:
        assert w.stdout.readline().strip() == "ready"
    go.touch()
    results = [w.communicate(timeout=120)[0].split() for w in workers]
    assert [w.returncode for w in workers] == [0, 0]
    assert sorted(r[2] for r in results) == ["loaded", "unchanged"]
    assert versions_state(engine) == ([1], [1], [1])


def test_sigkill_mid_batch_leaves_no_partial_document(db_url: str, engine: Engine, tmp_path: Path) -> None:
    files = [_json(tmp_path, f.big(20, 10, department=f"部门{n}", file=f"doc{n}.docx"), f"doc{n}.json")
             for n in range(1, 7)]
    worker = subprocess.Popen([sys.executable, str(WORKER), db_url, *files, "--hang-in", "4"],
                              stdout=subprocess.PIPE, text=True, env=_env())
    lines = []
    for line in worker.stdout:
        lines.append(line.split()[0])
        if lines[-1] == "mid":
            break
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=60)
    worker.stdout.close()
    assert lines == ["ready", "done", "done", "done", "mid"]

    d, p, i = schema.documents, schema.projects, schema.indicators
    with engine.connect() as conn:
        docs = conn.execute(sa.select(d.c.id, d.c.department, d.c.n_projects, d.c.n_indicators).order_by(d.c.id)).all()
        per_doc = {
            row.id: (
                conn.execute(sa.select(sa.func.count()).where(p.c.document_id == row.id)).scalar(),
                conn.execute(sa.select(sa.func.count()).where(i.c.document_id == row.id)).scalar(),
            )
            for row in docs
        }
        totals = (conn.execute(sa.select(sa.func.count()).select_from(p)).scalar(),
                  conn.execute(sa.select(sa.func.count()).select_from(i)).scalar())
    assert [row.department for row in docs] == ["部门1", "部门2", "部门3"]
    assert all(per_doc[row.id] == (row.n_projects, row.n_indicators) == (20, 200) for row in docs)
    assert totals == (60, 600)  # no orphan rows of the killed document

    # The database is fine afterwards: the killed document loads on the next run.
    again = ingest_report(engine, f.big(20, 10, department="部门4", file="doc4.docx"), path="doc4.json", run_id="r")
    assert (again.status, again.version) == ("loaded", 1)


def _statements_per_ingest(engine: Engine, n_projects: int, n_indicators: int) -> list[int]:
    """Statements sent for a first version, a revision and an unchanged re-ingest of one size of report."""
    department = f"部门{n_projects}x{n_indicators}"
    reports = [f.big(n_projects, n_indicators, department=department, salt=salt) for salt in ("", "v2", "v2")]
    counts = []
    for report in reports:
        statements: list[str] = []

        def count(conn, cursor, statement, *rest) -> None:  # noqa: ANN001
            statements.append(statement)

        sa.event.listen(engine, "before_cursor_execute", count)
        ingest_report(engine, report, path=report.source.file, run_id="r")
        sa.event.remove(engine, "before_cursor_execute", count)
        counts.append(len(statements))
    return counts


def test_statements_per_document_do_not_grow_with_its_size(engine: Engine) -> None:
    ingest_report(engine, f.big(1, 1, department="预热"), path="warm.docx", run_id="r")  # schema check done
    small = _statements_per_ingest(engine, 1, 2)
    large = _statements_per_ingest(engine, 60, 25)  # 1,500 indicators
    assert small == large
    # a bounded number: the document, its child tables, the version log and the findings,
    # one statement each, whatever the document's size
    assert small[0] <= 16 and small[2] <= 6
