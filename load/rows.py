"""A Report as table rows: plain dicts, one list per table, ready for executemany."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import sqlalchemy as sa

from jixiao.load import schema
from jixiao.load.exceptions import FieldTooLong, LoadError
from jixiao.load.result_rows import document_result_row, indicator_result_row, project_result_row
from jixiao.normalize.records import Indicator, Location, NarrativeIndicator, Report

__all__ = [
    "Row", "ChildRows", "document_row", "child_rows", "indicator_count", "untyped_count", "check_lengths",
]

Row = dict[str, Any]
UNTYPED_CODE = "value_unparsed"


@dataclass(frozen=True, slots=True)
class ChildRows:
    """A document's rows for every child table; document_id and project_id are filled in once known."""

    sections: list[Row]
    projects: list[Row]
    narrative_indicators: list[Row]
    warnings: list[Row]
    indicators: list[Row]
    indicator_projects: list[int]
    """The ordinal (from 1) of each indicator row's project."""
    long_term_indicators: list[Row]
    long_term_projects: list[int]

    def set_document_id(self, document_id: int) -> None:
        for rows in (self.sections, self.projects, self.narrative_indicators, self.warnings, self.indicators,
                     self.long_term_indicators):
            for row in rows:
                row["document_id"] = document_id

    def set_project_ids(self, project_ids: dict[int, int]) -> None:
        """Point each indicator row at its project; `project_ids` maps a project's ordinal to its id."""
        for rows, ordinals in ((self.indicators, self.indicator_projects),
                               (self.long_term_indicators, self.long_term_projects)):
            for row, ordinal in zip(rows, ordinals):
                row["project_id"] = project_ids[ordinal]


def untyped_count(report: Report) -> int:
    """Values normalize could not type: the value_unparsed warnings."""
    return sum(1 for w in report.warnings if w.code == UNTYPED_CODE)


def indicator_count(report: Report) -> int:
    return sum(len(p.indicators) for p in report.projects)


def document_row(
    report: Report, *, key: str, version: int, kind: str | None, path: str, run_id: str,
    parser_version: str, now: dt.datetime,
) -> Row:
    doc, src = report.document, report.source
    return {
        "document_key": key, "version": version, "is_current": True, "doc_kind": kind,
        "source_file": src.file, "source_path": path, "sha256": src.sha256, "bytes": src.bytes,
        "title": doc.title, "department": doc.department, "fiscal_year": doc.fiscal_year,
        "schema_version": report.schema_version, "parser_version": parser_version, "run_id": run_id,
        "ingested_at": now, "superseded_at": None,
        "n_sections": len(report.sections), "n_projects": len(report.projects),
        "n_indicators": indicator_count(report), "n_narrative_indicators": len(report.narrative_indicators),
        "n_warnings": len(report.warnings), "n_untyped": untyped_count(report),
        **document_result_row(report),
    }


def child_rows(report: Report, path: str) -> ChildRows:
    """The rows of every child table, checked against the columns' lengths (FieldTooLong) before any is written."""
    num = _Numbers(path)
    rows = ChildRows(
        sections=[
            {"document_id": None, "ordinal": i, "path": s.path, "level": s.level, "label": s.label,
             "title": s.title, "text": s.text}
            for i, s in enumerate(report.sections, 1)
        ],
        projects=[
            {"document_id": None, "ordinal": i, "code": p.code, "name": p.name, "department": p.department,
             "budget_total": num(p.budget_total), "budget_fiscal": num(p.budget_fiscal),
             "budget_other": num(p.budget_other),
             "spending_plan_q1": num(p.spending_plan.q1), "spending_plan_q2": num(p.spending_plan.q2),
             "spending_plan_q3": num(p.spending_plan.q3), "spending_plan_q4": num(p.spending_plan.q4),
             "purpose": p.purpose, "goal": p.goal, "n_indicators": len(p.indicators),
             "budget_midterm": num(p.budget_midterm),
             **project_result_row(report, p, num)}
            for i, p in enumerate(report.projects, 1)
        ],
        narrative_indicators=[
            {"document_id": None, "ordinal": i, "section": n.section, "text": n.text, "name": n.name,
             **_value(n, num)}
            for i, n in enumerate(report.narrative_indicators, 1)
        ],
        warnings=[
            {"document_id": None, "ordinal": i, "code": w.code, "message": w.message, **_location(w.location)}
            for i, w in enumerate(report.warnings, 1)
        ],
        indicators=[
            {**_target(ind, i, num), **_location(ind.location), **indicator_result_row(ind, num)}
            for project in report.projects
            for i, ind in enumerate(project.indicators, 1)
        ],
        indicator_projects=[p_ordinal for p_ordinal, p in enumerate(report.projects, 1) for _ in p.indicators],
        long_term_indicators=[
            {**_target(ind, i, num), "weight": num(ind.weight), **_location(ind.location)}
            for project in report.projects
            for i, ind in enumerate(project.long_term_indicators, 1)
        ],
        long_term_projects=[p_ordinal for p_ordinal, p in enumerate(report.projects, 1)
                            for _ in p.long_term_indicators],
    )
    for table, table_rows in ((schema.sections, rows.sections), (schema.projects, rows.projects),
                              (schema.narrative_indicators, rows.narrative_indicators),
                              (schema.warnings, rows.warnings), (schema.indicators, rows.indicators),
                              (schema.long_term_indicators, rows.long_term_indicators)):
        check_lengths(table, table_rows, path)
    return rows


def _target(ind: Indicator, ordinal: int, num: _Numbers) -> Row:
    """An indicator's categories, name and typed target (indicators and long_term_indicators alike)."""
    return {"document_id": None, "project_id": None, "ordinal": ordinal,
            "level1": ind.level1, "level1_code": ind.level1_code, "level2": ind.level2,
            "level2_code": ind.level2_code, "name": ind.name, "description": ind.description, "raw": ind.raw,
            **_value(ind, num), "basis": ind.basis}


def _value(x: Indicator | NarrativeIndicator, num: _Numbers) -> Row:
    return {"kind": x.kind, "op": x.op, "value": num(x.value), "value_max": num(x.value_max), "unit": x.unit,
            "scale": num(x.scale), "date": x.date}


def _location(loc: Location | None) -> Row:
    return {"location_table": loc.table if loc else None, "location_row": loc.row if loc else None}


class _Numbers:
    """Numbers as floats for DOUBLE columns; NaN and infinity have no portable SQL form."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, x: float | int | None) -> float | None:
        if x is None:
            return None
        value = float(x)
        if not math.isfinite(value):
            raise LoadError(self.path, f"holds a value that is not a finite number ({x!r}); the database cannot store it")
        return value


@cache
def _bounded(table: sa.Table) -> tuple[tuple[str, int], ...]:
    """(column, max length) of the table's VARCHAR columns."""
    return tuple(
        (c.name, c.type.length) for c in table.columns
        if isinstance(c.type, sa.String) and c.type.length is not None
    )


def check_lengths(table: sa.Table, rows: list[Row], path: str) -> None:
    """Raise FieldTooLong for a value its VARCHAR column cannot hold (PostgreSQL and MariaDB would refuse it)."""
    for name, limit in _bounded(table):
        for row in rows:
            value = row.get(name)
            if isinstance(value, str) and len(value) > limit:
                raise FieldTooLong(
                    path,
                    f"{table.name}.{name} is {len(value)} characters, more than the {limit} the database allows: "
                    f"{value[:40]!r}...",
                )
