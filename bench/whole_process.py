"""Whole-process wall time of a command (start-up included), as a user at a prompt feels it."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import time


def time_command(cmd: list[str], runs: int = 7) -> dict:
    """Median and best wall time over `runs` runs after one untimed run; stdout discarded."""
    first = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    if first.returncode != 0:
        return {"error": f"exit {first.returncode}: {first.stderr.decode('utf-8', 'replace').strip()[-500:]}"}
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return {"median_s": statistics.median(times), "best_s": min(times), "runs": runs}


def pandoc_version() -> str | None:
    """`pandoc --version`'s first line, or None when pandoc is not installed."""
    exe = shutil.which("pandoc")
    if exe is None:
        return None
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    return out.stdout.splitlines()[0] if out.stdout else "pandoc"
