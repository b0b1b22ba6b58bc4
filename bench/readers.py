"""The readers the benchmark times, each a function of one path that does the whole read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bench.floor import floor_read

Reader = Callable[[Path], object]


def jixiao_read(path: Path) -> tuple[int, int]:
    """extract + normalize of one file; returns (projects, indicators) so the work cannot be skipped."""
    from jixiao.pipeline import read_report

    report = read_report(path)
    return len(report.projects), sum(len(p.indicators) for p in report.projects)


def docx2python_read(path: Path) -> int:
    """docx2python's whole read of the body (tables and paragraphs as nested lists)."""
    from docx2python import docx2python

    with docx2python(path) as content:
        return len(content.body)


def available(name: str) -> str | None:
    """None when the reader can run here, else why it cannot."""
    try:
        if name == "jixiao":
            import jixiao.pipeline  # noqa: F401
            import jixiao.extract.document  # noqa: F401
            import jixiao.normalize.document  # noqa: F401
        elif name == "docx2python":
            import docx2python  # noqa: F401
    except ImportError as e:
        return f"{name} is not importable ({e})"
    return None


READERS: dict[str, Reader] = {"floor": floor_read, "jixiao": jixiao_read, "docx2python": docx2python_read}
