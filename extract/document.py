"""The extract stage's entry point: one .docx file in, one ExtractedDocument out.

`read_document` is the only I/O (stat, read, hash); `extract_from_body` is a pure
function of the reader's output, so the domain layer is tested on model values.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from jixiao.extract.gc_pause import paused_gc
from jixiao.extract.limits import DEFAULT_LIMITS, Limits
from jixiao.extract.metadata import document_info
from jixiao.extract.model import DocxBody, Paragraph
from jixiao.extract.project_tables import read_projects
from jixiao.extract.records import ExtractedDocument, Source
from jixiao.extract.sections import goal_sections
from jixiao.extract.self_evaluation import SELF_EVALUATION, report_kind, with_results


def extract_from_body(body: DocxBody, source: Source) -> ExtractedDocument:
    """Metadata, goal sections and projects of a body the reader returned.

    The goals text is the paragraphs outside tables before the first project table.
    """
    scan = read_projects(body.blocks)
    end = scan.first_block if scan.first_block is not None else len(body.blocks)
    goals = [b for b in body.blocks[:end] if isinstance(b, Paragraph)]
    info = document_info(body.blocks, scan.projects)
    kind = report_kind(info.title, body.blocks, scan.projects)
    # only a self-evaluation (by its title, headings or result columns) is searched for the
    # execution block, 总分 and 评价等级: a targets report has none, and the search reads every cell
    projects = with_results(body.blocks, scan.projects) if kind == SELF_EVALUATION else scan.projects
    return ExtractedDocument(
        source=source,
        document=replace(info, report_kind=kind),
        sections=goal_sections(goals),
        projects=projects,
        warnings=tuple(body.warnings) + scan.warnings,
    )


def read_document(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, convert: bool = False) -> ExtractedDocument:
    """Read one .docx report (with `convert`, a legacy .doc/.wps/.rtf/.odt through LibreOffice).

    `source.sha256` is the hash of the file as submitted, before any conversion.

    Raises:
        FileMissing, NotAFile, FileUnreadable: the path is not a readable file.
        ExtractError subclasses (NotADocxFile, EncryptedDocument, DamagedDocument,
        ResourceLimitExceeded, ConversionFailed) for a file that is not a readable .docx.
    """
    # The OOXML layer loads lxml; import on use so importing extract stays cheap.
    from jixiao.extract.ooxml.package import read_file_bytes
    from jixiao.extract.ooxml.reader import read_docx

    path = Path(path)
    data = read_file_bytes(path, limits)
    source = Source(file=path.name, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data), path=str(path))
    if convert:
        from jixiao.extract.convert import convert_bytes

        data, _ = convert_bytes(data, str(path), limits)
    with paused_gc():
        return extract_from_body(read_docx(data, str(path), limits), source)
