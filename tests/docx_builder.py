"""Build small .docx files in memory from WordprocessingML snippets, for tests.

Usage (import as `from tests.docx_builder import ...`; the repo root must be on sys.path:
`python -m pytest` from the repo root gives that, tests/extract/ooxml/conftest.py adds it):

    build_docx(body_xml, numbering_xml=None, styles_xml=None, extra_parts=None, *, strict=False) -> bytes

- `body_xml` is the content of <w:body> (paragraphs, tables, ...) written with the
  usual prefixes (w:, r:, mc:, wp:, a:, pic:, v:, wps:, w14:); they are declared for you.
- `numbering_xml` / `styles_xml`: the content of <w:numbering> / <w:styles>, or a
  whole part (starting with "<?xml", "<w:numbering" or "<w:styles"); None leaves the part out.
- `extra_parts`: {part name: str | bytes} added or overriding any generated part
  (e.g. {"word/document.xml": b"broken"}).
- `strict=True` writes every part in the Strict OOXML namespaces.

Helpers that return XML strings, to keep tests short:

    p("text", num=(num_id, ilvl), style="Heading1", outline=0, runs=None) -> <w:p> (runs: raw run XML)
    r("text", rpr="<w:vanish/>")                         -> <w:r>
    tbl([["a", "b"], [tc("c", span=2)]], grid=3)         -> <w:tbl> (plain strings become cells,
                                                            strings starting with "<" stay raw XML)
    tr(["a", "b"], grid_before=1, grid_after=1)          -> <w:tr>
    tc("text", span=2, vmerge="restart"|"continue"|True, hmerge=..., content=raw_xml) -> <w:tc>
    abstract_num(0, [("decimal", "%1."), ...], start=1, extra={ilvl: raw_xml})  -> <w:abstractNum>
    num(1, 0, overrides={1: 5})                           -> <w:num> (ilvl -> startOverride)
    style("Heading1", "heading 1", num=(1, 0), based_on=None, outline=None, default=False) -> <w:style>
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
STRICT_R_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"

NSDECLS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'mc:Ignorable="w14"'
)

_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STRICT_REL_TYPE = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# Strict OOXML differs from transitional only in these namespace URIs (ECMA-376 Part 1, Annex A).
_STRICT_MAP = {
    W_NS: STRICT_W_NS,
    R_NS: STRICT_R_NS,
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "http://purl.oclc.org/ooxml/drawingml/picture",
}


def _part(text: str | None, root: str) -> str | None:
    """Wrap element content into a whole part unless it already is one."""
    if text is None:
        return None
    stripped = text.lstrip()
    if stripped.startswith(("<?xml", f"<w:{root} ", f"<w:{root}>")):
        return text
    return f"{_DECL}<w:{root} {NSDECLS}>{text}</w:{root}>"


def _strictify(text: str) -> str:
    for old, new in _STRICT_MAP.items():
        text = text.replace(old, new)
    return text


def build_docx(
    body_xml: str,
    numbering_xml: str | None = None,
    styles_xml: str | None = None,
    extra_parts: dict[str, str | bytes] | None = None,
    *,
    strict: bool = False,
) -> bytes:
    """A complete .docx (zip bytes) whose body is `body_xml`."""
    rel_type = _STRICT_REL_TYPE if strict else _REL_TYPE
    parts: dict[str, str | bytes] = {
        "word/document.xml": f"{_DECL}<w:document {NSDECLS}><w:body>{body_xml}</w:body></w:document>",
    }
    doc_rels = []
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{_CT_MAIN}.document.main+xml"/>']
    for name, text, root in (("numbering", numbering_xml, "numbering"), ("styles", styles_xml, "styles")):
        whole = _part(text, root)
        if whole is None:
            continue
        parts[f"word/{name}.xml"] = whole
        doc_rels.append(f'<Relationship Id="rId{len(doc_rels) + 1}" Type="{rel_type}/{name}" Target="{name}.xml"/>')
        overrides.append(f'<Override PartName="/word/{name}.xml" ContentType="{_CT_MAIN}.{name}+xml"/>')
    pkg_rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts["_rels/.rels"] = (
        f'{_DECL}<Relationships xmlns="{pkg_rels_ns}">'
        f'<Relationship Id="rId1" Type="{rel_type}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    parts["word/_rels/document.xml.rels"] = f'{_DECL}<Relationships xmlns="{pkg_rels_ns}">{"".join(doc_rels)}</Relationships>'
    parts["[Content_Types].xml"] = (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'{"".join(overrides)}</Types>'
    )
    if strict:
        parts = {k: _strictify(v) if isinstance(v, str) and k.startswith("word/") else v for k, v in parts.items()}
    parts.update(extra_parts or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
        for name, content in parts.items():
            z.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buf.getvalue()


def r(text: str = "", *, rpr: str = "") -> str:
    """A run with one w:t (spaces preserved); `rpr` is the inner XML of w:rPr."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(
    text: str = "",
    *,
    num: tuple[int, int] | None = None,
    style: str | None = None,
    outline: int | None = None,
    runs: str | None = None,
) -> str:
    """A paragraph: `text` as one run (or raw `runs` XML), optional numPr, pStyle, outlineLvl."""
    ppr = ""
    if style is not None:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    content = runs if runs is not None else (r(text) if text else "")
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{content}</w:p>"


def tc(text: str = "", *, span: int | None = None, vmerge: str | bool | None = None,
       hmerge: str | bool | None = None, content: str | None = None) -> str:
    """A table cell: w:gridSpan, w:vMerge (True = without w:val), legacy w:hMerge; raw `content` replaces the paragraph."""
    pr = ""
    if span is not None:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if hmerge is not None:
        pr += "<w:hMerge/>" if hmerge is True else f'<w:hMerge w:val="{hmerge}"/>'
    if vmerge is not None:
        pr += "<w:vMerge/>" if vmerge is True else f'<w:vMerge w:val="{vmerge}"/>'
    body = content if content is not None else p(text)
    return f"<w:tc>{f'<w:tcPr>{pr}</w:tcPr>' if pr else ''}{body}</w:tc>"


def tr(cells: list[str], *, grid_before: int | None = None, grid_after: int | None = None) -> str:
    """A table row; plain strings become plain cells, strings starting with '<' are raw XML."""
    pr = ""
    if grid_before is not None:
        pr += f'<w:gridBefore w:val="{grid_before}"/>'
    if grid_after is not None:
        pr += f'<w:gridAfter w:val="{grid_after}"/>'
    inner = "".join(c if c.startswith("<") else tc(c) for c in cells)
    return f"<w:tr>{f'<w:trPr>{pr}</w:trPr>' if pr else ''}{inner}</w:tr>"


def tbl(rows: list[list[str] | str], *, grid: int | None = None) -> str:
    """A table; each row is a list of cells (see `tr`) or a raw <w:tr> string; `grid` adds a w:tblGrid of that many columns."""
    grid_xml = "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * grid + "</w:tblGrid>" if grid else ""
    inner = "".join(row if isinstance(row, str) else tr(row) for row in rows)
    return f"<w:tbl><w:tblPr/>{grid_xml}{inner}</w:tbl>"


def abstract_num(abstract_id: int, levels: list[tuple[str, str]], *, start: int = 1, extra: dict[int, str] | None = None) -> str:
    """A w:abstractNum whose level i has numFmt levels[i][0] and lvlText levels[i][1]; `extra` adds raw XML into a w:lvl."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/>{(extra or {}).get(i, "")}</w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def num(num_id: int, abstract_id: int, *, overrides: dict[int, int] | None = None) -> str:
    """A w:num pointing at an abstractNum, with w:lvlOverride/w:startOverride per level."""
    ov = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'
        for lvl, value in (overrides or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{ov}</w:num>'


def style(style_id: str, name: str, *, num: tuple[int, int] | None = None, based_on: str | None = None,
          outline: int | None = None, kind: str = "paragraph", default: bool = False) -> str:
    """A w:style with w:name, optional w:basedOn, w:numPr (numId, ilvl; ilvl -1 leaves it out), w:outlineLvl, w:default."""
    ppr = ""
    if num is not None:
        ilvl = f'<w:ilvl w:val="{num[1]}"/>' if num[1] >= 0 else ""
        ppr += f'<w:numPr>{ilvl}<w:numId w:val="{num[0]}"/></w:numPr>'
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    flag = ' w:default="1"' if default else ""
    return (
        f'<w:style w:type="{kind}"{flag} w:styleId="{style_id}"><w:name w:val="{name}"/>{based}'
        f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}</w:style>"
    )
