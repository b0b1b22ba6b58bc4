"""Measure words no table lists: 3眼, 5口, 10万尾.

A single Chinese character written right after an Arabic number (or its scale word),
where the value ends (end of the cell, a comparator after it, a slash or a list
connector), is the number's measure word, and so its unit. A table can only list the
measure words seen so far; this reads the next one too. Chinese numerals are left out:
三大 or 一流 are words, not counts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.normalize.tokens import Token, codes
from jixiao.normalize.vocab import Unit

# the number or scale, the unknown word, then the end of the value
_NUMBER_WORD = re.compile(r"[NS]T(?=$|[ZJ/])")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def with_measure_words(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The tokens, with an unlisted measure word after a number coded as a unit."""
    found = [m.start() + 1 for m in _NUMBER_WORD.finditer(codes(tokens))]
    if not found:
        return tokens
    out = list(tokens)
    for i in found:
        word, before = tokens[i], tokens[i - 1]
        if before.end == word.start and _HAN.fullmatch(word.text):
            out[i] = Token("U", word.text, word.start, word.end, None, Unit(word.text, "number", Decimal(1)))
    return tuple(out)
