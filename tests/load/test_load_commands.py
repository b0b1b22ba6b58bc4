"""`jixiao db`, `history`, `diff` and `export` from the command line, on every engine."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy.engine import Engine

import load_factory as f
from jixiao.cli import main
from jixiao.load.migrate import HEAD_REVISION
from jixiao.load.catalog import VIEWS, view
from jixiao.load.ingest import ingest_report

KEY = "唐山市市场监督管理局/2021/department_overall"


@pytest.fixture
def revised(engine: Engine, db_url: str) -> str:
    """A database holding v1 and v2 of KEY."""
    for r in (f.v1(), f.v2()):
        ingest_report(engine, r, path=r.source.file, run_id="r")
    return db_url


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_db_upgrade_creates_the_schema_and_current_reports_it(empty_db_url: str, capsys) -> None:  # noqa: ANN001
    if empty_db_url.startswith("sqlite:///"):
        Path(empty_db_url.removeprefix("sqlite:///")).touch()  # an empty file is an empty SQLite database
    assert run(["db", "current", "--db", empty_db_url], capsys)[1].endswith("none (empty database) "
                                                                           f"(latest is {HEAD_REVISION}; run `jixiao db upgrade`)\n")
    code, out, _ = run(["db", "upgrade", "--db", empty_db_url], capsys)
    assert (code, out.endswith(f": schema at revision {HEAD_REVISION} (latest)\n")) == (0, True)
    current = run(["db", "current", "--db", empty_db_url], capsys)[1]
    assert current.endswith(f"schema at revision {HEAD_REVISION} (latest)\n")


def test_db_takes_the_url_from_the_environment(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    monkeypatch.setenv("JIXIAO_DB", str(tmp_path / "env.db"))
    assert run(["db", "upgrade"], capsys)[0] == 0
    assert (tmp_path / "env.db").exists()


def test_an_unreachable_database_is_one_clear_line(capsys) -> None:  # noqa: ANN001
    code, out, err = run(["history", "--db", "postgresql://postgres@127.0.0.1:1/none"], capsys)
    assert (code, out) == (1, "")
    assert err.startswith("jixiao: postgresql://postgres@127.0.0.1:1/none: cannot open the database (")
    assert len(err.splitlines()) == 1


def test_history_lists_keys_then_versions(revised: str, capsys) -> None:  # noqa: ANN001
    out = run(["history", "--db", revised], capsys)[1].splitlines()
    assert out[0].split() == ["document", "key", "current", "version", "versions", "department", "year", "file"]
    assert out[2].split() == [KEY, "2", "2", "唐山市市场监督管理局", "2021", "report_v2.docx"]
    first, second = (line.split() for line in run(["history", KEY, "--db", revised], capsys)[1].splitlines()[2:])
    # version, current (blank or *), ingested date and time, file, sha256, projects, indicators, warnings, untyped
    assert (first[0], first[3], first[-4:]) == ("1", "report_v1.docx", ["2", "6", "1", "1"])
    assert (second[:2], second[4], second[-4:]) == (["2", "*"], "report_v2.docx", ["2", "5", "1", "1"])


def test_history_as_json(revised: str, capsys) -> None:  # noqa: ANN001
    versions = json.loads(run(["history", KEY, "--db", revised, "--format", "json"], capsys)[1])
    assert [(v["version"], v["is_current"], v["source_file"], v["indicators"]) for v in versions] == [
        (1, False, "report_v1.docx", 6), (2, True, "report_v2.docx", 5)]


def test_history_of_an_unknown_key_suggests_keys(revised: str, capsys) -> None:  # noqa: ANN001
    code, _, err = run(["history", "唐山市市场", "--db", revised], capsys)
    assert (code, err) == (1, f"jixiao: 唐山市市场: no document with this key; did you mean: {KEY}\n")


def test_diff_as_a_table(revised: str, capsys) -> None:  # noqa: ANN001
    out = run(["diff", KEY, "--db", revised], capsys)[1].splitlines()
    assert out[0] == f"{KEY}: version 1 -> 2"
    assert [line.split() for line in out[3:]] == [
        ["project", "added", "13020021000000000003", "计量器具强制检定"],
        ["project", "removed", "13020021000000000002", "特种设备检验"],
        ["value", "changed", "13020021000000000001", "食品安全抽检经费", "抽检合格率", "95%以上", "98%以上"],
    ]


def test_diff_as_json(revised: str, capsys) -> None:  # noqa: ANN001
    d = json.loads(run(["diff", KEY, "--from", "1", "--to", "2", "--db", revised, "--format", "json"], capsys)[1])
    assert d["projects_added"] == [{"code": "13020021000000000003", "name": "计量器具强制检定"}]
    assert [(c["indicator"], c["old"]["value"], c["new"]["value"]) for c in d["values_changed"]] == [
        ("抽检合格率", 95.0, 98.0)]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_export_writes_every_view_with_the_documented_columns(revised: str, tmp_path: Path, fmt: str,
                                                              capsys) -> None:  # noqa: ANN001
    assert run(["export", "--db", revised, "--format", fmt, "-o", str(tmp_path / "out")], capsys)[0] == 0
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(f"{v.name}.{fmt}" for v in VIEWS)
    path = tmp_path / "out" / f"v_indicators.{fmt}"
    frame = {"csv": pd.read_csv, "parquet": pd.read_parquet, "xlsx": pd.read_excel}[fmt](path)
    assert list(frame.columns) == [c.name for c in view("v_indicators").columns]
    assert list(frame["indicator_name"]) == ["抽检批次", "抽检合格率", "完成时间", "社会效益", "检定台件"]
    assert list(frame["value"].fillna(-1)) == [5000.0, 98.0, -1, -1, 3000.0]
    assert str(frame["date"].dropna().iloc[0])[:10] == "2021-12-31"


def test_parquet_types_come_from_the_catalog(revised: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    run(["export", "--db", revised, "--format", "parquet", "-o", str(tmp_path)], capsys)
    schema = pq.read_schema(tmp_path / "v_indicators.parquet")
    assert (schema.field("fiscal_year").type, schema.field("value").type, schema.field("date").type,
            schema.field("raw").type) == (pa.int64(), pa.float64(), pa.date32(), pa.string())
    documents = pq.read_schema(tmp_path / "v_documents.parquet")
    assert documents.field("ingested_at").type == pa.timestamp("ms")


@pytest.mark.parametrize("command", [["history"], ["diff", KEY], ["export", "--format", "csv", "-o", "out"]])
def test_a_missing_sqlite_file_is_an_error_not_a_new_database(command: list[str], tmp_path: Path,
                                                              capsys) -> None:  # noqa: ANN001
    missing = tmp_path / "typo.db"
    code, _, err = run([*command, "--db", str(missing)], capsys)
    assert (code, err) == (1, f"jixiao: {missing}: no such database file; run `jixiao ingest` first, or pass --db\n")
    assert not missing.exists()


def test_xlsx_drops_control_characters_word_text_can_carry(engine: Engine, db_url: str, tmp_path: Path,
                                                           capsys) -> None:  # noqa: ANN001
    report = f.report([f.project("A1", "甲项目", [f.ind("抽检\x0b批次", "10批次", value=10)])])
    ingest_report(engine, report, path="a.docx", run_id="r")
    assert run(["export", "--db", db_url, "--format", "xlsx", "-o", str(tmp_path)], capsys)[0] == 0
    assert list(pd.read_excel(tmp_path / "v_indicators.xlsx")["indicator_name"]) == ["抽检批次"]
