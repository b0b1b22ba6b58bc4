"""A hard time limit on reading one document, across every stage (extract and normalize).

DocxPackage checks its own deadline while parts stream; this covers the work done
after the last byte was read. Wrap the read of one file, in the CLI or a pool worker:

    with time_limit(path, limits.seconds_per_document):
        report = read_report(path)
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from jixiao.extract.exceptions import ResourceLimitExceeded


@contextmanager
def time_limit(path: str, seconds: float) -> Iterator[None]:
    """Raise ResourceLimitExceeded naming `path` inside the block once it has run `seconds`.

    Uses SIGALRM, so it acts only in a process's main thread (the CLI, each worker of a
    process pool); in another thread it does nothing. A timer the caller had set keeps
    running: it still fires at its own time, with its own handler.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    start = time.monotonic()
    outer_delay, _ = signal.getitimer(signal.ITIMER_REAL)
    outer_handler = signal.getsignal(signal.SIGALRM)

    def ring(signum, frame) -> None:
        elapsed = time.monotonic() - start
        if elapsed >= seconds * 0.999:
            raise ResourceLimitExceeded(path, f"took longer than {seconds:g} s to read (time limit per document)")
        if callable(outer_handler):
            outer_handler(signum, frame)  # the caller's timer came first
        signal.setitimer(signal.ITIMER_REAL, seconds - elapsed)

    signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer_delay) if outer_delay else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, outer_handler)
        if outer_delay:
            # Re-arm the caller's timer for what was left of it (at once, if it is already due).
            signal.setitimer(signal.ITIMER_REAL, max(outer_delay - (time.monotonic() - start), 1e-6))
