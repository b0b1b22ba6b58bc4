"""The automatic number a reader sees in front of a paragraph, rendered from numbering.xml."""

from __future__ import annotations

import pytest

from jixiao.extract.model import Paragraph, Table
from tests.docx_builder import abstract_num, num, p, style, tbl, tc


def numbers(body) -> list[str | None]:
    return [b.number for b in body.blocks if isinstance(b, Paragraph)]


SEED_LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）"),
               ("decimalEnclosedCircle", "%5")]
SEED_NUMBERING = abstract_num(0, SEED_LEVELS) + num(1, 0)


@pytest.mark.parametrize(
    ("fmt", "start", "expected"),
    [
        ("decimal", 1, ["1.", "2.", "3."]),
        ("chineseCounting", 9, ["九.", "十.", "十一."]),
        ("chineseCounting", 20, ["二十.", "二十一.", "二十二."]),
        ("chineseCountingThousand", 99, ["九十九.", "一百.", "一百〇一."]),
        ("ideographDigital", 9, ["九.", "一〇.", "一一."]),
        ("japaneseCounting", 99, ["九十九.", "百.", "百一."]),
        ("lowerLetter", 25, ["y.", "z.", "aa."]),
        ("upperLetter", 1, ["A.", "B.", "C."]),
        ("lowerRoman", 3, ["iii.", "iv.", "v."]),
        ("upperRoman", 8, ["VIII.", "IX.", "X."]),
        ("decimalEnclosedCircle", 19, ["⑲.", "⑳.", "21."]),
        ("decimalEnclosedCircleChinese", 1, ["①.", "②.", "③."]),
        ("decimalFullWidth", 9, ["９.", "１０.", "１１."]),
    ],
)
def test_each_number_format_is_rendered_into_the_number(read, fmt, start, expected) -> None:
    body = read(p("a", num=(1, 0)) * 3, abstract_num(0, [(fmt, "%1.")], start=start) + num(1, 0))
    assert numbers(body) == expected
    assert {b.num_format for b in body.blocks} == {fmt}


def test_the_text_keeps_no_automatic_number_and_the_number_is_separate(read) -> None:
    body = read(p("部门总体绩效目标", num=(1, 0)), SEED_NUMBERING)
    assert body.blocks == (Paragraph("部门总体绩效目标", number="一、", num_format="chineseCounting", list_id=1, list_level=0),)


@pytest.mark.parametrize(
    ("template", "expected"),
    [("（%1）", "（一）"), ("第%1章", "第一章"), ("%1、", "一、"), ("(%1)", "(一)"), ("%1", "一")],
)
def test_the_level_text_template_surrounds_the_number(read, template, expected) -> None:
    body = read(p("x", num=(1, 0)), abstract_num(0, [("chineseCounting", template)]) + num(1, 0))
    assert numbers(body) == [expected]


def test_a_deeper_level_restarts_when_a_shallower_level_advances(read) -> None:
    levels = abstract_num(0, [("decimal", "%1."), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3")]) + num(1, 0)
    order = [0, 1, 1, 2, 2, 0, 1, 2, 1]
    body = read("".join(p(f"p{i}", num=(1, lvl)) for i, lvl in enumerate(order)), levels)
    assert numbers(body) == ["1.", "1.1", "1.2", "1.2.1", "1.2.2", "2.", "2.1", "2.1.1", "2.2"]


def test_the_seed_outline_numbers_chinese_levels_independently(read) -> None:
    order = [0, 1, 2, 2, 1, 0, 1, 3, 4, 4]
    body = read("".join(p(f"p{i}", num=(1, lvl)) for i, lvl in enumerate(order)), SEED_NUMBERING)
    assert numbers(body) == ["一、", "（一）", "1.", "2.", "（二）", "二、", "（一）", "（1）", "①", "②"]


def test_a_level_used_before_its_parent_shows_the_parent_start_value(read) -> None:
    levels = abstract_num(0, [("decimal", "%1."), ("decimal", "%1.%2")]) + num(1, 0)
    assert numbers(read(p("a", num=(1, 1)) + p("b", num=(1, 1)), levels)) == ["1.1", "1.2"]


def test_lvl_restart_makes_a_level_restart_only_after_the_named_level(read) -> None:
    restart_after_level_1 = {2: '<w:lvlRestart w:val="1"/>'}
    levels = abstract_num(0, [("decimal", "%1."), ("upperLetter", "%2."), ("lowerLetter", "%3)")],
                          extra=restart_after_level_1) + num(1, 0)
    order = [0, 2, 2, 1, 2, 0, 2]
    body = read("".join(p(f"p{i}", num=(1, lvl)) for i, lvl in enumerate(order)), levels)
    # level 2 runs on across the level-1 paragraph B. and restarts only after a level-0 paragraph
    assert numbers(body) == ["1.", "a)", "b)", "A.", "c)", "2.", "a)"]


def test_lvl_restart_zero_never_restarts(read) -> None:
    levels = abstract_num(0, [("decimal", "%1."), ("decimal", "(%2)")], extra={1: '<w:lvlRestart w:val="0"/>'})
    body = read("".join(p("x", num=(1, lvl)) for lvl in (0, 1, 1, 0, 1)), levels + num(1, 0))
    assert numbers(body) == ["1.", "(1)", "(2)", "2.", "(3)"]


def test_w_start_sets_the_first_number(read) -> None:
    assert numbers(read(p("a", num=(1, 0)) * 2, abstract_num(0, [("decimal", "%1.")], start=5) + num(1, 0))) == ["5.", "6."]


def test_nums_of_one_abstract_definition_share_the_running_count_as_in_word(read) -> None:
    definitions = abstract_num(0, [("decimal", "%1.")]) + num(1, 0) + num(2, 0)
    body = read(p("a", num=(1, 0)) + p("b", num=(1, 0)) + p("c", num=(2, 0)) + p("d", num=(1, 0)), definitions)
    assert numbers(body) == ["1.", "2.", "3.", "4."]


def test_a_start_override_restarts_the_list_the_first_time_its_num_is_used(read) -> None:
    definitions = abstract_num(0, [("decimal", "%1.")]) + num(1, 0) + num(2, 0, overrides={0: 1})
    body = read(
        p("a", num=(1, 0)) + p("b", num=(1, 0)) + p("restart", num=(2, 0)) + p("c", num=(2, 0)) + p("d", num=(1, 0)),
        definitions,
    )
    assert numbers(body) == ["1.", "2.", "1.", "2.", "3."]


def test_separate_abstract_definitions_count_separately(read) -> None:
    definitions = abstract_num(0, [("decimal", "%1.")]) + abstract_num(1, [("decimal", "%1)")]) + num(1, 0) + num(2, 1)
    body = read(p("a", num=(1, 0)) + p("b", num=(2, 0)) + p("c", num=(1, 0)) + p("d", num=(2, 0)), definitions)
    assert numbers(body) == ["1.", "1)", "2.", "2)"]


def test_a_level_override_replaces_the_level_definition_for_that_num(read) -> None:
    override = ('<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1)"/></w:lvl>'
                "</w:lvlOverride></w:num>")
    body = read(p("a", num=(2, 0)), abstract_num(0, [("decimal", "%1.")]) + override)
    assert numbers(body) == ["III)"]


def test_is_lgl_writes_every_level_of_the_number_in_arabic_digits(read) -> None:
    levels = abstract_num(0, [("chineseCounting", "%1、"), ("lowerLetter", "%1.%2")], extra={1: "<w:isLgl/>"})
    body = read(p("a", num=(1, 0)) + p("b", num=(1, 1)) + p("c", num=(1, 1)), levels + num(1, 0))
    assert numbers(body) == ["一、", "1.1", "1.2"]


@pytest.mark.parametrize("fmt", ["bullet", "none"])
def test_bullets_and_none_show_no_number_but_keep_the_list(read, fmt) -> None:
    body = read(p("item", num=(1, 0)), abstract_num(0, [(fmt, "\uf0b7" if fmt == "bullet" else "")]) + num(1, 0))
    assert body.blocks == (Paragraph("item", number=None, num_format=fmt, list_id=1, list_level=0),)


def test_num_id_zero_means_no_numbering_even_when_the_style_numbers(read) -> None:
    styles = style("ListHeading", "list heading", num=(1, 0))
    body = read(p("numbered", style="ListHeading") + p("switched off", style="ListHeading", num=(0, 0)),
                SEED_NUMBERING, styles)
    assert numbers(body) == ["一、", None]


def test_numbering_is_inherited_from_the_paragraph_style(read) -> None:
    styles = style("Heading1", "heading 1", num=(1, 0)) + style("Heading2", "heading 2", num=(1, 1))
    body = read(p("目标", style="Heading1") + p("质量", style="Heading2") + p("安全", style="Heading2"),
                SEED_NUMBERING, styles)
    assert numbers(body) == ["一、", "（一）", "（二）"]
    assert [b.style for b in body.blocks] == ["heading 1", "heading 2", "heading 2"]


def test_numbering_is_inherited_through_a_based_on_chain(read) -> None:
    styles = (style("Base", "base", num=(1, 1)) + style("Middle", "middle", based_on="Base")
              + style("Leaf", "leaf", based_on="Middle"))
    body = read(p("x", style="Leaf") + p("y", style="Leaf"), SEED_NUMBERING, styles)
    assert numbers(body) == ["（一）", "（二）"]


def test_a_style_without_ilvl_takes_the_level_linked_to_it_in_the_abstract_definition(read) -> None:
    linked = abstract_num(0, [("chineseCounting", "%1、"), ("decimal", "%2.")],
                          extra={0: '<w:pStyle w:val="Heading1"/>', 1: '<w:pStyle w:val="Heading2"/>'}) + num(1, 0)
    styles = style("Heading1", "heading 1", num=(1, -1)) + style("Heading2", "heading 2", num=(1, -1))
    body = read(p("a", style="Heading1") + p("b", style="Heading2") + p("c", style="Heading2"), linked, styles)
    assert numbers(body) == ["一、", "1.", "2."]


def test_a_num_pr_with_only_ilvl_changes_the_level_of_the_style_list(read) -> None:
    styles = style("ListNumber", "List Number", num=(1, 0))
    body = read(p("a", style="ListNumber") + p("b", runs='<w:r><w:t>b</w:t></w:r>')
                .replace("<w:p>", '<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>', 1),
                SEED_NUMBERING, styles)
    assert numbers(body) == ["一、", "（一）"]


def test_a_num_style_link_is_followed_to_the_real_definition(read) -> None:
    definitions = (
        '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="OutlineList"/></w:abstractNum>'
        + abstract_num(1, [("upperRoman", "%1.")]).replace("<w:lvl ", '<w:styleLink w:val="OutlineList"/><w:lvl ', 1)
        + num(1, 0) + num(2, 1)
    )
    styles = style("OutlineList", "Outline List", num=(2, -1), kind="numbering")
    assert numbers(read(p("a", num=(1, 0)) + p("b", num=(1, 0)), definitions, styles)) == ["I.", "II."]


def test_a_single_level_list_ignores_the_paragraph_level(read) -> None:
    single = abstract_num(0, [("decimal", "%1.")]).replace(
        '<w:lvl ', '<w:multiLevelType w:val="singleLevel"/><w:lvl ', 1) + num(1, 0)
    body = read(p("a", num=(1, 0)) + p("b", num=(1, 3)), single)
    assert numbers(body) == ["1.", "2."]
    assert [b.list_level for b in body.blocks] == [0, 0]


def test_numbered_paragraphs_in_table_cells_continue_the_list(read) -> None:
    body = read(p("a", num=(1, 2)) + tbl([[tc(content=p("b", num=(1, 2)))]]) + p("c", num=(1, 2)), SEED_NUMBERING)
    table = body.blocks[1]
    assert isinstance(table, Table)
    assert table.grid[0][0].paragraphs[0].number == "2."
    assert [b.number for b in body.blocks if isinstance(b, Paragraph)] == ["1.", "3."]


def test_list_id_and_level_name_the_list_and_level(read) -> None:
    body = read(p("a", num=(1, 0)) + p("b", num=(1, 1)), SEED_NUMBERING)
    assert [(b.list_id, b.list_level) for b in body.blocks] == [(1, 0), (1, 1)]


def test_a_number_pointing_at_an_undefined_list_shows_nothing(read) -> None:
    body = read(p("a", num=(7, 0)), SEED_NUMBERING)
    assert body.blocks == (Paragraph("a"),)
    assert body.warnings == ()


def test_a_missing_numbering_part_leaves_numbers_unrendered_with_a_warning(read) -> None:
    body = read(p("a", num=(1, 0)) + p("b", num=(1, 0)))
    assert numbers(body) == [None, None]
    assert [w.code for w in body.warnings] == ["numbering_missing"]


def test_a_document_without_numbering_and_without_lists_gets_no_warning(read) -> None:
    assert read(p("a")).warnings == ()


def test_a_malformed_numbering_part_is_a_warning_and_the_body_is_still_read(read) -> None:
    body = read(p("a", num=(1, 0)), extra_parts={"word/numbering.xml": "<w:numbering"},
                numbering_xml=SEED_NUMBERING)
    assert [b.text for b in body.blocks] == ["a"]
    assert numbers(body) == [None]
    assert [w.code for w in body.warnings] == ["numbering_missing"]
    assert "numbering.xml" in body.warnings[0].message


def test_word_2010_custom_zero_padded_format_is_read_from_alternate_content(read) -> None:
    level = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent>'
             '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
             '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>')
    body = read(p("a", num=(1, 0)) + p("b", num=(1, 0)), level + num(1, 0))
    assert numbers(body) == ["001.", "002."]
    assert body.blocks[0].num_format == "decimal"
