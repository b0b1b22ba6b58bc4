"""Write small OLE2 compound files ([MS-CFB] version 3) for the hostile corpus.

Streams shorter than 4,096 bytes go to the mini stream, as the format requires,
so readers that follow the spec (ours, olefile, LibreOffice) find them.
"""

from __future__ import annotations

import struct

SECTOR, MINI = 512, 64
CUTOFF = 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\x00" * (-len(data) % size)


def _entry(name: str, kind: int, start: int, size: int, *, child: int = NOSTREAM, right: int = NOSTREAM) -> bytes:
    raw = (name + "\x00").encode("utf-16-le")
    return struct.pack(
        "<64sHBBIII16sIQQIQ", raw, len(raw), kind, 1, NOSTREAM, right, child, b"\x00" * 16, 0, 0, 0, start, size
    )


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file whose root storage holds `streams` (name -> content)."""
    # Siblings are kept as a right-leaning chain in the order [MS-CFB] 2.6.4 compares names.
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    small = [n for n in names if len(streams[n]) < CUTOFF]
    big = [n for n in names if len(streams[n]) >= CUTOFF]

    mini_stream, minifat, mini_start = b"", [], {}
    for n in small:
        mini_start[n] = len(mini_stream) // MINI if streams[n] else END
        count = -(-len(streams[n]) // MINI)
        minifat += [len(minifat) + i + 1 for i in range(count - 1)] + ([END] if count else [])
        mini_stream += _pad(streams[n], MINI)

    n_dir = -(-(len(names) + 1) // 4)
    n_minifat = -(-len(minifat) * 4 // SECTOR)
    chains = {"dir": n_dir, "minifat": n_minifat, "mini": -(-len(mini_stream) // SECTOR)}
    chains.update({n: -(-len(streams[n]) // SECTOR) for n in big})
    order = ["dir", "minifat", "mini", *big]
    other = sum(chains.values())
    n_fat = 1
    while n_fat * (SECTOR // 4) < other + n_fat:
        n_fat += 1
    start, cursor = {}, n_fat
    for key in order:
        start[key] = cursor if chains[key] else END
        cursor += chains[key]

    fat = [FATSECT] * n_fat
    for key in order:
        count = chains[key]
        fat += [start[key] + i + 1 for i in range(count - 1)] + ([END] if count else [])
    fat += [FREE] * (n_fat * SECTOR // 4 - len(fat))

    entries = [_entry("Root Entry", 5, start["mini"], len(mini_stream), child=1 if names else NOSTREAM)]
    for i, n in enumerate(names):
        first = mini_start[n] if n in mini_start else start[n]
        entries.append(_entry(n, 2, first, len(streams[n]), right=i + 2 if i + 1 < len(names) else NOSTREAM))
    directory = _pad(b"".join(entries), SECTOR)

    difat = list(range(n_fat)) + [FREE] * (109 - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"), b"\x00" * 16, 0x3E, 3, 0xFFFE, 9, 6, b"\x00" * 6,
        0, n_fat, start["dir"], 0, CUTOFF, start["minifat"], n_minifat, END, 0,
    ) + struct.pack("<109I", *difat)
    body = struct.pack(f"<{len(fat)}I", *fat) + directory
    minifat += [FREE] * (n_minifat * SECTOR // 4 - len(minifat))
    body += struct.pack(f"<{len(minifat)}I", *minifat)
    body += _pad(mini_stream, SECTOR)
    for n in big:
        body += _pad(streams[n], SECTOR)
    return header + body
