"""A w:p as a reader sees it: its text, its automatic number, its style and outline level."""

from __future__ import annotations

from typing import Sequence

from lxml import etree

from jixiao.extract.model import Block, Paragraph
from jixiao.extract.ooxml.context import ReadContext
from jixiao.extract.ooxml.numbering import ListNumber
from jixiao.extract.ooxml.styles import BODY_TEXT_OUTLINE, UNRESOLVED, ParagraphStyle
from jixiao.extract.ooxml.text import paragraph_text, plain_runs

# Trimmed at both ends of a paragraph: ASCII and Unicode spaces, full-width space, NBSP, zero-width marks.
TRIM = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b" \
       "\u2028\u2029\u202f\u205f\u3000\ufeff"


NO_BLOCKS: tuple[Block, ...] = ()


def read_paragraph(p: etree._Element, ctx: ReadContext) -> tuple[Paragraph | None, Sequence[Block]]:
    """The paragraph (None when it is table-of-contents material) and the text-box blocks it anchors."""
    n = ctx.n
    style_id = num_id = ilvl = outline = None
    has_num_pr = False
    ppr = p[0] if len(p) else None  # w:pPr comes first; p.find() costs three times as much
    if ppr is not None and ppr.tag == n.pPr:
        for prop in ppr:
            tag = prop.tag
            if tag == n.pStyle:
                style_id = prop.get(n.val)
            elif tag == n.numPr:
                has_num_pr = True
                for el in prop:
                    if el.tag == n.numId:
                        num_id = _int(el.get(n.val))
                    elif el.tag == n.ilvl:
                        ilvl = _int(el.get(n.val))
            elif tag == n.outlineLvl:
                outline = _int(prop.get(n.val))
        ctx.visits += len(ppr)
    styles = ctx.styles
    if style_id is not None and styles.missing:
        ctx.warn_once("styles_missing", "styles_missing",
                      "the document has no readable styles.xml: paragraph style names and heading levels are not known")
    style = styles.resolved.get(style_id, UNRESOLVED)
    if style is UNRESOLVED:
        style = styles.resolve(style_id)
    number = None
    if has_num_pr or (style is not None and style.num_id):
        number = _number(ctx, style, style_id, num_id, ilvl, has_num_pr)

    ctx.toc_seen = ctx.toc_active > 0
    anchors: Sequence[Block]
    if ctx.plain:
        anchors = NO_BLOCKS
        if ctx.suppress:
            text = ""
        else:
            parts: list[str] = []
            plain_runs(p, ctx, parts)
            text = "".join(parts).strip(TRIM)
    else:
        anchored: list[Block] = []
        text = paragraph_text(p, ctx, anchored).strip(TRIM)
        anchors = anchored
    if (style is not None and style.is_toc) or (ctx.toc_seen and not text):
        return None, NO_BLOCKS
    if outline is None:
        outline = style.outline_level if style is not None else None
    elif not 0 <= outline < BODY_TEXT_OUTLINE:
        outline = None  # w:outlineLvl 9 is "body text" and overrides the style
    if number is None:
        return Paragraph(text, None, None, None, None, style.name if style is not None else None, outline), anchors
    return Paragraph(
        text, number.text, number.fmt, number.num_id, number.ilvl,
        style.name if style is not None else None, outline,
    ), anchors


def _number(ctx: ReadContext, style: ParagraphStyle | None, style_id: str | None,
            num_id: int | None, ilvl: int | None, has_num_pr: bool) -> ListNumber | None:
    """Advance the list counters for this paragraph; w:numId 0 switches numbering off, even a style's."""
    if not (has_num_pr and num_id is not None):
        # A w:numPr holding only w:ilvl keeps the style's list and changes its level.
        num_id = style.num_id if style is not None else None
        if ilvl is None and style is not None:
            ilvl = style.ilvl
    if not num_id:
        return None
    numbering = ctx.numbering
    if numbering.missing:
        ctx.warn_once("numbering_missing", "numbering_missing",
                      "paragraphs use automatic numbering but numbering.xml is missing or unreadable: "
                      "their numbers are not shown")
        return None
    if ilvl is None:
        ilvl = numbering.level_of_style(num_id, style.style_id if style is not None else style_id) or 0
    return numbering.advance(num_id, ilvl)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
