"""`jixiao parse-value` prints one JSON object per value with the contract's value fields."""

from __future__ import annotations

import json

import pytest

from jixiao.cli import main

FIELDS = ["raw", "kind", "op", "value", "value_max", "unit", "scale", "date"]


def test_parse_value_prints_the_issue_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse-value", "95%以上", "≥4家", "2021年12月底前", "1-2%", "41万台件"]) == 0
    out = capsys.readouterr().out
    rows = [json.loads(line) for line in out.splitlines()]
    assert all(list(r) == FIELDS for r in rows)
    assert rows == [
        {"raw": "95%以上", "kind": "percent", "op": ">=", "value": 95, "value_max": None,
         "unit": "%", "scale": 1, "date": None},
        {"raw": "≥4家", "kind": "number", "op": ">=", "value": 4, "value_max": None,
         "unit": "家", "scale": 1, "date": None},
        {"raw": "2021年12月底前", "kind": "date", "op": "<=", "value": None, "value_max": None,
         "unit": None, "scale": None, "date": "2021-12-31"},
        {"raw": "1-2%", "kind": "percent", "op": "range", "value": 1, "value_max": 2,
         "unit": "%", "scale": 1, "date": None},
        {"raw": "41万台件", "kind": "number", "op": "=", "value": 410000, "value_max": None,
         "unit": "台件", "scale": 10000, "date": None},
    ]


def test_year_option_dates_values_without_a_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse-value", "年底前", "--year", "2022"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["kind"], row["op"], row["date"]) == ("date", "<=", "2022-12-31")


def test_budget_system_columns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse-value", "194.88", "--nature", "=", "--unit", "万元"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["kind"], row["value"], row["unit"], row["scale"]) == ("number", 1948800, "元", 10000)


def test_text_it_cannot_read_is_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse-value", "有效提升"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["kind"] == "text"
    assert out.err == ""


def test_no_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse-value"])
    assert exit_info.value.code == 2
