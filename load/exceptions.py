"""Errors of the load stage."""

from __future__ import annotations

from jixiao.normalize.exceptions import JixiaoError

__all__ = [
    "JixiaoError", "LoadError", "FieldTooLong", "IngestConflict", "UnknownDocument", "BadDatabaseUrl", "ExportError",
    "ExportTargetError",
]


class LoadError(JixiaoError):
    """A document could not be written to the database."""

    code = "load_error"


class FieldTooLong(LoadError):
    """A value is longer than its database column allows."""

    code = "field_too_long"


class IngestConflict(LoadError):
    """Concurrent writers kept colliding on the same document key; retrying did not help."""

    code = "ingest_conflict"


class UnknownDocument(LoadError):
    """No document (or no such version) with the given key is in the database."""

    code = "unknown_document"


class BadDatabaseUrl(LoadError):
    """The database URL names an engine jixiao does not support."""

    code = "bad_database_url"


class ExportError(LoadError):
    """An export could not be written as asked (a cell too long for Excel ...); no file was changed."""

    code = "export_error"


class ExportTargetError(ExportError):
    """The export's output folder cannot be written (a file, read-only, full); no file was changed."""

    code = "export_target"
