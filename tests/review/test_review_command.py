"""`jixiao review FILE...`: the listing, JSON and CSV, the exit status, and a bureau's own rule file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from jixiao.cli import main
from jixiao.review import RulesError, load_rules, review_report
from review_factory import SATISFACTION, ind, project, replace_row, report

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "tangshan_2021_market_supervision.docx"
MOF = ROOT / "samples" / "mof_standard_2023.docx"
MULTI = ROOT / "samples" / "multi_project_tables_2022.docx"
BUREAU = Path(__file__).with_name("rules") / "tangshan_bureau.toml"


def test_the_listing_groups_findings_by_file_and_project(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(SEED), str(MOF)]) == 0  # warnings and notices only
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "tangshan_2021_market_supervision.docx"
    assert "  项目 3  228002B20DX0003  市场食品安全检测试剂补贴" in out
    assert "COMP-02  表3" in out and "CONS-07  表1 行13" in out
    assert out.rstrip().endswith("3 findings: 0 errors, 2 warnings, 1 notice")


def test_json_and_csv_carry_the_place_counted_from_one(capsys: pytest.CaptureFixture[str]) -> None:
    main(["review", str(MOF), "--format", "json"])
    [finding] = json.loads(capsys.readouterr().out)
    assert finding["rule"] == "CONS-07" and (finding["table"], finding["row"]) == (1, 13)
    assert finding["indicator"] == "家庭经济困难学生因贫失学率" and finding["raw"] == "0"
    main(["review", str(MOF), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["rule"], r["severity"], r["project_name"], r["row"]) for r in rows] == [
        ("CONS-07", "notice", "学生资助补助经费", "13")]


def test_exit_status_is_1_when_an_error_level_finding_exists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text('[[rule]]\nid = "COMP-06"\nseverity = "error"\n', encoding="utf-8")
    assert main(["review", str(MULTI)]) == 0
    assert main(["review", str(MULTI), "--rules", str(strict), "-o", str(tmp_path / "out.txt")]) == 1
    assert "2 errors" in capsys.readouterr().err


@pytest.mark.parametrize("content, message", [
    ('[[rule]]\nid = "SAT-01"\nserverity = "error"\n', "rule SAT-01: unknown key 'serverity'"),
    ('[[rule]]\nid = "X-1"\ncheck = "no_such_check"\nseverity = "error"\nmessage_zh = "a"\nmessage_en = "b"\n'
     'source = "c"\n', "rule X-1: unknown check 'no_such_check'"),
    ('[[rule]]\nid = "SAT-01"\nparams = { minimum = 85 }\n', "unknown parameter 'minimum' of check satisfaction_in_band"),
    ('[[rule]]\nid = "SAT-01"\nseverity = "fatal"\n', "severity must be one of error, warning, notice"),
    ('[[rule]]\nid = "SAT-01"\nmessage_zh = "{budget}"\n', "message_zh uses {budget}"),
    ('colour = "red"\n', "unknown top-level key 'colour'"),
    ('[[rule\n', "not a valid TOML rule table"),
])
def test_a_rule_file_that_cannot_be_used_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str,
) -> None:
    bad = tmp_path / "bad_rules.toml"
    bad.write_text(content, encoding="utf-8")
    assert main(["review", str(SEED), "--rules", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "bad_rules.toml" in err and "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review"]) == 2
    assert main(["review", str(SEED), "--db", "sqlite:///x.db"]) == 2


def test_a_bureau_file_changes_thresholds_switches_rules_off_and_adds_its_own() -> None:
    rules = load_rules([BUREAU])
    assert {r.id: r.enabled for r in rules.rules}["COMP-06"] is False
    assert rules.digest != load_rules().digest
    satisfied_85 = replace_row(11, ind("参训人员满意度", "≥85%", "percent", 85, op=">=", unit="%", row=11,
                                       level1=SATISFACTION[0], level2=SATISFACTION[1]))
    doc = report(project(rows=satisfied_85), project("130200-21-0002", "无成本项目", rows=satisfied_85[:3]))
    assert [f.rule for f in review_report(doc)] == ["COMP-05", "COMP-05", "COMP-06"]  # built-in: 85% is fine
    found = [(f.rule, f.where.project_ordinal) for f in review_report(doc, rules)]
    assert found == [("TS-01", 1), ("SAT-01", 1), ("COMP-05", 2), ("COMP-05", 2), ("TS-01", 2)]
    sat = next(f for f in review_report(doc, rules) if f.rule == "SAT-01")
    assert sat.message == "满意度指标「参训人员满意度」目标 85% 低于本局要求的 90%，请提高目标或说明理由。"


def test_replace_mode_keeps_only_the_bureau_rules(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(
        'mode = "replace"\n[[rule]]\nid = "SAT-01"\ncheck = "satisfaction_in_band"\nseverity = "warning"\n'
        'message_zh = "满意度低"\nmessage_en = "low"\nsource = "本局"\nparams = { min = 95 }\n', encoding="utf-8")
    rules = load_rules([own])
    assert [(r.id, dict(r.params)) for r in rules.rules] == [("SAT-01", {"min": 95, "max": 100})]
    assert [f.rule for f in review_report(report(project()), rules)] == ["SAT-01"]
    own.write_text('mode = "replace"\n[[rule]]\nid = "NEW"\nseverity = "error"\n', encoding="utf-8")
    with pytest.raises(RulesError, match="rule NEW: missing or empty: check, message_zh, message_en, source"):
        load_rules([own])


def test_jixiao_rules_names_a_bureau_file_for_every_command(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("JIXIAO_RULES", str(BUREAU))
    assert main(["review", str(MULTI), "--format", "json"]) == 0
    rules = [f["rule"] for f in json.loads(capsys.readouterr().out)]
    assert "TS-01" in rules and "COMP-06" not in rules
    monkeypatch.delenv("JIXIAO_RULES")
    main(["review", str(MULTI), "--format", "json"])
    assert "COMP-06" in [f["rule"] for f in json.loads(capsys.readouterr().out)]


def test_a_folder_is_reviewed_report_by_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "2021绩效目标"
    (folder / "修改稿").mkdir(parents=True)
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    (folder / "修改稿" / MOF.name).write_bytes(MOF.read_bytes())
    assert main(["review", str(folder), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert [(f["file"], f["rule"]) for f in findings] == [
        ("tangshan_2021_market_supervision.docx", "COMP-02"), ("tangshan_2021_market_supervision.docx", "COMP-02"),
        ("mof_standard_2023.docx", "CONS-07")]
