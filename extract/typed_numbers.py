"""Recognise the number a paragraph starts with: typed by hand (一、 （一） 1. ①) or drawn by Word.

The styles live in extract/vocab/number_styles.tsv; this module turns them into
one regular expression. Matching runs on a folded copy of the text (full-width
brackets, dots and digits made ASCII, one character for one) so the label can be
cut from the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jixiao.extract.vocabulary import read_table

_FOLD = str.maketrans("（）．：０１２３４５６７８９", "().:0123456789")

# Counter patterns by kind; "cn" (一 二 三 …) is built from numerals.tsv in _counters().
_COUNTERS = {
    "arabic": "[0-9]{1,3}",
    "circled": "[①-⑳]",
    "lower": "[a-z]",
    "upper": "[A-Z]",
}

# 1.2 / 1.2.3 (typed or drawn): a multi-level number; typed, it must end in "." or "、"
# or be followed by a space, so that "3.5亿元" stays a sentence.
_DOTTED = re.compile(r"([0-9]{1,2}(?:\.[0-9]{1,2}){1,4})([.、])?")
_AFTER_TYPED_DOTTED = re.compile(r"\s|$")
_BULLET_FORMATS = frozenset({"bullet", "none"})
_ROMAN_FORMATS = frozenset({"lowerRoman", "upperRoman"})
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


@dataclass(frozen=True, slots=True)
class TypedNumber:
    """A paragraph's number: as written, its style key, its counter value, and the text after it."""

    label: str
    style: str
    value: int | None
    rest: str


@dataclass(frozen=True, slots=True)
class _Style:
    key: str
    pattern: str
    counter: str
    rank: int


@cache
def _numerals() -> dict[str, int]:
    return {ch: int(value) for ch, value in read_table("numerals.tsv")}


@cache
def _counters() -> dict[str, str]:
    return {"cn": f"[{''.join(_numerals())}]{{1,4}}"} | _COUNTERS


@cache
def _styles() -> tuple[_Style, ...]:
    styles = []
    for key, opening, counter, closing, rank, *_ in read_table("number_styles.tsv"):
        pattern = f"{re.escape(opening)}({_counters()[counter]}){re.escape(closing)}"
        styles.append(_Style(key, pattern, counter, int(rank)))
    return tuple(styles)


@cache
def _label_pattern() -> re.Pattern[str]:
    alternatives = "|".join(f"(?P<{s.key}>{s.pattern})" for s in _styles())
    return re.compile(alternatives)


def style_rank(style: str) -> float:
    """Default nesting rank of a style (0 outermost); unknown styles rank last."""
    for s in _styles():
        if s.key == style.split("@")[0]:
            return s.rank
    if style.startswith("dotted"):
        return 2.5 + int(style.removeprefix("dotted").split("@")[0] or 1)
    return 9


def _counter_value(counter: str, digits: str) -> int | None:
    if counter == "arabic":
        return int(digits)
    if counter == "circled":
        return ord(digits) - ord("①") + 1
    if counter in ("lower", "upper"):
        return ord(digits.lower()) - ord("a") + 1
    return chinese_number(digits)


def chinese_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十五 -> 25, 一百零三 -> 103; None when it is not a numeral."""
    numerals = _numerals()
    total, digit = 0, None
    for ch in text:
        value = numerals.get(ch)
        if value is None:
            return None
        if value < 10:
            digit = value
        else:
            total += (1 if digit is None else digit) * value
            digit = None
    total += digit or 0
    return total or None


def roman_number(text: str) -> int | None:
    """iv -> 4, XII -> 12; None when it is not a Roman numeral."""
    values = [_ROMAN.get(ch) for ch in text.lower()]
    if not values or None in values:
        return None
    total = 0
    for value, following in zip(values, values[1:] + [0]):
        total += -value if value < following else value
    return total


def _match_label(folded: str, *, typed: bool) -> tuple[str, int | None, int] | None:
    """(style, value, length) of the number at the start of `folded`."""
    dotted = _DOTTED.match(folded)
    if dotted and (not typed or dotted.group(2) or _AFTER_TYPED_DOTTED.match(folded, dotted.end())):
        parts = dotted.group(1).split(".")
        return f"dotted{len(parts)}", int(parts[-1]), dotted.end()
    m = _label_pattern().match(folded)
    if m is None:
        return None
    style = next(s for s in _styles() if m.group(s.key) is not None)
    end = m.end()
    # "1." followed by a digit is a decimal number, not a label.
    if style.key.endswith("_dot") and end < len(folded) and folded[end].isdigit():
        return None
    return style.key, _counter_value(style.counter, _counter_digits(m, style)), end


def _counter_digits(m: re.Match[str], style: _Style) -> str:
    # The alternatives share one pattern, so the counter is cut from the label again.
    label = m.group(style.key)
    inner = re.fullmatch(style.pattern, label)
    return inner.group(1) if inner else label


def typed_number(text: str) -> TypedNumber | None:
    """The number typed at the start of `text`, or None.

    "（五）计量工作目标：…" -> TypedNumber("（五）", "paren_cn", 5, "计量工作目标：…").
    """
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    found = _match_label(stripped.translate(_FOLD), typed=True)
    if found is None:
        return None
    style, value, length = found
    rest = text[offset + length:].strip()
    if not rest:
        return None
    return TypedNumber(text[offset:offset + length], style, value, rest)


def drawn_number(
    number: str, num_format: str | None = None, list_level: int | None = None
) -> tuple[str, int | None] | None:
    """(style, value) of a number Word draws (Paragraph.number), or None for a bullet.

    The style of a deeper list level is kept apart ("arabic_dot@1") so that a list
    whose levels look alike still nests.
    """
    if num_format in _BULLET_FORMATS:
        return None
    label = number.strip()
    if num_format in _ROMAN_FORMATS:
        digits = label.strip(".、)(）（ ")
        style, value = f"roman_{num_format}", roman_number(digits)
        return (f"{style}@{list_level}" if list_level else style), value
    found = _match_label(label.translate(_FOLD), typed=False) if label else None
    bare = next((c for c, rx in _counters().items() if re.fullmatch(rx, label)), None)
    if found is not None and found[2] >= len(label.rstrip("\t ")):
        style, value = found[0], found[1]
    elif bare is not None:
        style, value = f"bare_{bare}", _counter_value(bare, label)
    elif num_format is None and not any(ch.isalnum() for ch in label):
        return None
    else:
        style, value = f"drawn_{num_format or 'unknown'}", None
    if list_level:
        style = f"{style}@{list_level}"
    return style, value
