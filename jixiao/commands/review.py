"""`jixiao review`: check reports against the review rules (绩效目标审核), before submitting or after ingest.

Examples:
    jixiao review 2025_项目支出绩效目标表.docx              # a department, before it submits
    jixiao review 2025绩效目标/                            # every report under a folder
    jixiao review --db sqlite:///jixiao.db --rules 本局审核规则.toml   # the bureau, after ingest

Without --db the files are read and checked, nothing is stored. With --db every stored
version is reviewed again (use it after changing the rules) and the findings of the current
versions are listed. Exit status: 0 no error-level finding, 1 some (or a file that cannot
be read), 2 a usage error (bad options, a rule file that cannot be used).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.commands.db import add_db_option, open_engine
from jixiao.commands.reading import add_reading_arguments, reader_from_args
from jixiao.extract.exceptions import JixiaoError

if TYPE_CHECKING:
    from jixiao.review import Finding, RuleSet


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="PATH",
                        help=".docx report(s) or folders of them to check (no database)")
    add_db_option(parser)
    parser.add_argument("--rules", metavar="FILE", action="append", default=[],
                        help="a rule table (TOML) over the built-in one and $JIXIAO_RULES; may be given more than once")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="table: grouped listing for people (default); json, csv: for programs")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    add_reading_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.review import RulesError, default_rules, has_errors, review_report
    from jixiao.review.output import as_csv, as_json, as_text, summary

    if bool(args.files) == bool(args.db):
        print("jixiao review: give report files, or --db URL to review a database (not both)", file=sys.stderr)
        return 2
    try:
        rules = default_rules(args.rules)
    except RulesError as e:
        print(f"jixiao review: {e}", file=sys.stderr)
        return 2
    failed = False
    if args.db:
        findings = _review_database(args, rules)
    else:
        from jixiao.load.files import iter_report_files

        read_report = reader_from_args(args)
        findings: list[Finding] = []
        for file in iter_report_files(args.files):
            try:
                findings.extend(review_report(read_report(Path(file)), rules))
            except JixiaoError as e:
                print(f"jixiao review: {e}", file=sys.stderr)
                failed = True
    text = {"table": as_text, "json": as_json, "csv": as_csv}[args.format](findings)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}: {summary(findings)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 1 if failed or has_errors(findings) else 0


def _review_database(args: argparse.Namespace, rules: RuleSet) -> list[Finding]:
    from jixiao.load.findings import current_findings, review_stored

    engine = open_engine(args)
    try:
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
        run = review_stored(engine, rules, now=now)
        print(f"reviewed {run.versions} stored versions with rules {rules.digest}", file=sys.stderr)
        return current_findings(engine)
    finally:
        engine.dispose()
