"""Initial schema: documents and their records, the current-version pointer, the ingest log, the BI views.

Revision ID: 0001
Revises:
Create Date: 2025-11-26

Frozen DDL: later changes go in new revisions, never here. The view SQL uses
only what SQLite, PostgreSQL and MariaDB all accept.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

LongText = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
MYSQL = {"mysql_engine": "InnoDB", "mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_bin"}


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def _document_columns() -> list[sa.Column]:
    return [
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
    ]


def _fk_document(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["document_id"], ["documents.id"], name=f"fk_{table}_document_id", ondelete="CASCADE"
    )


def _values() -> list[sa.Column]:
    return [
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("op", sa.String(8)),
        sa.Column("value", sa.Double),
        sa.Column("value_max", sa.Double),
        sa.Column("unit", sa.String(64)),
        sa.Column("scale", sa.Double),
        sa.Column("date", sa.Date),
    ]


def _tables() -> None:
    op.create_table(
        "documents",
        _id(),
        sa.Column("document_key", sa.String(255), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("doc_kind", sa.String(32)),
        sa.Column("source_file", sa.String(255), nullable=False),
        sa.Column("source_path", LongText, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("bytes", sa.BigInteger, nullable=False),
        sa.Column("title", LongText),
        sa.Column("department", sa.String(255)),
        sa.Column("fiscal_year", sa.Integer),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("parser_version", sa.String(32), nullable=False),
        sa.Column("run_id", sa.String(32), nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("superseded_at", sa.DateTime),
        *(sa.Column(f"n_{what}", sa.Integer, nullable=False)
          for what in ("sections", "projects", "indicators", "narrative_indicators", "warnings", "untyped")),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("document_key", "version", name="uq_documents_document_key_version"),
        sa.UniqueConstraint("document_key", "sha256", name="uq_documents_document_key_sha256"),
        sa.UniqueConstraint("id", "document_key", name="uq_documents_id_document_key"),
        sa.CheckConstraint("version >= 1", name="ck_documents_version_positive"),
        **MYSQL,
    )
    op.create_index("ix_documents_department", "documents", ["department"])
    op.create_index("ix_documents_fiscal_year", "documents", ["fiscal_year"])

    op.create_table(
        "current_documents",
        sa.Column("document_key", sa.String(255), nullable=False),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("changed_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("document_key", name="pk_current_documents"),
        sa.ForeignKeyConstraint(
            ["document_id", "document_key"], ["documents.id", "documents.document_key"],
            name="fk_current_documents_document_id_document_key",
        ),
        sa.UniqueConstraint("document_id", "document_key", name="uq_current_documents_document_id_document_key"),
        **MYSQL,
    )

    op.create_table(
        "sections",
        _id(), *_document_columns(),
        sa.Column("path", sa.String(64), nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.Column("title", LongText, nullable=False),
        sa.Column("text", LongText, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sections"),
        _fk_document("sections"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_sections_document_id_ordinal"),
        **MYSQL,
    )

    op.create_table(
        "projects",
        _id(), *_document_columns(),
        sa.Column("code", sa.String(100)),
        sa.Column("name", LongText),
        sa.Column("department", sa.String(255)),
        sa.Column("budget_total", sa.Double),
        sa.Column("budget_fiscal", sa.Double),
        sa.Column("budget_other", sa.Double),
        *(sa.Column(f"spending_plan_q{q}", sa.Double) for q in (1, 2, 3, 4)),
        sa.Column("purpose", LongText),
        sa.Column("goal", LongText),
        sa.Column("n_indicators", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_projects"),
        _fk_document("projects"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_projects_document_id_ordinal"),
        **MYSQL,
    )
    op.create_index("ix_projects_code", "projects", ["code"])

    op.create_table(
        "indicators",
        _id(),
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
        *_values(),
        sa.Column("basis", LongText),
        sa.Column("location_table", sa.Integer),
        sa.Column("location_row", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_indicators"),
        _fk_document("indicators"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name="fk_indicators_project_id", ondelete="CASCADE"),
        sa.UniqueConstraint("project_id", "ordinal", name="uq_indicators_project_id_ordinal"),
        **MYSQL,
    )
    op.create_index("ix_indicators_document_id", "indicators", ["document_id"])
    op.create_index("ix_indicators_level1_code_level2_code", "indicators", ["level1_code", "level2_code"])
    op.create_index("ix_indicators_level2_code", "indicators", ["level2_code"])

    op.create_table(
        "narrative_indicators",
        _id(), *_document_columns(),
        sa.Column("section", LongText),
        sa.Column("text", LongText, nullable=False),
        sa.Column("name", LongText),
        *_values(),
        sa.PrimaryKeyConstraint("id", name="pk_narrative_indicators"),
        _fk_document("narrative_indicators"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_narrative_indicators_document_id_ordinal"),
        **MYSQL,
    )

    op.create_table(
        "warnings",
        _id(), *_document_columns(),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("message", LongText, nullable=False),
        sa.Column("location_table", sa.Integer),
        sa.Column("location_row", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_warnings"),
        _fk_document("warnings"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_warnings_document_id_ordinal"),
        **MYSQL,
    )
    op.create_index("ix_warnings_code", "warnings", ["code"])

    op.create_table(
        "ingest_log",
        _id(),
        sa.Column("run_id", sa.String(32), nullable=False),
        sa.Column("path", LongText, nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("document_key", sa.String(255)),
        sa.Column("document_id", sa.Integer),
        sa.Column("version", sa.Integer),
        sa.Column("error_code", sa.String(64)),
        sa.Column("message", LongText),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_log"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_ingest_log_document_id", ondelete="SET NULL"
        ),
        sa.CheckConstraint("status IN ('loaded', 'unchanged', 'failed')", name="ck_ingest_log_status_known"),
        **MYSQL,
    )
    op.create_index("ix_ingest_log_run_id", "ingest_log", ["run_id"])
    op.create_index("ix_ingest_log_document_id", "ingest_log", ["document_id"])


_DOCUMENT = """d.id AS document_id, d.document_key, d.version, d.doc_kind, d.department, d.fiscal_year,
       d.title, d.source_file"""
_PROJECT = """p.id AS project_id, p.ordinal AS project_ordinal, p.code AS project_code,
       p.name AS project_name, p.department AS project_department"""
_CURRENT = """FROM current_documents c
JOIN documents d ON d.id = c.document_id"""
_VALUE = "x.kind, x.op, x.value, x.value_max, x.unit, x.scale, x.date"

VIEWS = {
    "v_documents": f"""
SELECT {_DOCUMENT},
       d.sha256, d.bytes, d.ingested_at, d.parser_version,
       (SELECT COUNT(*) FROM documents dv WHERE dv.document_key = d.document_key) AS n_versions,
       d.n_projects, d.n_indicators, d.n_narrative_indicators, d.n_warnings, d.n_untyped
{_CURRENT}""",
    "v_projects": f"""
SELECT {_DOCUMENT},
       {_PROJECT},
       p.budget_total, p.budget_fiscal, p.budget_other,
       p.spending_plan_q1, p.spending_plan_q2, p.spending_plan_q3, p.spending_plan_q4,
       p.purpose, p.goal, p.n_indicators
{_CURRENT}
JOIN projects p ON p.document_id = d.id""",
    "v_indicators": f"""
SELECT {_DOCUMENT},
       {_PROJECT},
       x.id AS indicator_id, x.ordinal AS indicator_ordinal,
       x.level1, x.level1_code, x.level2, x.level2_code, x.name AS indicator_name, x.description, x.raw,
       {_VALUE},
       x.basis, x.location_table, x.location_row
{_CURRENT}
JOIN projects p ON p.document_id = d.id
JOIN indicators x ON x.project_id = p.id""",
    "v_narrative_indicators": f"""
SELECT {_DOCUMENT},
       x.id AS narrative_id, x.ordinal AS narrative_ordinal, x.section, x.text, x.name,
       {_VALUE}
{_CURRENT}
JOIN narrative_indicators x ON x.document_id = d.id""",
    "v_warnings": f"""
SELECT {_DOCUMENT},
       x.ordinal AS warning_ordinal, x.code, x.message, x.location_table, x.location_row
{_CURRENT}
JOIN warnings x ON x.document_id = d.id""",
}


def upgrade() -> None:
    _tables()
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS{sql}")


def downgrade() -> None:
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW {name}")
    for table in ("ingest_log", "warnings", "narrative_indicators", "indicators", "projects",
                  "sections", "current_documents", "documents"):
        op.drop_table(table)
