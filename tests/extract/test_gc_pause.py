"""The cyclic collector is off while a document is read, and back as the caller had it afterwards (issue 7)."""

from __future__ import annotations

import gc

import pytest

from jixiao.extract.gc_pause import paused_gc
from jixiao.extract.ooxml.reader import read_docx
from tests.docx_builder import build_docx, p


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after(collector_on) -> None:
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_turns_it_back_on(collector_on) -> None:
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_nested_pause_leaves_it_off_until_the_outer_one_ends(collector_on) -> None:
    with paused_gc():
        with paused_gc():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_caller_that_turned_it_off_keeps_it_off(collector_on) -> None:
    gc.disable()
    read_docx(build_docx(p("正文")), "off.docx")
    assert not gc.isenabled()


def test_reading_a_document_leaves_it_on(collector_on) -> None:
    read_docx(build_docx(p("正文")), "on.docx")
    assert gc.isenabled()
