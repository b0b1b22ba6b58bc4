"""Fresh databases on SQLite, PostgreSQL and MariaDB for the load tests, one per test.

The servers come from JIXIAO_TEST_PG_URL / JIXIAO_TEST_MYSQL_URL (default: the
local ones). An unreachable server skips its tests with the reason, or fails
them when JIXIAO_REQUIRE_SERVERS=1 (CI sets it, so they never skip silently).
"""

from __future__ import annotations

import functools
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from jixiao.load.database import display_url

PG_URL = os.environ.get("JIXIAO_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MYSQL_URL = os.environ.get("JIXIAO_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/test?charset=utf8mb4")
REQUIRE_SERVERS = os.environ.get("JIXIAO_REQUIRE_SERVERS") == "1"
ENGINES = ("sqlite", "postgresql", "mariadb")


@functools.cache
def _probe(url: str) -> str | None:
    """None when the server answers, else why not."""
    engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return None
    except sa.exc.DBAPIError as e:
        return str(e.orig).strip().splitlines()[0] if e.orig else str(e)
    finally:
        engine.dispose()


def require_server(name: str, url: str) -> None:
    """Skip (or fail under JIXIAO_REQUIRE_SERVERS=1) when the server cannot be reached."""
    if (error := _probe(url)) is None:
        return
    message = f"{name} not reachable at {display_url(url)}: {error}"
    if REQUIRE_SERVERS:
        pytest.fail(f"{message} (JIXIAO_REQUIRE_SERVERS=1)", pytrace=False)
    pytest.skip(f"{message}; start it or set JIXIAO_TEST_{'PG' if name == 'postgresql' else 'MYSQL'}_URL")


@contextmanager
def _postgresql() -> Iterator[str]:
    require_server("postgresql", PG_URL)
    schema = f"jixiao_test_{secrets.token_hex(6)}"
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@contextmanager
def _mariadb() -> Iterator[str]:
    require_server("mariadb", MYSQL_URL)
    name = f"jixiao_test_{secrets.token_hex(6)}"
    admin = sa.create_engine(MYSQL_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
    try:
        yield make_url(MYSQL_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE {name}")
        admin.dispose()


@contextmanager
def fresh_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database on `backend`, removed afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'jixiao.db'}"
    elif backend == "postgresql":
        with _postgresql() as url:
            yield url
    else:
        with _mariadb() as url:
            yield url
