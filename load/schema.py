"""The relational schema: one table per record of the output contract, plus versioning and the ingest log.

This is the live model; `load/migrations/` holds the frozen DDL that creates it
(tests/load checks that the two agree on every engine). Column `doc=` strings
feed docs/database.md.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

__all__ = [
    "metadata", "documents", "current_documents", "sections", "projects", "indicators", "long_term_indicators",
    "narrative_indicators", "warnings", "ingest_log", "version_log", "findings", "LongText", "STATUSES",
    "VERSION_ACTIONS",
]

# Constraint names are spelled out so every engine (and Alembic) agrees on them.
NAMING = {
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
}
metadata = sa.MetaData(naming_convention=NAMING)

# MariaDB's TEXT holds only 64 KB; a long goals paragraph must not fail there alone.
LongText = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")

# utf8mb4 so Chinese (and anything outside the BMP) survives; binary collation so
# equality and uniqueness mean the same as on PostgreSQL and SQLite.
MYSQL_OPTIONS = {"mysql_engine": "InnoDB", "mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_bin"}

STATUSES = ("loaded", "unchanged", "failed")
VERSION_ACTIONS = ("supersede", "hold", "restore")


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True, doc="Surrogate key.")


def _document_fk() -> sa.Column[int]:
    return sa.Column(
        "document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
        doc="The document version this row belongs to (documents.id).",
    )


def _project_fk() -> sa.Column[int]:
    return sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False,
                     doc="The project (projects.id).")


def _target_columns() -> list[sa.Column[object]]:
    """An indicator's categories, name and typed target, as indicators and long_term_indicators hold them."""
    return [
        sa.Column("level1", LongText, doc="一级指标 as written."),
        sa.Column("level1_code", sa.String(32), doc="output, cost, benefit or satisfaction."),
        sa.Column("level2", LongText, doc="二级指标 as written."),
        sa.Column("level2_code", sa.String(32), doc="quantity, quality, timeliness, cost, economic, social ..."),
        sa.Column("name", LongText, doc="三级指标: the indicator's name."),
        sa.Column("description", LongText, doc="Indicator description (指标解释), if the table has one."),
        sa.Column("raw", LongText, nullable=False, doc="The value cell exactly as written."),
        *_value_columns(),
        sa.Column("basis", LongText, doc="Basis for the target value (指标值确定依据)."),
    ]


def _ordinal(what: str) -> sa.Column[int]:
    return sa.Column("ordinal", sa.Integer, nullable=False, doc=f"Position of the {what}, from 1, in reading order.")


def _value_columns() -> list[sa.Column[object]]:
    """The typed reading of a value, as `normalize.records.ParsedValue` has it."""
    return [
        sa.Column("kind", sa.String(16), nullable=False, doc="number, percent, date, text or empty."),
        sa.Column("op", sa.String(8), doc="Comparator: =, >=, <=, >, <, ~ (about) or range; NULL for text."),
        sa.Column("value", sa.Double, doc="The number (percent as 95, not 0.95; money in yuan after scale)."),
        sa.Column("value_max", sa.Double, doc="Upper bound when op is range."),
        sa.Column("unit", sa.String(64), doc="Unit as written after the number (%, 个, 万元 ...)."),
        sa.Column("scale", sa.Double, doc="Multiplier a scale word applied (万 → 10000); 1 when none."),
        sa.Column("date", sa.Date, doc="For kind date: the last day of the period the text names."),
    ]


def _result_columns() -> list[sa.Column[object]]:
    """A self-evaluation's result of one indicator (NULL in a targets report), and its pairing key."""
    return [
        sa.Column("actual_raw", LongText, doc="Self-evaluation: the 实际完成值 cell as written ('' when blank)."),
        sa.Column("actual_kind", sa.String(16), doc="How the actual was read: number, percent, date, text, status or empty."),
        sa.Column("actual_op", sa.String(8), doc="The actual's comparator, as for op."),
        sa.Column("actual_value", sa.Double, doc="The actual's number (status: 1 done, 0.5 partly, 0 not done)."),
        sa.Column("actual_value_max", sa.Double, doc="Upper bound when the actual is a range."),
        sa.Column("actual_unit", sa.String(64), doc="The actual's unit."),
        sa.Column("actual_scale", sa.Double, doc="The actual's scale word factor."),
        sa.Column("actual_date", sa.Date, doc="For an actual of kind date: the date achieved."),
        sa.Column("weight", sa.Double, doc="权重 / 分值: the points (or percent) the indicator is worth."),
        sa.Column("score", sa.Double, doc="Self-evaluation: 得分, the points it got."),
        sa.Column("deviation", LongText, doc="Self-evaluation: 偏差原因分析 / 未完成原因分析 as written."),
        sa.Column("met", sa.Boolean, doc="Self-evaluation: the actual meets the target; NULL when it cannot be told."),
        sa.Column("achievement", sa.Double, doc="Self-evaluation: actual / target where both are numbers in one unit."),
        sa.Column("match_name", LongText, doc="The name folded for pairing targets with results (v_target_vs_actual)."),
    ]


def _execution_columns() -> list[sa.Column[object]]:
    """A self-evaluation's budget execution of one project (NULL in a targets report), and its pairing key."""
    return [
        sa.Column("execution_budget_initial", sa.Double, doc="Self-evaluation: 年初预算数, in yuan."),
        sa.Column("execution_budget_adjusted", sa.Double, doc="Self-evaluation: 全年预算数 / 调整后预算数, in yuan."),
        sa.Column("execution_executed", sa.Double, doc="Self-evaluation: 全年执行数, in yuan."),
        sa.Column("execution_rate", sa.Double, doc="Self-evaluation: 执行率, in percent."),
        sa.Column("execution_weight", sa.Double, doc="Self-evaluation: the execution rate's 分值 / 权重."),
        sa.Column("execution_score", sa.Double, doc="Self-evaluation: the execution rate's 得分."),
        sa.Column("total_score", sa.Double, doc="Self-evaluation: 总分."),
        sa.Column("grade", sa.String(16), doc="Self-evaluation: 评价等级 (优 良 中 差) as written."),
        sa.Column("match_name", LongText,
                  doc="Department and project name folded, for pairing targets with results without a code."),
    ]


documents = sa.Table(
    "documents", metadata,
    _id(),
    sa.Column("document_key", sa.String(255), nullable=False,
              doc="Identity across revisions: department/fiscal year/kind, else the file stem, or --key; "
                  "a second, different report of the same base key gets base_key/its file name."),
    sa.Column("base_key", sa.String(255), nullable=False,
              doc="department/fiscal year/kind (else the file stem, or --key): the documents a new file is "
                  "compared with to decide whether it revises one of them."),
    sa.Column("version", sa.Integer, nullable=False, doc="1 for the first ingest of the key, then 2, 3 ..."),
    sa.Column("is_current", sa.Boolean, nullable=False,
              doc="True for the key's current version (mirrors current_documents)."),
    sa.Column("doc_kind", sa.String(32), doc="Kind of report read from the title (department_overall, project ...)."),
    sa.Column("source_file", sa.String(255), nullable=False, doc="File name, without folder."),
    sa.Column("source_path", LongText, nullable=False, doc="Path the file was ingested from."),
    sa.Column("sha256", sa.String(64), nullable=False, doc="SHA-256 of the file's bytes (hex)."),
    sa.Column("content_sha256", sa.String(64),
              doc="SHA-256 of what was read (the output contract without its source): tells whether re-reading "
                  "an identical file with a newer parser changed anything. NULL for versions loaded before 0002."),
    sa.Column("bytes", sa.BigInteger, nullable=False, doc="File size."),
    sa.Column("title", LongText, doc="Report title."),
    sa.Column("department", sa.String(255), doc="Department (部门) the report is for."),
    sa.Column("fiscal_year", sa.Integer, doc="Budget year."),
    sa.Column("schema_version", sa.Integer, nullable=False, doc="Output-contract version of the records."),
    sa.Column("parser_version", sa.String(32), nullable=False, doc="jixiao version that read the file."),
    sa.Column("run_id", sa.String(32), nullable=False, doc="Ingest run that wrote this version (ingest_log.run_id)."),
    sa.Column("ingested_at", sa.DateTime, nullable=False, doc="When this version was written (UTC)."),
    sa.Column("superseded_at", sa.DateTime, doc="When a newer version replaced it (UTC); NULL while current."),
    sa.Column("n_sections", sa.Integer, nullable=False, doc="Rows written to sections."),
    sa.Column("n_projects", sa.Integer, nullable=False, doc="Rows written to projects."),
    sa.Column("n_indicators", sa.Integer, nullable=False, doc="Rows written to indicators."),
    sa.Column("n_narrative_indicators", sa.Integer, nullable=False, doc="Rows written to narrative_indicators."),
    sa.Column("n_warnings", sa.Integer, nullable=False, doc="Rows written to warnings."),
    sa.Column("n_untyped", sa.Integer, nullable=False, doc="Values left untyped (value_unparsed warnings)."),
    sa.Column("report_kind", sa.String(32), nullable=False, server_default="targets",
              doc="targets (绩效目标表) or self_evaluation (绩效自评表)."),
    sa.UniqueConstraint("document_key", "version"),
    sa.UniqueConstraint("id", "document_key"),
    sa.CheckConstraint("version >= 1", name="version_positive"),
    sa.Index(None, "department"),
    sa.Index(None, "fiscal_year"),
    sa.Index(None, "base_key"),
    sa.Index(None, "document_key", "sha256"),
    sa.Index(None, "report_kind"),
    **MYSQL_OPTIONS,
)

current_documents = sa.Table(
    "current_documents", metadata,
    sa.Column("document_key", sa.String(255), primary_key=True, doc="One row per key: the key's only current version."),
    sa.Column("document_id", sa.Integer, nullable=False, doc="documents.id of the current version."),
    sa.Column("changed_at", sa.DateTime, nullable=False, doc="When the pointer last moved (UTC)."),
    # The pointer can only name a document of the same key.
    sa.ForeignKeyConstraint(["document_id", "document_key"], ["documents.id", "documents.document_key"]),
    sa.UniqueConstraint("document_id", "document_key"),
    **MYSQL_OPTIONS,
)

sections = sa.Table(
    "sections", metadata,
    _id(), _document_fk(), _ordinal("section"),
    sa.Column("path", sa.String(64), nullable=False, doc='Position in the heading tree: "1", "1.1", "2" ...'),
    sa.Column("level", sa.Integer, nullable=False, doc="Depth, 1 is the top."),
    sa.Column("label", sa.String(64), nullable=False, doc='The number as written: "1、", "（一）", "①".'),
    sa.Column("title", LongText, nullable=False, doc="Heading text."),
    sa.Column("text", LongText, nullable=False, doc="Whole paragraph without its label."),
    sa.UniqueConstraint("document_id", "ordinal"),
    **MYSQL_OPTIONS,
)

projects = sa.Table(
    "projects", metadata,
    _id(), _document_fk(), _ordinal("project in the document"),
    sa.Column("code", sa.String(100), doc="Project code (项目编码) as written."),
    sa.Column("name", LongText, doc="Project name."),
    sa.Column("department", sa.String(255), doc="Department named in the project table."),
    sa.Column("budget_total", sa.Double, doc="Annual funds, total, in yuan."),
    sa.Column("budget_fiscal", sa.Double, doc="Of which fiscal appropriation (财政拨款), in yuan."),
    sa.Column("budget_other", sa.Double, doc="Other funds, in yuan."),
    sa.Column("spending_plan_q1", sa.Double, doc="Cumulative percent of the budget spent by the end of Q1."),
    sa.Column("spending_plan_q2", sa.Double, doc="... by the end of Q2."),
    sa.Column("spending_plan_q3", sa.Double, doc="... by the end of Q3."),
    sa.Column("spending_plan_q4", sa.Double, doc="... by the end of Q4."),
    sa.Column("purpose", LongText, doc="Purpose text (立项依据/用途)."),
    sa.Column("goal", LongText, doc="Annual goal text."),
    sa.Column("n_indicators", sa.Integer, nullable=False, doc="Indicator rows of the project."),
    *_execution_columns(),
    sa.Column("budget_midterm", sa.Double,
              doc="Mid-term funds (中期资金总额) in yuan, where the table prints them beside the annual ones."),
    sa.UniqueConstraint("document_id", "ordinal"),
    sa.Index(None, "code"),
    **MYSQL_OPTIONS,
)

indicators = sa.Table(
    "indicators", metadata,
    _id(), _document_fk(), _project_fk(), _ordinal("indicator in its project"),
    *_target_columns(),
    sa.Column("location_table", sa.Integer, doc="Table index in the document, from 0."),
    sa.Column("location_row", sa.Integer, doc="Row index in that table's grid, from 0."),
    *_result_columns(),
    sa.UniqueConstraint("project_id", "ordinal"),
    sa.Index(None, "document_id"),
    sa.Index(None, "level1_code", "level2_code"),
    sa.Index(None, "level2_code"),
    **MYSQL_OPTIONS,
)

long_term_indicators = sa.Table(
    "long_term_indicators", metadata,
    _id(), _document_fk(), _project_fk(), _ordinal("indicator in its project's mid-term block"),
    *_target_columns(),
    sa.Column("weight", sa.Double, doc="权重 / 分值: the points (or percent) the indicator is worth."),
    sa.Column("location_table", sa.Integer, doc="Table index in the document, from 0."),
    sa.Column("location_row", sa.Integer, doc="Row index in that table's grid, from 0."),
    sa.UniqueConstraint("project_id", "ordinal"),
    sa.Index(None, "document_id"),
    **MYSQL_OPTIONS,
)
"""The 中期 / 实施期 / 长期 block a grid prints beside the annual one; never mixed into indicators."""

narrative_indicators = sa.Table(
    "narrative_indicators", metadata,
    _id(), _document_fk(), _ordinal("target in the goals text"),
    sa.Column("section", LongText, doc="Section the sentence is in."),
    sa.Column("text", LongText, nullable=False, doc="The sentence stating the target."),
    sa.Column("name", LongText, doc="What is measured."),
    *_value_columns(),
    sa.UniqueConstraint("document_id", "ordinal"),
    **MYSQL_OPTIONS,
)

warnings = sa.Table(
    "warnings", metadata,
    _id(), _document_fk(), _ordinal("warning"),
    sa.Column("code", sa.String(32), nullable=False, doc="value_unparsed, label_unknown, table_unrecognised ..."),
    sa.Column("message", LongText, nullable=False, doc="What to look at, in words."),
    sa.Column("location_table", sa.Integer, doc="Table index in the document, from 0."),
    sa.Column("location_row", sa.Integer, doc="Row index in that table's grid, from 0."),
    sa.UniqueConstraint("document_id", "ordinal"),
    sa.Index(None, "code"),
    **MYSQL_OPTIONS,
)

ingest_log = sa.Table(
    "ingest_log", metadata,
    _id(),
    sa.Column("run_id", sa.String(32), nullable=False, doc="One id per `jixiao ingest` run."),
    sa.Column("path", LongText, nullable=False, doc="File as given to ingest."),
    sa.Column("sha256", sa.String(64), doc="SHA-256 of the file, when it could be read."),
    sa.Column("status", sa.String(16), nullable=False, doc="loaded, unchanged or failed."),
    sa.Column("document_key", sa.String(255), doc="Document key, when the file was read."),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="SET NULL"),
              doc="Version written (loaded) or found (unchanged)."),
    sa.Column("version", sa.Integer, doc="documents.version of that row."),
    sa.Column("error_code", sa.String(64), doc="For failed: the error class code (not_docx, damaged ...)."),
    sa.Column("message", LongText, doc="For failed: one line saying what is wrong and what to do."),
    sa.Column("at", sa.DateTime, nullable=False, doc="When the file was processed (UTC)."),
    sa.CheckConstraint("status IN ('loaded', 'unchanged', 'failed')", name="status_known"),
    sa.Index(None, "run_id"),
    sa.Index(None, "document_id"),
    **MYSQL_OPTIONS,
)

version_log = sa.Table(
    "version_log", metadata,
    _id(),
    sa.Column("document_key", sa.String(255), nullable=False, doc="The document key whose versions changed."),
    sa.Column("action", sa.String(16), nullable=False,
              doc="supersede (a new version became current), hold (a new version was stored but not made "
                  "current: it drops most projects), restore (a stored version was made current again)."),
    sa.Column("version", sa.Integer, nullable=False, doc="The version written or restored."),
    sa.Column("previous_version", sa.Integer, doc="The version that was current before; NULL for none."),
    sa.Column("run_id", sa.String(32), doc="Ingest run (ingest_log.run_id); NULL for a restore."),
    sa.Column("message", LongText, nullable=False,
              doc="The line the command printed: what changed, or why the version was held back."),
    sa.Column("at", sa.DateTime, nullable=False, doc="When (UTC)."),
    sa.CheckConstraint("action IN ('supersede', 'hold', 'restore')", name="action_known"),
    sa.Index(None, "document_key"),
    sa.Index(None, "run_id"),
    **MYSQL_OPTIONS,
)

findings = sa.Table(
    "findings", metadata,
    _id(), _document_fk(), _ordinal("finding"),
    sa.Column("rule_id", sa.String(32), nullable=False, doc="Rule of the review table (COMP-05, CONS-03 ...)."),
    sa.Column("severity", sa.String(16), nullable=False, doc="error (send back), warning or notice."),
    sa.Column("check_name", sa.String(64), nullable=False, doc="The check the rule runs (level1_coverage ...)."),
    sa.Column("message", LongText, nullable=False, doc="What to fix, in Chinese, for the clerk."),
    sa.Column("message_en", LongText, nullable=False, doc="The same in English."),
    sa.Column("project_ordinal", sa.Integer, doc="projects.ordinal of the project; NULL for the whole document."),
    sa.Column("project_code", sa.String(100), doc="Project code as written."),
    sa.Column("project_name", LongText, doc="Project name."),
    sa.Column("indicator_name", LongText, doc="三级指标 the finding is about; NULL for a project finding."),
    sa.Column("raw", LongText, doc="That indicator's value as written."),
    sa.Column("location_table", sa.Integer, doc="Table index in the document, from 0."),
    sa.Column("location_row", sa.Integer, doc="Row index in that table's grid, from 0."),
    sa.Column("rules_digest", sa.String(16), nullable=False, doc="Digest of the rule table that found it."),
    sa.Column("reviewed_at", sa.DateTime, nullable=False, doc="When the review ran (UTC)."),
    sa.CheckConstraint("severity IN ('error', 'warning', 'notice')", name="severity_known"),
    sa.UniqueConstraint("document_id", "ordinal"),
    sa.Index(None, "rule_id"),
    sa.Index(None, "severity"),
    **MYSQL_OPTIONS,
)
