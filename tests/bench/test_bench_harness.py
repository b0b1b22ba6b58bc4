"""The benchmark's own arithmetic: percentiles, target verdicts, the floor's walk, the tables it writes."""

from __future__ import annotations

import json

import pytest

from bench.floor import document_xml_size, element_count, floor_read
from bench.measure import percentile, summary
from bench.report import MB, Row, Target, render_markdown, render_text, validity, write_outputs
from tests.docx_builder import build_docx, p, tbl

MACHINE = {"cpu": "AMD EPYC", "cores": 2, "os": "Linux", "python": "3.11.7", "lxml": "6", "docx2python": "3",
           "jixiao": "0.1.0", "git": "abc1234", "load_average": [0.5, 0.4, 0.3]}


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([1.0], 95, 1.0),
        ([3.0, 1.0, 2.0], 50, 2.0),
        ([float(i) for i in range(1, 101)], 95, 95.0),
        ([float(i) for i in range(1, 21)], 95, 19.0),
    ],
)
def test_percentile_is_nearest_rank(values, q, expected) -> None:
    assert percentile(values, q) == expected


def test_summary_in_milliseconds_and_documents_per_second() -> None:
    s = summary([0.010, 0.020, 0.030, 0.040])
    assert s["median_ms"] == pytest.approx(25.0)
    assert s["p95_ms"] == pytest.approx(40.0)
    assert s["docs_per_s"] == pytest.approx(4 / 0.1)


@pytest.mark.parametrize(
    ("target", "result", "margin"),
    [
        (Target("floor", 1.5, "<=", 2), "PASS", "+25%"),
        (Target("floor", 3.0, "<=", 2), "FAIL", "-50%"),
        (Target("docx2python", 12.0, ">=", 10), "PASS", "+20%"),
        (Target("workers", 1.36, ">=", 1.7), "FAIL", "-20%"),
        (Target("pandoc", 1.0, "<", 1), "FAIL", "+0%"),
        (Target("memory", 200 * MB, "<", 250 * MB, "MB"), "PASS", "+20%"),
        (Target("ingest", None, ">=", 0.5, detail="PostgreSQL unreachable"), "SKIP", ""),
        (Target("ingest", 0.9, ">=", 0.5, invalid="30 of 303 files failed to read"), "INVALID", "+80%"),
    ],
)
def test_target_verdicts(target, result, margin) -> None:
    assert (target.result(), target.margin) == (result, margin)


@pytest.mark.parametrize(("failed", "total", "reason"), [(0, 300, ""), (15, 300, ""), (16, 300, "16 of 300 files failed to read")])
def test_a_figure_counts_while_at_most_5_percent_of_files_fail(failed, total, reason) -> None:
    assert validity(failed, total) == reason


def test_the_floor_visits_every_element(tmp_path) -> None:
    path = tmp_path / "two_tables.docx"
    path.write_bytes(build_docx(p("一、部门总体绩效目标") + tbl([["项目名称", "食品安全抽检"], ["指标值", "≥5000批次"]])))
    floor_read(path)
    # w:document, w:body, w:p/w:r/w:t, w:tbl/w:tblPr, 2 w:tr x 2 w:tc x (w:tc, w:p, w:r, w:t)
    assert element_count(path) == 2 + 3 + 2 + 2 * (1 + 2 * 4)
    assert document_xml_size(path) > 0


def test_outputs_hold_the_same_verdicts(tmp_path) -> None:
    rows = [Row("floor: unzip + lxml parse + visit every element", "median 1.2 ms", "303 documents")]
    targets = [Target("extract+normalize ≤ 2x the floor", 3.0, "<=", 2), Target("pandoc | seed", 0.5, "<", 1)]
    json_path, md_path = write_outputs(tmp_path, {"machine": MACHINE}, rows, targets, "2026-01-01T00:00:00+00:00")
    saved = json.loads(json_path.read_text(encoding="utf-8"))
    assert [(t["name"], t["passed"]) for t in saved["targets"]] == [
        ("extract+normalize ≤ 2x the floor", False), ("pandoc | seed", True),
    ]
    md = md_path.read_text(encoding="utf-8")
    assert "| extract+normalize ≤ 2x the floor | 3.00x | <= 2.00x | FAIL | -50% |" in md
    assert "pandoc \\| seed" in md  # a pipe in a cell does not break the Markdown table
    assert "AMD EPYC, 2 cores" in md and "Python 3.11.7" in md
    text = render_text(rows, targets, MACHINE)
    assert "FAIL" in text and "PASS" in text and "load average 0.5 at start" in text
    assert render_markdown(rows, targets, MACHINE, "now", {}).count("\n|") >= 5
