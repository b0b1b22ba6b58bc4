"""`jixiao parse-value TEXT... [--year Y]`: show how indicator values are typed, one JSON line each.

Example: jixiao parse-value "95%以上" "≥4家" "2021年12月底前" --year 2021
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("texts", nargs="+", metavar="TEXT", help="a value as written in a 指标值 cell")
    parser.add_argument("--year", type=int, help="fiscal year for dates written without one (年底前)")
    parser.add_argument("--nature", help="指标性质 column of the budget-system layout (≥ ≤ = 定性)")
    parser.add_argument("--unit", help="度量单位 column of the budget-system layout (万元, %%, 家)")


def run(args: argparse.Namespace) -> int:
    from jixiao.normalize.contract import parsed_value_to_dict
    from jixiao.normalize.value_parser import parse_value

    for text in args.texts:
        parsed = parse_value(text, year=args.year, nature=args.nature, unit=args.unit)
        print(json.dumps(parsed_value_to_dict(parsed), ensure_ascii=False), file=sys.stdout)
    return 0
