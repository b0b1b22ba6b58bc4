"""Alembic environment: runs on the connection `load.migrate` hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from jixiao.load.database import create_engine, resolve_url
from jixiao.load.schema import metadata

config = context.config


def _run(connection: object) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    # Plain `alembic -c ...` use: the URL from sqlalchemy.url, else --db's defaults.
    engine = create_engine(config.get_main_option("sqlalchemy.url") or resolve_url(None))
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()
