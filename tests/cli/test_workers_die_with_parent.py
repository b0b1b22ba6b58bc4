"""Killing the parent of a batch ends its workers instead of leaving them blocked on a pipe (issue 11, item 8)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("orphan_batch.py")


def _alive(pid: int) -> bool:
    """Running or sleeping; a zombie nobody has reaped yet counts as ended."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def _wait_for(condition, seconds: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize("prctl", ["1", "0"], ids=["prctl", "watch-thread-only"])
def test_sigkill_of_the_parent_ends_every_worker(tmp_path: Path, prctl: str) -> None:
    pids = tmp_path / "pids"
    pids.mkdir()
    files = []
    for n in range(4):
        (tmp_path / f"{n}.docx").write_bytes(b"x")
        files.append(str(tmp_path / f"{n}.docx"))
    parent = subprocess.Popen([sys.executable, str(SCRIPT), *files], env={**os.environ, "JIXIAO_TEST_PIDS": str(pids),
                                                                   "JIXIAO_TEST_NO_PRCTL": "0" if prctl == "1" else "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        assert _wait_for(lambda: len(list(pids.iterdir())) == 2, 60), "the two workers never started reading"
        workers = [int(p.name) for p in pids.iterdir()]
        assert all(_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 5), \
            f"workers {[pid for pid in workers if _alive(pid)]} outlived their killed parent"
    finally:
        parent.kill()
        parent.wait(timeout=30)
        for pid in workers:  # only the workers this test started
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
