"""The HTML report from a database of hand-built reports: versions, flags, charts, escaping, no network.

The database tests run on SQLite, PostgreSQL and MariaDB through the load tests' `engine` fixture.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import sqlalchemy as sa

from jixiao.cli import main
from jixiao.load.ingest import ingest_report, new_run_id, record_failure
from jixiao.load.report import render_report
from jixiao.load.report.charts import Bar, bar_chart, text_width
from jixiao.normalize.records import (
    DocumentInfo, Indicator, Location, Project, Report, Source, SpendingPlan, Warning,
)

HOSTILE = '<script>alert("x")</script>&'


def indicator(name: str, raw: str, kind: str, row: int, l1: str | None = "output",
              l2: str | None = "quantity") -> Indicator:
    return Indicator("产出指标", l1, "数量指标", l2, name, None, raw, kind, None, None, None, None, None, None, None,
                     Location(1, row))


def report(file: str, department: str, year: int, *, sha: str, indicators: list[Indicator],
           warnings: tuple[Warning, ...] = ()) -> Report:
    plan = SpendingPlan(None, None, None, None)
    return Report(
        source=Source(file, sha, 1000, file), document=DocumentInfo(f"{department}{year}年部门整体绩效目标", department, year),
        sections=(), projects=(Project("P1", "食品抽检", department, 1.0, 1.0, 0.0, plan, None, None, tuple(indicators)),),
        narrative_indicators=(), warnings=warnings,
    )


@pytest.fixture
def filled(engine: sa.Engine) -> sa.Engine:
    """The load tests' empty database, on each engine (tests/load/conftest.py), with two departments in it."""
    run = new_run_id()
    unparsed = Warning("value_unparsed", "表2第4行：指标值“较上年有所提高”未能识别", Location(1, 3))
    base = [indicator("抽检批次", "4000批次", "number", 1), indicator("合格率", "95%以上", "percent", 2, "benefit", "social")]
    v1 = report("市场局.docx", "市场监督管理局", 2024, sha="1" * 64, indicators=base)
    v2 = report("市场局（修改稿）.docx", "市场监督管理局", 2024, sha="2" * 64,
                indicators=[*base, indicator("服务质量", "较上年有所提高", "text", 3, None, None)], warnings=(unparsed,))
    hostile = report("evil.docx", HOSTILE, 2023, sha="3" * 64, indicators=[indicator(HOSTILE, HOSTILE, "text", 1)],
                     warnings=(Warning("label_unknown", HOSTILE, Location(0, 0)),))
    for r, key in ((v1, "market"), (v2, "market"), (hostile, None)):
        ingest_report(engine, r, path=f"in/{r.source.file}", key=key, run_id=run)
    record_failure(engine, path="in/broken.docx", sha256=None, error_code="damaged",
                   message="in/broken.docx: is truncated; ask the sender for the file again", run_id=run)
    return engine


class Ids(HTMLParser):
    """Text of every element that has an id."""

    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, str] = {}
        self.open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("meta", "br", "rect"):
            self.open.append(dict(attrs).get("id"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("meta", "br", "rect") and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for ident in self.open:
            if ident:
                self.by_id[ident] = self.by_id.get(ident, "") + data


def page_of(engine: sa.Engine) -> str:
    return render_report(engine, now=dt.datetime(2025, 1, 2, 3, 4))[0]


def test_totals_are_the_database_counts(filled: sa.Engine) -> None:
    parser = Ids()
    parser.feed(page_of(filled))
    shown = {k.removeprefix("total-"): int(v) for k, v in parser.by_id.items() if k.startswith("total-")}
    assert shown == {"documents": 2, "versions": 3, "projects": 2, "indicators": 4, "warnings": 2,
                     "untyped": 1, "failed-files": 1}


def test_versions_are_listed_per_department_and_year_newest_first(filled: sa.Engine) -> None:
    page = page_of(filled)
    group = page[page.index("<h3>市场监督管理局 · 2024</h3>"):]
    group = group[:group.index("</table>")]
    rows = re.findall(r"<tr( class=\"superseded\")?><td>market</td>.*?<span class=\"badge[^\"]*\">(v\d) ([^<]*)</span>"
                      r".*?<td>(?:<span[^>]*>)?([^<]*)", group)
    assert [(bool(old), v, label, file) for old, v, label, file in rows] == [
        (False, "v2", "当前 current", "市场局（修改稿）.docx"), (True, "v1", "已替换 superseded", "市场局.docx"),
    ]


def test_untyped_values_show_file_table_row_and_text(filled: sa.Engine) -> None:
    page = page_of(filled)
    section = page[page.index('<section id="untyped">'):page.index('<section id="warnings">')]
    cells = re.findall(r"<td>(.*?)</td>", section)
    assert cells == [
        "市场监督管理局", "2024", "市场局（修改稿）.docx (v2)", "2", "4", "食品抽检", "服务质量",
        '<span class="raw">较上年有所提高</span>', "表2第4行：指标值“较上年有所提高”未能识别",
    ]
    failures = page[page.index('<section id="failures">'):]
    assert "in/broken.docx: is truncated; ask the sender for the file again" in failures


def test_everything_from_documents_is_escaped_and_nothing_loads_from_the_network(filled: sa.Engine) -> None:
    page = page_of(filled)
    assert "<script" not in page and "alert(" in page
    assert page.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;") >= 4
    assert re.findall(r"https?://[^\"' ]+", page) == ["http://www.w3.org/2000/svg"] * page.count("<svg")
    assert not re.search(r"<(link|img|iframe|object|embed)\b|src=|@import|url\(", page)
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">')
    assert '"Noto Sans CJK SC"' in page and '"Microsoft YaHei"' in page


def test_charts_count_indicators_by_category_and_kind(filled: sa.Engine) -> None:
    page = page_of(filled)
    bars = re.findall(r'<g class="bar"><text[^>]*>([^<]*)</text><rect[^>]*/><text[^>]*>(\d+)</text></g>', page)
    assert bars == [
        ("产出指标 / 数量指标", "2"), ("效益指标 / 社会效益指标", "1"), ("未识别 / 未识别", "1"),
        ("数值 number", "1"), ("百分比 percent", "1"), ("文字 text", "2"),
    ]


@pytest.mark.parametrize(("text", "width"), [("abc", 3 * 0.6 * 13), ("产出指标", 4 * 13), ("", 0)])
def test_text_width_counts_cjk_as_full_width(text: str, width: float) -> None:
    assert text_width(text) == pytest.approx(width)


def test_bars_scale_to_the_largest_and_an_empty_chart_is_nothing() -> None:
    svg = bar_chart([Bar("a", 10), Bar("b", 5), Bar("c", 0)], title="t")
    assert re.findall(r'<rect x="\d+" y="\d+" width="(\d+)"', svg) == ["360", "180", "0"]
    assert bar_chart([], title="t") == ""


def test_report_command_writes_the_file(filled: sa.Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["report", "--db", filled.url.render_as_string(hide_password=False), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().err == (
        f"wrote {out}: 2 documents (3 versions), 2 projects, 4 indicators, 2 warnings, 1 untyped values, "
        "1 failed files\n"
    )


def test_report_refuses_to_invent_a_missing_sqlite_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--db", f"sqlite:///{tmp_path / 'none.db'}", "-o", str(tmp_path / "r.html")]) == 1
    assert "no such database file" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
