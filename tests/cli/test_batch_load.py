"""run_batch into a real SQLite file with a fake pipeline: one writer, any number of workers, same database."""

from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from jixiao.batch import run_batch
from jixiao.load import schema
from jixiao.load.exceptions import BadDatabaseUrl, LoadError
from test_batch_pool import corpus, fake_read

# Columns that differ between two runs of the same input: surrogate keys, clocks, run ids.
VOLATILE = {"id", "document_id", "project_id", "run_id", "ingested_at", "superseded_at", "changed_at", "at", "reviewed_at"}


def dump_database(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows without ids and timestamps; references become (document_key, version[, ordinal])."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            docs = {r.id: (r.document_key, r.version) for r in conn.execute(sa.select(schema.documents))}
            projs = {r.id: (*docs[r.document_id], r.ordinal) for r in conn.execute(sa.select(schema.projects))}
            out: dict[str, list[tuple[Any, ...]]] = {}
            for table in schema.metadata.sorted_tables:
                rows = []
                for r in conn.execute(sa.select(table)).mappings():
                    row = {k: v for k, v in r.items() if k not in VOLATILE}
                    if "document_id" in r:
                        row["document"] = docs.get(r["document_id"])
                    if "project_id" in r:
                        row["project"] = projs[r["project_id"]]
                    rows.append(tuple(sorted(row.items(), key=lambda kv: kv[0])))
                out[table.name] = sorted(rows, key=repr)
    finally:
        engine.dispose()
    return out


def count(url: str, table: sa.Table, *where: Any) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one())
    finally:
        engine.dispose()


SPECS = ["report 2 3 1", "bad", "report 1 4 0", "crash", "bug", "report 3 2 2", "report 1 1 0"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "in"
    corpus(docs, SPECS)
    return docs


def test_summary_counts_match_the_database_and_failures_leave_no_rows(folder: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'j.db'}"
    summary = run_batch([folder], db_url=url, workers=2, read=fake_read, warm=None)
    assert [o.status for o in summary.outcomes] == [
        "failed" if s in ("bad", "crash", "bug") else "loaded" for s in SPECS
    ]
    assert (summary.loaded, summary.failed, summary.exit_status) == (4, 3, 1)
    assert (summary.documents, summary.projects, summary.indicators, summary.untyped) == (4, 7, 17, 8)
    assert count(url, schema.documents) == summary.documents
    assert count(url, schema.projects) == summary.projects
    assert count(url, schema.indicators) == summary.indicators
    assert count(url, schema.warnings, schema.warnings.c.code == "value_unparsed") == summary.untyped
    failed = count(url, schema.ingest_log, schema.ingest_log.c.status == "failed")
    assert failed == 3 and count(url, schema.ingest_log) == 7


def test_workers_do_not_change_what_the_database_holds(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    corpus(folder, [s for s in SPECS if s != "crash"])  # a crash in-process (workers=1) would end pytest
    dumps = []
    for workers in (1, 2):
        url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        run_batch([folder], db_url=url, workers=workers, read=fake_read, warm=None)
        run_batch([folder], db_url=url, workers=workers, read=fake_read, warm=None)  # all unchanged
        dumps.append(dump_database(url))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["documents"]) == 4 and len(dumps[0]["ingest_log"]) == 12


def test_versions_of_one_key_follow_the_input_order(tmp_path: Path) -> None:
    files = corpus(tmp_path / "in", ["report 1 1 0", "report 2 1 0", "report 3 1 0", "report 4 1 0"])
    url = f"sqlite:///{tmp_path / 'k.db'}"
    order = [files[2], files[0], files[3], files[1]]
    summary = run_batch(order, db_url=url, workers=2, key="某局/2024", read=fake_read, warm=None)
    assert [(Path(o.path).name, o.version) for o in summary.outcomes] == [
        ("f02.docx", 1), ("f00.docx", 2), ("f03.docx", 3), ("f01.docx", 4)
    ]
    again = run_batch(order, db_url=url, workers=2, key="某局/2024", read=fake_read, warm=None)
    assert [o.status for o in again.outcomes] == ["unchanged"] * 4 and again.exit_status == 0


def test_log_json_has_one_line_per_file(tmp_path: Path) -> None:
    corpus(tmp_path / "in", ["report 2 3 1", "bad", "bug", "report 1 1 0"])
    log = io.StringIO()
    summary = run_batch([tmp_path / "in"], db_url=f"sqlite:///{tmp_path / 'l.db'}", workers=1, read=fake_read,
                        warm=None, log_json=log)
    lines = [json.loads(line) for line in log.getvalue().splitlines()]
    assert [(Path(x["path"]).name, x["status"], x["error_code"]) for x in lines] == [
        ("f00.docx", "loaded", None), ("f01.docx", "failed", "not_docx"),
        ("f02.docx", "failed", "internal_error"), ("f03.docx", "loaded", None),
    ]
    first = lines[0]
    assert {k: first[k] for k in ("projects", "indicators", "untyped", "version", "error_message")} == {
        "projects": 2, "indicators": 6, "untyped": 2, "version": 1, "error_message": None}
    assert first["warnings"][0] == {"code": "value_unparsed", "message": "项目0 指标0: no rule reads the value",
                                    "location": {"table": 0, "row": 0}}
    assert len(first["sha256"]) == 64 and first["run_id"] == summary.run_id
    assert lines[1]["error_message"].endswith("is not a Word file") and "traceback" not in lines[1]
    assert "Traceback" in lines[2]["traceback"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_database_that_cannot_be_opened_stops_the_batch_and_its_workers(tmp_path: Path, workers: int) -> None:
    files = corpus(tmp_path / "in", ["report 1 1 0"] * 6)
    url = "postgresql+psycopg://jixiao@127.0.0.1:1/nowhere"  # nothing listens on port 1
    with pytest.raises(LoadError, match="cannot open the database"):
        run_batch(files, db_url=url, workers=workers, read=fake_read, warm=None)
    assert multiprocessing.active_children() == []


def test_an_unusable_url_stops_the_batch_before_any_file_is_loaded(tmp_path: Path) -> None:
    files = corpus(tmp_path / "in", ["report 1 1 0"] * 4)
    with pytest.raises(BadDatabaseUrl):
        run_batch(files, db_url="oracle://scott@h/orcl", workers=2, read=fake_read, warm=None)
    assert multiprocessing.active_children() == []
