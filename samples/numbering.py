"""The automatic-numbering lists the samples use, written into numbering.xml."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from samples.inline import sub, w


@dataclass(frozen=True)
class Level:
    """One w:lvl: number format, template ("（%1）"), what follows the number, restarts."""

    fmt: str
    text: str
    suff: str = "nothing"
    start: int = 1
    restart: int | None = None
    """w:lvlRestart; 0 = never restart when a higher level advances."""
    style: str | None = None
    """w:pStyle: the paragraph style that carries this level (style-inherited numbering)."""


# abstract list -> its levels (ilvl 0, 1, ...)
LISTS: dict[str, tuple[Level, ...]] = {
    "goal": (Level("chineseCounting", "（%1）"),),
    "targets": (Level("decimal", "（%1）", suff="space"),),
    "plan": (Level("decimal", "%1、", style="GoalItem"), Level("decimal", "（%2）")),
    "mof": (Level("chineseCounting", "%1、"), Level("chineseCounting", "（%2）"), Level("decimal", "%3.")),
    "outline": (Level("decimal", "%1."), Level("decimal", "%1.%2"), Level("decimalEnclosedCircleChinese", "%3")),
    "thousand": (
        Level("chineseCountingThousand", "%1、"), Level("ideographDigital", "（%2）"), Level("decimalEnclosedCircle", "%3"),
    ),
    "fullwidth": (Level("decimalFullWidth", "%1．"),),
    "articles": (Level("japaneseCounting", "第%1条", suff="space"),),
    "letters": (Level("upperLetter", "%1."), Level("lowerLetter", "%2)"), Level("lowerRoman", "(%3)", restart=0)),
}

# w:num instance -> (abstract list, {ilvl: startOverride})
NUMS: dict[str, tuple[str, dict[int, int]]] = {
    "goal": ("goal", {}),
    "goal_continued": ("goal", {0: 24}),
    "targets": ("targets", {}),
    "plan": ("plan", {}),
    "mof": ("mof", {}),
    "outline": ("outline", {}),
    "thousand": ("thousand", {}),
    "fullwidth": ("fullwidth", {}),
    "articles": ("articles", {}),
    "letters": ("letters", {}),
}


def install(numbering: etree._Element, keys: list[str]) -> dict[str, int]:
    """Add the w:num instances `keys` (and their abstract lists) after what is there; key -> numId."""
    abstract_ids = [int(e.get(w("abstractNumId"))) for e in numbering.iterchildren(w("abstractNum"))]
    num_ids = [int(e.get(w("numId"))) for e in numbering.iterchildren(w("num"))]
    next_abstract, next_num = max(abstract_ids, default=-1) + 1, max(num_ids, default=0) + 1
    first_num = next(numbering.iterchildren(w("num")), None)
    abstracts: dict[str, int] = {}
    result: dict[str, int] = {}
    for key in keys:
        list_name, overrides = NUMS[key]
        if list_name not in abstracts:
            abstracts[list_name] = next_abstract
            element = _abstract(next_abstract, LISTS[list_name])
            # all w:abstractNum precede the first w:num (CT_Numbering sequence)
            if first_num is not None:
                first_num.addprevious(element)
            else:
                numbering.append(element)
            next_abstract += 1
        num = sub(numbering, "num", numId=str(next_num))
        sub(num, "abstractNumId", val=str(abstracts[list_name]))
        for ilvl, start in overrides.items():
            sub(sub(num, "lvlOverride", ilvl=str(ilvl)), "startOverride", val=str(start))
        result[key] = next_num
        next_num += 1
    return result


def _abstract(abstract_id: int, levels: tuple[Level, ...]) -> etree._Element:
    element = etree.Element(w("abstractNum"), {w("abstractNumId"): str(abstract_id)})
    sub(element, "nsid", val=f"{0x5A1E0000 + abstract_id:08X}")
    sub(element, "multiLevelType", val="multilevel" if len(levels) > 1 else "singleLevel")
    for ilvl, level in enumerate(levels):
        lvl = sub(element, "lvl", ilvl=str(ilvl))
        sub(lvl, "start", val=str(level.start))
        sub(lvl, "numFmt", val=level.fmt)
        if level.restart is not None:
            sub(lvl, "lvlRestart", val=str(level.restart))
        if level.style:
            sub(lvl, "pStyle", val=level.style)
        sub(lvl, "suff", val=level.suff)
        sub(lvl, "lvlText", val=level.text)
        sub(lvl, "lvlJc", val="left")
        sub(sub(lvl, "pPr"), "ind", left=str(420 * ilvl), firstLine="640")
    return element
