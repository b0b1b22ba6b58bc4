"""From Word to findings: a 项目支出绩效目标表 built as a .docx that breaks five rules, then its corrected version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.cli import main
from tests.docx_builder import build_docx, p, tbl

TITLE = "唐山市城市管理综合行政执法局2021年度项目支出绩效目标表"


def table(other: str, quality: str, deadline: str, benefit: str, satisfaction: str) -> list[list[str]]:
    return [
        ["项目名称", "城市道路维护", "", "", ""],
        ["项目资金（万元）", "年度资金总额：", "500", "", ""],
        ["", "其中：财政拨款", "450", "", ""],
        ["", "其他资金", other, "", ""],
        ["年度总体目标", "保障城市道路完好率达到95%以上。", "", "", ""],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "维护道路面积", "≥120万平方米"],
        ["", "", "质量指标", "道路完好率", quality],
        ["", "", "时效指标", "完成时限", deadline],
        ["", "效益指标", "社会效益指标", "市民出行条件", benefit],
        ["", "满意度指标", "服务对象满意度指标", "市民满意度", satisfaction],
    ]


def write(path: Path, rows: list[list[str]]) -> Path:
    path.write_bytes(build_docx(p(TITLE) + tbl(rows, grid=5)))
    return path


def test_a_word_table_that_breaks_five_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write(tmp_path / "道路维护.docx", table("40", "105%", "2022年3月底前", "明显改善", "≥60%"))
    assert main(["review", str(broken), "--format", "json"]) == 1
    found = [(f["rule"], f["severity"], f["table"], f["row"], f["indicator"], f["raw"])
             for f in json.loads(capsys.readouterr().out)]
    assert found == [
        ("CONS-03", "error", 1, None, None, None),
        ("CONS-06", "error", 1, 8, "道路完好率", "105%"),
        ("CONS-05", "warning", 1, 9, "完成时限", "2022年3月底前"),
        ("MEAS-03", "warning", 1, 10, "市民出行条件", "明显改善"),
        ("SAT-01", "warning", 1, 11, "市民满意度", "≥60%"),
    ]


def test_the_corrected_table_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixed = write(tmp_path / "道路维护（修改稿）.docx", table("50", "≥98%", "2021年12月底前", "通行时间缩短≥10%", "≥90%"))
    assert main(["review", str(fixed)]) == 0
    assert capsys.readouterr().out == "0 findings: 0 errors, 0 warnings, 0 notices\n"
