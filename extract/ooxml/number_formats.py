"""Render one counter value in a w:numFmt (ECMA-376 17.18.59 ST_NumberFormat) as Word draws it.

The East Asian formats follow what Word displays (checked against Open-XML-PowerTools'
ListItemTextGetter_zh_CN): chineseCounting writes 100 and above digit by digit
(一〇〇), chineseCountingThousand uses 百/千 with 〇 for a skipped place (一百〇一).
"""

from __future__ import annotations

from typing import Callable

ZH_DIGITS = "〇一二三四五六七八九"
ZH_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
ZH_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
ZH_UNITS = ("", "十", "百", "千")
ZH_LEGAL_UNITS = ("", "拾", "佰", "仟")
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
# ①..⑳ are U+2460.., ㉑..㉟ U+3251.., ㊱..㊿ U+32B1..
CIRCLED = "".join(map(chr, range(0x2460, 0x2474))) + "".join(map(chr, range(0x3251, 0x3260))) + "".join(
    map(chr, range(0x32B1, 0x32C0)))
PAREN_ENCLOSED = "".join(map(chr, range(0x2474, 0x2488)))  # ⑴..⒇
FULLSTOP_ENCLOSED = "".join(map(chr, range(0x2488, 0x249C)))  # ⒈..⒛


def decimal(n: int) -> str:
    return str(n)


def decimal_zero(n: int) -> str:
    return f"{n:02d}" if 0 <= n < 10 else str(n)


def decimal_full_width(n: int) -> str:
    return str(n).translate(FULL_WIDTH_DIGITS)


def _from_table(table: str) -> Callable[[int], str]:
    """Numbers 1..len(table) from a character table, decimal beyond it."""
    def render(n: int) -> str:
        return table[n - 1] if 1 <= n <= len(table) else str(n)
    return render


def lower_letter(n: int) -> str:
    # Word repeats the letter: a..z, aa..zz, aaa..; the cycle closes after 780.
    if n <= 0:
        return str(n)
    n = (n - 1) % 780
    return LETTERS[n % 26] * (n // 26 + 1)


def upper_letter(n: int) -> str:
    return lower_letter(n).upper()


def lower_roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def upper_roman(n: int) -> str:
    return lower_roman(n).upper()


def ideograph_digital(n: int) -> str:
    """Digit by digit: 10 -> 一〇."""
    return "".join(ZH_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)


def chinese_counting(n: int) -> str:
    """一 … 十 十一 … 九十九; from 100 on, digit by digit (一〇〇)."""
    if n < 1:
        return ideograph_digital(n)
    if n < 100:
        return _zh_below_100(n, ZH_DIGITS, ZH_UNITS)
    return ideograph_digital(n) if n < 10000 else str(n)


def _zh_below_100(n: int, digits: str, units: tuple[str, ...]) -> str:
    tens, ones = divmod(n, 10)
    if tens == 0:
        return digits[ones]
    head = "" if tens == 1 else digits[tens]
    return head + units[1] + (digits[ones] if ones else "")


def _zh_thousand(n: int, digits: str, units: tuple[str, ...], zero: str) -> str:
    """Place-value Chinese for 1..9999: 一百〇一, 一千〇一十; 10..19 as 十..十九 only when alone."""
    if n < 100:
        return _zh_below_100(n, digits, units)
    out: list[str] = []
    pending_zero = False
    for place in (3, 2, 1, 0):
        digit = n // 10**place % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        out.append(digits[digit] + units[place])
    return "".join(out)


def chinese_counting_thousand(n: int) -> str:
    """一 … 十 十一 … 二十一 … 一百 一百〇一 一百一十 … 一千 … 九千九百九十九."""
    if n < 1:
        return ideograph_digital(n)
    return _zh_thousand(n, ZH_DIGITS, ZH_UNITS, "〇") if n < 10000 else str(n)


def chinese_legal_simplified(n: int) -> str:
    """壹 贰 … 拾 拾壹 … 壹佰 (financial numerals)."""
    if not 1 <= n < 10000:
        return str(n)
    if 10 <= n < 20:
        return "壹" + _zh_thousand(n, ZH_LEGAL_SIMPLIFIED, ZH_LEGAL_UNITS, "零")
    return _zh_thousand(n, ZH_LEGAL_SIMPLIFIED, ZH_LEGAL_UNITS, "零")


def ideograph_legal_traditional(n: int) -> str:
    if not 1 <= n < 10000:
        return str(n)
    if 10 <= n < 20:
        return "壹" + _zh_thousand(n, ZH_LEGAL_TRADITIONAL, ZH_LEGAL_UNITS, "零")
    return _zh_thousand(n, ZH_LEGAL_TRADITIONAL, ZH_LEGAL_UNITS, "零")


def japanese_counting(n: int) -> str:
    """一 … 十 十一 … 二十 … 百 百一 … 千: no leading 一 before 十/百/千, no zero marks."""
    if not 1 <= n < 10000:
        return str(n)
    out = []
    for place in (3, 2, 1, 0):
        digit = n // 10**place % 10
        if digit == 0:
            continue
        head = "" if digit == 1 and place > 0 else ZH_DIGITS[digit]
        out.append(head + ZH_UNITS[place])
    return "".join(out)


def ordinal(n: int) -> str:
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def none(n: int) -> str:
    return ""


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": decimal,
    "decimalZero": decimal_zero,
    "decimalFullWidth": decimal_full_width,
    "decimalFullWidth2": decimal_full_width,
    "decimalHalfWidth": decimal,
    "decimalEnclosedCircle": _from_table(CIRCLED[:20]),
    "decimalEnclosedCircleChinese": _from_table(CIRCLED[:10]),
    "decimalEnclosedParen": _from_table(PAREN_ENCLOSED),
    "decimalEnclosedFullstop": _from_table(FULLSTOP_ENCLOSED),
    "ideographEnclosedCircle": _from_table("㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"),
    "lowerLetter": lower_letter,
    "upperLetter": upper_letter,
    "lowerRoman": lower_roman,
    "upperRoman": upper_roman,
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting_thousand,
    "chineseLegalSimplified": chinese_legal_simplified,
    "ideographDigital": ideograph_digital,
    "ideographLegalTraditional": ideograph_legal_traditional,
    "ideographTraditional": _from_table(HEAVENLY_STEMS),
    "ideographZodiac": _from_table(EARTHLY_BRANCHES),
    "japaneseCounting": japanese_counting,
    "japaneseDigitalTenThousand": ideograph_digital,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting_thousand,
    "taiwaneseDigital": ideograph_digital,
    "ordinal": ordinal,
    "none": none,
    "bullet": none,
}


def render_number(fmt: str, n: int) -> str:
    """`n` written in numFmt `fmt`; an unknown format falls back to decimal, as Word does."""
    return FORMATS.get(fmt, decimal)(n)


def custom_format(pattern: str) -> Callable[[int], str] | None:
    """Renderer for Word 2010's numFmt w:val="custom" w:format="001, 002, 003, ...": zero-padded decimals."""
    first = pattern.split(",", 1)[0].strip()
    if first.isdigit():
        width = len(first)
        return lambda n: f"{n:0{width}d}"
    return None
