"""`met` and `achievement` of a target against what was achieved, and completion words as kind "status"."""

from __future__ import annotations

import pytest

from jixiao.normalize.achievement import outcome
from jixiao.normalize.value_parser import parse_value


@pytest.mark.parametrize(
    ("target", "actual", "codes", "met", "achievement"),
    [
        ("≥95%", "97%", (None, None), True, 1.0211),
        ("≥95%", "93%", (None, None), False, 0.9789),
        ("95%以上", "97", (None, None), True, 1.0211),        # a bare number is read in the target's unit
        ("不低于90%", "90%", (None, None), True, 1.0),
        ("13000批次", "13500批次", ("output", "quantity"), True, 1.0385),  # no comparator: a quantity to reach
        ("13000批次", "12000批次", ("output", "quantity"), False, 0.9231),
        ("≤90万元", "89.974", ("cost", "economic_cost"), True, 0.9997),    # bare 89.974 in 万元
        ("≤90万元", "95万元", ("cost", "economic_cost"), False, 1.0556),
        ("185.6万元", "190万元", ("cost", "economic_cost"), False, 1.0237),  # a cost without comparator is a ceiling
        ("1-2%", "1.5%", (None, None), True, None),
        ("1-2%", "3%", (None, None), False, None),
        ("≤30天", "25天", (None, None), True, 0.8333),
        ("≥4家", "4个", (None, None), None, None),           # different units: not told
        ("2023年6月30日前", "2023年6月28日", (None, None), True, None),
        ("2023年6月30日前", "2023年7月15日", (None, None), False, None),
        ("2023年6月30日前", "已完成", (None, None), True, None),   # a completion word decides
        ("明显提升", "基本完成", (None, None), False, None),
        ("明显提升", "未完成", (None, None), False, None),
        ("明显提升", "明显提升", (None, None), True, None),
        ("明显提升", "有所提升", (None, None), None, None),
        ("≥95%", "", (None, None), None, None),              # blank result column
    ],
)
def test_met_and_achievement(target: str, actual: str, codes, met, achievement) -> None:
    got = outcome(parse_value(target, year=2023), parse_value(actual, year=2023),
                  level1_code=codes[0], level2_code=codes[1])
    assert (got.met, got.achievement) == (met, achievement)


@pytest.mark.parametrize(
    ("text", "value"),
    [("已完成", 1), ("完成", 1), ("达到预期", 1), ("达标", 1), ("达成预期指标", 1), ("已完成。", 1),
     ("基本完成", 0.5), ("部分完成", 0.5), ("未完成", 0), ("未达到", 0), ("未达标", 0)],
)
def test_completion_words_are_status_values(text: str, value: float) -> None:
    parsed = parse_value(text)
    assert (parsed.raw, parsed.kind, parsed.op, parsed.value, parsed.unit) == (text, "status", "=", value, None)


def test_a_sentence_holding_a_completion_word_is_not_a_status() -> None:
    assert parse_value("完成率95%").kind == "percent"
    assert parse_value("已完工,剩余3%尾款未付").kind != "status"
