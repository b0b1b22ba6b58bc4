"""What a sample report says, before any layout decides how Word shows it."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

# columns a layout may give an indicator row; any of them may be empty
INDICATOR_FIELDS = (
    "level1", "level2", "name", "description", "value", "basis",
    "nature", "unit", "weight", "score", "standard", "remark", "explain", "fx", "prior", "actual", "deviation",
)


@dataclass
class Indicator:
    """One indicator row; `value` and the texts may hold inline markup (samples/inline.py)."""

    level1: str = ""
    level2: str = ""
    """Empty in a grid without levels (layout h)."""
    name: str = ""
    value: str = ""
    description: str = ""
    basis: str = ""
    nature: str = ""
    unit: str = ""
    weight: str = ""
    score: str = ""
    standard: str = ""
    remark: str = ""
    explain: str = ""
    fx: str = ""
    """Space-separated row features: sdt_row sdt_value grid_before grid_after ragged span12."""
    prior: str = ""
    """A past year's actual value (2022年实际值) printed beside the target."""
    actual: str = ""
    """Self-evaluation: 实际完成值."""
    deviation: str = ""
    """Self-evaluation: 偏差原因分析及改进措施."""

    @classmethod
    def from_row(cls, columns: list[str], row: list[str]) -> "Indicator":
        if len(columns) != len(row):
            raise ValueError(f"indicator row {row!r} does not match columns {columns!r}")
        return cls(**dict(zip(columns, row)))

    def features(self) -> set[str]:
        return set(self.fx.split())


@dataclass
class Project:
    """One project table (or, for layout d, the department as a whole)."""

    name: str
    code: str = ""
    department: str = ""
    unit: str = ""
    total: str = ""
    fiscal: str = ""
    other: str = ""
    """Money in 万元 as written in the table."""
    purpose: str = ""
    plan: list[str] = field(default_factory=list)
    goal: str = ""
    goal_label: str = ""
    tasks: list[list[str]] = field(default_factory=list)
    """Layout d's 年度主要任务 rows: task, content, amount."""
    indicators: list[Indicator] = field(default_factory=list)
    categories: str = "merged"
    """How level1/level2 show below their first row: merged (w:vMerge), blank, repeated."""
    header: list[str] = field(default_factory=list)
    """Grid header labels as typed (layout e's variants); empty = the layout's own."""
    lead: list[str] = field(default_factory=list)
    """Paragraphs written just before this project's table."""
    split_after: int = 0
    """Layout e: continue the grid in a second table after this many indicator rows."""
    goal_midterm: str = ""
    """The mid-term / 实施期 goal beside the annual one."""
    midterm: list[str] = field(default_factory=list)
    """中期资金总额, 其中：财政拨款, 其他资金 as written, beside the annual money."""
    info: list[list[str]] = field(default_factory=list)
    """Other labelled facts a layout prints (label, text): 项目属性, 项目期, 立项依据 …"""
    long_term: list[Indicator] = field(default_factory=list)
    """The mid-term / 长期 indicator block printed beside the annual one, row for row."""
    execution: list[str] = field(default_factory=list)
    """Self-evaluation: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 of 年度资金总额 (万元)."""
    result: str = ""
    """Self-evaluation: 实际完成情况 beside the 预期目标."""
    total_score: str = ""
    grade: str = ""


@dataclass
class Para:
    """A body paragraph; `list` names an automatic-numbering list (samples/numbering.py)."""

    text: str = ""
    style: str | None = None
    list: str | None = None
    level: int = 0
    bookmark: str | None = None
    center: bool = False
    bold: bool = False
    kind: str = "p"
    """p, textbox (text box holding `box`), sdt (block content control)."""
    box: str = ""


@dataclass
class Report:
    layout: str
    file: str
    title: str
    department: str
    year: int
    paragraphs: list[Para] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    closing: list[Para] = field(default_factory=list)
    toc: list[list] = field(default_factory=list)
    """Cached TOC entries: [level, text, bookmark, page]."""
    review: list[list[str]] = field(default_factory=list)
    """Layout f's closing 审核意见 table rows (label, text); "@nested" puts the sign-off table there."""

    def lists(self) -> list[str]:
        """The numbering lists the paragraphs use, in first-use order."""
        keys: list[str] = []
        for para in self.paragraphs + self.closing:
            if para.list and para.list not in keys:
                keys.append(para.list)
            if para.style == "GoalItem" and "plan" not in keys:
                keys.append("plan")
        return keys


def from_dict(data: dict) -> Report:
    """A Report from the TOML tables of samples/data/*.toml."""
    default_columns = data.get("columns", ["level1", "level2", "name", "value", "basis"])
    projects = []
    for raw in data.get("project", []):
        columns = raw.pop("columns", default_columns)
        rows = raw.pop("indicators", [])
        long_term = [Indicator.from_row(columns, r) for r in raw.pop("long_term", [])]
        projects.append(Project(**raw, indicators=[Indicator.from_row(columns, r) for r in rows], long_term=long_term))
    para_names = {f.name for f in fields(Para)}

    def paras(key: str) -> list[Para]:
        return [Para(**{k: v for k, v in p.items() if k in para_names}) for p in data.get(key, [])]

    return Report(
        layout=data["layout"], file=data["file"], title=data["title"], department=data["department"],
        year=data["year"], paragraphs=paras("paragraph"), projects=projects, closing=paras("closing"),
        toc=data.get("toc", []), review=data.get("review", []),
    )
