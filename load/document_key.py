"""The document key: what makes a revised report a new version of the same document.

department + fiscal year + kind of report when all three are known, else the
file stem without revision words (修改稿, _v2 ...), or what the user passes as --key.
The words live in load/vocab/.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePath

from jixiao.load.exceptions import LoadError
from jixiao.normalize.records import Report

__all__ = [
    "KEY_MAX", "DocumentKind", "document_key_for", "document_kind", "report_document_kind", "stem_key",
    "keyed_by_department",
]

KEY_MAX = 255
"""documents.document_key is VARCHAR(255)."""

VOCAB = Path(__file__).resolve().parent / "vocab"
_SPACES = re.compile(r"\s+")
SELF_EVALUATION = "self_evaluation"


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """A kind of report recognised from words in its title."""

    words: str
    code: str
    per_project: bool


@cache
def _kinds() -> tuple[DocumentKind, ...]:
    kinds = []
    for line in (VOCAB / "document_kinds.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words, code, per_project = line.split("\t")
            kinds.append(DocumentKind(words, code, per_project == "yes"))
    return tuple(kinds)


@cache
def _revision_markers() -> tuple[re.Pattern[str], ...]:
    lines = (VOCAB / "revision_markers.txt").read_text(encoding="utf-8").splitlines()
    return tuple(re.compile(line, re.IGNORECASE) for line in lines if line.strip() and not line.startswith("#"))


def document_kind(title: str | None) -> DocumentKind | None:
    """The kind of report its title names, or None."""
    if not title:
        return None
    compact = _SPACES.sub("", title)
    return next((k for k in _kinds() if k.words in compact), None)


def report_document_kind(report: Report) -> DocumentKind | None:
    """The kind of a report: from its title, but a self-evaluation is one whatever its title
    says (the first self_evaluation kind of document_kinds.tsv when the title names none)."""
    kind = document_kind(report.document.title)
    if report.document.report_kind == SELF_EVALUATION and (kind is None or kind.code != SELF_EVALUATION):
        kind = next(k for k in _kinds() if k.code == SELF_EVALUATION)
    return kind


def stem_key(file_name: str) -> str:
    """The file stem without trailing revision words: "报告（修改稿）.docx" -> "报告"."""
    stem = PurePath(file_name).stem.strip()
    changed = True
    while changed:
        changed = False
        for marker in _revision_markers():
            shorter = marker.sub("", stem).strip()
            if shorter and shorter != stem:
                stem, changed = shorter, True
    return stem


def keyed_by_department(report: Report) -> bool:
    """Whether the report's key comes from its department, year and kind (else from its file name)."""
    doc = report.document
    return bool(_SPACES.sub("", doc.department or "") and doc.fiscal_year and document_kind(doc.title))


def document_key_for(report: Report, override: str | None = None) -> str:
    """The key whose versions `report` joins (see the module docstring)."""
    if override is not None:
        key = override.strip()
        if not key or len(key) > KEY_MAX:
            raise LoadError("--key", f"must be 1 to {KEY_MAX} characters, got {len(key)}")
        return key
    doc = report.document
    kind = report_document_kind(report)
    department = _SPACES.sub(" ", doc.department or "").strip()
    if department and doc.fiscal_year and kind:
        parts = [department, str(doc.fiscal_year), kind.code]
        if kind.per_project and len(report.projects) == 1:
            project = report.projects[0]
            parts.append(_SPACES.sub(" ", project.code or project.name or "").strip())
        return _fit("/".join(p for p in parts if p))
    return _fit(stem_key(report.source.file) or report.source.sha256)


def _fit(key: str) -> str:
    """Shorten an over-long key, keeping it unique by a hash of the whole."""
    if len(key) <= KEY_MAX:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return f"{key[:KEY_MAX - 13]}~{digest}"
