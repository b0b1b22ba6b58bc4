"""Each w:numFmt renders a counter value the way Word draws it."""

from __future__ import annotations

import pytest

from jixiao.extract.ooxml.number_formats import custom_format, render_number


@pytest.mark.parametrize(
    ("fmt", "n", "expected"),
    [
        ("decimal", 1, "1"),
        ("decimal", 12, "12"),
        ("decimalZero", 7, "07"),
        ("decimalFullWidth", 12, "１２"),
        ("lowerLetter", 1, "a"),
        ("lowerLetter", 26, "z"),
        ("lowerLetter", 27, "aa"),
        ("lowerLetter", 28, "bb"),
        ("upperLetter", 3, "C"),
        ("upperLetter", 53, "AAA"),
        ("lowerRoman", 4, "iv"),
        ("lowerRoman", 14, "xiv"),
        ("upperRoman", 9, "IX"),
        ("upperRoman", 1994, "MCMXCIV"),
        ("decimalEnclosedCircle", 1, "①"),
        ("decimalEnclosedCircle", 10, "⑩"),
        ("decimalEnclosedCircle", 20, "⑳"),
        ("decimalEnclosedCircle", 21, "21"),
        ("decimalEnclosedCircleChinese", 3, "③"),
        ("decimalEnclosedCircleChinese", 11, "11"),
        ("chineseCounting", 1, "一"),
        ("chineseCounting", 9, "九"),
        ("chineseCounting", 10, "十"),
        ("chineseCounting", 11, "十一"),
        ("chineseCounting", 20, "二十"),
        ("chineseCounting", 21, "二十一"),
        ("chineseCounting", 99, "九十九"),
        ("chineseCounting", 100, "一〇〇"),
        ("chineseCounting", 105, "一〇五"),
        ("chineseCountingThousand", 1, "一"),
        ("chineseCountingThousand", 10, "十"),
        ("chineseCountingThousand", 15, "十五"),
        ("chineseCountingThousand", 21, "二十一"),
        ("chineseCountingThousand", 100, "一百"),
        ("chineseCountingThousand", 101, "一百〇一"),
        ("chineseCountingThousand", 110, "一百一十"),
        ("chineseCountingThousand", 999, "九百九十九"),
        ("chineseCountingThousand", 1000, "一千"),
        ("chineseCountingThousand", 1001, "一千〇一"),
        ("chineseCountingThousand", 2030, "二千〇三十"),
        ("ideographDigital", 1, "一"),
        ("ideographDigital", 10, "一〇"),
        ("ideographDigital", 102, "一〇二"),
        ("japaneseCounting", 1, "一"),
        ("japaneseCounting", 10, "十"),
        ("japaneseCounting", 11, "十一"),
        ("japaneseCounting", 20, "二十"),
        ("japaneseCounting", 100, "百"),
        ("japaneseCounting", 101, "百一"),
        ("japaneseCounting", 1000, "千"),
        ("chineseLegalSimplified", 3, "叁"),
        ("chineseLegalSimplified", 12, "壹拾贰"),
        ("ideographTraditional", 1, "甲"),
        ("ideographZodiac", 2, "丑"),
        ("decimalEnclosedParen", 2, "⑵"),
        ("ordinal", 2, "2nd"),
        ("none", 4, ""),
        ("bullet", 4, ""),
        ("someFutureFormat", 4, "4"),
    ],
)
def test_a_counter_renders_in_its_number_format(fmt: str, n: int, expected: str) -> None:
    assert render_number(fmt, n) == expected


@pytest.mark.parametrize(("pattern", "n", "expected"), [("001, 002, 003, ...", 7, "007"), ("01, 02, 03, ...", 12, "12")])
def test_a_custom_zero_padded_format_pads_to_its_first_example(pattern: str, n: int, expected: str) -> None:
    render = custom_format(pattern)
    assert render is not None and render(n) == expected
