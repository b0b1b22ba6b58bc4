"""Type one written indicator value: "95%以上" → percent, >=, 95, unit "%".

Rules (the table in tests/normalize/test_value_parser.py shows each on real cells):
- The text is folded to half-width; bracketed notes ((1000人以上的2人)) stay in `raw` but
  are never read as the value.
- A value is one *core* (normalize.grammar.SHAPES): a number with its scale, unit and
  comparators, a range, two comparisons (不低于a且不高于b) or a date. Words before or
  after it are context ("抽检数不低于5.5份/千人", "每个行政村和居民社区1名协管员").
- No core, or more than one, gives kind "text" with op and value None: the parser
  does not guess. `is_unparsed` tells which of those texts look like they wanted a
  number (they hold an Arabic digit) so the caller can warn.
- A number without a comparator has op "="; a date without 前/内/… has op "=".
- scale is the multiplier a scale word (万) applied, 1 without one, None without a number;
  value already includes it (41万台件 → 410000 台件, scale 10000; 1000万 → unit None).
- kind "percent" covers %, ‰ and 百分点, told apart by unit; 九成 is 90 % (scale 10).
- Dates are the last day of the period they name; a date without a year takes `year`
  (the document's fiscal year) and stays None when that is unknown.
- A measure word no table lists (3眼) is the unit when it ends the value (normalize.measure_words).
- Sentences (normalize.value_sentences): a number followed in its clause by 结束后, 之后 …
  names an event (text); labelled amounts in one unit after a colon are a whole in parts (their total).
- A grouped integer at a month end near the fiscal year is a spreadsheet's serial date
  (normalize.spreadsheet_dates): 44,561 → 2021-12-31.
- Layout (c) passes the 指标性质 column as `nature` (≥ ≤ = 定性: its op replaces the
  written one; 定性 makes the value text) and the 度量单位 column as `unit` (used when
  the cell names none; 万元 → unit 元, scale 10000).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from jixiao.normalize.grammar import Reading, find_cores, number
from jixiao.normalize.measure_words import with_measure_words
from jixiao.normalize.records import ParsedValue
from jixiao.normalize.spreadsheet_dates import serial_date
from jixiao.normalize.status import status_value
from jixiao.normalize.text import compact, fold
from jixiao.normalize.tokens import codes, tokenize
from jixiao.normalize.value_sentences import breakdown_total, names_an_event
from jixiao.normalize.vocab import Unit, vocab

_DIGIT = re.compile(r"[0-9０-９]")
_UNIT_COLUMN = re.compile(r"S?(?:P|U(?:[/.]S?U)*)")


def _read(raw: str, year: int | None) -> Reading | None:
    tokens = tokenize(raw)
    tokens, code = with_measure_words(tokens, codes(tokens))
    cores = find_cores(tokens, year, code)
    if len(cores) == 1:
        return None if names_an_event(tokens, cores[0]) else cores[0].reading
    if not cores and code == "K":  # a bare Chinese numeral: 十二
        value = tokens[0].number
        return Reading("number", "=", number(value), None, None, 1) if value is not None else None
    return breakdown_total(tokens, cores) if cores else None


def _nature_op(nature: str | None) -> str | None:
    """The op the 指标性质 column states: an Op, "text" for 定性, or None.

    Several columns may speak (指标性质 正向 | 指标方向 =, or 指标值类型 定量 | 指标性质 ≥): the
    extract stage joins them with spaces, and the first word that states something wins.
    """
    if not nature:
        return None
    words = nature.split()
    if len(words) > 1:
        return next((op for op in map(_nature_op, words) if op is not None), None)
    key = compact(nature)
    v = vocab()
    if key in v.natures:
        role = v.natures[key]
        return None if role == "-" else role
    comparator = v.comparators.get(key)
    return comparator.op if comparator else None


def _unit_column(unit: str) -> tuple[str, Decimal, Decimal, bool]:
    """(unit, scale, factor, is_percent) of a 度量单位 cell: 万元 → ("元", 10000, 1, False)."""
    text = compact(unit)
    tokens = tokenize(text)
    if not _UNIT_COLUMN.fullmatch(codes(tokens)):
        return text, Decimal(1), Decimal(1), False
    scale = tokens[0].number if tokens[0].code == "S" else None
    units = [t for t in tokens if t.code in "UP"]
    first: Unit = units[0].word  # type: ignore[assignment]
    start = 1 if scale is not None else 0
    name = first.unit if len(tokens) - start == 1 else "".join(t.text for t in tokens[start:])
    return name, scale or Decimal(1), first.factor, first.kind == "percent"


def _names_unit(unit: str | None) -> bool:
    """True when a 度量单位 cell names a unit (万元, %), not a blank or a leaked number."""
    return bool(unit and _UNIT_COLUMN.fullmatch(codes(tokenize(compact(unit)))))


def _with_unit_column(r: Reading, unit: str) -> Reading:
    name, scale, factor, percent = _unit_column(unit)
    multiply = scale * factor

    def scaled(x):
        return None if x is None else number(Decimal(str(x)) * multiply)

    return replace(
        r, kind="percent" if percent else r.kind, value=scaled(r.value), value_max=scaled(r.value_max),
        unit=name, scale=number(Decimal(str(r.scale or 1)) * multiply),
    )


@lru_cache(maxsize=4096)
def _parse(raw: str, year: int | None, nature: str | None, unit: str | None) -> ParsedValue:
    if not raw:
        return ParsedValue(raw, "empty")
    if (status := status_value(raw)) is not None:
        return status  # a completion word (已完成, 达到预期): kind "status"
    nature_op = _nature_op(nature)
    if nature_op == "text":
        # 定性 makes a value text, unless the cell itself writes a comparison
        # (95%以上 under 指标值类型 定性 is still a target of at least 95 %)
        r = _read(raw, year)
        if r is not None and r.kind in ("number", "percent") and r.op not in ("=", None):
            return ParsedValue(raw, r.kind, r.op, r.value, r.value_max, r.unit, r.scale, r.date)
        return ParsedValue(raw, "text")
    date = serial_date(fold(raw), year) if "," in raw or "，" in raw else None
    if date is not None and not _names_unit(unit):
        return ParsedValue(raw, "date", "=", date=date)
    r = _read(raw, year)
    if r is None:
        return ParsedValue(raw, "text")
    if r.kind in ("number", "percent"):
        if unit and unit.strip() and r.unit is None:
            r = _with_unit_column(r, unit)
        if nature_op and r.op != "range":
            r = replace(r, op=nature_op)  # type: ignore[arg-type]
    return ParsedValue(raw, r.kind, r.op, r.value, r.value_max, r.unit, r.scale, r.date)


def parse_value(
    text: str, *, year: int | None = None, nature: str | None = None, unit: str | None = None
) -> ParsedValue:
    """Type one written value. Never raises: text it cannot read comes back as kind "text".

    Args:
        text: the 指标值 cell as written.
        year: the document's fiscal year, for dates written without one (年底前, 12月31日前).
        nature: the 指标性质 column (layout c), e.g. "≥" or "定性".
        unit: the 度量单位 column (layout c), e.g. "万元" or "%".
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return _parse(text.strip(), year, nature or None, unit or None)


def is_unparsed(parsed: ParsedValue, *, nature: str | None = None) -> bool:
    """True for a value typed "text" that holds an Arabic digit, i.e. probably meant a number.

    Qualitative values (有效提升, 良好, 是) and 定性 rows are text on purpose and are not unparsed.
    """
    if parsed.kind != "text" or _nature_op(nature) == "text":
        return False
    return bool(_DIGIT.search(parsed.raw))
