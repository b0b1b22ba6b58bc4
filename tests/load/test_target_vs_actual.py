"""The seed's targets (samples/tangshan_2021_market_supervision.docx) and its self-evaluation
(samples/tangshan_2021_self_evaluation.docx) side by side in v_target_vs_actual,
v_budget_execution and the HTML report, on every engine."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Engine

from jixiao.load.catalog import view
from jixiao.load.database import create_engine
from jixiao.load.ingest import ingest_paths
from jixiao.load.migrate import HEAD_REVISION, alembic_config, current_revision, upgrade
from jixiao.load.report import render_report
from jixiao.load.report.achievement import read_achievement
from jixiao.pipeline import read_report

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FILES = [SAMPLES / "tangshan_2021_market_supervision.docx", SAMPLES / "tangshan_2021_self_evaluation.docx"]
COLUMNS = ("project_code", "indicator_name", "target_raw", "actual_raw", "actual_kind", "met", "achievement",
           "weight", "score", "missing")


def _select(engine: Engine, name: str, columns: tuple[str, ...]) -> list[tuple[object, ...]]:
    t = view(name).table()
    with engine.connect() as conn:
        rows = conn.execute(sa.select(*(t.c[c] for c in columns)).order_by(*(t.c[c] for c in columns[:2]))).all()
    return [tuple(r) for r in rows]


def _ingest(engine: Engine) -> None:
    outcomes = ingest_paths(engine, FILES, read=read_report)
    assert [o.status for o in outcomes] == ["loaded", "loaded"]
    assert outcomes[0].document_key != outcomes[1].document_key
    assert outcomes[1].document_key == "唐山市市场监督管理局/2021/self_evaluation"


def test_targets_and_results_are_paired_by_project_and_indicator(engine: Engine) -> None:
    _ingest(engine)
    rows = {(r[0], r[1]): r for r in _select(engine, "v_target_vs_actual", COLUMNS)}
    assert len(rows) == 50 + 1  # every target of the seed, and one result no target names
    assert rows["228002B20DX0001", "抽检批次"] == (
        "228002B20DX0001", "抽检批次", "13000批次", "13256批次", "number", True, 1.0197, 15.0, 15.0, None)
    assert rows["228002B20DX0002", "补贴人员数量"][3:9] == ("2890人", "number", False, 0.9787, 15.0, 14.5)
    assert rows["228002B20DX0002", "补贴发放时限"][3:6] == ("已完成", "status", True)
    assert rows["228002B20DX0003", "项目完成时限"][3:6] == ("2022年1月15日", "date", False)
    assert rows["228002B20DX0003", "增加肉菜销售效益"][2:6] == ("1-2%", "1.6%", "percent", True)
    # published with the result columns blank
    assert rows["228012B21DX0001", "客户满意度"][3:10] == ("", "empty", None, None, 10.0, None, None)
    # no self-evaluation for 专利补贴; no target for a result added in the self-evaluation
    assert rows["228002B20DX0004", "专利申请量"][3:] == (None, None, None, None, None, None, "self_evaluation")
    assert rows["228002B20DX0001", "检验报告按时出具率"][2:] == ("≥95%", "98%", "percent", True, 1.0316, 5.0, 5.0,
                                                        "targets")
    met = [r[5] for r in rows.values()]
    assert (met.count(True), met.count(False)) == (7 + 4 + 4, 2 + 3)


def test_budget_execution_per_project(engine: Engine) -> None:
    _ingest(engine)
    got = _select(engine, "v_budget_execution", ("project_code", "budget_initial", "budget_adjusted", "executed",
                                                 "rate", "unspent", "weight", "score", "total_score", "grade"))
    assert got == [
        ("228002B20DX0001", 10800000.0, 10800000.0, 10648800.0, 98.6, 151200.0, 10.0, 9.9, 99.9, "优"),
        ("228002B20DX0002", 1948800.0, 1948800.0, 1907900.0, 97.9, 40900.0, 10.0, 9.8, 98.3, "优"),
        ("228002B20DX0003", 2420000.0, 2420000.0, 2277200.0, 94.1, 142800.0, 10.0, 9.4, 88.6, "良"),
        ("228012B21DX0001", 5000000.0, 5000000.0, None, None, None, None, None, None, None),
    ]


def test_the_html_report_shows_achievement_per_department_and_the_unmet_targets(engine: Engine) -> None:
    _ingest(engine)
    with engine.connect() as conn:
        data = read_achievement(conn)
    (department,) = data.departments
    assert (department.department, department.fiscal_year, department.with_result, department.met,
            department.unmet, department.unknown) == ("唐山市市场监督管理局", 2021, 20, 15, 5, 0)
    assert department.execution_rate == 97.79  # 1483.39 of 1516.88 万元 (the blank project left out)
    assert [(u.project, u.indicator, u.target, u.actual, u.score, u.weight) for u in data.unmet][:2] == [
        ("食品药品安全协管员补贴", "补贴人员数量", "2953人", "2890人", 14.5, 15.0),
        ("食品药品安全协管员补贴", "补贴覆盖率", "100%", "97.9%", 10.0, 10.0),
    ]
    html, _ = render_report(engine)
    section = html.split('<section id="achievement">', 1)[1].split("</section>", 1)[0]
    assert "补贴快检室" in section and "2022年1月15日" in section and "6家单位未达到补贴条件" in section


def test_a_database_of_targets_upgrades_to_self_evaluations_and_back(empty_db_url: str) -> None:
    """Documents loaded before revision 0003 read as targets after it; its downgrade undoes it on every engine."""
    assert upgrade(empty_db_url, "0001") == "0001"
    engine = create_engine(empty_db_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO documents (document_key, version, is_current, source_file, source_path, sha256, bytes,"
                " schema_version, parser_version, run_id, ingested_at, n_sections, n_projects, n_indicators,"
                " n_narrative_indicators, n_warnings, n_untyped) VALUES ('k', 1, TRUE, 'a.docx', 'a.docx', 'ab', 1,"
                " 1, '0', 'r', '2025-01-01 00:00:00', 0, 0, 0, 0, 0, 0)")
        assert upgrade(empty_db_url) == HEAD_REVISION
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT report_kind FROM documents").scalar_one() == "targets"
        with engine.begin() as conn:  # back to the revision before self-evaluations
            command.downgrade(alembic_config(conn), "0002")
        with engine.connect() as conn:
            assert current_revision(conn) == "0002"
            assert "report_kind" not in {c["name"] for c in sa.inspect(conn).get_columns("documents")}
            assert "v_target_vs_actual" not in sa.inspect(conn).get_view_names()
        assert upgrade(empty_db_url) == HEAD_REVISION
    finally:
        engine.dispose()
