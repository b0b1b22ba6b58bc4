"""Project money in yuan, from the budget cells or the purpose text, and the spending plan."""

from __future__ import annotations

import pytest

from jixiao.extract.records import RawProject
from jixiao.normalize.money import amount, budget, from_purpose, spending_plan
from jixiao.normalize.records import SpendingPlan


@pytest.mark.parametrize(("text", "total", "fiscal", "other"), [
    ("预算数194.88万元，其中：财政资金194.88万元。主要用于对基层食品安全协管员（信息员）给予适当补贴。",
     1948800.0, 1948800.0, None),
    ("预算数1080万元,其中：财政资金1080万元．主要用于全市辖区内的食品安全抽检工作。", 10800000.0, 10800000.0, None),
    ("预算数240万元，均为财政资金。主要用于1.专利补助：同时申请发明专利的授权实用新型专利800元/件。",
     2400000.0, 2400000.0, None),
    ("预算数为500万元，其中：财政资金为500万元。主要用于计量强制检定支出。", 5000000.0, 5000000.0, None),
    ("预算数300万元，其中：财政资金200万元，其他资金100万元。", 3000000.0, 2000000.0, 1000000.0),
    ("预算数80000元，均为财政资金。", 80000.0, 80000.0, None),
    ("……每家支持10万元，合计需财政资金100万。", None, 1000000.0, None),
    ("我部门经预计，全市明年符合补贴条件的共102家……共242万元。", None, None, None),
    ("", None, None, None),
    (None, None, None, None),
])
def test_from_purpose(text, total, fiscal, other) -> None:
    assert from_purpose(text) == (total, fiscal, other)


@pytest.mark.parametrize(("cell", "unit", "yuan"), [
    ("1080", "万元", 10800000.0),
    ("194.88", "万元", 1948800.0),
    ("1,080.00", "万元", 10800000.0),
    ("80000", "元", 80000.0),
    ("1.5", "亿元", 150000000.0),
    ("1080", None, 10800000.0),  # the forms' unit, 万元, when no label says otherwise
    ("500万元", "元", 5000000.0),
    ("0", "万元", 0.0),
    ("", "万元", None),
    ("—", "万元", None),
    (None, "万元", None),
])
def test_amount(cell, unit, yuan) -> None:
    assert amount(cell, unit) == yuan


def _project(**fields) -> RawProject:
    base = dict(
        code="P1", name="示例项目", department=None, purpose=None, goal=None,
        budget_total=None, budget_fiscal=None, budget_other=None, budget_unit=None,
        spending_plan=(None, None, None, None), indicators=(), table=0, layout="mof",
    )
    return RawProject(**{**base, **fields})


def test_budget_cells_win_over_the_purpose_text() -> None:
    p = _project(budget_total="120", budget_fiscal="100", budget_other="20", budget_unit="万元",
                 purpose="预算数999万元，均为财政资金")
    assert budget(p) == (1200000.0, 1000000.0, 200000.0)


def test_budget_falls_back_to_the_purpose_text() -> None:
    p = _project(purpose="预算数1080万元,其中：财政资金1080万元．主要用于全市辖区内的食品安全抽检工作。")
    assert budget(p) == (10800000.0, 10800000.0, None)


@pytest.mark.parametrize(("cells", "plan"), [
    (("30.00", "60.00", "90.00", "100.00"), SpendingPlan(30.0, 60.0, 90.0, 100.0)),
    (("0.00", "50.00", "100.00", "100.00"), SpendingPlan(0.0, 50.0, 100.0, 100.0)),
    (("25%", "50％", "", None), SpendingPlan(25.0, 50.0, None, None)),
    (("—", "未定", "1-2", "≥90"), SpendingPlan(None, None, None, None)),
])
def test_spending_plan(cells, plan) -> None:
    result = spending_plan(cells)
    assert result == plan
    assert all(q is None or type(q) is float for q in (result.q1, result.q2, result.q3, result.q4))
