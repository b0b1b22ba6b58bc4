"""The reviewer's part of the HTML report on every engine: counts, the send-back list, findings beside indicators."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

import sqlalchemy as sa

from review_reports import bureau_report, page_of, training_project


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
    page = page_of(engine, bureau_report([training_project(1), training_project(2, fiscal=700_000.0)]))
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
    row = re.search(r"<tr><td>效益指标</td><td>社会效益指标</td><td>能力提升</td>.*?</tr>", page).group(0)
    assert '<td class="raw">明显提升</td><td class="typed">文字 text</td>' in row and "MEAS-03" in row
    assert '<td class="typed">≥ 95 %</td>' in page
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_two_hundred_projects_stay_one_readablepage_of(engine: sa.Engine) -> None:
    report = bureau_report([training_project(n) for n in range(1, 201)])
    start = time.perf_counter()
    page = page_of(engine, report)
    assert time.perf_counter() - start < 60
    assert page.count('<details class="project') == 200
    assert page.count("<details") == 200 and " open" not in page  # folded: a reviewer opens the ones to read
    assert len(page.encode()) < 1_000_000  # about 1.2 KB per project
    assert page.count("MEAS-03") >= 200
