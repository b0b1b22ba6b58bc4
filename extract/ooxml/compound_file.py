"""Just enough of the OLE2 compound file format ([MS-CFB]) to tell what an old Office file is.

Word 97-2003 .doc, WPS .wps and password-protected .docx files are all compound
files; the names of their streams (WordDocument, EncryptedPackage ...) say which.
The file is untrusted, so every table is cut to what the file's size can address,
every chain is walked at most once, and streams are read only as far as asked.
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
MAX_ENTRIES = 65_536
"""Directory entries read at most; a real .doc has a few dozen."""
_MAX_REGULAR = 0xFFFFFFFA
_ENTRY_SIZE = 128
_MINI = 64
_STREAM, _ROOT = 2, 5


class CompoundFileError(ValueError):
    """The bytes start like a compound file but its structure is broken."""


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    kind: int
    start: int
    size: int


def _uint32s(raw: bytes) -> array:
    table = array("I")
    table.frombytes(raw[: len(raw) // 4 * 4])
    if sys.byteorder == "big":
        table.byteswap()
    return table


class CompoundFile:
    """The directory of a compound file, and bounded reads of its streams."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(SIGNATURE):
            raise CompoundFileError("too short for a compound file header")
        self._data = data
        (major, order, sector_shift, mini_shift) = struct.unpack_from("<HHHH", data, 26)
        if order != 0xFFFE or sector_shift not in (9, 12) or mini_shift != 6:
            raise CompoundFileError(f"unsupported header (version {major}, sector shift {sector_shift})")
        self._sector = 1 << sector_shift
        (n_fat, first_dir, _, self._cutoff, first_minifat, _, first_difat, n_difat) = struct.unpack_from(
            "<IIIIIIII", data, 44
        )
        self._n_sectors = max(0, (len(data) - self._sector) // self._sector)
        self._fat = self._read_fat(n_fat, first_difat, n_difat)
        self._entries = self._read_directory(first_dir)
        root = self._entries[0] if self._entries[0].kind == _ROOT else None
        self._root_start = root.start if root else _MAX_REGULAR + 1
        # A mini FAT entry per 64 bytes of file is all the file can hold.
        minifat = self._chain_bytes(first_minifat, len(data) // _MINI * 4) if first_minifat <= _MAX_REGULAR else b""
        self._minifat = _uint32s(minifat)
        self._mini_sectors: list[int] | None = None

    @property
    def stream_names(self) -> frozenset[str]:
        """Names of all streams, lower-cased (compound file names compare case-insensitively)."""
        return frozenset(e.name.lower() for e in self._entries if e.kind == _STREAM)

    def read_stream(self, name: str, max_bytes: int) -> bytes:
        """The first `max_bytes` bytes of the first stream called `name` (case-insensitive)."""
        for e in self._entries:
            if e.kind == _STREAM and e.name.lower() == name.lower():
                size = min(e.size, max_bytes)
                return self._mini_chain_bytes(e.start, size) if e.size < self._cutoff else self._chain_bytes(e.start, size)
        raise CompoundFileError(f"no stream {name}")

    def _sector_bytes(self, sector: int) -> bytes:
        if sector >= self._n_sectors:
            raise CompoundFileError(f"sector {sector} lies past the end of the file")
        start = (sector + 1) * self._sector
        return self._data[start : start + self._sector]

    def _read_fat(self, n_fat: int, first_difat: int, n_difat: int) -> array:
        # FAT entries past the file's last sector address nothing: never read more than that.
        needed = min(n_fat, -(-self._n_sectors * 4 // self._sector))
        fat_sectors = [s for s in _uint32s(self._data[76:512]) if s <= _MAX_REGULAR]
        seen: set[int] = set()
        sector = first_difat
        while sector <= _MAX_REGULAR and len(seen) < n_difat and len(fat_sectors) < needed:
            if sector in seen:
                raise CompoundFileError("the DIFAT chain loops")
            seen.add(sector)
            ints = _uint32s(self._sector_bytes(sector))
            fat_sectors.extend(s for s in ints[:-1] if s <= _MAX_REGULAR)
            sector = ints[-1]
        return _uint32s(b"".join(self._sector_bytes(s) for s in fat_sectors[:needed]))

    @staticmethod
    def _chain(start: int, table: array) -> Iterator[int]:
        seen: set[int] = set()
        sector = start
        while sector <= _MAX_REGULAR:
            if sector in seen or sector >= len(table):
                raise CompoundFileError("a sector chain loops or leaves the allocation table")
            seen.add(sector)
            yield sector
            sector = table[sector]

    def _chain_bytes(self, start: int, size: int | None) -> bytes:
        out = bytearray()
        for sector in self._chain(start, self._fat):
            if size is not None and len(out) >= size:
                break
            out += self._sector_bytes(sector)
        return bytes(out if size is None else out[:size])

    def _mini_chain_bytes(self, start: int, size: int) -> bytes:
        if self._mini_sectors is None:
            self._mini_sectors = list(self._chain(self._root_start, self._fat))
        per_sector = self._sector // _MINI
        out = bytearray()
        for mini in self._chain(start, self._minifat):
            if len(out) >= size:
                break
            if mini // per_sector >= len(self._mini_sectors):
                raise CompoundFileError("a mini stream sector lies past the mini stream")
            sector = self._sector_bytes(self._mini_sectors[mini // per_sector])
            out += sector[mini % per_sector * _MINI :][:_MINI]
        return bytes(out[:size])

    def _read_directory(self, first_dir: int) -> list[_Entry]:
        raw = bytearray()
        for sector in self._chain(first_dir, self._fat):
            if len(raw) >= MAX_ENTRIES * _ENTRY_SIZE:
                raise CompoundFileError(f"the directory has more than {MAX_ENTRIES} entries")
            raw += self._sector_bytes(sector)
        entries = []
        for off in range(0, len(raw) - _ENTRY_SIZE + 1, _ENTRY_SIZE):
            name_len, kind = struct.unpack_from("<HB", raw, off + 64)
            if kind == 0:
                continue
            name = bytes(raw[off : off + min(name_len, 64)]).decode("utf-16-le", "replace").rstrip("\x00")
            start, size = struct.unpack_from("<IQ", raw, off + 116)
            if self._sector == 512:
                size &= 0xFFFFFFFF  # version 3 files may leave garbage in the high half
            entries.append(_Entry(name, kind, start, size))
        if not entries:
            raise CompoundFileError("the directory is empty")
        return entries
