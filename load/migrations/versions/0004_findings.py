"""Review findings: one row per broken rule per document version, and the v_findings view over current versions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

The view SQL uses only what SQLite, PostgreSQL and MariaDB all accept.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LongText = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
MYSQL = {"mysql_engine": "InnoDB", "mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_bin"}

V_FINDINGS = """
SELECT d.id AS document_id, d.document_key, d.version, d.doc_kind, d.department, d.fiscal_year,
       d.title, d.source_file,
       f.ordinal AS finding_ordinal, f.rule_id, f.severity, f.check_name, f.message, f.message_en,
       f.project_ordinal, f.project_code, f.project_name, f.indicator_name, f.raw,
       f.location_table, f.location_row, f.rules_digest, f.reviewed_at
FROM current_documents c
JOIN documents d ON d.id = c.document_id
JOIN findings f ON f.document_id = d.id"""


def upgrade() -> None:
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("rule_id", sa.String(32), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("check_name", sa.String(64), nullable=False),
        sa.Column("message", LongText, nullable=False),
        sa.Column("message_en", LongText, nullable=False),
        sa.Column("project_ordinal", sa.Integer),
        sa.Column("project_code", sa.String(100)),
        sa.Column("project_name", LongText),
        sa.Column("indicator_name", LongText),
        sa.Column("raw", LongText),
        sa.Column("location_table", sa.Integer),
        sa.Column("location_row", sa.Integer),
        sa.Column("rules_digest", sa.String(16), nullable=False),
        sa.Column("reviewed_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_findings"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_findings_document_id",
                                ondelete="CASCADE"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_findings_document_id_ordinal"),
        sa.CheckConstraint("severity IN ('error', 'warning', 'notice')", name="ck_findings_severity_known"),
        **MYSQL,
    )
    op.create_index("ix_findings_rule_id", "findings", ["rule_id"])
    op.create_index("ix_findings_severity", "findings", ["severity"])
    op.execute(f"CREATE VIEW v_findings AS{V_FINDINGS}")


def downgrade() -> None:
    op.execute("DROP VIEW v_findings")
    op.drop_table("findings")
