"""Exports a spreadsheet user can trust (issue 11, item 7): one snapshot, all or nothing, Excel-safe, clean errors."""

from __future__ import annotations

import dataclasses
import errno
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import jixiao.load.export as export
import load_factory as f
from jixiao.cli import main
from jixiao.load.catalog import VIEWS, view
from jixiao.load.database import create_engine
from jixiao.load.exceptions import ExportError
from jixiao.load.ingest import ingest_report


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def loaded(engine: Engine, db_url: str) -> str:
    ingest_report(engine, f.big(3, 4, department="甲局"), path="a.docx", run_id="r")
    return db_url


def test_the_files_of_one_export_agree_while_an_ingest_writes(loaded: str, engine: Engine, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Another writer commits a document after v_documents is read and before v_indicators is."""
    writer = create_engine(loaded)
    read = export.view_table

    def read_then_let_another_writer_in(conn: sa.Connection, v: object) -> object:
        table = read(conn, v)
        if v.name == "v_documents":
            ingest_report(writer, f.big(5, 6, department="乙局"), path="b.docx", run_id="w")
        return table

    monkeypatch.setattr(export, "view_table", read_then_let_another_writer_in)
    try:
        export.export_views(engine, tmp_path, "csv", [view("v_documents"), view("v_indicators")])
    finally:
        writer.dispose()
    documents = pd.read_csv(tmp_path / "v_documents.csv")
    indicators = pd.read_csv(tmp_path / "v_indicators.csv")
    assert documents["n_indicators"].sum() == len(indicators) == 12
    assert len(documents) == 1  # the document committed meanwhile is in neither file


def test_csv_has_a_byte_order_mark_unless_asked_not_to(loaded: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert run(["export", "--db", loaded, "--format", "csv", "-o", str(tmp_path / "bom")], capsys)[0] == 0
    assert (tmp_path / "bom" / "v_indicators.csv").read_bytes().startswith(b"\xef\xbb\xbfdocument_id,")
    assert run(["export", "--db", loaded, "--format", "csv", "--encoding", "utf-8", "-o", str(tmp_path / "plain")],
               capsys)[0] == 0
    assert (tmp_path / "plain" / "v_indicators.csv").read_bytes().startswith(b"document_id,")
    assert pd.read_csv(tmp_path / "bom" / "v_indicators.csv").equals(pd.read_csv(tmp_path / "plain" / "v_indicators.csv"))


def test_an_output_path_that_is_a_file_is_one_line_and_exit_2(loaded: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    taken = tmp_path / "report.xlsx"
    taken.write_bytes(b"mine")
    code, out, err = run(["export", "--db", loaded, "--format", "csv", "-o", str(taken)], capsys)
    assert (code, out) == (2, "")
    assert err == (f"jixiao export: {taken}: cannot write the export there (a file of that name is in the way; "
                   "name a folder); no file was changed\n")
    assert taken.read_bytes() == b"mine"
    code, _, err = run(["export", "--db", loaded, "--format", "csv", "-o", "/proc/jixiao-export"], capsys)
    assert code == 2 and err.count("\n") == 1 and "no file was changed" in err


def test_a_full_disk_leaves_the_previous_export_whole(loaded: str, engine: Engine, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    assert run(["export", "--db", loaded, "--format", "csv", "-o", str(out)], capsys)[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    ingest_report(engine, f.big(2, 2, department="丙局"), path="c.docx", run_id="r")
    to_csv = pd.DataFrame.to_csv

    def fill_the_disk(frame: pd.DataFrame, path: Path, **kw: object) -> None:
        if Path(path).name.startswith(".v_indicators."):
            Path(path).write_bytes(b"document_id,docu")  # half a file, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        to_csv(frame, path, **kw)

    monkeypatch.setattr(pd.DataFrame, "to_csv", fill_the_disk)
    code, _, err = run(["export", "--db", loaded, "--format", "csv", "-o", str(out)], capsys)
    assert code == 2 and err == f"jixiao export: {out}: cannot write the export there (No space left on device); " \
                                "no file was changed\n"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary file, no new file


def test_xlsx_refuses_a_cell_excel_would_cut(engine: Engine, db_url: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    report = f.v1()
    long_goal = "绩效" * 20_000
    report = dataclasses.replace(report, projects=(dataclasses.replace(report.projects[0], goal=long_goal),
                                                   *report.projects[1:]))
    ingest_report(engine, report, path="long.docx", run_id="r")
    with pytest.raises(ExportError, match=r"v_projects: row 1, column goal has 40,000 characters, more than an "
                                          r"Excel cell holds \(32,767\); export as csv or parquet"):
        export.export_views(engine, tmp_path / "x", "xlsx")
    assert list((tmp_path / "x").iterdir()) == []
    code, _, err = run(["export", "--db", db_url, "--format", "xlsx", "-o", str(tmp_path / "y")], capsys)
    assert code == 1 and err.count("\n") == 1 and "40,000 characters" in err
    assert run(["export", "--db", db_url, "--format", "csv", "-o", str(tmp_path / "z")], capsys)[0] == 0
    assert pd.read_csv(tmp_path / "z" / "v_projects.csv")["goal"].iloc[0] == long_goal
    assert len(VIEWS) == len(list((tmp_path / "z").iterdir()))
