"""Bring a database's schema to the latest migration, safely when several processes start at once."""

from __future__ import annotations

import weakref
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from jixiao.load.database import create_engine, display_url, write_connection
from jixiao.load.exceptions import LoadError

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "HEAD_REVISION", "MIGRATIONS", "upgrade", "ensure_schema", "current_revision", "alembic_config", "partial_tables",
]

HEAD_REVISION = "0005"
"""The newest revision under load/migrations/versions (a test keeps this in step with Alembic)."""

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
_LOCK_NAME = "jixiao_migrate"
_LOCK_KEY = zlib.crc32(_LOCK_NAME.encode())

_ready: weakref.WeakSet[Engine] = weakref.WeakSet()


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config built in code: no alembic.ini at the working directory needed."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for an empty database."""
    if not sa.inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def partial_tables(connection: Connection) -> tuple[str, ...]:
    """jixiao's tables present in a database that records no revision: a first migration that
    stopped half-way (MariaDB commits each CREATE TABLE on its own). Empty for a sound database."""
    if current_revision(connection) is not None:
        return ()
    from jixiao.load.schema import metadata

    present = set(sa.inspect(connection).get_table_names())
    return tuple(t.name for t in metadata.sorted_tables if t.name in present)


def roll_back_partial_schema(connection: Connection, where: str) -> tuple[str, ...]:
    """Drop what a first migration that stopped half-way created, so it can run again from the start.

    Its tables can hold no record (nothing is loaded before the schema is complete); if one
    does, the database is not jixiao's to repair and LoadError says so. Returns the tables dropped.
    """
    tables = partial_tables(connection)
    if not tables:
        return ()
    for name in tables:
        if connection.execute(sa.text(f"SELECT COUNT(*) FROM {name}")).scalar():
            raise LoadError(where, f"the schema is only partly created ({', '.join(tables)}; no revision recorded) "
                                   f"and {name} holds rows; restore a backup or repair it by hand")
    from jixiao.load.catalog import VIEWS

    views = set(sa.inspect(connection).get_view_names())
    for view in reversed(VIEWS):
        if view.name in views:
            connection.execute(sa.text(f"DROP VIEW {view.name}"))
    for name in reversed(tables):
        connection.execute(sa.text(f"DROP TABLE {name}"))
    return tables


def upgrade(target: str | sa.URL | Engine, revision: str = "head") -> str | None:
    """Apply the migrations up to `revision`; return the revision the database ends at."""
    engine = target if isinstance(target, Engine) else create_engine(target)
    try:
        return _upgrade(engine, revision)
    finally:
        if engine is not target:
            engine.dispose()


def ensure_schema(engine: Engine) -> None:
    """Upgrade a fresh or older database to head; after the first call per engine this costs nothing."""
    if engine in _ready:
        return
    with engine.connect() as conn:
        at_head = current_revision(conn) == HEAD_REVISION
    if not at_head:
        _upgrade(engine, "head")
    _ready.add(engine)


def _upgrade(engine: Engine, revision: str) -> str | None:
    from alembic import command
    from alembic.util.exc import CommandError

    with _migration_lock(engine) as conn:
        try:
            roll_back_partial_schema(conn, display_url(engine.url))
            command.upgrade(alembic_config(conn), revision)
        except CommandError as e:
            # e.g. a database migrated by a newer jixiao: its revision is unknown here.
            raise LoadError(display_url(engine.url), f"cannot migrate the schema ({e}); is jixiao up to date?") from None
        except sa.exc.DBAPIError as e:
            detail = (str(e.orig).strip().splitlines() or [type(e.orig).__name__])[0]
            raise LoadError(display_url(engine.url), f"cannot migrate the schema ({detail})") from None
        return current_revision(conn)


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that only one migrating process holds at a time."""
    backend = engine.dialect.name
    if backend == "sqlite":
        # BEGIN IMMEDIATE is the lock; SQLite's DDL is transactional. Foreign keys are off while
        # migrating (SQLite ignores the switch inside a transaction): a migration that rebuilds a
        # table drops the old one, which would otherwise cascade into every child row.
        with write_connection(engine) as conn:
            raw = conn.connection.driver_connection
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    yield conn
                    if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                        raise LoadError(display_url(engine.url), "the migration broke a foreign key; nothing changed")
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
    elif backend == "postgresql":
        with engine.begin() as conn:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
            yield conn
    else:
        # MariaDB commits each DDL statement itself, so a named session lock guards the whole run.
        with engine.connect() as conn:
            name = f"{_LOCK_NAME}.{conn.exec_driver_sql('SELECT DATABASE()').scalar()}"[:64]
            conn.execute(sa.text("SELECT GET_LOCK(:n, 600)"), {"n": name})
            conn.commit()
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.execute(sa.text("SELECT RELEASE_LOCK(:n)"), {"n": name})
                conn.commit()
