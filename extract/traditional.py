"""Traditional characters folded to simplified ones, so 產出指標 is recognised as 产出指标.

Only labels are folded, to be compared with the vocabulary; text fields keep
what the cell says. The table is extract/vocab/traditional.tsv.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_TABLE = Path(__file__).parent / "vocab" / "traditional.tsv"


@cache
def _table() -> dict[int, int]:
    # Four thousand one-character rows: read directly, the generic table reader is slower here.
    rows = [line for line in _TABLE.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return str.maketrans("".join(row[0] for row in rows), "".join(row[2] for row in rows))


def to_simplified(text: str) -> str:
    """`text` with each traditional character replaced by its simplified form."""
    if text.isascii():
        return text
    return text.translate(_table())
