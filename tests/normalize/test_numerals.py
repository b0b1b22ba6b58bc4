"""The Chinese-numeral reader agrees with cn2an's strict mode, its reference (practice 7)."""

from __future__ import annotations

import itertools
from decimal import Decimal

import cn2an
import pytest

from jixiao.normalize.tokens import chinese_number
from jixiao.normalize.vocab import vocab

V = vocab()
# numerals.tsv digits cn2an's strict alphabet lacks; the tokenizer rewrote them before calling cn2an
_CN2AN_LACKS = {ch: n for ch, n in V.digits.items() if ch not in cn2an.conf.STRICT_CN_NUMBER}


def _cn2an_strict(text: str) -> Decimal | None:
    """What chinese_number returned when it called cn2an: 两 〇 as 二 零, a leading place counts one."""
    if text in V.numerals:
        return V.numerals[text]
    text = "".join(cn2an.an2cn(int(_CN2AN_LACKS[ch])) if ch in _CN2AN_LACKS else ch for ch in text)
    if text[0] in V.places:
        text = cn2an.an2cn(1) + text
    try:
        return Decimal(str(cn2an.cn2an(text, "strict")))
    except (ValueError, KeyError, IndexError):
        return None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1), ("零", 0), ("〇", 0), ("两", 2), ("十", 10), ("百", 100), ("万", 10000),
        ("十二", 12), ("二十", 20), ("两百", 200), ("一百零三", 103), ("一千零十", 1010),
        ("一千零五十", 1050), ("三千五百", 3500), ("十五万", 150000),
        ("二亿五千万", 250000000), ("一万零一百", 10100), ("二点五", Decimal("2.5")),
        ("三点一四", Decimal("3.14")), ("零点五", Decimal("0.5")), ("半", Decimal("0.5")),
        # not strict numerals: the tokenizer keeps them as text
        ("十四五", None), ("十三五", None), ("一千五", None), ("一百十", None), ("二百五", None),
        ("一万零一千", None), ("二点五零", None), ("点五", None), ("一点二点三", None), ("零一", None),
    ],
)
def test_chinese_number(text: str, value: Decimal | int | None) -> None:
    assert chinese_number(text) == value
    assert _cn2an_strict(text) == value


_ALPHABET = [*"零〇一两五九", *V.places, "点"]


@pytest.mark.parametrize("length", [1, 2, 3, 4])
def test_every_short_numeral_reads_as_cn2an_reads_it(length: int) -> None:
    differ = [
        text for text in map("".join, itertools.product(_ALPHABET, repeat=length))
        if chinese_number(text) != _cn2an_strict(text)
    ]
    assert differ == []


def test_cn2an_numbers_read_back() -> None:
    numbers = [*range(0, 1201), 9999, 10001, 10010, 10100, 12345, 100000, 101010, 1000001, 20002000,
               99999999, 100000000, 100000001, 120000000, 1000010000, 123456789012, 10**16 - 1]
    differ = [n for n in numbers if not chinese_number(cn2an.an2cn(n)) == n == _cn2an_strict(cn2an.an2cn(n))]
    assert differ == []


@pytest.mark.parametrize("n", ["0.5", "2.25", "3.14159", "12.5", "100.01", "123456.789", "7.00000001"])
def test_cn2an_decimals_read_back(n: str) -> None:
    text = cn2an.an2cn(n)
    assert chinese_number(text) == _cn2an_strict(text) == Decimal(n), text
