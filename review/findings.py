"""What a review finds: one Finding per broken rule, with where a reviewer looks for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

__all__ = ["Severity", "SEVERITIES", "Where", "Finding"]

Severity: TypeAlias = Literal["error", "warning", "notice"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "notice")
"""Most serious first: an error sends the project back, a warning asks for a look, a notice informs."""


@dataclass(frozen=True, slots=True)
class Where:
    """The place a finding points at: the document, and the project and indicator row when there is one.

    `table` and `row` are 0-based grid positions as in the records; the page and the
    terminal show them from 1, as a clerk counts.
    """

    file: str
    project_ordinal: int | None = None
    """Position of the project in the document, from 1."""
    project_code: str | None = None
    project_name: str | None = None
    indicator: str | None = None
    raw: str | None = None
    """The value cell as written, when the finding is about one indicator."""
    table: int | None = None
    row: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken rule at one place."""

    rule: str
    severity: Severity
    check: str
    message: str
    """Chinese, for the clerk."""
    message_en: str
    where: Where
