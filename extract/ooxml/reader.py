"""Read the body of a .docx: stream word/document.xml once and hand out extract.model values.

The document part is fed to an lxml pull parser in chunks; each top-level body child is
read as soon as the parser has moved past it, then deleted, so memory stays flat however
long the document is. (package.iterparse would hand every start and end event to Python;
the pull parser keeps the parse in C and only the finished blocks come up.) The package's
stream enforces the size and time limits on every chunk. styles.xml and numbering.xml are
read before the body; their parse is shared by documents with the same bytes (part_cache).
Only the main document part is walked: headers, footers, comments and notes never are.

What the values mean (the domain layer relies on these):
- blocks come in reading order; empty paragraphs are kept (text ""); the blocks of a text
  box follow the paragraph that anchors it; a block-level w:sdt gives its own blocks;
- Paragraph.text never holds the automatic number (that is Paragraph.number); a bulleted
  or numFmt "none" item has number None and num_format "bullet"/"none";
- table-of-contents material (TOC field results, a TOC content control, "toc N" and
  "TOC Heading" paragraphs) and content controls still showing their placeholder are left out;
- Table.index numbers top-level tables from 0; a nested table (in Cell.tables) carries the
  index of the top-level table it sits in; Cell.text is its paragraphs joined by "\n", trimmed.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from functools import cache
from typing import IO, Callable, TypeVar

from lxml import etree

from jixiao.extract.exceptions import DamagedDocument, ResourceLimitExceeded
from jixiao.extract.gc_pause import paused_gc
from jixiao.extract.limits import DEFAULT_LIMITS, Limits
from jixiao.extract.model import Block, DocxBody, Warning, WarningCode
from jixiao.extract.ooxml.blocks import read_blocks
from jixiao.extract.ooxml.context import ReadContext
from jixiao.extract.ooxml.namespaces import STRICT, TRANSITIONAL, names_for_tag
from jixiao.extract.ooxml.numbering import Numbering, read_definitions
from jixiao.extract.ooxml.package import DocxPackage, open_package
from jixiao.extract.ooxml.part_cache import parsed_part
from jixiao.extract.ooxml.styles import Styles, index_styles

# The hardening of package.xml_parser(), for the pull parser it cannot be passed to.
PULL_PARSER_OPTIONS = dict(
    resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
    remove_comments=True, remove_pis=True,
)
CHUNK_BYTES = 1 << 16
BODY_TAGS = (TRANSITIONAL.body, STRICT.body)
BLOCK_LEVEL = 3  # w:document (1) > w:body (2) > block (3)
LIBXML2_MAX_DEPTH = 256
"""libxml2 itself refuses nesting deeper than this unless huge_tree is on; a tighter limit is checked per block."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ReadStats:
    """How much work a read took, for tests that keep the reader linear."""

    elements_visited: int
    top_level_blocks: int
    peak_body_children: int = 0
    """Most top-level blocks held in the parsed tree at once: bounded by the chunk size, not the document."""


def read_docx(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> DocxBody:
    """The body of the .docx `data` in reading order.

    Raises NotADocxFile, DamagedDocument or ResourceLimitExceeded (all naming `path`).
    """
    return read_docx_with_stats(data, path, limits)[0]


def read_docx_with_stats(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> tuple[DocxBody, ReadStats]:
    """`read_docx`, plus how many elements the walk visited."""
    with paused_gc():
        package = open_package(data, path, limits)
        return read_package(package)


def read_package(package: DocxPackage) -> tuple[DocxBody, ReadStats]:
    """Read an already opened package."""
    warnings: list[Warning] = []
    index = _load_part(package, package.styles_part, index_styles, "styles_missing",
                       "paragraph style names and heading levels are not known", warnings)
    styles = index.styles() if index is not None else Styles.empty()
    definitions = _load_part(package, package.numbering_part, read_definitions,
                             "numbering_missing", "automatic numbers are not shown", warnings)
    numbering = Numbering(definitions, styles.num_id_of) if definitions is not None else Numbering.empty()
    ctx = ReadContext(package.path, package.document_part, package.limits, styles, numbering, warnings, read_blocks)
    blocks: list[Block] = []
    peak = _stream_body(package, ctx, blocks)
    return DocxBody(tuple(blocks), tuple(warnings)), ReadStats(ctx.visits, len(blocks), peak)


def _load_part(package: DocxPackage, name: str | None, read: Callable[[etree._Element], T],
               code: WarningCode, consequence: str, warnings: list[Warning]) -> T | None:
    """Parse a supporting part; a damaged one becomes a warning, a missing one is reported when used.

    `read` must be a pure function of the part's tree: documents with the same bytes share its result.
    """
    if name is None or not package.has(name):
        return None
    try:
        root, parsed = parsed_part(package.read(name), read)
    except DamagedDocument as e:
        warnings.append(Warning(code, f"{e.problem}: {consequence}"))
        return None
    except etree.XMLSyntaxError as e:
        _raise_if_resource_limit(e, package, name)
        warnings.append(Warning(code, f"{name} is not well-formed XML (line {e.lineno}): {consequence}"))
        return None
    # libxml2 refuses nesting deeper than 256 itself; a tighter limit is checked with one XPath.
    if package.limits.max_xml_depth < LIBXML2_MAX_DEPTH and _deeper_than(package.limits.max_xml_depth)(root):
        raise ResourceLimitExceeded(package.path, f"{name} nests XML deeper than {package.limits.max_xml_depth} levels")
    return parsed


@cache
def _deeper_than(depth: int, *, relative: bool = False) -> etree.XPath:
    """XPath: is there an element deeper than `depth` levels (the root, or the context element, is level 1)?"""
    if relative:
        return etree.XPath("boolean(" + "*/" * (depth - 1) + "*)") if depth > 0 else etree.XPath("true()")
    return etree.XPath("boolean(/" + "*/" * depth + "*)")


def _stream_body(package: DocxPackage, ctx: ReadContext, blocks: list[Block]) -> int:
    """Read the body into `blocks`; return the most body children held at once."""
    name = package.document_part
    peak = 0
    parser = etree.XMLPullParser(events=("start",), tag=BODY_TAGS, **PULL_PARSER_OPTIONS)
    body: etree._Element | None = None
    with package.open(name) as stream:
        while chunk := _read_chunk(stream, package, name):
            _feed(parser, chunk, package, name)
            if body is None:
                body = _body_started(parser, ctx)
            if body is not None and len(body) > 1:
                # Every child but the last is complete: the parser has moved past it.
                peak = max(peak, len(body))
                _drain(body, len(body) - 1, ctx, blocks)
        try:
            parser.close()
        except etree.XMLSyntaxError as e:
            raise _syntax_error(e, package, name) from None
    if body is None:
        body = _body_started(parser, ctx)
    if body is None:
        raise DamagedDocument(package.path, f"{name} has no document body (w:body)")
    peak = max(peak, len(body))
    _drain(body, len(body), ctx, blocks)
    return peak


def _body_started(parser: etree.XMLPullParser, ctx: ReadContext) -> etree._Element | None:
    for _event, element in parser.read_events():
        ctx.n = names_for_tag(element.tag)
        return element
    return None


def _drain(body: etree._Element, count: int, ctx: ReadContext, blocks: list[Block]) -> None:
    """Read the first `count` children of the body, then free them."""
    if count <= 0:
        return
    limit = ctx.limits.max_xml_depth
    too_deep = _deeper_than(limit - BLOCK_LEVEL + 1, relative=True) if limit < LIBXML2_MAX_DEPTH else None
    needing_walk = _blocks_needing_walk(body, ctx.n.needs_walk)
    children = body.iterchildren()
    for _ in range(count):
        child = next(children)
        if too_deep is not None and too_deep(child):
            raise ResourceLimitExceeded(ctx.path, f"{ctx.part} nests XML deeper than {limit} levels")
        ctx.plain = child not in needing_walk
        read_blocks((child,), ctx, blocks)
    # Drop every Python reference first: lxml would otherwise copy each still-referenced
    # subtree into a document of its own instead of freeing it.
    del child, children
    needing_walk.clear()
    del body[:count]


def _blocks_needing_walk(body: etree._Element, tags: tuple[str, ...]) -> set[etree._Element]:
    """The top-level blocks holding any of `tags`: one C-level scan of the body, then a climb per hit."""
    found: set[etree._Element] = set()
    for hit in body.iter(tags):
        block, parent = hit, hit.getparent()
        while parent is not None and parent is not body:
            block, parent = parent, parent.getparent()
        found.add(block)
    return found


def _read_chunk(stream: IO[bytes], package: DocxPackage, name: str) -> bytes:
    try:
        return stream.read(CHUNK_BYTES)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as e:
        raise DamagedDocument(package.path, f"part {name} is damaged: {e}") from None


def _feed(parser: etree.XMLPullParser, chunk: bytes, package: DocxPackage, name: str) -> None:
    try:
        parser.feed(chunk)
    except etree.XMLSyntaxError as e:
        raise _syntax_error(e, package, name) from None


def _syntax_error(e: etree.XMLSyntaxError, package: DocxPackage, name: str) -> Exception:
    _raise_if_resource_limit(e, package, name)
    return DamagedDocument(package.path, f"{name} is not well-formed XML (line {e.lineno})")


def _raise_if_resource_limit(e: etree.XMLSyntaxError, package: DocxPackage, name: str) -> None:
    # libxml2 refuses nesting deeper than 256 and text nodes over 10 MB without XML_PARSE_HUGE.
    if e.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT or "Excessive depth" in str(e):
        what = "nests XML elements too deeply" if "depth" in str(e) else "exceeds an XML parser limit"
        raise ResourceLimitExceeded(package.path, f"{name} {what} ({e.msg}): refusing to read it") from None
