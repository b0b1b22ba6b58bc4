"""Build extract.model values for domain-layer tests: tables from grid sketches, and the seed report.

A grid sketch lists every grid position of every row:
    "text" a cell; "^" the cell above continues (vertical merge); "<" the cell to the
    left continues (horizontal span); None no cell (w:gridBefore / a ragged row).

`seed_blocks()` turns the seed report's text dump (data/seed_report_dump.txt, a copy of
the project's seed 000_3ede28e43cbe6867.txt) into the body a reader would give: its
paragraphs, then one Table per project with real merges.
"""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.extract.model import Block, Cell, DocxBody, Paragraph, Table

SEED = Path(__file__).parent / "data" / "seed_report_dump.txt"
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
# "1、 部门总体绩效目标": in the dump a space after the number marks one Word drew.
_DRAWN = re.compile(r"^(\d+、|（\d+）)\s+(.*)$")

Sketch = list[list[str | None]]


def table(index: int, rows: Sketch) -> Table:
    """A Table from a grid sketch (see the module docstring)."""
    n_cols = max(len(row) for row in rows)
    owner: list[list[tuple[int, int] | None]] = [[None] * n_cols for _ in rows]
    texts: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        for c, entry in enumerate(row):
            if entry == "^":
                owner[r][c] = owner[r - 1][c]
            elif entry == "<":
                owner[r][c] = owner[r][c - 1]
            elif entry is not None:
                owner[r][c] = (r, c)
                texts[(r, c)] = entry
    spans: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(owner):
        for c, origin in enumerate(row):
            if origin is not None:
                last = spans.setdefault(origin, [r, c])
                last[0], last[1] = max(last[0], r), max(last[1], c)
    cells = {
        (r, c): Cell(
            texts[(r, c)], r, c, row_span=end_r - r + 1, col_span=end_c - c + 1,
            paragraphs=tuple(Paragraph(t) for t in texts[(r, c)].split("\n")),
        )
        for (r, c), (end_r, end_c) in spans.items()
    }
    grid = tuple(
        tuple(cells[origin] if origin is not None else None for origin in row) for row in owner
    )
    return Table(index, grid)


def _clean(line: str) -> str:
    return _BOOKMARK.sub("", line).strip()


def _dump_rows_to_sketch(rows: list[list[str]]) -> Sketch:
    """Dump rows to a grid: an empty first cell continues the cell above; before the first
    full-width row (the indicator header) a short row's last cell spans the rest, after it
    a short row is padded with empty cells."""
    n_cols = max(len(row) for row in rows)
    header_seen = False
    sketch: Sketch = []
    for row in rows:
        cells: list[str | None] = ["^" if c == 0 and text == "" and sketch else text
                                   for c, text in enumerate(row)]
        missing = n_cols - len(cells)
        if header_seen:
            cells += [""] * missing
        else:
            cells += ["<"] * missing
        header_seen = header_seen or len(row) == n_cols
        sketch.append(cells)
    return sketch


def _paragraph(text: str, drawn: bool) -> Paragraph:
    m = _DRAWN.match(text)
    if not drawn or m is None:
        return Paragraph(text)
    label = m.group(1)
    level = 1 if label.startswith("（") else 0
    return Paragraph(m.group(2), number=label, num_format="decimal", list_id=1, list_level=level)


def seed_blocks(*, drawn_numbers: bool = False) -> tuple[Block, ...]:
    """The seed report as reader output; `drawn_numbers` makes "1、 " and "（1） " Word's numbers.

    In the dump a table row is a run of "\t<cell>" lines, rows are parted by one blank
    line, tables by several blank lines or a line starting " \t".
    """
    parts: list[Paragraph | list[list[str]]] = []
    blanks = 0
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.startswith(("\t", " \t")):
            current = parts[-1] if parts and isinstance(parts[-1], list) else None
            if current is None or line.startswith(" \t") or blanks >= 2:
                parts.append([[]])
            elif blanks == 1:
                current.append([])
            rows = parts[-1]
            assert isinstance(rows, list)
            rows[-1].append(_clean(line))
            blanks = 0
        elif not line.strip():
            blanks += 1
        else:
            parts.append(_paragraph(_clean(line), drawn_numbers))
            blanks = 0
    blocks: list[Block] = []
    n_tables = 0
    for part in parts:
        if isinstance(part, list):
            blocks.append(table(n_tables, _dump_rows_to_sketch(part)))
            n_tables += 1
        else:
            blocks.append(part)
    return tuple(blocks)


def seed_body(*, drawn_numbers: bool = False) -> DocxBody:
    return DocxBody(seed_blocks(drawn_numbers=drawn_numbers))
