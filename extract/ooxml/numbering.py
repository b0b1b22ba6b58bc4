"""Word's automatic numbering: definitions from numbering.xml and the counters that run through a document.

Counters follow Word, not a literal reading of ECMA-376 17.9: every w:num that points at
the same w:abstractNum shares one running count (that is how Word continues a list
after an interruption), and a w:num carrying w:lvlOverride/w:startOverride restarts
that level the first time a paragraph uses it. Open-XML-PowerTools' ListItemRetriever
does the same. A level not used yet shows its start value (1.1 under no 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from lxml import etree

from jixiao.extract.ooxml.namespaces import MC_ALTERNATE_CONTENT, MC_CHOICE, MC_FALLBACK, WordNames, is_on, names_for_tag
from jixiao.extract.ooxml.number_formats import custom_format, render_number

LEVELS = 9
PLACEHOLDER = re.compile(r"%([1-9])")
NO_NUMBER_FORMATS = frozenset({"bullet"})
LEGAL_KEEPS = frozenset({"none", "decimalZero"})  # isLgl turns every other format into decimal


@dataclass(frozen=True, slots=True)
class Level:
    """One w:lvl: how the level counts and what its number looks like."""

    start: int = 0
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None
    """w:lvlRestart: restart after a level shallower than this (1-based) is used; 0 never; None any shallower."""
    is_legal: bool = False
    pstyle: str | None = None
    custom: Callable[[int], str] | None = None


@dataclass(frozen=True, slots=True)
class _Num:
    abstract_id: int
    start_overrides: dict[int, int]
    level_overrides: dict[int, Level]


@dataclass(frozen=True, slots=True)
class _Abstract:
    levels: dict[int, Level]
    style_link: str | None  # w:numStyleLink: the real definition sits behind a numbering style
    single_level: bool


@dataclass(slots=True)
class _List:
    """A w:num resolved to the abstract definition whose counters it advances."""

    key: int
    levels: tuple[Level | None, ...]
    start_overrides: dict[int, int]
    single_level: bool
    level_of_style: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ListNumber:
    """The number Word draws for one paragraph."""

    text: str | None
    fmt: str
    num_id: int
    ilvl: int


class Definitions:
    """The lists numbering.xml defines: a pure function of the part, so documents with the same part can share it.

    w:num entries are read at once (they are few); a w:abstractNum is read when a list first uses it.
    """

    def __init__(self, abstracts: dict[int, etree._Element], nums: dict[int, _Num], names: WordNames | None) -> None:
        self._elements, self._n = abstracts, names
        self.nums = nums
        self._abstracts: dict[int, _Abstract | None] = {}

    def abstract(self, abstract_id: int) -> _Abstract | None:
        """The w:abstractNum `abstract_id`, read on first use: a template defines many lists, a document uses a few."""
        try:
            return self._abstracts[abstract_id]
        except KeyError:
            pass
        element = self._elements.get(abstract_id)
        abstract = self._abstracts[abstract_id] = (
            _read_abstract(element, self._n) if element is not None and self._n is not None else None)
        return abstract


NO_DEFINITIONS = Definitions({}, {}, None)


class Numbering:
    """Definitions plus running counters for one document, advanced in reading order."""

    def __init__(self, definitions: Definitions, style_num_id: Callable[[str], int | None] | None = None,
                 *, missing: bool = False) -> None:
        self._definitions, self._nums, self.missing = definitions, definitions.nums, missing
        self._style_num_id = style_num_id or (lambda _sid: None)
        self._lists: dict[int, _List | None] = {}
        self._counters: dict[int, list[int | None]] = {}
        self._consumed: set[tuple[int, int]] = set()

    @classmethod
    def empty(cls) -> Numbering:
        return cls(NO_DEFINITIONS, missing=True)

    def level_of_style(self, num_id: int, style_id: str | None) -> int | None:
        """The ilvl whose w:pStyle links it to `style_id` (heading numbering), if any."""
        lst = self._list(num_id)
        return lst.level_of_style.get(style_id) if lst and style_id else None

    def advance(self, num_id: int, ilvl: int) -> ListNumber | None:
        """Count one paragraph of list `num_id` at level `ilvl`; None when the list is not defined."""
        lst = self._list(num_id)
        if lst is None:
            return None
        if lst.single_level or not 0 <= ilvl < LEVELS:
            ilvl = 0 if lst.single_level else min(max(ilvl, 0), LEVELS - 1)
        level = lst.levels[ilvl]
        if level is None:
            return None
        state = self._counters.setdefault(lst.key, [None] * LEVELS)
        override = lst.start_overrides.get(ilvl)
        if override is not None and (num_id, ilvl) not in self._consumed:
            self._consumed.add((num_id, ilvl))
            state[ilvl] = override
        elif state[ilvl] is None:
            state[ilvl] = level.start if override is None else override
        else:
            state[ilvl] += 1  # type: ignore[operator]
        for k in range(ilvl + 1, LEVELS):
            deeper = lst.levels[k]
            restart = deeper.restart if deeper is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                state[k] = None
        if level.fmt in NO_NUMBER_FORMATS:
            return ListNumber(None, level.fmt, num_id, ilvl)
        return ListNumber(_render(lst, state, ilvl) or None, level.fmt, num_id, ilvl)

    def _list(self, num_id: int) -> _List | None:
        try:
            return self._lists[num_id]
        except KeyError:
            pass
        lst = self._resolve(num_id)
        self._lists[num_id] = lst
        return lst

    def _resolve(self, num_id: int) -> _List | None:
        num = self._nums.get(num_id)
        if num is None:
            return None
        key = num.abstract_id
        abstract = self._definitions.abstract(key)
        if abstract is not None and abstract.style_link is not None:
            linked_num = self._nums.get(self._style_num_id(abstract.style_link) or -1)
            linked = self._definitions.abstract(linked_num.abstract_id) if linked_num else None
            if linked is not None and linked is not abstract:
                key, abstract = linked_num.abstract_id, linked  # type: ignore[union-attr]
        if abstract is None:
            return None
        merged = dict(abstract.levels)
        merged.update(num.level_overrides)
        levels: list[Level | None] = []
        for ilvl in range(LEVELS):
            # Word falls back to the nearest shallower defined level.
            levels.append(merged.get(ilvl) or (levels[ilvl - 1] if ilvl else None))
        by_style = {lv.pstyle: i for i, lv in sorted(merged.items(), reverse=True) if lv.pstyle and i < LEVELS}
        return _List(key, tuple(levels), num.start_overrides, abstract.single_level, by_style)


def _render(lst: _List, state: list[int | None], ilvl: int) -> str:
    level = lst.levels[ilvl]
    assert level is not None
    if not level.text:
        return ""

    def value(m: re.Match[str]) -> str:
        k = int(m.group(1)) - 1
        shown = lst.levels[k] or level
        n = state[k]
        if n is None:
            n = lst.start_overrides.get(k, shown.start)
        fmt = shown.fmt
        if level.is_legal and fmt not in LEGAL_KEEPS:
            return str(n)
        if shown.custom is not None:
            return shown.custom(n)
        return render_number(fmt, n)

    return PLACEHOLDER.sub(value, level.text).strip()


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _read_level(lvl: etree._Element, n: WordNames) -> Level:
    start, text, restart, is_legal, pstyle, custom = 0, None, None, False, None, None
    fmt_el = None
    for child in lvl:
        tag = child.tag
        if tag == n.start:
            start = _int(child.get(n.val), 0) or 0
        elif tag == n.numFmt:
            fmt_el = child
        elif tag == n.lvlText:
            text = child.get(n.val)
        elif tag == n.lvlRestart:
            restart = _int(child.get(n.val))
        elif tag == n.isLgl:
            is_legal = is_on(child.get(n.val))
        elif tag == n.pStyle:
            pstyle = child.get(n.val)
        elif tag == MC_ALTERNATE_CONTENT and fmt_el is None:
            # Word 2010 puts numFmt="custom" (zero padding) in mc:Choice and a plain format in mc:Fallback.
            choice = child.find(f"{MC_CHOICE}/{n.numFmt}")
            if choice is not None and choice.get(n.val) == "custom":
                custom = custom_format(choice.get(n.format, ""))
            fmt_el = child.find(f"{MC_FALLBACK}/{n.numFmt}")
    fmt = fmt_el.get(n.val, "decimal") if fmt_el is not None else "decimal"
    return Level(start, fmt, text, restart, is_legal, pstyle, custom)


def parse_numbering(root: etree._Element, style_num_id: Callable[[str], int | None] | None = None) -> Numbering:
    """Numbering from the root element of numbering.xml; `style_num_id` resolves w:numStyleLink."""
    return Numbering(read_definitions(root), style_num_id)


def read_definitions(root: etree._Element) -> Definitions:
    """The list definitions of numbering.xml (its root element); w:abstractNum entries are only indexed here."""
    n = names_for_tag(root.tag)
    abstracts: dict[int, etree._Element] = {}
    nums: dict[int, _Num] = {}
    for el in root:
        if el.tag == n.abstractNum:
            aid = _int(el.get(n.abstractNumId))
            if aid is None or aid in abstracts:
                continue
            abstracts[aid] = el
        elif el.tag == n.num:
            nid = _int(el.get(n.numId))
            ref = el.find(n.abstractNumId)
            aid = _int(ref.get(n.val)) if ref is not None else None
            if nid is None or aid is None or nid in nums:
                continue
            starts: dict[int, int] = {}
            overrides: dict[int, Level] = {}
            for ov in el.iter(n.lvlOverride):
                ilvl = _int(ov.get(n.ilvl))
                if ilvl is None:
                    continue
                start = ov.find(n.startOverride)
                if start is not None and (value := _int(start.get(n.val))) is not None:
                    starts[ilvl] = value
                lvl = ov.find(n.lvl)
                if lvl is not None:
                    overrides[ilvl] = _read_level(lvl, n)
            nums[nid] = _Num(aid, starts, overrides)
    return Definitions(abstracts, nums, n)


def _read_abstract(el: etree._Element, n: WordNames) -> _Abstract:
    levels = {}
    for lvl in el.iter(n.lvl):
        ilvl = _int(lvl.get(n.ilvl))
        if ilvl is not None and ilvl not in levels:
            levels[ilvl] = _read_level(lvl, n)
    link = el.find(n.numStyleLink)
    mlt = el.find(n.multiLevelType)
    return _Abstract(
        levels,
        link.get(n.val) if link is not None else None,
        mlt is not None and mlt.get(n.val) == "singleLevel",
    )
