"""Elements that wrap content without being content: w:sdt content controls and mc:AlternateContent."""

from __future__ import annotations

from lxml import etree

from jixiao.extract.ooxml.namespaces import MC_CHOICE, MC_FALLBACK, WordNames

TOC_GALLERY = "table of contents"


def sdt_content(sdt: etree._Element, n: WordNames) -> etree._Element | None:
    """The w:sdtContent to read, or None for a table-of-contents control or one still showing its placeholder."""
    pr = sdt.find(n.sdtPr)
    if pr is not None:
        if pr.find(n.showingPlcHdr) is not None:
            # Placeholder prompt ("Click or tap here to enter text."), not something the author wrote.
            return None
        for part in pr:
            gallery = part.find(n.docPartGallery)
            if gallery is not None and (gallery.get(n.val) or "").strip().lower().startswith(TOC_GALLERY):
                return None
    return sdt.find(n.sdtContent)


def alternate_branch(alternate: etree._Element) -> etree._Element | None:
    """One branch of mc:AlternateContent: the first mc:Choice, else mc:Fallback — never both, which would repeat it."""
    fallback = None
    for branch in alternate:
        if branch.tag == MC_CHOICE:
            return branch
        if branch.tag == MC_FALLBACK and fallback is None:
            fallback = branch
    return fallback
