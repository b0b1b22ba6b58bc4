"""Options shared by the commands that read reports: --convert and the safety limits."""

from __future__ import annotations

import argparse
import dataclasses
import functools
from collections.abc import Callable

from jixiao.extract.limits import DEFAULT_LIMITS, MiB, Limits

# flag -> (Limits field, multiplier from the flag's unit, help)
LIMIT_FLAGS: dict[str, tuple[str, float, str]] = {
    "--max-file-mb": ("max_file_bytes", MiB, "largest .docx file accepted"),
    "--max-part-mb": ("max_part_bytes", MiB, "largest uncompressed part (word/document.xml)"),
    "--max-total-mb": ("max_total_uncompressed", MiB, "largest total uncompressed size"),
    "--max-ratio": ("max_ratio", 1, "highest compression ratio of a part (zip-bomb guard)"),
    "--max-entries": ("max_entries", 1, "most entries in the zip"),
    "--max-xml-depth": ("max_xml_depth", 1, "deepest XML nesting"),
    "--max-xml-elements": ("max_xml_elements", 1, "most XML elements in one part"),
    "--time-limit": ("seconds_per_document", 1, "seconds to read one document"),
}


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {text}")
    return value


def add_reading_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--convert", action="store_true",
        help="convert legacy .doc/.wps/.rtf/.odt files to .docx with LibreOffice (soffice) before reading",
    )
    group = parser.add_argument_group("safety limits (defaults fit every real report)")
    for flag, (name, unit, help_text) in LIMIT_FLAGS.items():
        default = getattr(DEFAULT_LIMITS, name) / unit
        group.add_argument(flag, type=_positive, metavar="N", help=f"{help_text} (default {default:g})")


def limits_from_args(args: argparse.Namespace) -> Limits:
    changes = {}
    for flag, (name, unit, _) in LIMIT_FLAGS.items():
        value = getattr(args, flag.lstrip("-").replace("-", "_"))
        if value is not None:
            typed = type(getattr(DEFAULT_LIMITS, name))
            changes[name] = typed(value * unit)
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


def reader_from_args(args: argparse.Namespace) -> Callable:
    """jixiao.pipeline.read_report with the options given (picklable, for worker processes)."""
    from jixiao.pipeline import read_report

    return functools.partial(read_report, limits=limits_from_args(args), convert=args.convert)
