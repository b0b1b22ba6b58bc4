"""A zip member as it inflates, counted against the package's limits on every read.

Sizes in a zip's headers are claims; this stream counts the bytes really handed
out, so a header that lies gains nothing.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import IO, TYPE_CHECKING

from jixiao.extract.exceptions import DamagedDocument
from jixiao.extract.limits import MiB
from jixiao.extract.ooxml.xml_prolog import XML_SUFFIXES, check_prolog

if TYPE_CHECKING:
    from jixiao.extract.ooxml.package import DocxPackage

ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error, NotImplementedError)
CHUNK = 1 << 16
RATIO_FLOOR = 1 * MiB
"""Parts smaller than this are never refused for their compression ratio (tiny XML compresses well)."""


class PartStream(io.RawIOBase):
    """One zip member as inflated, counted against the package's limits on every read."""

    def __init__(self, package: DocxPackage, info: zipfile.ZipInfo, raw: IO[bytes]) -> None:
        self._pkg, self._info, self._raw = package, info, raw
        self._out = 0
        self._budget = max(0, min(package.limits.max_part_bytes, package.limits.max_total_uncompressed - package.bytes_read))
        self._compressed = max(1, min(info.compress_size, package.size))
        self._pending = b""
        self._is_xml = info.filename.lower().endswith(XML_SUFFIXES)
        self._elements = 0
        if self._is_xml:
            self._pending = self._pull(64 * 1024)
            check_prolog(self._pending, package.path, info.filename)

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        data = self._pending[: len(b)] if self._pending else self._pull(len(b))
        self._pending = self._pending[len(data) :]
        b[: len(data)] = data
        return len(data)

    def _pull(self, n: int) -> bytes:
        self._pkg.check_deadline()
        try:
            data = self._raw.read(min(n, CHUNK, self._budget - self._out + 1))
        except ZIP_ERRORS as e:
            raise DamagedDocument(self._pkg.path, f"part {self._info.filename} is damaged ({e}); get the file again") from None
        self._out += len(data)
        self._pkg.bytes_read += len(data)
        if self._out > self._budget:
            self._pkg.too_big(self._info.filename)
        if self._out > RATIO_FLOOR and self._out > self._pkg.limits.max_ratio * self._compressed:
            self._pkg.bomb(self._info.filename, self._out / self._compressed)
        if self._is_xml:
            # Start tags (plus the odd comment): a C-speed count, so the limit costs nothing.
            self._elements += data.count(b"<") - data.count(b"</")
            if self._elements > self._pkg.limits.max_xml_elements:
                self._pkg.too_many_elements(self._info.filename)
        return data

    def close(self) -> None:
        self._raw.close()
        super().close()
