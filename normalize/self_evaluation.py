"""A self-evaluation's results, typed: the actual beside each target, weight and score as numbers,
`met` and `achievement`, the budget execution in yuan and percent, 总分 and 评价等级.

The actual is typed by the same parser as the target (value_parser), with the row's 度量单位
and 指标性质 where the table has them, so "97" under a 度量单位 "%" reads as 97 %.
"""

from __future__ import annotations

import math

from typing import Any

from jixiao.extract.model import Warning
from jixiao.extract.records import RawExecution, RawIndicator, RawProject
from jixiao.normalize.achievement import outcome
from jixiao.normalize.money import amount
from jixiao.normalize.records import Execution, Number, ParsedValue
from jixiao.normalize.value_parser import parse_value


def points(cell: str | None) -> Number | None:
    """A 权重 / 分值 / 得分 cell as a number ("10" → 10, "7.6" → 7.6, "10分" → 10); None when blank or "/"."""
    if not cell:
        return None
    try:
        value = float(cell)  # the usual case, a bare number: no need for the parser
        if math.isfinite(value):
            return int(value) if value.is_integer() else value
    except ValueError:
        pass
    parsed = parse_value(cell)
    return parsed.value if parsed.kind in ("number", "percent") and parsed.op == "=" else None


def _percent(cell: str | None) -> float | None:
    if not cell:
        return None
    parsed = parse_value(cell)
    if parsed.kind not in ("number", "percent") or parsed.op != "=" or parsed.value is None:
        return None
    return float(parsed.value) if parsed.unit in (None, "%") else None


def execution(raw: RawExecution | None) -> Execution | None:
    """The execution block in yuan (万元 × 10000) and percent; the rate is worked out from the
    executed and adjusted budgets when the table leaves it out."""
    if raw is None:
        return None
    initial, adjusted, executed = (amount(c, raw.unit) for c in (raw.budget_initial, raw.budget_adjusted, raw.executed))
    rate = _percent(raw.rate)
    if rate is None and executed is not None and adjusted:
        rate = round(executed / adjusted * 100, 2)
    return Execution(initial, adjusted, executed, rate, points(raw.weight), points(raw.score))


def project_results(raw: RawProject) -> dict[str, Any]:
    """Project fields of a self-evaluation: execution, total_score, grade."""
    grade = raw.grade.strip() if raw.grade else None
    return {"execution": execution(raw.execution), "total_score": points(raw.total_score), "grade": grade or None}


def _actual(raw: RawIndicator, year: int | None) -> ParsedValue | None:
    if raw.actual is None:
        return None
    return parse_value(raw.actual, year=year, nature=raw.nature, unit=raw.unit)


def indicator_results(
    raw: RawIndicator, target: ParsedValue, codes: tuple[str | None, str | None], year: int | None,
    warnings: list[Warning],
) -> dict[str, Any]:
    """Indicator fields of a self-evaluation row: actual, score, deviation, met, achievement (None
    in a targets report). Warns `score_disagrees` when the score says the opposite of met."""
    weight, score = points(raw.weight), points(raw.score)
    actual = _actual(raw, year)
    result = outcome(target, actual, level1_code=codes[0], level2_code=codes[1])
    if result.met is not None and weight and score is not None:
        full = score >= weight
        if full != result.met and (full or score == 0):
            said = "full score" if full else "a score of 0"
            state = "not met" if full else "met"
            warnings.append(Warning(
                "score_disagrees",
                f"“{raw.name or raw.raw}” gets {said} ({score} of {weight}) but its actual “{raw.actual}” "
                f"against the target “{raw.raw}” reads as {state}; check the 得分 or the values",
                raw.location,
            ))
    return {
        "actual": actual, "score": score, "deviation": raw.deviation,
        "met": result.met, "achievement": result.achievement,
    }
