"""The report as one self-contained HTML page: inline CSS, inline SVG, no script, no network."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from jixiao.load.report.achievement import render_achievement
from jixiao.load.report.charts import Bar, bar_chart
from jixiao.load.report.data import UNTYPED_CODE, DocumentHistory, Flag, Group, ReportData
from jixiao.load.report.labels import KINDS, LEVEL1, LEVEL2, NONE, TEXT, UNKNOWN
from jixiao.load.report.review_page import CSS as REVIEW_CSS, render_review
from jixiao.load.report.revisions import revisions_section

# Fonts that carry Chinese on Windows, macOS and Linux, in that order of likelihood.
FONT_STACK = (
    '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", '
    '"WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimSun", "Songti SC", sans-serif'
)

CSS = f"""
body {{ font-family: {FONT_STACK}; color: #1d2630; background: #fff; margin: 0 auto; max-width: 1200px;
       padding: 24px 32px; line-height: 1.5; }}
h1 {{ font-size: 26px; margin: 0; }} h1 small {{ font-size: 14px; color: #6b7b8c; font-weight: normal; }}
h2 {{ font-size: 20px; border-bottom: 2px solid #2f6f9f; padding-bottom: 4px; margin-top: 36px; }}
h3 {{ font-size: 16px; margin: 20px 0 6px; }}
.meta {{ color: #6b7b8c; font-size: 13px; }}
.cards {{ display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }}
.card {{ border: 1px solid #d5dde5; border-radius: 6px; padding: 10px 16px; min-width: 120px; }}
.card .n {{ font-size: 28px; font-weight: bold; color: #2f6f9f; display: block; }}
.card.alert .n {{ color: #b0413e; }}
table {{ border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; }}
th, td {{ border: 1px solid #d5dde5; padding: 4px 8px; text-align: left; vertical-align: top; }}
th {{ background: #eef3f7; }} td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
tr.superseded td {{ color: #8a96a3; }}
.badge {{ white-space: nowrap; font-size: 12px; padding: 0 6px; border-radius: 8px; background: #3c8c5a; color: #fff; }}
.badge.old {{ background: #b8c2cc; }}
.raw {{ background: #fff6e0; }}
svg.chart text {{ font-family: {FONT_STACK}; font-size: 13px; fill: #1d2630; }}
svg.chart text.count {{ fill: #6b7b8c; }}
.charts {{ display: flex; flex-wrap: wrap; gap: 32px; align-items: flex-start; }}
figure {{ margin: 0; }} figcaption {{ font-weight: bold; margin-bottom: 6px; }}
@media print {{ h2 {{ break-after: avoid; }} tr {{ break-inside: avoid; }} }}
"""


def _e(value: object) -> str:
    """Text for the page, escaped: everything read from documents passes through here."""
    return "" if value is None else escape(str(value))


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table; `rows` hold already-escaped HTML cells."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    if not body:
        body = f'<tr><td colspan="{len(headers)}">{escape(TEXT["none_found"])}</td></tr>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _time(t: dt.datetime | None) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if t else ""


def _place(n: int | None) -> str:
    """A table or row index (0-based in the database) as a clerk counts it, from 1."""
    return "" if n is None else str(n + 1)


def _summary(data: ReportData) -> str:
    t = data.totals
    cards = [
        ("documents", t.documents, False), ("versions", t.versions, False), ("projects", t.projects, False),
        ("indicators", t.indicators, False), ("warnings", t.warnings, t.warnings > 0),
        ("untyped", t.untyped, t.untyped > 0), ("failed_files", t.failed_files, t.failed_files > 0),
    ]
    html = "".join(
        f'<div class="card{" alert" if alert else ""}"><span class="n" id="total-{name.replace("_", "-")}">'
        f'{n}</span>{escape(TEXT[name])}</div>'
        for name, n, alert in cards
    )
    return f'<div class="cards">{html}</div><p class="meta">{escape(TEXT["current_note"])}</p>'


def _history_rows(doc: DocumentHistory) -> Iterable[str]:
    for v in doc.versions:
        badge = (f'<span class="badge">v{v.version} {escape(TEXT["current"])}</span>' if v.is_current
                 else f'<span class="badge old">v{v.version} {escape(TEXT["superseded"])}</span>')
        cells = [
            _e(doc.document_key), _e(v.title), badge,
            f'<span title="{_e(v.source_path)}">{_e(v.source_file)}</span>', _e(_time(v.ingested_at)),
            str(v.n_projects), str(v.n_indicators), str(v.n_warnings), str(v.n_untyped),
        ]
        css = "" if v.is_current else ' class="superseded"'
        yield f"<tr{css}>" + "".join(
            f'<td class="n">{c}</td>' if i >= 5 else f"<td>{c}</td>" for i, c in enumerate(cells)
        ) + "</tr>"


def _group(group: Group) -> str:
    heading = f"{group.department or NONE} · {group.fiscal_year or NONE}"
    headers = [TEXT["key"], "标题 title", TEXT["version"], TEXT["file"], TEXT["ingested"],
               TEXT["projects"], TEXT["indicators"], TEXT["warnings"], TEXT["untyped"]]
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(row for doc in group.documents for row in _history_rows(doc))
    return f"<h3>{_e(heading)}</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _category_bars(data: ReportData) -> tuple[list[Bar], list[str]]:
    order1 = list(LEVEL1)
    order2 = list(LEVEL2)
    rows = sorted(data.by_category, key=lambda r: (
        order1.index(r[0]) if r[0] in LEVEL1 else len(order1), order2.index(r[1]) if r[1] in LEVEL2 else len(order2)))
    series = [c for c in order1 if any(r[0] == c for r in rows)]
    if any(r[0] not in LEVEL1 for r in rows):
        series.append("")
    bars = [
        Bar(f"{LEVEL1.get(a or '', UNKNOWN)} / {LEVEL2.get(b or '', UNKNOWN)}", n,
            series.index(a if a in LEVEL1 else ""))
        for a, b, n in rows
    ]
    return bars, [LEVEL1.get(c, UNKNOWN) for c in series]


def _charts(data: ReportData) -> str:
    bars, legend = _category_bars(data)
    kinds = [Bar(f"{KINDS.get(k, k)} {k}", n, i) for i, (k, n) in enumerate(data.by_kind)]
    blocks = [
        f'<figure><figcaption>{escape(TEXT[key])}</figcaption>{chart}</figure>'
        for key, chart in (
            ("chart_category", bar_chart(bars, title=TEXT["chart_category"], legend=legend)),
            ("chart_kind", bar_chart(kinds, title=TEXT["chart_kind"])),
        )
        if chart
    ]
    return f'<div class="charts">{"".join(blocks)}</div>' if blocks else f"<p>{escape(TEXT['none_found'])}</p>"


def _flag_cells(f: Flag) -> list[str]:
    return [_e(f.department), _e(f.fiscal_year), _e(f"{f.source_file} (v{f.version})"), _place(f.table),
            _place(f.row), _e(f.project), _e(f.indicator), f'<span class="raw">{_e(f.raw)}</span>' if f.raw else "",
            _e(f.message)]


def _flags(flags: Sequence[Flag], *, with_code: bool) -> str:
    headers = [TEXT["department"], TEXT["year"], TEXT["file"], TEXT["table"], TEXT["row"], TEXT["project"],
               TEXT["indicator"], TEXT["raw"], TEXT["message"]]
    rows = [_flag_cells(f) for f in flags]
    if with_code:
        headers.insert(3, TEXT["code"])
        for f, r in zip(flags, rows):
            r.insert(3, _e(f.code))
    return _table(headers, rows)


def _failures(data: ReportData) -> str:
    rows = [[_e(f.path), _e(f.error_code), _e(f.message), _e(_time(f.at))] for f in data.failures]
    return _table([TEXT["path"], TEXT["error"], TEXT["message"], TEXT["at"]], rows)


def render_page(data: ReportData, *, database: str, generated_at: dt.datetime) -> str:
    """The whole page as one string."""
    untyped = [f for f in data.flags if f.code == UNTYPED_CODE]
    groups = "".join(_group(g) for g in data.groups) or f"<p>{escape(TEXT['none_found'])}</p>"
    return "".join([
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<title>{escape(TEXT["title"])} · jixiao</title><style>{CSS}{REVIEW_CSS}</style></head><body>',
        f'<header><h1>{escape(TEXT["title"])} <small>{escape(TEXT["subtitle"])}</small></h1>',
        f'<p class="meta">{escape(TEXT["generated"])}: {_e(_time(generated_at))} · ',
        f'{escape(TEXT["database"])}: {_e(database)}</p></header>',
        f'<section id="summary"><h2>{escape(TEXT["summary"])}</h2>{_summary(data)}</section>',
        render_review(data.review) if data.review else "",
        f'<section id="groups"><h2>{escape(TEXT["by_group"])}</h2>{groups}</section>',
        f'<section id="charts"><h2>{escape(TEXT["charts"])}</h2>{_charts(data)}</section>',
        render_achievement(data.achievement, _table),
        f'<section id="untyped"><h2>{escape(TEXT["untyped_title"])}</h2>',
        f'<p class="meta">{escape(TEXT["untyped_note"])}</p>{_flags(untyped, with_code=False)}</section>',
        f'<section id="warnings"><h2>{escape(TEXT["warnings_title"])}</h2>',
        f'{_flags(data.flags, with_code=True)}</section>',
        f'<section id="failures"><h2>{escape(TEXT["failures_title"])}</h2>{_failures(data)}</section>',
        revisions_section(data.revisions),
        "</body></html>\n",
    ])
