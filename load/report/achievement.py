"""The report's self-evaluation part: how many targets each department met, and the ones it did not.

Read from the current self-evaluation documents (documents.report_kind = self_evaluation);
rendered as one HTML section. Aggregated in Python so every engine gives the same figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from jixiao.load.schema import current_documents, documents, indicators, projects

SELF_EVALUATION = "self_evaluation"

TEXT = {
    "title": "目标完成情况 · Targets against results",
    "note": "来自绩效自评表：每个部门和年度有结果的指标，达成与否按目标的比较符判断。"
            " (From the self-evaluations: indicators with a result per department and year, met by the"
            " target's comparator.)",
    "department": "部门 department", "year": "年度 year", "with_result": "有结果 with a result",
    "met": "达成 met", "unmet": "未达成 not met", "unknown": "无法判断 not told",
    "achievement": "平均完成率 mean achievement", "execution": "预算执行率 budget executed",
    "unmet_title": "未达成的目标 · Targets not met",
    "project": "项目 project", "indicator": "指标 indicator", "target": "目标值 target",
    "actual": "实际完成值 actual", "ratio": "完成率 achievement", "score": "得分/分值 score",
    "deviation": "偏差原因 reason",
}


@dataclass(frozen=True, slots=True)
class DepartmentResult:
    """The results of one department and year."""

    department: str | None
    fiscal_year: int | None
    with_result: int
    met: int
    unmet: int
    mean_achievement: float | None
    execution_rate: float | None
    """Executed over adjusted (else initial) budget of its projects, in percent."""

    @property
    def unknown(self) -> int:
        return self.with_result - self.met - self.unmet


@dataclass(frozen=True, slots=True)
class UnmetTarget:
    department: str | None
    fiscal_year: int | None
    project: str | None
    indicator: str | None
    target: str
    actual: str | None
    achievement: float | None
    score: float | None
    weight: float | None
    deviation: str | None


@dataclass(frozen=True, slots=True)
class AchievementData:
    departments: tuple[DepartmentResult, ...]
    unmet: tuple[UnmetTarget, ...]


def _current_self_evaluations() -> sa.Select[tuple[int]]:
    return (sa.select(current_documents.c.document_id)
            .join(documents, documents.c.id == current_documents.c.document_id)
            .where(documents.c.report_kind == SELF_EVALUATION))


def _order(key: tuple[str | None, int | None]) -> tuple[bool, str, int]:
    return key[0] is None, key[0] or "", -(key[1] or 0)


def read_achievement(conn: Connection) -> AchievementData:
    d, p, x = documents, projects, indicators
    current = _current_self_evaluations()
    rows = conn.execute(
        sa.select(d.c.department, d.c.fiscal_year, p.c.name.label("project"), x.c.name, x.c.raw, x.c.actual_raw,
                  x.c.actual_kind, x.c.met, x.c.achievement, x.c.score, x.c.weight, x.c.deviation)
        .select_from(x.join(p, p.c.id == x.c.project_id).join(d, d.c.id == x.c.document_id))
        .where(x.c.document_id.in_(current), x.c.actual_kind.is_not(None), x.c.actual_kind != "empty")
        .order_by(d.c.department, d.c.fiscal_year, p.c.ordinal, x.c.ordinal)
    ).all()
    money = conn.execute(
        sa.select(d.c.department, d.c.fiscal_year, p.c.execution_executed,
                  sa.func.coalesce(p.c.execution_budget_adjusted, p.c.execution_budget_initial))
        .select_from(p.join(d, d.c.id == p.c.document_id)).where(p.c.document_id.in_(current))
    ).all()
    spent: dict[tuple[str | None, int | None], list[float]] = {}
    for department, year, executed, budget in money:
        if executed is not None and budget:
            pair = spent.setdefault((department, year), [0.0, 0.0])
            pair[0] += executed
            pair[1] += budget
    groups: dict[tuple[str | None, int | None], list[sa.Row]] = {}
    for r in rows:
        groups.setdefault((r.department, r.fiscal_year), []).append(r)
    departments = []
    for key in sorted(groups.keys() | spent.keys(), key=_order):
        found = groups.get(key, [])
        ratios = [r.achievement for r in found if r.achievement is not None]
        executed, budget = spent.get(key, (None, None))
        departments.append(DepartmentResult(
            key[0], key[1], len(found), sum(1 for r in found if r.met is True),
            sum(1 for r in found if r.met is False),
            round(sum(ratios) / len(ratios), 4) if ratios else None,
            round(executed / budget * 100, 2) if budget else None,
        ))
    unmet = tuple(
        UnmetTarget(r.department, r.fiscal_year, r.project, r.name, r.raw, r.actual_raw, r.achievement, r.score,
                    r.weight, r.deviation)
        for r in rows if r.met is False
    )
    return AchievementData(tuple(departments), unmet)


def _e(value: object) -> str:
    return "" if value is None else escape(str(value))


def _percent(value: float | None, *, ratio: bool = False) -> str:
    if value is None:
        return ""
    return f"{value * 100:.1f}%" if ratio else f"{value:.1f}%"


def _points(score: float | None, weight: float | None) -> str:
    def num(x: float | None) -> str:
        return "" if x is None else f"{x:g}"
    return f"{num(score)} / {num(weight)}" if score is not None or weight is not None else ""


def render_achievement(data: AchievementData, table: Callable[[Sequence[str], Iterable[Sequence[str]]], str]) -> str:
    """The section's HTML; `table(headers, rows of escaped cells)` draws a table as the page does."""
    summary = table(
        [TEXT[k] for k in ("department", "year", "with_result", "met", "unmet", "unknown", "achievement", "execution")],
        [[_e(g.department), _e(g.fiscal_year), str(g.with_result), str(g.met), str(g.unmet), str(g.unknown),
          _percent(g.mean_achievement, ratio=True), _percent(g.execution_rate)] for g in data.departments],
    )
    unmet = table(
        [TEXT[k] for k in ("department", "year", "project", "indicator", "target", "actual", "ratio", "score",
                           "deviation")],
        [[_e(u.department), _e(u.fiscal_year), _e(u.project), _e(u.indicator), _e(u.target), _e(u.actual),
          _percent(u.achievement, ratio=True), _points(u.score, u.weight), _e(u.deviation)] for u in data.unmet],
    )
    return (f'<section id="achievement"><h2>{escape(TEXT["title"])}</h2><p class="meta">{escape(TEXT["note"])}</p>'
            f'{summary}<h3>{escape(TEXT["unmet_title"])}</h3>{unmet}</section>')
