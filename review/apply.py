"""Run a rule set over a report: every enabled rule's check, each hit turned into a located Finding."""

from __future__ import annotations

from collections.abc import Mapping

from jixiao.normalize.records import Report
from jixiao.review.findings import SEVERITIES, Finding, Where
from jixiao.review.registry import Hit, checks
from jixiao.review.rules import Rule, RuleSet, default_rules
from jixiao.review.vocab import review_vocab

__all__ = ["review_report", "has_errors"]


class _Blank(dict):
    """Message values: a name the hit does not fill (an indicator on a project finding) shows as blank."""

    def __missing__(self, key: str) -> str:
        return ""


def _where(report: Report, hit: Hit) -> Where:
    file = report.source.file
    if hit.project is None:
        return Where(file)
    project = report.projects[hit.project]
    common = {"file": file, "project_ordinal": hit.project + 1, "project_code": project.code,
              "project_name": project.name}
    if hit.indicator is not None:
        location = hit.indicator.location
        return Where(**common, indicator=hit.indicator.name, raw=hit.indicator.raw,
                     table=location.table, row=location.row)
    first = project.indicators[0].location.table if project.indicators else None
    return Where(**common, table=first)


def _message(template: str, rule: Rule, where: Where, values: Mapping[str, object]) -> str:
    fields = _Blank(rule.params)
    fields.update({"project": where.project_name or where.project_code or "", "code": where.project_code or "",
                   "indicator": where.indicator or "", "raw": where.raw or ""})
    fields.update(values)
    return template.format_map(fields)


def review_report(report: Report, rules: RuleSet | None = None) -> tuple[Finding, ...]:
    """The findings of `report` under `rules` (the built-in table when None), in reading order.

    Pure: reads nothing but the report and the rule table's word lists.
    """
    ruleset = rules or default_rules()
    vocab = review_vocab()
    registry = checks()
    found: list[Finding] = []
    for rule in ruleset.enabled:
        for hit in registry[rule.check].function(report, rule.params, vocab):
            where = _where(report, hit)
            found.append(Finding(
                rule.id, rule.severity, rule.check, _message(rule.message_zh, rule, where, hit.values),
                _message(rule.message_en, rule, where, hit.values), where,
            ))
    order = {severity: n for n, severity in enumerate(SEVERITIES)}
    return tuple(sorted(found, key=lambda f: (
        f.where.project_ordinal or 0, -1 if f.where.row is None else f.where.row, order[f.severity], f.rule)))


def has_errors(findings: tuple[Finding, ...] | list[Finding]) -> bool:
    """True when some finding is an error: the document would be sent back."""
    return any(f.severity == "error" for f in findings)
