"""Mid-term blocks: long_term_indicators (the 中期 / 实施期 / 长期 block beside the annual one), the
projects' mid-term money (budget_midterm), v_long_term_indicators, and v_projects with budget_midterm.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

The view SQL uses only what SQLite, PostgreSQL and MariaDB all accept.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LongText = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
MYSQL = {"mysql_engine": "InnoDB", "mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_bin"}

_DOCUMENT = """d.id AS document_id, d.document_key, d.version, d.doc_kind, d.department, d.fiscal_year,
       d.title, d.source_file"""
_PROJECT = """p.id AS project_id, p.ordinal AS project_ordinal, p.code AS project_code,
       p.name AS project_name, p.department AS project_department"""
_CURRENT = """FROM current_documents c
JOIN documents d ON d.id = c.document_id"""


def _v_projects(extra: str) -> str:
    """v_projects as 0001 made it, with `extra` after its last column."""
    return f"""
SELECT {_DOCUMENT},
       {_PROJECT},
       p.budget_total, p.budget_fiscal, p.budget_other,
       p.spending_plan_q1, p.spending_plan_q2, p.spending_plan_q3, p.spending_plan_q4,
       p.purpose, p.goal, p.n_indicators{extra}
{_CURRENT}
JOIN projects p ON p.document_id = d.id"""


V_LONG_TERM_INDICATORS = f"""
SELECT {_DOCUMENT},
       {_PROJECT},
       x.id AS indicator_id, x.ordinal AS indicator_ordinal,
       x.level1, x.level1_code, x.level2, x.level2_code, x.name AS indicator_name, x.description, x.raw,
       x.kind, x.op, x.value, x.value_max, x.unit, x.scale, x.date,
       x.basis, x.weight, x.location_table, x.location_row
{_CURRENT}
JOIN projects p ON p.document_id = d.id
JOIN long_term_indicators x ON x.project_id = p.id"""


def upgrade() -> None:
    op.add_column("projects", sa.Column("budget_midterm", sa.Double))
    op.create_table(
        "long_term_indicators",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("project_id", sa.Integer, nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("level1", LongText),
        sa.Column("level1_code", sa.String(32)),
        sa.Column("level2", LongText),
        sa.Column("level2_code", sa.String(32)),
        sa.Column("name", LongText),
        sa.Column("description", LongText),
        sa.Column("raw", LongText, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("op", sa.String(8)),
        sa.Column("value", sa.Double),
        sa.Column("value_max", sa.Double),
        sa.Column("unit", sa.String(64)),
        sa.Column("scale", sa.Double),
        sa.Column("date", sa.Date),
        sa.Column("basis", LongText),
        sa.Column("weight", sa.Double),
        sa.Column("location_table", sa.Integer),
        sa.Column("location_row", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_long_term_indicators"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_long_term_indicators_document_id",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name="fk_long_term_indicators_project_id",
                                ondelete="CASCADE"),
        sa.UniqueConstraint("project_id", "ordinal", name="uq_long_term_indicators_project_id_ordinal"),
        **MYSQL,
    )
    op.create_index("ix_long_term_indicators_document_id", "long_term_indicators", ["document_id"])
    op.execute("DROP VIEW v_projects")
    op.execute(f"CREATE VIEW v_projects AS{_v_projects(', p.budget_midterm')}")
    op.execute(f"CREATE VIEW v_long_term_indicators AS{V_LONG_TERM_INDICATORS}")


def downgrade() -> None:
    op.execute("DROP VIEW v_long_term_indicators")
    op.execute("DROP VIEW v_projects")
    op.drop_table("long_term_indicators")
    op.drop_column("projects", "budget_midterm")
    op.execute(f"CREATE VIEW v_projects AS{_v_projects('')}")
