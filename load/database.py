"""Engines for the three supported databases, set up for several writers at once.

SQLite is the embedded default (`jixiao.db` in the working directory);
PostgreSQL goes through psycopg 3 and MariaDB/MySQL through PyMySQL with utf8mb4.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from jixiao.load.exceptions import BadDatabaseUrl

__all__ = [
    "DEFAULT_URL", "ENV_VAR", "resolve_url", "normalize_url", "create_engine", "display_url",
    "write_connection", "write_transaction", "is_transient",
]

DEFAULT_URL = "sqlite:///jixiao.db"
ENV_VAR = "JIXIAO_DB"

# A URL without a driver gets the one jixiao installs (SQLAlchemy's own default would be psycopg2/mysqlclient).
_DRIVERS: dict[str, str] = {
    "sqlite": "sqlite", "sqlite+pysqlite": "sqlite",
    "postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
    "mysql": "mysql+pymysql", "mysql+pymysql": "mysql+pymysql",
    "mariadb": "mariadb+pymysql", "mariadb+pymysql": "mariadb+pymysql",
}

_BEGIN_OPTION = "jixiao_sqlite_begin"
SQLITE_BUSY_TIMEOUT_MS = 60_000

# Errors another writer causes and a retry resolves: unique-key races, deadlocks, lock timeouts.
_PG_TRANSIENT = {"23505", "40001", "40P01", "55P03"}
_MYSQL_TRANSIENT = {1062, 1205, 1213, 1020}


def resolve_url(explicit: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The database to use: `--db` wins, then JIXIAO_DB, then jixiao.db in the working directory."""
    env = os.environ if environ is None else environ
    return explicit or env.get(ENV_VAR) or DEFAULT_URL


def normalize_url(text: str | sa.URL) -> sa.URL:
    """A SQLAlchemy URL with jixiao's drivers; a bare path means a SQLite file."""
    if isinstance(text, str) and "://" not in text:
        return sa.URL.create("sqlite", database=text)
    try:
        url = make_url(text)
    except ArgumentError as e:
        raise BadDatabaseUrl(str(text), f"is not a database URL ({e})") from None
    driver = _DRIVERS.get(url.drivername)
    if driver is None:
        raise BadDatabaseUrl(
            display_url(url),
            "is not a supported database; use sqlite:///FILE, postgresql+psycopg://... or mysql+pymysql://...",
        )
    url = url.set(drivername=driver)
    if url.get_backend_name() in ("mysql", "mariadb") and "charset" not in url.query:
        url = url.update_query_dict({"charset": "utf8mb4"})
    return url


def display_url(url: str | sa.URL) -> str:
    """The URL with any password hidden, for messages."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return str(url)
    if parsed.get_backend_name() == "sqlite":  # a file path, shown as typed (not percent-encoded)
        return f"{parsed.drivername}:///{parsed.database or ''}"
    return parsed.render_as_string(hide_password=True)


def create_engine(url: str | sa.URL, **kwargs: Any) -> Engine:
    """An engine for `url` (see `normalize_url`) ready for concurrent ingests."""
    url = normalize_url(url)
    if url.get_backend_name() == "sqlite":
        connect_args = {"check_same_thread": False, **kwargs.pop("connect_args", {})}
        engine = sa.create_engine(url, connect_args=connect_args, **kwargs)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # READ COMMITTED: a writer that waited for another's lock sees that writer's rows
    # (MariaDB's default REPEATABLE READ would show it a stale snapshot).
    kwargs.setdefault("isolation_level", "READ COMMITTED")
    return sa.create_engine(url, **kwargs)


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy emit BEGIN itself (see _sqlite_begin); pysqlite's own handling skips it for SELECT and DDL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _use_wal(cursor: sqlite3.Cursor) -> None:
    """WAL mode, which the file keeps once set.

    Switching a new file needs a moment when no other connection is in a transaction,
    and SQLite answers "database is locked" at once instead of waiting busy_timeout for
    it, so two processes opening a new database together retry here.
    """
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout
    # instead of one failing when it upgrades a read lock.
    mode = conn.get_execution_options().get(_BEGIN_OPTION, "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def write_connection(engine: Engine) -> Connection:
    """A connection whose transactions will write (on SQLite they BEGIN IMMEDIATE); the caller closes it."""
    conn = engine.connect()
    conn.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
    return conn


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside one transaction that will write; commits on success, rolls back on error."""
    with write_connection(engine) as conn, conn.begin():
        yield conn


def is_transient(error: DBAPIError) -> bool:
    """Whether a concurrent writer caused `error`, so that running the transaction again can succeed."""
    orig = error.orig
    if isinstance(orig, sqlite3.IntegrityError):
        return "UNIQUE constraint failed" in str(orig)
    if isinstance(orig, sqlite3.OperationalError):
        text = str(orig)
        return "locked" in text or "busy" in text
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], int):  # PyMySQL: (errno, message)
        return args[0] in _MYSQL_TRANSIENT
    return getattr(orig, "sqlstate", None) in _PG_TRANSIENT
