"""Every load test runs on SQLite, PostgreSQL and MariaDB, each test in a database of its own (see load_servers)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from jixiao.load.database import create_engine
from jixiao.load.migrate import upgrade
from load_servers import ENGINES, fresh_database


@pytest.fixture(params=ENGINES)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (no tables) on each engine."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def db_url(empty_db_url: str) -> str:
    """A database on each engine with the schema migrated to head."""
    upgrade(empty_db_url)
    return empty_db_url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = create_engine(db_url)
    yield engine
    engine.dispose()
