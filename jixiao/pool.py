"""Read files in worker processes and hand the results back in input order, surviving crashes.

Extract and normalize are pure CPU work, so they run in a process pool; the parent
process alone writes the database, in input order, so the result never depends on
the number of workers. Each worker pays its start-up cost (imports, the jieba
dictionary) once, in the pool initializer, not once per file.
"""

from __future__ import annotations

import copyreg
import ctypes
import dataclasses
import io
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from jixiao.extract.exceptions import JixiaoError
from jixiao.load.files import file_sha256
from jixiao.normalize.records import Report

ReadFn = Callable[[str], Report]
WarmFn = Callable[[], None]

# Files submitted ahead of the one being loaded, per worker: keeps workers busy while a
# slow file holds the head of the queue, or while the parent is still opening the
# database at the start, yet bounds what is held in memory (packed reads, ~15 KB each).
AHEAD_PER_WORKER = 16


@dataclass(frozen=True, slots=True)
class FileRead:
    """One file after extract and normalize: its report, or why it could not be read."""

    path: str
    sha256: str | None
    report: Report | None = None
    error_code: str | None = None
    message: str | None = None
    traceback: str | None = None
    """Only for unexpected errors (a bug in jixiao), for --log-json; never shown as the one line."""


def read_one(read: ReadFn, path: str) -> FileRead:
    """Run `read` on one file; any exception becomes a failed FileRead, never a lost batch."""
    try:
        report = read(path)
    except JixiaoError as e:
        return FileRead(path, file_sha256(path), error_code=e.code, message=str(e))
    except Exception as e:  # a bug in jixiao must cost one file, not the batch
        first = (str(e).splitlines() or [""])[0]
        detail = f"{type(e).__name__}: {first}" if first else type(e).__name__
        return FileRead(
            path, file_sha256(path), error_code="internal_error",
            message=f"{path}: internal error while reading ({detail}); please report it with the --log-json file",
            traceback=traceback.format_exc(),
        )
    return FileRead(path, report.source.sha256 or file_sha256(path), report=report)


Reducer = Callable[[Any], tuple[type, tuple[Any, ...]]]


class _Reducers(dict[type, Reducer]):
    """copyreg's reducers, plus one made on first sight for each frozen dataclass that `cls(*values)` rebuilds."""

    def __missing__(self, cls: type) -> Reducer:
        if cls in copyreg.dispatch_table:
            return copyreg.dispatch_table[cls]
        params = getattr(cls, "__dataclass_params__", None)
        if params is None or not params.frozen or hasattr(cls, "__post_init__"):
            raise KeyError(cls)
        fields = dataclasses.fields(cls)
        if not all(f.init for f in fields):
            raise KeyError(cls)
        get = attrgetter(*(f.name for f in fields))
        reducer: Reducer = (lambda obj: (cls, get(obj))) if len(fields) > 1 else (lambda obj: (cls, (get(obj),)))
        self[cls] = reducer
        return reducer


_REDUCERS = _Reducers()


def pack(value: object) -> bytes:
    """`value` pickled with its frozen dataclasses as constructor calls (see read_packed)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(value)
    return buffer.getvalue()


def read_packed(read: ReadFn, path: str) -> bytes:
    """read_one in a worker, its result packed for the parent.

    A Report is hundreds of small frozen dataclasses; pickle's default for a slotted one
    calls dataclasses.fields() per object both ways, while `cls(*values)` costs a third
    of that here and three quarters in the parent. The parent unpickles the bytes in
    the thread that loads the report, not in the pool's result thread competing with it.
    """
    return pack(read_one(read, path))


def crashed(path: str) -> FileRead:
    return FileRead(
        path, file_sha256(path), error_code="worker_crashed",
        message=f"{path}: the process reading this file stopped abruptly (crashed or was killed); "
        "nothing was loaded from it",
    )


def warm_up(warm: WarmFn | None) -> None:
    """Run the start-up work; if it fails, reading each file fails alike and says why, file by file."""
    if warm is None:
        return
    try:
        warm()
    except Exception:  # an error here would break the pool and mark every file as crashed
        pass


PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal a Linux process gets when its parent dies."""
PARENT_POLL_SECONDS = 0.5


def die_with_parent() -> None:
    """End this worker when the process that started it dies, even by SIGKILL.

    A worker waits for files on a pipe the parent writes; when the parent is killed, workers
    that inherited the pipe's other end would wait there forever. On Linux the kernel sends
    SIGKILL at once (PR_SET_PDEATHSIG); everywhere, a daemon thread also checks that the
    parent is still there, so a worker outlives its parent by half a second at most.
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl in this libc: the thread below still watches
            pass
    if parent == 1 or os.getppid() != parent:  # the parent died before the watch began
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="jixiao-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _init_worker(warm: WarmFn | None) -> None:
    # Ctrl-C goes to the whole process group; the parent alone decides how the batch stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    warm_up(warm)


class PooledReader:
    """Iterate FileReads of `paths` in input order, reading up to `workers` files at once.

    The workers start, warm up and read the first files on entering the `with` block, so
    the caller can meanwhile do its own start-up (open the database) in parallel.
    A worker that dies (BrokenProcessPool) loses the files it held; the pool is
    restarted and those files are read again one at a time, so only the file that
    kills its worker again is marked failed.
    """

    def __init__(self, paths: Sequence[str], read: ReadFn, workers: int, warm: WarmFn | None) -> None:
        self.paths = paths
        self.read = read
        self.workers = workers
        self.warm = warm
        self.pool: ProcessPoolExecutor | None = None
        self.restarts = 0
        self._pending = iter(paths)
        self._window: deque[tuple[str, Future[bytes]]] = deque()

    def __enter__(self) -> PooledReader:
        self._fresh_pool()
        self._fill()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()

    def _stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def _fresh_pool(self) -> ProcessPoolExecutor:
        if self.pool is not None:
            self.restarts += 1
            self._stop()
        self.pool = ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(self.warm,))
        return self.pool

    def _submit(self, path: str) -> Future[bytes]:
        assert self.pool is not None
        return self.pool.submit(read_packed, self.read, path)

    def _fill(self) -> None:
        window = self._window
        while len(window) < self.workers * AHEAD_PER_WORKER:
            path = next(self._pending, None)
            if path is None:
                break
            window.append((path, self._submit(path)))

    def __iter__(self) -> Iterator[FileRead]:
        if self.pool is None:
            raise RuntimeError("iterate a PooledReader inside its `with` block")
        window = self._window
        while True:
            self._fill()
            if not window:
                return
            path, future = window.popleft()
            try:
                yield self._result(path, future)
            except BrokenProcessPool:
                held = [(path, future), *window]
                window.clear()
                self._fresh_pool()
                for held_path, held_future in held:
                    yield _finished(held_path, held_future) or self._alone(held_path)

    def _result(self, path: str, future: Future[bytes]) -> FileRead:
        try:
            return pickle.loads(future.result())
        except BrokenProcessPool:
            raise
        except Exception as e:  # e.g. a report that cannot be sent back from the worker
            return FileRead(
                path, file_sha256(path), error_code="internal_error",
                message=f"{path}: internal error while reading ({type(e).__name__}); please report it",
                traceback="".join(traceback.format_exception(e)),
            )

    def _alone(self, path: str) -> FileRead:
        """Read one file with nothing else in flight, so a crash points at this file."""
        try:
            return self._result(path, self._submit(path))
        except BrokenProcessPool:
            self._fresh_pool()
            return crashed(path)


def _finished(path: str, future: Future[bytes]) -> FileRead | None:
    """The result of a future that completed before the pool broke, else None."""
    if future.done() and not future.cancelled() and future.exception() is None:
        return pickle.loads(future.result())
    return None


def read_in_process(paths: Sequence[str], read: ReadFn) -> Iterator[FileRead]:
    """The one-worker path: no pool, no pickling, same results."""
    for path in paths:
        yield read_one(read, path)
