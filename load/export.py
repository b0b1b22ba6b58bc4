"""Write the current views to files a spreadsheet or BI tool opens: CSV, Parquet or Excel.

One file per view (v_indicators.csv, ...), columns and types as load.catalog
lists them, rows in the view's catalog order. Imports pandas, so only the
export command loads this module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.load.catalog import VIEWS, View
from jixiao.load.exceptions import LoadError

__all__ = ["Format", "FORMATS", "ExportedFile", "export_views", "view_frame"]

Format = Literal["csv", "parquet", "xlsx"]
FORMATS: tuple[Format, ...] = ("csv", "parquet", "xlsx")
XLSX_MAX_ROWS = 1_048_575
"""An Excel sheet holds 1,048,576 rows, one of them the header."""

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


def export_views(engine: Engine, out_dir: str | Path, fmt: Format, views: Sequence[View] = VIEWS
                 ) -> tuple[ExportedFile, ...]:
    """Write each view to `out_dir`/<view>.<fmt>; the folder is created if needed."""
    if fmt not in FORMATS:
        raise LoadError(str(out_dir), f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with engine.connect() as conn:
        for view in views:
            path = out / f"{view.name}.{fmt}"
            table = view_table(conn, view)
            if fmt == "parquet":
                pq.write_table(table, path)
            else:
                frame = table.to_pandas(types_mapper=_nullable_dtype, date_as_object=True)
                _write_frame(frame, path, fmt)
            written.append(ExportedFile(view.name, path, table.num_rows))
    return tuple(written)


def _write_frame(frame: pd.DataFrame, path: Path, fmt: Format) -> None:
    if fmt == "csv":
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        return
    if len(frame) > XLSX_MAX_ROWS:
        raise LoadError(str(path), f"has {len(frame)} rows, more than an Excel sheet holds; export as csv or parquet")
    for name in frame.columns:
        if isinstance(frame[name].dtype, pd.StringDtype):
            frame[name] = frame[name].str.replace(_XLSX_ILLEGAL, "", regex=True)
    frame.to_excel(path, index=False, sheet_name=path.stem, engine="openpyxl")
