"""Which files an ingest reads: the paths given, folders walked recursively for Word documents."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["REPORT_SUFFIXES", "iter_report_files", "file_sha256"]

REPORT_SUFFIXES = frozenset({".docx", ".docm", ".dotx"})
_OWNER_FILE = "~$"
"""Word's lock file beside an open document ("~$报告.docx"): a few bytes, never a report."""


def iter_report_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly (whatever their suffix, so the reader can say what they are), then the
    Word documents under each folder in sorted order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in REPORT_SUFFIXES and not p.name.startswith(_OWNER_FILE) and p.is_file()
            )
        else:
            yield path


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
