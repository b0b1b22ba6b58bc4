"""Indicator values the way clerks write them, drawn at random for the benchmark corpus."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random
from typing import Callable

from samples.content import vocab

DIGITS = "零一二三四五六七八九"
NATURE = {">=": "≥", "=": "=", "<=": "≤"}


@dataclass(frozen=True)
class Drawn:
    """One value: as typed in a single cell (`text`), and split the export way (nature, number, unit)."""

    text: str
    nature: str
    number: str
    unit: str


def _forms() -> dict[str, list[str]]:
    return vocab()["value_forms"]


def chinese_number(n: int) -> str:
    """0..99 in Chinese numerals, as in 百分之九十五."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones]
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def _count(rng: Random, low: int, high: int, unit: str, year: int) -> Drawn:
    value = rng.randint(low, high)
    if high <= 60 and unit.startswith("万") and rng.random() < 0.5:
        number = f"{value + rng.randint(1, 9) / 10:g}"
    else:
        number = str(value)
    op = rng.choice((">=", "=", "=", "<=")) if value else "="
    text = rng.choice(_forms()[op]).format(v=number, u=unit)
    return Drawn(text, NATURE[op], number, unit)


def _percent(rng: Random, low: int, high: int, unit: str, year: int) -> Drawn:
    value = rng.randint(low, high)
    op = "=" if value == 100 else ">="
    if op == ">=" and rng.random() < 0.1:
        return Drawn(f"百分之{chinese_number(value)}", NATURE[op], str(value), "%")
    return Drawn(rng.choice(_forms()[op]).format(v=value, u="%"), NATURE[op], str(value), "%")


def _date(rng: Random, low: int, high: int, unit: str, year: int) -> Drawn:
    month = rng.randint(low, high)
    day = 30 if month in (4, 6, 9, 11) else 28 if month == 2 else 31
    text = rng.choice(_forms()["date"]).format(y=year, m=month, d=day)
    return Drawn(text, "≤", f"{year}年{month}月{day}日", "")


def _range(rng: Random, low: int, high: int, unit: str, year: int) -> Drawn:
    a = rng.randint(low, high - 1)
    b = rng.randint(a + 1, high)
    return Drawn(rng.choice(_forms()["range"]).format(a=a, b=b, u=unit), "定性", f"{a}-{b}", unit)


def _text(rng: Random, low: int, high: int, unit: str, year: int) -> Drawn:
    return Drawn(unit, "定性", unit, "")


VALUE_SHAPES: dict[str, Callable[[Random, int, int, str, int], Drawn]] = {
    "count": _count, "percent": _percent, "date": _date, "range": _range, "text": _text,
}
