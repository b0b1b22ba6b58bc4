"""A report's title, department and fiscal year, read from its text and project tables."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from jixiao.extract.model import Block, Paragraph, Table
from jixiao.extract.project_fields import field_label
from jixiao.extract.records import DocumentInfo, RawProject
from jixiao.extract.sections import paragraph_number
from jixiao.extract.vocabulary import read_table, words

_SENTENCE_END = "。；;"
_MAX_TITLE = 60
_MAX_NAMED_TITLE = 120
# A pinyin note a mirror site put after a character: 區(qū), 績(jī).
_PINYIN_NOTE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
# A line that only names the year: (2021年), （ 2024 年度）, 2020年度) that lost a bracket.
_YEAR_LINE = re.compile(r"[\s(（]*((?:19|20)\d{2})\s*年度?[\s)）]*")


@cache
def _year_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Year in a title (2021年), year a report is for (2021年度), and a deadline
    (2021年12月底前, 2021年底, 2024年6月30日前) — a deadline names the year work is due."""

    def one_of(kind: str) -> str:
        return "(?:" + "|".join(map(re.escape, words("report_words.tsv", kind))) + ")"

    year, month, day = one_of("year"), one_of("month"), one_of("day")
    digits = r"((?:19|20)\d{2})\s*"
    date = rf"{digits}{year}(?:\s*\d{{1,2}}\s*{month}(?:\s*\d{{1,2}}\s*{day})?)?"
    period_end, before = one_of("period_end"), one_of("deadline")
    deadline = rf"{date}\s*{period_end}?\s*{before}|{digits}{year}\s*{period_end}"
    return re.compile(digits + year), re.compile(digits + one_of("report_year")), re.compile(deadline)


@cache
def _skip_words() -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, words("title_words.tsv", "skip")))
    numerals = "".join(row[0] for row in read_table("numerals.tsv"))
    return re.compile(rf"(?:{alternatives})\s*[0-9{numerals}]*\s*[:：]?")


@cache
def _title_styles() -> frozenset[str]:
    return frozenset(s.lower() for s in words("title_words.tsv", "style"))


@cache
def _organisation() -> re.Pattern[str]:
    """A place name (唐山市, 河北省唐山市) and an organisation's name ending in 局, 委员会 …

    Without a gazetteer a place is 2-4 characters and a suffix, and the name must
    open a clause (start of text or after punctuation), so that "按照省局" or
    "配合国家城市…中心" are not read as names; the organisation's own name between
    place and suffix is at least two characters.
    """
    places = "|".join(map(re.escape, words("department_words.tsv", "place_suffix")))
    not_place = "|".join(map(re.escape, words("department_words.tsv", "not_place")))
    suffixes = "|".join(map(re.escape, sorted(words("department_words.tsv", "org_suffix"), key=len, reverse=True)))
    han = r"[\u4e00-\u9fff]"
    place = rf"(?!{not_place}){han}{{2,4}}?(?:{places})"
    return re.compile(rf"(?<!{han})(?:{place})+?{han}{{2,14}}?(?:{suffixes})")


def _is_title_candidate(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    if not text or paragraph_number(paragraph) is not None or _skip_words().fullmatch(text):
        return False
    return field_label(text) is None and any(ch.isalnum() for ch in text)


def _looks_like_body(text: str) -> bool:
    text = _PINYIN_NOTE.sub("", text).strip()
    if not text:
        return True
    if text.endswith(words("title_words.tsv", "end")):
        return len(text) > _MAX_NAMED_TITLE
    return len(text) > _MAX_TITLE or text[-1] in _SENTENCE_END


def year_line(text: str) -> int | None:
    """The year a line names when it names nothing else: "（2021年）", "( 2024 年度)", "2020年度)"."""
    m = _YEAR_LINE.fullmatch(text.strip())
    return int(m.group(1)) if m else None


def document_title(paragraphs: Sequence[Paragraph], first_table: Table | None = None) -> str | None:
    """The title: a Title / heading-1 paragraph before the first number, else the first
    short unnumbered paragraph, else a title row spanning the first table."""
    intro: list[Paragraph] = []
    for paragraph in paragraphs:
        if paragraph_number(paragraph) is not None:
            break
        if _is_title_candidate(paragraph):
            intro.append(paragraph)
    for paragraph in intro:
        styled = (paragraph.style or "").lower() in _title_styles() or paragraph.outline_level == 0
        if styled:
            return paragraph.text.strip()
    for paragraph in intro:
        if not _looks_like_body(paragraph.text.strip()):
            return paragraph.text.strip()
    for text in _table_title_rows(first_table):
        if field_label(text) is None and year_line(text) is None and not _looks_like_body(text):
            return text
    return None


def _table_title_rows(table: Table | None) -> list[str]:
    """Texts of the rows opening a table that are one cell across it (a title, a year line)."""
    texts = []
    for r in range(min(table.n_rows, 3) if table is not None else 0):
        cells = table.row_cells(r)  # type: ignore[union-attr]
        if len(cells) != 1 or not cells[0].text.strip():
            break
        texts.append(cells[0].text.strip())
    return texts


def organisations(text: str) -> list[str]:
    """Organisation names with a place in front found in running text."""
    return _organisation().findall(text)


def _most_common(names: Iterable[str]) -> str | None:
    counts = Counter(names)
    return max(counts, key=counts.__getitem__) if counts else None  # ties: first seen


def department(title: str | None, paragraphs: Sequence[Paragraph], projects: Sequence[RawProject]) -> str | None:
    """The reporting department: the tables' 部门名称 / 主管部门, else one named in the
    title, else the organisation the text names most."""
    from_tables = _most_common(p.department for p in projects if p.department)
    if from_tables:
        return from_tables
    if title and (in_title := organisations(title)):
        return in_title[0]
    return _most_common(name for p in paragraphs for name in organisations(p.text))


def fiscal_year(
    title: str | None, intro: Sequence[str], paragraphs: Sequence[Paragraph],
    projects: Sequence[RawProject],
) -> int | None:
    """The year a title or the opening lines name (a paragraph or a table's first rows), else
    the year most deadlines name, else the one the targets and goals name most."""
    in_title, of_report, deadline = _year_patterns()
    if title and (m := in_title.search(title)):
        return int(m.group(1))
    for text in intro:
        if m := of_report.search(text):
            return int(m.group(1))
        if (year := year_line(text)) is not None:
            return year
    texts = [i.raw for p in projects for i in p.indicators] + [p.text for p in paragraphs]
    texts += [text for p in projects for text in (p.goal, p.name) if text]
    deadlines = Counter(int(a or b) for text in texts for a, b in deadline.findall(text))
    if deadlines:
        return max(deadlines, key=lambda year: (deadlines[year], year))
    named = Counter(int(y) for text in texts for y in of_report.findall(text))
    if not named:
        named = Counter(int(y) for text in texts for y in in_title.findall(text))
    return max(named, key=lambda year: (named[year], year)) if named else None


def document_info(blocks: Sequence[Block], projects: Sequence[RawProject]) -> DocumentInfo:
    """Title, department and fiscal year of a report from its top-level blocks and projects."""
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    first_table = next((b for b in blocks if isinstance(b, Table)), None)
    before_tables: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Table):
            break
        before_tables.append(block)
    title = document_title(before_tables, first_table)
    intro = []
    for paragraph in before_tables:
        if paragraph_number(paragraph) is not None:
            break
        intro.append(paragraph.text)
    intro += _table_title_rows(first_table)
    return DocumentInfo(
        title=title,
        department=department(title, paragraphs, projects),
        fiscal_year=fiscal_year(title, intro, paragraphs, projects),
    )
