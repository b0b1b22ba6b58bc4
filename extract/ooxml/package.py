"""Open a .docx package safely and hand out its parts as size-limited byte streams.

python-docx's loader would parse every XML part into its element classes before
we see any of them; we need the document part streamed once, under limits, so
the package is opened here with zipfile and parts are found through the
relationships (_rels/.rels, word/_rels/document.xml.rels), as ECMA-376 Part 2 says.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import IO

from lxml import etree

from extract.exceptions import DamagedDocument, NotADocxFile, ResourceLimitExceeded
from extract.limits import DEFAULT_LIMITS, Limits

REL_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
REL_SUFFIX = {"styles": "/styles", "numbering": "/numbering"}
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def xml_parser() -> etree.XMLParser:
    """A parser that never resolves entities, loads a DTD or touches the network."""
    return etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )


class _LimitedReader(io.RawIOBase):
    """Reads a zip member and stops with ResourceLimitExceeded past `limit` bytes."""

    def __init__(self, raw: IO[bytes], limit: int, on_exceed) -> None:
        self._raw, self._left, self._on_exceed = raw, limit, on_exceed

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        data = self._raw.read(min(len(b), self._left + 1))
        if len(data) > self._left:
            self._on_exceed()
        self._left -= len(data)
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


class DocxPackage:
    """An opened .docx: its zip, the names of its main parts, and the limits it is read under."""

    def __init__(self, data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path, self.limits = path, limits
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
            raise DamagedDocument(path, f"is not a complete .docx (the zip is damaged or truncated: {e})") from None
        if len(infos) > limits.max_entries:
            raise ResourceLimitExceeded(path, f"has {len(infos)} zip entries (limit {limits.max_entries})")
        self._infos = {i.filename: i for i in infos}
        self._read_total = 0
        self.document_part = self._main_document_part()
        rels = self._relationships(self.document_part)
        self.styles_part = rels.get("styles")
        self.numbering_part = rels.get("numbering")

    def has(self, name: str | None) -> bool:
        return name is not None and name in self._infos

    def open(self, name: str) -> IO[bytes]:
        """Stream one part, enforcing the part-size, ratio and total limits as it is read."""
        info = self._infos.get(name)
        if info is None:
            raise DamagedDocument(self.path, f"is missing the part {name}")
        lim = self.limits
        if info.file_size > lim.max_part_bytes:
            self._too_big(name)
        if info.compress_size and info.file_size / max(info.compress_size, 1) > lim.max_ratio and info.file_size > 1 * 1024 * 1024:
            raise ResourceLimitExceeded(
                self.path, f"part {name} inflates {info.file_size / info.compress_size:.0f}x (limit {lim.max_ratio:.0f}x): looks like a zip bomb"
            )
        budget = min(lim.max_part_bytes, lim.max_total_uncompressed - self._read_total)
        try:
            raw = self._zip.open(info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, ValueError) as e:
            raise DamagedDocument(self.path, f"cannot read part {name}: {e}") from None
        self._read_total += info.file_size
        return io.BufferedReader(_LimitedReader(raw, budget, lambda: self._too_big(name)), 1 << 16)

    def read(self, name: str) -> bytes:
        with self.open(name) as f:
            try:
                return f.read()
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
                raise DamagedDocument(self.path, f"part {name} is damaged: {e}") from None

    def _too_big(self, name: str) -> None:
        raise ResourceLimitExceeded(
            self.path, f"part {name} is larger than the limit of {self.limits.max_part_bytes // (1024 * 1024)} MiB uncompressed"
        )

    def _rels_of(self, source: str) -> list[tuple[str, str, str]]:
        """(type, target, mode) of the relationships of a part ("" is the package)."""
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self._infos:
            return []
        try:
            root = etree.fromstring(self.read(rels_name), xml_parser())
        except etree.XMLSyntaxError as e:
            raise DamagedDocument(self.path, f"{rels_name} is not well-formed XML ({e})") from None
        out = []
        for rel in root:
            if not isinstance(rel.tag, str):
                continue
            out.append((rel.get("Type", ""), rel.get("Target", ""), rel.get("TargetMode", "Internal")))
        return out

    def _resolve(self, source: str, target: str) -> str:
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))

    def _main_document_part(self) -> str:
        for rel_type, target, _ in self._rels_of(""):
            if rel_type in REL_OFFICE_DOCUMENT:
                name = self._resolve("", target)
                if name in self._infos:
                    return name
        if "word/document.xml" in self._infos:
            return "word/document.xml"
        raise NotADocxFile(self.path, "is a zip file but not a Word document (it has no word/document.xml)")

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
        raise ResourceLimitExceeded(path, f"is {len(data) // (1024 * 1024)} MiB (limit {limits.max_file_bytes // (1024 * 1024)} MiB)")
    if not data.startswith(b"PK"):
        raise NotADocxFile(path, "is not a .docx file (not a zip package)")
    return DocxPackage(data, path, limits)
