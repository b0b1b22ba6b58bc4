"""`jixiao ingest` as a user runs it (a whole process) into a throw-away SQLite file or PostgreSQL database."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.memory import run_with_peak

DEFAULT_PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def jixiao_command() -> list[str]:
    """The installed `jixiao` console script next to this interpreter, else `python -m jixiao.cli`."""
    script = Path(sys.executable).with_name("jixiao")
    return [str(script)] if script.exists() else [sys.executable, "-m", "jixiao.cli"]


@contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    """A fresh database for one run, dropped afterwards. Raises OSError-like errors when unreachable."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"jixiao_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def postgres_unreachable(admin_url: str) -> str | None:
    """None when PostgreSQL answers at `admin_url`, else the reason."""
    from sqlalchemy import create_engine, text

    engine = create_engine(admin_url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as c:
            c.execute(text("SELECT 1"))
        return None
    except Exception as e:  # any driver error means: skip the row
        return f"PostgreSQL unreachable at {admin_url}: {type(e).__name__}: {str(e).splitlines()[0]}"
    finally:
        engine.dispose()


def count_rows(url: str) -> dict[str, int]:
    """Rows per table (views and alembic's bookkeeping excluded)."""
    from sqlalchemy import create_engine, inspect, select, func, table

    engine = create_engine(url)
    try:
        with engine.connect() as c:
            names = [n for n in inspect(c).get_table_names() if n != "alembic_version"]
            return {n: c.execute(select(func.count()).select_from(table(n))).scalar_one() for n in names}
    finally:
        engine.dispose()


def run_ingest(paths: list[Path], url: str, workers: int) -> dict:
    """One whole `jixiao ingest PATH... --db URL --workers N` process: time, memory, rows written."""
    cmd = [*jixiao_command(), "ingest", *map(str, paths), "--db", url, "--workers", str(workers)]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("JIXIAO_DB", None)
    run = run_with_peak(cmd, env=env)
    out = {"workers": workers, "files": len(paths), **run}
    try:
        rows = count_rows(url)
    except Exception as e:  # a run that failed before creating tables
        rows, out["count_error"] = {}, f"{type(e).__name__}: {e}"
    out["rows"] = rows
    out["rows_total"] = sum(rows.values())
    out["documents_loaded"] = rows.get("documents", 0)
    out["docs_per_s"] = len(paths) / run["elapsed_s"]
    out["rows_per_s"] = out["rows_total"] / run["elapsed_s"]
    return out
