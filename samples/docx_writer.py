"""A .docx being written: python-docx's package plus our body, numbering and styles; same bytes every run."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from functools import lru_cache

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm
from lxml import etree

from samples import numbering
from samples.inline import REVISION_DATE, add_runs, sub, w

# parts of python-docx's default template that a real Word file of ours would not carry
DROPPED_RELS = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
    RT.THUMBNAIL,
    RT.WEB_SETTINGS,
)
KEPT_TABLE_STYLES = {"TableNormal", "TableGrid"}
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

# styleId -> (name, basedOn, pPr children as (tag, attrs))
EXTRA_STYLES: dict[str, tuple[str, str, tuple[tuple[str, dict[str, str]], ...]]] = {
    "TableText": ("表格文字", "Normal", (("spacing", {"after": "0", "line": "300", "lineRule": "auto"}),)),
    "TOC1": ("toc 1", "Normal", (("spacing", {"after": "100"}),)),
    "TOC2": ("toc 2", "Normal", (("spacing", {"after": "100"}), ("ind", {"left": "420"}))),
    "TOC3": ("toc 3", "Normal", (("spacing", {"after": "100"}), ("ind", {"left": "840"}))),
}


@lru_cache(maxsize=1)
def _template() -> bytes:
    """python-docx's default document, trimmed and set up for Chinese A4 reports."""
    document = docx.Document()
    for rels in (document.part.rels, document.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype in DROPPED_RELS:
                del rels[rid]
    styles = document.styles.element
    for style in list(styles.iterchildren(w("style"))):
        if style.get(w("type")) == "table" and style.get(w("styleId")) not in KEPT_TABLE_STYLES:
            styles.remove(style)
    fonts = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    fonts.find(w("rFonts")).set(w("eastAsia"), "宋体")
    fonts.find(w("lang")).set(w("eastAsia"), "zh-CN")
    for style_id, (name, based_on, ppr_children) in EXTRA_STYLES.items():
        style = sub(styles, "style", type="paragraph", styleId=style_id)
        sub(style, "name", val=name)
        sub(style, "basedOn", val=based_on)
        ppr = sub(style, "pPr")
        for tag, attrs in ppr_children:
            sub(ppr, tag, **attrs)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


class Package:
    """One document being built; implements the builders' Context (ids, rels, comments)."""

    def __init__(self, *, title: str, department: str, year: int, lists: list[str]) -> None:
        self.doc = docx.Document(io.BytesIO(_template()))
        self.author = department
        self._ids = 1000  # clear of python-docx's comment ids (0, 1, …): annotation ids must not collide
        self._body = self.doc.element.body
        self._sect_pr = self._body.find(w("sectPr"))
        self.num_ids = numbering.install(self.doc.part.numbering_part.element, lists)
        if "plan" in self.num_ids:
            self._add_list_style("GoalItem", "目标条目", self.num_ids["plan"])
        self._properties(title, department, year)
        self._header_footer(department)

    # -- Context --
    def next_id(self) -> str:
        self._ids += 1
        return str(self._ids)

    def hyperlink_rel(self, url: str) -> str:
        return self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)

    def add_comment(self, text: str) -> str:
        comment = self.doc.comments.add_comment(text=text, author=self.author, initials="")
        comment._comment_elm.set(w("date"), REVISION_DATE)
        return str(comment.comment_id)

    # -- building --
    def num(self, key: str, level: int = 0) -> tuple[int, int]:
        """(numId, ilvl) of list `key` for a paragraph's w:numPr."""
        return self.num_ids[key], level

    def append(self, *elements: etree._Element) -> None:
        """Add blocks to the body, before its final w:sectPr."""
        for element in elements:
            self._sect_pr.addprevious(element)

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return normalized_zip(buf.getvalue())

    def _add_list_style(self, style_id: str, name: str, num_id: int) -> None:
        """A paragraph style whose paragraphs take their number from the style (17.3.1.19)."""
        style = sub(self.doc.styles.element, "style", type="paragraph", customStyle="1", styleId=style_id)
        sub(style, "name", val=name)
        sub(style, "basedOn", val="Normal")
        sub(style, "qFormat")
        sub(sub(sub(style, "pPr"), "numPr"), "numId", val=str(num_id))

    def _properties(self, title: str, department: str, year: int) -> None:
        props = self.doc.core_properties
        stamp = dt.datetime(year - 1, 12, 20, 9, 0, tzinfo=dt.timezone.utc)
        props.title, props.subject = title, f"{year}年度预算绩效目标"
        props.author = props.last_modified_by = department
        props.keywords, props.category, props.comments = "绩效目标", "预算绩效管理", ""
        props.created = props.modified = stamp
        props.revision = 1

    def _header_footer(self, department: str) -> None:
        section = self.doc.sections[0]
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = department
        section.footer.is_linked_to_previous = False
        footer = section.footer.paragraphs[0]._p
        add_runs(self, footer, "第 {field:PAGE|1} 页，共 ")
        add_runs(self, sub(footer, "fldSimple", instr=" NUMPAGES "), "1")
        add_runs(self, footer, " 页")


def normalized_zip(data: bytes) -> bytes:
    """Re-zip with fixed timestamps and attributes so equal parts give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type, fixed.create_system, fixed.external_attr = zipfile.ZIP_DEFLATED, 0, 0o600 << 16
            target.writestr(fixed, source.read(info.filename), compresslevel=6)
    return out.getvalue()
