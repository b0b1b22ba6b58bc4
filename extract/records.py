"""The parts of a performance report as the extract stage finds them, text as written.

Field names follow the output contract (docs/output-contract.md). Values here
are raw strings; `normalize` types them.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.model import Location, Warning


@dataclass(frozen=True, slots=True)
class Source:
    """The file a document came from."""

    file: str
    """File name (no folder), as in the contract."""
    sha256: str
    bytes: int
    path: str = ""
    """The path it was read from (not part of the contract; used for messages)."""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Title, department and fiscal year of a report."""

    title: str | None
    department: str | None
    fiscal_year: int | None
    report_kind: str = "targets"
    """"targets" (绩效目标表) or "self_evaluation" (绩效自评表)."""


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered heading or numbered paragraph of the goals text."""

    path: str
    """Position in the tree from the nesting: "1", "1.1", "2" ..."""
    level: int
    """1 is the top."""
    label: str
    """The number as a reader sees it: "1、", "（一）", "①"."""
    title: str
    """Heading text, up to the first 。 for a run-in heading."""
    text: str
    """The whole paragraph without its label."""
    body: tuple[str, ...] = ()
    """Unnumbered paragraphs that follow it up to the next section (not in the
    contract's JSON; normalize reads narrative indicators from them)."""


@dataclass(frozen=True, slots=True)
class RawIndicator:
    """One row of a project's indicator grid, as written (categories filled down)."""

    level1: str | None
    level2: str | None
    name: str | None
    description: str | None
    raw: str
    """The 指标值 cell, trimmed; "" when the cell is empty."""
    basis: str | None
    location: Location
    nature: str | None = None
    """Layout (c): the 指标性质 column (≥ ≤ = 定性)."""
    unit: str | None = None
    """Layout (c): the 度量单位 column."""
    extra: tuple[tuple[str, str], ...] = ()
    """Other columns (备注 ...) as (header, text), kept out of the value."""
    weight: str | None = None
    """The 权重 / 指标权重 / 分值 column as written."""
    actual: str | None = None
    """Self-evaluation: the 实际完成值 / 完成值 cell as written; None in a targets table."""
    score: str | None = None
    """Self-evaluation: the 得分 cell as written."""
    deviation: str | None = None
    """Self-evaluation: 偏差原因分析及改进措施 / 未完成原因分析 as written."""


@dataclass(frozen=True, slots=True)
class RawExecution:
    """A self-evaluation's budget execution block, cells as written (usually 万元)."""

    budget_initial: str | None
    """年初预算数."""
    budget_adjusted: str | None
    """全年预算数 / 调整后预算数."""
    executed: str | None
    """全年执行数."""
    rate: str | None
    """执行率."""
    weight: str | None
    score: str | None
    unit: str | None = None
    """Money unit from the labels (万元), or None."""


@dataclass(frozen=True, slots=True)
class RawProject:
    """One project's table: identity, money and plan as written, and its indicator rows."""

    code: str | None
    name: str | None
    department: str | None
    purpose: str | None
    goal: str | None
    budget_total: str | None
    """年度资金总额 cell as written (usually 万元)."""
    budget_fiscal: str | None
    """其中：财政拨款 cell as written."""
    budget_other: str | None
    """其他资金 cell as written."""
    budget_unit: str | None
    """Unit the budget cells are in, from their labels (e.g. "万元"), or None."""
    spending_plan: tuple[str | None, str | None, str | None, str | None]
    """第一季度 .. 第四季度 cells as written (cumulative percent)."""
    indicators: tuple[RawIndicator, ...]
    table: int
    """Index of the (first) table the project was read from."""
    layout: str
    """Which template was recognised: "seed", "mof", "budget_system", "department", ..."""
    long_term_indicators: tuple[RawIndicator, ...] = ()
    """The 中期 / 实施期 / 长期 block of a table that also has an annual one."""
    budget_midterm: str | None = None
    """中期资金总额 as written, beside the annual 年度资金总额."""
    execution: RawExecution | None = None
    """Self-evaluation: the budget execution block (年初预算数 … 执行率)."""
    total_score: str | None = None
    """Self-evaluation: 总分 as written."""
    grade: str | None = None
    """Self-evaluation: 评价等级 (优 良 中 差) as written."""


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """Everything the extract stage read from one file."""

    source: Source
    document: DocumentInfo
    sections: tuple[Section, ...]
    projects: tuple[RawProject, ...]
    warnings: tuple[Warning, ...]
