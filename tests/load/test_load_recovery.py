"""A schema migration that died half-way is finished by the next run, and 0001 data survives 0002 (issue 11, item 5).

MariaDB commits each CREATE TABLE on its own, so a first ingest killed during schema
creation leaves some tables and an empty alembic_version. The tests build that state on
every engine (SQLite and PostgreSQL roll DDL back, but a partial state can still come from
elsewhere) and check that ingest, `db upgrade` and `db current` deal with it.
"""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import load_factory as f
from jixiao.cli import main
from jixiao.load import schema
from jixiao.load.database import create_engine
from jixiao.load.exceptions import LoadError
from jixiao.load.ingest import ingest_report
from jixiao.load.migrate import HEAD_REVISION, current_revision, upgrade

KEY = "唐山市市场监督管理局/2021/department_overall"


def half_migrated(url: str) -> Engine:
    """What a first migration killed after its first tables leaves: those tables and an empty alembic_version."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        schema.metadata.create_all(conn, tables=[schema.documents, schema.current_documents, schema.sections])
    return engine


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_db_current_tells_the_truth_about_a_partial_schema(empty_db_url: str, capsys) -> None:  # noqa: ANN001
    half_migrated(empty_db_url).dispose()
    code, out, err = run(["db", "current", "--db", empty_db_url], capsys)
    assert code == 1 and err == ""
    assert out.endswith(f"schema only partly created (3 of {len(schema.metadata.tables)} tables, no revision "
                        "recorded: a first migration stopped half-way); run `jixiao db upgrade` to finish it\n")


def test_the_next_ingest_finishes_a_half_applied_first_migration(empty_db_url: str) -> None:
    engine = half_migrated(empty_db_url)
    try:
        outcome = ingest_report(engine, f.v1(), path="v1.docx", run_id="r")
        assert (outcome.status, outcome.version) == ("loaded", 1)
        with engine.connect() as conn:
            assert current_revision(conn) == HEAD_REVISION
            assert conn.execute(sa.select(sa.func.count()).select_from(schema.indicators)).scalar() == 6
    finally:
        engine.dispose()


def test_db_upgrade_finishes_it_and_says_so(empty_db_url: str, capsys) -> None:  # noqa: ANN001
    half_migrated(empty_db_url).dispose()
    code, out, err = run(["db", "upgrade", "--db", empty_db_url], capsys)
    assert (code, err) == (0, "")
    assert out.endswith(f"schema at revision {HEAD_REVISION} (latest)\n")
    assert run(["db", "current", "--db", empty_db_url], capsys)[1].endswith(
        f"schema at revision {HEAD_REVISION} (latest)\n")


def test_a_partial_schema_holding_rows_is_left_alone_with_one_line(empty_db_url: str) -> None:
    engine = half_migrated(empty_db_url)
    try:
        with engine.begin() as conn:
            conn.execute(schema.documents.insert(), {
                "document_key": "x", "base_key": "x", "version": 1, "is_current": True, "source_file": "x.docx",
                "source_path": "x.docx", "sha256": "0" * 64, "bytes": 1, "schema_version": 1,
                "parser_version": "t", "run_id": "r", "ingested_at": dt.datetime(2025, 1, 1), "n_sections": 0,
                "n_projects": 0, "n_indicators": 0, "n_narrative_indicators": 0, "n_warnings": 0, "n_untyped": 0,
            })
        with pytest.raises(LoadError, match=r"the schema is only partly created .* holds rows; restore a backup"):
            upgrade(engine)
    finally:
        engine.dispose()


def test_version_1_data_survives_the_upgrade_to_0002(empty_db_url: str) -> None:
    """0002 rebuilds documents on SQLite: the children and the views must come through whole."""
    upgrade(empty_db_url, "0001")
    engine = create_engine(empty_db_url)
    now = dt.datetime(2025, 1, 2, 3, 4, 5)
    try:
        with engine.begin() as conn:
            doc = conn.execute(sa.text(
                "INSERT INTO documents (document_key, version, is_current, source_file, source_path, sha256, bytes, "
                "schema_version, parser_version, run_id, ingested_at, n_sections, n_projects, n_indicators, "
                "n_narrative_indicators, n_warnings, n_untyped) VALUES (:k, 1, :t, 'report_v1.docx', 'a.docx', :sha, 1, 1, "
                "'0.1.0', 'r', :now, 0, 1, 0, 0, 0, 0)"), {"k": KEY, "t": True, "sha": "a" * 64, "now": now})
            document_id = doc.lastrowid if engine.dialect.name != "postgresql" else \
                conn.exec_driver_sql("SELECT MAX(id) FROM documents").scalar()
            conn.execute(sa.text("INSERT INTO current_documents (document_key, document_id, changed_at) "
                                 "VALUES (:k, :d, :now)"), {"k": KEY, "d": document_id, "now": now})
            conn.execute(sa.text("INSERT INTO projects (document_id, ordinal, code, name, n_indicators) "
                                 "VALUES (:d, 1, '13020021000000000001', '食品安全抽检经费', 0)"), {"d": document_id})
        assert upgrade(engine) == HEAD_REVISION
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT document_key, base_key, content_sha256 FROM documents")).all() == \
                [(KEY, KEY, None)]
            assert conn.execute(sa.text("SELECT project_name FROM v_projects")).scalars().all() == ["食品安全抽检经费"]
        # A revision of the old document lands as its version 2.
        assert ingest_report(engine, f.v1(), path="v1.docx", run_id="r").version == 2
    finally:
        engine.dispose()


def test_a_0002_that_died_half_way_is_finished_by_the_next_upgrade(empty_db_url: str) -> None:
    """MariaDB keeps each ALTER of a migration that dies: the next run skips what is done and does the rest."""
    upgrade(empty_db_url, "0001")
    engine = create_engine(empty_db_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE documents ADD COLUMN base_key VARCHAR(255)")
            conn.exec_driver_sql("CREATE INDEX ix_documents_base_key ON documents (base_key)")
        assert upgrade(engine) == HEAD_REVISION
        outcome = ingest_report(engine, f.v1(), path="v1.docx", run_id="r")
        assert (outcome.status, outcome.document_key) == ("loaded", KEY)
        names = {i["name"] for i in sa.inspect(engine).get_indexes("documents")}
        assert {"ix_documents_base_key", "ix_documents_document_key_sha256"} <= names
    finally:
        engine.dispose()
