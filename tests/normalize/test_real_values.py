"""156 指标值 strings real offices published, typed by hand (../shared/realworld/values.tsv).

Each is parsed on its own, as `jixiao parse-value` does: no table context, no fiscal year.
In the gold `*` means the text is genuinely ambiguous (that field is not checked) and an
empty cell means null.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from jixiao.normalize.contract import parsed_value_to_dict
from jixiao.normalize.value_parser import parse_value

DATA = Path(__file__).with_name("data") / "real_values.tsv"
FIELDS = ("kind", "op", "value", "value_max", "unit", "scale", "date")


def _rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _matches(field: str, gold: str, got) -> bool:
    if gold == "*":
        return True
    if gold == "":
        return got is None
    if field in ("value", "value_max", "scale"):
        return got is not None and math.isclose(float(gold), float(got), rel_tol=1e-9)
    return str(got) == gold


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row["raw"][:30])
def test_real_value_is_typed_as_its_gold_says(row: dict[str, str]) -> None:
    got = parsed_value_to_dict(parse_value(row["raw"]))
    wrong = {f: (row[f], got[f]) for f in FIELDS if not _matches(f, row[f], got[f])}
    assert not wrong, f"{row['raw']}: field (gold, parsed) {wrong}"


def test_the_gold_holds_every_real_string() -> None:
    rows = _rows()
    assert len(rows) == 156
    # status: a completion word (已完成), typed as issue 12 asks; the shared gold predates that kind
    assert {r["kind"] for r in rows} == {"number", "percent", "date", "text", "status", "*"}
