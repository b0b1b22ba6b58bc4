"""The reviewer's part of the report (绩效目标审核): counts by rule, the projects to send back, and each
project's indicators with the findings beside them. Plain HTML; projects fold with <details>, no script."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from jixiao.load.report.review_data import ReviewData, ReviewFinding, ReviewIndicator, ReviewProject

SEVERITY = {"error": "错误 error", "warning": "警告 warning", "notice": "提示 notice"}
OPS = {">=": "≥", "<=": "≤", "~": "约", "=": "", ">": ">", "<": "<"}

CSS = """
.sev { white-space: nowrap; font-size: 12px; padding: 0 6px; border-radius: 8px; color: #fff; }
.sev.error { background: #b0413e; } .sev.warning { background: #c98a1b; } .sev.notice { background: #6b7b8c; }
ul.findings { margin: 0; padding-left: 0; list-style: none; } ul.findings li { margin: 2px 0; }
details.project { border: 1px solid #d5dde5; border-radius: 6px; margin: 6px 0; padding: 4px 10px; }
details.project > summary { cursor: pointer; font-weight: bold; }
details.project.clean > summary { font-weight: normal; color: #3c6e4f; }
td.typed { color: #2f6f9f; white-space: nowrap; }
"""


def _e(value: object) -> str:
    return "" if value is None else escape(str(value))


def _number(v: float | None) -> str:
    return "" if v is None else f"{v:,.10g}"


def typed_value(i: ReviewIndicator) -> str:
    """The typed reading in a few characters: ≥ 95 %, ≤ 2021-12-31, 1–2 %, 文字 text."""
    if i.kind == "date":
        return f"{OPS.get(i.op or '', '')} {i.date}".strip()
    if i.kind in ("text", "empty", "status"):
        return {"text": "文字 text", "empty": "空白 empty", "status": "状态 status"}[i.kind]
    if i.op == "range":
        body = f"{_number(i.value)}–{_number(i.value_max)}"
    else:
        body = f"{OPS.get(i.op or '', i.op or '')} {_number(i.value)}".strip()
    return f"{body} {i.unit or ''}".strip()


def _findings(items: tuple[ReviewFinding, ...]) -> str:
    if not items:
        return ""
    lis = "".join(f'<li><span class="sev {_e(f.severity)}">{_e(f.rule_id)}</span> {_e(f.message)}</li>'
                  for f in items)
    return f'<ul class="findings">{lis}</ul>'


def _counts(project: ReviewProject) -> str:
    return " ".join(f'<span class="sev {s}">{project.count(s)} {SEVERITY[s]}</span>'
                    for s in SEVERITY if project.count(s))


def _project(p: ReviewProject) -> str:
    rows = "".join(
        f"<tr><td>{_e(i.level1)}</td><td>{_e(i.level2)}</td><td>{_e(i.name)}</td>"
        f'<td class="raw">{_e(i.raw)}</td><td class="typed">{_e(typed_value(i))}</td>'
        f"<td>{_findings(i.findings)}</td></tr>"
        for i in p.indicators
    )
    table = ("<table><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值 as written</th>"
             f"<th>识别值 typed</th><th>审核意见 findings</th></tr></thead><tbody>{rows}</tbody></table>")
    budget = "" if p.budget_total is None else f" · {p.budget_total / 10000:,.2f}万元"
    title = f"{p.code or ''} {p.name or '（未命名）'}".strip()
    clean = "" if p.all_findings() else " clean"
    return (f'<details class="project{clean}" id="project-{p.document_id}-{p.ordinal}"><summary>{_e(title)}'
            f' <span class="meta">{_e(p.source_file)} v{p.version}{_e(budget)}</span> {_counts(p)}</summary>'
            f"{_findings(p.findings)}{table}</details>")


def _by_rule(data: ReviewData) -> str:
    rows = "".join(f'<tr><td>{_e(rule)}</td><td>{_e(title)}</td><td><span class="sev {_e(sev)}">'
                   f'{_e(SEVERITY.get(sev, sev))}</span></td><td class="n">{n}</td></tr>'
                   for rule, title, sev, n in data.by_rule)
    totals = {s: sum(n for _, _, sev, n in data.by_rule if sev == s) for s in SEVERITY}
    cards = "".join(f'<div class="card{" alert" if s == "error" and n else ""}"><span class="n" id="findings-{s}">'
                    f"{n}</span>{escape(SEVERITY[s])}</div>" for s, n in totals.items())
    cards += (f'<div class="card{" alert" if data.send_back else ""}"><span class="n" id="findings-send-back">'
              f"{len(data.send_back)}</span>退回项目 to send back</div>")
    body = rows or '<tr><td colspan="4">无 · none</td></tr>'
    return (f'<div class="cards">{cards}</div><table id="findings-by-rule"><thead><tr><th>规则 rule</th>'
            f"<th>内容 what</th><th>严重性 severity</th><th>数量 findings</th></tr></thead><tbody>{body}</tbody></table>")


def _send_back(data: ReviewData) -> str:
    rows = "".join(
        f"<tr><td>{_e(p.department)}</td><td>{_e(p.source_file)}</td><td>{_e(p.code)}</td>"
        f'<td><a href="#project-{p.document_id}-{p.ordinal}">{_e(p.name)}</a></td><td class="n">{p.count("error")}</td>'
        f"<td>{_findings(tuple(f for f in p.all_findings() if f.severity == 'error'))}</td></tr>"
        for p in data.send_back
    ) or '<tr><td colspan="6">无 · none</td></tr>'
    return ('<table id="send-back"><thead><tr><th>部门 department</th><th>文件 file</th><th>项目编码 code</th>'
            f"<th>项目 project</th><th>错误 errors</th><th>退回理由 why</th></tr></thead><tbody>{rows}</tbody></table>")


def _by_department(data: ReviewData) -> str:
    groups: dict[tuple[str | None, int | None], list[ReviewProject]] = defaultdict(list)
    for p in data.projects:
        groups[(p.department, p.fiscal_year)].append(p)
    whole = "".join(f'<div class="document-finding">{_e(file)}: {_findings((f,))}</div>'
                    for file, f in data.document_findings)
    return whole + "".join(
        f'<h3 class="review-group">{_e(dep or "未注明")} · {_e(year or "未注明")}</h3>'
        + "".join(_project(p) for p in projects)
        for (dep, year), projects in groups.items()
    )


def render_review(data: ReviewData) -> str:
    """The review section of the page: summary and counts, the send-back list, then every project."""
    return (f'<section id="review"><h2>审核结果 · Review findings</h2>'
            '<p class="meta">按审核规则检查当前版本的每个项目；错误需退回修改，警告请部门核实，提示供参考。'
            " (Current versions checked against the review rules: errors send a project back.)</p>"
            f"{_by_rule(data)}<h3>退回项目 · Projects to send back</h3>{_send_back(data)}"
            f'<h3 id="review-projects">逐项目审核 · By department and project</h3>{_by_department(data)}</section>')
