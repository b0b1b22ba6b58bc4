"""The goal-section tree: nesting decided by what the document does, typed and drawn numbers alike."""

from __future__ import annotations

import pytest

from jixiao.extract.model import Paragraph
from jixiao.extract.sections import goal_sections, heading_title


def _tree(*paragraphs: Paragraph | str) -> list[tuple[str, str, str]]:
    items = [Paragraph(p) if isinstance(p, str) else p for p in paragraphs]
    return [(s.path, s.label, s.title) for s in goal_sections(items)]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["一、总体目标", "（一）质量目标", "1.抽检", "(1)食品", "①蔬菜", "②肉类", "(2)药品", "2.执法",
             "（二）安全目标", "二、保障措施"],
            [("1", "一、", "总体目标"), ("1.1", "（一）", "质量目标"), ("1.1.1", "1.", "抽检"),
             ("1.1.1.1", "(1)", "食品"), ("1.1.1.1.1", "①", "蔬菜"), ("1.1.1.1.2", "②", "肉类"),
             ("1.1.1.2", "(2)", "药品"), ("1.1.2", "2.", "执法"), ("1.2", "（二）", "安全目标"),
             ("2", "二、", "保障措施")],
            id="default-nesting",
        ),
        pytest.param(
            ["1、 部门目标", "（一）质量", "2、 分项目标", "（1） 三大战略", "三、保障措施", "1、深入实施",
             "（1）质量强市", "2、切实保障"],
            [("1", "1、", "部门目标"), ("1.1", "（一）", "质量"), ("2", "2、", "分项目标"),
             ("2.1", "（1）", "三大战略"), ("3", "三、", "保障措施"), ("3.1", "1、", "深入实施"),
             ("3.1.1", "（1）", "质量强市"), ("3.2", "2、", "切实保障")],
            id="numbering-slip-keeps-siblings",
        ),
        pytest.param(
            ["（一）质量", "1、抽检", "2、执法", "（二）安全", "1、特种设备"],
            [("1", "（一）", "质量"), ("1.1", "1、", "抽检"), ("1.2", "2、", "执法"), ("2", "（二）", "安全"),
             ("2.1", "1、", "特种设备")],
            id="style-first-seen-inside-nests",
        ),
        pytest.param(
            ["1.总体", "(1)质量", "1.食品", "2.药品", "(2)安全", "2.保障"],
            [("1", "1.", "总体"), ("1.1", "(1)", "质量"), ("1.1.1", "1.", "食品"), ("1.1.2", "2.", "药品"),
             ("1.2", "(2)", "安全"), ("2", "2.", "保障")],
            id="same-style-restart-inside-deeper-item",
        ),
        pytest.param(
            ["一、甲", "三、丙", "（二）乙一"],
            [("1", "一、", "甲"), ("2", "三、", "丙"), ("2.1", "（二）", "乙一")],
            id="counter-gaps",
        ),
        pytest.param(
            ["1.1 总体", "1.1.1 质量", "1.2 安全"],
            [("1", "1.1", "总体"), ("1.1", "1.1.1", "质量"), ("2", "1.2", "安全")],
            id="typed-multi-level",
        ),
    ],
)
def test_typed_numbers_nest(paragraphs: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert _tree(*paragraphs) == expected


def test_numbers_drawn_by_word_nest_by_list_level() -> None:
    drawn = [
        Paragraph("总则", number="第一章", num_format="chineseCounting", list_id=1, list_level=0),
        Paragraph("目标", number="1.", num_format="decimal", list_id=2, list_level=0),
        Paragraph("质量", number="1.", num_format="decimal", list_id=2, list_level=1),
        Paragraph("安全", number="2.", num_format="decimal", list_id=2, list_level=1),
        Paragraph("保障", number="2.", num_format="decimal", list_id=2, list_level=0),
        Paragraph("一项要点", number="•", num_format="bullet", list_id=3, list_level=0),
        Paragraph("措施", number="第二章", num_format="chineseCounting", list_id=1, list_level=0),
        Paragraph("分项", number="2.1", num_format="decimal", list_id=4, list_level=1),
    ]
    assert _tree(*drawn) == [
        ("1", "第一章", "总则"), ("1.1", "1.", "目标"), ("1.1.1", "1.", "质量"), ("1.1.2", "2.", "安全"),
        ("1.2", "2.", "保障"), ("2", "第二章", "措施"), ("2.1", "2.1", "分项"),
    ]


def test_a_drawn_list_that_keeps_counting_under_the_next_parent_still_nests() -> None:
    drawn = [
        Paragraph("总体目标", number="A.", num_format="upperLetter", list_id=1, list_level=0),
        Paragraph("大气污染防治", number="a)", num_format="lowerLetter", list_id=1, list_level=1),
        Paragraph("臭氧治理", number="(i)", num_format="lowerRoman", list_id=1, list_level=2),
        Paragraph("超低排放", number="(ii)", num_format="lowerRoman", list_id=1, list_level=2),
        Paragraph("水污染防治", number="b)", num_format="lowerLetter", list_id=1, list_level=1),
        Paragraph("流域治理", number="(iii)", num_format="lowerRoman", list_id=1, list_level=2),
    ]
    assert [s.path for s in goal_sections(drawn)] == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1"]


def test_body_is_the_unnumbered_paragraphs_up_to_the_next_section() -> None:
    sections = goal_sections([
        Paragraph("部门绩效目标"), Paragraph("一、总体目标"), Paragraph("说明一。"), Paragraph(""),
        Paragraph("说明二。"), Paragraph("（一）质量"), Paragraph("二、措施。加强领导。"),
    ])
    assert [(s.path, s.text, s.body) for s in sections] == [
        ("1", "总体目标", ("说明一。", "说明二。")), ("1.1", "质量", ()), ("2", "措施。加强领导。", ()),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("质量水平目标。十四五期间，我市经济……", "质量水平目标"),
        ("计量工作目标：充分调动和发挥地方、部门和行业作用。", "计量工作目标"),
        ("部门总体绩效目标", "部门总体绩效目标"),
        ("抓好三大战略的推进。", "抓好三大战略的推进"),
        ("加强合同监管。积极搜集合同格式文本", "加强合同监管"),
        ("：以冒号开头", "：以冒号开头"),
    ],
)
def test_heading_title(text: str, title: str) -> None:
    assert heading_title(text) == title
