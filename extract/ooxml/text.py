"""The text of a paragraph's runs as Word shows it.

- wrappers are transparent: w:hyperlink, w:smartTag, w:customXml, w:dir/w:bdo, run-level w:sdt,
  w:fldSimple (its result runs), tracked insertions w:ins/w:moveTo; w:del/w:moveFrom are dropped;
- complex fields (w:fldChar begin/separate/end) show their result, never the w:instrText;
  a TOC field's result is not body text, so it is suppressed and the paragraph marked;
- w:tab and w:ptab give "\\t", w:br and w:cr give "\\n", w:noBreakHyphen "-", w:softHyphen nothing;
  w:sym gives the character of its w:char code (symbol-font private-use codes stay as they are);
- runs whose w:rPr has w:vanish (hidden text) are dropped;
- text boxes (w:txbxContent in w:drawing, w:pict or one branch of mc:AlternateContent) are
  read as blocks into `anchors`, which the caller places right after the paragraph.
"""

from __future__ import annotations

import re

from lxml import etree

from jixiao.extract.model import Block
from jixiao.extract.ooxml.context import OpenField, ReadContext
from jixiao.extract.ooxml.namespaces import MATH_BLOCKS, MATH_TEXT, MC_ALTERNATE_CONTENT, is_on
from jixiao.extract.ooxml.wrappers import alternate_branch, sdt_content

TOC_INSTRUCTION = re.compile(r"^\s*TOC(?:\s|\\|$)", re.IGNORECASE)


def paragraph_text(p: etree._Element, ctx: ReadContext, anchors: list[Block]) -> str:
    """The text of a w:p, untrimmed; text-box blocks it anchors go to `anchors`."""
    out: list[str] = []
    read_runs(p, ctx, out, anchors)
    return "".join(out)


def plain_runs(parent: etree._Element, ctx: ReadContext, parts: list[str]) -> None:
    """`read_runs` for a plain block (`ReadContext.plain`): no fields, hidden or deleted text, controls or drawings."""
    n = ctx.n
    ctx.visits += len(parent)
    r, t, rpr, wrappers = n.r, n.t, n.rPr, n.inline_wrappers
    for child in parent:
        tag = child.tag
        if tag == r:
            for el in child:
                tag = el.tag
                if tag == t:
                    text = el.text
                    if text:
                        parts.append(text)
                elif tag == rpr:
                    continue
                elif tag in n.tabs:
                    parts.append("\t")
                elif tag in n.breaks:
                    parts.append("\n")
                elif tag == n.noBreakHyphen:
                    parts.append("-")
        elif tag in wrappers:
            plain_runs(child, ctx, parts)


def read_runs(parent: etree._Element, ctx: ReadContext, out: list[str], anchors: list[Block]) -> None:
    """Append the visible text of the inline content of `parent` (a w:p or a wrapper) to `out`."""
    n = ctx.n
    ctx.visits += len(parent)
    r, ignored, wrappers, dropped = n.r, n.ignored, n.inline_wrappers, n.dropped
    for child in parent:
        tag = child.tag
        if tag == r:
            _run(child, ctx, out, anchors)
        elif tag in ignored or tag in dropped:
            continue
        elif tag in wrappers:
            read_runs(child, ctx, out, anchors)
        elif tag == n.fldSimple:
            if TOC_INSTRUCTION.match(child.get(n.instr) or ""):
                ctx.toc_seen = True
            else:
                read_runs(child, ctx, out, anchors)
        elif tag == n.sdt:
            content = sdt_content(child, n)
            if content is not None:
                read_runs(content, ctx, out, anchors)
        elif tag == MC_ALTERNATE_CONTENT:
            branch = alternate_branch(child)
            if branch is not None:
                read_runs(branch, ctx, out, anchors)
        elif tag in MATH_BLOCKS:
            if not ctx.suppress:
                out.append("".join(t.text or "" for t in child.iter(*MATH_TEXT)))


def _run(run: etree._Element, ctx: ReadContext, out: list[str], anchors: list[Block]) -> None:
    n = ctx.n
    ctx.visits += len(run)
    hidden = False
    for child in run:
        tag = child.tag
        if tag == n.t:
            if not hidden and not ctx.suppress:
                text = child.text
                if text:
                    out.append(text)
        elif tag == n.rPr:
            vanish = child.find(n.vanish)
            hidden = vanish is not None and is_on(vanish.get(n.val))
        elif tag == n.fldChar:
            _field_char(child.get(n.fldCharType), ctx)
        elif tag == n.instrText:
            if ctx.fields and not ctx.fields[-1].separated:
                ctx.fields[-1].instr.append(child.text or "")
        elif hidden or ctx.suppress:
            continue
        elif tag in n.tabs:
            out.append("\t")
        elif tag in n.breaks:
            out.append("\n")
        elif tag == n.noBreakHyphen:
            out.append("-")
        elif tag == n.sym:
            out.append(_symbol(child.get(n.char)))
        elif tag in n.pictures:
            _text_boxes(child, ctx, anchors)
        elif tag == n.ruby:
            base = child.find(n.rubyBase)  # the ruby text above it is a pronunciation guide
            if base is not None:
                read_runs(base, ctx, out, anchors)


def _field_char(kind: str | None, ctx: ReadContext) -> None:
    fields = ctx.fields
    if kind == "begin":
        fields.append(OpenField())
        ctx.suppress += 1  # the instruction that follows is not shown
    elif kind == "separate":
        if fields and not fields[-1].separated:
            field = fields[-1]
            field.separated = True
            ctx.suppress -= 1
            if TOC_INSTRUCTION.match("".join(field.instr)):
                field.toc = True
                ctx.suppress += 1
                ctx.toc_active += 1
                ctx.toc_seen = True
    elif kind == "end" and fields:
        field = fields.pop()
        if not field.separated or field.toc:
            ctx.suppress -= 1
        if field.toc:
            ctx.toc_active -= 1


def _symbol(code: str | None) -> str:
    try:
        return chr(int(code or "", 16))
    except (ValueError, OverflowError):
        return ""


def _text_boxes(el: etree._Element, ctx: ReadContext, anchors: list[Block]) -> None:
    """Read every text box under a w:drawing / w:pict / mc:AlternateContent once, in document order."""
    if el.tag == MC_ALTERNATE_CONTENT:
        branch = alternate_branch(el)
        if branch is not None:
            _text_boxes(branch, ctx, anchors)
        return
    txbx = ctx.n.txbxContent
    ctx.visits += len(el)
    for child in el:
        if child.tag == txbx:
            ctx.read_blocks(child, ctx, anchors)
        elif len(child):
            _text_boxes(child, ctx, anchors)
