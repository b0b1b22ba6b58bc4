"""Documents carrying the same styles.xml / numbering.xml share their parse, never their state (issue 7)."""

from __future__ import annotations

import io
import zipfile

import pytest

from jixiao.extract.model import Paragraph
from jixiao.extract.ooxml import part_cache
from jixiao.extract.ooxml.numbering import read_definitions
from jixiao.extract.ooxml.part_cache import parsed_part
from jixiao.extract.ooxml.styles import index_styles
from tests.docx_builder import abstract_num, build_docx, num, p, style

NUMBERING = abstract_num(0, [("decimal", "%1.")]) + num(1, 0)
STYLES = style("Heading1", "heading 1") + style("Body", "Body Text")


def _numbers(body) -> list[str | None]:
    return [b.number for b in body.blocks if isinstance(b, Paragraph)]


def test_each_document_counts_its_lists_from_the_start_though_the_parse_is_shared(read) -> None:
    first = read(p("a", num=(1, 0)) * 3, NUMBERING, STYLES)
    second = read(p("b", num=(1, 0)) * 2, NUMBERING, STYLES)
    assert _numbers(first) == ["1.", "2.", "3."]
    assert _numbers(second) == ["1.", "2."]


def test_a_style_id_one_document_invents_is_not_remembered_for_the_next(read) -> None:
    index = parsed_part(_styles_bytes(), index_styles)[1]
    first, second = index.styles(), index.styles()
    first.resolve("NoSuchStyle")
    assert "NoSuchStyle" in first.resolved and "NoSuchStyle" not in second.resolved
    body = read(p("x", style="NoSuchStyle") + p("y", style="Heading1"), NUMBERING, STYLES)
    assert [b.style for b in body.blocks] == [None, "heading 1"]


@pytest.mark.parametrize("read_part", [index_styles, read_definitions])
def test_the_same_bytes_give_the_same_parse(read_part) -> None:
    data = _styles_bytes() if read_part is index_styles else _numbering_bytes()
    assert parsed_part(data, read_part) is parsed_part(bytes(bytearray(data)), read_part)


def test_a_part_too_large_to_keep_is_parsed_for_its_document_alone(monkeypatch) -> None:
    data = _styles_bytes()
    monkeypatch.setattr(part_cache, "CACHED_PART_BYTES", len(data) - 1)
    first, second = parsed_part(data, index_styles), parsed_part(data, index_styles)
    assert first is not second
    assert first[1].elements.keys() == second[1].elements.keys() == {"Heading1", "Body"}


def test_a_damaged_part_is_reported_for_every_document_that_carries_it(read) -> None:
    broken = {"word/numbering.xml": b"<w:numbering"}
    for _ in range(2):
        body = read(p("a"), None, None, broken)
        assert [w.code for w in body.warnings] == ["numbering_missing"]


def _part_bytes(name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(build_docx(p("x"), NUMBERING, STYLES))) as z:
        return z.read(name)


def _styles_bytes() -> bytes:
    return _part_bytes("word/styles.xml")


def _numbering_bytes() -> bytes:
    return _part_bytes("word/numbering.xml")
