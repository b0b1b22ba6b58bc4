"""`jixiao export [--db URL] --format csv|parquet|xlsx -o DIR [--encoding utf-8]`: the current views as files.

Writes one file per view (v_indicators, v_projects, v_documents, v_narrative_indicators,
v_warnings) from one snapshot of the database; docs/database.md lists their columns.
Exit status: 0 written, 1 content the format cannot hold (nothing changed), 2 the folder
cannot be written (nothing changed).
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
    parser.add_argument("--encoding", choices=("utf-8-sig", "utf-8"), default="utf-8-sig",
                        help="CSV encoding: utf-8-sig (default, with a byte-order mark so Excel reads Chinese "
                             "right) or utf-8 (for tools that dislike the mark)")


def run(args: argparse.Namespace) -> int:
    from jixiao.load.exceptions import ExportTargetError
    from jixiao.load.export import export_views

    engine = open_engine(args)
    try:
        files = export_views(engine, args.output, args.format, encoding=args.encoding)
    except ExportTargetError as e:
        print(f"jixiao export: {e}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    for f in files:
        print(f"{f.path}\t{f.rows} rows", file=sys.stderr)
    return 0
