"""`jixiao report -o report.html`: one self-contained HTML page about what the database holds.

Example:
    jixiao report --db sqlite:///jixiao.db -o report.html

The page needs no network: CSS and charts (SVG) are inline, there is no script.
It opens with the review (findings by rule, the projects to send back, each project's
indicators with the findings beside them), then lists per department and year the documents
and their versions, every warning and every value left untyped with its file, table and row,
and the files that failed.
"""

from __future__ import annotations

import argparse
import sys

from jixiao.commands.db import add_db_option


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="HTML file to write")


def run(args: argparse.Namespace) -> int:
    from jixiao.load.database import resolve_url
    from jixiao.load.exceptions import BadDatabaseUrl
    from jixiao.load.report import write_html_report

    try:
        data = write_html_report(resolve_url(args.db), args.output)
    except BadDatabaseUrl as e:
        print(f"jixiao report: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"jixiao report: cannot write {args.output}: {e.strerror}", file=sys.stderr)
        return 2
    t = data.totals
    print(
        f"wrote {args.output}: {t.documents} documents ({t.versions} versions), {t.projects} projects, "
        f"{t.indicators} indicators, {t.warnings} warnings, {t.untyped} untyped values, "
        f"{t.failed_files} failed files",
        file=sys.stderr,
    )
    return 0
