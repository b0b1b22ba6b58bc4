"""Review reports the way a finance bureau does before the budget is approved (绩效目标审核).

Pure functions over the typed records of `jixiao.normalize`: a rule table (review/data/rules.toml,
extended by a bureau's own file) names checks by group (completeness, measurability, consistency),
and each broken rule becomes a located Finding.

    from jixiao.review import load_rules, review_report
    findings = review_report(report, load_rules(["bureau_rules.toml"]))
"""

from __future__ import annotations

from jixiao.review.apply import has_errors, review_report
from jixiao.review.exceptions import RulesError
from jixiao.review.findings import SEVERITIES, Finding, Severity, Where
from jixiao.review.rules import Rule, RuleSet, default_rules, load_rules

__all__ = [
    "Finding", "Where", "Severity", "SEVERITIES", "Rule", "RuleSet", "RulesError",
    "review_report", "has_errors", "load_rules", "default_rules",
]
