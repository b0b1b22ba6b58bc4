"""How much CPU other processes took while a step ran: timings on a shared machine need that caveat."""

from __future__ import annotations

import os
import resource
import time

BUSY_CORES = 0.25
"""Other processes' average use, in cores, above which a step's timings are not trusted."""


def _system_busy_s() -> float | None:
    """CPU seconds all processes have used since boot (everything but idle and iowait)."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    busy = sum(fields[:8]) - idle  # user nice system idle iowait irq softirq steal
    return busy / os.sysconf("SC_CLK_TCK")


def _own_s() -> float:
    """CPU seconds of this process and of every child it has waited for."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


class CpuWatch:
    """Started before a step, read after it: the cores other processes kept busy meanwhile."""

    def __init__(self) -> None:
        self._wall, self._system, self._own = time.perf_counter(), _system_busy_s(), _own_s()

    def others_cores(self) -> float | None:
        system = _system_busy_s()
        wall = time.perf_counter() - self._wall
        if system is None or self._system is None or wall <= 0:
            return None
        others = (system - self._system) - (_own_s() - self._own)
        return max(0.0, others / wall)


def wait_for_idle(max_wait_s: float, window_s: float = 1.0) -> float | None:
    """Wait (up to `max_wait_s`) until other processes use under BUSY_CORES; their last use, in cores."""
    deadline = time.perf_counter() + max_wait_s
    while True:
        watch = CpuWatch()
        time.sleep(window_s)
        others = watch.others_cores()
        if others is None or others <= BUSY_CORES or time.perf_counter() >= deadline:
            return others
