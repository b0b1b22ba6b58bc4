"""Completeness (完整性): the project table has what a reviewer needs, and every indicator category a value."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from jixiao.normalize.records import Indicator, Project, Report
from jixiao.review.registry import Hit, Params, check
from jixiao.review.vocab import ReviewVocab

COST_CODES = frozenset({"cost", "economic_cost", "social_cost", "ecological_cost"})


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def is_cost(indicator: Indicator) -> bool:
    """A cost indicator: under 成本指标 as a level1 (2021 template) or a level2 of 产出 (older ones)."""
    return indicator.level1_code == "cost" or indicator.level2_code in COST_CODES


def has_value(indicator: Indicator, vocab: ReviewVocab) -> bool:
    return indicator.kind != "empty" and not vocab.is_placeholder(indicator.raw)


def level1_key(indicator: Indicator) -> str | None:
    """The 一级指标 an indicator sits under: its code, else the label as written."""
    return indicator.level1_code or indicator.level1


def placeholder_categories(project: Project, vocab: ReviewVocab) -> dict[str, list[Indicator]]:
    """The 一级指标 categories of a project whose every row is blank or a placeholder."""
    by_category: dict[str, list[Indicator]] = {}
    for indicator in project.indicators:
        if (key := level1_key(indicator)) is not None:
            by_category.setdefault(key, []).append(indicator)
    return {key: rows for key, rows in by_category.items() if not any(has_value(i, vocab) for i in rows)}


def _projects_where(report: Report, broken: Callable[[Project], bool]) -> Iterator[Hit]:
    return (Hit(n) for n, project in enumerate(report.projects) if broken(project))


@check("project_name_present")
def project_name_present(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    return _projects_where(report, lambda p: _blank(p.name))


@check("budget_present")
def budget_present(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    return _projects_where(report, lambda p: p.budget_total is None and p.budget_fiscal is None)


@check("goal_present")
def goal_present(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    return _projects_where(report, lambda p: _blank(p.goal))


@check("indicators_present")
def indicators_present(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    return _projects_where(report, lambda p: not p.indicators)


@check("level1_coverage", fields=("category",), categories=["output", "benefit", "satisfaction"])
def level1_coverage(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """Each 一级指标 the parameters name has at least one row (projects without indicators are another rule's)."""
    for n, project in enumerate(report.projects):
        present = {i.level1_code for i in project.indicators}
        if project.indicators:
            for code in params["categories"]:
                if code not in present:
                    yield Hit(n, values={"category": vocab.category(code)})


@check("cost_coverage")
def cost_coverage(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """Where the document's template has 成本指标 (some project fills it), every project fills it."""
    uses_cost = any(is_cost(i) for p in report.projects for i in p.indicators)
    for n, project in enumerate(report.projects):
        if uses_cost and project.indicators and not any(is_cost(i) for i in project.indicators):
            yield Hit(n)


@check("output_level2_coverage", fields=("category",), categories=["quantity", "quality", "timeliness"])
def output_level2_coverage(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """Under 产出指标, each 二级指标 the parameters name has a row."""
    for n, project in enumerate(report.projects):
        present = {i.level2_code for i in project.indicators if i.level1_code == "output"}
        if present:
            for code in params["categories"]:
                if code not in present:
                    yield Hit(n, values={"category": vocab.category(code)})


@check("indicator_value_present")
def indicator_value_present(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """A named indicator with a blank or placeholder value (a category left all blank is another rule's)."""
    for n, project in enumerate(report.projects):
        empty_categories = placeholder_categories(project, vocab)
        for indicator in project.indicators:
            if not has_value(indicator, vocab) and level1_key(indicator) not in empty_categories:
                yield Hit(n, indicator)


@check("category_not_placeholder", fields=("category",))
def category_not_placeholder(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """A 一级指标 whose rows are all blank or placeholders ("/", "无"): the category is there only in form."""
    for n, project in enumerate(report.projects):
        for key, rows in placeholder_categories(project, vocab).items():
            yield Hit(n, rows[0], values={"category": vocab.category(key)})
