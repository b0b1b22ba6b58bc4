"""一级/二级指标 category labels (产出指标, 数量指标 …): the level a label belongs to.

One table, extract/vocab/category_labels.tsv, serves both stages: extract uses it
to tell a column of categories from a column of indicator names, normalize to map
labels to level1_code / level2_code.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from jixiao.extract.vocabulary import fold_label, read_table

_TRAILING_PUNCT = re.compile(r"[:;,.、。，；：]+$")


@cache
def _suffix() -> re.Pattern[str]:
    words = sorted((row[0] for row in read_table("category_suffixes.tsv")[1:]), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})$")


@lru_cache(maxsize=2048)
def category_key(label: str) -> str:
    """The form a category label is compared in: folded as labels are (spaces, traditional
    characters, notes), without a trailing 类/指标/类指标 (社会效益类指标 → 社会效益)."""
    key = _TRAILING_PUNCT.sub("", fold_label(label)[0])
    return _suffix().sub("", key) or key


@cache
def category_rows() -> tuple[tuple[str, str, str], ...]:
    """(level, label, code) rows of the table, as written."""
    return tuple((row[0], row[1], row[2]) for row in read_table("category_labels.tsv")[1:])


@cache
def _levels() -> dict[str, frozenset[int]]:
    found: dict[str, set[int]] = {}
    for level, label, _ in category_rows():
        found.setdefault(category_key(label), set()).add(int(level))
    return {key: frozenset(levels) for key, levels in found.items()}


def category_levels(text: str) -> frozenset[int]:
    """The levels (1, 2) `text` is a category label of; empty when it is none (an indicator's name)."""
    if not text.strip():
        return frozenset()
    return _levels().get(category_key(text), frozenset())
