"""Pause Python's cyclic garbage collector while one document is read.

Reading a large document allocates hundreds of thousands of small objects (cells,
paragraphs, tuples) that all stay alive until the read ends. Every collection of the
oldest generation walks all of them again, so with the collector on, reading grows
faster than the document (issue 7: a 10x larger document must take at most 11x the
time). The reader's values are frozen dataclasses, tuples and strings without
reference cycles: reference counting frees them all, and the collector finds nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic collector off; a caller that had turned it off keeps it off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
