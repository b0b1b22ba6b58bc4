"""The output contract's JSON (schema_version 1): typed records to plain dicts and back.

docs/output-contract.md describes the format; this module is its only writer.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from jixiao.normalize.records import (
    DocumentInfo, Execution, Indicator, Location, NarrativeIndicator, Number, ParsedValue, Project, Report,
    Section, Source, SpendingPlan, Warning,
)

SELF_EVALUATION = "self_evaluation"


def _number(x: Number | None) -> Number | None:
    """Integral floats print as integers (13000, not 13000.0), as people write them."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _location(loc: Location | None) -> dict[str, int] | None:
    return {"table": loc.table, "row": loc.row} if loc else None


def _value_fields(x: Indicator | NarrativeIndicator | ParsedValue) -> dict[str, Any]:
    return {
        "kind": x.kind, "op": x.op, "value": _number(x.value), "value_max": _number(x.value_max),
        "unit": x.unit, "scale": _number(x.scale), "date": _date(x.date),
    }


def parsed_value_to_dict(p: ParsedValue) -> dict[str, Any]:
    """One typed value as `jixiao parse-value` prints it: raw plus the contract's value fields."""
    return {"raw": p.raw, **_value_fields(p)}


def indicator_to_dict(ind: Indicator) -> dict[str, Any]:
    return {
        "level1": ind.level1, "level1_code": ind.level1_code,
        "level2": ind.level2, "level2_code": ind.level2_code,
        "name": ind.name, "description": ind.description, "raw": ind.raw,
        **_value_fields(ind),
        "basis": ind.basis, "weight": _number(ind.weight), "location": _location(ind.location),
    }


def project_to_dict(p: Project) -> dict[str, Any]:
    plan = p.spending_plan
    return {
        "code": p.code, "name": p.name, "department": p.department,
        "budget_total": p.budget_total, "budget_fiscal": p.budget_fiscal, "budget_other": p.budget_other,
        "spending_plan": {"q1": plan.q1, "q2": plan.q2, "q3": plan.q3, "q4": plan.q4},
        "budget_midterm": p.budget_midterm,
        "purpose": p.purpose, "goal": p.goal,
        "indicators": [indicator_to_dict(i) for i in p.indicators],
        "long_term_indicators": [indicator_to_dict(i) for i in p.long_term_indicators],
    }


def section_to_dict(s: Section) -> dict[str, Any]:
    return {"path": s.path, "level": s.level, "label": s.label, "title": s.title, "text": s.text}


def narrative_to_dict(n: NarrativeIndicator) -> dict[str, Any]:
    return {"section": n.section, "text": n.text, "name": n.name, **_value_fields(n)}


def warning_to_dict(w: Warning) -> dict[str, Any]:
    return {"code": w.code, "message": w.message, "location": _location(w.location)}


# A self-evaluation's fields: only a self-evaluation document carries them, so a targets
# document's contract is unchanged.

def indicator_results_to_dict(ind: Indicator) -> dict[str, Any]:
    return {
        "actual": parsed_value_to_dict(ind.actual) if ind.actual is not None else None,
        "score": _number(ind.score), "deviation": ind.deviation,
        "met": ind.met, "achievement": ind.achievement,
    }


def project_results_to_dict(p: Project) -> dict[str, Any]:
    e = p.execution
    execution = None if e is None else {
        "budget_initial": e.budget_initial, "budget_adjusted": e.budget_adjusted, "executed": e.executed,
        "rate": e.rate, "weight": _number(e.weight), "score": _number(e.score),
    }
    return {"execution": execution, "total_score": _number(p.total_score), "grade": p.grade}


def _with_results(p: Project) -> dict[str, Any]:
    d = project_to_dict(p)
    for key, records in (("indicators", p.indicators), ("long_term_indicators", p.long_term_indicators)):
        for i, ind in zip(d[key], records):
            i.update(indicator_results_to_dict(ind))
    return d | project_results_to_dict(p)


def _indicator_results(i: dict[str, Any]) -> dict[str, Any]:
    a = i.get("actual")
    actual = None if a is None else ParsedValue(
        raw=a["raw"], kind=a["kind"], op=a["op"], value=a["value"], value_max=a["value_max"],
        unit=a["unit"], scale=a["scale"], date=_parse_date(a["date"]))
    return {"actual": actual, **{k: i.get(k) for k in ("score", "deviation", "met", "achievement")}}


def _project_results(p: dict[str, Any]) -> dict[str, Any]:
    e = p.get("execution")
    return {"execution": Execution(**e) if e else None, "total_score": p.get("total_score"), "grade": p.get("grade")}


def report_to_dict(r: Report) -> dict[str, Any]:
    """The contract object for one document."""
    self_evaluation = r.document.report_kind == SELF_EVALUATION
    return {
        "schema_version": r.schema_version,
        "source": {"file": r.source.file, "sha256": r.source.sha256, "bytes": r.source.bytes},
        "document": {
            "title": r.document.title, "department": r.document.department,
            "fiscal_year": r.document.fiscal_year, "report_kind": r.document.report_kind,
        },
        "sections": [section_to_dict(s) for s in r.sections],
        "projects": [(_with_results if self_evaluation else project_to_dict)(p) for p in r.projects],
        "narrative_indicators": [narrative_to_dict(n) for n in r.narrative_indicators],
        "warnings": [warning_to_dict(w) for w in r.warnings],
    }


def report_to_json(r: Report, *, indent: int | None = 2) -> str:
    return json.dumps(report_to_dict(r), ensure_ascii=False, indent=indent)


def _loc(d: dict[str, int] | None) -> Location | None:
    return Location(d["table"], d["row"]) if d else None


def _parse_date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _indicator_from_dict(i: dict[str, Any]) -> Indicator:
    return Indicator(
        level1=i["level1"], level1_code=i["level1_code"], level2=i["level2"],
        level2_code=i["level2_code"], name=i["name"], description=i["description"],
        raw=i["raw"], kind=i["kind"], op=i["op"], value=i["value"], value_max=i["value_max"],
        unit=i["unit"], scale=i["scale"], date=_parse_date(i["date"]), basis=i["basis"],
        location=_loc(i["location"]) or Location(-1, -1), weight=i.get("weight"), **_indicator_results(i),
    )


def report_from_dict(d: dict[str, Any]) -> Report:
    """Read a contract object back into records (for tools and tests that consume the JSON)."""
    src, doc = d["source"], d["document"]
    projects = tuple(
        Project(
            code=p["code"], name=p["name"], department=p["department"],
            budget_total=p["budget_total"], budget_fiscal=p["budget_fiscal"], budget_other=p["budget_other"],
            spending_plan=SpendingPlan(**p["spending_plan"]), purpose=p["purpose"], goal=p["goal"],
            indicators=tuple(_indicator_from_dict(i) for i in p["indicators"]),
            long_term_indicators=tuple(_indicator_from_dict(i) for i in p.get("long_term_indicators", ())),
            budget_midterm=p.get("budget_midterm"), **_project_results(p),
        )
        for p in d["projects"]
    )
    return Report(
        source=Source(file=src["file"], sha256=src["sha256"], bytes=src["bytes"]),
        document=DocumentInfo(doc["title"], doc["department"], doc["fiscal_year"], doc.get("report_kind", "targets")),
        sections=tuple(Section(**s) for s in d["sections"]),
        projects=projects,
        narrative_indicators=tuple(
            NarrativeIndicator(
                section=n["section"], text=n["text"], name=n["name"], kind=n["kind"], op=n["op"],
                value=n["value"], value_max=n["value_max"], unit=n["unit"], scale=n["scale"],
                date=_parse_date(n["date"]),
            )
            for n in d["narrative_indicators"]
        ),
        warnings=tuple(Warning(w["code"], w["message"], _loc(w["location"])) for w in d["warnings"]),
        schema_version=d["schema_version"],
    )
