"""Values written as sentences: whether one of their amounts is the value.

The grammar finds the cores of a cell; these rules, read from markers.tsv, decide for
the whole cell (they apply to 指标值 cells, not to goals text):
- an `after` marker (结束后, 之后) in the clause after a number makes it name an event,
  not a target: "1-6期培训结束后及时考核" is text;
- a `breakdown` marker (:) before amounts in one unit and scale, each with its label and
  listed with join connectors, is a whole given in parts: "在校生:小学600人,初中700人" is
  1300 人, op "=". Without the marker a list stays text (省级5个、国家级1个).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from jixiao.normalize.grammar import Core, Reading, number
from jixiao.normalize.tokens import Token
from jixiao.normalize.vocab import vocab

# sentence ends; the join connectors (, 、 ;) end a clause too
_CLAUSE_ENDS = frozenset("。!?")


@cache
def _markers(role: str) -> frozenset[str]:
    return frozenset(w for w, r in vocab().markers.items() if r == role)


def names_an_event(tokens: tuple[Token, ...], core: Core) -> bool:
    """True when an `after` marker follows the core in its clause (…期培训结束后)."""
    clause = []
    for t in tokens[core.last:]:
        if t.code == "J" or t.text in _CLAUSE_ENDS:
            break
        clause.append(t.text)
    text = "".join(clause)
    for word in _markers("not_after"):  # 完成后续 is 完成 + 后续
        text = text.replace(word, "|")
    return any(w in text for w in _markers("after"))


def breakdown_total(tokens: tuple[Token, ...], cores: list[Core]) -> Reading | None:
    """The total of a whole listed in parts after a `breakdown` marker, or None if the cell is not one."""
    marks = _markers("breakdown")
    mark = next((i for i, t in enumerate(tokens) if t.text in marks), None)
    if mark is None:
        return None
    parts = [c for c in cores if c.first > mark]
    # before the marker only the subject's dates (2023年预计在校生:)
    if len(parts) < 2 or any(c.shape not in ("date", "date_range") for c in cores if c.first < mark):
        return None
    readings = [c.reading for c in parts]
    first = readings[0]
    if first is None or first.unit is None:
        return None
    same = ("number", "=", None, first.unit, first.scale)
    if any(r is None or (r.kind, r.op, r.value_max, r.unit, r.scale) != same for r in readings):
        return None
    for a, b in zip(parts, parts[1:]):
        between = {t.code for t in tokens[a.last:b.first]}
        if not {"J", "T"} <= between:  # 小学600人,初中700人: a connector and the next part's label
            return None
    total = sum(Decimal(str(r.value)) for r in readings)  # type: ignore[union-attr]
    return Reading("number", "=", number(total), None, first.unit, first.scale)
