"""The floor: the least any .docx reader must do — unzip word/document.xml, parse it, visit each element once."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

DOCUMENT_PART = "word/document.xml"


def floor_read(path: str | Path) -> None:
    """Open the zip, parse the document part with lxml, walk every element once."""
    with zipfile.ZipFile(path) as z:
        data = z.read(DOCUMENT_PART)
    root = etree.fromstring(data)
    for _ in root.iter():
        pass


def document_xml_size(path: str | Path) -> int:
    """Uncompressed size in bytes of the document part."""
    with zipfile.ZipFile(path) as z:
        return z.getinfo(DOCUMENT_PART).file_size


def element_count(path: str | Path) -> int:
    """Number of elements in the document part (what the floor visits)."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read(DOCUMENT_PART))
    return sum(1 for _ in root.iter())
