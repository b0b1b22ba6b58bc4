"""Completion words (已完成, 达到预期, 基本完成, 未完成) as a typed value of kind "status".

A self-evaluation often writes what was achieved as a word, not a number. The words and
what each is worth (1 done, 0.5 partly, 0 not done) are in normalize/vocab/statuses.tsv.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from jixiao.normalize.grammar import number
from jixiao.normalize.records import ParsedValue
from jixiao.normalize.text import compact
from jixiao.normalize.vocab import _table

_END_PUNCT = re.compile(r"[。.!！;；,，、]+$")


@cache
def statuses() -> dict[str, Decimal]:
    """Completion word → value, read once (VocabularyError on a broken table)."""
    return _table("statuses.tsv", ("word", "value"), lambda cells: Decimal(cells[1]))


def status_value(text: str) -> ParsedValue | None:
    """The status `text` is ("已完成" → kind status, op "=", value 1), or None when it is not one."""
    key = _END_PUNCT.sub("", compact(text))
    value = statuses().get(key)
    if value is None:
        return None
    return ParsedValue(text, "status", "=", number(value), None, None, None)
