"""The mid-term block of a grid and the mid-term money (samples/province_form_2023.docx) in
long_term_indicators, v_long_term_indicators and v_projects, on every engine; apart from v_indicators."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from jixiao.load.catalog import view
from jixiao.load.database import create_engine
from jixiao.load.ingest import ingest_paths
from jixiao.load.migrate import HEAD_REVISION, alembic_config, current_revision, upgrade
from jixiao.pipeline import read_report

PROVINCE = Path(__file__).resolve().parents[2] / "samples" / "province_form_2023.docx"


def _rows(engine: sa.Engine, name: str, *columns: str) -> list[tuple[object, ...]]:
    t = view(name).table()
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.select(*(t.c[c] for c in columns)).order_by(
            *(t.c[c] for c in view(name).order_by))).all()]


def test_the_mid_term_block_and_money_are_kept_apart_from_the_year(engine: sa.Engine) -> None:
    (outcome,) = ingest_paths(engine, [PROVINCE], read=read_report)
    assert outcome.status == "loaded"
    assert _rows(engine, "v_projects", "project_name", "budget_total", "budget_midterm") == [
        ("中心城区生活垃圾分类收运体系建设", 4_200_000.0, 12_600_000.0),
        ("中心城区道路扬尘雾炮降尘服务", 2_500_000.0, None),
        ("城市桥梁隧道安全监测与维护", 6_500_000.0, 19_500_000.0),
    ]
    long_term = _rows(engine, "v_long_term_indicators", "project_name", "indicator_name", "raw", "kind", "value")
    assert len(long_term) == 16
    assert long_term[:2] == [
        ("中心城区生活垃圾分类收运体系建设", "分类收集点改造数量", "≥360个", "number", 360.0),
        ("中心城区生活垃圾分类收运体系建设", "配置分类收运车辆", "72辆", "number", 72.0),
    ]
    annual = _rows(engine, "v_indicators", "indicator_name", "raw")
    assert len(annual) == 24 and ("分类收集点改造数量", "≥360个") not in annual


def test_revision_0005_goes_down_and_up_again(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        ingest_paths(engine, [PROVINCE], read=read_report)
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0004")
        with engine.connect() as conn:
            assert current_revision(conn) == "0004"
            assert "long_term_indicators" not in sa.inspect(conn).get_table_names()
            assert "budget_midterm" not in {c["name"] for c in sa.inspect(conn).get_columns("projects")}
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM v_projects").scalar_one() == 3
        assert upgrade(db_url) == HEAD_REVISION
    finally:
        engine.dispose()
