"""Body blocks as lxml elements: paragraphs, tables from row specs, content controls, TOC, text box."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from samples.inline import Context, add_runs, complex_field, sub, text_run, w

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
BORDERS = ("top", "left", "bottom", "right", "insideH", "insideV")


@dataclass
class Cell:
    """One w:tc; `text` may hold inline markup, "\\n" starts a new paragraph."""

    text: str = ""
    span: int = 1
    vmerge: str | None = None
    """"restart" or "continue" (w:vMerge)."""
    hmerge: str | None = None
    """"restart" or "continue": the legacy w:hMerge."""
    sdt: bool = False
    nested: "TableSpec | None" = None
    bold: bool = False
    center: bool = False


@dataclass
class Row:
    """One w:tr; grid_before/grid_after leave grid columns with no cell."""

    cells: list[Cell]
    grid_before: int = 0
    grid_after: int = 0
    sdt: bool = False
    header: bool = False
    """w:tblHeader: Word repeats the row at the top of each page."""


@dataclass
class TableSpec:
    widths: tuple[int, ...]
    rows: list[Row] = field(default_factory=list)


def paragraph(
    ctx: Context,
    text: str = "",
    *,
    style: str | None = None,
    num: tuple[int, int] | None = None,
    center: bool = False,
    bookmark: tuple[str, str] | None = None,
    rpr: dict | None = None,
) -> etree._Element:
    """A w:p; `num` is (numId, ilvl) of an automatic number, `bookmark` (id, name)."""
    p = etree.Element(w("p"))
    if style or num or center:
        ppr = sub(p, "pPr")
        if style:
            sub(ppr, "pStyle", val=style)
        if num:
            numpr = sub(ppr, "numPr")
            sub(numpr, "ilvl", val=str(num[1]))
            sub(numpr, "numId", val=str(num[0]))
        if center:
            sub(ppr, "jc", val="center")
    if bookmark:
        sub(p, "bookmarkStart", id=bookmark[0], name=bookmark[1])
    add_runs(ctx, p, text, rpr)
    if bookmark:
        sub(p, "bookmarkEnd", id=bookmark[0])
    return p


def table(ctx: Context, spec: TableSpec) -> etree._Element:
    """A w:tbl with explicit borders, a fixed grid and the rows of `spec`."""
    tbl = etree.Element(w("tbl"))
    pr = sub(tbl, "tblPr")
    sub(pr, "tblStyle", val="TableGrid")
    sub(pr, "tblW", w=str(sum(spec.widths)), type="dxa")
    sub(pr, "jc", val="center")
    borders = sub(pr, "tblBorders")
    for side in BORDERS:
        sub(borders, side, val="single", sz="4", space="0", color="000000")
    sub(pr, "tblLayout", type="fixed")
    sub(pr, "tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="1", lastColumn="0", noHBand="0", noVBand="1")
    grid = sub(tbl, "tblGrid")
    for width in spec.widths:
        sub(grid, "gridCol", w=str(width))
    for row in spec.rows:
        _row(ctx, _wrap(ctx, tbl, row.sdt, "重复行"), row, spec.widths)
    return tbl


def _wrap(ctx: Context, parent: etree._Element, wanted: bool, alias: str) -> etree._Element:
    """`parent`, or the w:sdtContent of a new content control inside it."""
    if not wanted:
        return parent
    sdt = sub(parent, "sdt")
    pr = sub(sdt, "sdtPr")
    sub(pr, "alias", val=alias)
    sub(pr, "id", val=ctx.next_id())
    return sub(sdt, "sdtContent")


def _row(ctx: Context, parent: etree._Element, row: Row, widths: tuple[int, ...]) -> None:
    tr = sub(parent, "tr")
    if row.grid_before or row.grid_after or row.header:
        trpr = sub(tr, "trPr")
        if row.grid_before:
            sub(trpr, "gridBefore", val=str(row.grid_before))
            sub(trpr, "wBefore", w=str(sum(widths[: row.grid_before])), type="dxa")
        if row.grid_after:
            sub(trpr, "gridAfter", val=str(row.grid_after))
            sub(trpr, "wAfter", w=str(sum(widths[len(widths) - row.grid_after :])), type="dxa")
        if row.header:
            sub(trpr, "tblHeader")
    col = row.grid_before
    for cell in row.cells:
        _cell(ctx, _wrap(ctx, tr, cell.sdt, "指标值"), cell, sum(widths[col : col + cell.span]))
        col += cell.span


def _cell(ctx: Context, parent: etree._Element, cell: Cell, width: int) -> None:
    tc = sub(parent, "tc")
    pr = sub(tc, "tcPr")
    sub(pr, "tcW", w=str(width), type="dxa")
    if cell.span > 1:
        sub(pr, "gridSpan", val=str(cell.span))
    if cell.hmerge:
        sub(pr, "hMerge", **({"val": "restart"} if cell.hmerge == "restart" else {}))
    if cell.vmerge:
        sub(pr, "vMerge", **({"val": "restart"} if cell.vmerge == "restart" else {}))
    sub(pr, "vAlign", val="center")
    rpr = {"bold": True} if cell.bold else None
    for line in cell.text.split("\n"):
        tc.append(paragraph(ctx, line, style="TableText", center=cell.center, rpr=rpr))
    if cell.nested is not None:
        tc.append(table(ctx, cell.nested))
        tc.append(paragraph(ctx, style="TableText"))  # a cell must end with a paragraph


def block_sdt(ctx: Context, content: list[etree._Element], alias: str) -> etree._Element:
    """A block-level w:sdt (plain-text content control) around `content`."""
    sdt = etree.Element(w("sdt"))
    pr = sub(sdt, "sdtPr")
    sub(pr, "alias", val=alias)
    sub(pr, "tag", val=alias)
    sub(pr, "id", val=ctx.next_id())
    box = sub(sdt, "sdtContent")
    box.extend(content)
    return sdt


def toc(ctx: Context, entries: list[tuple[int, str, str, int]], *, heading: str = "目录") -> etree._Element:
    """Word's TOC: a docPart content control, a TOC field, entries (level, text, anchor, page)."""
    sdt = etree.Element(w("sdt"))
    part = sub(sub(sdt, "sdtPr"), "docPartObj")
    sub(part, "docPartGallery", val="Table of Contents")
    sub(part, "docPartUnique")
    box = sub(sdt, "sdtContent")
    box.append(paragraph(ctx, heading, style="TOCHeading"))
    for i, (level, text, anchor, page) in enumerate(entries):
        p = sub(box, "p")
        ppr = sub(p, "pPr")
        sub(ppr, "pStyle", val=f"TOC{level}")
        sub(sub(ppr, "tabs"), "tab", val="right", leader="dot", pos="8296")
        if i == 0:
            sub(sub(p, "r"), "fldChar", fldCharType="begin")
            it = sub(sub(p, "r"), "instrText")
            it.text = ' TOC \\o "1-3" \\h \\z \\u '
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            sub(sub(p, "r"), "fldChar", fldCharType="separate")
        link = sub(p, "hyperlink", anchor=anchor, history="1")
        text_run(link, text)
        sub(sub(link, "r"), "tab")
        complex_field(link, f"PAGEREF {anchor} \\h", str(page))
    sub(sub(sub(box, "p"), "r"), "fldChar", fldCharType="end")
    return sdt


def textbox(ctx: Context, lead: str, box_text: str) -> etree._Element:
    """A paragraph `lead` anchoring a text box that holds `box_text` (DrawingML + VML fallback)."""
    p = paragraph(ctx, lead)
    run = sub(p, "r")
    alt = etree.SubElement(run, f"{{{MC_NS}}}AlternateContent")
    choice = etree.SubElement(alt, f"{{{MC_NS}}}Choice", Requires="wps")
    anchor = etree.SubElement(
        sub(choice, "drawing"), f"{{{WP_NS}}}anchor",
        distT="0", distB="0", distL="114300", distR="114300", simplePos="0", relativeHeight="251659264",
        behindDoc="0", locked="0", layoutInCell="1", allowOverlap="1",
    )
    wp = lambda parent, tag, **a: etree.SubElement(parent, f"{{{WP_NS}}}{tag}", a)  # noqa: E731
    wp(anchor, "simplePos", x="0", y="0")
    etree.SubElement(wp(anchor, "positionH", relativeFrom="column"), f"{{{WP_NS}}}posOffset").text = "3429000"
    etree.SubElement(wp(anchor, "positionV", relativeFrom="paragraph"), f"{{{WP_NS}}}posOffset").text = "0"
    wp(anchor, "extent", cx="1828800", cy="342900")
    wp(anchor, "effectExtent", l="0", t="0", r="0", b="0")
    wp(anchor, "wrapSquare", wrapText="bothSides")
    number = ctx.next_id()
    wp(anchor, "docPr", id=number, name=f"文本框 {number}")
    wp(anchor, "cNvGraphicFramePr")
    a = lambda parent, tag, **at: etree.SubElement(parent, f"{{{A_NS}}}{tag}", at)  # noqa: E731
    graphic = etree.SubElement(anchor, f"{{{A_NS}}}graphic", nsmap={"a": A_NS})
    data = a(graphic, "graphicData", uri=WPS_NS)
    wsp = etree.SubElement(data, f"{{{WPS_NS}}}wsp")
    etree.SubElement(wsp, f"{{{WPS_NS}}}cNvSpPr", txBox="1")
    sppr = etree.SubElement(wsp, f"{{{WPS_NS}}}spPr")
    xfrm = a(sppr, "xfrm")
    a(xfrm, "off", x="0", y="0")
    a(xfrm, "ext", cx="1828800", cy="342900")
    a(a(sppr, "prstGeom", prst="rect"), "avLst")
    a(a(sppr, "solidFill"), "schemeClr", val="lt1")
    a(a(a(sppr, "ln", w="6350"), "solidFill"), "prstClr", val="black")
    content = sub(etree.SubElement(wsp, f"{{{WPS_NS}}}txbx"), "txbxContent")
    content.append(paragraph(ctx, box_text))
    body = etree.SubElement(wsp, f"{{{WPS_NS}}}bodyPr", rot="0", vert="horz", wrap="square", anchor="t")
    a(body, "noAutofit")
    fallback = etree.SubElement(alt, f"{{{MC_NS}}}Fallback")
    shape = etree.SubElement(
        sub(fallback, "pict"), f"{{{V_NS}}}shape",
        {"id": f"文本框 {number}", f"{{{O_NS}}}spid": f"_x0000_s10{number}", "type": "#_x0000_t202",
         "style": "position:absolute;margin-left:270pt;margin-top:0;width:144pt;height:27pt;z-index:251659264",
         "fillcolor": "white", "strokeweight": ".5pt"},
    )
    vcontent = sub(etree.SubElement(shape, f"{{{V_NS}}}textbox"), "txbxContent")
    vcontent.append(paragraph(ctx, box_text))
    return p
