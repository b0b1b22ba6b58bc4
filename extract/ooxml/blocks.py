"""Block-level dispatch: paragraphs and tables of a container (body, cell, text box, content control) in order."""

from __future__ import annotations

from typing import Iterable

from lxml import etree

from jixiao.extract.model import Block
from jixiao.extract.ooxml.context import ReadContext
from jixiao.extract.ooxml.namespaces import MC_ALTERNATE_CONTENT
from jixiao.extract.ooxml.paragraphs import read_paragraph
from jixiao.extract.ooxml.tables import read_table
from jixiao.extract.ooxml.wrappers import alternate_branch, sdt_content


def read_blocks(container: Iterable[etree._Element], ctx: ReadContext, out: list[Block]) -> None:
    """Append the blocks of the children of `container` (an element, or a list of body children) to `out`."""
    n = ctx.n
    p, tbl, ignored = n.p, n.tbl, n.ignored
    for child in container:
        ctx.visits += 1
        tag = child.tag
        if tag == p:
            paragraph, anchored = read_paragraph(child, ctx)
            if paragraph is not None:
                out.append(paragraph)
            if anchored:
                out.extend(anchored)
        elif tag == tbl:
            out.append(read_table(child, ctx))
        elif tag in ignored or tag in n.dropped:
            continue
        elif tag == n.sdt:
            content = sdt_content(child, n)
            if content is not None:
                read_blocks(content, ctx, out)
        elif tag in n.block_wrappers:
            read_blocks(child, ctx, out)
        elif tag == MC_ALTERNATE_CONTENT:
            branch = alternate_branch(child)
            if branch is not None:
                read_blocks(branch, ctx, out)
        elif not isinstance(tag, str):
            continue  # comments and processing instructions
        elif tag == n.altChunk:
            ctx.warn_once(tag, "element_ignored",
                          "the document imports external content (w:altChunk), which is not read; "
                          "open it in Word and save it again to bring that content into the document")
        else:
            local = etree.QName(tag).localname
            ctx.warn_once(tag, "element_ignored", f"an unrecognised block element <{local}> was ignored")
