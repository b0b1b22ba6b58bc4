"""Ingesting reports: whole documents, versions, unchanged re-ingests, failures logged, the same rows on every engine."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import load_factory as f
from jixiao.load import schema
from jixiao.load.catalog import view
from jixiao.load.ingest import IngestOutcome, ingest_paths, ingest_report, new_run_id, record_failure
from jixiao.normalize.exceptions import JixiaoError
from jixiao.normalize.records import Report



class NotADocx(JixiaoError):
    code = "not_docx"


KEY = "唐山市市场监督管理局/2021/department_overall"
COUNTED = ("documents", "current_documents", "sections", "projects", "indicators", "narrative_indicators", "warnings")


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(sa.select(sa.func.count()).select_from(schema.metadata.tables[t])).scalar()
                for t in (*COUNTED, "ingest_log")}


def ingest(engine: Engine, report: Report, **kw: object) -> IngestOutcome:
    return ingest_report(engine, report, path=f"in/{report.source.file}", run_id=kw.pop("run_id", "run"), **kw)


# Columns of v_indicators that do not depend on surrogate ids.
INDICATOR_COLUMNS = [c.name for c in view("v_indicators").columns if not c.name.endswith("_id")]


def expected_indicators(report: Report, key: str, version: int) -> list[tuple[object, ...]]:
    """v_indicators as it must read for `report`, built in Python from the records."""
    doc = report.document
    num = lambda x: None if x is None else float(x)  # noqa: E731
    return [
        (key, version, "department_overall", doc.department, doc.fiscal_year, doc.title, report.source.file,
         p_no, p.code, p.name, p.department, i_no, i.level1, i.level1_code, i.level2, i.level2_code, i.name,
         i.description, i.raw, i.kind, i.op, num(i.value), num(i.value_max), i.unit, num(i.scale), i.date, i.basis,
         i.location.table, i.location.row, doc.report_kind, *_results(i, num))
        for p_no, p in enumerate(report.projects, 1) for i_no, i in enumerate(p.indicators, 1)
    ]


def _results(i, num) -> tuple[object, ...]:  # noqa: ANN001
    """The self-evaluation columns of v_indicators (actual_*, weight … achievement)."""
    a = i.actual
    actual = (a.raw, a.kind, a.op, num(a.value), num(a.value_max), a.unit, num(a.scale), a.date) if a else (None,) * 8
    return (*actual, num(i.weight), num(i.score), i.deviation, i.met, num(i.achievement))


def v_indicators(engine: Engine) -> list[tuple[object, ...]]:
    t = view("v_indicators").table()
    with engine.connect() as conn:
        rows = conn.execute(sa.select(*(t.c[n] for n in INDICATOR_COLUMNS))
                            .order_by(t.c.project_ordinal, t.c.indicator_ordinal)).all()
    return [tuple(r) for r in rows]


def test_a_report_loads_whole_with_its_counts(engine: Engine) -> None:
    outcome = ingest(engine, f.v1())
    assert (outcome.status, outcome.document_key, outcome.version) == ("loaded", KEY, 1)
    assert (outcome.projects, outcome.indicators, outcome.untyped, outcome.warnings) == (2, 6, 1, 1)
    assert counts(engine) == {"documents": 1, "current_documents": 1, "sections": 2, "projects": 2, "indicators": 6,
                              "narrative_indicators": 1, "warnings": 1, "ingest_log": 1}
    with engine.connect() as conn:
        doc = conn.execute(sa.select(schema.documents)).one()
    assert (doc.n_projects, doc.n_indicators, doc.n_untyped, doc.is_current, doc.source_path) == \
        (2, 6, 1, True, "in/report_v1.docx")


def test_v_indicators_reads_the_report_on_every_engine(engine: Engine) -> None:
    ingest(engine, f.v1())
    assert v_indicators(engine) == expected_indicators(f.v1(), KEY, 1)


def test_ingesting_twice_changes_nothing_but_the_log(engine: Engine) -> None:
    first = [ingest(engine, r, run_id="one") for r in (f.v1(), f.big(3, 4))]
    before = counts(engine)
    second = [ingest(engine, r, run_id="two") for r in (f.v1(), f.big(3, 4))]
    after = counts(engine)
    assert [o.status for o in first] == ["loaded", "loaded"]
    assert [o.status for o in second] == ["unchanged", "unchanged"]
    assert [o.document_id for o in second] == [o.document_id for o in first]
    assert {k: v for k, v in after.items() if k != "ingest_log"} == {k: v for k, v in before.items() if k != "ingest_log"}
    assert after["ingest_log"] == before["ingest_log"] + 2


def test_a_revision_becomes_the_current_version(engine: Engine) -> None:
    outcomes = [ingest(engine, r) for r in (f.v1(), f.v2())]
    assert [(o.status, o.version) for o in outcomes] == [("loaded", 1), ("loaded", 2)]
    with engine.connect() as conn:
        docs = conn.execute(sa.select(schema.documents.c.version, schema.documents.c.is_current,
                                      schema.documents.c.superseded_at).order_by("version")).all()
        pointer = conn.execute(sa.select(schema.current_documents.c.document_id)).scalars().all()
    assert [(d.version, d.is_current, d.superseded_at is not None) for d in docs] == [(1, False, True), (2, True, False)]
    assert pointer == [outcomes[1].document_id]
    assert v_indicators(engine) == expected_indicators(f.v2(), KEY, 2)
    assert counts(engine)["indicators"] == 6 + 5  # both versions kept


def test_an_older_revision_again_is_unchanged_and_the_newest_stays_current(engine: Engine) -> None:
    for r in (f.v1(), f.v2()):
        ingest(engine, r)
    again = ingest(engine, f.v1())
    assert (again.status, again.version) == ("unchanged", 1)
    assert v_indicators(engine) == expected_indicators(f.v2(), KEY, 2)


def test_key_override_keeps_documents_apart(engine: Engine) -> None:
    a = ingest(engine, f.v1(), key="甲")
    b = ingest(engine, f.v2(), key="乙")
    assert [(o.document_key, o.version) for o in (a, b)] == [("甲", 1), ("乙", 1)]
    assert counts(engine)["current_documents"] == 2


def test_a_report_without_projects_loads(engine: Engine) -> None:
    outcome = ingest(engine, f.report([], warnings=()))
    assert (outcome.status, outcome.projects, outcome.indicators) == ("loaded", 0, 0)


@pytest.mark.parametrize("change, code", [
    (lambda r: dataclasses.replace(r, document=dataclasses.replace(r.document, department="部" * 300)),
     "field_too_long"),
    (lambda r: dataclasses.replace(r, projects=(dataclasses.replace(r.projects[0], budget_total=math.inf),)),
     "load_error"),
])
def test_a_refused_report_is_logged_and_leaves_no_rows(engine: Engine, change, code: str) -> None:
    outcome = ingest(engine, change(f.v1()))
    assert (outcome.status, outcome.error_code) == ("failed", code)
    assert outcome.error_message.startswith("in/report_v1.docx: ")
    assert {k: v for k, v in counts(engine).items()} == {**{t: 0 for t in COUNTED}, "ingest_log": 1}
    with engine.connect() as conn:
        log = conn.execute(sa.select(schema.ingest_log)).one()
    assert (log.status, log.error_code, log.path) == ("failed", code, "in/report_v1.docx")


def test_record_failure_logs_one_row(engine: Engine) -> None:
    outcome = record_failure(engine, path="bad.docx", sha256=None, error_code="not_docx",
                             message="bad.docx: is a PDF renamed to .docx", run_id="r1")
    assert (outcome.status, outcome.error_code, outcome.document_id) == ("failed", "not_docx", None)
    with engine.connect() as conn:
        log = conn.execute(sa.select(schema.ingest_log)).one()
    assert (log.run_id, log.path, log.status, log.message) == ("r1", "bad.docx", "failed",
                                                                "bad.docx: is a PDF renamed to .docx")


def test_ingest_paths_walks_folders_and_goes_on_after_a_failure(engine: Engine, tmp_path: Path) -> None:
    for name in ("a/report_v1.docx", "a/b/big.docm", "a/b/c.dotx", "a/~$report_v1.docx", "a/notes.txt", "broken.docx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    reports = {"report_v1.docx": f.v1(), "big.docm": f.big(2, 2), "c.dotx": f.big(1, 1, file="c.dotx")}

    def read(path: Path) -> Report:
        if path.name not in reports:
            raise NotADocx(str(path), "is not a .docx file")
        return reports[path.name]

    outcomes = ingest_paths(engine, [tmp_path / "a", tmp_path / "broken.docx"], read=read)
    assert [(Path(o.path).name, o.status) for o in outcomes] == [
        ("big.docm", "loaded"), ("c.dotx", "loaded"), ("report_v1.docx", "loaded"), ("broken.docx", "failed")]
    assert outcomes[-1].error_code == "not_docx"
    assert outcomes[-1].sha256 is not None
    assert len({o.path for o in outcomes}) == 4
    assert len({new_run_id(), new_run_id()}) == 2
