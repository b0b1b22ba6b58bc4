"""The folded names that pair a year's targets with the same project's self-evaluation.

Both reports are typed by different hands: "食品安全 抽检经费" and "食品安全抽检经费（续）" ...
Names are compared NFKC-folded, without spaces, punctuation and brackets' content kept.
"""

from __future__ import annotations

import unicodedata

_SEPARATOR = "/"


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not (ch.isspace() or unicodedata.category(ch).startswith(("P", "S"))))


def match_name(*parts: str | None) -> str | None:
    """"部门/名称" folded (None when the last part, the name, is missing or folds to nothing)."""
    if not parts or not parts[-1] or not _fold(parts[-1]):
        return None
    return _SEPARATOR.join(_fold(part or "") for part in parts)
