"""Write the current views to files a spreadsheet or BI tool opens: CSV, Parquet or Excel.

One file per view (v_indicators.csv, ...), columns and types as load.catalog
lists them, rows in the view's catalog order. Imports pandas, so only the
export command loads this module.

The files of one export agree with each other: every view is read in one transaction
(REPEATABLE READ on PostgreSQL and MariaDB, one read transaction on SQLite), so an ingest
running meanwhile shows in all of them or in none. Each file is written under a temporary
name in the output folder and moved into place only when all are written: a failure
(a full disk, a cell Excel cannot hold) leaves the folder as it was.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.load.catalog import VIEWS, View
from jixiao.load.exceptions import ExportError, ExportTargetError, LoadError

__all__ = ["Format", "FORMATS", "ENCODINGS", "ExportedFile", "export_views", "view_frame"]

Format = Literal["csv", "parquet", "xlsx"]
FORMATS: tuple[Format, ...] = ("csv", "parquet", "xlsx")
XLSX_MAX_ROWS = 1_048_575
"""An Excel sheet holds 1,048,576 rows, one of them the header."""
XLSX_MAX_CELL = 32_767
"""Characters an Excel cell holds; Excel cuts or refuses a longer one, so the export refuses it first."""
ENCODINGS = {"utf-8-sig": "utf-8-sig", "utf-8": "utf-8"}
"""CSV encodings: UTF-8 with a byte-order mark (the default: Excel then reads the Chinese right), or without."""

# Control characters Word text can carry (vertical tab for a line break) that an .xlsx cannot store.
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class ExportedFile:
    """One file written."""

    view: str
    path: Path
    rows: int


def _arrow_type(t: sa.types.TypeEngine[object]) -> pa.DataType:
    if isinstance(t, sa.DateTime):
        return pa.timestamp("ms")  # Parquet has no seconds unit
    if isinstance(t, sa.Date):
        return pa.date32()
    if isinstance(t, sa.Double):
        return pa.float64()
    if isinstance(t, sa.Integer):
        return pa.int64()
    if isinstance(t, sa.Boolean):
        return pa.bool_()
    return pa.string()


def arrow_schema(view: View) -> pa.Schema:
    """The Parquet schema of a view: fixed by the catalog, not guessed from the rows."""
    return pa.schema([pa.field(c.name, _arrow_type(c.type)) for c in view.columns])


def view_table(conn: sa.Connection, view: View) -> pa.Table:
    """A view's rows as an Arrow table with the catalog's types."""
    rows = conn.execute(view.select()).all()
    columns = list(zip(*rows)) if rows else [()] * len(view.columns)
    return pa.table({c.name: pa.array(values, _arrow_type(c.type)) for c, values in zip(view.columns, columns)},
                    schema=arrow_schema(view))


def view_frame(conn: sa.Connection, view: View) -> pd.DataFrame:
    """A view's rows as a DataFrame with nullable dtypes (Int64, Float64, string, date)."""
    return view_table(conn, view).to_pandas(types_mapper=_nullable_dtype, date_as_object=True)


def _nullable_dtype(t: pa.DataType) -> object:
    if pa.types.is_int64(t):
        return pd.Int64Dtype()
    if pa.types.is_float64(t):
        return pd.Float64Dtype()
    if pa.types.is_string(t):
        return pd.StringDtype()
    if pa.types.is_boolean(t):
        return pd.BooleanDtype()
    return None


def export_views(engine: Engine, out_dir: str | Path, fmt: Format, views: Sequence[View] = VIEWS, *,
                 encoding: str = "utf-8-sig") -> tuple[ExportedFile, ...]:
    """Write each view to `out_dir`/<view>.<fmt> from one snapshot; the folder is created if needed.

    Raises ExportTargetError when the folder cannot be written, ExportError for content the
    format cannot hold; either way no file in the folder was changed.
    """
    if fmt not in FORMATS:
        raise LoadError(str(out_dir), f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if encoding not in ENCODINGS:
        raise LoadError(str(out_dir), f"unknown CSV encoding {encoding!r}; use one of {', '.join(ENCODINGS)}")
    out = Path(out_dir)
    staged: list[tuple[Path, ExportedFile]] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        with _snapshot(engine) as conn:
            for view in views:
                path = out / f"{view.name}.{fmt}"
                table = view_table(conn, view)
                temp = _temporary(out, path)
                staged.append((temp, ExportedFile(view.name, path, table.num_rows)))
                if fmt == "parquet":
                    pq.write_table(table, temp)
                else:
                    frame = table.to_pandas(types_mapper=_nullable_dtype, date_as_object=True)
                    _write_frame(frame, temp, fmt, view.name, encoding)
        for temp, done in staged:
            os.replace(temp, done.path)
    except OSError as e:
        raise ExportTargetError(str(out), f"cannot write the export there ({_os_reason(e)}); "
                                          "no file was changed") from None
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
    return tuple(done for _, done in staged)


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileExistsError) or (isinstance(error, NotADirectoryError)):
        return "a file of that name is in the way; name a folder"
    return error.strerror or type(error).__name__


def _temporary(folder: Path, final: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{final.name}.", suffix=".part")
    os.close(fd)
    return Path(name)


@contextmanager
def _snapshot(engine: Engine) -> Iterator[sa.Connection]:
    """A connection whose reads all see the database as of one moment."""
    with engine.connect() as conn:
        if engine.dialect.name != "sqlite":  # SQLite's read transaction is a snapshot already (WAL)
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def _write_frame(frame: pd.DataFrame, path: Path, fmt: Format, view: str, encoding: str) -> None:
    if fmt == "csv":
        frame.to_csv(path, index=False, encoding=ENCODINGS[encoding], lineterminator="\n")
        return
    if len(frame) > XLSX_MAX_ROWS:
        raise ExportError(view, f"has {len(frame)} rows, more than an Excel sheet holds; export as csv or parquet")
    for name in frame.columns:
        if isinstance(frame[name].dtype, pd.StringDtype):
            frame[name] = frame[name].str.replace(_XLSX_ILLEGAL, "", regex=True)
            _check_cell_lengths(frame, name, view)
    frame.to_excel(path, index=False, sheet_name=view, engine="openpyxl")


def _check_cell_lengths(frame: pd.DataFrame, column: str, view: str) -> None:
    lengths = frame[column].str.len()
    too_long = lengths[lengths > XLSX_MAX_CELL]
    if len(too_long):
        row = int(too_long.index[0])
        raise ExportError(view, f"row {row + 1}, column {column} has {int(too_long.iloc[0]):,} characters, more "
                                f"than an Excel cell holds ({XLSX_MAX_CELL:,}); export as csv or parquet, which "
                                "keep every character")
