"""Load and check the vocabulary tables under normalize/vocab/, once per process.

Entries are named tuples, immutable like a frozen dataclass but built without the
~0.4 ms per class a dataclass costs at import, which every `jixiao` run pays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple, get_args

from jixiao.extract.categories import category_key, category_rows
from jixiao.normalize.exceptions import VocabularyError
from jixiao.normalize.records import Level1Code, Level2Code, Op
from jixiao.normalize.text import compact

VOCAB_DIR = Path(__file__).with_name("vocab")
OPS: frozenset[str] = frozenset(get_args(Op))
LEVEL1_CODES: frozenset[str] = frozenset(get_args(Level1Code))
LEVEL2_CODES: frozenset[str] = frozenset(get_args(Level2Code))


# Tables whose words the tokenizer cuts out of a value: a word may sit in only one.
TOKEN_TABLES = ("comparators", "connectors", "units", "scales", "numerals", "digits", "period_marks")


class Comparator(NamedTuple):
    """A comparator word: the op it means and whether it stands before or after the number."""

    op: Op
    position: Literal["prefix", "suffix"]


class Unit(NamedTuple):
    """A unit or measure word; `factor` multiplies the value (成 → 10)."""

    unit: str
    kind: Literal["number", "percent"]
    factor: Decimal


class Period(NamedTuple):
    """A named period (上半年) or a mark after a date (底, 前): its day and the op it implies.

    `month` None means "keep the month written before it"; `day` None means the last day.
    `keeps_day` is true for marks that say nothing about the day (前, 之前).
    """

    month: int | None
    day: int | None
    op: Op | None
    keeps_day: bool = False


class Vocab(NamedTuple):
    """Every table, parsed."""

    comparators: Mapping[str, Comparator]
    connectors: Mapping[str, str]
    units: Mapping[str, Unit]
    scales: Mapping[str, Decimal]
    numerals: Mapping[str, Decimal]
    periods: Mapping[str, Period]
    period_marks: Mapping[str, Period]
    natures: Mapping[str, str]
    markers: Mapping[str, str]
    digits: Mapping[str, Decimal]
    """numerals.tsv rows with use `digit` (一 两 〇); `numerals` holds the `word` rows (半 双)."""
    level1: Mapping[str, str]
    level2: Mapping[str, str]
    narrative: Mapping[str, str]
    money: Mapping[str, str]
    places: Mapping[str, Decimal]
    """numerals.tsv rows with use `place` (十 百 千 万 亿): the places inside a numeral."""


def label_key(label: str) -> str:
    """The form a 一级/二级指标 label is looked up in (社会效益类指标 → 社会效益, 產出指標 → 产出);
    the folding is extract's, so both stages read extract/vocab/category_labels.tsv alike."""
    return category_key(label)


def _rows(name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a table, header checked, comments and blank lines skipped."""
    where = f"normalize/vocab/{name}"
    try:
        text = (VOCAB_DIR / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise VocabularyError(where, f"cannot be read ({e}); reinstall jixiao") from e
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise VocabularyError(where, f"first line must be the header {'<tab>'.join(columns)}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        cells += [""] * (len(columns) - len(cells))
        if len(cells) != len(columns) or not cells[0]:
            raise VocabularyError(where, f"line {number} needs {len(columns)} tab-separated cells")
        yield number, cells


def _table(name: str, columns: tuple[str, ...], read) -> dict:
    """Read a word-keyed table with `read(cells) -> value`, rejecting a word listed twice."""
    out: dict = {}
    where = f"normalize/vocab/{name}"
    for number, cells in _rows(name, columns):
        if cells[0] in out:
            raise VocabularyError(where, f"line {number}: {cells[0]!r} is listed twice")
        try:
            out[cells[0]] = read(cells)
        except (ValueError, InvalidOperation, KeyError) as e:
            raise VocabularyError(where, f"line {number}: {e}") from e
    return out


def _op(text: str) -> Op:
    if text not in OPS:
        raise ValueError(f"op {text!r} is not one of {sorted(OPS)}")
    return text  # type: ignore[return-value]


def _choice(text: str, allowed: tuple[str, ...]) -> str:
    if text not in allowed:
        raise ValueError(f"{text!r} is not one of {allowed}")
    return text


def _day(text: str) -> int | None:
    return None if text == "end" else int(text)


def _labels(level: str, codes: frozenset[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    where = "extract/vocab/category_labels.tsv"
    for number, (lvl, label, code) in enumerate(category_rows(), start=1):
        if lvl not in ("1", "2"):
            raise VocabularyError(where, f"row {number} ({label}): level must be 1 or 2")
        if lvl != level:
            continue
        if code not in codes:
            raise VocabularyError(where, f"row {number} ({label}): {code!r} is not a level{level} code")
        key = label_key(label)
        if key in out:
            raise VocabularyError(where, f"row {number}: {label!r} repeats a level {level} label")
        out[key] = code
    return out


def _check_disjoint(v: Vocab) -> None:
    seen: dict[str, str] = {}
    for table in TOKEN_TABLES:
        for word in getattr(v, table):
            if word in seen:
                raise VocabularyError(
                    f"normalize/vocab/{table}.tsv", f"{word!r} is also in {seen[word]}.tsv"
                )
            seen[word] = table


@cache
def vocab() -> Vocab:
    """All tables, read and validated on first use. Raises VocabularyError on a broken table."""
    numerals = _table(
        "numerals.tsv", ("word", "value", "use"), lambda c: (Decimal(c[1]), _choice(c[2], ("digit", "place", "word")))
    )
    v = Vocab(
        comparators=_table(
            "comparators.tsv", ("word", "op", "position"),
            lambda c: Comparator(_op(c[1]), _choice(c[2], ("prefix", "suffix"))),  # type: ignore[arg-type]
        ),
        connectors=_table(
            "connectors.tsv", ("word", "role"), lambda c: _choice(c[1], ("range", "join", "between"))
        ),
        units=_table(
            "units.tsv", ("word", "unit", "kind", "factor"),
            lambda c: Unit(c[1], _choice(c[2], ("number", "percent")), Decimal(c[3])),  # type: ignore[arg-type]
        ),
        scales=_table("scales.tsv", ("word", "factor"), lambda c: Decimal(c[1])),
        numerals={w: n for w, (n, use) in numerals.items() if use == "word"},
        digits={w: n for w, (n, use) in numerals.items() if use == "digit"},
        markers=_table(
            "markers.tsv", ("word", "role"),
            lambda c: _choice(c[1], (
                "percent_of", "decimal_point", "year", "month", "day", "fraction", "not_a_number", "after",
                "not_after", "breakdown",
            )),
        ),
        periods=_table(
            "periods.tsv", ("word", "month", "day", "op"),
            lambda c: Period(int(c[1]), _day(c[2]), _op(c[3]) if c[3] else None),
        ),
        period_marks=_table(
            "period_marks.tsv", ("word", "day", "op"),
            lambda c: Period(
                None, None if c[1] in ("end", "-") else int(c[1]),
                _op(c[2]) if c[2] else None, keeps_day=c[1] == "-",
            ),
        ),
        natures=_table(
            "natures.tsv", ("word", "op"), lambda c: c[1] if c[1] in ("text", "-") else _op(c[1])
        ),
        level1=_labels("1", LEVEL1_CODES),
        level2=_labels("2", LEVEL2_CODES),
        narrative=_table(
            "narrative.tsv", ("word", "role"), lambda c: _choice(c[1], ("start", "noise", "continue"))
        ),
        money=_table(
            "money.tsv", ("word", "role"),
            lambda c: _choice(c[1], ("total", "fiscal", "other", "all_fiscal", "filler", "yuan", "default_unit")),
        ),
        places={w: n for w, (n, use) in numerals.items() if use == "place"},
    )
    _check_disjoint(v)
    return v
