"""The state one body walk carries: names, styles, numbering counters, open fields, warnings, work done."""

from __future__ import annotations

from typing import Callable

from lxml import etree

from jixiao.extract.limits import Limits
from jixiao.extract.model import Block, Warning, WarningCode
from jixiao.extract.ooxml.namespaces import TRANSITIONAL, WordNames
from jixiao.extract.ooxml.numbering import Numbering
from jixiao.extract.ooxml.styles import Styles

BlockReader = Callable[[etree._Element, "ReadContext", list[Block]], None]


class OpenField:
    """A complex field (w:fldChar begin … separate … end) the walk is inside of."""

    __slots__ = ("instr", "separated", "toc")

    def __init__(self) -> None:
        self.instr: list[str] = []
        self.separated = False
        self.toc = False


class ReadContext:
    """Mutable state of one read; handlers are module-level functions that take it explicitly."""

    __slots__ = (
        "path", "part", "limits", "n", "styles", "numbering", "warnings", "visits",
        "suppress", "fields", "toc_active", "toc_seen", "table_count", "top_table", "cell_depth",
        "_warned", "read_blocks", "plain",
    )

    def __init__(self, path: str, part: str, limits: Limits, styles: Styles, numbering: Numbering,
                 warnings: list[Warning], read_blocks: BlockReader) -> None:
        self.path, self.part, self.limits = path, part, limits
        self.n: WordNames = TRANSITIONAL
        self.styles, self.numbering, self.warnings = styles, numbering, warnings
        self.visits = 0
        """Elements the walk looked at: grows linearly with the document, tests assert it."""
        self.suppress = 0
        """> 0 while text is not shown: inside a field instruction or a table-of-contents result."""
        self.fields: list[OpenField] = []
        self.toc_active = 0
        self.toc_seen = False
        self.table_count = 0
        self.top_table = -1
        self.cell_depth = 0
        self._warned: set[str] = {w.code for w in warnings}  # a part already reported broken is not reported again
        self.read_blocks = read_blocks
        self.plain = False
        """True while reading a top-level block that holds none of WordNames.needs_walk: text reads fast."""

    def warn_once(self, key: str, code: WarningCode, message: str) -> None:
        """Add a warning the first time `key` comes up, so a pattern repeated 1000 times is reported once."""
        if key not in self._warned:
            self._warned.add(key)
            self.warnings.append(Warning(code, message))
