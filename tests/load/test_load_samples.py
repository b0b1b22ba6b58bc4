"""The samples/ reports through the whole pipeline into each engine: re-ingest, revisions, identical views."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.load import schema
from jixiao.load.catalog import view
from jixiao.load.database import create_engine
from jixiao.load.diff import diff_versions
from jixiao.load.ingest import ingest_paths
from jixiao.load.migrate import upgrade
from load_servers import ENGINES, fresh_database
from jixiao.normalize.records import Report

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REVISIONS = SAMPLES / "data" / "revisions.toml"


def _reader() -> Callable[[Path], Report]:
    try:
        from jixiao.pipeline import read_report
    except ImportError as e:
        pytest.skip(f"the extract/normalize pipeline is not importable yet: {e}")
    if not any(SAMPLES.glob("*.docx")):
        pytest.skip("samples/*.docx not generated (make samples)")
    return read_report


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
                for t in schema.metadata.sorted_tables if t.name != "ingest_log"}


def test_ingesting_the_samples_twice_gives_the_same_rows_and_all_unchanged(engine: Engine) -> None:
    read = _reader()
    first = ingest_paths(engine, [SAMPLES], read=read)
    counts = _counts(engine)
    second = ingest_paths(engine, [SAMPLES], read=read)
    assert [o.status for o in first if o.status == "failed"] == []
    assert {o.status for o in second} == {"unchanged"}
    assert [o.path for o in second] == [o.path for o in first]
    assert _counts(engine) == counts
    assert counts["indicators"] == sum(o.indicators for o in first)


def test_the_revision_pair_gives_two_versions_and_exactly_the_documented_diff(engine: Engine) -> None:
    read = _reader()
    spec = tomllib.loads(REVISIONS.read_text(encoding="utf-8"))
    v1, v2 = (ingest_paths(engine, [SAMPLES / spec[part]["file"] if part else SAMPLES / spec["file"]], read=read)[0]
              for part in ("", "v2"))
    assert (v1.status, v1.version, v2.status, v2.version) == ("loaded", 1, "loaded", 2)
    assert v1.document_key == v2.document_key

    diff = diff_versions(engine, v2.document_key)
    old_values = {(p["code"], row[2]): row[4] for p in spec["project"] for row in p["indicators"]}
    assert [p.code for p in diff.projects_added] == [p["code"] for p in spec["v2"]["add"]]
    assert [p.code for p in diff.projects_removed] == spec["v2"]["remove"]
    assert [(c.project.code, c.indicator, c.old.raw, c.new.raw) for c in diff.values_changed] == [
        (code, name, old_values[code, name], new) for code, name, new in spec["v2"]["values"]]
    assert (diff.fields_changed, diff.indicators_added, diff.indicators_removed) == ((), (), ())

    with engine.connect() as conn:
        current = conn.execute(sa.select(view("v_documents").table().c.version)).scalars().all()
    assert current == [2]


def test_v_indicators_holds_the_same_rows_on_every_engine(tmp_path: Path) -> None:
    read = _reader()
    columns = [c.name for c in view("v_indicators").columns if not c.name.endswith("_id")]
    results = {}
    for backend in ENGINES:
        with fresh_database(backend, tmp_path) as url:
            upgrade(url)
            engine = create_engine(url)
            ingest_paths(engine, [SAMPLES], read=read)
            t = view("v_indicators").table()
            with engine.connect() as conn:
                rows = conn.execute(sa.select(*(t.c[c] for c in columns))).all()
            engine.dispose()
        results[backend] = sorted((tuple(r) for r in rows), key=repr)
    assert len(results["sqlite"]) > 100
    assert results["postgresql"] == results["sqlite"]
    assert results["mariadb"] == results["sqlite"]
