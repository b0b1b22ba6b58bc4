"""Insert one document's rows of a table in one statement, the cheapest way each engine offers.

- PostgreSQL: `INSERT ... SELECT * FROM unnest(%(a)b::T[], ...)`, one binary array per
  column. psycopg would run an executemany as one Bind/Execute per row, each planned
  and executed on its own; this is one execution whatever the row count, with a
  constant text that psycopg prepares once per connection.
- MariaDB 10.6+: `INSERT ... SELECT ... FROM JSON_TABLE(%s, ...)`, the rows as one JSON
  text. PyMySQL would escape every value in Python to fold an executemany into a
  multi-row INSERT; json.dumps does the same work in C. A table of a huge document
  (over ~1 MB of JSON, thousands of indicators) takes the executemany path instead,
  which PyMySQL splits into ~1 MB statements: one JSON text could outgrow the
  server's max_allowed_packet.
- SQLite (in-process, executemany runs in C) and MySQL: SQLAlchemy's executemany.

Every path ends in a plain INSERT into the table, so column types, lengths (a value too
long for its VARCHAR is refused, never cut) and constraints apply as for any insert.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql
from sqlalchemy.engine import Connection, Dialect

from jixiao.load.rows import Row

__all__ = ["insert_rows", "insert_returning_ids", "strategy"]

Strategy = Literal["unnest", "json_table", "executemany"]

_LENGTH = re.compile(r"\(\d+(?:,\s*\d+)?\)")
_PG = postgresql.dialect()
_MYSQL = mysql.dialect()
_JSON_TABLE_SINCE = (10, 6)  # MariaDB; INSERT ... RETURNING came in 10.5
_JSON_TABLE_MAX_CHARS = 250_000  # at most 1 MB in UTF-8, like PyMySQL's own statements


def strategy(dialect: Dialect) -> Strategy:
    """How rows of one table go in for this database."""
    if dialect.name == "postgresql":
        return "unnest"
    if getattr(dialect, "is_mariadb", False) and (dialect.server_version_info or ()) >= _JSON_TABLE_SINCE:
        return "json_table"
    return "executemany"


def insert_rows(conn: Connection, table: sa.Table, rows: list[Row]) -> None:
    """Insert `rows` (dicts with the same keys) into `table`: one statement, none when there are no rows."""
    if rows:
        _execute(conn, table, rows, ())


def insert_returning_ids(conn: Connection, table: sa.Table, rows: list[Row], key: str) -> dict[object, int]:
    """Insert `rows` and map each row's `key` value to its new id.

    One INSERT ... RETURNING on PostgreSQL and MariaDB; on the executemany path, then a
    SELECT of the ids by `document_id` (SQLAlchemy would page an executemany with
    RETURNING, and the number of statements would grow with the rows).
    """
    if not rows:
        return {}
    result = _execute(conn, table, rows, (key, "id"))
    if result is not None:
        return dict(result.all())
    return dict(conn.execute(_ids_of_document(table, key), {"document_id": rows[0]["document_id"]}).all())


def _execute(conn: Connection, table: sa.Table, rows: list[Row], returning: tuple[str, ...]) -> sa.CursorResult | None:
    """Run the insert; the result holds the RETURNING rows, None where the engine's path has none."""
    names = tuple(rows[0])
    match strategy(conn.dialect):
        case "unnest":
            columns = {name: [row[name] for row in rows] for name in names}
            return conn.exec_driver_sql(_unnest_insert(table, names, returning), columns)
        case "json_table":
            document = json.dumps([[row[name] for name in names] for row in rows], ensure_ascii=False,
                                  separators=(",", ":"), allow_nan=False, default=_iso_date)
            if len(document) <= _JSON_TABLE_MAX_CHARS:
                return conn.exec_driver_sql(_json_table_insert(table, names, returning), (document,))
    conn.execute(_insert(table), rows)
    return None


def _iso_date(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} has no JSON form")


@cache
def _insert(table: sa.Table) -> sa.Insert:
    return table.insert()


@cache
def _ids_of_document(table: sa.Table, key: str) -> sa.Select[tuple[object, int]]:
    return sa.select(table.c[key], table.c.id).where(table.c.document_id == sa.bindparam("document_id"))


@cache
def _unnest_insert(table: sa.Table, names: tuple[str, ...], returning: tuple[str, ...]) -> str:
    """INSERT ... SELECT FROM unnest(): one array parameter per column, named like it (binary format)."""
    quote = _PG.identifier_preparer.quote
    # No length in the casts: casting to VARCHAR(n) would cut a long value silently, while
    # the INSERT's assignment to the VARCHAR(n) column refuses it.
    arrays = ", ".join(f"%({name})b::{_LENGTH.sub('', table.c[name].type.compile(_PG))}[]" for name in names)
    sql = (f"INSERT INTO {_PG.identifier_preparer.format_table(table)} ({', '.join(map(quote, names))}) "
           f"SELECT * FROM unnest({arrays})")
    return sql + (f" RETURNING {', '.join(map(quote, returning))}" if returning else "")


@cache
def _json_table_insert(table: sa.Table, names: tuple[str, ...], returning: tuple[str, ...]) -> str:
    """INSERT ... SELECT FROM JSON_TABLE(): one JSON array of row arrays, columns in the order of `names`."""
    quote = _MYSQL.identifier_preparer.quote
    columns = ", ".join(
        f"{quote(name)} {_json_column_type(table.c[name])} PATH '$[{i}]'" for i, name in enumerate(names)
    )
    listed = ", ".join(map(quote, names))
    sql = (f"INSERT INTO {_MYSQL.identifier_preparer.format_table(table)} ({listed}) "
           f"SELECT {listed} FROM JSON_TABLE(%s, '$[*]' COLUMNS({columns})) AS j")
    return sql + (f" RETURNING {', '.join(map(quote, returning))}" if returning else "")


def _json_column_type(column: sa.Column[object]) -> str:
    # Text as LONGTEXT: a VARCHAR(n) here would cut a long value (or make it NULL) before
    # the INSERT's assignment to the VARCHAR(n) column could refuse it.
    if isinstance(column.type, sa.String):
        return "LONGTEXT"
    return column.type.compile(_MYSQL)
