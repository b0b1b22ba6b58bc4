"""time_limit: a hard stop for one document, which leaves a caller's own timer working."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from jixiao.extract.deadline import time_limit
from jixiao.extract.exceptions import ResourceLimitExceeded


def spin(seconds: float) -> None:
    """Busy Python work, like a slow stage, for at most `seconds`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_block_over_its_time_is_stopped_with_a_jixiao_error() -> None:
    with pytest.raises(ResourceLimitExceeded, match=r"^slow\.docx: took longer than 0\.05 s"):
        with time_limit("slow.docx", 0.05):
            spin(5)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_block_within_its_time_is_left_alone() -> None:
    with time_limit("fast.docx", 5):
        spin(0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


class Outer(BaseException):
    pass


def test_an_earlier_outer_timer_still_fires_with_its_own_handler() -> None:
    def outer(signum, frame):
        raise Outer()

    previous = signal.signal(signal.SIGALRM, outer)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with pytest.raises(Outer):
            with time_limit("inner.docx", 5):
                spin(5)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_later_outer_timer_is_rearmed_after_the_block() -> None:
    previous = signal.signal(signal.SIGALRM, lambda s, f: None)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with time_limit("inner.docx", 5):
            pass
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left <= 30
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_it_does_nothing() -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit("thread.docx", 0.01):
                spin(0.05)
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []
