"""`jixiao ingest PATH...`: load reports into the database, in parallel, each document whole or not at all.

Example:
    jixiao ingest submissions/2024/ --db postgresql+psycopg://user@host/finance --log-json ingest.jsonl

Progress goes to stderr (a bar on a terminal, one line per file otherwise); the summary
table goes to stdout. Exit status: 0 every file loaded or unchanged, 1 some file failed
(the others are still loaded), 2 usage error. A PATH that does not exist is a failed
file, not a usage error, so one mistyped name never costs the rest of the batch.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from jixiao.commands.db import add_db_option
from jixiao.commands.reading import add_reading_arguments, reader_from_args

if TYPE_CHECKING:
    from jixiao.batch import BatchSummary


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Exit status: 0 every file loaded or unchanged, 1 some file failed (the rest still loaded), "
        "2 usage error. A PATH that does not exist counts as a failed file."
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="report files, or folders searched recursively for .docx/.docm/.dotx "
                             "(and .doc/.wps/.rtf/.odt, read with --convert)")
    add_db_option(parser)
    parser.add_argument("--key", metavar="KEY",
                        help="document key for every file: they become versions of one document, in the order given")
    parser.add_argument("--workers", type=_workers, metavar="N",
                        help="processes reading files (default: one per CPU; 1 reads in this process)")
    parser.add_argument("--fail-fast", action="store_true", help="stop at the first file that fails")
    parser.add_argument("--dry-run", action="store_true",
                        help="read and validate every file, write nothing (the database is not opened)")
    parser.add_argument("--reparse", action="store_true",
                        help="re-read files already loaded and store a new version where the result differs "
                             "(done anyway for versions read by another jixiao version)")
    parser.add_argument("--accept-shrink", action="store_true",
                        help="make a revision current even when it drops all or most of its document's projects "
                             "(by default it is stored but the previous version stays current)")
    parser.add_argument("--log-json", metavar="FILE",
                        help="write one JSON line per file (path, sha256, status, counts, warnings, error)")
    add_reading_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.batch import run_batch
    from jixiao.progress import for_stream
    from jixiao.load.document_key import KEY_MAX
    from jixiao.load.exceptions import BadDatabaseUrl

    if args.key is not None and not 0 < len(args.key.strip()) <= KEY_MAX:
        return _usage(f"--key must be 1 to {KEY_MAX} characters")
    try:
        log = open(args.log_json, "w", encoding="utf-8") if args.log_json else None
    except OSError as e:
        return _usage(f"--log-json: cannot write {args.log_json}: {e.strerror}")
    try:
        summary = run_batch(
            args.paths, db_url=args.db, workers=args.workers, key=args.key, dry_run=args.dry_run,
            fail_fast=args.fail_fast, progress=for_stream(sys.stderr), log_json=log,
            reparse=args.reparse, accept_shrink=args.accept_shrink, read=reader_from_args(args),
        )
    except BadDatabaseUrl as e:
        return _usage(str(e))
    finally:
        if log is not None:
            log.close()
    if summary.files == 0:
        # Nothing to do is not a failure: a scheduled run over an empty inbox folder is fine.
        print(f"jixiao ingest: no .docx, .docm, .dotx, .doc, .wps, .rtf or .odt files under {' '.join(args.paths)}",
              file=sys.stderr)
        return 0
    print_summary(summary, sys.stdout, database=None if args.dry_run else args.db)
    return summary.exit_status


def _usage(message: str) -> int:
    print(f"jixiao ingest: {message}", file=sys.stderr)
    return 2


def summary_rows(summary: BatchSummary) -> list[tuple[str, str]]:
    """The summary table as (label, value) rows."""
    first = ("files checked", summary.checked) if summary.dry_run else ("files loaded", summary.loaded)
    rows: list[tuple[str, object]] = [first]
    if not summary.dry_run:
        rows.append(("files unchanged", summary.unchanged))
    rows.append(("files failed", summary.failed))
    if summary.not_processed:
        rows.append(("files not read", f"{summary.not_processed} (stopped at the first failure)"))
    if summary.same_file_twice:
        path, first = summary.same_file_twice[0]
        more = f" and {len(summary.same_file_twice) - 1} more" if len(summary.same_file_twice) > 1 else ""
        rows.append(("paths read once", f"{len(summary.same_file_twice)} ({path} is the same file as {first}{more})"))
    if not summary.dry_run:
        rows.append(("revisions", f"{summary.revisions} (replaced the current version; see the lines above)"
                     if summary.revisions else "0"))
        if summary.kept_apart:
            rows.append(("kept apart", f"{summary.kept_apart} (different reports of a department, year and kind "
                                       "already loaded: new documents, see the lines above)"))
        if summary.held:
            keys = ", ".join(o.document_key or "" for o in summary.actions("hold"))
            rows.append(("held back", f"{summary.held} (stored, not made current: they drop most projects; "
                                      f"{keys})"))
    written = "versions to write" if summary.dry_run else "versions written"
    rows += [
        (written, summary.documents), ("projects", summary.projects), ("indicators", summary.indicators),
        ("values left untyped", summary.untyped),
        ("elapsed", f"{summary.elapsed:.1f} s ({summary.files_per_second:.1f} files/s, "
                    f"{summary.workers} worker{'s' if summary.workers != 1 else ''})"),
    ]
    return [(label, str(value)) for label, value in rows]


def print_summary(summary: BatchSummary, out: TextIO, *, database: str | None) -> None:
    """The table a clerk reads at the end, then what the database now holds (not for a dry run)."""
    rows = summary_rows(summary)
    if not summary.dry_run:
        rows.append(_database_row(database))
    width = max(len(label) for label, _ in rows)
    title = "Summary (dry run: nothing written)" if summary.dry_run else "Summary"
    print(title, file=out)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}", file=out)
    out.flush()


def _database_row(database: str | None) -> tuple[str, str]:
    from jixiao.load.database import create_engine, display_url, resolve_url
    from jixiao.load.report import read_totals

    url = resolve_url(database)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            t = read_totals(conn)
    finally:
        engine.dispose()
    return ("database now holds", f"{t.documents} documents ({t.versions} versions), {t.projects} projects, "
                                  f"{t.indicators} indicators in current versions [{display_url(url)}]")
