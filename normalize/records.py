"""Typed records of a report: the output contract (schema_version 1) as frozen dataclasses.

`normalize.contract` turns them into the contract's JSON; `load` writes them to
the database. Money is in yuan; percentages are numbers of percent (95, not 0.95).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeAlias

from jixiao.extract.model import Location, Warning
from jixiao.extract.records import DocumentInfo, Section, Source

__all__ = [
    "SCHEMA_VERSION", "Kind", "Op", "Level1Code", "Level2Code", "ParsedValue",
    "Indicator", "Execution", "SpendingPlan", "Project", "NarrativeIndicator", "Report",
    "Location", "Warning", "DocumentInfo", "Section", "Source",
]

SCHEMA_VERSION = 1

Kind: TypeAlias = Literal["number", "percent", "date", "text", "empty", "status"]
"""`status`: a completion word (已完成, 达到预期, 未完成); `value` 1 done, 0.5 partly, 0 not done."""
Op: TypeAlias = Literal["=", ">=", "<=", ">", "<", "~", "range"]
Level1Code: TypeAlias = Literal["output", "cost", "benefit", "satisfaction"]
Level2Code: TypeAlias = Literal[
    "quantity", "quality", "timeliness", "cost",
    "economic_cost", "social_cost", "ecological_cost",
    "economic", "social", "ecological", "sustainable", "satisfaction",
]
Number: TypeAlias = int | float


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """A typed reading of one written value; `raw` keeps the text as written."""

    raw: str
    kind: Kind
    op: Op | None = None
    value: Number | None = None
    value_max: Number | None = None
    """Upper bound of a range (op "range"); None otherwise."""
    unit: str | None = None
    scale: Number | None = None
    """Multiplier a scale word applied (万 → 10000); 1 when none; None when no number."""
    date: dt.date | None = None
    """For kind "date": the last day of the period the text names."""


@dataclass(frozen=True, slots=True)
class Indicator:
    """One typed indicator row of a project."""

    level1: str | None
    level1_code: Level1Code | None
    level2: str | None
    level2_code: Level2Code | None
    name: str | None
    description: str | None
    raw: str
    kind: Kind
    op: Op | None
    value: Number | None
    value_max: Number | None
    unit: str | None
    scale: Number | None
    date: dt.date | None
    basis: str | None
    location: Location
    weight: Number | None = None
    """权重 / 分值 column (points or percent, as printed)."""
    actual: ParsedValue | None = None
    """Self-evaluation: what was achieved, typed like the target; None in a targets report."""
    score: Number | None = None
    """Self-evaluation: 得分."""
    deviation: str | None = None
    """Self-evaluation: the reason for a shortfall, as written."""
    met: bool | None = None
    """Self-evaluation: the actual meets the target's comparator; None when it cannot be told."""
    achievement: float | None = None
    """Self-evaluation: actual / target where both are numbers in the same unit."""


@dataclass(frozen=True, slots=True)
class Execution:
    """A self-evaluation's budget execution: money in yuan, rate in percent."""

    budget_initial: float | None
    budget_adjusted: float | None
    executed: float | None
    rate: float | None
    weight: Number | None
    score: Number | None


@dataclass(frozen=True, slots=True)
class SpendingPlan:
    """Cumulative percent of the budget spent by the end of each quarter."""

    q1: float | None
    q2: float | None
    q3: float | None
    q4: float | None


@dataclass(frozen=True, slots=True)
class Project:
    """One project (or a department's whole-spending table read as one project)."""

    code: str | None
    name: str | None
    department: str | None
    budget_total: float | None
    budget_fiscal: float | None
    budget_other: float | None
    spending_plan: SpendingPlan
    purpose: str | None
    goal: str | None
    indicators: tuple[Indicator, ...]
    long_term_indicators: tuple[Indicator, ...] = ()
    """The 中期 / 实施期 / 长期 block, kept apart from the annual indicators."""
    budget_midterm: float | None = None
    """中期资金总额 in yuan."""
    execution: Execution | None = None
    """Self-evaluation: budget execution; None in a targets report."""
    total_score: Number | None = None
    grade: str | None = None
    """Self-evaluation: 优 良 中 差 where printed."""


@dataclass(frozen=True, slots=True)
class NarrativeIndicator:
    """A measurable target stated in the goals text."""

    section: str | None
    text: str
    name: str | None
    kind: Kind
    op: Op | None
    value: Number | None
    value_max: Number | None
    unit: str | None
    scale: Number | None
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class Report:
    """One document, typed: the whole output contract."""

    source: Source
    document: DocumentInfo
    sections: tuple[Section, ...]
    projects: tuple[Project, ...]
    narrative_indicators: tuple[NarrativeIndicator, ...]
    warnings: tuple[Warning, ...]
    schema_version: int = SCHEMA_VERSION
