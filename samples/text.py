"""The report's running text: numbered goal paragraphs, TOC, content controls, text boxes."""

from __future__ import annotations

from samples.blocks import block_sdt, paragraph, textbox, toc
from samples.docx_writer import Package
from samples.model import Para, Report


def write_paragraphs(pkg: Package, paras: list[Para]) -> None:
    for para in paras:
        pkg.append(_paragraph(pkg, para))


def _paragraph(pkg: Package, para: Para):
    if para.kind == "textbox":
        return textbox(pkg, para.text, para.box)
    element = paragraph(
        pkg, para.text, style=para.style, center=para.center,
        num=pkg.num(para.list, para.level) if para.list else None,
        bookmark=(pkg.next_id(), para.bookmark) if para.bookmark else None,
        rpr={"bold": True} if para.bold else None,
    )
    if para.kind == "sdt":
        return block_sdt(pkg, [element], "填报单位")
    return element


def write_front(pkg: Package, report: Report) -> None:
    """TOC (when the report has one) and the paragraphs before the tables."""
    if report.toc:
        pkg.append(toc(pkg, [(int(level), text, anchor, int(page)) for level, text, anchor, page in report.toc]))
    write_paragraphs(pkg, report.paragraphs)


def title_lines(pkg: Package, *lines: str) -> None:
    """Centered bold lines above a table (表名, 年度)."""
    for line in lines:
        pkg.append(paragraph(pkg, line, center=True, rpr={"bold": True}))
