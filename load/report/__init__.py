"""The HTML report of a jixiao database: the reviewer's page (findings per project, the projects to send
back), documents and versions per department and year, charts, and every warning and untyped value a
clerk should look at.

    from jixiao.load.report import write_html_report
    totals = write_html_report("sqlite:///jixiao.db", "report.html")
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.load.database import create_engine, display_url, normalize_url
from jixiao.load.exceptions import LoadError
from jixiao.load.migrate import ensure_schema
from jixiao.load.report.data import ReportData, Totals, read_report_data, read_totals
from jixiao.load.report.page import render_page

__all__ = ["ReportData", "Totals", "read_report_data", "read_totals", "render_report", "write_html_report"]


def render_report(engine: Engine, *, now: dt.datetime | None = None) -> tuple[str, ReportData]:
    """The page for the database behind `engine`, and the data it shows."""
    ensure_schema(engine)
    with engine.connect() as conn, conn.begin():
        data = read_report_data(conn)
    generated = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    return render_page(data, database=display_url(engine.url), generated_at=generated), data


def write_html_report(url: str, out: str | Path) -> ReportData:
    """Write the report of the database at `url` to the file `out` (UTF-8)."""
    _refuse_missing_sqlite_file(url)
    engine = create_engine(url)
    try:
        page, data = render_report(engine)
    except sa.exc.DBAPIError as e:
        detail = str(e.orig).strip().splitlines()[0] if str(e.orig).strip() else type(e.orig).__name__
        raise LoadError(display_url(url), f"cannot read the database ({detail})") from None
    finally:
        engine.dispose()
    Path(out).write_text(page, encoding="utf-8")
    return data


def _refuse_missing_sqlite_file(url: str) -> None:
    """A report must not create an empty database where the clerk mistyped the path."""
    parsed = normalize_url(url)
    name = parsed.database
    if parsed.get_backend_name() == "sqlite" and name and name != ":memory:" and not name.startswith("file:"):
        if not Path(name).is_file():
            raise LoadError(name, "no such database file; run `jixiao ingest` first or pass --db URL")
