"""The columns a self-evaluation adds to a project row and an indicator row (NULL for targets),
and the folded names v_target_vs_actual pairs them by."""

from __future__ import annotations

from collections.abc import Callable

from jixiao.load.match_keys import match_name
from jixiao.normalize.records import Indicator, Project, Report

Row = dict[str, object]
Numbers = Callable[[float | int | None], float | None]


def document_result_row(report: Report) -> Row:
    return {"report_kind": report.document.report_kind}


def project_result_row(report: Report, p: Project, num: Numbers) -> Row:
    e = p.execution
    return {
        "execution_budget_initial": num(e.budget_initial) if e else None,
        "execution_budget_adjusted": num(e.budget_adjusted) if e else None,
        "execution_executed": num(e.executed) if e else None,
        "execution_rate": num(e.rate) if e else None,
        "execution_weight": num(e.weight) if e else None,
        "execution_score": num(e.score) if e else None,
        "total_score": num(p.total_score), "grade": p.grade,
        "match_name": match_name(p.department or report.document.department, p.name),
    }


def indicator_result_row(ind: Indicator, num: Numbers) -> Row:
    a = ind.actual
    return {
        "actual_raw": a.raw if a else None, "actual_kind": a.kind if a else None, "actual_op": a.op if a else None,
        "actual_value": num(a.value) if a else None, "actual_value_max": num(a.value_max) if a else None,
        "actual_unit": a.unit if a else None, "actual_scale": num(a.scale) if a else None,
        "actual_date": a.date if a else None,
        "weight": num(ind.weight), "score": num(ind.score), "deviation": ind.deviation, "met": ind.met,
        "achievement": num(ind.achievement), "match_name": match_name(ind.name),
    }
