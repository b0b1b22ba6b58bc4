"""Database URLs and engine set-up: the default file, the environment, the drivers, SQLite's pragmas."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.load.database import create_engine, display_url, normalize_url, resolve_url
from jixiao.load.exceptions import BadDatabaseUrl, LoadError
from jixiao.load.migrate import ensure_schema


@pytest.mark.parametrize("explicit, env, url", [
    (None, {}, "sqlite:///jixiao.db"),
    (None, {"JIXIAO_DB": "postgresql://db/x"}, "postgresql://db/x"),
    ("mysql://db/y", {"JIXIAO_DB": "postgresql://db/x"}, "mysql://db/y"),
])
def test_db_option_then_environment_then_default(explicit: str | None, env: dict[str, str], url: str) -> None:
    assert resolve_url(explicit, env) == url


@pytest.mark.parametrize("given, url", [
    ("jixiao.db", "sqlite:///jixiao.db"),
    ("data/报告.db", "sqlite:///data/报告.db"),
    ("sqlite:////tmp/a.db", "sqlite:////tmp/a.db"),
    ("postgresql://postgres@127.0.0.1:5432/test", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
    ("postgres://u:secret@h/db", "postgresql+psycopg://u:***@h/db"),
    ("mysql://root@127.0.0.1:3306/test", "mysql+pymysql://root@127.0.0.1:3306/test?charset=utf8mb4"),
    ("mariadb://root@h/test?charset=utf8mb4", "mariadb+pymysql://root@h/test?charset=utf8mb4"),
])
def test_urls_get_jixiaos_drivers(given: str, url: str) -> None:
    assert display_url(normalize_url(given)) == url


@pytest.mark.parametrize("given", ["oracle://scott@h/orcl", "mysql+mysqldb://root@h/x", "://"])
def test_unsupported_urls_are_refused_in_one_line(given: str) -> None:
    with pytest.raises(BadDatabaseUrl) as error:
        normalize_url(given)
    assert "\n" not in str(error.value)


def test_sqlite_connections_are_set_up_for_concurrent_writers(tmp_path: Path) -> None:
    engine = create_engine(str(tmp_path / "j.db"))
    with engine.connect() as conn:
        pragmas = [conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in ("journal_mode", "foreign_keys", "busy_timeout")]
    engine.dispose()
    assert pragmas == ["wal", 1, 60000]


def test_a_database_from_a_newer_jixiao_is_a_clear_error(db_url: str, engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    fresh = create_engine(db_url)
    with pytest.raises(LoadError, match="cannot migrate the schema .*'9999'.*is jixiao up to date"):
        ensure_schema(fresh)
    fresh.dispose()
