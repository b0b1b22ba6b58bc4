"""一级/二级指标 labels to the contract's level1_code / level2_code, through labels.tsv."""

from __future__ import annotations

from jixiao.normalize.records import Level1Code, Level2Code
from jixiao.normalize.vocab import label_key, vocab


def level1_code(label: str | None) -> Level1Code | None:
    """产出指标 → "output", 效果指标 → "benefit"; None for an empty or unknown label."""
    if not label or not label.strip():
        return None
    return vocab().level1.get(label_key(label))  # type: ignore[return-value]


def level2_code(label: str | None) -> Level2Code | None:
    """社会效益类指标 → "social", 生态环境效益指标 → "ecological"; None for an empty or unknown label."""
    if not label or not label.strip():
        return None
    return vocab().level2.get(label_key(label))  # type: ignore[return-value]
