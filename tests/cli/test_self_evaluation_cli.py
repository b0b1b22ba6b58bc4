"""`jixiao extract` prints a self-evaluation's results; `jixiao parse-value` types completion words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _extract(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["extract", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_parse_value_types_completion_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse-value", "已完成", "达到预期", "基本完成", "未完成", "完成"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["raw"], r["kind"], r["op"], r["value"]) for r in rows] == [
        ("已完成", "status", "=", 1), ("达到预期", "status", "=", 1), ("基本完成", "status", "=", 0.5),
        ("未完成", "status", "=", 0), ("完成", "status", "=", 1),
    ]


def test_extract_prints_actual_met_and_execution(capsys: pytest.CaptureFixture[str]) -> None:
    d = _extract(SAMPLES / "tangshan_2021_self_evaluation.docx", capsys)
    assert d["schema_version"] == 1 and d["document"]["report_kind"] == "self_evaluation"
    third = d["projects"][2]
    assert third["code"] == "228002B20DX0003"
    assert third["execution"] == {"budget_initial": 2420000.0, "budget_adjusted": 2420000.0, "executed": 2277200.0,
                                  "rate": 94.1, "weight": 10, "score": 9.4}
    assert (third["total_score"], third["grade"]) == (88.6, "良")
    late = third["indicators"][2]
    assert late["actual"] == {"raw": "2022年1月15日", "kind": "date", "op": "=", "value": None, "value_max": None,
                              "unit": None, "scale": None, "date": "2022-01-15"}
    assert (late["raw"], late["date"], late["weight"], late["score"], late["met"]) == (
        "2021年12月底前", "2021-12-31", 10, 5, False)
    assert late["deviation"] == "补贴资金拨付时间延后；下年度按季度拨付。"
    assert [w["code"] for w in d["warnings"]] == ["score_disagrees"]


def test_a_targets_report_keeps_its_contract(capsys: pytest.CaptureFixture[str]) -> None:
    d = _extract(SAMPLES / "tangshan_2021_market_supervision.docx", capsys)
    assert d["document"]["report_kind"] == "targets"
    project = d["projects"][0]
    assert "execution" not in project and "actual" not in project["indicators"][0]
