"""`jixiao history [KEY] [--db URL] [--format table|json] [--make-current N]`: the versions of a document key.

Without KEY it lists the document keys. Example: jixiao history 唐山市市场监督管理局/2021/department_overall
With --make-current N, version N becomes the current version again (the undo of a revision;
recorded in version_log): jixiao history 唐山市市场监督管理局/2021/department_overall --make-current 1
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import unicodedata
from collections.abc import Sequence

from jixiao.commands.db import add_db_option, open_engine


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", nargs="?", metavar="KEY", help="document key (omit to list the keys)")
    add_db_option(parser)
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    parser.add_argument("--make-current", type=int, metavar="N",
                        help="make version N of KEY the current version again (in one transaction, logged)")


def run(args: argparse.Namespace) -> int:
    from jixiao.load.history import keys, versions

    if args.make_current is not None:
        return _make_current(args)
    engine = open_engine(args)
    try:
        items = versions(engine, args.key) if args.key else keys(engine)
    finally:
        engine.dispose()
    if args.format == "json":
        print(json.dumps([dataclasses.asdict(x) for x in items], ensure_ascii=False, indent=2, default=str))
    elif args.key:
        print(render_table(
            ("version", "current", "ingested (UTC)", "file", "sha256", "projects", "indicators", "warnings", "untyped"),
            [(v.version, "*" if v.is_current else "", v.ingested_at, v.source_file, v.sha256[:12], v.projects,
              v.indicators, v.warnings, v.untyped) for v in items],
        ))
    else:
        print(render_table(
            ("document key", "current version", "versions", "department", "year", "file"),
            [(k.document_key, k.current_version, k.versions, k.department or "", k.fiscal_year or "", k.source_file)
             for k in items],
        ))
    return 0


def _make_current(args: argparse.Namespace) -> int:
    import sys

    from jixiao.load.restore import make_current

    if not args.key:
        print("jixiao history: --make-current needs a KEY", file=sys.stderr)
        return 2
    engine = open_engine(args)
    try:
        restored = make_current(engine, args.key, args.make_current)
    finally:
        engine.dispose()
    print(restored.message)
    return 0


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table; numbers right-aligned, CJK text counted as double width."""
    cells = [[("" if x is None else str(x)) for x in row] for row in [headers, *rows]]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(isinstance(r[i], (int, float)) for r in rows) and bool(rows) for i in range(len(headers))]
    lines = []
    for row in cells:
        padded = [
            (" " * (w - _width(text)) + text) if right else (text + " " * (w - _width(text)))
            for text, w, right in zip(row, widths, numeric)
        ]
        lines.append("  ".join(padded).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
