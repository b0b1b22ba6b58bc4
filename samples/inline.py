"""Runs from a marked-up string: the Word features a paragraph can hold, written as data.

Markup (everything else is literal text):
  {+text+}  tracked insertion (w:ins)         {-text-}  tracked deletion (w:del)
  {>text>}  tracked move here (w:moveTo)      {<text<}  tracked move away (w:moveFrom)
  {/}       run boundary (same text, new w:r) {br} {tab}  w:br, w:tab
  {proof:text}   text between w:proofErr spellStart/spellEnd
  {tag:text}     text inside a w:smartTag
  {sdt:text}     text inside a run-level w:sdt content control
  {link:url|text}   external w:hyperlink
  {field:instr|result}  complex field (fldChar begin/separate/end) showing `result`
  {note:comment|text}   `text` anchored to a comment (comments.xml)
"""

from __future__ import annotations

import re
from typing import Protocol

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REVISION_DATE = "2024-01-16T10:30:00Z"

TOKEN = re.compile(
    r"\{([+\-<>])(.*?)\1\}"
    r"|\{(proof|tag|sdt|link|field|note):(.*?)\}"
    r"|\{(/|br|tab)\}",
    re.S,
)


_CLARK: dict[str, str] = {}


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag."""
    name = _CLARK.get(tag)
    if name is None:
        name = _CLARK[tag] = f"{{{W_NS}}}{tag}"
    return name


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append a w: child with w: attributes."""
    child = etree.SubElement(parent, w(tag))
    for key, value in attrs.items():
        child.set(w(key), value)
    return child


class Context(Protocol):
    """What the builders need from the package being written: unique ids, rels, comments."""

    author: str

    def next_id(self) -> str: ...

    def hyperlink_rel(self, url: str) -> str: ...

    def add_comment(self, text: str) -> str: ...


def text_run(parent: etree._Element, text: str, rpr: dict | None = None, *, deleted: bool = False) -> etree._Element:
    """One w:r holding `text` (w:delText inside deletions)."""
    r = sub(parent, "r")
    if rpr:
        _run_properties(r, rpr)
    t = sub(r, "delText" if deleted else "t")
    t.text = text
    if text != text.strip() or "  " in text:
        t.set(XML_SPACE, "preserve")
    return r


def _run_properties(r: etree._Element, rpr: dict) -> None:
    pr = sub(r, "rPr")
    if rpr.get("font"):
        sub(pr, "rFonts", ascii=rpr["font"], hAnsi=rpr["font"], eastAsia=rpr["font"])
    if rpr.get("bold"):
        sub(pr, "b")
    if rpr.get("size"):
        sub(pr, "sz", val=str(rpr["size"]))
        sub(pr, "szCs", val=str(rpr["size"]))


def add_runs(ctx: Context, p: etree._Element, text: str, rpr: dict | None = None) -> None:
    """Append the runs `text` describes to paragraph (or hyperlink, sdtContent) `p`."""
    pos = 0
    for m in TOKEN.finditer(text):
        if m.start() > pos:
            text_run(p, text[pos : m.start()], rpr)
        pos = m.end()
        if m.group(1):
            _revision(ctx, p, m.group(1), m.group(2), rpr)
        elif m.group(3):
            _feature(ctx, p, m.group(3), m.group(4), rpr)
        elif m.group(5) in ("br", "tab"):
            r = sub(p, "r")
            if rpr:
                _run_properties(r, rpr)
            sub(r, m.group(5))
        # "{/}" only ends the current run: the next text starts a new w:r
    if pos < len(text):
        text_run(p, text[pos:], rpr)


def _revision(ctx: Context, p: etree._Element, kind: str, text: str, rpr: dict | None) -> None:
    stamp = {"id": "", "author": ctx.author, "date": REVISION_DATE}
    if kind in "+-":
        stamp["id"] = ctx.next_id()
        holder = sub(p, "ins" if kind == "+" else "del", **stamp)
        text_run(holder, text, rpr, deleted=kind == "-")
        return
    # ECMA-376 17.13.5.22: a move is a named range plus the moved runs
    name = "move" + ctx.next_id()
    side = "moveFrom" if kind == "<" else "moveTo"
    range_id = ctx.next_id()
    sub(p, side + "RangeStart", id=range_id, author=ctx.author, date=REVISION_DATE, name=name)
    stamp["id"] = ctx.next_id()
    holder = sub(p, side, **stamp)
    text_run(holder, text, rpr, deleted=kind == "<")
    sub(p, side + "RangeEnd", id=range_id)


def _feature(ctx: Context, p: etree._Element, kind: str, body: str, rpr: dict | None) -> None:
    if kind == "proof":
        sub(p, "proofErr", type="spellStart")
        text_run(p, body, rpr)
        sub(p, "proofErr", type="spellEnd")
    elif kind == "tag":
        tag = sub(p, "smartTag", uri="urn:schemas-microsoft-com:office:smarttags", element="chsdate")
        text_run(tag, body, rpr)
    elif kind == "sdt":
        sdt = sub(p, "sdt")
        pr = sub(sdt, "sdtPr")
        sub(pr, "id", val=ctx.next_id())
        sub(pr, "text")
        add_runs(ctx, sub(sdt, "sdtContent"), body, rpr)
    elif kind == "link":
        url, _, label = body.partition("|")
        link = sub(p, "hyperlink", history="1")
        link.set(f"{{{R_NS}}}id", ctx.hyperlink_rel(url))
        text_run(link, label, rpr)
    elif kind == "field":
        instr, _, result = body.partition("|")
        complex_field(p, instr, result, rpr)
    elif kind == "note":
        comment, _, anchored = body.partition("|")
        cid = ctx.add_comment(comment)
        sub(p, "commentRangeStart", id=cid)
        add_runs(ctx, p, anchored, rpr)
        sub(p, "commentRangeEnd", id=cid)
        ref = sub(p, "r")
        sub(sub(ref, "rPr"), "rStyle", val="CommentReference")
        sub(ref, "commentReference", id=cid)


def complex_field(p: etree._Element, instr: str, result: str, rpr: dict | None = None) -> None:
    """fldChar begin / instrText / separate / result / end, as Word writes a field."""
    sub(sub(p, "r"), "fldChar", fldCharType="begin")
    it = sub(sub(p, "r"), "instrText")
    it.text = f" {instr.strip()} "
    it.set(XML_SPACE, "preserve")
    sub(sub(p, "r"), "fldChar", fldCharType="separate")
    text_run(p, result, rpr)
    sub(sub(p, "r"), "fldChar", fldCharType="end")
