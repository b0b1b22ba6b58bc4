"""Safety limits for reading untrusted files; defaults fit every real report seen so far."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a single .docx may cost before it is refused as hostile or broken."""

    max_file_bytes: int = 200 * MiB
    """Size of the .docx file itself."""
    max_total_uncompressed: int = 500 * MiB
    """Sum of the uncompressed sizes of the parts jixiao reads."""
    max_part_bytes: int = 256 * MiB
    """Uncompressed size of any one part (word/document.xml is the big one)."""
    max_ratio: float = 200.0
    """Uncompressed / compressed size of a part; real XML compresses 5-30x."""
    max_entries: int = 10_000
    """Number of entries in the zip."""
    max_xml_depth: int = 256
    """Nesting depth of XML elements."""
    seconds_per_document: float = 60.0
    """Wall-clock time to read one document."""


DEFAULT_LIMITS = Limits()
