"""One file through the stages: extract, then normalize, under the per-document time limit."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.deadline import time_limit
from jixiao.extract.document import read_document
from jixiao.extract.limits import DEFAULT_LIMITS, Limits
from jixiao.normalize.document import normalize_document
from jixiao.normalize.records import Report
from jixiao.report_check import check_is_report


def read_report(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, convert: bool = False) -> Report:
    """Read one .docx report and type its values.

    With `convert`, legacy .doc/.wps/.rtf/.odt files are converted with LibreOffice first.
    Raises a JixiaoError subclass for a file that cannot be read, including one that takes
    longer than `limits.seconds_per_document` (plus `limits.convert_seconds` when converting),
    and NotAPerformanceReport for a document with nothing of a report in it.
    """
    seconds = limits.seconds_per_document + (limits.convert_seconds if convert else 0)
    with time_limit(str(path), seconds):
        report = normalize_document(read_document(path, limits=limits, convert=convert))
    return check_is_report(report, str(path))
