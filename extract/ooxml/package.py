"""Open a .docx package safely and hand out its parts as size- and time-limited streams.

python-docx's loader would parse every XML part into its element classes before
we see any of them; we need the document part streamed once, under limits, so
the package is opened here with zipfile and parts are found through the
relationships (_rels/.rels, word/_rels/document.xml.rels), as ECMA-376 Part 2 says.

For the body reader (the API of this module):

- `open_package(data, path, limits) -> DocxPackage` refuses, with a jixiao error,
  anything that is not a Word package (see `file_format`), a zip over the limits,
  and Excel/PowerPoint packages.
- `DocxPackage.document_part`, `.styles_part`, `.numbering_part`: part names (the
  last two may be None). `.has(name)`.
- `.open(name)` streams a part; `.read(name)` returns its bytes. Both enforce the
  part-size, total-size, compression-ratio, XML-element-count and time limits on the
  bytes really inflated (a zip header that lies about sizes gains nothing), turn zip
  errors into DamagedDocument, and refuse an XML part whose prolog declares a DTD or
  entities. An XML part over 4 MiB is inflated once before `open` returns, so a bomb
  is refused before the reader does any work on it.
- `.iterparse(name, events)` yields lxml (event, element) pairs like
  `etree.iterparse`, with the hardened parser settings, the XML depth limit and the
  deadline checked as it goes; malformed XML becomes DamagedDocument. `.parse(name)`
  returns the root element the same way (for the small parts: styles, numbering).
- `.check_deadline()` raises ResourceLimitExceeded once `limits.seconds_per_document`
  has passed since the package was opened. Streams check it on every 64 KiB read and
  `iterparse` every 1,024 events; call it yourself in any long loop that reads nothing.
- `read_file_bytes(path, limits)` reads a file from disk, refusing folders, missing
  files and files over `limits.max_file_bytes` without reading them.
"""

from __future__ import annotations

import io
import os
import posixpath
import stat
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from jixiao.extract.exceptions import (
    DamagedDocument,
    FileMissing,
    FileUnreadable,
    NotADocxFile,
    NotAFile,
    ResourceLimitExceeded,
)
from jixiao.extract.limits import DEFAULT_LIMITS, MiB, Limits
from jixiao.extract.ooxml import file_format
from jixiao.extract.ooxml.part_stream import CHUNK, RATIO_FLOOR, ZIP_ERRORS, PartStream
from jixiao.extract.ooxml.xml_prolog import XML_SUFFIXES

REL_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
REL_SUFFIX = {"styles": "/styles", "numbering": "/numbering"}
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "[Content_Types].xml"
_PREFLIGHT_BYTES = 4 * MiB


def xml_parser() -> etree.XMLParser:
    """A parser that never resolves entities, loads a DTD or touches the network."""
    return etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )


def read_file_bytes(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of the file at `path`; a jixiao error for a folder, a missing or an oversized file."""
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise FileMissing(name) from None
    except OSError as e:
        raise FileUnreadable(name, f"cannot be read ({e.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise NotAFile(name)
    if not stat.S_ISREG(st.st_mode):
        raise NotAFile(name, "is not a regular file (a device, pipe or socket), not a .docx file")
    if st.st_size > limits.max_file_bytes:
        raise _file_too_big(name, st.st_size, limits)
    try:
        with open(path, "rb") as f:
            data = f.read(limits.max_file_bytes + 1)
    except OSError as e:
        raise FileUnreadable(name, f"cannot be read ({e.strerror})") from None
    if len(data) > limits.max_file_bytes:
        raise _file_too_big(name, len(data), limits)
    return data


def _file_too_big(path: str, size: int, limits: Limits) -> ResourceLimitExceeded:
    return ResourceLimitExceeded(path, f"is {size / MiB:.0f} MiB (limit {limits.max_file_bytes / MiB:.0f} MiB)")


class DocxPackage:
    """An opened .docx: its zip, the names of its main parts, and the limits it is read under."""

    def __init__(self, data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path, self.limits, self.size = path, limits, len(data)
        self.bytes_read = 0
        """Uncompressed bytes inflated so far, over all parts."""
        self._deadline = time.monotonic() + limits.seconds_per_document
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except ZIP_ERRORS as e:
            raise DamagedDocument(path, f"is damaged or incomplete (the zip is truncated or broken: {e}); get the file again") from None
        if len(infos) > limits.max_entries:
            raise ResourceLimitExceeded(path, f"has {len(infos)} zip entries (limit {limits.max_entries})")
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_total_uncompressed:
            raise ResourceLimitExceeded(
                path, f"would inflate to {declared / MiB:,.0f} MiB (limit {limits.max_total_uncompressed / MiB:.0f} MiB): looks like a zip bomb"
            )
        self._infos = {i.filename.replace("\\", "/"): i for i in infos}
        content_types = self._content_types()
        self.document_part = self._main_document_part(content_types)
        rels = self._relationships(self.document_part)
        self.styles_part = rels.get("styles")
        self.numbering_part = rels.get("numbering")

    def has(self, name: str | None) -> bool:
        return name is not None and name in self._infos

    def check_deadline(self) -> None:
        """Raise ResourceLimitExceeded when this document has taken longer than its time limit."""
        if time.monotonic() > self._deadline:
            raise ResourceLimitExceeded(
                self.path, f"took longer than {self.limits.seconds_per_document:g} s to read (time limit per document)"
            )

    def open(self, name: str) -> IO[bytes]:
        """Stream one part, enforcing the size, ratio, element and time limits as it is read."""
        info = self._infos.get(name)
        if info is None:
            raise DamagedDocument(self.path, f"is missing the part {name}")
        if info.flag_bits & 0x1:
            raise NotADocxFile(self.path, "is a password-protected zip archive, not a Word document; unpack it first")
        if info.file_size > self.limits.max_part_bytes:
            self.too_big(name)
        if info.file_size > RATIO_FLOOR and info.file_size > self.limits.max_ratio * max(info.compress_size, 1):
            self.bomb(name, info.file_size / max(info.compress_size, 1))
        if info.file_size > _PREFLIGHT_BYTES and name.lower().endswith(XML_SUFFIXES):
            # Inflate a big XML part once at C speed before the reader spends Python time on it,
            # so an element or zip bomb is refused in a second, not after the reader's work.
            before = self.bytes_read
            with self._stream(info) as stream:
                while stream.read(CHUNK):
                    pass
            self.bytes_read = before
        return self._stream(info)

    def _stream(self, info: zipfile.ZipInfo) -> IO[bytes]:
        try:
            raw = self._zip.open(info)
        except ZIP_ERRORS + (RuntimeError,) as e:
            raise DamagedDocument(self.path, f"cannot read part {info.filename} ({e}); get the file again") from None
        try:
            return io.BufferedReader(PartStream(self, info, raw), CHUNK)
        except BaseException:
            raw.close()
            raise

    def read(self, name: str) -> bytes:
        """The whole of one part, under the same limits as `open`."""
        with self.open(name) as f:
            return f.read()

    def iterparse(self, name: str, events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, etree._Element]]:
        """(event, element) pairs of a part, as lxml's iterparse gives them, under the XML limits."""
        depth = steps = 0
        with self.open(name) as stream:
            parse = etree.iterparse(
                stream, events=("start", "end"), resolve_entities=False, load_dtd=False, no_network=True,
                huge_tree=False, remove_comments=True, remove_pis=True,
            )
            try:
                for event, element in parse:
                    depth += 1 if event == "start" else -1
                    if depth > self.limits.max_xml_depth:
                        raise self._too_deep(name)
                    steps += 1
                    if steps & 1023 == 0:
                        self.check_deadline()
                    if event in events:
                        yield event, element
            except etree.XMLSyntaxError as e:
                raise self._xml_error(name, e) from None

    def parse(self, name: str) -> etree._Element:
        """The root element of a part, parsed under the XML limits."""
        root = None
        for _, element in self.iterparse(name, ("end",)):
            root = element
        if root is None:
            raise DamagedDocument(self.path, f"part {name} is empty")
        return root

    def too_big(self, name: str) -> None:
        raise ResourceLimitExceeded(
            self.path, f"part {name} is larger than the limit of {self.limits.max_part_bytes / MiB:.0f} MiB uncompressed "
            f"(or the whole package passes {self.limits.max_total_uncompressed / MiB:.0f} MiB)"
        )

    def too_many_elements(self, name: str) -> None:
        raise ResourceLimitExceeded(
            self.path, f"part {name} has more than {self.limits.max_xml_elements:,} XML elements (limit per part)"
        )

    def bomb(self, name: str, ratio: float) -> None:
        raise ResourceLimitExceeded(
            self.path, f"part {name} inflates {ratio:,.0f}x (limit {self.limits.max_ratio:g}x): looks like a zip bomb"
        )

    def _too_deep(self, name: str) -> ResourceLimitExceeded:
        return ResourceLimitExceeded(self.path, f"part {name} nests XML deeper than {self.limits.max_xml_depth} levels")

    def _xml_error(self, name: str, e: etree.XMLSyntaxError) -> Exception:
        message = (getattr(e, "msg", None) or str(e) or "syntax error").splitlines()[0]
        if "Excessive depth" in message:
            return self._too_deep(name)
        if "amplification" in message or "entity" in message.lower():
            return DamagedDocument(self.path, f"part {name} declares a DTD/entities; refused")
        return DamagedDocument(self.path, f"part {name} is not well-formed XML ({message}); open it in Word and save it again")

    def _content_types(self) -> dict[str, str]:
        """Part name (without the leading /) or "*.ext" -> content type; {} when the part is unusable."""
        if CONTENT_TYPES not in self._infos:
            return {}
        try:
            root = self.parse(CONTENT_TYPES)
        except DamagedDocument:
            return {}
        found = {}
        for el in root:
            if not isinstance(el.tag, str):
                continue
            if el.get("PartName"):
                found[el.get("PartName", "").lstrip("/")] = el.get("ContentType", "")
            elif el.get("Extension"):
                found["*." + el.get("Extension", "").lower()] = el.get("ContentType", "")
        return found

    def _rels_of(self, source: str) -> list[tuple[str, str, str]]:
        """(type, target, mode) of the relationships of a part ("" is the package)."""
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self._infos:
            return []
        try:
            root = self.parse(rels_name)
        except DamagedDocument:
            return []  # a broken .rels: fall back on the usual part names below
        return [
            (rel.get("Type", ""), rel.get("Target", ""), rel.get("TargetMode", "Internal"))
            for rel in root
            if isinstance(rel.tag, str)
        ]

    def _resolve(self, source: str, target: str) -> str:
        if target.startswith("/"):
            return posixpath.normpath(target.lstrip("/"))
        return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))

    def _main_document_part(self, content_types: dict[str, str]) -> str:
        for rel_type, target, _ in self._rels_of(""):
            if rel_type in REL_OFFICE_DOCUMENT:
                name = self._resolve("", target)
                if name in self._infos:
                    ext = "*." + posixpath.splitext(name)[1].lstrip(".").lower()
                    file_format.check_main_part(self.path, name, content_types.get(name) or content_types.get(ext))
                    return name
        if "word/document.xml" in self._infos:
            return "word/document.xml"
        if any("wordprocessingml.document" in ct or "ms-word" in ct for ct in content_types.values()):
            raise DamagedDocument(self.path, "is a damaged .docx: its main part word/document.xml is missing; get the file again")
        for folder in ("xl/", "ppt/", "visio/"):
            if any(name.startswith(folder) for name in self._infos):
                file_format.check_main_part(self.path, folder, None)
        raise NotADocxFile(
            self.path, "is a zip file but not a Word document (it has no word/document.xml); "
            f"{file_format.NOT_WORD_ADVICE}"
        )

    def _relationships(self, part: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for rel_type, target, mode in self._rels_of(part):
            if mode == "External":
                continue
            for key, suffix in REL_SUFFIX.items():
                if rel_type.endswith(suffix) and key not in found:
                    name = self._resolve(part, target)
                    if name in self._infos:
                        found[key] = name
        for key, default in (("styles", "word/styles.xml"), ("numbering", "word/numbering.xml")):
            if key not in found and default in self._infos:
                found[key] = default
        return found


def open_package(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> DocxPackage:
    """Open the bytes of a .docx; raise a jixiao error naming `path` when they are not one."""
    if len(data) > limits.max_file_bytes:
        raise _file_too_big(path, len(data), limits)
    file_format.require_ooxml(data, path)
    return DocxPackage(data, path, limits)
