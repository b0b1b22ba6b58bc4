"""`jixiao db upgrade [--db URL]`: bring the database schema to the latest migration.

Also home of the `--db` option every database command shares (`add_db_option`, `open_engine`).
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

DB_HELP = "database URL or SQLite file (default: $JIXIAO_DB, else jixiao.db in the working directory)"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help=DB_HELP)


def open_engine(args: argparse.Namespace, *, existing: bool = True, migrate: bool = True) -> Engine:
    """The engine `--db` / JIXIAO_DB / the default names, checked to answer.

    existing: refuse a SQLite file that is not there (a typo must not create an empty database).
    migrate: bring the schema to the latest revision first (as ingest does).
    """
    import sqlalchemy as sa

    from jixiao.load.database import create_engine, display_url, resolve_url
    from jixiao.load.exceptions import LoadError
    from jixiao.load.migrate import ensure_schema

    url = resolve_url(args.db, os.environ)
    engine = create_engine(url)
    database = engine.url.database
    if existing and engine.dialect.name == "sqlite" and database and not os.path.exists(database):
        engine.dispose()
        raise LoadError(display_url(url), "no such database file; run `jixiao ingest` first, or pass --db")
    try:
        with engine.connect():
            pass
        if migrate:
            ensure_schema(engine)
    except sa.exc.OperationalError as e:
        engine.dispose()
        reason = str(e.orig).strip().splitlines()[0] if e.orig else str(e)
        raise LoadError(display_url(url), f"cannot open the database ({reason})") from None
    return engine


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = sub.add_parser("upgrade", help="apply the schema migrations (creates the tables and views)",
                             description="Apply the schema migrations up to the latest (creates the tables and views).")
    add_db_option(upgrade)
    current = sub.add_parser("current", help="print the schema revision the database is at",
                             description="Print the schema revision the database is at.")
    add_db_option(current)


def run(args: argparse.Namespace) -> int:
    from jixiao.load.database import display_url
    from jixiao.load.migrate import HEAD_REVISION, current_revision, partial_tables, upgrade
    from jixiao.load.schema import metadata

    engine = open_engine(args, existing=args.db_command == "current", migrate=False)
    try:
        where = display_url(engine.url)
        if args.db_command == "upgrade":
            revision = upgrade(engine)
            print(f"{where}: schema at revision {revision} (latest)")
            return 0
        with engine.connect() as conn:
            revision = current_revision(conn)
            partial = partial_tables(conn)
        if partial:
            print(f"{where}: schema only partly created ({len(partial)} of {len(metadata.tables)} tables, no "
                  "revision recorded: a first migration stopped half-way); run `jixiao db upgrade` to finish it")
            return 1
        state = "latest" if revision == HEAD_REVISION else f"latest is {HEAD_REVISION}; run `jixiao db upgrade`"
        print(f"{where}: schema at revision {revision or 'none (empty database)'} ({state})")
        return 0
    finally:
        engine.dispose()
