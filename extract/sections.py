"""The goal-section tree: numbered headings and paragraphs nested as the document nests them.

The default nesting is 一、 > （一） > 1、/1. > （1）/(1) > ①, but the document
decides: a style seen again is a sibling of its open namesake, a style first seen
inside another nests under it (a restart at 1 included), and a numbering slip such
as the seed's 1、 2、 三、 keeps the three as siblings (三 continues 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from jixiao.extract.model import Paragraph
from jixiao.extract.records import Section
from jixiao.extract.typed_numbers import drawn_number, style_rank, typed_number

_RUN_IN_END = re.compile("[。：:]")


@dataclass(frozen=True, slots=True)
class NumberedParagraph:
    """A paragraph's number as a reader sees it, whether typed or drawn by Word."""

    label: str
    style: str
    value: int | None
    text: str
    drawn: bool = False
    """Word drew the number (automatic numbering) rather than someone typing it."""


def paragraph_number(paragraph: Paragraph) -> NumberedParagraph | None:
    """The number a reader sees in front of `paragraph`, or None (bullets are not numbers)."""
    text = paragraph.text.strip()
    if paragraph.number and text:
        drawn = drawn_number(paragraph.number, paragraph.num_format, paragraph.list_level)
        if drawn is not None:
            return NumberedParagraph(paragraph.number.strip(), drawn[0], drawn[1], text, drawn=True)
    typed = typed_number(text)
    if typed is None:
        return None
    return NumberedParagraph(typed.label, typed.style, typed.value, typed.rest)


def heading_title(text: str) -> str:
    """A run-in heading's title ends at the first 。 or colon; a short heading is all title."""
    end = _RUN_IN_END.search(text)
    if end is not None and end.start() > 0:
        return text[: end.start()].strip()
    return text.strip()


@dataclass(slots=True)
class _Open:
    """A section whose children may still follow."""

    style: str
    value: int | None
    path: tuple[int, ...]
    children: int = 0


@dataclass(slots=True)
class _Tree:
    """The open sections from the top down, and where each style was placed before."""

    stack: list[_Open] = field(default_factory=list)
    top_count: int = 0
    depth_of: dict[str, int] = field(default_factory=dict)

    def depth_for(self, style: str, value: int | None, drawn: bool = False) -> int:
        """The 0-based depth a new section of this style and counter value goes to.

        Only a typed number can be a slip; a number Word draws continues its own list.
        """
        stack = self.stack
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].style == style:
                restarted = value == 1 and (stack[depth].value or 0) >= 1
                if restarted and depth < len(stack) - 1:
                    return len(stack)  # 1、 again under a deeper item: a new inner list
                return depth
        if value is None or value == 1:
            return len(stack)
        slips = [
            d for d, node in enumerate(stack)
            if not drawn and node.value is not None and node.value + 1 == value
        ]
        if slips:
            rank = style_rank(style)
            return min(slips, key=lambda d: (abs(style_rank(stack[d].style) - rank), d))
        if style in self.depth_of and self.depth_of[style] <= len(stack):
            return self.depth_of[style]
        rank = style_rank(style)
        for depth in range(len(stack) - 1, -1, -1):
            if style_rank(stack[depth].style) < rank:
                return depth + 1
        return 0

    def place(self, style: str, value: int | None, drawn: bool = False) -> tuple[int, ...]:
        """Open a new section and return its path."""
        depth = self.depth_for(style, value, drawn)
        del self.stack[depth:]
        if depth == 0:
            self.top_count += 1
            path: tuple[int, ...] = (self.top_count,)
        else:
            parent = self.stack[-1]
            parent.children += 1
            path = (*parent.path, parent.children)
        self.stack.append(_Open(style, value, path))
        self.depth_of.setdefault(style, depth)
        return path


def goal_sections(paragraphs: Iterable[Paragraph]) -> tuple[Section, ...]:
    """Every numbered paragraph as a Section, with the unnumbered paragraphs after it as body.

    Pass the paragraphs of the goals text only: outside tables, before the first
    project table. Paragraphs before the first number (the title) belong to no section.
    """
    tree = _Tree()
    found: list[tuple[NumberedParagraph, tuple[int, ...], list[str]]] = []
    for paragraph in paragraphs:
        numbered = paragraph_number(paragraph)
        if numbered is not None:
            path = tree.place(numbered.style, numbered.value, numbered.drawn)
            found.append((numbered, path, []))
        elif found and paragraph.text.strip():
            found[-1][2].append(paragraph.text.strip())
    return tuple(
        Section(
            path=".".join(map(str, path)),
            level=len(path),
            label=numbered.label,
            title=heading_title(numbered.text),
            text=numbered.text,
            body=tuple(body),
        )
        for numbered, path, body in found
    )
