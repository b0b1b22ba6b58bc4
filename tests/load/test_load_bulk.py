"""Child rows go in one statement per table (unnest on PostgreSQL, JSON_TABLE on MariaDB): values come back
exactly as written, a value too long for its column is refused rather than cut, and a Loader keeps one connection."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import load_factory as f
from jixiao.load import rows as load_rows
from jixiao.load import schema
from jixiao.load import bulk
from jixiao.load.bulk import strategy
from jixiao.load.ingest import Loader, ingest_report
from jixiao.normalize.records import Location, NarrativeIndicator, Section, Warning

# Text a literal builder, an array literal or a JSON document could get wrong.
AWKWARD_TEXT = [
    "", "NULL", "null", 'say "yes"', "it's", "back\\slash", "{a,b}", "(1,2)", "tab\tnew\nline", "%s %(name)s %%",
    "中文（全角）：９５％", "😀 outside the BMP", "  spaces around  ", "$[0]", "长" * 5000,
]
AWKWARD_NUMBERS = [0.1, 1 / 3, 1e-300, 1.7976931348623157e308, -2.5, 123456789.12345679, 5e-324, 0.0]


def awkward_report():
    """One project whose indicators carry every awkward text and number, plus sections, narratives and warnings."""
    indicators = [
        f.ind(text, text, value=number, unit=text[:64] or None, row=i,
              date=dt.date(2000, 2, 29) if i % 2 else None)
        for i, (text, number) in enumerate(zip(AWKWARD_TEXT, AWKWARD_NUMBERS * 2))
    ]
    indicators.append(f.ind("空", "", "empty", None, op=None, level1_code=None, level2_code=None, row=99))
    report = f.report([f.project(None, "无编码项目", indicators, budget=None)], salt="awkward")
    return dataclasses.replace(
        report,
        sections=tuple(Section(path=str(i), level=1, label=f"{i}、", title=t, text=t)
                       for i, t in enumerate(AWKWARD_TEXT, 1)),
        narrative_indicators=tuple(
            NarrativeIndicator(section=None, text=t or "-", name=None, kind="number", op="=", value=n, value_max=None,
                               unit=None, scale=1, date=None)
            for t, n in zip(AWKWARD_TEXT, AWKWARD_NUMBERS)
        ),
        warnings=(Warning("label_unknown", AWKWARD_TEXT[3], None), Warning("value_unparsed", AWKWARD_TEXT[-1],
                                                                          Location(2, 7))),
    )


def stored(engine: Engine, table: sa.Table, columns: list[str]) -> list[tuple[object, ...]]:
    order = [table.c.project_id, table.c.ordinal] if "project_id" in table.c else [table.c.ordinal]
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.select(*(table.c[c] for c in columns)).order_by(*order))]


def test_awkward_values_come_back_exactly_on_every_engine(engine: Engine) -> None:
    report = awkward_report()
    outcome = ingest_report(engine, report, path="awkward.docx", run_id="r")
    assert outcome.status == "loaded", outcome.error_message
    (project,) = report.projects
    assert stored(engine, schema.indicators, ["name", "raw", "kind", "op", "value", "unit", "scale", "date",
                                              "level1_code", "location_row"]) == [
        (i.name, i.raw, i.kind, i.op, None if i.value is None else float(i.value), i.unit,
         None if i.scale is None else float(i.scale), i.date, i.level1_code, i.location.row)
        for i in project.indicators
    ]
    assert stored(engine, schema.projects, ["code", "name", "budget_total", "n_indicators"]) == [
        (None, "无编码项目", None, len(project.indicators))]
    assert stored(engine, schema.sections, ["path", "label", "title", "text"]) == [
        (s.path, s.label, s.title, s.text) for s in report.sections]
    assert stored(engine, schema.narrative_indicators, ["section", "text", "value"]) == [
        (None, n.text, n.value) for n in report.narrative_indicators]
    assert stored(engine, schema.warnings, ["code", "message", "location_table", "location_row"]) == [
        ("label_unknown", AWKWARD_TEXT[3], None, None), ("value_unparsed", AWKWARD_TEXT[-1], 2, 7)]


@pytest.mark.parametrize("table, change", [
    ("indicators", lambda r: dataclasses.replace(r, projects=(dataclasses.replace(
        r.projects[0], indicators=(dataclasses.replace(r.projects[0].indicators[0], unit="单" * 65),)),))),
    ("projects", lambda r: dataclasses.replace(r, projects=(dataclasses.replace(r.projects[0], code="9" * 101),))),
    ("sections", lambda r: dataclasses.replace(r, sections=(dataclasses.replace(r.sections[0], label="、" * 65),))),
])
def test_a_value_too_long_for_its_column_is_refused_not_cut(engine: Engine, monkeypatch: pytest.MonkeyPatch,
                                                              table: str, change) -> None:
    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite does not enforce VARCHAR lengths; load.rows.check_lengths refuses such values for it")
    monkeypatch.setattr(load_rows, "check_lengths", lambda *a: None)  # let the value reach the database
    outcome = ingest_report(engine, change(f.v1()), path="long.docx", run_id="r")
    assert (outcome.status, outcome.error_code) == ("failed", "db_rejected")
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.metadata.tables[table])).scalar() == 0
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.documents)).scalar() == 0


def test_one_loader_keeps_one_connection_through_loads_refusals_and_unchanged_files(engine: Engine) -> None:
    ingest_report(engine, f.big(1, 1, department="预热"), path="warm.docx", run_id="r")  # schema check done
    checkouts: list[object] = []
    sa.event.listen(engine, "checkout", lambda *a: checkouts.append(a))
    too_long = dataclasses.replace(f.v2(), document=dataclasses.replace(f.v2().document, department="部" * 300))
    with Loader(engine) as loader:
        outcomes = [loader.ingest(r, path=r.source.file, run_id="r") for r in (f.v1(), too_long, f.v1(), f.v2())]
    assert [(o.status, o.version) for o in outcomes] == [("loaded", 1), ("failed", None), ("unchanged", 1),
                                                         ("loaded", 2)]
    assert len(checkouts) == 1


def test_each_engine_inserts_a_table_its_own_way(engine: Engine) -> None:
    with engine.connect():  # the server version is known once connected
        expected = {"postgresql": "unnest", "sqlite": "executemany"}.get(engine.dialect.name, "json_table")
        assert strategy(engine.dialect) == expected


def test_a_table_too_big_for_one_json_text_goes_in_by_executemany(engine: Engine,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "_JSON_TABLE_MAX_CHARS", 200)  # MariaDB: every table of this report is "too big"
    report = f.big(3, 4)
    outcome = ingest_report(engine, report, path="big.docx", run_id="r")
    assert (outcome.status, outcome.projects, outcome.indicators) == ("loaded", 3, 12)
    assert stored(engine, schema.indicators, ["name", "value"]) == [
        (i.name, float(i.value)) for p in report.projects for i in p.indicators]
