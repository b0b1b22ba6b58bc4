"""The views BI tools read, column by column: names, types and meanings.

The view SQL itself is frozen in the migrations; this catalog is what `export`
selects (so every engine yields the same Python types), and with the tables'
`doc=` strings what the reference part of docs/database.md is generated from
(`python -m jixiao.load.catalog docs/database.md`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from jixiao.load.schema import metadata

__all__ = ["ViewColumn", "View", "VIEWS", "view", "type_name", "markdown", "update_docs"]


@dataclass(frozen=True, slots=True)
class ViewColumn:
    """One column of a view."""

    name: str
    type: sa.types.TypeEngine[object]
    meaning: str


@dataclass(frozen=True, slots=True)
class View:
    """A view over the current versions, with its columns in order."""

    name: str
    meaning: str
    columns: tuple[ViewColumn, ...]
    order_by: tuple[str, ...]

    def table(self) -> sa.TableClause:
        """A Core selectable with the catalog's types, so results convert alike on every engine."""
        return sa.table(self.name, *(sa.column(c.name, c.type) for c in self.columns))

    def select(self) -> sa.Select[tuple[object, ...]]:
        t = self.table()
        return sa.select(*t.c).order_by(*(t.c[name] for name in self.order_by))


_INT, _TEXT, _NUM, _DATE, _BOOL = sa.Integer(), sa.Text(), sa.Double(), sa.Date(), sa.Boolean()
_TIME = sa.DateTime()


def _c(name: str, type_: sa.types.TypeEngine[object], meaning: str) -> ViewColumn:
    return ViewColumn(name, type_, meaning)


_DOCUMENT = (
    _c("document_id", _INT, "Document version (documents.id)."),
    _c("document_key", _TEXT, "Identity of the document across revisions."),
    _c("version", _INT, "Current version number of the key (1, 2, ...)."),
    _c("doc_kind", _TEXT, "Kind of report from its title (department_overall, project, ...), or empty."),
    _c("department", _TEXT, "Department the report is for (from the document)."),
    _c("fiscal_year", _INT, "Budget year."),
    _c("title", _TEXT, "Report title."),
    _c("source_file", _TEXT, "File name the version was read from."),
)

_PROJECT = (
    _c("project_id", _INT, "Project (projects.id)."),
    _c("project_ordinal", _INT, "Position of the project in the document, from 1."),
    _c("project_code", _TEXT, "Project code (项目编码) as written."),
    _c("project_name", _TEXT, "Project name."),
    _c("project_department", _TEXT, "Department named in the project table (may differ from department)."),
)

_VALUE = (
    _c("kind", _TEXT, "number, percent, date, text or empty."),
    _c("op", _TEXT, "Comparator: =, >=, <=, >, <, ~ (about) or range; empty for text."),
    _c("value", _NUM, "The number: percent as 95 (not 0.95), money in yuan."),
    _c("value_max", _NUM, "Upper bound when op is range."),
    _c("unit", _TEXT, "Unit as written (%, 个, 万元 ...)."),
    _c("scale", _NUM, "Multiplier a scale word applied (万 → 10000); 1 when none."),
    _c("date", _DATE, "For kind date: last day of the period named."),
)

# A self-evaluation's result of an indicator; NULL in a targets report.
_ACTUAL = (
    _c("actual_raw", _TEXT, "Self-evaluation: the 实际完成值 cell as written ('' when left blank)."),
    _c("actual_kind", _TEXT, "number, percent, date, text, status (a completion word) or empty."),
    _c("actual_op", _TEXT, "The actual's comparator."),
    _c("actual_value", _NUM, "The actual's number; for status 1 done, 0.5 partly, 0 not done."),
    _c("actual_value_max", _NUM, "Upper bound when the actual is a range."),
    _c("actual_unit", _TEXT, "The actual's unit."),
    _c("actual_scale", _NUM, "The actual's scale word factor."),
    _c("actual_date", _DATE, "For an actual of kind date: the date achieved."),
)
_RESULT = (
    _c("weight", _NUM, "权重 / 分值: the points the indicator is worth."),
    _c("score", _NUM, "Self-evaluation: 得分, the points it got."),
    _c("deviation", _TEXT, "Self-evaluation: the reason for a shortfall (偏差原因分析) as written."),
    _c("met", _BOOL, "Self-evaluation: the actual meets the target's comparator; empty when it cannot be told."),
    _c("achievement", _NUM, "Self-evaluation: actual / target where both are numbers in one unit (1.0 = on target)."),
)
_PAIR_ACTUAL = tuple(c for c in _ACTUAL if c.name not in ("actual_value_max", "actual_scale"))

VIEWS: tuple[View, ...] = (
    View(
        "v_documents", "Current version of every document key, with row counts.",
        (
            *_DOCUMENT,
            _c("sha256", _TEXT, "SHA-256 of the file (hex)."),
            _c("bytes", _INT, "File size."),
            _c("ingested_at", _TIME, "When this version was written (UTC)."),
            _c("parser_version", _TEXT, "jixiao version that read the file."),
            _c("n_versions", _INT, "How many versions of the key exist."),
            _c("n_projects", _INT, "Projects in the document."),
            _c("n_indicators", _INT, "Indicators in the document."),
            _c("n_narrative_indicators", _INT, "Targets found in the goals text."),
            _c("n_warnings", _INT, "Warnings raised while reading it."),
            _c("n_untyped", _INT, "Values left untyped (need a human look)."),
        ),
        ("document_id",),
    ),
    View(
        "v_projects", "Projects of the current versions, one row per project.",
        (
            *_DOCUMENT, *_PROJECT,
            _c("budget_total", _NUM, "Annual funds, total, in yuan."),
            _c("budget_fiscal", _NUM, "Of which fiscal appropriation (财政拨款), in yuan."),
            _c("budget_other", _NUM, "Other funds, in yuan."),
            _c("spending_plan_q1", _NUM, "Cumulative percent of the budget spent by the end of Q1."),
            _c("spending_plan_q2", _NUM, "... by the end of Q2."),
            _c("spending_plan_q3", _NUM, "... by the end of Q3."),
            _c("spending_plan_q4", _NUM, "... by the end of Q4."),
            _c("purpose", _TEXT, "Purpose text."),
            _c("goal", _TEXT, "Annual goal text."),
            _c("n_indicators", _INT, "Indicator rows of the project."),
            _c("budget_midterm", _NUM, "Mid-term funds (中期资金总额) in yuan, where the table prints them."),
        ),
        ("document_id", "project_ordinal"),
    ),
    View(
        "v_indicators", "Indicators of the current versions, one row per indicator: the table a BI tool starts from.",
        (
            *_DOCUMENT, *_PROJECT,
            _c("indicator_id", _INT, "Indicator (indicators.id)."),
            _c("indicator_ordinal", _INT, "Position of the indicator in its project, from 1."),
            _c("level1", _TEXT, "一级指标 as written."),
            _c("level1_code", _TEXT, "output, cost, benefit or satisfaction."),
            _c("level2", _TEXT, "二级指标 as written."),
            _c("level2_code", _TEXT, "quantity, quality, timeliness, cost, economic_cost, social_cost, "
                                     "ecological_cost, economic, social, ecological, sustainable, satisfaction."),
            _c("indicator_name", _TEXT, "三级指标: the indicator's name."),
            _c("description", _TEXT, "Indicator description, if the table has one."),
            _c("raw", _TEXT, "The value cell exactly as written."),
            *_VALUE,
            _c("basis", _TEXT, "Basis for the target value."),
            _c("location_table", _INT, "Table index in the document, from 0."),
            _c("location_row", _INT, "Row index in that table, from 0."),
            _c("report_kind", _TEXT, "targets (绩效目标表) or self_evaluation (绩效自评表)."),
            *_ACTUAL, *_RESULT,
        ),
        ("document_id", "project_ordinal", "indicator_ordinal"),
    ),
    View(
        "v_long_term_indicators",
        "The mid-term (中期 / 实施期 / 长期) block of the current versions' grids, kept apart from v_indicators.",
        (
            *_DOCUMENT, *_PROJECT,
            _c("indicator_id", _INT, "Indicator (long_term_indicators.id)."),
            _c("indicator_ordinal", _INT, "Position of the indicator in its project's mid-term block, from 1."),
            _c("level1", _TEXT, "一级指标 as written."),
            _c("level1_code", _TEXT, "output, cost, benefit or satisfaction."),
            _c("level2", _TEXT, "二级指标 as written."),
            _c("level2_code", _TEXT, "As in v_indicators."),
            _c("indicator_name", _TEXT, "三级指标: the indicator's name."),
            _c("description", _TEXT, "Indicator description, if the table has one."),
            _c("raw", _TEXT, "The value cell exactly as written."),
            *_VALUE,
            _c("basis", _TEXT, "Basis for the target value."),
            _c("weight", _NUM, "权重 / 分值 of the indicator."),
            _c("location_table", _INT, "Table index in the document, from 0."),
            _c("location_row", _INT, "Row index in that table, from 0."),
        ),
        ("document_id", "project_ordinal", "indicator_ordinal"),
    ),
    View(
        "v_narrative_indicators", "Targets stated in the goals text of the current versions.",
        (
            *_DOCUMENT,
            _c("narrative_id", _INT, "Row (narrative_indicators.id)."),
            _c("narrative_ordinal", _INT, "Position in the document, from 1."),
            _c("section", _TEXT, "Section the sentence is in."),
            _c("text", _TEXT, "The sentence stating the target."),
            _c("name", _TEXT, "What is measured."),
            *_VALUE,
        ),
        ("document_id", "narrative_ordinal"),
    ),
    View(
        "v_warnings", "Warnings of the current versions: what a human should look at, and where.",
        (
            *_DOCUMENT,
            _c("warning_ordinal", _INT, "Position in the document's warnings, from 1."),
            _c("code", _TEXT, "value_unparsed, label_unknown, table_unrecognised ..."),
            _c("message", _TEXT, "What to look at, in words."),
            _c("location_table", _INT, "Table index in the document, from 0."),
            _c("location_row", _INT, "Row index in that table, from 0."),
        ),
        ("document_id", "warning_ordinal"),
    ),
    View(
        "v_target_vs_actual",
        "Each year's targets beside the same project's self-evaluation, one row per indicator: paired by "
        "fiscal year, project (code when both have one, else department and folded name) and folded "
        "indicator name; `missing` says which side has no partner.",
        (
            _c("fiscal_year", _INT, "Budget year."),
            _c("department", _TEXT, "Department of the report."),
            _c("project_code", _TEXT, "Project code (项目编码)."),
            _c("project_name", _TEXT, "Project name."),
            _c("indicator_name", _TEXT, "三级指标."),
            _c("level1_code", _TEXT, "output, cost, benefit or satisfaction."),
            _c("level2_code", _TEXT, "quantity, quality, timeliness, cost ..."),
            _c("targets_document_id", _INT, "The targets report (documents.id); empty when missing."),
            _c("self_evaluation_document_id", _INT, "The self-evaluation (documents.id); empty when missing."),
            _c("target_raw", _TEXT, "The target as the targets report writes it (else as the self-evaluation restates it)."),
            _c("target_kind", _TEXT, "number, percent, date, text, status or empty."),
            _c("target_op", _TEXT, "The target's comparator."),
            _c("target_value", _NUM, "The target's number."),
            _c("target_value_max", _NUM, "Upper bound of a range target."),
            _c("target_unit", _TEXT, "The target's unit."),
            _c("target_date", _DATE, "For a date target: the deadline."),
            _c("self_evaluation_target_raw", _TEXT, "The target as the self-evaluation restates it (年度指标值)."),
            *_PAIR_ACTUAL, *_RESULT,
            _c("missing", _TEXT, "self_evaluation: no result found for this target; targets: a result "
                                 "with no target found; empty when both sides are there."),
        ),
        ("fiscal_year", "department", "project_name", "indicator_name"),
    ),
    View(
        "v_budget_execution", "Budget execution of each project of the current self-evaluations: money in yuan.",
        (
            *_DOCUMENT, *_PROJECT,
            _c("budget_total", _NUM, "年度资金总额 as the self-evaluation prints it, in yuan."),
            _c("budget_initial", _NUM, "年初预算数, in yuan."),
            _c("budget_adjusted", _NUM, "全年预算数 / 调整后预算数, in yuan."),
            _c("executed", _NUM, "全年执行数, in yuan."),
            _c("rate", _NUM, "执行率 in percent (as printed, else executed / adjusted)."),
            _c("unspent", _NUM, "Adjusted (else initial) budget minus executed, in yuan."),
            _c("weight", _NUM, "The execution rate's 分值 / 权重 (usually 10)."),
            _c("score", _NUM, "The execution rate's 得分."),
            _c("total_score", _NUM, "The project's 总分."),
            _c("grade", _TEXT, "评价等级 (优 良 中 差) as written."),
        ),
        ("document_id", "project_ordinal")
    ),
    View(
        "v_findings", "Review findings of the current versions (绩效目标审核): which rule a project breaks, and where.",
        (
            *_DOCUMENT,
            _c("finding_ordinal", _INT, "Position in the document's findings, from 1."),
            _c("rule_id", _TEXT, "Rule of the review table (COMP-05, CONS-03 ...)."),
            _c("severity", _TEXT, "error (send the project back), warning or notice."),
            _c("check_name", _TEXT, "The check the rule runs."),
            _c("message", _TEXT, "What to fix, in Chinese, for the clerk."),
            _c("message_en", _TEXT, "The same in English."),
            _c("project_ordinal", _INT, "Position of the project in the document, from 1; empty for the document."),
            _c("project_code", _TEXT, "Project code (项目编码) as written."),
            _c("project_name", _TEXT, "Project name."),
            _c("indicator_name", _TEXT, "三级指标 the finding is about; empty for a project finding."),
            _c("raw", _TEXT, "That indicator's value as written."),
            _c("location_table", _INT, "Table index in the document, from 0."),
            _c("location_row", _INT, "Row index in that table, from 0."),
            _c("rules_digest", _TEXT, "Digest of the rule table that found it (changes with the rules)."),
            _c("reviewed_at", _TIME, "When the review ran (UTC)."),
        ),
        ("document_id", "finding_ordinal"),
    ),
)

_BY_NAME = {v.name: v for v in VIEWS}


def view(name: str) -> View:
    return _BY_NAME[name]


def type_name(t: sa.types.TypeEngine[object]) -> str:
    """The type as docs/database.md names it."""
    for cls, name in ((sa.DateTime, "timestamp (UTC)"), (sa.Date, "date"), (sa.Double, "double"),
                      (sa.Boolean, "boolean"), (sa.Integer, "integer")):
        if isinstance(t, cls):
            return name
    if isinstance(t, sa.String):
        return f"varchar({t.length})" if t.length else "text"
    return str(t).lower()


def _keys(table: sa.Table) -> list[str]:
    """Primary key, unique constraints, foreign keys and indexes of a table, one line each."""
    cols = lambda c: ", ".join(x.name for x in c.columns)  # noqa: E731
    lines = [f"primary key ({cols(table.primary_key)})"]
    for c in sorted(table.constraints, key=lambda c: str(c.name)):
        if isinstance(c, sa.UniqueConstraint) and not isinstance(c, sa.PrimaryKeyConstraint):
            lines.append(f"unique ({cols(c)})")
        elif isinstance(c, sa.ForeignKeyConstraint):
            target = ", ".join(e.target_fullname for e in c.elements)
            on_delete = f" on delete {c.ondelete.lower()}" if c.ondelete else ""
            lines.append(f"foreign key ({cols(c)}) → {target}{on_delete}")
    lines += [f"index ({', '.join(x.name for x in i.columns)})" for i in sorted(table.indexes, key=lambda i: str(i.name))]
    return lines


def markdown() -> str:
    """The reference part of docs/database.md, generated so it never drifts from the code."""
    out: list[str] = ["## Views", ""]
    for v in VIEWS:
        out += [f"### `{v.name}`", "", v.meaning, "", "| column | type | meaning |", "|---|---|---|"]
        out += [f"| `{c.name}` | {type_name(c.type)} | {c.meaning} |" for c in v.columns]
        out.append("")
    out += ["## Tables", ""]
    for name in TABLE_ORDER:
        table = metadata.tables[name]
        out += [f"### `{name}`", "", "| column | type | null | meaning |", "|---|---|---|---|"]
        out += [f"| `{c.name}` | {type_name(c.type)} | {'yes' if c.nullable else 'no'} | {c.doc or ''} |"
                for c in table.columns]
        out += ["", *(f"- {line}" for line in _keys(table)), ""]
    return "\n".join(out)


TABLE_ORDER = ("documents", "current_documents", "sections", "projects", "indicators", "long_term_indicators",
               "narrative_indicators",
               "warnings", "ingest_log", "version_log", "findings")
START, END = "<!-- generated by `python -m jixiao.load.catalog docs/database.md`: start -->", "<!-- generated: end -->"


def update_docs(path: Path) -> bool:
    """Rewrite the generated block of a Markdown file; True when it changed."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}\n\n{markdown()}\n{END}{tail}"
    path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    if len(sys.argv) > 1:
        update_docs(Path(sys.argv[1]))
    else:
        print(markdown())
