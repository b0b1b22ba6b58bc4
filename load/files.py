"""Which files an ingest reads: the paths given, folders walked recursively; every file accounted for.

Folders yield Word documents and the legacy formats --convert turns into them (a legacy
file read without --convert fails with a line saying so, never silently skipped). Folder
symlinks are followed (each folder once), and a broken link is yielded so that it fails
with a line naming it. Any byte sequence is a file name: `readable_path` shows one that
is not UTF-8 (GBK names from a zip unpacked on Linux) as text a clerk can read.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = [
    "REPORT_SUFFIXES", "LEGACY_SUFFIXES", "iter_report_files", "file_sha256", "readable_path", "readable_message",
]

REPORT_SUFFIXES = frozenset({".docx", ".docm", ".dotx"})
LEGACY_SUFFIXES = frozenset({".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt"})
"""Word-processor formats `--convert` reads through LibreOffice."""
_OWNER_FILE = "~$"
"""Word's lock file beside an open document ("~$报告.docx"): a few bytes, never a report."""
_ESCAPED = re.compile("[\udc80-\udcff]+")
"""Bytes of a file name that are not UTF-8, as Python's file-system decoding escapes them."""


def _is_candidate(name: str) -> bool:
    suffix = os.path.splitext(name)[1].lower()
    return (suffix in REPORT_SUFFIXES or suffix in LEGACY_SUFFIXES) and not name.startswith(_OWNER_FILE)


def _walk(folder: Path) -> Iterator[Path]:
    """Report files under `folder`, sorted; symlinked folders followed once each, broken links kept."""
    seen: set[str] = set()
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back to a folder already walked
            dirs[:] = []
            continue
        seen.add(real)
        for name in files:
            path = Path(root, name)
            if _is_candidate(name) and (path.is_file() or path.is_symlink()):
                found.append(path)
    yield from sorted(found)


def iter_report_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly (whatever their suffix, so the reader can say what they are), then the
    report files under each folder in sorted order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def readable_path(text: str) -> str:
    """`text` with each path part that is not UTF-8 decoded as GBK/GB18030 (else shown as \\xNN).

    Such names arrive from the operating system as escaped bytes (surrogates) that no
    database, log or terminal accepts; the file is still opened by its original name.
    """
    if not _ESCAPED.search(text):
        return text
    return "/".join(_readable_part(part) for part in text.split("/"))


def readable_message(message: str, path: str) -> str:
    """A message naming `path` with the path readable, and no escaped byte left anywhere."""
    return _ESCAPED.sub(_hex, message.replace(path, readable_path(path)))


def _readable_part(part: str) -> str:
    if not _ESCAPED.search(part):
        return part
    raw = part.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return _ESCAPED.sub(_hex, part)


def _hex(run: re.Match[str]) -> str:
    return "".join(f"\\x{ord(ch) - 0xDC00:02x}" for ch in run.group())


def file_sha256(path: str | Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
