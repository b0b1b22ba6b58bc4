"""Paragraph styles from styles.xml: name, inherited numbering and outline level, resolved through w:basedOn."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from jixiao.extract.ooxml.namespaces import WordNames, names_for_tag

# Word stores the built-in names in English ("heading 1", "toc 2") whatever the UI language;
# WPS sometimes writes the localised name, so both spellings are listed.
HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
TOC_NAME = re.compile(r"^(?:toc\s*[1-9]|toc\s*heading|目录\s*[1-9]?|目录标题)$", re.IGNORECASE)
TOC_STYLE_ID = re.compile(r"^TOC(?:[1-9]|Heading)$", re.IGNORECASE)
BODY_TEXT_OUTLINE = 9  # w:outlineLvl 9 means "body text": no outline level
MAX_BASED_ON_CHAIN = 32
UNRESOLVED = object()


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """What a paragraph takes from its style once w:basedOn is followed."""

    style_id: str
    name: str | None
    num_id: int | None
    ilvl: int | None
    outline_level: int | None
    is_toc: bool


@dataclass(frozen=True, slots=True)
class _RawStyle:
    name: str | None
    based_on: str | None
    num_id: int | None
    ilvl: int | None
    outline: int | None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class Styles:
    """The styles of one document, read on first use (a template defines hundreds, a document uses a few)."""

    def __init__(self, elements: dict[str, etree._Element], default_id: str | None, n: WordNames | None = None,
                 *, missing: bool = False) -> None:
        self._elements, self.default_id, self.missing, self._n = elements, default_id, missing, n
        self._raw: dict[str, _RawStyle | None] = {}
        self.resolved: dict[str | None, ParagraphStyle | None] = {}
        """Memo of `resolve`; the paragraph reader looks here first to save a call per paragraph."""

    @classmethod
    def empty(cls) -> Styles:
        return cls({}, None, missing=True)

    def _get(self, style_id: str) -> _RawStyle | None:
        try:
            return self._raw[style_id]
        except KeyError:
            pass
        element = self._elements.get(style_id)
        raw = self._raw[style_id] = _read_style(element, self._n) if element is not None and self._n else None
        return raw

    def resolve(self, style_id: str | None) -> ParagraphStyle | None:
        """The effective style of a paragraph with w:pStyle `style_id` (None: the default paragraph style)."""
        try:
            return self.resolved[style_id]
        except KeyError:
            pass
        result = self._follow(style_id if style_id is not None else self.default_id)
        self.resolved[style_id] = result
        return result

    def num_id_of(self, style_id: str) -> int | None:
        """w:numId a (numbering) style names, for w:numStyleLink."""
        style = self.resolve(style_id)
        return style.num_id if style else None

    def _follow(self, style_id: str | None) -> ParagraphStyle | None:
        if style_id is None:
            return None
        first = self._get(style_id)
        if first is None and self.default_id is not None and style_id != self.default_id:
            return self._follow(self.default_id)  # Word shows an undefined style as the default one
        name = first.name if first else None
        num_id = ilvl = outline = None
        have_outline = False
        seen: set[str] = set()
        current, sid = first, style_id
        while current is not None and sid not in seen and len(seen) < MAX_BASED_ON_CHAIN:
            seen.add(sid)
            if num_id is None:
                num_id = current.num_id
            if ilvl is None:
                ilvl = current.ilvl
            if not have_outline:
                if current.outline is not None:
                    outline, have_outline = current.outline, True
                elif current.name and (m := HEADING_NAME.match(current.name)):
                    outline, have_outline = int(m.group(1)) - 1, True
            sid = current.based_on or ""
            current = self._get(sid) if current.based_on else None
        if outline is not None and outline >= BODY_TEXT_OUTLINE:
            outline = None
        is_toc = bool(TOC_NAME.match(name)) if name else bool(TOC_STYLE_ID.match(style_id))
        return ParagraphStyle(style_id, name, num_id, ilvl, outline, is_toc)


@dataclass(frozen=True, slots=True)
class StyleIndex:
    """The w:style elements of styles.xml by w:styleId, and the default paragraph style's id.

    A pure function of the part, so documents with the same styles part can share it; each
    document builds its own Styles on top (its memo grows with the ids the document asks for).
    """

    elements: dict[str, etree._Element]
    default_id: str | None
    names: WordNames

    def styles(self) -> Styles:
        return Styles(self.elements, self.default_id, self.names)


def parse_styles(root: etree._Element) -> Styles:
    """Styles from the root element of styles.xml: an index of w:style by id, read when first used."""
    return index_styles(root).styles()


def index_styles(root: etree._Element) -> StyleIndex:
    """The index of the root element of styles.xml."""
    n: WordNames = names_for_tag(root.tag)
    elements: dict[str, etree._Element] = {}
    default_id = None
    for style in root.iterchildren(n.style):
        sid = style.get(n.styleId)
        if sid is None or sid in elements:
            continue
        elements[sid] = style
        if default_id is None and style.get(n.default) in ("1", "true", "on") and style.get(n.type, "paragraph") == "paragraph":
            default_id = sid
    return StyleIndex(elements, default_id, n)


def _read_style(style: etree._Element, n: WordNames) -> _RawStyle:
    name_el = style.find(n.name)
    based_el = style.find(n.basedOn)
    num_id = ilvl = outline = None
    ppr = style.find(n.pPr)
    if ppr is not None:
        num_pr = ppr.find(n.numPr)
        if num_pr is not None:
            num_id = _int(_val(num_pr.find(n.numId), n))
            ilvl = _int(_val(num_pr.find(n.ilvl), n))
        outline = _int(_val(ppr.find(n.outlineLvl), n))
    return _RawStyle(
        name_el.get(n.val) if name_el is not None else None,
        based_el.get(n.val) if based_el is not None else None,
        num_id, ilvl, outline,
    )


def _val(el: etree._Element | None, n: WordNames) -> str | None:
    return el.get(n.val) if el is not None else None
