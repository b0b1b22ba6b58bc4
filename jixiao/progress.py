"""What a clerk sees while a batch runs: a redrawn bar on a terminal, one line per file elsewhere."""

from __future__ import annotations

import os
import sys
import time
from typing import Callable, Protocol, TextIO

# Status words padded to one width so the paths line up in a log.
_LABELS = {"loaded": "loaded   ", "unchanged": "unchanged", "failed": "FAILED   ", "checked": "checked  "}
_HELD = "HELD     "
"""A version stored but not made current (it drops most projects; see load.identity)."""


class Outcome(Protocol):
    """What progress needs to know about one finished file (load.ingest.IngestOutcome has it)."""

    path: str
    status: str
    projects: int
    indicators: int
    untyped: int
    version: int | None
    document_key: str | None
    error_message: str | None


class Progress(Protocol):
    """Told when a batch starts, when each file is done, and when it ends."""

    def start(self, total: int) -> None: ...

    def advance(self, outcome: Outcome) -> None: ...

    def finish(self) -> None: ...


def problem_text(outcome: Outcome) -> str:
    """The error message without a leading "<path>: " (the line shows the path already)."""
    message = (outcome.error_message or "failed").splitlines()[0]
    for prefix in (f"{outcome.path}: ", f"{os.path.basename(outcome.path)}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def file_line(outcome: Outcome) -> str:
    """One line for one file, e.g. "loaded    a.docx (3 projects, 40 indicators)", then its note if any
    ("v2 of KEY, replaces a.docx v1: +1 project")."""
    line = _status_line(outcome)
    note = getattr(outcome, "note", None)
    return f"{line}: {note}" if note else line


def _status_line(outcome: Outcome) -> str:
    held = getattr(outcome, "action", None) == "hold"
    label = _HELD if held else _LABELS.get(outcome.status, outcome.status)
    if outcome.status == "failed":
        return f"{label} {outcome.path}: {problem_text(outcome)}"
    if outcome.status == "unchanged":
        version = f" v{outcome.version}" if outcome.version is not None else ""
        key = f" as {outcome.document_key}{version}" if outcome.document_key else ""
        return f"{label} {outcome.path} (already loaded{key})"
    counts = f"{_n(outcome.projects, 'project')}, {_n(outcome.indicators, 'indicator')}"
    if outcome.untyped:
        counts += f", {outcome.untyped} untyped"
    return f"{label} {outcome.path} ({counts})"


class LineProgress:
    """Plain output for logs and pipes: one line per file as it finishes."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def start(self, total: int) -> None:
        pass

    def advance(self, outcome: Outcome) -> None:
        print(file_line(outcome), file=self.stream, flush=True)

    def finish(self) -> None:
        pass


def _clock_text(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def bar_text(done: int, total: int, failed: int, elapsed: float, width: int) -> str:
    """The bar line: [####....] 45/120  37%  12.3 files/s  ETA 0:06  2 failed."""
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = _clock_text((total - done) / rate) if rate > 0 and done < total else "--:--"
    if done == total:
        eta = _clock_text(elapsed)
    percent = 100 * done // total if total else 100
    tail = f" {done}/{total} {percent:3d}%  {rate:.1f} files/s  {'ETA' if done < total else 'in'} {eta}"
    if failed:
        tail += f"  {failed} failed"
    # The bar keeps one length for the whole run (the tail grows once files fail).
    slots = max(10, min(40, width - 60))
    filled = slots * done // total if total else slots
    return f"[{'#' * filled}{'.' * (slots - filled)}]{tail}"


class BarProgress:
    """A bar redrawn in place with \\r, at most every `interval` seconds; failures print above it."""

    def __init__(
        self,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        interval: float = 0.1,
        width: int | None = None,
    ) -> None:
        self.stream = stream
        self.clock = clock
        self.interval = interval
        self.width = width or _terminal_width(stream)
        self.total = self.done = self.failed = 0
        self.started = self.drawn_at = 0.0
        self.shown = 0  # length of the bar line on screen, to blank it before another line

    def start(self, total: int) -> None:
        self.total = total
        self.started = self.clock()
        self._draw()

    def advance(self, outcome: Outcome) -> None:
        self.done += 1
        if outcome.status == "failed" or getattr(outcome, "note", None):
            self.failed += outcome.status == "failed"
            self._clear()
            print(file_line(outcome), file=self.stream)
            self._draw()
        elif self.clock() - self.drawn_at >= self.interval or self.done == self.total:
            self._draw()

    def finish(self) -> None:
        self._draw()
        self.stream.write("\n")
        self.stream.flush()
        self.shown = 0

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")

    def _draw(self) -> None:
        now = self.clock()
        line = bar_text(self.done, self.total, self.failed, now - self.started, self.width - 1)
        self.stream.write("\r" + line + " " * max(0, self.shown - len(line)))
        self.stream.flush()
        self.shown = len(line)
        self.drawn_at = now


def _terminal_width(stream: TextIO) -> int:
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        columns = 0
    return columns or 80  # a pseudo-terminal nobody sized reports 0 columns


def for_stream(stream: TextIO | None = None) -> Progress:
    """A bar when the stream is a terminal, plain lines otherwise."""
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    return BarProgress(stream) if isatty is not None and isatty() else LineProgress(stream)
