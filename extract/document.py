"""The extract stage's entry point: one .docx file in, one ExtractedDocument out.

`read_document` is the only I/O (stat, read, hash); `extract_from_body` is a pure
function of the reader's output, so the domain layer is tested on model values.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.exceptions import ExtractError, FileMissing, NotAFile, ResourceLimitExceeded
from extract.limits import DEFAULT_LIMITS, Limits
from extract.metadata import document_info
from extract.model import DocxBody, Paragraph
from extract.project_tables import read_projects
from extract.records import ExtractedDocument, Source
from extract.sections import goal_sections


def extract_from_body(body: DocxBody, source: Source) -> ExtractedDocument:
    """Metadata, goal sections and projects of a body the reader returned.

    The goals text is the paragraphs outside tables before the first project table.
    """
    scan = read_projects(body.blocks)
    end = scan.first_block if scan.first_block is not None else len(body.blocks)
    goals = [b for b in body.blocks[:end] if isinstance(b, Paragraph)]
    return ExtractedDocument(
        source=source,
        document=document_info(body.blocks, scan.projects),
        sections=goal_sections(goals),
        projects=scan.projects,
        warnings=tuple(body.warnings) + scan.warnings,
    )


def read_document(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> ExtractedDocument:
    """Read one .docx report.

    Raises:
        FileMissing, NotAFile: the path is not a file.
        ExtractError subclasses (NotADocxFile, EncryptedDocument, DamagedDocument,
        ResourceLimitExceeded) from the reader, for a file that is not a readable .docx.
    """
    from extract.ooxml.reader import read_docx  # the OOXML layer loads lxml; import on use

    path = Path(path)
    try:
        stat = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise FileMissing(str(path)) from None
    if path.is_dir():
        raise NotAFile(str(path))
    if not path.is_file():
        raise NotAFile(str(path), "is not a regular file")
    if stat.st_size > limits.max_file_bytes:
        raise ResourceLimitExceeded(
            str(path), f"is {stat.st_size} bytes, more than the {limits.max_file_bytes} a report may have")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExtractError(str(path), f"cannot be read ({error.strerror or error})") from None
    source = Source(file=path.name, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data), path=str(path))
    return extract_from_body(read_docx(data, str(path), limits), source)

