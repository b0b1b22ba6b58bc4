"""The number a paragraph starts with, typed by hand or drawn by Word."""

from __future__ import annotations

import pytest

from jixiao.extract.typed_numbers import chinese_number, drawn_number, typed_number


@pytest.mark.parametrize(
    ("text", "label", "style", "value", "rest"),
    [
        ("一、总体目标", "一、", "cn_dun", 1, "总体目标"),
        ("三、目标规划及保障措施", "三、", "cn_dun", 3, "目标规划及保障措施"),
        ("（一）质量水平目标。十四五期间", "（一）", "paren_cn", 1, "质量水平目标。十四五期间"),
        ("（二十五）加强法治建设。", "（二十五）", "paren_cn", 25, "加强法治建设。"),
        ("(三)依法行政", "(三)", "paren_cn", 3, "依法行政"),
        ("1、 部门总体绩效目标", "1、", "arabic_dun", 1, "部门总体绩效目标"),
        ("12、强化组织领导。", "12、", "arabic_dun", 12, "强化组织领导。"),
        ("1.专利补助", "1.", "arabic_dot", 1, "专利补助"),
        ("１．全角数字", "１．", "arabic_dot", 1, "全角数字"),
        ("2．切实保障", "2．", "arabic_dot", 2, "切实保障"),
        ("（1） 抓好三大战略的推进。", "（1）", "paren_arabic", 1, "抓好三大战略的推进。"),
        ("(2)深入推进标准化战略", "(2)", "paren_arabic", 2, "深入推进标准化战略"),
        ("3）加强认证", "3）", "arabic_paren", 3, "加强认证"),
        ("①蔬菜", "①", "circled", 1, "蔬菜"),
        ("⑩第十项", "⑩", "circled", 10, "第十项"),
        ("第一章 总则", "第一章", "chapter", 1, "总则"),
        ("第三节 考核", "第三节", "section", 3, "考核"),
        ("第十二条 附则", "第十二条", "article", 12, "附则"),
        ("一．中文点号", "一．", "cn_dot", 1, "中文点号"),
        ("A.项目", "A.", "upper_dot", 1, "项目"),
        ("b、方案", "b、", "lower_dun", 2, "方案"),
        ("1.1 总体目标", "1.1", "dotted2", 1, "总体目标"),
        ("2.3.4 细则", "2.3.4", "dotted3", 4, "细则"),
        ("1.2、保障措施", "1.2、", "dotted2", 2, "保障措施"),
        ("3.1.绩效目标", "3.1.", "dotted2", 1, "绩效目标"),
        ("    （十七）加强反垄断", "（十七）", "paren_cn", 17, "加强反垄断"),
    ],
)
def test_typed_number(text: str, label: str, style: str, value: int, rest: str) -> None:
    found = typed_number(text)
    assert found is not None
    assert (found.label, found.style, found.value, found.rest) == (label, style, value, rest)


@pytest.mark.parametrize(
    "text",
    ["一是整治无证经营行为。", "2021年底前完成", "3.5亿元投入", "1.5倍", "十四五期间", "12315体系建设",
     "95%以上学校食堂", "一、", "绩效目标：激发市场活力。", "（1000人以上的2人）", ""],
)
def test_not_a_number(text: str) -> None:
    assert typed_number(text) is None


@pytest.mark.parametrize(
    ("number", "num_format", "level", "expected"),
    [
        ("（一）", "chineseCounting", 0, ("paren_cn", 1)),
        ("第三章", "chineseCountingThousand", 0, ("chapter", 3)),
        ("1.2", "decimal", 1, ("dotted2@1", 2)),
        ("1.", "decimal", 1, ("arabic_dot@1", 1)),
        ("⑤", "decimalEnclosedCircleChinese", 2, ("circled@2", 5)),
        ("C", "upperLetter", 0, ("bare_upper", 3)),
        ("iv.", "lowerRoman", 0, ("roman_lowerRoman", 4)),
        ("XII", "upperRoman", 1, ("roman_upperRoman@1", 12)),
        ("1)", "ordinal", 0, ("arabic_paren", 1)),
        ("第1项", "ordinalText", 0, ("drawn_ordinalText", None)),
        ("•", "bullet", 0, None),
        ("", "none", 0, None),
    ],
)
def test_drawn_number(number: str, num_format: str, level: int, expected) -> None:
    assert drawn_number(number, num_format, level) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("一百零三", 103), ("两", 2), ("是", None)],
)
def test_chinese_number(text: str, value: int | None) -> None:
    assert chinese_number(text) == value
