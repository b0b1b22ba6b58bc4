"""Every file under a folder is accounted for (issue 11, items 3 and 6): legacy files, links, non-reports.

Each gets a line and a count; none is skipped silently, and the summary adds up to the files found.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from jixiao.cli import main
from make_hostile import kingsoft_wps, legacy_doc
from tests.docx_builder import build_docx, p, tbl

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "tangshan_2021_market_supervision.docx"
NOT_A_REPORT = "not a performance report: no 绩效目标表 and no numbered goals found"


def ingest(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["ingest", *argv, "--workers", "1"])
    out, err = capsys.readouterr()
    return code, out, err


def summary(out: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(r"^  (files [a-z ]+?)\s{2,}(\d+)", out, re.M)}


def failed_lines(err: str) -> dict[str, str]:
    """file name -> problem, for each FAILED line."""
    return {Path(m[1]).name: m[2] for m in re.finditer(r"^FAILED +(.+?): (.*)$", err, re.M)}


# --- item 3: a .docx that is not a performance report --------------------------------------------------------------

@pytest.fixture
def odd_docs(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "会议纪要.docx").write_bytes(build_docx(p("会议纪要") + p("参会人员：张三、李四") + p("会议讨论了明年的工作安排。")))
    (folder / "blank.docx").write_bytes(build_docx(p("")))
    selfeval = p("唐山市教育局2023年度项目支出绩效自评表") + tbl([
        ["项目名称", "校舍维修"], ["主管部门", "唐山市教育局"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "维修面积", "1000平方米", "1000平方米", "10", "10"],
    ])
    (folder / "自评表.docx").write_bytes(build_docx(selfeval))
    shutil.copyfile(ROOT / "samples" / "department_overall_2022.docx", folder / "部门整体.docx")
    return folder


def test_a_docx_that_is_not_a_report_is_refused_with_one_line(odd_docs: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    code, out, err = ingest(capsys, str(odd_docs), "--db", str(tmp_path / "j.db"))
    assert code == 1
    assert failed_lines(err) == {"blank.docx": NOT_A_REPORT, "会议纪要.docx": NOT_A_REPORT}
    assert summary(out) == {"files loaded": 2, "files unchanged": 0, "files failed": 2}


def test_extract_refuses_it_too_with_one_stderr_line(odd_docs: Path, capsys) -> None:  # noqa: ANN001
    notes = odd_docs / "会议纪要.docx"
    assert main(["extract", str(notes)]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"jixiao: {notes}: {NOT_A_REPORT}\n")
    assert main(["extract", str(odd_docs / "自评表.docx")]) == 0  # a self-evaluation table is a report


# --- item 6: legacy files in folders, links ------------------------------------------------------------------------

@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    (folder / "legacy").mkdir(parents=True)
    shutil.copyfile(SAMPLE, folder / "a.docx")
    (folder / "legacy" / "b.doc").write_bytes(legacy_doc())
    (folder / "legacy" / "c.wps").write_bytes(kingsoft_wps())
    return folder


def test_legacy_files_in_a_folder_fail_by_name_without_convert(mixed: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    code, out, err = ingest(capsys, str(mixed), "--db", str(tmp_path / "j.db"))
    problems = failed_lines(err)
    assert code == 1 and sorted(problems) == ["b.doc", "c.wps"]
    assert all("--convert" in problem for problem in problems.values())
    assert summary(out) == {"files loaded": 1, "files unchanged": 0, "files failed": 2}


def test_convert_reads_legacy_files_inside_folders(mixed: Path, tmp_path: Path, capsys,  # noqa: ANN001
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-soffice-here"))  # the same answer with or without LibreOffice
    monkeypatch.delenv("JIXIAO_SOFFICE", raising=False)
    code, out, err = ingest(capsys, str(mixed / "legacy"), "--convert", "--db", str(tmp_path / "j.db"))
    assert code == 1 and "no .docx" not in err
    assert sorted(failed_lines(err)) == ["b.doc", "c.wps"]  # each named: LibreOffice is not installed here
    assert summary(out)["files failed"] == 2


def test_folder_links_are_followed_and_broken_links_named(mixed: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copyfile(ROOT / "samples" / "variants_2024.docx", elsewhere / "linked.docx")
    os.symlink(elsewhere, mixed / "link-to-folder")
    os.symlink(mixed, mixed / "legacy" / "loop")  # a link back up must not walk forever
    os.symlink(tmp_path / "gone.docx", mixed / "broken.docx")
    code, out, err = ingest(capsys, str(mixed), "--db", str(tmp_path / "j.db"))
    assert code == 1
    assert sorted(failed_lines(err)) == ["b.doc", "broken.docx", "c.wps"]
    assert "loaded    " in err and "linked.docx" in err
    assert summary(out) == {"files loaded": 2, "files unchanged": 0, "files failed": 3}
