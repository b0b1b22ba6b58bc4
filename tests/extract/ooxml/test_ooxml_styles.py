"""Paragraph style names and outline levels, from the paragraph or its style chain."""

from __future__ import annotations

import pytest

from jixiao.extract.model import Paragraph
from tests.docx_builder import p, style

STYLES = (
    style("Normal", "Normal", default=True)
    + style("Heading1", "heading 1", outline=0)
    + style("Heading2", "heading 2")  # Word's built-in name alone gives the level
    + style("MyTitle", "My Title", based_on="Heading2")
    + style("BodyHeading", "Body Heading", based_on="Heading1", outline=9)
    + style("Title2", "标题 3")
)


@pytest.mark.parametrize(
    ("paragraph", "name", "outline"),
    [
        (p("x"), "Normal", None),
        (p("x", style="Heading1"), "heading 1", 0),
        (p("x", style="Heading2"), "heading 2", 1),
        (p("x", style="MyTitle"), "My Title", 1),
        (p("x", style="BodyHeading"), "Body Heading", None),
        (p("x", style="Title2"), "标题 3", 2),
        (p("x", outline=3), "Normal", 3),
        (p("x", style="Heading1", outline=2), "heading 1", 2),
        (p("x", style="Heading1", outline=9), "heading 1", None),
        (p("x", style="NoSuchStyle"), "Normal", None),
    ],
)
def test_style_name_and_outline_level_come_from_the_paragraph_and_its_style_chain(read, paragraph, name, outline) -> None:
    body = read(paragraph, styles_xml=STYLES)
    assert body.blocks == (Paragraph("x", style=name, outline_level=outline),)


def test_a_based_on_loop_does_not_hang_the_reader(read) -> None:
    looped = style("A", "a", based_on="B") + style("B", "b", based_on="A", outline=1)
    assert read(p("x", style="A"), styles_xml=looped).blocks == (Paragraph("x", style="a", outline_level=1),)


def test_a_malformed_styles_part_is_a_warning_and_the_body_is_still_read(read) -> None:
    body = read(p("x", style="Heading1"), styles_xml=STYLES, extra_parts={"word/styles.xml": "<w:styles><oops>"})
    assert body.blocks == (Paragraph("x"),)
    assert [w.code for w in body.warnings] == ["styles_missing"]


def test_a_missing_styles_part_is_reported_once_when_a_paragraph_names_a_style(read) -> None:
    body = read(p("a", style="Heading1") + p("b", style="Heading1"))
    assert [b.text for b in body.blocks] == ["a", "b"]
    assert [w.code for w in body.warnings] == ["styles_missing"]
