"""One file through the stages: extract, then normalize. Pure apart from reading the file."""

from __future__ import annotations

from pathlib import Path

from extract.document import read_document
from extract.limits import DEFAULT_LIMITS, Limits
from normalize.document import normalize_document
from normalize.records import Report


def read_report(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Read one .docx report and type its values. Raises a JixiaoError subclass for a bad file."""
    return normalize_document(read_document(path, limits=limits))
