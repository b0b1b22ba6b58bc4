"""Self-evaluations: the report kind, each indicator's actual / weight / score / met, each project's
budget execution, the keys that pair a year's targets with its self-evaluation, and the views
v_target_vs_actual and v_budget_execution (v_indicators gains the result columns).

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-06

The view SQL uses only what SQLite, PostgreSQL and MariaDB all accept.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LongText = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")

INDICATOR_COLUMNS = (
    ("actual_raw", LongText), ("actual_kind", sa.String(16)), ("actual_op", sa.String(8)),
    ("actual_value", sa.Double), ("actual_value_max", sa.Double), ("actual_unit", sa.String(64)),
    ("actual_scale", sa.Double), ("actual_date", sa.Date), ("weight", sa.Double), ("score", sa.Double),
    ("deviation", LongText), ("met", sa.Boolean), ("achievement", sa.Double), ("match_name", LongText),
)
PROJECT_COLUMNS = (
    ("execution_budget_initial", sa.Double), ("execution_budget_adjusted", sa.Double),
    ("execution_executed", sa.Double), ("execution_rate", sa.Double), ("execution_weight", sa.Double),
    ("execution_score", sa.Double), ("total_score", sa.Double), ("grade", sa.String(16)),
    ("match_name", LongText),
)

_DOCUMENT = """d.id AS document_id, d.document_key, d.version, d.doc_kind, d.department, d.fiscal_year,
       d.title, d.source_file"""
_PROJECT = """p.id AS project_id, p.ordinal AS project_ordinal, p.code AS project_code,
       p.name AS project_name, p.department AS project_department"""
_CURRENT = """FROM current_documents c
JOIN documents d ON d.id = c.document_id"""
_VALUE = "x.kind, x.op, x.value, x.value_max, x.unit, x.scale, x.date"
_RESULTS = """x.actual_raw, x.actual_kind, x.actual_op, x.actual_value, x.actual_value_max, x.actual_unit,
       x.actual_scale, x.actual_date, x.weight, x.score, x.deviation, x.met, x.achievement"""

def _v_indicators(results: str) -> str:
    """v_indicators as 0001 made it, with `results` after its last column."""
    return f"""
SELECT {_DOCUMENT},
       {_PROJECT},
       x.id AS indicator_id, x.ordinal AS indicator_ordinal,
       x.level1, x.level1_code, x.level2, x.level2_code, x.name AS indicator_name, x.description, x.raw,
       {_VALUE},
       x.basis, x.location_table, x.location_row{results}
{_CURRENT}
JOIN projects p ON p.document_id = d.id
JOIN indicators x ON x.project_id = p.id"""


V_INDICATORS_0001 = _v_indicators("")
V_INDICATORS = _v_indicators(f",\n       d.report_kind, {_RESULTS}")


def _side(kind: str) -> str:
    """The indicators of the current documents of one report kind, with what pairs them."""
    return f"""(SELECT d.id AS document_id, d.fiscal_year, d.department, p.code AS project_code,
        p.name AS project_name, p.match_name AS project_match, x.match_name AS indicator_match,
        x.name AS indicator_name, x.level1_code, x.level2_code, x.raw, x.kind, x.op, x.value, x.value_max,
        x.unit, x.date, {_RESULTS}
    {_CURRENT}
    JOIN projects p ON p.document_id = d.id
    JOIN indicators x ON x.project_id = p.id
    WHERE d.report_kind = '{kind}')"""


# The same year, the same project (by code when both have one, else by department and
# normalized name), the same indicator (by normalized name).
_PAIRED = """t.fiscal_year = s.fiscal_year
    AND ((t.project_code IS NOT NULL AND s.project_code IS NOT NULL AND t.project_code = s.project_code)
         OR ((t.project_code IS NULL OR s.project_code IS NULL) AND t.project_match = s.project_match))
    AND t.indicator_match = s.indicator_match"""

_PAIR_COLUMNS = """s.actual_raw, s.actual_kind, s.actual_op, s.actual_value, s.actual_unit, s.actual_date,
       s.weight, s.score, s.deviation, s.met, s.achievement"""

V_TARGET_VS_ACTUAL = f"""
SELECT t.fiscal_year, t.department, t.project_code, t.project_name, t.indicator_name,
       t.level1_code, t.level2_code,
       t.document_id AS targets_document_id, s.document_id AS self_evaluation_document_id,
       t.raw AS target_raw, t.kind AS target_kind, t.op AS target_op, t.value AS target_value,
       t.value_max AS target_value_max, t.unit AS target_unit, t.date AS target_date,
       s.raw AS self_evaluation_target_raw,
       {_PAIR_COLUMNS},
       CASE WHEN s.document_id IS NULL THEN 'self_evaluation' END AS missing
FROM {_side("targets")} t
LEFT JOIN {_side("self_evaluation")} s ON {_PAIRED}
UNION ALL
SELECT s.fiscal_year, s.department, s.project_code, s.project_name, s.indicator_name,
       s.level1_code, s.level2_code,
       NULL, s.document_id,
       s.raw, s.kind, s.op, s.value, s.value_max, s.unit, s.date,
       s.raw,
       {_PAIR_COLUMNS},
       'targets'
FROM {_side("self_evaluation")} s
WHERE NOT EXISTS (SELECT 1 FROM {_side("targets")} t WHERE {_PAIRED})"""

V_BUDGET_EXECUTION = f"""
SELECT {_DOCUMENT},
       {_PROJECT},
       p.budget_total,
       p.execution_budget_initial AS budget_initial, p.execution_budget_adjusted AS budget_adjusted,
       p.execution_executed AS executed, p.execution_rate AS rate,
       COALESCE(p.execution_budget_adjusted, p.execution_budget_initial) - p.execution_executed AS unspent,
       p.execution_weight AS weight, p.execution_score AS score, p.total_score, p.grade
{_CURRENT}
JOIN projects p ON p.document_id = d.id
WHERE d.report_kind = 'self_evaluation'"""


def upgrade() -> None:
    op.execute("DROP VIEW v_indicators")
    op.add_column("documents", sa.Column("report_kind", sa.String(32), nullable=False, server_default="targets"))
    for name, type_ in PROJECT_COLUMNS:
        op.add_column("projects", sa.Column(name, type_))
    for name, type_ in INDICATOR_COLUMNS:
        op.add_column("indicators", sa.Column(name, type_))
    op.create_index("ix_documents_report_kind", "documents", ["report_kind"])
    op.execute(f"CREATE VIEW v_indicators AS{V_INDICATORS}")
    op.execute(f"CREATE VIEW v_target_vs_actual AS{V_TARGET_VS_ACTUAL}")
    op.execute(f"CREATE VIEW v_budget_execution AS{V_BUDGET_EXECUTION}")


def downgrade() -> None:
    for name in ("v_budget_execution", "v_target_vs_actual", "v_indicators"):
        op.execute(f"DROP VIEW {name}")
    op.drop_index("ix_documents_report_kind", "documents")
    for table, columns in (("indicators", INDICATOR_COLUMNS), ("projects", PROJECT_COLUMNS)):
        for name, _ in reversed(columns):
            op.drop_column(table, name)
    op.drop_column("documents", "report_kind")
    op.execute(f"CREATE VIEW v_indicators AS{V_INDICATORS_0001}")
