"""`jixiao diff KEY [--from V] [--to V] [--format table|json]`: what changed between two versions.

Defaults compare the current version with the one before it.
Example: jixiao diff 唐山市市场监督管理局/2021/department_overall --from 1 --to 2
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import TYPE_CHECKING

from jixiao.commands.db import add_db_option, open_engine
from jixiao.commands.history import render_table

if TYPE_CHECKING:
    from jixiao.load.diff import DocumentDiff, ValueState


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", metavar="KEY", help="document key (`jixiao history` lists them)")
    parser.add_argument("--from", dest="from_version", type=int, metavar="V",
                        help="older version (default: the one before --to)")
    parser.add_argument("--to", dest="to_version", type=int, metavar="V", help="newer version (default: the current)")
    add_db_option(parser)
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")


def run(args: argparse.Namespace) -> int:
    from jixiao.load.diff import diff_versions

    engine = open_engine(args)
    try:
        diff = diff_versions(engine, args.key, args.from_version, args.to_version)
    finally:
        engine.dispose()
    if args.format == "json":
        print(json.dumps(dataclasses.asdict(diff), ensure_ascii=False, indent=2, default=str))
    else:
        print(render_diff(diff))
    return 0


def _value(v: ValueState, other: ValueState | None = None) -> str:
    """The value as written; with its typed reading when the text is the same on both sides."""
    text = v.raw if v.raw else "(empty)"
    if other is not None and other.raw == v.raw:
        number = v.value if v.value_max is None else f"{v.value}-{v.value_max}"
        text += f" [{v.kind} {v.op or ''} {number if number is not None else v.date or ''} {v.unit or ''}]"
    return " ".join(text.split())


def render_diff(diff: DocumentDiff) -> str:
    """The diff as one table: change, project, indicator or field, from, to."""
    head = f"{diff.document_key}: version {diff.from_version} -> {diff.to_version}"
    if diff.is_empty:
        return f"{head}\nno differences"
    rows: list[tuple[str, str, str, str, str]] = []
    rows += [("project added", p.label(), "", "", "") for p in diff.projects_added]
    rows += [("project removed", p.label(), "", "", "") for p in diff.projects_removed]
    rows += [("field changed", f.project.label(), f.field, str(f.old), str(f.new)) for f in diff.fields_changed]
    rows += [("indicator added", i.project.label(), i.indicator or "", "", _value(i.value))
             for i in diff.indicators_added]
    rows += [("indicator removed", i.project.label(), i.indicator or "", _value(i.value), "")
             for i in diff.indicators_removed]
    rows += [("value changed", c.project.label(), c.indicator or "", _value(c.old, c.new), _value(c.new, c.old))
             for c in diff.values_changed]
    return f"{head}\n{render_table(('change', 'project', 'indicator / field', 'from', 'to'), rows)}"
