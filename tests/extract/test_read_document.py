"""read_document: the file edge of the extract stage, on .docx files written with python-docx."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest

from jixiao.extract.document import read_document
from jixiao.extract.exceptions import ExtractError, FileMissing, NotAFile, NotADocxFile, ResourceLimitExceeded
from jixiao.extract.limits import Limits
from jixiao.extract.model import Location
from jixiao.extract.records import DocumentInfo, RawIndicator

ROWS = [
    ["项目名称", "机关运转保障", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "保障人数", "120人"],
    ["", "时效指标", "完成时限", "2022年12月底前"],
]


def _report(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("唐山市财政局2022年度项目支出绩效目标")
    document.add_paragraph("一、总体目标")
    document.add_paragraph("（一）保障运转。确保机关正常运转。")
    grid = document.add_table(rows=len(ROWS), cols=4)
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    grid.cell(0, 1).merge(grid.cell(0, 3))
    grid.cell(2, 0).merge(grid.cell(3, 0))
    document.save(str(path))
    return path


def test_reads_a_report(tmp_path: Path) -> None:
    path = _report(tmp_path / "运转.docx")
    data = path.read_bytes()
    doc = read_document(path)
    assert (doc.source.file, doc.source.sha256, doc.source.bytes, doc.source.path) == (
        "运转.docx", hashlib.sha256(data).hexdigest(), len(data), str(path))
    assert doc.document == DocumentInfo("唐山市财政局2022年度项目支出绩效目标", "唐山市财政局", 2022)
    assert [(s.path, s.label, s.title, s.text) for s in doc.sections] == [
        ("1", "一、", "总体目标", "总体目标"), ("1.1", "（一）", "保障运转", "保障运转。确保机关正常运转。")]
    (project,) = doc.projects
    assert project.name == "机关运转保障"
    assert project.indicators == (
        RawIndicator("产出指标", "数量指标", "保障人数", None, "120人", None, Location(0, 2)),
        RawIndicator("产出指标", "时效指标", "完成时限", None, "2022年12月底前", None, Location(0, 3)),
    )
    assert doc.warnings == ()


def test_accepts_a_str_path(tmp_path: Path) -> None:
    assert read_document(str(_report(tmp_path / "a.docx"))).source.file == "a.docx"


@pytest.mark.parametrize(
    ("make", "error", "problem"),
    [
        (lambda d: d / "missing.docx", FileMissing, "no such file"),
        (lambda d: d / "missing" / "x.docx", FileMissing, "no such file"),
        (lambda d: d, NotAFile, "is a folder, not a .docx file"),
    ],
)
def test_paths_that_are_not_files(tmp_path: Path, make, error: type[ExtractError], problem: str) -> None:
    path = make(tmp_path)
    with pytest.raises(error) as raised:
        read_document(path)
    assert str(raised.value) == f"{path}: {problem}"


def test_text_file_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("not a word file", encoding="utf-8")
    with pytest.raises(NotADocxFile) as raised:
        read_document(path)
    assert str(raised.value).startswith(f"{path}: ")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = _report(tmp_path / "big.docx")
    with pytest.raises(ResourceLimitExceeded) as raised:
        read_document(path, limits=Limits(max_file_bytes=100))
    assert str(raised.value).startswith(f"{path}: is ")
