"""Whether a .docx that reads without error is a performance report at all.

Meeting notes or a blank page open fine and normalize to nothing; loading them would
count a success with no department, no year and no project. A document is refused only
when nothing in it belongs to a report: no project table (read, or recognised by its
labels but unreadable), no numbered goal section, no target sentence, and no title that
names a kind of report (load/vocab/document_kinds.tsv). So a 绩效自评表 or a 部门整体
table, and a revision whose tables were deleted but whose title remains, still load.
"""

from __future__ import annotations

from jixiao.extract.exceptions import ExtractError
from jixiao.normalize.records import Report

__all__ = ["NotAPerformanceReport", "check_is_report"]

_UNREADABLE_PROJECT_TABLE = "table_unrecognised"


class NotAPerformanceReport(ExtractError):
    """The document holds no project table and no numbered goals: it is not a performance report."""

    code = "not_a_report"

    def __init__(self, path: str) -> None:
        super().__init__(path, "not a performance report: no 绩效目标表 and no numbered goals found")


def check_is_report(report: Report, path: str) -> Report:
    """`report` itself, or NotAPerformanceReport when nothing in it belongs to a performance report."""
    if (report.projects or report.sections or report.narrative_indicators
            or any(w.code == _UNREADABLE_PROJECT_TABLE for w in report.warnings)):
        return report
    from jixiao.load.document_key import document_kind  # only for the rare empty document: extract stays light

    if document_kind(report.document.title) is not None:
        return report
    raise NotAPerformanceReport(path)
