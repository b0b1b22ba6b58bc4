"""The normalize stage: an ExtractedDocument in, a typed Report out. Pure; nothing is dropped."""

from __future__ import annotations

from jixiao.extract.model import Location, Warning
from jixiao.extract.records import ExtractedDocument, RawIndicator, RawProject
from jixiao.normalize.labels import level1_code, level2_code
from jixiao.normalize.money import amount, budget, spending_plan
from jixiao.normalize.narrative import narrative_indicators
from jixiao.normalize.records import Indicator, Project, Report
from jixiao.normalize.self_evaluation import indicator_results, points, project_results
from jixiao.normalize.value_parser import is_unparsed, parse_value


class _Labels:
    """Label codes with one label_unknown warning per unknown label and project."""

    def __init__(self, warnings: list[Warning]) -> None:
        self.warnings = warnings
        self.reported: set[tuple[int, str]] = set()

    def code(self, level: int, label: str | None, location: Location):
        code = (level1_code if level == 1 else level2_code)(label)
        if code is None and label and label.strip() and (level, label) not in self.reported:
            self.reported.add((level, label))
            header = "一级指标" if level == 1 else "二级指标"
            self.warnings.append(Warning(
                "label_unknown",
                f"{header} label “{label}” is not in extract/vocab/category_labels.tsv; kept as written "
                f"with no {'level1' if level == 1 else 'level2'}_code",
                location,
            ))
        return code


def _indicator(raw: RawIndicator, year: int | None, labels: _Labels, warnings: list[Warning]) -> Indicator:
    parsed = parse_value(raw.raw, year=year, nature=raw.nature, unit=raw.unit)
    what = f"“{raw.raw}”" + (f" of “{raw.name}”" if raw.name else "")
    if is_unparsed(parsed, nature=raw.nature):
        warnings.append(Warning(
            "value_unparsed",
            f"value {what} is not a number, percent, range or date jixiao can read; kept as text",
            raw.location,
        ))
    elif parsed.kind == "date" and parsed.date is None:
        warnings.append(Warning(
            "value_unparsed",
            f"date {what} names no year and the document's fiscal year is unknown; date left empty",
            raw.location,
        ))
    codes = labels.code(1, raw.level1, raw.location), labels.code(2, raw.level2, raw.location)
    return Indicator(
        level1=raw.level1, level1_code=codes[0], level2=raw.level2, level2_code=codes[1],
        name=raw.name, description=raw.description, raw=parsed.raw, kind=parsed.kind,
        op=parsed.op, value=parsed.value, value_max=parsed.value_max, unit=parsed.unit,
        scale=parsed.scale, date=parsed.date, basis=raw.basis, location=raw.location,
        weight=points(raw.weight),
        **indicator_results(raw, parsed, codes, year, warnings),
    )


def _project(raw: RawProject, year: int | None, warnings: list[Warning]) -> Project:
    labels = _Labels(warnings)
    total, fiscal, other = budget(raw)
    return Project(
        code=raw.code, name=raw.name, department=raw.department,
        budget_total=total, budget_fiscal=fiscal, budget_other=other,
        spending_plan=spending_plan(raw.spending_plan), purpose=raw.purpose, goal=raw.goal,
        indicators=tuple(_indicator(i, year, labels, warnings) for i in raw.indicators),
        long_term_indicators=tuple(_indicator(i, year, labels, warnings) for i in raw.long_term_indicators),
        budget_midterm=amount(raw.budget_midterm, raw.budget_unit),
        **project_results(raw),
    )


def normalize_document(doc: ExtractedDocument) -> Report:
    """Type every value and label of one extracted report; extract's warnings come first."""
    year = doc.document.fiscal_year
    warnings: list[Warning] = list(doc.warnings)
    projects = tuple(_project(p, year, warnings) for p in doc.projects)
    return Report(
        source=doc.source,
        document=doc.document,
        sections=doc.sections,
        projects=projects,
        narrative_indicators=narrative_indicators(doc.sections, year=year),
        warnings=tuple(warnings),
    )
