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

_OPENS_WITH_DIGIT = re.compile(r"\s*\d")


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
    """A budget cell in yuan: ("1080", "万元") → 10800000.0, ("250万", "万元") → 2500000.0 (the
    cell's own scale wins), ("854万(高标准农田建设400万元…)", None) → 8540000.0 (an amount before a
    note); None when empty or not an amount."""
    if cell is None or not _OPENS_WITH_DIGIT.match(fold(cell)):
        return None  # no amount, or one inside a sentence (参见附件1具体金额)
    parsed = parse_value(cell)
    if parsed.kind != "number" or parsed.op != "=" or parsed.value is None:
        return _leading_amount(cell, unit)
    if parsed.unit in _words("yuan") or (parsed.unit is None and parsed.scale not in (None, 1)):
        return float(parsed.value)
    if parsed.unit is not None:
        return None
    return float(Decimal(str(parsed.value)) * unit_factor(unit))


@cache
def _leading_pattern() -> re.Pattern[str]:
    scales = "|".join(re.escape(w) for w in sorted(vocab().scales, key=len, reverse=True))
    yuan = "|".join(re.escape(w) for w in _words("yuan"))
    return re.compile(rf"\s*(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>{scales})?\s*(?P<yuan>{yuan})?")


def _leading_amount(cell: str, unit: str | None) -> float | None:
    """The amount a cell opens with when a note follows it: 854万(…), 1800（含结转）."""
    text = fold(cell)
    m = _leading_pattern().match(text)
    if m is None:
        return None
    rest = text[m.end():].lstrip()
    if not (m["scale"] or m["yuan"] or rest.startswith("(")) or (rest and rest[0].isdigit() and not m["scale"]):
        return None
    value = Decimal(m["amount"].replace(",", ""))
    if m["scale"]:
        return float(value * vocab().scales[m["scale"]])
    return float(value if m["yuan"] else value * unit_factor(unit))


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
    total, fiscal, other = cells
    if total is None and fiscal is not None:
        total = fiscal + (other or 0.0)  # 财政拨款小计 + 其他收入 where no 年度资金总额 is given
    if any(c is not None for c in (total, fiscal, other)):
        return total, fiscal, other
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
