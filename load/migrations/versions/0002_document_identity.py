"""Document identity and revisions: base_key, content_sha256, re-reads of identical files, the version log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06

- documents.base_key: the department/year/kind a file is compared under (0001 keys were base keys).
- documents.content_sha256: what was read, so a newer parser can store a re-read of the same bytes.
- the unique (document_key, sha256) goes (a re-read stores the same bytes again), an index stays.
- version_log: every supersession, held-back revision and restore.

Each step checks whether it is already done, so a run that died half-way (MariaDB commits
each DDL statement on its own) is finished by the next one. On SQLite, dropping a unique
constraint rebuilds the table; load.migrate turns foreign keys off for the migration so the
rebuild cannot cascade, and the views are dropped around it and re-created with the SQL they
had (whatever revision wrote them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations
from sqlalchemy.dialects import mysql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LongText = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
MYSQL = {"mysql_engine": "InnoDB", "mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_bin"}
SHA_UNIQUE = "uq_documents_document_key_sha256"
INDEXES = {"ix_documents_base_key": ["base_key"], "ix_documents_document_key_sha256": ["document_key", "sha256"]}


def _inspector() -> sa.Inspector:
    return sa.inspect(op.get_bind())


def _columns(table: str) -> set[str]:
    return {c["name"] for c in _inspector().get_columns(table)}


def _unique_names(table: str) -> set[str]:
    inspector = _inspector()
    names = {u["name"] for u in inspector.get_unique_constraints(table)}
    return names | {i["name"] for i in inspector.get_indexes(table) if i.get("unique")}


def _sqlite_views() -> list[tuple[str, str]]:
    rows = op.get_bind().exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid")
    return [(name, sql) for name, sql in rows]


@contextmanager
def _sqlite_rebuild() -> Iterator[BatchOperations]:
    """A batch that rebuilds documents on SQLite, its views dropped around it and re-created as they were."""
    bind = op.get_bind()
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("rebuilding documents with foreign keys on would delete every record; "
                           "run the migration through jixiao (jixiao db upgrade)")
    views = _sqlite_views()
    for name, _ in reversed(views):
        op.execute(f"DROP VIEW {name}")
    with op.batch_alter_table("documents", recreate="always") as batch:
        yield batch
    for _, sql in views:
        op.execute(sql)


def upgrade() -> None:
    columns = _columns("documents")
    if "base_key" not in columns:
        op.add_column("documents", sa.Column("base_key", sa.String(255), nullable=True))
    if "content_sha256" not in columns:
        op.add_column("documents", sa.Column("content_sha256", sa.String(64)))
    op.execute("UPDATE documents SET base_key = document_key WHERE base_key IS NULL")
    nullable = next(c["nullable"] for c in _inspector().get_columns("documents") if c["name"] == "base_key")
    has_unique = SHA_UNIQUE in _unique_names("documents")
    if op.get_bind().dialect.name == "sqlite":
        if nullable or has_unique:
            with _sqlite_rebuild() as batch:
                if nullable:
                    batch.alter_column("base_key", existing_type=sa.String(255), nullable=False)
                if has_unique:
                    batch.drop_constraint(SHA_UNIQUE, type_="unique")
    else:
        if nullable:
            op.alter_column("documents", "base_key", existing_type=sa.String(255), nullable=False)
        if has_unique:
            op.drop_constraint(SHA_UNIQUE, "documents", type_="unique")
    existing = {i["name"] for i in _inspector().get_indexes("documents")}
    for name, cols in INDEXES.items():
        if name not in existing:
            op.create_index(name, "documents", cols)

    if not _inspector().has_table("version_log"):
        op.create_table(
            "version_log",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("document_key", sa.String(255), nullable=False),
            sa.Column("action", sa.String(16), nullable=False),
            sa.Column("version", sa.Integer, nullable=False),
            sa.Column("previous_version", sa.Integer),
            sa.Column("run_id", sa.String(32)),
            sa.Column("message", LongText, nullable=False),
            sa.Column("at", sa.DateTime, nullable=False),
            sa.PrimaryKeyConstraint("id", name="pk_version_log"),
            sa.CheckConstraint("action IN ('supersede', 'hold', 'restore')", name="ck_version_log_action_known"),
            **MYSQL,
        )
    existing = {i["name"] for i in _inspector().get_indexes("version_log")}
    for name, cols in {"ix_version_log_document_key": ["document_key"], "ix_version_log_run_id": ["run_id"]}.items():
        if name not in existing:
            op.create_index(name, "version_log", cols)


def downgrade() -> None:
    op.drop_table("version_log")
    for name in INDEXES:
        op.drop_index(name, "documents")
    if op.get_bind().dialect.name == "sqlite":
        with _sqlite_rebuild() as batch:
            batch.create_unique_constraint(SHA_UNIQUE, ["document_key", "sha256"])
            batch.drop_column("content_sha256")
            batch.drop_column("base_key")
    else:
        op.create_unique_constraint(SHA_UNIQUE, "documents", ["document_key", "sha256"])
        op.drop_column("documents", "content_sha256")
        op.drop_column("documents", "base_key")
