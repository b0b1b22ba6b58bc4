"""Value shapes as regexes over token codes, and what each shape means.

A *core* is the run of tokens that carries a value: "不低于5.5份/千人" is the core
A N U / S U inside "抽检数不低于5.5份/千人". Words around a core are context.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.normalize.records import Kind, Number, Op
from jixiao.normalize.tokens import Token, codes
from jixiao.normalize.vocab import Comparator, Period, Unit

# A Chinese numeral counts only with a scale, unit or comparator after it (三家),
# so 三大战略 or 一是 carry no value.
_NUM = r"(?:[NR]|K(?=[SUPZ/]))S?"
# a slash adds a denominator that names a unit, a scale or a word: 份/千人, 次/年, 10/10万,
# 元/生·年 (not 6/30 or 1/3)
_PER = r"(?:/[NK]?(?:SU?|[UT](?:\.[UT])*))"
_UNIT = rf"(?:(?:P|U(?:\.U)*){_PER}*|{_PER}+)"  # 人·次 joins units with a dot too
SHAPES: dict[str, str] = {
    # 不低于a且不高于b, 90%以上100%以下
    "double": rf"A{_NUM}{_UNIT}?Z?J?A{_NUM}{_UNIT}?Z?|{_NUM}{_UNIT}?ZJ?{_NUM}{_UNIT}?Z",
    # 1-2%, 3至5个工作日, 10~20万元之间
    "range": rf"{_NUM}{_UNIT}?C+{_NUM}{_UNIT}?G?Z?",
    # 2021年1月-12月, 2020年1月--2020年11月, 2023.07-2024.01, 2023年1-12月, 2022-2023年
    "date_range": r"(?:Y?MD?|I|Y|Y?N)C+(?:Y?MD?|I|Y)E?[BZ]?",
    # 2021年12月底前, 第三季度末, 年底前, 2024-06-30
    "date": r"A?(?:I|Y(?:MD?|Q)?|MD?|Q)E?[BZ]?",
    # ≥4家, 95%以上, 41万台件, 100余家, 24小时内
    "single": rf"A?{_NUM}Z?{_UNIT}?Z?",
}
_CORE = re.compile("|".join(f"(?P<{name}>{shape})" for name, shape in SHAPES.items()))


@dataclass(frozen=True, slots=True)
class Reading:
    """The value fields a core gives."""

    kind: Kind
    op: Op | None
    value: Number | None = None
    value_max: Number | None = None
    unit: str | None = None
    scale: Number | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Core:
    """A value found in a token sequence: tokens[first:last] and how it reads."""

    shape: str
    first: int
    last: int
    reading: Reading | None
    """None when the shape matched but the words make no sense (31 February, 不低于a且不低于b)."""


def number(d: Decimal) -> Number:
    """An int when integral (13000), else a float (5.5)."""
    if d == d.to_integral_value():
        return int(d)
    return float(d)


@dataclass(slots=True)
class _Amount:
    value: Decimal | None = None
    scale: Decimal | None = None
    unit: str | None = None
    percent: bool = False
    factor: Decimal = Decimal(1)


def _per(tokens: tuple[Token, ...], i: int) -> tuple[str, int]:
    """The "/千人" part of a unit starting at the slash tokens[i], and the index after it."""
    j = i + 1
    parts = []
    while j < len(tokens) and tokens[j].code in "NKSUT.":
        t = tokens[j]
        parts.append(t.word.unit if t.code == "U" else t.text)  # type: ignore[union-attr]
        j += 1
    return "/" + "".join(parts), j


def _amounts(tokens: tuple[Token, ...]) -> tuple[list[_Amount], list[Op]]:
    """Split a number core into its amounts (number, scale, unit) and the ops written around them."""
    amounts: list[_Amount] = []
    ops: list[Op] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.code in "NKR":
            amounts.append(_Amount(value=t.number, percent=t.code == "R", unit="%" if t.code == "R" else None))
        elif t.code == "S" and amounts:
            amounts[-1].scale = t.number
        elif t.code in "UP" and amounts:
            u: Unit = t.word  # type: ignore[assignment]
            a = amounts[-1]
            a.unit, a.factor, a.percent = u.unit, u.factor, u.kind == "percent"
        elif t.code == "." and amounts and amounts[-1].unit and codes(tokens[i + 1:i + 2]) == "U":
            amounts[-1].unit += t.text + tokens[i + 1].word.unit  # type: ignore[union-attr]  # 人·次
            i += 2
            continue
        elif t.code == "/" and amounts:
            # 份/千人, 次/年, ＜10/10万: what follows the slash is part of the unit, scale words included
            per, i = _per(tokens, i)
            amounts[-1].unit = (amounts[-1].unit or "") + per
            continue
        elif t.code in "AZ":
            c: Comparator = t.word  # type: ignore[assignment]
            ops.append(c.op)
        i += 1
    return amounts, ops


def _value(a: _Amount, scale: Decimal | None) -> Decimal:
    assert a.value is not None
    return a.value * (scale or 1) * a.factor


def _scale_field(a: _Amount, scale: Decimal | None) -> Number:
    """The multiplier applied to the written number: the scale word times the unit's factor (成 → 10)."""
    return number((scale or Decimal(1)) * a.factor)


def read_number(tokens: tuple[Token, ...], shape: str) -> Reading | None:
    amounts, ops = _amounts(tokens)
    kind: Kind = "percent" if any(a.percent for a in amounts) else "number"
    if shape == "single":
        a = amounts[0]
        # a comparator after the number is the more specific one (达到100人左右 → ~)
        suffix_ops = [t.word.op for t in tokens if t.code == "Z"]  # type: ignore[union-attr]
        op: Op = suffix_ops[-1] if suffix_ops else (ops[0] if ops else "=")
        return Reading(kind, op, number(_value(a, a.scale)), None, a.unit, _scale_field(a, a.scale))
    low, high = amounts[0], amounts[1]
    if shape == "double":
        if len(ops) < 2:
            return None
        lower = {">=", ">"}
        if ops[0] in lower and ops[-1] in {"<=", "<"}:
            pass
        elif ops[-1] in lower and ops[0] in {"<=", "<"}:
            low, high = high, low
        else:
            return None
    # 10-20万元: a scale or unit written once on the right covers both ends.
    low_scale = low.scale or high.scale
    if low.unit is None:
        low.unit, low.factor, low.percent = high.unit, high.factor, high.percent
    return Reading(
        kind, "range", number(_value(low, low_scale)), number(_value(high, high.scale)),
        high.unit or low.unit, _scale_field(high, high.scale),
    )


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _date_of(tokens: tuple[Token, ...], year: int | None) -> tuple[dt.date | None, Op | None]:
    """The date a date core names (its period's last day) and the op its words imply.

    Raises ValueError for an impossible date (2月30日).
    """
    month: int | None = None
    day: int | None = None
    end = True  # a bare year or month means its last day
    op: Op | None = None
    for t in tokens:
        if t.code == "I":
            parts = re.split(r"[-/.\s]", t.text)  # any time of day after it is dropped
            year, month, day, end = int(parts[0]), int(parts[1]), int(parts[2]), False
        elif t.code == "Y":
            year = int(t.number)  # type: ignore[arg-type]
        elif t.code == "M":
            month = int(t.number)  # type: ignore[arg-type]
        elif t.code == "D":
            day, end = int(t.number), False  # type: ignore[arg-type]
        elif t.code in "QEB":
            p: Period = t.word  # type: ignore[assignment]
            if p.month is not None:
                month = p.month
            if not p.keeps_day:
                day, end = p.day, p.day is None
            op = p.op or op
        elif t.code in "AZ":
            c: Comparator = t.word  # type: ignore[assignment]
            op = c.op
    if year is None:
        return None, op
    month = month or 12
    if end:
        day = _last_day(year, month)
    return dt.date(year, month, day or _last_day(year, month)), op


def _bare_start(start: tuple[Token, ...], end: Token) -> tuple[Token, ...]:
    """The start of a span whose number's meaning its end gives: 1 of 2023年1-12月 is a month,
    2022 of 2022-2023年 a year. Raises ValueError when the number cannot be one."""
    bare = start[-1]
    if bare.code != "N":
        return start
    n = bare.number
    if end.code == "M" and n in range(1, 13):
        return (*start[:-1], bare._replace(code="M"))
    if end.code == "Y" and len(start) == 1 and n in range(1900, 2100):
        return (bare._replace(code="Y"),)
    raise ValueError(f"{bare.text} does not start the span")


def read_date(tokens: tuple[Token, ...], shape: str, year: int | None) -> Reading | None:
    try:
        if shape == "date_range":
            cut = next(i for i, t in enumerate(tokens) if t.code == "C")
            after = next(i for i in range(cut, len(tokens)) if tokens[i].code != "C")
            start, _ = _date_of(_bare_start(tokens[:cut], tokens[after]), year)
            start_year = start.year if start else year
            end, op = _date_of(tokens[after:], start_year)
            # the work runs through the period: it is due by its last day
            return Reading("date", "<=", date=end)
        date, op = _date_of(tokens, year)
    except ValueError:
        return None
    return Reading("date", op or "=", date=date)


def find_cores(tokens: tuple[Token, ...], year: int | None) -> list[Core]:
    """Every core in order, each read (or marked unreadable)."""
    cores: list[Core] = []
    for m in _CORE.finditer(codes(tokens)):
        shape = m.lastgroup or ""
        part = tokens[m.start():m.end()]
        if shape.startswith("date"):
            reading = read_date(part, shape, year)
        else:
            reading = read_number(part, shape)
        cores.append(Core(shape, m.start(), m.end(), reading))
    return cores
