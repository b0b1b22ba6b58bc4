"""`jixiao extract FILE...`: print the output contract (schema_version 1) of each report.

Example: jixiao extract samples/tangshan_2021_market_supervision.docx --format json
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from jixiao.extract.exceptions import JixiaoError
from jixiao.commands.reading import add_reading_arguments, reader_from_args


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=".docx report(s) to read")
    parser.add_argument(
        "--format", choices=("json", "jsonl"), default="json",
        help="json: one indented object per file (an array for several files); jsonl: one line per file",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    add_reading_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.normalize.contract import report_to_dict

    read_report = reader_from_args(args)

    failed = 0
    objects: list[dict] = []
    target = open(args.output, "w", encoding="utf-8") if args.output else nullcontext(sys.stdout)
    with target as out:
        for file in args.files:
            try:
                obj = report_to_dict(read_report(Path(file)))
            except JixiaoError as e:
                print(f"jixiao: {e}", file=sys.stderr)
                failed += 1
                continue
            if args.format == "jsonl":
                _write(out, json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                objects.append(obj)
        if args.format == "json" and objects:
            payload = objects[0] if len(args.files) == 1 else objects
            _write(out, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


def _write(out: IO[str], text: str) -> None:
    out.write(text)
    out.flush()
