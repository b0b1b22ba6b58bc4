"""What the clerk sees: one line per file in a log, a throttled bar redrawn in place on a terminal."""

from __future__ import annotations

import io

import pytest

from jixiao.batch import FileOutcome
from jixiao.progress import BarProgress, LineProgress, bar_text, file_line, for_stream


def outcome(status: str, path: str = "报告/a.docx", **kw: object) -> FileOutcome:
    fields: dict[str, object] = dict(
        path=path, sha256="0" * 64, status=status, document_key=None, version=None, document_id=None,
        projects=0, indicators=0, untyped=0, warnings=(), error_code=None, error_message=None,
    )
    return FileOutcome(**{**fields, **kw})  # type: ignore[arg-type]


@pytest.mark.parametrize(("o", "line"), [
    (outcome("loaded", projects=3, indicators=40), "loaded    报告/a.docx (3 projects, 40 indicators)"),
    (outcome("loaded", projects=1, indicators=9, untyped=2),
     "loaded    报告/a.docx (1 project, 9 indicators, 2 untyped)"),
    (outcome("checked", projects=2, indicators=1), "checked   报告/a.docx (2 projects, 1 indicator)"),
    (outcome("unchanged", document_key="某局/2024/project", version=2),
     "unchanged 报告/a.docx (already loaded as 某局/2024/project v2)"),
    (outcome("failed", error_message="报告/a.docx: is a PDF, not a Word file"),
     "FAILED    报告/a.docx: is a PDF, not a Word file"),
    (outcome("failed", error_message="a.docx: is empty (0 bytes)\nsecond line"),
     "FAILED    报告/a.docx: is empty (0 bytes)"),
    (outcome("failed", error_message="b.docx: is empty"), "FAILED    报告/a.docx: b.docx: is empty"),
    (outcome("failed"), "FAILED    报告/a.docx: failed"),
])
def test_one_line_per_file(o: FileOutcome, line: str) -> None:
    assert file_line(o) == line


@pytest.mark.parametrize(("done", "total", "failed", "elapsed", "text"), [
    (0, 4, 0, 0.0, "[........................................] 0/4   0%  0.0 files/s  ETA --:--"),
    (1, 4, 0, 2.0, "[##########..............................] 1/4  25%  0.5 files/s  ETA 0:06"),
    (3, 4, 2, 3.0, "[##############################..........] 3/4  75%  1.0 files/s  ETA 0:01  2 failed"),
    (4, 4, 0, 4.0, "[########################################] 4/4 100%  1.0 files/s  in 0:04"),
    (50, 7200, 0, 50.0, "[........................................] 50/7200   0%  1.0 files/s  ETA 1:59:10"),
])
def test_bar_text(done: int, total: int, failed: int, elapsed: float, text: str) -> None:
    assert bar_text(done, total, failed, elapsed, width=120) == text


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bar_redraws_in_place_throttled_and_prints_failures_above_it() -> None:
    stream, clock = io.StringIO(), Clock()
    bar = BarProgress(stream, clock=clock, interval=0.5, width=100)
    bar.start(4)
    clock.now += 0.1
    bar.advance(outcome("loaded"))  # within the interval: no redraw
    assert stream.getvalue().count("\r[") == 1
    clock.now += 1.0
    bar.advance(outcome("failed", path="b.docx", error_message="b.docx: is empty"))
    clock.now += 0.1
    bar.advance(outcome("loaded"))
    bar.advance(outcome("loaded"))  # the last file always redraws
    bar.finish()
    out = stream.getvalue()
    frames = [f for f in out.split("\r") if f.startswith("[")]
    assert [f.split()[1] for f in frames] == ["0/4", "2/4", "4/4", "4/4"]
    assert "\nFAILED    b.docx: is empty\n" in out.replace("\r", "\n")
    assert "1 failed" in frames[-1] and out.endswith("\n")


def test_lines_when_not_a_terminal_and_a_bar_when_it_is() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe = io.StringIO()
    progress = for_stream(pipe)
    assert isinstance(progress, LineProgress)
    progress.start(1)
    progress.advance(outcome("loaded", projects=1, indicators=2))
    progress.finish()
    assert pipe.getvalue() == "loaded    报告/a.docx (1 project, 2 indicators)\n"
    assert isinstance(for_stream(Tty()), BarProgress)
