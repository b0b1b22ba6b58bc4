"""Timing: per-document times of several readers, interleaved, and throughput of a process pool."""

from __future__ import annotations

import math
import multiprocessing as mp
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.readers import READERS


@dataclass
class ReaderRuns:
    """Every timed run of one reader: runs[i] holds the repeat times (s) of document i."""

    name: str
    runs: list[list[float]] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    """File name -> the error the reader raised on it."""

    @property
    def failures(self) -> list[str]:
        return [f"{name}: {error}" for name, error in self.failed.items()]

    def best(self) -> list[float]:
        """Fastest repeat per document: the least noisy estimate of its cost."""
        return [min(r) for r in self.runs]

    def mean(self) -> list[float]:
        """Mean repeat per document: an unbiased estimate of one run."""
        return [sum(r) / len(r) for r in self.runs]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(seconds: list[float]) -> dict[str, float]:
    """Median and p95 in ms and documents/s of a list of per-document times."""
    total = sum(seconds)
    return {
        "documents": len(seconds),
        "median_ms": statistics.median(seconds) * 1000,
        "p95_ms": percentile(seconds, 95) * 1000,
        "total_s": total,
        "docs_per_s": len(seconds) / total if total else float("inf"),
    }


def time_documents(paths: list[Path], repeats: dict[str, int]) -> dict[str, ReaderRuns]:
    """Time each reader on each document, interleaved so drift of the machine hits all alike.

    `repeats` maps a reader name (see bench.readers.READERS) to how many times it reads each file.
    """
    out = {name: ReaderRuns(name) for name in repeats}
    for name in repeats:  # warm up: imports, dictionaries, caches
        _run(READERS[name], paths[0], out[name], record=False)
    for path in paths:
        for name, k in repeats.items():
            out[name].runs.append([_run(READERS[name], path, out[name]) for _ in range(k)])
    return out


def _run(reader, path: Path, runs: ReaderRuns, *, record: bool = True) -> float:
    t0 = time.perf_counter()
    try:
        reader(path)
    except Exception as e:  # a reader failing on a file is a result, not a crash of the bench
        if record:
            runs.failed[path.name] = f"{type(e).__name__}: {e}"
    return time.perf_counter() - t0


# --- process pool -------------------------------------------------------------------------

_reader = None


def _init_worker(name: str, warm_path: str) -> None:
    global _reader
    _reader = READERS[name]
    try:
        _reader(Path(warm_path))
    except Exception:
        pass


def _ready(_: int) -> int:
    time.sleep(0.3)  # long enough that every worker takes one, so all have finished start-up
    return mp.current_process().pid or 0


def _work(path: str) -> bool:
    try:
        _reader(Path(path))  # type: ignore[misc]
        return True
    except Exception:
        return False


def pool_throughput(paths: list[Path], workers: int, reader: str = "jixiao") -> dict[str, float]:
    """Documents/s of `workers` processes over `paths`; start-up and warm-up are not timed.

    Both worker counts get the same setup: spawned processes, one warm-up read each,
    largest files first (so no worker is left alone with a big file at the end).
    """
    ordered = sorted(paths, key=lambda p: p.stat().st_size, reverse=True)
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(reader, str(paths[0]))) as pool:
        pids = set(pool.map(_ready, range(workers), chunksize=1))
        t0 = time.perf_counter()
        ok = sum(pool.imap_unordered(_work, [str(p) for p in ordered], chunksize=1))
        elapsed = time.perf_counter() - t0
    return {
        "workers": workers, "processes_seen": len(pids), "documents": len(paths), "failed": len(paths) - ok,
        "elapsed_s": elapsed, "docs_per_s": len(paths) / elapsed,
    }
