"""Findings in the database on every engine: written at ingest, shown in v_findings, rewritten by review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.cli import main
from jixiao.load import schema
from jixiao.load.findings import current_findings, review_stored
from jixiao.load.ingest import Loader, new_run_id
from jixiao.pipeline import read_report
from jixiao.review import default_rules, load_rules, review_report

ROOT = Path(__file__).resolve().parents[2]
MULTI = ROOT / "samples" / "multi_project_tables_2022.docx"
V1, V2 = ROOT / "samples" / "revisions" / "report_v1.docx", ROOT / "samples" / "revisions" / "report_v2.docx"
BUREAU = ROOT / "tests" / "review" / "rules" / "tangshan_bureau.toml"


def _ingest(engine: Engine, *paths: Path) -> None:
    with Loader(engine) as loader:
        for path in paths:
            assert loader.ingest(read_report(path), path=str(path), run_id=new_run_id()).status == "loaded"


def _view(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT source_file, version, rule_id, severity, project_code, indicator_name, location_table, "
            "location_row FROM v_findings ORDER BY source_file, finding_ordinal"))]


def test_ingest_writes_the_findings_and_v_findings_shows_the_current_versions(engine: Engine) -> None:
    _ingest(engine, MULTI, V1, V2)
    assert _view(engine) == [
        ("multi_project_tables_2022.docx", 1, "MEAS-03", "warning", "130200-22-0301", "农村群众出行条件", 0, 9),
        ("multi_project_tables_2022.docx", 1, "COMP-06", "warning", "130200-22-0302", None, 0, None),
        ("multi_project_tables_2022.docx", 1, "COMP-06", "warning", "130200-22-0303", None, 0, None),
        ("multi_project_tables_2022.docx", 1, "MEAS-03", "warning", "130200-22-0304", "干线公路通行能力", 2, 3),
        ("report_v2.docx", 2, "COMP-06", "warning", "130200-22-0104", None, 2, None),
        ("report_v2.docx", 2, "COMP-06", "warning", "130200-22-0105", None, 3, None),
        ("report_v2.docx", 2, "MEAS-03", "warning", "130200-22-0105", "非遗项目传承保护", 3, 10),
    ]
    with engine.connect() as conn:
        # version 1 of the revised document keeps its own findings, out of the view
        stored = conn.execute(sa.text(
            "SELECT d.version, COUNT(*) FROM findings f JOIN documents d ON d.id = f.document_id "
            "WHERE d.source_file = 'report_v1.docx' GROUP BY d.version")).all()
        digests = set(conn.execute(sa.text("SELECT DISTINCT rules_digest FROM findings")).scalars())
    assert [tuple(r) for r in stored] == [(1, 2)]
    assert digests == {default_rules().digest}


def test_reviewing_the_database_again_applies_changed_rules(engine: Engine) -> None:
    _ingest(engine, MULTI, V1, V2)
    rules = load_rules([BUREAU])
    now = dt.datetime(2026, 12, 6, 12, 0, 0)
    run = review_stored(engine, rules, now=now)
    assert run.versions == 3
    view = _view(engine)
    assert not any(rule == "COMP-06" for _, _, rule, *_ in view)  # the bureau switched it off
    assert [(r[0], r[2], r[4]) for r in view if r[2] == "TS-01"] == [
        ("multi_project_tables_2022.docx", "TS-01", "130200-22-0302"),
        ("multi_project_tables_2022.docx", "TS-01", "130200-22-0303"),
        ("report_v2.docx", "TS-01", "130200-22-0104"), ("report_v2.docx", "TS-01", "130200-22-0105"),
    ]
    assert run.current_by_severity == {"warning": 5, "notice": 4}  # 3 vague targets, 2 satisfactions of 85%
    # what the database holds is what reviewing the files gives
    expected = [f for path in (MULTI, V2) for f in review_report(read_report(path), rules)]
    assert [(f.rule, f.message, f.where.row) for f in current_findings(engine)] == \
        [(f.rule, f.message, f.where.row) for f in expected]
    with engine.connect() as conn:
        assert set(conn.execute(sa.text("SELECT DISTINCT rules_digest FROM findings")).scalars()) == {rules.digest}
        f = schema.findings
        assert conn.execute(sa.select(sa.func.min(f.c.reviewed_at), sa.func.max(f.c.reviewed_at))).one() == (now, now)


def test_the_review_command_on_a_database(db_url: str, engine: Engine, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    _ingest(engine, MULTI)
    strict = tmp_path / "strict.toml"
    strict.write_text('[[rule]]\nid = "MEAS-03"\nseverity = "error"\n', encoding="utf-8")
    assert main(["review", "--db", db_url]) == 0
    assert main(["review", "--db", db_url, "--rules", str(strict), "--format", "csv"]) == 1
    out = capsys.readouterr().out
    assert out.count("MEAS-03,error") == 2
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM v_findings WHERE severity = 'error'")).scalar() == 2


def test_ingest_uses_the_rules_jixiao_rules_names(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIXIAO_RULES", str(BUREAU))
    _ingest(engine, MULTI)
    rules = {r[2] for r in _view(engine)}
    assert "TS-01" in rules and "COMP-06" not in rules
    with engine.connect() as conn:
        digest = conn.execute(sa.text("SELECT DISTINCT rules_digest FROM findings")).scalar_one()
    assert digest == load_rules([BUREAU]).digest
