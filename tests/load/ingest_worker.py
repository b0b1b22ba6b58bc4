"""A separate process that ingests contract-JSON reports, for the crash and concurrency tests.

    python ingest_worker.py URL FILE.json... [--hang-in N] [--go-file PATH]

Prints "ready", then "done <file> <status> <version>" after each committed document.
--hang-in N: while writing the N-th document (from 1), after its indicators are sent but before
the commit, print "mid" and sleep, so the test can SIGKILL it mid-transaction.
--go-file PATH: wait for PATH to exist before starting (to start two workers at once).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sqlalchemy import event

from jixiao.load.database import create_engine
from jixiao.load.ingest import ingest_report
from jixiao.normalize.contract import report_from_dict


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--hang-in", type=int, default=0)
    parser.add_argument("--go-file")
    args = parser.parse_args()
    engine = create_engine(args.url)
    current = {"n": 0}

    @event.listens_for(engine, "after_cursor_execute")
    def hang(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if current["n"] == args.hang_in and statement.lstrip().upper().startswith("INSERT INTO INDICATORS"):
            print("mid", flush=True)
            time.sleep(600)

    reports = [report_from_dict(json.loads(Path(f).read_text(encoding="utf-8"))) for f in args.files]
    print("ready", flush=True)
    if args.go_file:
        while not Path(args.go_file).exists():
            time.sleep(0.005)
    for n, (name, report) in enumerate(zip(args.files, reports), 1):
        current["n"] = n
        outcome = ingest_report(engine, report, path=name, run_id="worker")
        print(f"done {name} {outcome.status} {outcome.version}", flush=True)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
