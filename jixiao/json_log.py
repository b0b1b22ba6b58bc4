"""--log-json: one JSON object per file, for automation (path, sha256, status, counts, warnings, error)."""

from __future__ import annotations

import json
import os
from typing import IO, TYPE_CHECKING, Any

from jixiao.normalize.contract import warning_to_dict

if TYPE_CHECKING:
    from jixiao.batch import FileOutcome


class JsonLog:
    """One JSON line per file, flushed as it is written so a killed batch leaves a usable log."""

    def __init__(self, target: str | os.PathLike[str] | IO[str] | None, run_id: str) -> None:
        self.target = target
        self.run_id = run_id
        self.stream: IO[str] | None = None
        self.owned = False

    def __enter__(self) -> JsonLog:
        if isinstance(self.target, (str, os.PathLike)):
            self.stream = open(self.target, "w", encoding="utf-8")
            self.owned = True
        else:
            self.stream = self.target
        return self

    def __exit__(self, *exc: object) -> None:
        if self.owned and self.stream is not None:
            self.stream.close()

    def write(self, outcome: FileOutcome, traceback: str | None) -> None:
        if self.stream is None:
            return
        line = log_record(outcome, self.run_id)
        if traceback:
            line["traceback"] = traceback
        self.stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.stream.flush()


def log_record(outcome: FileOutcome, run_id: str) -> dict[str, Any]:
    """The --log-json object for one file."""
    return {
        "run_id": run_id, "path": outcome.path, "sha256": outcome.sha256, "status": outcome.status,
        "document_key": outcome.document_key, "version": outcome.version,
        "projects": outcome.projects, "indicators": outcome.indicators, "untyped": outcome.untyped,
        "warnings": [warning_to_dict(w) for w in outcome.warnings],
        "error_code": outcome.error_code, "error_message": outcome.error_message,
        "action": outcome.action, "previous_version": outcome.previous_version, "note": outcome.note,
    }
