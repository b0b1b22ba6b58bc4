"""Safety limits for reading untrusted files; defaults fit every real report seen so far."""

from __future__ import annotations

from dataclasses import dataclass, fields

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a single .docx may cost before it is refused as hostile or broken.

    Change one with `dataclasses.replace(DEFAULT_LIMITS, max_ratio=500)`.
    """

    max_file_bytes: int = 200 * MiB
    """Size of the .docx file itself."""
    max_total_uncompressed: int = 500 * MiB
    """Sum of the uncompressed sizes of the zip's entries, and of the bytes jixiao reads from them."""
    max_part_bytes: int = 256 * MiB
    """Uncompressed size of any one part (word/document.xml is the big one)."""
    max_ratio: float = 200.0
    """Uncompressed / compressed size of a part larger than 1 MiB; real XML compresses 5-30x."""
    max_entries: int = 10_000
    """Number of entries in the zip."""
    max_xml_depth: int = 256
    """Nesting depth of XML elements (libxml2 refuses deeper than 256 on its own)."""
    max_xml_elements: int = 2_000_000
    """Elements in any one XML part. Each becomes Python objects, so this bounds memory even for
    XML dense enough to stay under `max_ratio`; the longest real report has about 10,000."""
    seconds_per_document: float = 60.0
    """Wall-clock time to read one document."""
    convert_seconds: float = 60.0
    """Wall-clock time LibreOffice may take to convert one file for --convert."""

    def __post_init__(self) -> None:
        for f in fields(self):
            if not getattr(self, f.name) > 0:
                raise ValueError(f"limit {f.name} must be positive, got {getattr(self, f.name)!r}")


DEFAULT_LIMITS = Limits()
