"""Measurable targets stated in the goals text: "全市产（商）品质量合格率达到92%" → name, >=, 92 %.

Rules:
- Paragraphs are a section's text and body. A paragraph starting "绩效指标：" (narrative.tsv,
  role start) opens the section's indicator lines; they run until a paragraph opens
  with another "标签：" (绩效目标：…) or the section ends.
- A paragraph is cut into clauses at ， ； 。 (not at the comma of 1,000). Each number
  core of a clause (normalize.grammar) is one indicator; its name is the text between
  the previous core and this one, with dates (到2021年底) cut out and noise words
  (力争, 稳定在, 每年 …) stripped from its end. A core at the start of its clause takes
  the words after it as name (95%以上学校食堂…). A clause opening with 比/较 continues
  the previous subject (…，比2020年提高1.1个百分点).
- Conservative: a core needs an Arabic number or 百分之…; outside the indicator lines it
  also needs a comparator (达到, 不低于, 以上 …) and a name of at most 40 characters.
  A date is a target only in the indicator lines, alone in its clause and with a name
  (项目完成时间不晚于12月31日); "到2021年底" alone only frames the next clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from jixiao.extract.records import Section
from jixiao.normalize.grammar import Core, Reading, find_cores
from jixiao.normalize.records import NarrativeIndicator
from jixiao.normalize.text import fold
from jixiao.normalize.tokens import Token, tokenize
from jixiao.normalize.vocab import vocab

_CLAUSE = re.compile(r"[；;。，！？!?\n]|,(?!\d{3})")
_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{2,8})\s*[：:]")
_EDGE = "、,，;；:：。 \t\u3000"
MAX_PROSE_NAME = 40
"""Longer "names" outside the indicator lines are prose, not a subject."""


def _strip_noise(name: str) -> str:
    words = sorted((w for w, r in vocab().narrative.items() if r == "noise"), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        name = name.strip(_EDGE)
        for w in words:
            if name.endswith(w):
                name, changed = name[: -len(w)], True
                break
    return name


def _paragraphs(section: Section) -> Iterator[tuple[str, bool]]:
    """(text, is_indicator_line) for the paragraphs of a section, labels removed."""
    narrative = vocab().narrative
    in_lines = False
    for paragraph in (section.text, *section.body):
        m = _LABEL.match(paragraph)
        if m:
            in_lines = narrative.get(m.group(1)) == "start"
            paragraph = paragraph[m.end():]
        yield paragraph, in_lines


def _clauses(paragraph: str) -> Iterator[str]:
    pos = 0
    for m in _CLAUSE.finditer(fold(paragraph)):
        yield paragraph[pos:m.start()]
        pos = m.end()
    yield paragraph[pos:]


def _targets(tokens: tuple[Token, ...], cores: list[Core], strict: bool) -> list[Core]:
    """The cores of a clause that state a target; a date is one only when nothing else is."""
    readable = [c for c in cores if c.reading is not None]
    dates = [c for c in readable if c.shape.startswith("date")]
    kept = [
        c for c in readable
        if c not in dates
        and any(t.code in "NR" for t in tokens[c.first:c.last])  # an Arabic number or 百分之…
        and (not strict or any(t.code in "AZ" for t in tokens[c.first:c.last]))
    ]
    if not kept and not strict and len(dates) == 1:
        return dates  # 项目完成时间不晚于12月31日
    return kept


def _cut_dates(clause: str, start: int, end: int, tokens: tuple[Token, ...], cores: list[Core]) -> str:
    """clause[start:end] without the dates inside it (到2021年底 → 到)."""
    pieces, pos = [], start
    for c in cores:
        if not c.shape.startswith("date"):
            continue
        a, b = tokens[c.first].start, tokens[c.last - 1].end
        if a >= start and b <= end:
            pieces.append(clause[pos:a])
            pos = b
    pieces.append(clause[pos:end])
    return "".join(pieces)


@cache
def _target_mark() -> re.Pattern[str]:
    """What every target holds: an Arabic digit, 百分之, a month word or a named period."""
    v = vocab()
    words = [*v.periods, *(w for w, r in v.markers.items() if r in ("percent_of", "month"))]
    return re.compile("|".join([r"\d", *map(re.escape, sorted(words, key=len, reverse=True))]))


def _from_clause(
    clause: str, in_lines: bool, year: int | None, previous: str | None
) -> list[tuple[str | None, str, Reading]]:
    """(name, text, reading) of each target in one clause."""
    # Most prose clauses state no number or date: skip tokenizing them. 绩效指标 lines are
    # few and may write numbers in Chinese (两件), so they are always read.
    if not in_lines and not _target_mark().search(fold(clause)):
        return []
    tokens = tokenize(clause)
    cores = find_cores(tokens, year)
    targets = _targets(tokens, cores, strict=not in_lines)
    continue_words = tuple(w for w, r in vocab().narrative.items() if r == "continue")
    seg_start = 0
    out: list[tuple[str | None, str, Reading]] = []
    for i, core in enumerate(targets):
        core_start, core_end = tokens[core.first].start, tokens[core.last - 1].end
        region = clause[seg_start:core_start]
        name = _strip_noise(_cut_dates(clause, seg_start, core_start, tokens, cores))
        if core.shape.startswith("date"):
            name = _strip_noise(region)
        last = i == len(targets) - 1
        text = clause[seg_start:None if last else core_end].strip(_EDGE)
        if name.startswith(continue_words) and previous:
            name = previous + region.strip(_EDGE)
        if not name and last:
            name = _strip_noise(clause[core_end:])
        if core.shape.startswith("date") and not name:
            break  # 到2021年底 alone is the time frame of the next clause, not a target
        if not in_lines and (not name or len(name) > MAX_PROSE_NAME):
            seg_start = core_end
            continue
        out.append((name or None, text, core.reading))  # type: ignore[arg-type]
        previous = name or previous
        seg_start = core_end
    return out


def narrative_indicators(
    sections: tuple[Section, ...], *, year: int | None = None
) -> tuple[NarrativeIndicator, ...]:
    """The measurable targets of the goals text, in document order, each with its section path."""
    found: list[NarrativeIndicator] = []
    for section in sections:
        for paragraph, in_lines in _paragraphs(section):
            previous: str | None = None
            for clause in _clauses(paragraph):
                for name, text, r in _from_clause(clause, in_lines, year, previous):
                    found.append(NarrativeIndicator(
                        section=section.path, text=text, name=name, kind=r.kind, op=r.op,
                        value=r.value, value_max=r.value_max, unit=r.unit, scale=r.scale, date=r.date,
                    ))
                    previous = name
    return tuple(found)
