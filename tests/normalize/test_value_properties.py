"""Properties of the value parser: composed values read back, and no input makes it raise."""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from jixiao.normalize.grammar import number
from jixiao.normalize.value_parser import parse_value
from jixiao.normalize.vocab import vocab

V = vocab()
PREFIX = sorted(w for w, c in V.comparators.items() if c.position == "prefix")
SUFFIX = sorted(w for w, c in V.comparators.items() if c.position == "suffix")
SCALES = sorted(V.scales)
# 月 and 季度 after a number name a period (3月 = March, 一季度), so they are not composed as units here.
UNITS = sorted(w for w, u in V.units.items() if u.kind == "number" and w not in ("月", "季度"))
NOT_NUMBERS = {w for w, role in V.markers.items() if role == "not_a_number"}
PERCENT_UNITS = sorted(w for w, u in V.units.items() if u.kind == "percent" and u.factor == 1)

amounts = st.one_of(
    st.integers(min_value=0, max_value=10**7).map(Decimal),
    st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False, allow_infinity=False),
)
comparators = st.one_of(
    st.none(),
    st.sampled_from(PREFIX).map(lambda w: ("prefix", w)),
    st.sampled_from(SUFFIX).map(lambda w: ("suffix", w)),
)


def _compose(comparator, amount: Decimal, scale: str | None, unit: str | None) -> str:
    body = f"{amount}{scale or ''}{unit or ''}"
    if comparator is None:
        return body
    position, word = comparator
    return f"{word}{body}" if position == "prefix" else f"{body}{word}"


def _expected_op(comparator) -> str:
    return "=" if comparator is None else V.comparators[comparator[1]].op


@settings(max_examples=400, deadline=None)
@given(comparators, amounts, st.none() | st.sampled_from(SCALES), st.none() | st.sampled_from(UNITS))
@example(("suffix", "以上"), Decimal(13000), None, "批次")
@example(None, Decimal(41), "万", "台件")
@example(("prefix", "不低于"), Decimal("5.5"), None, "份/千人")
@example(("prefix", "≥"), Decimal(4), None, "家")
def test_number_comparator_scale_unit_read_back(comparator, amount, scale, unit) -> None:
    if unit == "年" and scale is None and amount == amount.to_integral_value() and 1900 <= amount <= 2099:
        return  # "2021年" is a year, not a count of years
    text = _compose(comparator, amount, scale, unit)
    parsed = parse_value(text)
    factor = V.scales[scale] if scale else Decimal(1)
    assert parsed.kind == "number", text
    assert parsed.value == number(amount * factor), text
    assert parsed.op == _expected_op(comparator), text
    assert parsed.unit == (V.units[unit].unit if unit else None), text
    assert parsed.scale == number(factor), text


@settings(max_examples=200, deadline=None)
@given(comparators, amounts, st.sampled_from(PERCENT_UNITS))
def test_percent_with_comparator_reads_back(comparator, amount, unit) -> None:
    text = _compose(comparator, amount, None, unit)
    parsed = parse_value(text)
    assert (parsed.kind, parsed.value, parsed.op, parsed.unit) == (
        "percent", number(amount), _expected_op(comparator), V.units[unit].unit,
    ), text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(UNITS))
def test_chinese_numeral_with_unit_reads_back(n: int, unit: str) -> None:
    text = f"{cn2an.an2cn(n)}{unit}"
    assume(text not in NOT_NUMBERS)  # 十分 is "very", listed in markers.tsv
    parsed = parse_value(text)
    assert (parsed.kind, parsed.op, parsed.unit) == ("number", "=", V.units[unit].unit), text
    assert parsed.value == n, text


@settings(max_examples=200, deadline=None)
@given(amounts, amounts, st.sampled_from(UNITS + PERCENT_UNITS), st.sampled_from(["-", "~", "至", "到", "–"]))
def test_range_reads_back(low, high, unit, connector) -> None:
    text = f"{low}{connector}{high}{unit}"
    parsed = parse_value(text)
    assert (parsed.op, parsed.value, parsed.value_max) == ("range", number(low), number(high)), text


# Characters that reach every branch: digits, numerals, units, dates, brackets, signs.
_ALPHABET = list("0123456789０１９.,，-–~～至到%％‰年月日号底末前内以上下约万亿千百十一二两三半双成"
                 "第季度家人次批台件元份/（）()【】[]≥≤<>=＝且、之间分点个工作小时天 \u3000")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=30) | st.text(max_size=60),
       st.none() | st.integers(min_value=1, max_value=9999))
@example("百分之点", None)
@example("2021年2月29日前", 2021)
@example("十四五", None)
@example("0年底", None)
def test_parser_never_raises(text: str, year: int | None) -> None:
    parsed = parse_value(text, year=year)
    assert parsed.raw == text.strip()
    assert parsed.kind in ("number", "percent", "date", "text", "empty")
    if parsed.kind in ("text", "empty"):
        assert parsed.op is None and parsed.value is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20), st.none() | st.text(max_size=6), st.none() | st.text(max_size=6))
def test_parser_never_raises_with_columns(text: str, nature: str | None, unit: str | None) -> None:
    parse_value(text, nature=nature, unit=unit)
