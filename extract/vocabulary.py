"""The extract stage's Chinese vocabulary, read from the tables in extract/vocab/.

Labels are compared in a folded form (`fold_label`) so that stray spaces and
line breaks (产\n出\n指\n标), full-width forms, traditional characters, a trailing
colon, a "*" marking a required field, a score ("(90分)") and a bracketed note such as "（万元）"
or a pinyin note ("區(qū)") do not stop a label from being recognised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from jixiao.extract.traditional import to_simplified

_BRACKETED = re.compile(r"[(\[【〔〖]([^()\[\]【】〔〕〖〗]*)[)\]】〕〗]")
_SPACES = re.compile(r"\s+")
_COLONS = ":："
# A score printed after a label: "年度绩效目标(90分)", "成本指标(0-20)分", "预算执行/10分".
_SCORE = re.compile(r"/?[(\[]?\d+(?:[-~—]\d+)?[)\]]?分[)\]]?$")
_VOCAB = Path(__file__).parent / "vocab"
# A header may run on past its label ("指标值设定依据及数据来源"), a sentence may not;
# a label shorter than _MIN_PREFIX_LABEL (指标) is matched whole only.
_MAX_PREFIX_REST = 10
_MIN_PREFIX_LABEL = 3
_PUNCT = re.compile(r"[,.;!?，。；、！？]")
# "项目名称：X" holds a label before its colon; a sentence with a colon late in it does not.
_MAX_INLINE_LABEL = 12


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table in extract/vocab/, without comments and blank lines (read once)."""
    text = (_VOCAB / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


@lru_cache(maxsize=4096)
def fold_label(text: str) -> tuple[str, tuple[str, ...]]:
    """A label's comparable core and the notes it carried in brackets.

    "项目资金（万元）：" -> ("项目资金", ("万元",)); "* 项目 名称" -> ("项目名称", ()).
    """
    folded = to_simplified(_SPACES.sub("", unicodedata.normalize("NFKC", text)))
    if "分" in folded:
        folded = _SCORE.sub("", folded)
    notes = tuple(note for note in _BRACKETED.findall(folded) if note)
    core = _BRACKETED.sub("", folded).replace("*", "").rstrip(_COLONS)
    return core, notes


class LabelMatch(NamedTuple):
    """A cell recognised as a label: its key, the money unit its note names, and the
    value written in the same cell after a colon ("项目名称：X" -> "X").

    A named tuple: immutable, and cheaper than a dataclass to define at start-up."""

    key: str
    unit: str | None = None
    inline: str | None = None


class LabelTable:
    """Labels of one kind (field labels or grid headers), looked up in folded form."""

    match: Callable[[str], LabelMatch | None]
    """The label `text` is, or None when it is not one of this table's labels (cached)."""

    def __init__(self, rows: tuple[tuple[str, ...], ...], *, prefixes: bool) -> None:
        self._keys: dict[str, str] = {}
        for key, label in rows:
            self._keys[fold_label(label)[0]] = key
        self._prefixes = prefixes
        # Labels by first character, longest first, for the "header runs on" prefix match.
        self._by_first: dict[str, list[str]] = {}
        for label in sorted(self._keys, key=len, reverse=True):
            if len(label) < _MIN_PREFIX_LABEL:
                continue
            self._by_first.setdefault(label[0], []).append(label)
        self._longest = max(map(len, self._keys), default=0)
        self.match = lru_cache(maxsize=4096)(self._match)

    def keys(self) -> set[str]:
        return set(self._keys.values())

    def _key(self, core: str) -> str | None:
        if not core:
            return None
        if core in self._keys:
            return self._keys[core]
        if self._prefixes and len(core) <= self._longest + _MAX_PREFIX_REST:
            for label in self._by_first.get(core[0], ()):
                rest = core[len(label):]
                if core.startswith(label) and len(rest) <= _MAX_PREFIX_REST and not _PUNCT.search(rest):
                    return self._keys[label]
        return None

    def _match(self, text: str) -> LabelMatch | None:
        core, notes = fold_label(text)
        key = self._key(core)
        if key is not None:
            return LabelMatch(key, _money_unit(notes))
        if ":" not in text and "：" not in text:
            return None
        # "label：value" in one cell: the longest head before a colon that is a label.
        for cut in sorted((i for i, ch in enumerate(text) if ch in _COLONS), reverse=True):
            head_core, head_notes = fold_label(text[:cut])
            head_key = self._key(head_core) if len(head_core) <= _MAX_INLINE_LABEL else None
            if head_key is not None:
                return LabelMatch(head_key, _money_unit(head_notes), text[cut + 1:].strip())
        return None


def _money_unit(notes: tuple[str, ...]) -> str | None:
    units = money_units()
    return next((note for note in notes if note in units), None)


@cache
def money_units() -> frozenset[str]:
    return frozenset(row[0] for row in read_table("money_units.tsv"))


@cache
def field_labels() -> LabelTable:
    """Labels of a project's field block: 项目名称, 主管部门, 第一季度 ..."""
    return LabelTable(read_table("field_labels.tsv"), prefixes=False)


@cache
def header_labels() -> LabelTable:
    """Column headers of an indicator grid: 一级指标, 指标值, 权重 ..."""
    return LabelTable(read_table("header_labels.tsv"), prefixes=True)


@cache
def words(table: str, kind: str) -> tuple[str, ...]:
    """The words of one kind in a two-column (kind, word) table, in table order."""
    return tuple(row[1] for row in read_table(table) if row[0] == kind)
