"""The reviewer's part of the HTML report on every engine: counts, the send-back list, findings beside indicators."""

from __future__ import annotations

import dataclasses
import re
import time
from html.parser import HTMLParser

import sqlalchemy as sa

from jixiao.load.ingest import Loader, new_run_id
from jixiao.load.report import render_report
from jixiao.normalize.records import Indicator, Location, Project, Report, Source, SpendingPlan
from jixiao.normalize.records import DocumentInfo

HOSTILE = '<script>alert("x")</script>'


def _indicator(name: str, raw: str, kind: str, value: float | None, row: int, l1: str, l2: str,
               unit: str | None = "%") -> Indicator:
    return Indicator(l1, l1, l2, l2, name, None, raw, kind, ">=" if value is not None else None, value, None,
                     unit if value is not None else None, 1 if value is not None else None, None, None,
                     Location(0, row))


def _project(n: int, *, fiscal: float = 800_000.0) -> Project:
    rows = (
        _indicator("培训人次", "500人次", "number", 500, 6, "output", "quantity", "人次"),
        _indicator("培训合格率", "≥95%", "percent", 95, 7, "output", "quality"),
        _indicator("完成时限", "年底前完成", "text", None, 8, "output", "timeliness"),
        _indicator("人均成本", "≤2000元", "number", 2000, 9, "cost", "economic_cost", "元"),
        _indicator("能力提升", "明显提升", "text", None, 10, "benefit", "social"),
        _indicator(f"满意度{HOSTILE}", "≥90%", "percent", 90, 11, "satisfaction", "satisfaction"),
    )
    return Project(f"P{n:03d}", f"培训项目{n}", "唐山市财政局", 1_000_000.0, fiscal, 200_000.0,
                   SpendingPlan(25.0, 50.0, 75.0, 100.0), "培训", "全年培训500人次", rows)


def _report(projects: list[Project], file: str = "财政局.docx") -> Report:
    return Report(Source(file, str(len(projects)).rjust(64, "0"), 100, file),
                  DocumentInfo("唐山市财政局2021年度项目支出绩效目标表", "唐山市财政局", 2021), (), tuple(projects), (), ())


def _page(engine: sa.Engine, report: Report) -> str:
    with Loader(engine) as loader:
        assert loader.ingest(report, path=report.source.file, run_id=new_run_id()).status == "loaded"
    return render_report(engine)[0]


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id") or ""
        self._open = ident if ident.startswith("findings-") else None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text[self._open] = data
            self._open = None


def test_the_review_section_counts_sends_back_and_shows_findings_beside_indicators(engine: sa.Engine) -> None:
    page = _page(engine, _report([_project(1), _project(2, fiscal=700_000.0)]))
    with engine.connect() as conn:
        sql = dict(conn.execute(sa.text("SELECT severity, COUNT(*) FROM v_findings GROUP BY severity")).all())
    ids = _Ids()
    ids.feed(page)
    shown = {k.removeprefix("findings-"): int(v) for k, v in ids.text.items() if k != "findings-send-back"}
    assert shown == {"error": sql.get("error", 0), "warning": sql["warning"], "notice": sql.get("notice", 0)}
    assert shown == {"error": 1, "warning": 2, "notice": 1}  # CONS-03 in P002; MEAS-03 in both; MEAS-02 (4/6)
    assert ids.text["findings-send-back"] == "1"
    send_back = page[page.index('<table id="send-back">'):]
    send_back = send_back[:send_back.index("</table>")]
    assert "P002" in send_back and "CONS-03" in send_back and "P001" not in send_back
    # the vague target's row carries its finding, with the typed value beside the raw one
    row = re.search(r"<tr><td>benefit</td><td>social</td><td>能力提升</td>.*?</tr>", page).group(0)
    assert '<td class="raw">明显提升</td><td class="typed">文字 text</td>' in row and "MEAS-03" in row
    assert '<td class="typed">≥ 95 %</td>' in page
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_two_hundred_projects_stay_one_readable_page(engine: sa.Engine) -> None:
    report = _report([_project(n) for n in range(1, 201)])
    start = time.perf_counter()
    page = _page(engine, dataclasses.replace(report))
    assert time.perf_counter() - start < 60
    assert page.count('<details class="project') == 200
    assert page.count("<details") == 200 and " open" not in page  # folded: a reviewer opens the ones to read
    assert len(page.encode()) < 3_000_000
    assert page.count("MEAS-03") >= 200
