"""`jixiao export [--db URL] --format csv|parquet|xlsx -o DIR`: the current views as files.

Writes one file per view (v_indicators, v_projects, v_documents, v_narrative_indicators,
v_warnings); docs/database.md lists their columns.
"""

from __future__ import annotations

import argparse
import sys

from jixiao.commands.db import add_db_option, open_engine

FORMATS = ("csv", "parquet", "xlsx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument("--format", choices=FORMATS, required=True, help="file format")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write (created if missing)")


def run(args: argparse.Namespace) -> int:
    from jixiao.load.export import export_views

    engine = open_engine(args)
    try:
        files = export_views(engine, args.output, args.format)
    finally:
        engine.dispose()
    for f in files:
        print(f"{f.path}\t{f.rows} rows", file=sys.stderr)
    return 0
