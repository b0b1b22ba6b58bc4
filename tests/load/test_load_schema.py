"""The migrations build exactly the schema load/schema.py describes, on every engine, and the database guards it."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from jixiao.load import schema
from jixiao.load.catalog import VIEWS
from jixiao.load.database import create_engine
from jixiao.load.migrate import HEAD_REVISION, alembic_config, current_revision, upgrade

NOW = dt.datetime(2025, 1, 2, 3, 4, 5)


def test_head_revision_constant_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_migrated_database_matches_the_schema_module(engine: Engine) -> None:
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), schema.metadata)
    assert diffs == []


def test_upgrade_twice_stays_at_head(db_url: str) -> None:
    assert upgrade(db_url) == HEAD_REVISION
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert current_revision(conn) == HEAD_REVISION
    engine.dispose()


def test_views_have_the_catalog_columns(engine: Engine) -> None:
    inspector = sa.inspect(engine)
    assert sorted(inspector.get_view_names()) == sorted(v.name for v in VIEWS)
    for view in VIEWS:
        assert [c["name"] for c in inspector.get_columns(view.name)] == [c.name for c in view.columns], view.name


def test_concurrent_upgrades_of_an_empty_database_both_succeed(empty_db_url: str) -> None:
    results: list[object] = []
    start = threading.Barrier(2)

    def migrate() -> None:
        start.wait()
        try:
            results.append(upgrade(empty_db_url))
        except Exception as e:  # collected and asserted below
            results.append(e)

    threads = [threading.Thread(target=migrate) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [HEAD_REVISION, HEAD_REVISION]


def _document(conn: sa.Connection, key: str, version: int, title: str = "绩效目标") -> int:
    row = {
        "document_key": key, "base_key": key, "version": version, "is_current": True, "doc_kind": None,
        "source_file": "a.docx",
        "source_path": "a.docx", "sha256": f"{version:064d}", "bytes": 1, "title": title, "department": None,
        "fiscal_year": None, "schema_version": 1, "parser_version": "t", "run_id": "r", "ingested_at": NOW,
        "superseded_at": None, "n_sections": 0, "n_projects": 0, "n_indicators": 0,
        "n_narrative_indicators": 0, "n_warnings": 0, "n_untyped": 0,
    }
    return conn.execute(schema.documents.insert().values(row)).inserted_primary_key[0]


@pytest.mark.parametrize("text", ["唐山市市场监督管理局２０２１年（修改稿）", "𠀀𪚥 emoji 📊 and ＡＢＣ", "a" * 5000 + "绩效" * 30000])
def test_text_survives_the_round_trip(engine: Engine, text: str) -> None:
    with engine.begin() as conn:
        doc_id = _document(conn, "k", 1, title=text)
    with engine.connect() as conn:
        assert conn.execute(sa.select(schema.documents.c.title).where(schema.documents.c.id == doc_id)).scalar() == text


def test_second_pointer_for_a_key_is_refused(engine: Engine) -> None:
    c = schema.current_documents
    with engine.begin() as conn:
        first, second = _document(conn, "k", 1), _document(conn, "k", 2)
        conn.execute(c.insert().values(document_key="k", document_id=first, changed_at=NOW))
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(c.insert().values(document_key="k", document_id=second, changed_at=NOW))


def test_pointer_to_another_keys_document_is_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        other = _document(conn, "other", 1)
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(schema.current_documents.insert().values(document_key="k", document_id=other, changed_at=NOW))


def test_same_version_or_same_bytes_twice_for_a_key_is_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        _document(conn, "k", 1)
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        _document(conn, "k", 1)


def test_indicator_of_a_missing_project_is_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        doc = _document(conn, "k", 1)
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(schema.indicators.insert().values(document_id=doc, project_id=999, ordinal=1, raw="1", kind="number"))
