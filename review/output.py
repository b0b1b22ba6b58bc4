"""Findings written out for people and programs: a grouped listing for a terminal, JSON, or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence

from jixiao.review.findings import SEVERITIES, Finding

__all__ = ["FIELDS", "finding_dict", "as_text", "as_json", "as_csv", "summary"]

FIELDS = ("file", "rule", "severity", "check", "project_ordinal", "project_code", "project_name", "indicator",
          "raw", "table", "row", "message", "message_en")
"""Columns of the JSON and CSV output; `table` and `row` count from 1 there, as a clerk does."""

LABELS = {"error": "错误 error", "warning": "警告 warning", "notice": "提示 notice"}


def _from_one(n: int | None) -> int | None:
    return None if n is None else n + 1


def finding_dict(f: Finding) -> dict[str, object]:
    w = f.where
    return {
        "file": w.file, "rule": f.rule, "severity": f.severity, "check": f.check,
        "project_ordinal": w.project_ordinal, "project_code": w.project_code, "project_name": w.project_name,
        "indicator": w.indicator, "raw": w.raw, "table": _from_one(w.table), "row": _from_one(w.row),
        "message": f.message, "message_en": f.message_en,
    }


def summary(findings: Sequence[Finding]) -> str:
    """"3 findings: 1 error, 2 warnings, 0 notices"."""
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(f"{counts[s]} {s}{'' if counts[s] == 1 else 's'}" for s in SEVERITIES)
    return f"{len(findings)} finding{'' if len(findings) == 1 else 's'}: {parts}"


def _place(f: Finding) -> str:
    w = f.where
    if w.table is None:
        return ""
    return f"表{w.table + 1}" + ("" if w.row is None else f" 行{w.row + 1}")


def as_text(findings: Sequence[Finding]) -> str:
    """Grouped by file and project, most serious first within each row, then a summary line."""
    lines: list[str] = []
    last_file = last_project = None
    for f in findings:
        w = f.where
        if w.file != last_file:
            lines.append(w.file)
            last_file, last_project = w.file, None
        project = (w.project_ordinal, w.project_code, w.project_name)
        if project != last_project:
            parts = (f"项目 {w.project_ordinal}", w.project_code, w.project_name)
            head = "整个文档 whole document" if w.project_ordinal is None else "  ".join(p for p in parts if p)
            lines.append(f"  {head}")
            last_project = project
        lines.append(f"    {LABELS[f.severity]:<12} {f.rule:<8} {_place(f):<10} {f.message}")
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"


def as_json(findings: Sequence[Finding]) -> str:
    return json.dumps([finding_dict(f) for f in findings], ensure_ascii=False, indent=2) + "\n"


def as_csv(findings: Sequence[Finding]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(finding_dict(f) for f in findings)
    return out.getvalue()
