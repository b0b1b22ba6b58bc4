"""Cut a value's text into classified tokens: numbers and dates by regex, words by jieba.

Each token gets a one-letter code, so `normalize.grammar` can match value shapes
with regexes over the code string ("AN U" = 不低于 5 家). Words come from the
vocabulary tables; jieba cuts them with a dictionary built from those tables
alone (the default dictionary is never loaded).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from functools import cache, lru_cache
from typing import NamedTuple

from jixiao.normalize.lean_jieba import import_jieba
from jixiao.normalize.numerals import read_numeral
from jixiao.normalize.text import fold
from jixiao.normalize.vocab import Comparator, Period, Unit, Vocab, vocab

# Codes: N Arabic number, K Chinese numeral, R 百分之-number, S scale word, U unit,
# P percent-like unit, A comparator before the number, Z comparator after it,
# C range connector, J join connector, G 之间, I ISO date, Y year, M month, D day,
# Q named period, E period mark giving the day (底 末 上旬), B period mark keeping it (前),
# / slash, . middle dot, T anything else.


class Token(NamedTuple):
    """One piece of a value; `start`/`end` index the folded text (= the original text).

    A named tuple, not a frozen dataclass: the goals text of one report makes ~10,000
    tokens, and a tuple is built three times faster.
    """

    code: str
    text: str
    start: int
    end: int
    number: Decimal | None = None
    """N K R: the number; S: the factor; Y M D: the year, month or day."""
    word: Comparator | Unit | Period | None = None


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _numeral_chars() -> tuple[str, str, dict[str, int]]:
    """(digit characters, every numeral character, place character → value) of Chinese
    numerals, from numerals.tsv. A place that is no scale word (十) counts as a digit:
    十 alone is a number, 百 alone is a scale."""
    v = vocab()
    places = {c: int(n) for c, n in v.places.items()}
    digits = "".join([*v.digits, *(c for c in places if c not in v.scales)])
    return digits, digits + "".join(c for c in places if c not in digits), places


def _markers(role: str) -> str:
    return _alternation(w for w, r in vocab().markers.items() if r == role)


def _date_markers() -> frozenset[str]:
    """年 月 日 …: units that also close a date (2021.1.1-12.31日), so they leave a date span a date."""
    return frozenset(w for w, r in vocab().markers.items() if r in ("year", "month", "day"))


@cache
def _master() -> re.Pattern[str]:
    """The regex for numbers, dates and notes; built once from periods.tsv, markers.tsv and numerals.tsv."""
    digits, numeral, _ = _numeral_chars()
    point = _markers("decimal_point")
    cnum = rf"[{numeral}]*[{digits}][{numeral}]*(?:(?:{point})[{digits}]{{1,8}})?"
    # a day follows a month word; look-behind needs one character, so its last one
    month_ends = re.escape("".join({w[-1] for w, r in vocab().markers.items() if r == "month"}))
    ranges = [w for w, r in vocab().connectors.items() if r == "range"]
    # no minus sign after a range sign either: 1月--2020年 is a span, not -2020
    no_minus = re.escape("".join(w for w in ranges if len(w) == 1 and not w.isalnum()))
    month, day = r"1[0-2]|0?[1-9]", r"[12]\d|3[01]|0?[1-9]"
    return re.compile(
        r"(?P<note>\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】)"
        # a span of dotted dates: 2023.07-2024.01, 2021.1.1-12.31 (never a range of decimals)
        rf"|(?P<span>(?<![\d.])(?P<sy>(?:19|20)\d{{2}})(?P<ss>[-/.])(?P<sm>{month})(?:(?P=ss)(?P<sd>{day}))?"
        rf"(?P<sc>\s*(?:{_alternation(ranges)})+\s*)"
        rf"(?:(?P<ey>(?:19|20)\d{{2}})[-/.])?(?P<em>{month})(?:[-/.](?P<ed>{day}))?(?![\d.])"
        # … and a span of measures is no span of dates: 1960.01-1960.01㎏
        rf"(?!\s*(?:{_alternation(w for w in vocab().units if w not in _date_markers())}|[A-Za-z])))"
        # a date, with the time of day a spreadsheet adds: 2021-12-31 00:00:00
        rf"|(?P<iso>(?<![\d.])(?:19|20)\d{{2}}(?P<sep>[-/.])(?:{month})(?P=sep)(?:{day})(?![\d.])"
        r"(?:\s+[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?![\d:]))?)"
        # a year and month: 2023-12, 2023/12; dotted only before a period mark (2023.12前), else a decimal
        rf"|(?P<ym>(?<![\d.])(?P<yy>(?:19|20)\d{{2}})(?:[-/](?P<ym1>{month})(?![\d./-])"
        rf"|\.(?P<ym2>{month})(?![\d.])(?=\s*(?:{_alternation(vocab().period_marks)}))))"
        # a Latin symbol right after a number is its unit: 80M, 2km, 100m2, 100 km
        rf"|(?P<sym>(?:(?<=[\d{''.join(w for w in vocab().scales if len(w) == 1)}])|(?<=\d ))"
        r"[A-Za-z]+(?:[23²³](?![\d.]))?)"
        # words whose numeral or unit characters are none (十分满意, 一次性): markers.tsv
        rf"|(?P<word>{_markers('not_a_number')})"
        # a fraction is no value with a unit: 三分之一, 5分之1 (分 is a unit, 百分之 a percent)
        rf"|(?P<fraction>(?:\d+|{cnum})(?:{_markers('fraction')})(?:\d+|{cnum}))"
        rf"|(?P<period>(?<![\d{numeral}])(?:{_alternation(vocab().periods)}))"
        rf"|(?P<year>(?<![\d.])(?:19|20)\d{{2}}(?:{_markers('year')}))"
        rf"|(?P<month>(?<![\d.{numeral}])(?:1[0-2]|0?[1-9]|[{numeral}]{{1,3}})(?:{_markers('month')}))"
        # a day follows its month; 日 may be missing at the end or before a period mark (12月31前)
        rf"|(?P<day>(?<=[{month_ends}])(?:[12]\d|3[01]|0?[1-9])"
        rf"(?:{_markers('day')}|(?![\d.])(?=\s*(?:{_alternation(vocab().period_marks)}|$))))"
        rf"|(?P<pct>(?:{_markers('percent_of')})(?:\d+(?:\.\d+)?|{cnum}|[{numeral}]+))"
        # a minus sign only where no number, unit or word stands before it (1-2% is a range)
        rf"|(?P<num>(?:(?<![\w%.){no_minus}])-)?(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?))"
        rf"|(?P<cnum>{cnum})"
    )


_SPACE = re.compile(r"\s+")


@cache
def _jieba():
    """A jieba tokenizer knowing only our words; built in memory (no cache file, no log)."""
    jieba = import_jieba()
    v = vocab()
    words = [*v.comparators, *v.connectors, *v.units, *v.scales, *v.numerals, *v.period_marks]
    data = "".join(f"{w} 1000\n" for w in words if not _SPACE.search(w)).encode("utf-8")
    tokenizer = jieba.Tokenizer()
    # gen_pfdict is jieba's own reader of a dictionary file; feeding it our table
    # words and marking the tokenizer initialized keeps the 1 s default dictionary out.
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(io.BytesIO(data))
    tokenizer.initialized = True
    return tokenizer


@cache
def _word_index() -> dict[str, tuple[str, object]]:
    """word → (code, payload) for every word the tokenizer knows."""
    v: Vocab = vocab()
    # a slash and the middle dot join the parts of a compound unit (元/人·次, 元/人*月)
    index: dict[str, tuple[str, object]] = {"/": ("/", None), **{c: (".", None) for c in "·・•∙.*×"}}
    for w, c in v.comparators.items():
        index[w] = ("A" if c.position == "prefix" else "Z", c)
    for w, role in v.connectors.items():
        index[w] = ({"range": "C", "join": "J", "between": "G"}[role], None)
    for w, u in v.units.items():
        index[w] = ("P" if u.kind == "percent" else "U", u)
    for w, f in v.scales.items():
        index[w] = ("S", f)
    for w, n in v.numerals.items():
        index[w] = ("K", n)
    for w, p in v.period_marks.items():
        index[w] = ("B" if p.keeps_day else "E", p)
    return index


@cache
def _word_starts() -> frozenset[str]:
    """Every proper prefix of a known word: only a piece that is one can start a re-joined word."""
    return frozenset(w[:k] for w in _word_index() for k in range(1, len(w)))


@lru_cache(maxsize=1024)
def _cut(gap: str) -> tuple[str, ...]:
    """Words of a stretch of text between numbers; symbols jieba splits (>, =) are re-joined."""
    pieces = list(_jieba().cut(gap, HMM=False))
    index, starts = _word_index(), _word_starts()
    out: list[str] = []
    i = 0
    while i < len(pieces):
        if pieces[i] not in starts:
            out.append(pieces[i])
            i += 1
            continue
        for j in range(min(len(pieces), i + 4), i + 1, -1):
            joined = "".join(pieces[i:j])
            if joined in index:
                out.append(joined)
                i = j
                break
        else:
            out.append(pieces[i])
            i += 1
    return tuple(out)


def _words(gap: str, offset: int, out: list[Token]) -> None:
    index = _word_index()
    pos = offset
    for piece in _cut(gap):
        start, pos = pos, pos + len(piece)
        if piece.isspace():
            continue
        hit = index.get(piece)
        if hit is None:
            out.append(Token("T", piece, start, pos))
            continue
        code, payload = hit
        # positional: the goals text makes thousands of tokens
        if code == "S" or code == "K":
            out.append(Token(code, piece, start, pos, payload))  # type: ignore[arg-type]
        else:
            out.append(Token(code, piece, start, pos, None, payload))  # type: ignore[arg-type]


def chinese_number(text: str) -> Decimal | None:
    """A Chinese numeral (十二, 两百, 二点五) as a number, or None when it is not one."""
    v = vocab()
    if text in v.numerals:
        return v.numerals[text]
    if text in v.digits:
        return v.digits[text]
    return read_numeral(text, v.digits, v.places, _decimal_points())


@cache
def _decimal_points() -> tuple[str, ...]:
    return tuple(w for w, r in vocab().markers.items() if r == "decimal_point")


def _unit_at(folded: str, pos: int) -> bool:
    """True when a unit of two or more characters starts at folded[pos] (千瓦时)."""
    return any(len(u) > 1 and folded.startswith(u, pos) for u in vocab().units)


def _cnum(m: re.Match[str], folded: str, out: list[Token]) -> int:
    """Tokens of a Chinese numeral run; returns where it really ends."""
    text, start, end = m.group(), m.start(), m.end()
    # 一千瓦时 is 1 千瓦时: give the numeral's last character back to a unit that starts with it
    if len(text) > 1 and _unit_at(folded, end - 1):
        text, end = text[:-1], end - 1
    scales, units = vocab().scales, _numeral_chars()[2]
    # 一百二十万 reads like 120万: a trailing 万 or 亿 is a scale word, unless a larger
    # unit comes before it (二亿五千万 stays whole).
    tail = text[-1]
    if (len(text) > 1 and tail in scales and units.get(tail, 0) >= 10000
            and all(units.get(c, 0) <= units[tail] for c in text[:-1])):
        head = chinese_number(text[:-1])
        if head is not None:
            out.append(Token("K", text[:-1], start, end - 1, number=head))
            out.append(Token("S", tail, end - 1, end, number=scales[tail]))
            return end
    value = chinese_number(text)
    out.append(Token("K", text, start, end, number=value) if value is not None else Token("T", text, start, end))
    return end


@cache
def _leading_number() -> re.Pattern[str]:
    """The number at the start of a month or day (12 of 12月, 十二 of 十二月)."""
    return re.compile(rf"\d+|[{_numeral_chars()[1]}]+")


@cache
def _percent_of() -> re.Pattern[str]:
    return re.compile(f"(?:{_markers('percent_of')})")


def _bracketed_unit(note: str, start: int, end: int, out: list[Token]) -> None:
    """A unit in brackets right after a number is its unit: 1(次); right after a unit it names
    an alternate, and both stay in the unit: 件(册), 个(台). Any other note is dropped."""
    if not out or out[-1].end != start or out[-1].code not in "NKSU":
        return
    inner = note[1:-1].strip()
    index = _word_index()
    hits = [index.get(piece, ("T", None)) for piece in _cut(inner)] if inner else []
    if out[-1].code != "U":
        if len(hits) == 1 and hits[0][0] in "UP":
            out.append(Token(hits[0][0], note, start, end, None, hits[0][1]))  # type: ignore[arg-type]
        return
    if any(code == "U" for code, _ in hits) and all(code in "U/J" for code, _ in hits):
        unit: Unit = out[-1].word  # type: ignore[assignment]
        out[-1] = Token("U", out[-1].text + note, out[-1].start, end, None,
                        Unit(f"{unit.unit}({inner})", unit.kind, unit.factor))


# the year, month, day and connector groups of the date forms the master regex splits
_DATE_PARTS = {
    "span": (("sy", "Y"), ("sm", "M"), ("sd", "D"), ("sc", "C"), ("ey", "Y"), ("em", "M"), ("ed", "D")),
    "ym": (("yy", "Y"), ("ym1", "M"), ("ym2", "M")),
}


def _date_parts(m: re.Match[str], out: list[Token]) -> None:
    """Tokens of a dotted date or date span, as if written 2023年7月-2024年1月."""
    for group, code in _DATE_PARTS[m.lastgroup]:  # type: ignore[index]
        text = m.group(group)
        if text is not None:
            start, end = m.span(group)
            out.append(Token(code, text, start, end, None if code == "C" else Decimal(text)))


def _match(m: re.Match[str], folded: str, out: list[Token]) -> int:
    """Tokens of one regex match; returns the position up to which the text is consumed."""
    kind, text, start, end = m.lastgroup, m.group(), m.start(), m.end()
    if kind == "cnum":
        return _cnum(m, folded, out)
    if kind == "note":
        _bracketed_unit(text, start, end, out)
        return end
    if kind in _DATE_PARTS:
        _date_parts(m, out)
        return end
    if kind == "sym":
        out.append(Token("U", text, start, end, None, Unit(text, "number", Decimal(1))))
    elif kind in ("word", "fraction"):
        out.append(Token("T", text, start, end))
    elif kind == "iso":
        out.append(Token("I", text, start, end))
    elif kind == "period":
        out.append(Token("Q", text, start, end, word=vocab().periods[text]))
    elif kind == "year":
        out.append(Token("Y", text, start, end, number=Decimal(text[:4])))
    elif kind == "month":
        digits = _leading_number().match(text).group()  # type: ignore[union-attr]
        month = Decimal(digits) if digits.isdigit() else chinese_number(digits)
        if month is None or not 1 <= month <= 12:
            out.append(Token("T", text, start, end))
        else:
            out.append(Token("M", text, start, end, number=month))
    elif kind == "day":
        day = _leading_number().match(text).group()  # type: ignore[union-attr]
        out.append(Token("D", text, start, end, number=Decimal(day)))
    elif kind == "pct":
        body = text[_percent_of().match(text).end():]  # type: ignore[union-attr]
        value = Decimal(body) if body[0].isdigit() else chinese_number(body)
        out.append(Token("R", text, start, end, number=value) if value is not None else Token("T", text, start, end))
    else:
        out.append(Token("N", text, start, end, number=Decimal(text.replace(",", ""))))
    return end


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of `text` in order; bracketed notes and whitespace leave no token."""
    folded = fold(text)
    out: list[Token] = []
    pos = 0
    for m in _master().finditer(folded):
        if m.start() > pos:
            _words(folded[pos:m.start()], pos, out)
        pos = _match(m, folded, out)
    if pos < len(folded):
        _words(folded[pos:], pos, out)
    return tuple(out)


def codes(tokens: tuple[Token, ...]) -> str:
    return "".join(t.code for t in tokens)
