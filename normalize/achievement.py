"""Was a target met? An indicator's actual (实际完成值) against its target (年度指标值).

`met` compares by the target's comparator: ≥ 95% against 97% is met; a deadline
(2023年6月30日前) against a completion date; a ≤ cost against the money spent; a range
against a number inside it. A target without a comparator (13000批次, op "=") is a
quantity to reach, or, for an amount under a cost indicator, a ceiling not to pass. A completion word
(已完成 1, 基本完成 0.5, 未完成 0) decides on its own: only a full 1 is met. A bare
number actual ("97" against "≥95%") is read in the target's unit and scale.
Anything else (text against text that differs, units that differ) is None: not told.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from jixiao.normalize.records import Number, ParsedValue
from jixiao.normalize.text import compact

NUMERIC = ("number", "percent")
COST_CODES = frozenset({"cost", "economic_cost", "social_cost", "ecological_cost"})
_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class Outcome:
    """`met` (None when it cannot be told) and `achievement` (actual / target, or None)."""

    met: bool | None
    achievement: float | None


def _comparable(target: ParsedValue, actual: ParsedValue) -> Number | None:
    """The actual's number in the target's unit and scale, or None when the two do not compare."""
    if target.kind not in NUMERIC or actual.kind not in NUMERIC or actual.value is None:
        return None
    if actual.unit is None and (actual.scale or 1) == 1:
        return actual.value * (target.scale or 1)  # a bare number: written in the target's unit
    if target.unit is None and target.kind == actual.kind == "number" and (target.scale or 1) == 1:
        return actual.value
    return actual.value if actual.unit == target.unit else None


def _at_least(a: Number, b: Number) -> bool:
    return a >= b - _TOLERANCE * max(1.0, abs(b))


def _compare(op: str | None, actual: Number, low: Number, high: Number | None, is_cost: bool) -> bool | None:
    if op == "range" and high is not None:
        return _at_least(actual, low) and _at_least(high, actual)
    if op in ("=", "~"):
        op = "<=" if is_cost else ">="
    if op == ">=":
        return _at_least(actual, low)
    if op == ">":
        return actual > low
    if op == "<=":
        return _at_least(low, actual)
    if op == "<":
        return actual < low
    return None


def _dates(target: ParsedValue, actual: ParsedValue) -> bool | None:
    if target.date is None or actual.date is None:
        return None
    if target.op in ("<=", "<", "="):
        return actual.date <= target.date if target.op != "<" else actual.date < target.date
    if target.op in (">=", ">"):
        return actual.date >= target.date
    return None


def outcome(target: ParsedValue, actual: ParsedValue | None, *, level2_code: str | None = None,
            level1_code: str | None = None) -> Outcome:
    """`met` and `achievement` of one indicator (see the module docstring for the rules)."""
    if actual is None or actual.kind == "empty" or target.kind == "empty":
        return Outcome(None, None)
    if actual.kind == "status":
        return Outcome(actual.value == 1, None)
    if target.kind == "date" or actual.kind == "date":
        return Outcome(_dates(target, actual) if target.kind == actual.kind else None, None)
    if target.kind == "text" and actual.kind == "text":
        return Outcome(True if compact(target.raw) == compact(actual.raw) else None, None)
    value = _comparable(target, actual)
    if value is None or target.value is None:
        return Outcome(None, None)
    # Only an amount is a ceiling; a rate under 成本指标 (预算资金完成率 95%) is still one to reach.
    is_cost = (level1_code in COST_CODES or level2_code in COST_CODES) and target.kind == "number"
    met = _compare(target.op, value, target.value, target.value_max, is_cost)
    achievement = None
    if target.op != "range" and target.value != 0:
        ratio = float(value) / float(target.value)
        achievement = round(ratio, 4) if math.isfinite(ratio) else None
    return Outcome(met, achievement)
