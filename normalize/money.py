"""A project's money in yuan and its quarterly spending plan as numbers."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from jixiao.extract.records import RawProject
from jixiao.normalize.records import SpendingPlan
from jixiao.normalize.text import compact, fold
from jixiao.normalize.value_parser import parse_value
from jixiao.normalize.vocab import vocab

def _words(role: str) -> list[str]:
    return sorted((w for w, r in vocab().money.items() if r == role), key=len, reverse=True)


def unit_factor(unit: str | None) -> Decimal:
    """Yuan per unit of a money unit: 万元 → 10000, 元 → 1.

    None is the forms' own unit (money.tsv default_unit, 万元: 项目资金（万元）), which a
    cell whose unit the extract stage could not find is read in too.
    """
    text = compact(unit or _words("default_unit")[0])
    for yuan in _words("yuan"):
        text = text.removesuffix(yuan)
    return vocab().scales.get(text, Decimal(1))


def amount(cell: str | None, unit: str | None) -> float | None:
    """A budget cell in yuan: ("1080", "万元") → 10800000.0; None when empty or not a plain amount."""
    if cell is None:
        return None
    parsed = parse_value(cell)
    if parsed.kind != "number" or parsed.op != "=" or parsed.value is None:
        return None
    if parsed.unit in _words("yuan"):
        return float(parsed.value)
    if parsed.unit is not None:
        return None
    return float(Decimal(str(parsed.value)) * unit_factor(unit))


@cache
def _purpose_pattern() -> re.Pattern[str]:
    def alternation(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    roles = [w for w, r in vocab().money.items() if r in ("total", "fiscal", "other", "all_fiscal")]
    return re.compile(
        rf"(?P<word>{alternation(roles)})(?:{alternation(_words('filler'))})?:?\s*"
        rf"(?:(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>{alternation(vocab().scales)})?"
        rf"\s*(?P<yuan>{alternation(_words('yuan'))})?)?"
    )


def from_purpose(text: str | None) -> tuple[float | None, float | None, float | None]:
    """(total, fiscal, other) in yuan stated in the 项目资金主要用途 text, e.g.
    "预算数194.88万元，其中：财政资金194.88万元" → (1948800.0, 1948800.0, None)."""
    found: dict[str, float] = {}
    all_fiscal = False
    for m in _purpose_pattern().finditer(fold(text or "")):
        role = vocab().money[m["word"]]
        if role == "all_fiscal":
            all_fiscal = True
            continue
        if m["amount"] is None or role in found:
            continue
        value = Decimal(m["amount"].replace(",", ""))
        if m["scale"]:
            value *= vocab().scales[m["scale"]]
        elif not m["yuan"]:
            value *= unit_factor(None)
        found[role] = float(value)
    if all_fiscal and "total" in found:
        found.setdefault("fiscal", found["total"])
    return found.get("total"), found.get("fiscal"), found.get("other")


def budget(project: RawProject) -> tuple[float | None, float | None, float | None]:
    """(budget_total, budget_fiscal, budget_other) in yuan: the budget cells, else the purpose text."""
    cells = tuple(
        amount(c, project.budget_unit)
        for c in (project.budget_total, project.budget_fiscal, project.budget_other)
    )
    if any(c is not None for c in cells):
        return cells
    return from_purpose(project.purpose)


def _percent(cell: str | None) -> float | None:
    if cell is None:
        return None
    parsed = parse_value(cell)
    if parsed.kind not in ("number", "percent") or parsed.op != "=" or parsed.value is None:
        return None
    if parsed.kind == "percent" and parsed.unit != "%":
        return None
    return float(parsed.value)


def spending_plan(cells: tuple[str | None, str | None, str | None, str | None]) -> SpendingPlan:
    """第一季度..第四季度 cells ("30.00", "30%") as cumulative percent numbers."""
    q1, q2, q3, q4 = (_percent(c) for c in cells)
    return SpendingPlan(q1, q2, q3, q4)
