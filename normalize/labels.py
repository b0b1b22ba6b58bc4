"""一级/二级指标 labels to the contract's level1_code / level2_code, through labels.tsv."""

from __future__ import annotations

import re

from jixiao.normalize.records import Level1Code, Level2Code
from jixiao.normalize.vocab import label_key, vocab


# A self-evaluation prints the points a category is worth after it: 产出指标（50分）.
_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


def _lookup(table: dict[str, str], label: str) -> str | None:
    found = table.get(label_key(label))
    if found is None and _TRAILING_NOTE.search(label):
        found = table.get(label_key(_TRAILING_NOTE.sub("", label)))
    return found


def level1_code(label: str | None) -> Level1Code | None:
    """产出指标 → "output", 效果指标 → "benefit"; None for an empty or unknown label."""
    if not label or not label.strip():
        return None
    return _lookup(vocab().level1, label)  # type: ignore[return-value]


def level2_code(label: str | None) -> Level2Code | None:
    """社会效益类指标 → "social", 生态环境效益指标 → "ecological"; None for an empty or unknown label."""
    if not label or not label.strip():
        return None
    return _lookup(vocab().level2, label)  # type: ignore[return-value]
