"""Parsed styles.xml and numbering.xml, kept for the next document that carries the same bytes.

A season's reports come from a handful of templates, so most documents carry a byte-identical
styles part (and often numbering part). Parsing one costs as much as a small document's body
(lxml parses the template's hundreds of latent styles too), so a batch pays it once per
template instead of once per file. The package still reads every part through its limits;
only the parse is shared, and only what is a pure function of the bytes is kept: the style
index and the list definitions, never a document's style memo, numbering counters or warnings.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, TypeVar

from lxml import etree

from jixiao.extract.ooxml.package import xml_parser

T = TypeVar("T")

CACHED_PARTS = 16
"""Distinct parts kept; a parsed styles part holds a few hundred kB."""
CACHED_PART_BYTES = 1 << 20
"""A larger part is parsed for its document alone, so the cache stays a few MB at most."""


def parsed_part(data: bytes, read: Callable[[etree._Element], T]) -> tuple[etree._Element, T]:
    """The root of the XML `data` (hardened parser) and `read(root)`; raises etree.XMLSyntaxError like fromstring.

    `read` must be a pure function of the element tree, and its result must hold nothing of one
    document (a memo bounded by the part itself is fine), as it is handed to later documents.
    """
    if len(data) > CACHED_PART_BYTES:
        return _parse(data, read)
    return _parsed(data, read)  # type: ignore[return-value]


def _parse(data: bytes, read: Callable[[etree._Element], T]) -> tuple[etree._Element, T]:
    # One C-level parse (DocxPackage.parse hands every event to Python, which costs more than the
    # body on small documents).
    root = etree.fromstring(data, xml_parser())
    return root, read(root)


_parsed = lru_cache(maxsize=CACHED_PARTS)(_parse)
