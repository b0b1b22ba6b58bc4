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

from jixiao.load.database import create_engine, display_url, write_transaction
from jixiao.load.exceptions import LoadError

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["HEAD_REVISION", "MIGRATIONS", "upgrade", "ensure_schema", "current_revision", "alembic_config"]

HEAD_REVISION = "0004"
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
            command.upgrade(alembic_config(conn), revision)
        except CommandError as e:
            # e.g. a database migrated by a newer jixiao: its revision is unknown here.
            raise LoadError(display_url(engine.url), f"cannot migrate the schema ({e}); is jixiao up to date?") from None
        return current_revision(conn)


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that only one migrating process holds at a time."""
    backend = engine.dialect.name
    if backend == "sqlite":
        # BEGIN IMMEDIATE is the lock; SQLite's DDL is transactional.
        with write_transaction(engine) as conn:
            yield conn
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
