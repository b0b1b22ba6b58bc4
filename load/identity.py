"""Which stored document a file revises, if any, and what the revision changes.

A file becomes a new version of a stored document only when it is that document: the same
base key (department, fiscal year and kind, see load.document_key) *and* the same report:
its file name without revision words is the same and the two share a project (or one of
them has none), or most of its projects match by code or name and most of their indicator
values are unchanged (different reports of one department and year often number their
projects alike: the values tell them apart). Anything else is a new document with a key of
its own (base key/file name). A revision that drops every project,
or most of them, is a shrink: it is stored but not made current unless the user accepts it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from jixiao.load.diff import DocumentDiff, ProjectSnapshot, diff_snapshots
from jixiao.load.document_key import KEY_MAX, stem_key
from jixiao.normalize.contract import report_to_dict
from jixiao.normalize.records import Report

__all__ = [
    "Candidate", "Revision", "find_revised", "revision_of", "key_choices", "first_free", "shrink_reason",
    "change_summary", "content_sha256",
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """The current version of a stored document that shares the new file's base key."""

    document_key: str
    document_id: int
    version: int
    source_file: str
    projects: tuple[ProjectSnapshot, ...]


@dataclass(frozen=True, slots=True)
class Revision:
    """The stored document a file revises, and how."""

    candidate: Candidate
    diff: DocumentDiff


def _compare(candidate: Candidate, new: Sequence[ProjectSnapshot]) -> DocumentDiff:
    return diff_snapshots(candidate.document_key, candidate.version, candidate.version + 1, candidate.projects, new)


def _mostly_unchanged(diff: DocumentDiff, new: Sequence[ProjectSnapshot]) -> bool:
    """Whether most indicators of the projects both versions have keep their name and value."""
    added = Counter(diff.projects_added)
    compared = 0
    for project in new:
        if added[project.ref]:
            added[project.ref] -= 1
        else:
            compared += len(project.indicators)
    unchanged = compared - len(diff.values_changed) - len(diff.indicators_added)
    return compared == 0 or unchanged * 2 > compared


def _is_same_report(candidate: Candidate, diff: DocumentDiff, new: Sequence[ProjectSnapshot], stem: str) -> bool:
    matched = len(new) - len(diff.projects_added)
    if stem_key(candidate.source_file) == stem:
        # The same name with no project in common is two reports that happen to share a name
        # (绩效目标表.docx in two folders); an emptied revision still counts as the same report.
        return matched > 0 or not new or not candidate.projects
    return bool(new) and matched * 2 > len(new) and _mostly_unchanged(diff, new)


def find_revised(file_name: str, new: Sequence[ProjectSnapshot], candidates: Sequence[Candidate]) -> Revision | None:
    """The candidate the file revises, preferring the one with most projects in common, then the same name."""
    stem = stem_key(file_name)
    found = []
    for candidate in candidates:
        diff = _compare(candidate, new)
        if _is_same_report(candidate, diff, new, stem):
            found.append((len(new) - len(diff.projects_added), stem_key(candidate.source_file) == stem,
                          -candidate.document_id, Revision(candidate, diff)))
    return max(found, key=lambda f: f[:3])[3] if found else None


def revision_of(candidate: Candidate, new: Sequence[ProjectSnapshot]) -> Revision:
    """The file as a revision of `candidate` whatever it holds (`--key` names the document)."""
    return Revision(candidate, _compare(candidate, new))


NUMBERED_KEYS = 20
"""Numbered keys tried (`KEY (2)` ...) before one named by the file's hash."""


def key_choices(base: str, file_name: str, by_department: bool, sha256: str) -> list[str]:
    """Keys for a new document, first choice first: the base key, base/file name, numbered, then by hash."""
    stem = stem_key(file_name) or "report"
    named = _fit(f"{base}/{stem}") if by_department and stem != base else base
    numbered = [_fit(f"{named} ({n})") for n in range(2, NUMBERED_KEYS + 2)]
    return [base, *([named] if named != base else []), *numbered, _fit(f"{named} ~{sha256[:12]}")]


def first_free(choices: Sequence[str], taken: Collection[str]) -> str:
    return next(k for k in choices if k not in taken)


def _fit(key: str) -> str:
    if len(key) <= KEY_MAX:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return f"{key[:KEY_MAX - 13]}~{digest}"


def shrink_reason(revision: Revision) -> str | None:
    """Why a revision must not replace its document silently: it drops every project, or most of them."""
    old = len(revision.candidate.projects)
    dropped = len(revision.diff.projects_removed)
    if old == 0 or dropped * 2 <= old:
        return None
    if dropped == old:
        return f"it has none of the {old} projects of v{revision.candidate.version}" if old > 1 else \
            f"it drops the only project of v{revision.candidate.version}"
    return f"it drops {dropped} of the {old} projects of v{revision.candidate.version}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def change_summary(diff: DocumentDiff) -> str:
    """"+1 project, 3 values changed": what a revision changes, in a few words."""
    parts = [f"+{_count(len(diff.projects_added), 'project')}" if diff.projects_added else "",
             f"-{_count(len(diff.projects_removed), 'project')}" if diff.projects_removed else "",
             f"{_count(len(diff.values_changed), 'value')} changed" if diff.values_changed else "",
             f"+{_count(len(diff.indicators_added), 'indicator')}" if diff.indicators_added else "",
             f"-{_count(len(diff.indicators_removed), 'indicator')}" if diff.indicators_removed else "",
             f"{_count(len(diff.fields_changed), 'project field')} changed" if diff.fields_changed else ""]
    return ", ".join(p for p in parts if p) or "same projects and values"


def content_sha256(report: Report) -> str:
    """SHA-256 of what was read from a file (its output contract without the source block)."""
    contract = report_to_dict(report)
    contract.pop("source", None)
    text = json.dumps(contract, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
