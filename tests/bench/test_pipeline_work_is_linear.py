"""extract+normalize does work proportional to the document, counted in function calls, not timed (issue 7).

Every Python and C function call the pipeline makes is counted with sys.setprofile. A
quadratic step (a cell look-up that rescans the grid, a label search per row over all
rows, a second pass per table) makes 4x the rows cost far more than 4x the calls.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jixiao.pipeline import read_report
from tests.bench.complexity_docs import document as _document


def _calls(path: Path) -> int:
    count = 0

    def profile(frame, event, arg) -> None:  # noqa: ANN001
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        report = read_report(path)
    finally:
        sys.setprofile(None)
    assert report.projects
    return count


@pytest.fixture(scope="module")
def write(tmp_path_factory):
    folder = tmp_path_factory.mktemp("linear")
    read_report(_save(folder, (2, 10)))  # start-up work (dictionaries, vocabularies) is not the document's

    def write(shape: tuple[int, int]) -> Path:
        return _save(folder, shape)

    return write


def _save(folder: Path, shape: tuple[int, int]) -> Path:
    path = folder / f"doc_{shape[0]}x{shape[1]}.docx"
    path.write_bytes(_document(*shape))
    return path


@pytest.mark.parametrize(
    ("small", "large", "growth"),
    [
        ((1, 25), (1, 100), 4),     # 4x the indicator rows of one table (three long vertical merges)
        ((1, 100), (1, 400), 4),    # the same at a larger size, where a quadratic term would dominate
        ((5, 12), (20, 12), 4),     # 4x the project tables
        ((2, 20), (8, 80), 16),     # 16x the rows
    ],
)
def test_calls_grow_no_faster_than_the_document(write, small, large, growth) -> None:
    few, many = _calls(write(small)), _calls(write(large))
    assert many / few <= growth * 1.2


def test_the_documents_hold_every_indicator(write) -> None:
    report = read_report(write((8, 80)))
    assert [len(p.indicators) for p in report.projects] == [80] * 8
    assert report.projects[7].indicators[79].value == 89
