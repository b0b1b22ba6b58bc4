"""Clark-notation names ("{ns}local") of the WordprocessingML elements and attributes we read.

Transitional and Strict OOXML differ only in the namespace URI, so one `WordNames`
is built per namespace and the reader compares tags against its precomputed
strings; the same code then reads both (mammoth maps Strict onto transitional
prefixes in docx/office_xml.py for the same reason).
"""

from __future__ import annotations

from functools import cache

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://purl.oclc.org/ooxml/officeDocument/math",
)
MC_ALTERNATE_CONTENT = f"{{{MC}}}AlternateContent"
MC_CHOICE = f"{{{MC}}}Choice"
MC_FALLBACK = f"{{{MC}}}Fallback"
MATH_TEXT = frozenset(f"{{{ns}}}t" for ns in MATH_NAMESPACES)
MATH_BLOCKS = frozenset(f"{{{ns}}}{local}" for ns in MATH_NAMESPACES for local in ("oMath", "oMathPara"))

# Range markers, proofing marks and properties that carry no text of their own (mammoth's _ignored_elements).
IGNORED_LOCAL_NAMES = (
    "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd",
    "commentRangeStart", "commentRangeEnd", "commentReference", "annotationRef",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
    "customXmlMoveToRangeEnd", "sectPr", "tblPr", "tblPrEx", "trPr", "tcPr", "pPr", "rPr",
    "lastRenderedPageBreak", "footnoteReference", "endnoteReference", "separator",
    "continuationSeparator", "footnoteRef", "endnoteRef", "pgNum", "dayShort", "dayLong",
    "monthShort", "monthLong", "yearShort", "yearLong", "contentPart",
    "object", "sdtPr", "sdtEndPr", "tblGrid", "fitText",
)


class WordNames:
    """Every w: name the reader compares against, in one namespace."""

    def __init__(self, ns: str) -> None:
        self.ns = ns

        def q(local: str) -> str:
            return f"{{{ns}}}{local}"

        # document structure
        self.document, self.body, self.sectPr = q("document"), q("body"), q("sectPr")
        self.p, self.pPr, self.pStyle, self.outlineLvl = q("p"), q("pPr"), q("pStyle"), q("outlineLvl")
        self.numPr, self.ilvl, self.numId = q("numPr"), q("ilvl"), q("numId")
        # runs and their content
        self.r, self.rPr, self.vanish = q("r"), q("rPr"), q("vanish")
        self.t, self.delText, self.instrText, self.delInstrText = q("t"), q("delText"), q("instrText"), q("delInstrText")
        self.tab, self.ptab, self.br, self.cr = q("tab"), q("ptab"), q("br"), q("cr")
        self.sym, self.noBreakHyphen, self.softHyphen = q("sym"), q("noBreakHyphen"), q("softHyphen")
        self.fldChar, self.fldSimple = q("fldChar"), q("fldSimple")
        self.drawing, self.pict, self.txbxContent = q("drawing"), q("pict"), q("txbxContent")
        self.ruby, self.rubyBase = q("ruby"), q("rubyBase")
        # inline and block wrappers
        self.hyperlink, self.smartTag, self.customXml = q("hyperlink"), q("smartTag"), q("customXml")
        self.ins, self.del_, self.moveTo, self.moveFrom = q("ins"), q("del"), q("moveTo"), q("moveFrom")
        self.dir, self.bdo = q("dir"), q("bdo")
        self.sdt, self.sdtPr, self.sdtContent = q("sdt"), q("sdtPr"), q("sdtContent")
        self.showingPlcHdr, self.docPartObj, self.docPartGallery = q("showingPlcHdr"), q("docPartObj"), q("docPartGallery")
        self.altChunk = q("altChunk")
        # tables
        self.tbl, self.tblGrid, self.gridCol = q("tbl"), q("tblGrid"), q("gridCol")
        self.tr, self.trPr, self.gridBefore, self.gridAfter = q("tr"), q("trPr"), q("gridBefore"), q("gridAfter")
        self.tc, self.tcPr, self.gridSpan = q("tc"), q("tcPr"), q("gridSpan")
        self.vMerge, self.hMerge = q("vMerge"), q("hMerge")
        # styles.xml
        self.styles, self.style, self.name, self.basedOn = q("styles"), q("style"), q("name"), q("basedOn")
        # numbering.xml
        self.numbering, self.abstractNum, self.num, self.abstractNumId = (
            q("numbering"), q("abstractNum"), q("num"), q("abstractNumId"))
        self.lvl, self.start, self.numFmt, self.lvlText = q("lvl"), q("start"), q("numFmt"), q("lvlText")
        self.lvlRestart, self.isLgl, self.lvlOverride, self.startOverride = (
            q("lvlRestart"), q("isLgl"), q("lvlOverride"), q("startOverride"))
        self.numStyleLink, self.multiLevelType = q("numStyleLink"), q("multiLevelType")
        # attributes
        self.val, self.fldCharType, self.instr, self.char = q("val"), q("fldCharType"), q("instr"), q("char")
        self.type, self.styleId, self.default, self.format = q("type"), q("styleId"), q("default"), q("format")
        self.ignored = frozenset(q(local) for local in IGNORED_LOCAL_NAMES)
        # Wrappers whose children read as if the wrapper were not there (tracked insertions accepted).
        self.inline_wrappers = frozenset(
            (self.hyperlink, self.smartTag, self.customXml, self.ins, self.moveTo, self.dir, self.bdo))
        self.block_wrappers = frozenset((self.customXml, self.ins, self.moveTo))
        # Tracked deletions: accepting the changes drops them.
        self.dropped = frozenset((self.del_, self.moveFrom))
        self.breaks = frozenset((self.br, self.cr))
        self.tabs = frozenset((self.tab, self.ptab))
        self.pictures = frozenset((self.drawing, self.pict, MC_ALTERNATE_CONTENT))
        # A top-level block holding none of these is "plain": its runs are read without looking for
        # fields, hidden or deleted text, content controls or text boxes (see text.plain_runs).
        self.needs_walk = (
            self.fldChar, self.instrText, self.fldSimple, self.vanish, self.del_, self.moveFrom, self.sdt,
            self.drawing, self.pict, MC_ALTERNATE_CONTENT, self.ruby, self.sym, *MATH_BLOCKS,
        )


TRANSITIONAL = WordNames(W_TRANSITIONAL)
STRICT = WordNames(W_STRICT)


@cache
def names_for_tag(tag: str) -> WordNames:
    """The names of the namespace `tag` (a part's root element) is in; transitional when unknown."""
    return STRICT if tag.startswith(f"{{{W_STRICT}}}") else TRANSITIONAL


def is_on(value: str | None) -> bool:
    """An ST_OnOff attribute: absent means on (the element's presence is the flag)."""
    return value is None or value not in ("0", "false", "off")
