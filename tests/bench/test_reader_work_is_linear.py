"""The reader's work grows linearly with the document, counted in elements visited, not timed (issue 7).

A quadratic cell look-up or a second walk of the body shows up as visits (or Python calls)
growing faster than the document: 4x the rows must cost about 4x, never 16x.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from jixiao.extract.ooxml.reader import read_docx_with_stats
from tests.bench.complexity_docs import document as _document


def _elements(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return sum(1 for _ in etree.fromstring(z.read("word/document.xml")).iter())


def _visits(data: bytes) -> int:
    body, stats = read_docx_with_stats(data, "complexity.docx")
    assert stats.top_level_blocks == len(body.blocks)
    return stats.elements_visited


@pytest.mark.parametrize(
    ("small", "large"),
    [
        ((1, 25), (1, 100)),   # 4x the rows of one table
        ((5, 12), (20, 12)),   # 4x the tables
        ((2, 20), (8, 80)),    # 16x the rows
    ],
)
def test_elements_visited_grow_with_the_document_and_no_faster(small, large) -> None:
    a, b = _document(*small), _document(*large)
    grown = _elements(b) / _elements(a)
    visits_grown = _visits(b) / _visits(a)
    assert visits_grown == pytest.approx(grown, rel=0.1)


@pytest.mark.parametrize("shape", [(1, 100), (8, 80), (20, 12)])
def test_each_element_is_visited_at_most_once(shape) -> None:
    data = _document(*shape)
    assert _visits(data) <= _elements(data)


def test_the_reader_sees_every_row() -> None:
    body, _ = read_docx_with_stats(_document(3, 40), "complexity.docx")
    tables = [b for b in body.blocks if hasattr(b, "grid")]
    assert [t.n_rows for t in tables] == [43, 43, 43]
    assert tables[2].grid[3][0] is tables[2].grid[15][0]  # the merged 产出指标 cell covers its rows
    assert tables[2].grid[3][0].text == "产出指标"
    assert tables[2].grid[42][4].text == "≥49批次"
