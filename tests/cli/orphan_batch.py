"""A dry-run batch whose reads hang, for the test that kills it: python orphan_batch.py FILE...

Each worker writes its pid as a file under $JIXIAO_TEST_PIDS when it starts reading, then sleeps.
With JIXIAO_TEST_NO_PRCTL=1 the workers cannot call prctl, as on macOS: only the watch thread is left.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import jixiao.pool
from jixiao.batch import run_batch


class _NoPrctl:
    def CDLL(self, *args: object, **kwargs: object) -> None:  # noqa: N802 (ctypes' name)
        raise OSError("no prctl here")


def slow_read(path: str) -> None:
    (Path(os.environ["JIXIAO_TEST_PIDS"]) / str(os.getpid())).touch()
    time.sleep(120)
    raise AssertionError("the test kills this batch long before")


if __name__ == "__main__":
    if os.environ.get("JIXIAO_TEST_NO_PRCTL") == "1":
        jixiao.pool.ctypes = _NoPrctl()  # type: ignore[assignment]
    run_batch(sys.argv[1:], workers=2, dry_run=True, read=slow_read, warm=None)
