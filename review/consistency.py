"""Consistency (一致性, 适当性): the numbers of a project agree with each other and with the fiscal year."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.normalize.records import Indicator, Report
from jixiao.review.completeness import is_cost
from jixiao.review.registry import Hit, Params, check
from jixiao.review.vocab import ReviewVocab


def wan(yuan: float) -> str:
    """Money as the tables write it: 万元, two decimals."""
    return f"{yuan / 10000:,.2f}万元"


def number(value: float) -> str:
    return f"{value:g}"


@check("spending_plan_non_decreasing", fields=("plan",))
def spending_plan_non_decreasing(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """The cumulative spending plan (累计进度) never goes down from one quarter to the next."""
    for n, project in enumerate(report.projects):
        plan = project.spending_plan
        given = [q for q in (plan.q1, plan.q2, plan.q3, plan.q4) if q is not None]
        if any(later < earlier for earlier, later in zip(given, given[1:])):
            yield Hit(n, values={"plan": "/".join(number(q) for q in given)})


@check("spending_plan_complete", fields=("plan",), target=100, tolerance=0.5)
def spending_plan_complete(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """A spending plan that is filled in reaches 100% by the fourth quarter."""
    for n, project in enumerate(report.projects):
        plan = project.spending_plan
        quarters = (plan.q1, plan.q2, plan.q3, plan.q4)
        if all(q is None for q in quarters):
            continue
        if plan.q4 is None or abs(plan.q4 - params["target"]) > params["tolerance"]:
            shown = "/".join("" if q is None else number(q) for q in quarters)
            yield Hit(n, values={"plan": shown})


@check("budget_sum", fields=("total", "fiscal", "other", "difference"), tolerance_yuan=100)
def budget_sum(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """财政拨款 + 其他资金 = 年度资金总额, to the rounding of a table in 万元.

    Without 其他资金 the table says only "其中：财政拨款", so the rest of the total may be other
    funds: then only a fiscal amount above the total is inconsistent.
    """
    for n, project in enumerate(report.projects):
        total, fiscal, other = project.budget_total, project.budget_fiscal, project.budget_other
        if total is None or fiscal is None:
            continue
        difference = fiscal + (other or 0) - total
        if abs(difference) > params["tolerance_yuan"] and (other is not None or difference > 0):
            yield Hit(n, values={"total": wan(total), "fiscal": wan(fiscal),
                                 "other": "—" if other is None else wan(other), "difference": wan(difference)})


def _money_total(indicator: Indicator, vocab: ReviewVocab) -> bool:
    """A money amount for the whole project, not a cost per person, per km or per unit."""
    unit = indicator.unit or ""
    name = indicator.name or ""
    return (indicator.kind == "number" and unit in vocab.money_units and "/" not in unit
            and not any(word in name for word in vocab.per_unit_words))


@check("cost_within_budget", fields=("budget", "cost"), tolerance_yuan=100)
def cost_within_budget(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """A total cost target (成本指标, in 元/万元) is not above the project's annual funds."""
    for n, project in enumerate(report.projects):
        if project.budget_total is None:
            continue
        for indicator in project.indicators:
            if is_cost(indicator) and _money_total(indicator, vocab):
                cost = indicator.value_max if indicator.op == "range" else indicator.value
                if cost is not None and cost > project.budget_total + params["tolerance_yuan"]:
                    yield Hit(n, indicator, {"budget": wan(project.budget_total), "cost": wan(cost)})


@check("deadline_in_year", fields=("year", "date"))
def deadline_in_year(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """A deadline (a date target) falls in the fiscal year, or in the next one when the text says so (次年)."""
    year = report.document.fiscal_year
    if year is None:
        return
    for n, project in enumerate(report.projects):
        for indicator in project.indicators:
            if indicator.kind != "date" or indicator.date is None or indicator.date.year == year:
                continue
            said_next = any(word in indicator.raw for word in vocab.next_year_words)
            if not (indicator.date.year == year + 1 and said_next):
                yield Hit(n, indicator, {"year": year, "date": indicator.date.isoformat()})


@check("rate_not_above_100", fields=("value",))
def rate_not_above_100(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """A rate (合格率, 满意度, 覆盖率 ...) is not above 100%; growth rates are exempt (unbounded_rates.txt)."""
    for n, project in enumerate(report.projects):
        for indicator in project.indicators:
            top = indicator.value_max if indicator.op == "range" else indicator.value
            if (indicator.kind == "percent" and indicator.unit in ("%", "％") and top is not None and top > 100
                    and vocab.is_bounded_rate(indicator.name)):
                yield Hit(n, indicator, {"value": number(top)})


@check("rate_is_percent")
def rate_is_percent(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """A rate-named indicator (…率) has a percent target, or a rate per N (/10万, ‰), not a bare count."""
    for n, project in enumerate(report.projects):
        for indicator in project.indicators:
            if (indicator.kind == "number" and "/" not in (indicator.unit or "")
                    and vocab.is_rate(indicator.name)):
                yield Hit(n, indicator)


@check("no_duplicate_indicator", fields=("first_row",))
def no_duplicate_indicator(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """The same indicator name twice in one project (a copied row, or two targets for one thing)."""
    for n, project in enumerate(report.projects):
        seen: dict[str, Indicator] = {}
        for indicator in project.indicators:
            key = "".join((indicator.name or "").split())
            if not key:
                continue
            if key in seen:
                row = seen[key].location.row
                yield Hit(n, indicator, {"first_row": "" if row is None else row + 1})
            else:
                seen[key] = indicator


@check("satisfaction_in_band", fields=("value",), min=80, max=100)
def satisfaction_in_band(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """A satisfaction target (满意度指标, in %) lies in a plausible band; above 100 is rate_not_above_100's."""
    for n, project in enumerate(report.projects):
        for indicator in project.indicators:
            satisfaction = indicator.level1_code == "satisfaction" or indicator.level2_code == "satisfaction"
            if not satisfaction or indicator.kind != "percent" or indicator.value is None:
                continue
            low = indicator.value
            high = indicator.value_max if indicator.op == "range" and indicator.value_max is not None else low
            if low < params["min"] or params["max"] < high <= 100:
                yield Hit(n, indicator, {"value": number(low)})
