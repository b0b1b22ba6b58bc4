"""The body of a .docx as a reader sees it: paragraphs and tables in reading order.

These values are what `extract.ooxml` produces and what the domain layer
(`sections.py`, `project_tables.py`) reads. No lxml element ever leaves
`extract.ooxml`; these frozen dataclasses do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its visible text and the automatic number Word draws in front of it.

    `text` never contains the automatic number; a number typed by hand stays in
    `text` (the domain layer recognises it). `number` is the rendered automatic
    number, e.g. "（一）" or "1.2", or None.
    """

    text: str
    number: str | None = None
    num_format: str | None = None
    """numFmt of the automatic number's level (decimal, chineseCounting, ...)."""
    list_id: int | None = None
    """w:numId of the list the automatic number belongs to."""
    list_level: int | None = None
    """w:ilvl, 0-based level within that list."""
    style: str | None = None
    """Style name (w:name of the paragraph style), e.g. "heading 1", "Normal"."""
    outline_level: int | None = None
    """0-based outline level from the paragraph or its style (heading 1 = 0)."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell after merges are resolved.

    `row`/`col` is the cell's top-left grid position; `row_span`/`col_span`
    how many grid rows and columns it covers. `text` is its paragraphs joined
    with "\\n". A nested table stays in `tables`, its text is not in `text`.
    """

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    paragraphs: tuple[Paragraph, ...] = ()
    tables: tuple["Table", ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A table as a rectangular grid.

    `grid[r][c]` is the Cell covering grid position (r, c): a merged cell appears
    in every position it covers (the same object), and a position no cell covers
    (w:gridBefore, w:gridAfter, ragged rows) holds None. `index` numbers the
    top-level tables of the document from 0 in reading order.
    """

    index: int
    grid: tuple[tuple[Cell | None, ...], ...]

    @property
    def n_rows(self) -> int:
        return len(self.grid)

    @property
    def n_cols(self) -> int:
        return len(self.grid[0]) if self.grid else 0

    def row_cells(self, r: int) -> tuple[Cell, ...]:
        """The distinct cells of grid row r, left to right (a merged cell once)."""
        seen: list[Cell] = []
        last = None
        for cell in self.grid[r]:
            # A merged cell fills adjacent positions, so comparing with the last one kept suffices.
            if cell is not last and cell is not None:
                seen.append(cell)
                last = cell
        return tuple(seen)

    def row_texts(self, r: int) -> tuple[str, ...]:
        """Texts of the distinct cells of grid row r."""
        return tuple(cell.text for cell in self.row_cells(r))


Block: TypeAlias = Paragraph | Table

WarningCode: TypeAlias = Literal[
    "element_ignored",
    "numbering_missing",
    "styles_missing",
    "table_unrecognised",
    "header_not_found",
    "label_unknown",
    "field_unknown",
    "value_unparsed",
    "project_incomplete",
    "duplicate_project",
    "score_disagrees",
]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a thing sits: table index in the document and row index in its grid."""

    table: int
    row: int


@dataclass(frozen=True, slots=True)
class Warning:
    """Something a human should look at; returned as a value, never printed by a stage."""

    code: WarningCode
    message: str
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class DocxBody:
    """What the OOXML reader returns for one file."""

    blocks: tuple[Block, ...]
    warnings: tuple[Warning, ...] = field(default=())
